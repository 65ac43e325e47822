//! Tests of the subjects a reporting verb is given when no name stands before it: a
//! description of the person just named, a party member, an organisation referred to.

use crate::quotes::extract;

#[test]
fn a_person_described_by_age_is_the_person_just_named() {
    let body = "Gabriel Martinelli, who came on in the 70th minute, scored late.\n\n\
                ‘It’s been a frustrating few weeks for me, I won’t lie,’ the 24-year-old \
                said.";
    let got: Vec<_> = extract(body).into_iter().map(|q| q.speaker).collect();
    assert_eq!(got, [Some("Gabriel Martinelli".to_string())]);
    let body = "Arsenal Football Club won again.\n\n‘It’s been a frustrating few weeks \
                for me, I won’t lie,’ the 24-year-old said.";
    assert_eq!(extract(body)[0].speaker, None, "no person named");
    assert!(super::is_age("57-year-old") && !super::is_age("year-old"));
}

#[test]
fn a_person_described_by_standing_or_calling_is_the_person_just_named() {
    let speaker = |body: &str| extract(body)[0].speaker.clone();
    let before = "Marcus Webb caught two touchdowns in his first start.\n\n\
                  \"I didn't even see the ball until the last second,\" the rookie said.";
    assert_eq!(speaker(before).as_deref(), Some("Marcus Webb"));
    let after = "Tom Ashdown scored on his debut for the club.\n\n\
                 \"I just hit it and closed my eyes,\" said the teenager.";
    assert_eq!(speaker(after).as_deref(), Some("Tom Ashdown"));
    let hyphen = "Ciaran Doyle kicked the winning penalty.\n\n\
                  \"You just go through your routine,\" the fly-half said.";
    assert_eq!(speaker(hyphen).as_deref(), Some("Ciaran Doyle"));
    // Not the people around a subject: a coach is most often someone else.
    let coach = "Marcus Webb caught two touchdowns in his first start.\n\n\
                 \"He has worked so hard for this,\" the coach said.";
    assert_ne!(speaker(coach).as_deref(), Some("Marcus Webb"));
}

#[test]
fn a_calling_that_is_a_role_is_its_holder_first_else_the_person_just_named() {
    let speaker = |body: &str| extract(body).last().and_then(|q| q.speaker.clone());
    // Titled Striker before: the role's holder, not the last name.
    let titled = "Striker Harry Kane was rested. Declan Rice scored twice.\n\n\
                  \"We were sharp from the start,\" the striker said.";
    assert_eq!(speaker(titled).as_deref(), Some("Harry Kane"));
    // Nobody titled Striker: the person just named.
    let untitled = "Marcus Rashford scored twice on Sunday.\n\n\
                    \"We were sharp from the start,\" the striker said.";
    assert_eq!(speaker(untitled).as_deref(), Some("Marcus Rashford"));
    // A skipper is a captain.
    let skipper = "Bengal won by four wickets, with captain Ritam Sen unbeaten on 112 \
                   and Sayan Mondal making 71.\n\n\
                   \"I told the boys at lunch that the runs would come,\" the skipper said.";
    assert_eq!(speaker(skipper).as_deref(), Some("Ritam Sen"));
}

#[test]
fn a_politician_described_by_party_is_the_person_just_named() {
    let speaker = |body: &str| extract(body)[0].speaker.clone();
    let before = "Senate leader Harold Vance backed the bill on Monday.\n\n\
                  “We will pass it this week,” the Nevada Democrat said.";
    assert_eq!(speaker(before).as_deref(), Some("Harold Vance"));
    let after = "Harold Vance backed the bill on Monday.\n\n\
                 “We will pass it this week,” said the Republican.";
    assert_eq!(speaker(after).as_deref(), Some("Harold Vance"));
    let group = "Harold Vance backed the bill on Monday.\n\n\
                 “We will pass it this week,” the Democrats said.";
    assert_ne!(speaker(group).as_deref(), Some("Democrats"));
}

#[test]
fn the_department_or_the_statement_is_the_organisation_named_before() {
    let speaker = |body: &str| extract(body)[0].speaker.clone();
    let body = "The Department for Education said it was determined to act.\n\n\
                “We are extending free school meals to every child,” the department said.";
    assert_eq!(speaker(body).as_deref(), Some("Department for Education"));
    let body = "NHS England said in a statement that staff had worked hard.\n\n\
                “Referrals were at their highest ever level in April,” the statement said.";
    assert_eq!(speaker(body).as_deref(), Some("NHS England"));
    // A statement nobody named was said to issue, a department not named.
    let body = "Spain will ask for aid soon, the finance ministers said in a statement.\n\n\
                “The assistance will be provided from the rescue fund,” the statement said.";
    assert_eq!(speaker(body), None);
    let body = "Officials met on Monday.\n\n“We are extending free school meals to every \
                child,” the department said.";
    assert_eq!(speaker(body), None);
    assert!(!super::is_age("five-year-old") && !super::is_age("2024-year-old"));
}

#[test]
fn the_statement_is_the_organisations_whose_clause_opens_with_an_article() {
    let speaker = |body: &str| extract(body).last().and_then(|q| q.speaker.clone());
    // Not the body's first words: the article opens a later sentence.
    let body = "Hundreds of households are still waiting.\n\n\
                The Harbour Reconstruction Authority said in a statement it had \
                completed 1,800 buybacks.\n\n\
                “We are working through every remaining application,” the statement said.";
    assert_eq!(
        speaker(body).as_deref(),
        Some("Harbour Reconstruction Authority")
    );
    // After an adverbial phrase and a comma.
    let body = "Ministers met in Brussels.\n\nIn Geneva, the World Health Organization \
                said in a statement that the outbreak was spreading.\n\n“Cases are \
                rising faster than at any time this year,” the statement said.";
    assert_eq!(speaker(body).as_deref(), Some("World Health Organization"));
    // An institution's one-word name, as any organisation's.
    let body = "Leaders met in Brussels.\n\nIn Moscow, the Kremlin said in a statement \
                that the summit showed Europe was arming.\n\n“They are preparing for a \
                war that nobody is threatening them with,” the statement said.";
    assert_eq!(speaker(body).as_deref(), Some("Kremlin"));
    // An organisation's name inside a clause is not its subject.
    let body = "Ministers met in Brussels.\n\nSpain gave the World Health Organization \
                a statement of protest.\n\n“Cases are rising,” the statement said.";
    assert_eq!(speaker(body), None);
}

#[test]
fn a_statement_read_on_another_s_behalf_is_not_the_reader_s() {
    let speaker = |body: &str| extract(body).last().and_then(|q| q.speaker.clone());
    let said = "Gregory Pruitt pleaded guilty in November.\n\nHis attorney, Dana \
                Whitcomb, read a brief statement on his behalf.\n\n“I am ashamed of \
                what I did,” the statement said.";
    assert_ne!(speaker(said).as_deref(), Some("Dana Whitcomb"));
    let alone = "Gillian Ashworth was jailed.\n\nOutside court, her solicitor, Martin \
                 Crowe, read a statement on his client’s behalf.\n\n“I know that \
                 nothing I say today can undo what I did.”";
    assert_ne!(speaker(alone).as_deref(), Some("Martin Crowe"));
    // Read as one's own: the reader's.
    let own = "Gregory Pruitt pleaded guilty in November.\n\nDana Whitcomb said in a \
               statement that the money was gone.\n\n“We are heartbroken,” the \
               statement said.";
    assert_eq!(speaker(own).as_deref(), Some("Dana Whitcomb"));
}

#[test]
fn a_person_described_by_country_is_the_person_just_named() {
    let speaker = |body: &str| extract(body)[0].speaker.clone();
    let before = "Coach Javier Solano was pleased with his side.\n\n\
                  \"We played without fear today,\" the Spaniard said.";
    assert_eq!(speaker(before).as_deref(), Some("Javier Solano"));
    let after = "Petra Hudakova reached the semi-finals.\n\n\
                 \"I came here with one suitcase,\" said the Slovak.";
    assert_eq!(speaker(after).as_deref(), Some("Petra Hudakova"));
    // The country's word before a noun only qualifies it.
    let bourse = "Chancellor Angela Merkel spoke on Monday.\n\n\
                  \"We ask that it covers every trade,\" said the Austrian bourse.";
    assert_ne!(speaker(bourse).as_deref(), Some("Angela Merkel"));
}

#[test]
fn a_spokesman_for_an_organisation_speaks_for_it_unless_named() {
    let speaker = |body: &str| extract(body)[0].speaker.clone();
    let plain = "\"We will look at the case carefully,\" a spokesman for the Kremlin said.";
    assert_eq!(speaker(plain).as_deref(), Some("Kremlin"));
    // Beside the spokesman's name, set off by commas: the person.
    let named = "\"We gave them a month's notice,\" Cindy Qin, a spokeswoman for Google \
                 told Reuters.";
    assert_eq!(speaker(named).as_deref(), Some("Cindy Qin"));
    let named = "A spokesman for Deutsche Bank, Duncan King, said the bank was \"disappointed \
                 in this procedural decision\" and would appeal.";
    assert_ne!(speaker(named).as_deref(), Some("Deutsche Bank"));
}

#[test]
fn the_company_said_is_the_company_the_story_is_about() {
    let last = |body: &str| extract(body).last().and_then(|q| q.speaker.clone());
    // The company that opened a clause, though investors are named since.
    let subject = "Verdant Grid, a startup whose software helps utilities, said on \
                   Tuesday it had raised $210 million.\n\n\
                   The round was led by Meridian Peak Capital, with investors including \
                   Cobalt Ridge Ventures.\n\n\
                   \"This capital allows us to move from pilot projects to the grid,\" \
                   the company said in a statement.";
    assert_eq!(last(subject).as_deref(), Some("Verdant Grid"));
    // A company called so just before its name, nearby.
    let called = "Short sales fell by 63 percent, said John Standerfer of market data \
                  firm S3 Matching Technologies.\n\n\
                  Its study found the rule \"did not seem to be a significant factor\" \
                  in prices, the firm said.";
    assert_eq!(last(called).as_deref(), Some("S3 Matching Technologies"));
    // A legal form marks a company, but not alone, cut from its name; an
    // organisation's word is no company.
    let form = "Norvane Foods Plc reported a 9% rise in profit.\n\n\
                \"Our balance sheet allows us to keep returning cash,\" the company said.";
    assert_eq!(last(form).as_deref(), Some("Norvane Foods Plc"));
    let cut = "Acme Widget Holdings said on Monday it had hired Merrill Lynch and \
               Co Inc to advise on the sale.\n\n\"We expect strong interest from \
               buyers,\" the company said.";
    assert_eq!(last(cut).as_deref(), Some("Acme Widget Holdings"));
    let agency = "The Securities and Exchange Commission said it would look again at \
                  the rules.\n\n\"We will review every filing on its merits,\" the \
                  company said.";
    assert_eq!(last(agency), None);
}

#[test]
fn the_company_said_is_no_one_after_another_organisation_spoke_or_inside_a_phrase() {
    let last = |body: &str| extract(body).last().and_then(|q| q.speaker.clone());
    // Another organisation opened a clause since the company did.
    let since = "Acme Widget Holdings said on Monday it would cut 300 jobs.\n\n\
                 Microsoft said it would not bid for the business.\n\n\
                 \"We remain committed to our customers in every market,\" the company \
                 said.";
    assert_eq!(last(since), None);
    // An anonymous source "close to the company".
    let source = "Acme Widget Holdings said on Monday it would cut 300 jobs.\n\n\
                  \"The offer is unchanged and still far too low,\" a source close to \
                  the company said.";
    assert_eq!(last(source), None);
}

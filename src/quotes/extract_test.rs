//! Tests of quote extraction end to end: quotes, their offsets and their speakers, on
//! literal articles written for them.

use super::*;

/// (text, speaker) pairs extracted from `body`.
fn pairs(body: &str) -> Vec<(String, Option<String>)> {
    extract(body)
        .into_iter()
        .map(|q| (q.text, q.speaker))
        .collect()
}

fn one(text: &str, speaker: Option<&str>) -> Vec<(String, Option<String>)> {
    vec![(text.to_string(), speaker.map(str::to_string))]
}

fn speakers(body: &str) -> Vec<Option<String>> {
    extract(body).into_iter().map(|q| q.speaker).collect()
}

#[test]
fn reporting_verbs_in_their_forms() {
    let cases = [
        "\"The vote was rigged from the start,\" Senator Jane Holloway tweeted on Monday.",
        "Senator Jane Holloway posted on X: \"The vote was rigged from the start.\"",
        "\"The vote was rigged from the start,\" Senator Jane Holloway warned.",
        "\"The vote was rigged from the start,\" insisted Senator Jane Holloway.",
        "\"The vote was rigged from the start,\" Senator Jane Holloway argued in a letter.",
        "\"The vote was rigged from the start,\" Senator Jane Holloway added.",
    ];
    for body in cases {
        assert_eq!(
            speakers(body),
            vec![Some("Jane Holloway".to_string())],
            "{body}"
        );
    }
}

#[test]
fn speakers_named_in_capitals_read_as_in_prose() {
    let body = "COMMENTS: DAVID SLOAN, ECONOMIST, 4CAST, NEW YORK: \"I think the FED \
                will ease in September.\"\n\n*CHICAGO FED PRESIDENT CHARLES EVANS: \
                \"We cannot afford to be lax on the inflation front.\"";
    let got = pairs(body);
    assert_eq!(
        got,
        [
            (
                "I think the FED will ease in September.".to_string(),
                Some("David Sloan".to_string())
            ),
            (
                "We cannot afford to be lax on the inflation front.".to_string(),
                Some("Charles Evans".to_string())
            ),
        ]
    );
}

#[test]
fn a_bulleted_heading_names_its_speaker() {
    let body = "Fed officials spoke this week.\n\n* Fed Chairman Ben Bernanke, June 16: \
                \"There are limits to how big the deficit can be.\"\n\n* Richmond Fed \
                President Jeffrey Lacker, June 10: \"Inflation expectations are higher \
                than I would like.\"";
    assert_eq!(
        speakers(body),
        [
            Some("Ben Bernanke".to_string()),
            Some("Jeffrey Lacker".to_string())
        ]
    );
}

#[test]
fn straight_quotes_with_name_then_verb() {
    let body = r#"Marco Rubio spoke. "We will not force a deal," Rubio said."#;
    assert_eq!(
        pairs(body),
        one("We will not force a deal,", Some("Marco Rubio"))
    );
}

#[test]
fn offsets_point_at_the_text() {
    let body = "Kaja Kallas spoke. “Europe is united on this,” Kallas said.";
    let q = &extract(body)[0];
    assert_eq!(&body[q.start..q.end], q.text);
}

#[test]
fn curly_quotes_with_inverted_attribution() {
    let body = "“Europe must be able to defend itself,” said Ursula von der Leyen.";
    let expected = one(
        "Europe must be able to defend itself,",
        Some("Ursula von der Leyen"),
    );
    assert_eq!(pairs(body), expected);
}

#[test]
fn archive_double_apostrophes() {
    let body = "''It has the virtue of being responsible,'' Leonard E. Burman said.";
    let expected = one(
        "It has the virtue of being responsible,",
        Some("Leonard E. Burman"),
    );
    assert_eq!(pairs(body), expected);
}

#[test]
fn guillemets() {
    let body = "«Nous sommes prêts à aider,» a déclaré Emmanuel Macron.";
    assert_eq!(extract(body)[0].text, "Nous sommes prêts à aider,");
}

#[test]
fn british_single_quotes_are_not_apostrophes() {
    let body = "‘We don’t accept Russia’s terms,’ Keir Starmer said of the ’90s treaty.";
    assert_eq!(
        pairs(body),
        one("We don’t accept Russia’s terms,", Some("Keir Starmer"))
    );
    assert!(extract("Rock 'n' roll isn't dead, the '90s fans' leader said.").is_empty());
}

#[test]
fn split_quote_gives_two_quotes_one_speaker() {
    let body = r#""First, we talk," Marco Rubio said, "and then we sign the deal.""#;
    let got = pairs(body);
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].0, "and then we sign the deal.");
    assert!(got.iter().all(|(_, s)| s.as_deref() == Some("Marco Rubio")));
}

#[test]
fn quote_continued_into_next_paragraph() {
    let body = "“We agreed on further steps in the near future,” Rustem Umerov wrote. \
                “The work goes on.\n\n“Security must be guaranteed in the long term.”";
    let got = pairs(body);
    assert_eq!(got.len(), 3);
    assert_eq!(got[2].0, "Security must be guaranteed in the long term.");
    assert!(got
        .iter()
        .all(|(_, s)| s.as_deref() == Some("Rustem Umerov")));
}

#[test]
fn nested_single_inside_double() {
    let body = r#""He told me, 'Meh, we can put this off,'" Barack Obama said."#;
    let expected = one(
        "He told me, 'Meh, we can put this off,'",
        Some("Barack Obama"),
    );
    assert_eq!(pairs(body), expected);
}

#[test]
fn closing_glyph_opening_a_quote() {
    let body = "”Mr. Trump embodies the legacy of racism.” ― Sonya Herridge";
    let expected = one(
        "Mr. Trump embodies the legacy of racism.",
        Some("Sonya Herridge"),
    );
    assert_eq!(pairs(body), expected);
}

#[test]
fn scare_quotes_titles_and_fragments_are_not_quotes() {
    let body = "Trump wants to be a self-proclaimed \"president of peace.\" He wrote \
                \"The Art of the Deal\" in 1987 and called it \"a total disgrace\" on \
                Monday. Critics say the \"shadow fleet\" of tankers is \"growing.\"";
    assert!(extract(body).is_empty());
    assert!(extract("\"All Bets Are Off\"\n\nThe talks went on.").is_empty());
}

#[test]
fn attributed_partial_quote_ending_the_clause() {
    let body = "Jerome Powell said the Fed would \"keep doing our jobs the way we always have.\"";
    let expected = one(
        "keep doing our jobs the way we always have.",
        Some("Jerome Powell"),
    );
    assert_eq!(pairs(body), expected);
}

#[test]
fn colon_and_told_reporters() {
    let body = "Marco Rubio told reporters in Washington: \"There is no deal yet.\"";
    assert_eq!(speakers(body), [Some("Marco Rubio".to_string())]);
    let body = "Steve Witkoff wrote on Telegram: \"The talks were productive today.\"";
    assert_eq!(speakers(body), [Some("Steve Witkoff".to_string())]);
}

#[test]
fn said_in_a_statement_and_according_to() {
    let body = "\"Inflation will return to target,\" the European Central Bank said in a \
                statement. \"The outlook is uncertain,\" according to Christine Lagarde.";
    let got = speakers(body);
    assert_eq!(got[0].as_deref(), Some("European Central Bank"));
    assert_eq!(got[1].as_deref(), Some("Christine Lagarde"));
}

#[test]
fn appositive_between_name_and_verb() {
    let body = "\"Growth is slowing down,\" Jane Doe, the bank's chief economist, said.";
    assert_eq!(speakers(body), [Some("Jane Doe".to_string())]);
}

#[test]
fn titles_are_stripped_from_speakers() {
    let body = "US Secretary of State Marco Rubio spoke. \"No deal is forced,\" \
                Secretary Rubio said. \"It is up to them,\" said Sen. Claire McCaskill.";
    let got = speakers(body);
    assert_eq!(got[0].as_deref(), Some("Marco Rubio"));
    assert_eq!(got[1].as_deref(), Some("Claire McCaskill"));
}

#[test]
fn callings_before_a_name_are_stripped_as_titles_are() {
    let body = "\"It was a long shoot,\" Actor Keanu Reeves said. \"We won it late on,\" said \
                Striker Harry Kane. \"We lost our shape,\" Manager Gareth Southgate said.";
    let got = speakers(body);
    assert_eq!(got[0].as_deref(), Some("Keanu Reeves"));
    assert_eq!(got[1].as_deref(), Some("Harry Kane"));
    assert_eq!(got[2].as_deref(), Some("Gareth Southgate"));
    // "Manager" names no role: the fund manager is someone else.
    let body = "Portfolio Manager David Lipton sold his shares.\n\n\
                \"The market is cheap,\" the fund manager said.";
    assert_ne!(speakers(body)[0].as_deref(), Some("David Lipton"));
}

#[test]
fn possessive_hyphenated_accented_and_particle_names() {
    let body = "Douglas Holtz-Eakin's view was clear. \"The plan is not credible,\" \
                Holtz-Eakin said. \"This is our line in the sand,\" said José Álvarez. \
                \"New York will not back down,\" Mayor Bill de Blasio said.";
    let got = speakers(body);
    assert_eq!(got[0].as_deref(), Some("Douglas Holtz-Eakin"));
    assert_eq!(got[1].as_deref(), Some("José Álvarez"));
    assert_eq!(got[2].as_deref(), Some("Bill de Blasio"));
}

#[test]
fn unattributed_quote_continues_previous_speaker() {
    let body = "\"We can't force Ukraine to sign anything,\" Marco Rubio said.\n\n\
                \"They have to want to make a deal.\" The talks resume on Monday.";
    assert_eq!(
        speakers(body),
        [Some("Marco Rubio".into()), Some("Marco Rubio".into())]
    );
}

#[test]
fn pronouns_follow_gender() {
    let body = "Marco Rubio met Kaja Kallas in Brussels on Monday.\n\n\
                \"Europe will pay for its own defence,\" she said. \
                \"We will help where we can,\" he said.";
    assert_eq!(
        speakers(body),
        [Some("Kaja Kallas".into()), Some("Marco Rubio".into())]
    );
}

#[test]
fn a_one_word_speaker_followed_by_its_is_an_organisation() {
    // "it said" goes to the company, not to the agency told earlier.
    let body = "Two bankers told Reuters that a sale was near. Siemens said its \
                business could be hurt by the inquiry. \"The company's operations \
                may also be negatively affected,\" it said.";
    assert_eq!(speakers(body), [Some("Siemens".into())]);
    // A company is no longer a "he": the pronoun finds the executive.
    let body = "Acme said on Tuesday its orders rose 5 percent. Chief Executive \
                Mark Parker was upbeat. \"We are pleased with the quarter,\" he said.";
    assert_eq!(speakers(body), [Some("Mark Parker".into())]);
}

#[test]
fn a_companys_own_s_stays_in_its_name() {
    let body = "\"The outlook is negative,\" Moody's Investors Service said.";
    assert_eq!(speakers(body), [Some("Moody's Investors Service".into())]);
    let body = "\"Sales will fall,\" McDonald's Corp said on Monday.";
    assert_eq!(speakers(body), [Some("McDonald's Corp".into())]);
    // A possessive before a name of its own stays a possessive.
    let body = "\"Profits will fall this year,\" Germany's Deutsche Bank said.";
    assert_eq!(speakers(body), [Some("Deutsche Bank".into())]);
    let body = "Warren Buffett's Berkshire Hathaway Inc bought the railroad. \
                \"It is an all-in wager,\" Buffett said.";
    assert_eq!(speakers(body), [Some("Warren Buffett".into())]);
}

#[test]
fn a_group_opening_a_sentence_is_no_name() {
    let body = "Analysts said: \"The bank has no capital left to lend.\"";
    assert_eq!(speakers(body), [None]);
    let body = "Prosecutors said: \"The bank knew about the fraud for years.\"";
    assert_eq!(speakers(body), [None]);
}

#[test]
fn an_organisation_named_by_its_head_word_is_the_one_named_in_full() {
    let body = "The European Commission fined the bank on Monday. \
                \"The rules apply to every lender,\" the Commission said.";
    assert_eq!(speakers(body), [Some("European Commission".into())]);
    // The Fed alone is the Federal Reserve, not a regional bank.
    let body = "The New York Fed published its survey on Monday. \
                \"Rates will have to rise next year,\" the Fed said.";
    assert_eq!(speakers(body), [Some("Fed".into())]);
}

#[test]
fn an_indicator_heading_a_comment_is_its_topic_not_its_speaker() {
    let body = "JANE SIMMONS, CHIEF ECONOMIST, ACME BANK, NEW YORK: RETAIL SALES: \
                \"Stores had a good month, better than I expected.\" PPI: \"Prices \
                at the factory gate rose faster than anyone forecast.\"";
    let jane = Some("Jane Simmons".to_string());
    assert_eq!(speakers(body), [jane.clone(), jane]);
}

#[test]
fn the_agency_told_or_credited_is_never_it() {
    for body in [
        "FRANKFURT (Reuters) - Shares in the steelmaker fell. \"Whether the sale \
         will be concluded is still open,\" it said.",
        "Two bankers told Reuters that a sale was near. \"Whether the sale \
         will be concluded is still open,\" it said.",
        "A report seen by Reuters said the plant was for sale. \"Whether the sale \
         will be concluded is still open,\" it said.",
    ] {
        assert_eq!(speakers(body), [None], "{body}");
    }
}

#[test]
fn a_company_of_two_words_followed_by_its_is_an_organisation() {
    let body = "Morgan Stanley said its trading revenue rose. \"We saw solid \
                performance in rates and credit,\" it said.";
    assert_eq!(speakers(body), [Some("Morgan Stanley".into())]);
}

#[test]
fn its_after_another_noun_or_a_gendered_speaker_makes_no_organisation() {
    let body = "Hu reiterated the central bank's resolve to use every tool at its \
                disposal. \"We will explore new tools to control liquidity,\" she said.";
    assert_eq!(speakers(body), [Some("Hu".into())]);
    let body = "Kwan said its policy would not change, and she repeated it. \
                \"We will not move on rates this year,\" she said.";
    assert_eq!(speakers(body), [Some("Kwan".into())]);
    // A person called by surname alone: the "its" is another's.
    let body = "For Taiwan, Clayton Yeutter said that with its surplus the tariffs \
                were hard to defend.\n\nYeutter said the won should rise.\n\nHe \
                added: \"Something must give soon, or the deficit will grow.\"";
    assert_eq!(speakers(body), [Some("Clayton Yeutter".into())]);
}

#[test]
fn pronouns_prefer_the_speaking_subject() {
    let body = "Rustem Umerov said he had briefed President Volodymyr Zelensky. \
                \"We agreed on further steps with our partners,\" he wrote.";
    assert_eq!(speakers(body), [Some("Rustem Umerov".into())]);
}

#[test]
fn surnames_titles_and_roles_resolve_to_full_names() {
    let body = "Foreign policy chief Kaja Kallas arrived. \"We are ready to act,\" \
                Ms Kallas said. US Secretary of State Marco Rubio agreed. \"This is \
                the moment to act,\" the secretary said.";
    assert_eq!(
        speakers(body),
        [Some("Kaja Kallas".into()), Some("Marco Rubio".into())]
    );
}

#[test]
fn organisations_and_anonymous_sources() {
    let body = "\"The plan is unacceptable to us,\" the Kremlin said. \"We expect an \
                answer soon,\" a senior official said. \"Nothing has been decided yet,\" \
                officials said. \"Talks will continue today,\" a spokesman said.";
    assert_eq!(speakers(body), [Some("Kremlin".into()), None, None, None]);
}

#[test]
fn seed_style_article() {
    let body = "Umerov said on social media that he had briefed President Volodymyr \
                Zelensky. \"We agreed with our American partners on further steps,\" he \
                wrote.\n\n\"We are acting clearly in line with the priorities.\" The talks \
                are part of a flurry of diplomacy.\n\nTrump wants to be a self-proclaimed \
                \"president of peace.\"\n\nTop negotiator Rustem Umerov will attend.";
    let got = speakers(body);
    assert_eq!(
        got,
        [Some("Rustem Umerov".into()), Some("Rustem Umerov".into())]
    );
}

#[test]
fn odd_inputs_never_panic() {
    let cases = [
        "",
        "\"",
        "''",
        "“”",
        "«»",
        "\"\"\"",
        "'",
        "’",
        "\n\n\"\n\n",
        "\"unclosed and long quote here",
        "closing only” here and there” ok",
        "é\"é\"é",
        "“é”",
        "‘ü’ ‘",
        "\"a b c\" said",
        "said \"",
        "''a b c'' '",
        "Mr.",
        "\"One two three,\" he said",
        "``a b c''",
        "\"x\u{301} y\u{301} z\u{301}\" said Zoë.",
        "—\"— —\"—",
        "\u{feff}\"a b c\"",
    ];
    for body in cases {
        for q in extract(body) {
            assert_eq!(body.get(q.start..q.end), Some(q.text.as_str()));
        }
    }
    let sample = "“We agree,” he said. ‘No,’ she said. ''Yes,'' Mr. Smith said.";
    for (i, _) in sample.char_indices() {
        let _ = extract(&sample[i..]);
        let _ = extract(&sample[..i]);
    }
}

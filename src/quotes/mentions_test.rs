//! Tests of the mentions found in an article: names, titles, organisations and
//! what each is, on literal sentences.

use super::*;

fn mentions(body: &str) -> Vec<(String, NameKind, bool)> {
    let mut doc = Doc::scan(body);
    doc.analyse();
    let quoted = vec![false; doc.tokens.len()];
    find(&doc, &quoted)
        .iter()
        .map(|m| {
            let words = (m.first..=m.last).filter(|&t| doc.is_word(t));
            let text = words.map(|w| doc.text(w)).collect::<Vec<_>>();
            (text.join(" "), m.kind, m.subject)
        })
        .collect()
}

/// Whether some mention of `found` has `part` in its name.
fn any_with(found: &[(String, NameKind, bool)], part: &str) -> bool {
    found.iter().any(|m| m.0.contains(part))
}

/// Whether `found` holds a mention `name`, of `kind` when one is given.
fn holds(found: &[(String, NameKind, bool)], name: &str, kind: Option<NameKind>) -> bool {
    found
        .iter()
        .any(|m| m.0 == name && kind.is_none_or(|k| m.1 == k))
}

#[test]
fn an_organisation_runs_through_a_plurals_apostrophe() {
    let got = mentions("In a statement, the National Farmers’ Union said it was angry.");
    let org = Some(NameKind::Org);
    assert!(holds(&got, "National Farmers Union", org), "{got:?}");
    let got = mentions("The British Bankers' Association said rates rose.");
    assert!(holds(&got, "British Bankers Association", None), "{got:?}");
    // No organisation word after it: the run stops at the apostrophe.
    let got = mentions("The Smiths' Garden was open, James Smith said.");
    assert!(got.iter().all(|m| m.0 != "Smiths Garden"), "{got:?}");
}

#[test]
fn finds_titled_names_and_subjects() {
    let found = mentions("Miami: US Secretary of State Marco Rubio on Friday met Umerov.");
    assert_eq!(found[1], ("Marco Rubio".into(), NameKind::Person, true));
    assert_eq!(found[2].0, "Umerov");
    let found = mentions("But Rubio said he had briefed President Volodymyr Zelensky.");
    assert_eq!(found[0], ("Rubio".into(), NameKind::Unknown, true));
    assert_eq!(found[1].0, "Volodymyr Zelensky");
    assert!(!found[1].2);
}

#[test]
fn the_agency_credited_in_the_dateline_is_no_mention() {
    let found = mentions("KYIV (Reuters) - Ukraine's army said it held the line.");
    assert!(found.iter().all(|m| m.0 != "Reuters"), "{found:?}");
    let later = mentions(
        "KYIV - Officials spoke on Monday in the capital after a long night of \
         talks. The army told the agency (Reuters) so.",
    );
    assert!(later.iter().any(|m| m.0 == "Reuters"), "{later:?}");
}

#[test]
fn initials_particles_and_possessives() {
    let found = mentions("Laurence H. Tribe and Bill de Blasio met Trump's envoy.");
    assert_eq!(found[0].0, "Laurence H Tribe");
    assert_eq!(found[1].0, "Bill de Blasio");
    assert_eq!(found[2].0, "Trump's");
}

#[test]
fn an_office_holders_s_runs_into_the_name_of_the_office() {
    let got = mentions("The Harlan County Sheriff's Office said the road was closed.");
    let office = "Harlan County Sheriff's Office";
    assert!(holds(&got, office, Some(NameKind::Org)), "{got:?}");
    let got = mentions("Later the Prime Minister’s Office said talks went on.");
    assert!(holds(&got, "Prime Minister’s Office", None), "{got:?}");
    // Anyone else's `'s` is a possessive: the run stops at it.
    let got = mentions("Obama's Treasury Secretary spoke.");
    assert!(!any_with(&got, "Obama's Treasury"), "{got:?}");
}

#[test]
fn an_organisations_name_runs_through_of_the() {
    let got = mentions("A spokeswoman for the Office of the Revenue Commissioners said no.");
    let office = "Office of the Revenue Commissioners";
    assert!(holds(&got, office, Some(NameKind::Org)), "{got:?}");
    // Not after a word of no organisation: "Friends of the Earth" is left
    // to the lists, "Smith of the Treasury" is two names.
    let got = mentions("Officials heard John Smith of the Treasury on Monday.");
    assert!(!any_with(&got, "of the"), "{got:?}");
}

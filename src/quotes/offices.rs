//! A title's office, after "of" or "for" ("Secretary of Commerce Malcolm
//! Baldrige", "Undersecretary for International Affairs Lael Brainard"):
//! where it ends and the name proper begins, when the word lists know
//! none of its words. Without it, the office was read as part of the name
//! ("for International Affairs Lael Brainard", 206 quotes of Reuters
//! 2006-2013) or the run as a role without a name.

use super::names::{is_title_zone_word, Word};

/// The first word of the name proper when a title's "for" or "of" opens
/// the office it is for and the word lists do not say where the office
/// ends, else `first`: "Undersecretary for International Affairs Lael
/// Brainard", "Secretary of Commerce Malcolm Baldrige". The name starts at
/// a known forename after the office's first word, else, after "for", it
/// is the last two words. An office that names a titled person is the one
/// the speaker works for ("spokesman for Sen. John McCain"), and without
/// words enough for an office and a name ("Minister for Education"), the
/// run names only the role: `words.len()` then.
pub(super) fn past_office(words: &[Word], first: usize) -> usize {
    let n = words.len();
    let after_title = first > 0 && words[first - 1].info.title.is_some();
    let (office, last_two) = match words.get(first).map(|w| w.text) {
        Some("for") if after_title => (first + 1, true),
        // "U.K. Chancellor of the Exchequer Nigel Lawson": the title found
        // after a word the lists do not know.
        Some("of") if after_title => (first + 1, false),
        _ => match title_of(words, first) {
            Some(of) => (of + 1, false),
            None => return first,
        },
    };
    let start = (office + 1..n.saturating_sub(1))
        .find(|&f| words[f].info.forename.is_some())
        .or((last_two && n >= office + 3).then(|| n - 2))
        // After "of", the zone of known words, when it covers the office
        // ("Governor of the Bank of England Carney"; not "President of
        // Petroleos de Venezuela", an office of unknown words, no name).
        .or((!last_two && words[first - 1].text != "of").then_some(first));
    // A person's title (a role or a gender: "Sen.", not "Finance").
    let personal = |w: &Word| {
        w.info
            .title
            .is_some_and(|t| t.role.is_some() || t.gender.is_some())
    };
    let for_titled = |s: usize| last_two && words[office..s].iter().any(personal);
    match start {
        Some(s) if !for_titled(s) => s,
        _ => n,
    }
}

/// The "of" after a title in the zone of known words before `first`
/// ("Secretary of Commerce", "Vice President of U.S. Sales").
fn title_of(words: &[Word], first: usize) -> Option<usize> {
    (1..first)
        .rev()
        .take_while(|&i| is_title_zone_word(&words[i]))
        .find(|&i| words[i].text == "of" && words[i - 1].info.title.is_some())
}

#[cfg(test)]
mod tests {
    use crate::quotes::names::{name_of, NameKind};

    #[test]
    fn a_titles_office_after_of_is_no_part_of_the_name() {
        let commerce = "Secretary of Commerce Malcolm Baldrige";
        assert_eq!(
            name_of(commerce),
            ("Malcolm Baldrige".into(), NameKind::Person)
        );
        let sales = "Vice President of U.S. Sales Darryl Jackson";
        assert_eq!(name_of(sales).0, "Darryl Jackson");
        let bank = "Governor of the Bank of England Mark Carney";
        assert_eq!(name_of(bank).0, "Mark Carney");
        let house = "House of Representatives Speaker Nancy Pelosi";
        assert_eq!(
            name_of(house).0,
            "Nancy Pelosi",
            "a later title still ends the office"
        );
        let first = "U.K. Chancellor of the Exchequer Nigel Lawson";
        assert_eq!(
            name_of(first).0,
            "Nigel Lawson",
            "after a word the lists lack"
        );
        let unknown = "President of Petroleos de Venezuela";
        assert_eq!(
            name_of(unknown).1,
            NameKind::Role,
            "an office of unknown words, no name"
        );
        assert_eq!(name_of("Secretary of Commerce").1, NameKind::Role);
    }

    #[test]
    fn a_titles_office_after_for_is_no_part_of_the_name() {
        let office = "Treasury Undersecretary for International Affairs Lael Brainard";
        assert_eq!(name_of(office), ("Lael Brainard".into(), NameKind::Person));
        let unknown = "Minister of State for Petroleum Odein Ajumogobia";
        assert_eq!(name_of(unknown).0, "Odein Ajumogobia", "the last two words");
        assert_eq!(
            name_of("Vice President for U.S. Sales Mark McNabb").0,
            "Mark McNabb"
        );
        assert_eq!(name_of("Minister for Education").1, NameKind::Role);
        let modifier = "Minister of State for Finance Brian Hayes";
        assert_eq!(
            name_of(modifier).0,
            "Brian Hayes",
            "Finance names no person"
        );
        let boss = "Spokesman for Sen. John McCain";
        assert_eq!(name_of(boss).1, NameKind::Role, "McCain did not say it");
    }
}

//! Analysis of one run of capitalised words ("But US Secretary of State Marco Rubio's"):
//! leading function words and titles are stripped, the rest is classified as a person,
//! organisation, place or unknown name, with the gender and roles its titles imply.

use super::gender::Gender;
use super::lexicon;
use super::offices;
use super::wordinfo::{self, WordInfo};

/// What a capitalised name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameKind {
    /// A person ("Marco Rubio", "Mr. Obama").
    Person,
    /// An organisation ("Kremlin", "European Central Bank").
    Org,
    /// A place or nationality ("Ukraine", "Russian").
    Place,
    /// Only a title ("the President"): a role, no name.
    Role,
    /// A single capitalised word of unknown nature ("Rubio" before it is linked).
    Unknown,
}

/// The analysis of a run of capitalised words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Name {
    /// Index of the first word of the run that is part of the mention (titles included,
    /// leading function words excluded).
    pub lead: usize,
    /// Index of the first word of the name proper (after any titles).
    pub first: usize,
    /// One past the last word of the name proper.
    pub end: usize,
    /// Person, organisation, place, role or unknown.
    pub kind: NameKind,
    /// Gender implied by a title or forename.
    pub gender: Option<Gender>,
    /// Roles named by the titles ("secretary", "senator").
    pub roles: Vec<&'static str>,
}

/// One word of a run with what the word lists say about it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word<'w> {
    pub(super) text: &'w str,
    pub(super) info: WordInfo,
}

impl<'w> Word<'w> {
    /// Looks `text` up in the word lists.
    pub fn new(text: &'w str) -> Self {
        Word {
            text,
            info: wordinfo::info(text),
        }
    }
}

pub(super) fn is_title_zone_word(w: &Word) -> bool {
    w.info.title.is_some() || w.info.place || w.info.org || w.text == "of" || w.text == "the"
}

/// Analyses the words of one capitalised run (possessive already removed).
#[cfg(test)]
pub(crate) fn analyse(texts: &[&str]) -> Option<Name> {
    let words: Vec<Word> = texts.iter().map(|&t| Word::new(t)).collect();
    analyse_words(&words)
}

/// The name proper of a run written as words with spaces, and its kind.
#[cfg(test)]
pub(crate) fn name_of(text: &str) -> (String, NameKind) {
    let words: Vec<&str> = text.split(' ').collect();
    let n = analyse(&words).expect("a name");
    (words[n.first..n.end].join(" "), n.kind)
}

/// Analyses the looked-up words of one capitalised run (possessive already removed).
pub(crate) fn analyse_words(words: &[Word]) -> Option<Name> {
    if let [only] = words {
        if lexicon::is_no_name_alone(only.text) {
            // "Analysts said": a group described; "CPI:" a comment's topic.
            return None;
        }
    }
    let mut lead = 0;
    while lead < words.len()
        && words[lead].info.title.is_none()
        && lexicon::is_common(words[lead].text)
        && !opens_place(words, lead)
    {
        lead += 1;
    }
    let rest = &words[lead..];
    if rest.is_empty() {
        return None;
    }
    if is_org(rest) {
        let start = lead + usize::from(rest[0].text == "The");
        return Some(plain(lead, start, words.len(), NameKind::Org));
    }
    let last_title = title_end(rest);
    let mut first = lead + last_title.map_or(0, |t| t + 1);
    if first == words.len() && first >= lead + 2 && is_honorific(words[first - 2].text) {
        // "Mr. King", "Sen. Chief": the last title-like word is the surname.
        first -= 1;
    }
    let first = offices::past_office(words, first);
    let end = (words[first..].iter().enumerate())
        .position(|(k, w)| w.text == "of" || (k > 0 && ends_name(w.text)))
        .map_or(words.len(), |at| first + at);
    let mut name = plain(lead, first, end, NameKind::Unknown);
    // An honorific's gender ("Mrs.", "Sir") outweighs a forename's, which
    // outweighs a role's ("Vice Chairman Alice Rivlin" is a woman).
    let (mut honorific, mut role) = (None, None);
    for w in &words[lead..first] {
        let Some(t) = w.info.title else { continue };
        name.roles.extend(t.role);
        if is_honorific(w.text) {
            honorific = honorific.or(t.gender);
        } else {
            role = role.or(t.gender);
        }
    }
    name.kind = classify(&words[first..end], last_title.is_some());
    let forename = (name.kind == NameKind::Person && end - first >= 2)
        .then(|| words[first].info.forename)
        .flatten();
    name.gender = honorific.or(forename).or(role);
    if end == first + 1
        && first > lead
        && matches!(words[first - 1].text, "Lord" | "Lady" | "Baroness")
    {
        // "Baroness Scotland", "Lord Hensley": a peer is known by the title.
        name.first = first - 1;
    }
    Some(name)
}

/// True for "New" before a place ("New York", "New Zealand"): part of the
/// place's name, where "New" alone opening a sentence is a common word.
fn opens_place(words: &[Word], at: usize) -> bool {
    words[at].text == "New" && words.get(at + 1).is_some_and(|w| w.info.place)
}

/// Index of the last title word before the name proper, if any: in the leading zone of
/// titles, places and organisation words ("US Secretary of State"), or a later title
/// followed by a name ("Senate Banking Committee Chairman Christopher Dodd", "Commerce
/// Secretary Malcolm Baldrige"), else the words before a known forename ("Exchequer
/// Nigel Lawson"). A run opening with a forename keeps all.
fn title_end(rest: &[Word]) -> Option<usize> {
    let mut last_title = None;
    let mut j = 0;
    while j < rest.len() && is_title_zone_word(&rest[j]) {
        if rest[j].info.title.is_some() {
            last_title = Some(j);
        }
        j += 1;
    }
    let office =
        j > 0 && rest[j - 1].info.title.is_some() && rest.get(j).is_some_and(|w| w.text == "for");
    if rest[0].info.forename.is_some() || office {
        // An office after "for" is read by `past_office`.
        return last_title;
    }
    if let Some(later) = later_title(rest, j) {
        return Some(later);
    }
    let named_after = rest.len() >= j + 2 || rest.get(j).is_some_and(|w| w.info.forename.is_some());
    let of = |t: usize| rest.get(t + 1).is_some_and(|w| w.text == "of");
    if named_after && last_title.is_some_and(of) {
        // The title's complement runs to the zone's end at least ("Secretary
        // of Commerce Malcolm Baldrige", "Governor of the Bank of England
        // Mark Carney"; `past_office` reads on), when a name can follow.
        return Some(j - 1);
    }
    if last_title.is_some() || rest.len() < 3 {
        return last_title;
    }
    // Initials before the forename are the name's own ("V. V. Lakshmi
    // Narayana").
    let initial = |w: &Word| w.text.trim_end_matches('.').chars().count() == 1;
    (1..rest.len() - 1)
        .find(|&f| rest[f].info.forename.is_some())
        .filter(|&f| !rest[..f].iter().any(initial))
        .map(|f| f - 1)
}

/// The last title word at or after `from` that a name follows, unless a
/// known forename comes at `from`: the name proper has begun, and a title
/// word further on is its surname ("CEO Larry Pope").
fn later_title(rest: &[Word], from: usize) -> Option<usize> {
    if rest.get(from).is_none_or(|w| w.info.forename.is_some()) {
        return None;
    }
    let named_after = |t: usize| {
        rest[t + 1..]
            .iter()
            .any(|w| !lexicon::is_name_suffix(w.text))
    };
    (from..rest.len() - 1)
        .rev()
        .find(|&t| rest[t].info.title.is_some() && named_after(t))
}

/// A capitalised function word after a name, which the name does not take:
/// the topic of a roundup's label ("Nicolas Sarkozy On G20:") or a headline
/// ("Buffett With Cash To Spend").
fn ends_name(w: &str) -> bool {
    matches!(w, "On" | "At" | "For" | "With" | "From" | "But" | "And")
}

/// Honorifics and abbreviated titles that are always followed by a name.
fn is_honorific(w: &str) -> bool {
    matches!(
        w.strip_suffix('.').unwrap_or(w),
        "Mr" | "Mrs"
            | "Ms"
            | "Miss"
            | "Mx"
            | "Dr"
            | "Prof"
            | "Sir"
            | "Dame"
            | "Lord"
            | "Lady"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Adm"
            | "Maj"
            | "Rev"
            | "Del"
    )
}

fn plain(lead: usize, first: usize, end: usize, kind: NameKind) -> Name {
    Name {
        lead,
        first,
        end,
        kind,
        gender: None,
        roles: Vec::new(),
    }
}

/// An organisation: ends with an organisation word, or starts with one followed by
/// "of" and names no titled person ("Bank of England" is one, "Bank of England
/// Governor Andrew Bailey" is a person).
fn is_org(words: &[Word]) -> bool {
    let last = words.last().map_or("", |w| w.text);
    (words.last().is_some_and(|w| w.info.org) && !names_an_office(words))
        || (words.len() > 2
            && words[0].info.org
            && matches!(words[1].text, "of" | "for")
            && !names_titled_person(words))
        || (last == "House" && words.len() == 2 && words[0].text == "White")
}

/// A name of two words or more that is a place by its form: it ends with a
/// kind of place (`data/place-features.txt`: "the Brisbane River",
/// "Heathrow Airport"), or it is a compass point and one word that is no
/// forename ("West End", "North Shore"), which no person's name is.
fn names_a_feature(name: &[Word]) -> bool {
    let compass = |w: &Word| matches!(w.text, "North" | "South" | "East" | "West");
    match name {
        [_, .., last] if last.info.feature => true,
        [first, second] => compass(first) && second.info.forename.is_none(),
        _ => false,
    }
}

/// A title of a role followed by "of" or "for": an office ("Minister of
/// State for Financial Affairs", "Undersecretary for Economic Affairs"),
/// not an organisation, though it ends with an organisation's word.
fn names_an_office(words: &[Word]) -> bool {
    words.windows(2).any(|pair| {
        let role = pair[0].info.title.is_some_and(|t| t.role.is_some());
        role && matches!(pair[1].text, "of" | "for")
    })
}

/// A title word followed by at least one word that is not a title, place or
/// organisation word: "… Governor Andrew Bailey".
fn names_titled_person(words: &[Word]) -> bool {
    words.iter().enumerate().any(|(t, w)| {
        w.info.title.is_some()
            && words[t + 1..]
                .iter()
                .any(|n| n.info.title.is_none() && !is_title_zone_word(n))
    })
}

fn classify(name: &[Word], titled: bool) -> NameKind {
    let Some(first) = name.first() else {
        return NameKind::Role;
    };
    if !titled && (name.iter().all(|w| w.info.place) || names_a_feature(name)) {
        return NameKind::Place;
    }
    if titled || name.len() >= 2 {
        return NameKind::Person;
    }
    if first.info.forename.is_some() {
        NameKind::Person
    } else {
        NameKind::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_before_a_known_forename_stay() {
        assert_eq!(
            name_of("V. V. Lakshmi Narayana").0,
            "V. V. Lakshmi Narayana"
        );
        assert_eq!(name_of("Exchequer Nigel Lawson").0, "Nigel Lawson");
    }

    #[test]
    fn british_titles_are_stripped_but_a_peer_keeps_the_peerage() {
        assert_eq!(name_of("Greens MP Alison Kerr").0, "Alison Kerr");
        assert_eq!(name_of("Cllr Darragh Keane").0, "Darragh Keane");
        assert_eq!(name_of("Det Insp Sarah Holt").0, "Sarah Holt");
        assert_eq!(name_of("Baroness Betty Boothroyd").0, "Betty Boothroyd");
        assert_eq!(
            name_of("Labour peer Baroness Ackroyd").0,
            "Baroness Ackroyd"
        );
        assert_eq!(name_of("Lord Hensley").0, "Lord Hensley");
        assert_eq!(name_of("Stefan Baron").0, "Stefan Baron", "a surname");
    }

    #[test]
    fn titles_are_stripped() {
        let n = name_of("US Secretary of State Marco Rubio");
        assert_eq!(n, ("Marco Rubio".into(), NameKind::Person));
        assert_eq!(name_of("But President Vladimir Putin").0, "Vladimir Putin");
        assert_eq!(name_of("Sen. Claire McCaskill").0, "Claire McCaskill");
        assert_eq!(name_of("Prime Minister Keir Starmer").0, "Keir Starmer");
        assert_eq!(name_of("Ms Kallas"), ("Kallas".into(), NameKind::Person));
        assert_eq!(name_of("Mr. King"), ("King".into(), NameKind::Person));
        assert_eq!(
            name_of("U.S. Commerce Secretary Malcolm Baldrige").0,
            "Malcolm Baldrige"
        );
        assert_eq!(name_of("Exchequer Nigel Lawson").0, "Nigel Lawson");
        assert_eq!(name_of("CFO Laura Kemp").0, "Laura Kemp");
        assert_eq!(name_of("Chief Economist Laura Kemp").0, "Laura Kemp");
        assert_eq!(name_of("Equity Strategist Laura Kemp").0, "Laura Kemp");
        let unit = name_of("Economist Intelligence Unit");
        assert_eq!(unit, ("Economist Intelligence Unit".into(), NameKind::Org));
        assert_eq!(name_of("CFO").1, NameKind::Role, "the CFO alone");
        assert_eq!(
            name_of("Bank of England Governor Andrew Bailey"),
            ("Andrew Bailey".into(), NameKind::Person)
        );
        assert_eq!(name_of("Bank of England").1, NameKind::Org);
        assert_eq!(
            name_of("Martin Luther King Jr.").0,
            "Martin Luther King Jr."
        );
    }

    #[test]
    fn titles_give_roles_and_gender() {
        let words = ["Mrs.", "Clinton"];
        let n = analyse(&words).expect("a name");
        assert_eq!(n.gender, Some(Gender::Female));
        let words = ["Secretary", "of", "State", "Marco", "Rubio"];
        let n = analyse(&words).expect("a name");
        assert_eq!(n.roles, ["secretary"]);
        assert_eq!(n.gender, Some(Gender::Male));
    }

    #[test]
    fn a_title_after_a_leading_title_zone_is_stripped_too() {
        // The zone ("Senate") ends at a word that is no title, place or
        // organisation word; the later title still opens the name.
        let wyden = name_of("Senate Finance Committee Chairman Ron Wyden");
        assert_eq!(wyden, ("Ron Wyden".into(), NameKind::Person));
        assert_eq!(
            name_of("Senate Majority Leader Chuck Schumer").0,
            "Chuck Schumer"
        );
        assert_eq!(
            name_of("Former Treasury Under Secretary Lael Brainard").0,
            "Lael Brainard"
        );
        // A forename right after the zone starts the name proper: a title
        // word further on is a surname.
        assert_eq!(name_of("CEO Larry Pope").0, "Larry Pope");
    }

    #[test]
    fn a_forename_outweighs_a_roles_gender_not_an_honorifics() {
        let words = [
            "Former", "Federal", "Reserve", "Vice", "Chairman", "Alice", "Rivlin",
        ];
        let n = analyse(&words).expect("a name");
        assert_eq!(n.gender, Some(Gender::Female), "Alice, though a chairman");
        let words = ["Chairman", "Rivlin"];
        assert_eq!(analyse(&words).expect("a name").gender, Some(Gender::Male));
        let words = ["Mr.", "Alice", "Cooper"];
        assert_eq!(analyse(&words).expect("a name").gender, Some(Gender::Male));
    }

    #[test]
    fn a_label_or_headline_word_after_the_name_ends_it() {
        assert_eq!(name_of("Nicolas Sarkozy On G20").0, "Nicolas Sarkozy");
        assert_eq!(name_of("President Hu Jintao On").0, "Hu Jintao");
        assert_eq!(name_of("Buffett With Cash").0, "Buffett");
        assert_eq!(name_of("Barnes And Noble").0, "Barnes");
    }

    #[test]
    fn particles_and_suffixes_stay() {
        assert_eq!(name_of("Mayor Bill de Blasio").0, "Bill de Blasio");
        assert_eq!(name_of("Ursula von der Leyen").0, "Ursula von der Leyen");
    }

    #[test]
    fn organisations_and_places() {
        assert_eq!(name_of("Department for Education").1, NameKind::Org);
        assert_eq!(name_of("The Kremlin"), ("Kremlin".into(), NameKind::Org));
        let ecb = name_of("The European Central Bank");
        assert_eq!(ecb, ("European Central Bank".into(), NameKind::Org));
        assert_eq!(name_of("White House").1, NameKind::Org);
        let ministry = name_of("The Ministry of Foreign Affairs");
        assert_eq!(
            ministry,
            ("Ministry of Foreign Affairs".into(), NameKind::Org)
        );
        assert_ne!(
            name_of("Undersecretary for Economic Affairs").1,
            NameKind::Org
        );
        assert_eq!(name_of("Ukraine").1, NameKind::Place);
        assert_eq!(name_of("Brisbane River").1, NameKind::Place);
        assert_eq!(name_of("Heathrow Airport").1, NameKind::Place);
        assert_eq!(name_of("West End").1, NameKind::Place);
        assert_eq!(name_of("Fiona Hill").1, NameKind::Person);
        assert_eq!(name_of("Kanye West").1, NameKind::Person);
        assert_eq!(name_of("West Paul").1, NameKind::Person);
        assert_eq!(name_of("President").1, NameKind::Role);
        assert_eq!(name_of("Rubio").1, NameKind::Unknown);
    }

    #[test]
    fn a_group_noun_alone_is_no_name_but_may_open_one() {
        assert!(analyse(&["Analysts"]).is_none());
        assert!(analyse(&["PROSECUTORS"]).is_none());
        assert_eq!(name_of("Bankers Trust").0, "Bankers Trust");
    }

    #[test]
    fn function_words_alone_are_no_name() {
        assert!(analyse(&["The"]).is_none());
        assert!(analyse(&["But", "In"]).is_none());
    }
}

//! Word lists about names: titles and honorifics (`data/titles.txt`), organisation
//! words, places and nationalities, and capitalised function words that are not names.

use std::sync::LazyLock;

use super::fxhash::{FxHashMap, FxHashSet};
use super::wordinfo;
use super::wordset::WordSet;

use super::gender::Gender;

/// What a title before a name tells about the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Title {
    /// Lowercase role a later description may use ("the secretary"), if any.
    pub role: Option<&'static str>,
    /// Gender implied by the title (Mr, Mrs, Congresswoman…), if any.
    pub gender: Option<Gender>,
}

pub(crate) fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

static TITLES: LazyLock<FxHashMap<&'static str, Title>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for line in entries(include_str!("data/titles.txt")) {
        let mut cols = line.split_whitespace();
        let (Some(word), role, gender) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let role = role.filter(|r| *r != "-");
        let gender = match gender {
            Some("m") => Some(Gender::Male),
            Some("f") => Some(Gender::Female),
            _ => None,
        };
        map.entry(word).or_insert(Title { role, gender });
    }
    map
});

static ORG_WORDS: LazyLock<WordSet> = LazyLock::new(|| org_words().collect());
/// Organisation words that also name an institution alone
/// (`data/institutions.txt`).
static INSTITUTIONS: LazyLock<WordSet> =
    LazyLock::new(|| entries(include_str!("data/institutions.txt")).collect());
/// Words of a company's legal form or kind (`data/company-words.txt`).
static COMPANY_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| entries(include_str!("data/company-words.txt")).collect());
static COMMON: LazyLock<WordSet> =
    LazyLock::new(|| entries(include_str!("data/common-words.txt")).collect());
static NO_NAME_ALONE: LazyLock<WordSet> = LazyLock::new(|| {
    let groups = entries(include_str!("data/group-nouns.txt"));
    groups
        .chain(entries(include_str!("data/indicators.txt")))
        .collect()
});

/// Nouns for one person of a country or people (`data/demonyms.txt`).
static DEMONYMS: LazyLock<WordSet> =
    LazyLock::new(|| entries(include_str!("data/demonyms.txt")).collect());
/// Nouns for one person described by age, standing or calling
/// (`data/epithets.txt`).
static EPITHETS: LazyLock<WordSet> =
    LazyLock::new(|| entries(include_str!("data/epithets.txt")).collect());
/// Role words usable in a definite description ("the senator said").
static ROLES: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| TITLES.values().filter_map(|t| t.role).collect());

/// The title `word` stands for (with or without its final period), if it is one.
pub(crate) fn title(word: &str) -> Option<Title> {
    wordinfo::title(word)
}

/// The words that mark an organisation's name (`data/org-words.txt` and
/// `data/institutions.txt`).
pub(crate) fn org_words() -> impl Iterator<Item = &'static str> {
    let words = entries(include_str!("data/org-words.txt"));
    words.chain(entries(include_str!("data/institutions.txt")))
}

/// True when `word` marks an organisation ("Bank", "Kremlin", "Times").
pub(crate) fn is_org_word(word: &str) -> bool {
    ORG_WORDS.contains(word)
}

/// True when `word` is an organisation word that names an institution
/// alone ("Kremlin", "Pentagon"; `data/institutions.txt`).
pub(crate) fn is_institution(word: &str) -> bool {
    INSTITUTIONS.contains(word)
}

/// True when `word` marks a company's name ("Inc", "Plc", "Holdings";
/// `data/company-words.txt`).
pub(crate) fn is_company_word(word: &str) -> bool {
    COMPANY_WORDS.contains(word)
}

/// True when `word` is a function word or other non-name ("But", "The", "Monday").
pub(crate) fn is_common(word: &str) -> bool {
    if word.chars().count() > 1 && word.chars().all(|c| c.is_uppercase() || c == '.') {
        return false;
    }
    contains_lowercased(&COMMON, word.strip_suffix('.').unwrap_or(word))
}

/// True when `set` holds `word` in lowercase (without allocating for a
/// short ASCII word, as most are).
fn contains_lowercased(set: &WordSet, word: &str) -> bool {
    let mut buf = [0u8; 24];
    if word.is_ascii() && word.len() <= buf.len() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(|w| set.contains(w));
    }
    set.contains(word.to_lowercase().as_str())
}

/// True for a noun naming one person by country or people ("Spaniard",
/// "Australian"; `data/demonyms.txt`).
pub(crate) fn is_demonym(word: &str) -> bool {
    DEMONYMS.contains(word)
}

/// True for a lowercase noun describing one person by age, standing or
/// calling ("teenager", "rookie", "fly-half", "singer";
/// `data/epithets.txt`), which after "the" refers to someone just named.
pub(crate) fn is_epithet(word: &str) -> bool {
    EPITHETS.contains(word)
}

/// True when `word`, capitalised alone, describes a group ("Analysts",
/// "Prosecutors") rather than names one, or is an economic indicator that
/// heads a comment ("CPI:", `data/indicators.txt`).
pub(crate) fn is_no_name_alone(word: &str) -> bool {
    contains_lowercased(&NO_NAME_ALONE, word)
}

/// The role a lowercase description word names ("senator", "secretary"), if it is one;
/// "skipper" names a captain's.
pub(crate) fn role(word: &str) -> Option<&'static str> {
    match word {
        "skipper" => Some("captain"),
        _ => ROLES.get(word).copied(),
    }
}

/// Abbreviations whose period does not end a sentence ("Mr.", "Sen.", "Inc.",
/// and in capitals "ST.", "DR.", "CORP.").
pub(crate) fn is_abbreviation(word: &str) -> bool {
    is_abbreviation_as_written(word) || is_caps_abbreviation(word)
}

/// Abbreviations of a heading in capitals ("ST. LOUIS, MISSOURI"), which
/// the recasing of short unknown words leaves in capitals. Those that end
/// a sentence as often are left out: "in LA.", "Canada GEN.", "MS.".
fn is_caps_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "ST" | "MR" | "MRS" | "DR" | "CORP" | "INC" | "LTD" | "JR" | "SR" | "MT" | "FT"
    )
}

fn is_abbreviation_as_written(word: &str) -> bool {
    title(word).is_some()
        || matches!(
            word,
            "St" | "Jr"
                | "Sr"
                | "Inc"
                | "Corp"
                | "Co"
                | "Ltd"
                | "No"
                | "vs"
                | "Mt"
                | "Ft"
                | "Jan"
                | "Feb"
                | "Mar"
                | "Apr"
                | "Jun"
                | "Jul"
                | "Aug"
                | "Sep"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
                | "Ariz"
                | "Calif"
                | "Fla"
                | "Tex"
                | "Mass"
                | "Pa"
                | "Va"
                | "Ill"
                | "Mich"
                | "Wis"
                | "Minn"
                | "Ga"
                | "Ky"
                | "Tenn"
                | "Ala"
                | "Conn"
                | "Md"
                | "Mo"
                | "Nev"
                | "Okla"
                | "Ore"
                | "Wash"
                | "Colo"
                | "La"
                | "approx"
                | "etc"
                | "e.g"
                | "i.e"
        )
        || (word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.'))
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// Abbreviations whose period belongs to a name they end ("Bill Ford Jr.",
/// "Lehman Brothers Inc.", "U.S."); a title or a state's abbreviation never
/// ends a name, so a period after "King" or "Ore" ends the sentence.
pub(crate) fn ends_name_with_period(word: &str) -> bool {
    matches!(
        word,
        "Jr" | "Sr" | "Inc" | "Corp" | "Co" | "Ltd" | "Bros" | "St"
    ) || (word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.'))
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// Name suffixes kept in a name but ignored as its key ("Jr.", "III").
pub(crate) fn is_name_suffix(word: &str) -> bool {
    matches!(
        word.strip_suffix('.').unwrap_or(word),
        "Jr" | "Sr" | "II" | "III" | "IV"
    )
}

/// Lowercase particles inside names ("de Blasio", "von der Leyen", "bin Salman").
pub(crate) fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "da"
            | "di"
            | "du"
            | "del"
            | "della"
            | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "dos"
            | "das"
            | "ter"
            | "zu"
            | "af"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_carry_roles_and_gender() {
        assert_eq!(title("Sen.").and_then(|t| t.role), Some("senator"));
        assert_eq!(title("Mrs").and_then(|t| t.gender), Some(Gender::Female));
        assert!(title("Rubio").is_none());
        assert_eq!(role("secretary"), Some("secretary"));
    }

    #[test]
    fn word_classes() {
        assert!(is_org_word("Kremlin"));
        assert!(is_common("But"));
        assert!(!is_common("Rubio"));
        assert!(is_abbreviation("Mr"));
        assert!(is_abbreviation("U.S"));
        assert!(is_particle("von"));
        assert!(is_name_suffix("Jr."));
    }
}

//! One combined table over the name word lists (titles, organisation words, places,
//! forenames), so that a single hash lookup tells everything the name analysis asks
//! about a word, instead of one lookup per list and question.

use std::sync::LazyLock;

use super::fxhash::FxHashMap;
use super::gender::Gender;
use super::lexicon::{self, entries, Title};
use super::packed::PackedMap;

/// What the word lists say about one exact spelling.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    title: Option<Title>,
    org: bool,
    place: bool,
    feature: bool,
    male: bool,
    female: bool,
}

/// What the name word lists say about a word, as [`lexicon`](super::lexicon) and
/// [`gender`](super::gender) would answer one question at a time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    /// `lexicon::title(word)`: the title, with or without its final period.
    pub title: Option<Title>,
    /// `lexicon::is_org_word(word)`.
    pub org: bool,
    /// A place or nationality ("Ukraine", "Russian"), with or without a final period.
    pub place: bool,
    /// The kind of place that ends a place's name ("River", "Airport").
    pub feature: bool,
    /// `gender::of_forename(word)`.
    pub forename: Option<Gender>,
}

/// Builds the table keyed by exact spelling.
#[derive(Default)]
struct Builder {
    map: FxHashMap<&'static str, Entry>,
}

impl Builder {
    fn entry(&mut self, word: &'static str) -> &mut Entry {
        self.map.entry(word).or_default()
    }
}

fn parse_title(line: &'static str) -> Option<(&'static str, Title)> {
    let mut cols = line.split_whitespace();
    let (word, role, gender) = (cols.next()?, cols.next(), cols.next());
    let role = role.filter(|r| *r != "-");
    let gender = match gender {
        Some("m") => Some(Gender::Male),
        Some("f") => Some(Gender::Female),
        _ => None,
    };
    Some((word, Title { role, gender }))
}

static TABLE: LazyLock<PackedMap<Entry>> = LazyLock::new(|| {
    let mut t = Builder::default();
    for (word, title) in entries(include_str!("data/titles.txt")).filter_map(parse_title) {
        let e = t.entry(word);
        e.title = e.title.or(Some(title));
    }
    for w in lexicon::org_words() {
        t.entry(w).org = true;
    }
    for w in entries(include_str!("data/places.txt")) {
        t.entry(w).place = true;
    }
    for w in entries(include_str!("data/place-features.txt")) {
        t.entry(w).feature = true;
    }
    for w in entries(include_str!("data/male-forenames.txt")) {
        t.entry(w).male = true;
    }
    for w in entries(include_str!("data/female-forenames.txt")) {
        t.entry(w).female = true;
    }
    PackedMap::new(t.map)
});

/// The title `word` stands for, with or without its final period.
pub(crate) fn title(word: &str) -> Option<Title> {
    let word = word.strip_suffix('.').unwrap_or(word);
    TABLE.get(word).and_then(|e| e.title)
}

/// Everything the name word lists say about `word`.
pub(crate) fn info(word: &str) -> WordInfo {
    let exact = TABLE.get(word).unwrap_or_default();
    let stem = match word.strip_suffix('.') {
        Some(s) => TABLE.get(s).unwrap_or_default(),
        None => exact,
    };
    let forename = if exact.male {
        Some(Gender::Male)
    } else if exact.female {
        Some(Gender::Female)
    } else {
        None
    };
    WordInfo {
        title: stem.title,
        org: exact.org,
        place: stem.place,
        feature: exact.feature,
        forename,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{gender, lexicon};
    use super::*;

    #[test]
    fn agrees_with_the_lists() {
        let words = [
            "Sen.",
            "Sen",
            "Mrs",
            "Kremlin",
            "Bank",
            "Ukraine",
            "U.S.",
            "U.S",
            "Marco",
            "Kaja",
            "Rubio",
            "",
            ".",
            "Secretary",
            "Times",
            "Jr.",
        ];
        for w in words {
            let i = info(w);
            assert_eq!(i.title, title(w), "{w}");
            assert_eq!(i.org, lexicon::is_org_word(w), "{w}");
            assert_eq!(i.forename, gender::of_forename(w), "{w}");
        }
        assert!(info("Ukrainian").place && info("Miami.").place && !info("Rubio").place);
        assert_eq!(title("Sen.").and_then(|t| t.role), Some("senator"));
    }
}

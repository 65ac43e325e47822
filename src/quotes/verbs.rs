//! The reporting-verb lexicon (`data/reporting-verbs.txt`): said, told, wrote, tweeted…

use std::sync::LazyLock;

use super::fxhash::FxHashMap;
use super::packed::PackedMap;

fn forms() -> impl Iterator<Item = &'static str> {
    include_str!("data/reporting-verbs.txt")
        .lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
}

/// Bit of [`VERBS`] values: a reporting verb form.
const STRONG: u8 = 1;
/// Bit of [`VERBS`] values: a weak form ("reports", "claims").
const WEAK: u8 = 2;

/// Every form, with its [`STRONG`] and [`WEAK`] bits.
static VERBS: LazyLock<PackedMap<u8>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, u8> = FxHashMap::default();
    for w in forms() {
        match w.strip_prefix('~') {
            Some(weak) => *map.entry(weak).or_default() |= WEAK,
            None => *map.entry(w).or_default() |= STRONG,
        }
    }
    PackedMap::new(map)
});

/// For each (first letter, last letter) of the forms, a bit per length
/// (up to 15 letters): three quarters of news words fail this test, and
/// need no lookup in [`VERBS`].
static SHAPES: LazyLock<[u16; 26 * 26]> = LazyLock::new(|| {
    let mut shapes = [0u16; 26 * 26];
    for w in forms() {
        let w = w.trim_start_matches('~');
        if let Some(slot) = shape_slot(w) {
            shapes[slot.0] |= slot.1;
        }
    }
    shapes
});

/// The [`SHAPES`] index and length bit of `word`, any case; `None` for a
/// word that cannot be a form (not ASCII letters at both ends, too long).
#[inline]
fn shape_slot(word: &str) -> Option<(usize, u16)> {
    let bytes = word.as_bytes();
    let (first, last) = (bytes.first()?, bytes.last()?);
    if !first.is_ascii_alphabetic() || !last.is_ascii_alphabetic() || bytes.len() > 15 {
        return None;
    }
    let letter = |b: &u8| usize::from(b.to_ascii_lowercase() - b'a');
    Some((letter(first) * 26 + letter(last), 1 << bytes.len()))
}

/// True unless `word` (any case) surely is no form of the lexicon.
#[inline]
fn may_be_form(word: &str) -> bool {
    shape_slot(word).is_some_and(|(at, len)| SHAPES[at] & len != 0)
}

/// The [`STRONG`] and [`WEAK`] bits of `word` (exact case).
fn bits(word: &str) -> u8 {
    VERBS.get(word).unwrap_or(0)
}

/// True when `word` (any case) is a form of a reporting verb.
pub(crate) fn is_reporting_verb(word: &str) -> bool {
    if !may_be_form(word) {
        return false;
    }
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        bits(&word.to_ascii_lowercase()) & STRONG != 0
    } else {
        bits(word) & STRONG != 0
    }
}

#[cfg(test)]
/// True for forms that are usually nouns ("reports", "claims") but report speech right
/// after a name or pronoun ("the Times reports:").
pub(crate) fn is_weak_reporting_verb(word: &str) -> bool {
    bits(word) & WEAK != 0
}

/// (`is_reporting_verb(word)`, `is_weak_reporting_verb(word)`), with one lookup for
/// words without ASCII capitals.
pub(crate) fn verb_kinds(word: &str) -> (bool, bool) {
    if !may_be_form(word) {
        return (false, false);
    }
    let exact = bits(word);
    let strong = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        bits(&word.to_ascii_lowercase())
    } else {
        exact
    };
    (strong & STRONG != 0, exact & WEAK != 0)
}

/// True for a reporting verb's -ing form ("adding", "saying"), whose subject is the
/// subject of the clause it hangs on rather than a word just before it.
pub(crate) fn is_participle(word: &str) -> bool {
    word.ends_with("ing") && is_reporting_verb(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shape_test_lets_every_form_through_and_stops_most_words() {
        for w in forms() {
            let w = w.trim_start_matches('~');
            assert!(may_be_form(w), "{w}");
            assert!(may_be_form(&w.to_ascii_uppercase()), "{w}");
        }
        let stopped = [
            "the",
            "government",
            "market",
            "company",
            "billion",
            "é",
            "",
            "'s",
        ];
        assert!(stopped.iter().all(|w| !may_be_form(w)), "{stopped:?}");
    }

    #[test]
    fn verb_forms_are_known() {
        for w in [
            "said", "says", "told", "tells", "added", "wrote", "tweeted", "posted",
        ] {
            assert!(is_reporting_verb(w), "{w}");
        }
        for w in [
            "warned",
            "insisted",
            "argued",
            "asked",
            "explained",
            "noted",
            "stressed",
        ] {
            assert!(is_reporting_verb(w), "{w}");
        }
        for w in [
            "declared",
            "continued",
            "recalled",
            "acknowledged",
            "according",
            "Said",
        ] {
            assert!(is_reporting_verb(w), "{w}");
        }
        assert!(!is_reporting_verb("reports"));
        assert!(is_weak_reporting_verb("reports"));
        assert!(!is_reporting_verb("talks"));
    }

    #[test]
    fn participles_and_fillers() {
        assert!(is_participle("adding"));
        assert!(!is_participle("said"));
    }
}

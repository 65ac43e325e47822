//! The reporting-verb lexicon (`data/reporting-verbs.txt`): said, told, wrote, tweeted…

use std::sync::LazyLock;

use super::wordset::WordSet;

fn forms() -> impl Iterator<Item = &'static str> {
    include_str!("data/reporting-verbs.txt")
        .lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
}

static VERBS: LazyLock<WordSet> =
    LazyLock::new(|| forms().filter(|w| !w.starts_with('~')).collect());
static WEAK: LazyLock<WordSet> =
    LazyLock::new(|| forms().filter_map(|w| w.strip_prefix('~')).collect());

/// True when `word` (any case) is a form of a reporting verb.
pub(crate) fn is_reporting_verb(word: &str) -> bool {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        VERBS.contains(word.to_ascii_lowercase().as_str())
    } else {
        VERBS.contains(word)
    }
}

/// True for forms that are usually nouns ("reports", "claims") but report speech right
/// after a name or pronoun ("the Times reports:").
pub(crate) fn is_weak_reporting_verb(word: &str) -> bool {
    WEAK.contains(word)
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

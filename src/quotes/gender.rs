//! Grammatical gender of people, from forename lists (`data/*-forenames.txt`) and
//! honorifics, used to match he/she pronouns to the right person.

use std::sync::LazyLock;

use super::wordset::WordSet;

/// A person's gender as far as pronoun resolution is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// Referred to as he / him / his.
    Male,
    /// Referred to as she / her / hers.
    Female,
}

fn load(text: &'static str) -> WordSet {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect()
}

static MALE: LazyLock<WordSet> = LazyLock::new(|| load(include_str!("data/male-forenames.txt")));
static FEMALE: LazyLock<WordSet> =
    LazyLock::new(|| load(include_str!("data/female-forenames.txt")));

/// The gender suggested by a forename ("Marco" -> male), if it is in the lists.
pub(crate) fn of_forename(name: &str) -> Option<Gender> {
    if MALE.contains(name) {
        Some(Gender::Male)
    } else if FEMALE.contains(name) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender a third-person pronoun refers to (`he`, `his`, `She`…), if any.
pub(crate) fn of_pronoun(word: &str) -> Option<Gender> {
    match word {
        "he" | "He" | "him" | "his" | "His" | "himself" => Some(Gender::Male),
        "she" | "She" | "her" | "Her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forenames() {
        assert_eq!(of_forename("Marco"), Some(Gender::Male));
        assert_eq!(of_forename("Volodymyr"), Some(Gender::Male));
        assert_eq!(of_forename("Kaja"), Some(Gender::Female));
        assert_eq!(of_forename("Ursula"), Some(Gender::Female));
        assert_eq!(of_forename("Rubio"), None);
    }

    #[test]
    fn pronouns() {
        assert_eq!(of_pronoun("She"), Some(Gender::Female));
        assert_eq!(of_pronoun("his"), Some(Gender::Male));
        assert_eq!(of_pronoun("they"), None);
    }
}

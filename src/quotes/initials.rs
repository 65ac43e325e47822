//! Initials: the acronyms news gives organisations ("the European Central
//! Bank (ECB)"), people ("K.T. Rama Rao (KTR)") and titles ("Superintendent
//! of Police (SP) Ravi Kumar"), and whether an acronym spells a name.

/// "ECB", "IMF": two to six capital letters.
pub(crate) fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase())
}

/// The initials of a name's capitalised words: "European Central Bank" -> "ECB".
pub(crate) fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// Whether `acronym` spells `name` by initials: its first letter the
/// name's, its others initials of later capitalised words or parts of words
/// in order ("KTR" of "K.T. Rama Rao", "AOC" of "Alexandria Ocasio-Cortez",
/// "SP" of "Superintendent of Police").
pub(crate) fn initials_fit(acronym: &str, name: &str) -> bool {
    let mut parts = name
        .split([' ', '.', '-'])
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()));
    let mut letters = acronym.chars();
    if letters.next() != parts.next() {
        return false;
    }
    letters.all(|l| parts.any(|c| c == l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_two_to_six_capitals() {
        assert!(is_acronym("ECB") && is_acronym("KTR") && is_acronym("NHTSA"));
        assert!(!is_acronym("A") && !is_acronym("Fed") && !is_acronym("NaMo"));
    }

    #[test]
    fn initials_of_capitalised_words() {
        assert_eq!(initials("European Central Bank"), "ECB");
        assert_eq!(initials("Bank of England"), "BE");
    }

    #[test]
    fn an_acronym_fits_the_initials_of_words_and_parts_of_words_in_order() {
        assert!(initials_fit("KTR", "K.T. Rama Rao"));
        assert!(initials_fit("AOC", "Alexandria Ocasio-Cortez"));
        assert!(initials_fit("SP", "Superintendent of Police"));
        assert!(initials_fit("DIG", "Deputy Inspector General"));
        assert!(initials_fit("JFK", "John F. Kennedy"));
    }

    #[test]
    fn an_acronym_of_other_initials_or_order_does_not_fit() {
        assert!(
            !initials_fit("BRS", "K.T. Rama Rao"),
            "another first letter"
        );
        assert!(!initials_fit("KRT", "K.T. Rama Rao"), "out of order");
        assert!(
            !initials_fit("ACO", "Alexandria Ocasio-Cortez"),
            "out of order"
        );
        assert!(
            !initials_fit("SPX", "Superintendent of Police"),
            "a letter too many"
        );
    }
}

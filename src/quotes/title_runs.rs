//! Where a capitalised run goes on past a title to the person it names:
//! through "of the" ("Comptroller of the Currency John Dugan") and over
//! the title's initials in parentheses ("Superintendent of Police (SP)
//! Ravi Kumar"). The run stops at punctuation and lowercase words
//! otherwise ([`super::mentions`]).

use super::doc::Doc;
use super::initials::{initials_fit, is_acronym};
use super::lexicon;
use super::tokens::NAME_WORD;
use super::wordinfo;

/// True when the run `words` (ending at token `k`) holds a title and is
/// followed by its initials in parentheses and a name word, in one
/// paragraph: "Superintendent of Police (SP) Ravi Kumar", "Deputy
/// Inspector General (DIG) Sunil Rao" (where the parenthesis had cut the
/// person from the title).
#[inline(never)]
pub(super) fn title_initials(doc: &Doc, words: &[usize], k: usize) -> bool {
    if !doc.is_punct(k + 1, "(") || !doc.is_punct(k + 3, ")") {
        return false;
    }
    let acronym = doc.text(k + 2);
    let cheap = is_acronym(acronym)
        && doc.has(k + 4, NAME_WORD)
        && doc.para_of.get(k + 4) == doc.para_of.get(k);
    cheap
        && words.iter().any(|&w| lexicon::title(doc.text(w)).is_some())
        && initials_fit(
            acronym,
            &words
                .iter()
                .map(|&w| doc.text(w))
                .collect::<Vec<_>>()
                .join(" "),
        )
}

/// True when a title at `j` is followed by "of the" (token `next` on) and
/// name words holding a known forename, in one stretch of text: the office
/// and the person ("Comptroller of the Currency John Dugan", "Governor of
/// the Bank of England Mark Carney"); without a person ("Chief Executive
/// of the Options Group"), the title stands alone.
pub(super) fn title_of_the(doc: &Doc, j: usize, next: usize) -> bool {
    let named = || {
        (next + 2..next + 8)
            .take_while(|&w| doc.has(w, NAME_WORD) && doc.adjacent(w - 1))
            .any(|w| wordinfo::info(doc.text(w)).forename.is_some())
    };
    doc.text(next) == "of"
        && doc.text(next + 1) == "the"
        && doc.adjacent(next)
        && lexicon::title(doc.text(j)).is_some()
        && named()
}

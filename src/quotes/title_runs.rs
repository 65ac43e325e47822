//! Where a capitalised run goes on past a title to the person it names:
//! through "of the" ("Comptroller of the Currency John Dugan") and over
//! the title's initials in parentheses ("Superintendent of Police (SP)
//! Ravi Kumar"). The run stops at punctuation and lowercase words
//! otherwise ([`super::mentions`]). And an office written in capitals
//! that names no one: "the Head of State".

use super::doc::Doc;
use super::initials::{initials_fit, is_acronym};
use super::lexicon;
use super::tokens::NAME_WORD;
use super::wordinfo;

/// True when the run `words` (ending at token `k`) holds a title and is
/// followed by its initials in parentheses and a name word, in one
/// paragraph: "Superintendent of Police (SP) Ravi Kumar", "Deputy
/// Inspector General (DIG) Sunil Rao" (where the parenthesis had cut the
/// person from the title). Called only where a run stops, and out of line,
/// so as not to weigh on the run's loop.
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
    of_the(doc, next) && lexicon::title(doc.text(j)).is_some() && named()
}

/// True when "of the" stands at token `next`, its words one space apart.
pub(super) fn of_the(doc: &Doc, next: usize) -> bool {
    doc.text(next) == "of" && doc.text(next + 1) == "the" && doc.adjacent(next)
}

/// True for "Head" in "the Head of State": an office, no one's name (as
/// a name, "Head" had been the speaker of "…," the Head of State said).
pub(super) fn head_of_state(doc: &Doc, i: usize) -> bool {
    // Every run's first word comes here: its length first.
    let four = doc.tokens.get(i).is_some_and(|t| t.end - t.start == 4);
    four && doc.text(i) == "Head"
        && head_of_state_role(doc, i, i + 3).is_some()
        && i.checked_sub(1)
            .is_some_and(|b| doc.text(b).eq_ignore_ascii_case("the"))
}

/// The role of a description `from..to` ending "head of state" (any
/// case): the president the article names, as "the president" is.
pub(super) fn head_of_state_role(doc: &Doc, from: usize, to: usize) -> Option<&'static str> {
    let is = |j: usize, w: &str| doc.text(j).eq_ignore_ascii_case(w);
    let head = (from..to.saturating_sub(2)).any(|j| is(j, "head") && is(j + 1, "of"));
    (head && is(to - 1, "state")).then_some("president")
}

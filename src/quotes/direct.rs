//! Which quoted spans are direct quotes: at least three words, wholly quoted (nothing
//! but an attribution or punctuation after the closing mark), and opening a sentence
//! or following an attribution or colon. Scare quotes (`self-proclaimed "president of
//! peace"`), partial quotes (`called it "a disgrace" on Monday`), one- and two-word
//! fragments and quoted titles are not.

use super::attribution::{Attributor, Found};
use super::doc::Doc;
use super::marks::is_quote_char;
use super::tokens::Kind;
use super::verbs;
use super::wordclass::{is_label_word, is_phrase_boundary};

/// Number of words (whitespace-separated pieces holding a letter or digit).
pub(crate) fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    let mut counted = false;
    for &b in text.as_bytes() {
        if b.is_ascii_whitespace() {
            in_word = false;
            continue;
        }
        if !in_word {
            in_word = true;
            counted = false;
        }
        // Non-ASCII bytes are letters here (accented words), never spaces.
        if !counted && (b.is_ascii_alphanumeric() || b >= 0x80) {
            count += 1;
            counted = true;
        }
    }
    count
}

/// True when span `k` is a direct quote, given the attributions found around it.
pub(crate) fn is_direct(
    doc: &Doc,
    attr: &Attributor,
    k: usize,
    pre: Option<&Found>,
    post: Option<&Found>,
) -> bool {
    let s = doc.spans[k];
    let content = doc.body.get(s.start..s.end).unwrap_or("");
    if word_count(content) < 3 {
        return false;
    }
    if pre.is_none() && post.is_none() && looks_like_title(content) {
        return false;
    }
    opens_ok(doc, attr, k, pre) && closes_ok(doc, attr, k, content, post)
}

/// True when span `k` is a partial quote credited by a reporting clause of its sentence
/// (`Powell said the Fed would "keep doing our jobs."`): at least three words, not
/// introduced as a label ("so-called"), and ending its phrase (punctuation, "and",
/// "but" or "or" follows), unlike `called it "a disgrace" on Monday`.
pub(crate) fn is_partial(doc: &Doc, attr: &Attributor, k: usize, found: Option<&Found>) -> bool {
    let s = doc.spans[k];
    let content = doc.body.get(s.start..s.end).unwrap_or("");
    if found.is_none() || word_count(content) < 3 || !s.closed {
        return false;
    }
    let open = doc.token_at(s.open);
    let label = (open.saturating_sub(2)..open).any(|p| is_label_word(doc.text(p)));
    let (a, b, _) = attr.post_window(k);
    let ends = content
        .trim_end_matches(is_quote_char)
        .ends_with([',', '.', '?', '!', ';'])
        || a >= b
        || doc.tokens[a].kind == Kind::Mark
        || (doc.tokens[a].kind == Kind::Punct && doc.text(a) != "(")
        || is_phrase_boundary(doc.text(a));
    !label && ends && !looks_like_title(content)
}

/// Nothing, a colon, or an attribution stands before the opening mark.
fn opens_ok(doc: &Doc, attr: &Attributor, k: usize, pre: Option<&Found>) -> bool {
    let (lo, b) = attr.pre_window(k);
    let Some(last) = (lo..b).rev().find(|&j| doc.tokens[j].kind != Kind::Mark) else {
        return true;
    };
    match doc.text(last) {
        ":" => true,
        "," | "—" | "–" | "-" => pre.is_some_and(|f| f.verb < last),
        w if doc.is_word(last) => {
            pre.is_some_and(|f| f.verb == last) && verbs::is_reporting_verb(w)
        }
        _ => false,
    }
}

/// Nothing but punctuation or an attribution follows the closing mark.
fn closes_ok(doc: &Doc, attr: &Attributor, k: usize, content: &str, post: Option<&Found>) -> bool {
    let last = content.trim_end_matches(is_quote_char).chars().last();
    if last.is_some_and(|c| ",.?!…:;—–-".contains(c)) {
        return true;
    }
    let (a, b, _) = attr.post_window(k);
    if a >= b {
        return true;
    }
    let first = doc.text(a);
    doc.tokens[a].kind == Kind::Punct
        && matches!(
            first,
            "," | "." | "?" | "!" | ";" | ":" | "—" | "–" | "-" | ")"
        )
        || post.is_some_and(|f| f.tight)
}

/// Headline-like text: short, with almost every longer word capitalised.
fn looks_like_title(content: &str) -> bool {
    let words: Vec<&str> = content
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .collect();
    let caps = words
        .iter()
        .filter(|w| {
            w.trim_start_matches(is_quote_char)
                .starts_with(char::is_uppercase)
        })
        .count();
    word_count(content) <= 8 && !words.is_empty() && caps * 5 >= words.len() * 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words() {
        assert_eq!(word_count("We can't - go."), 3);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn titles() {
        assert!(looks_like_title("The Art of the Deal"));
        assert!(looks_like_title("All Bets Are Off."));
        assert!(!looks_like_title("We agreed with our partners"));
    }
}

//! Cleaning the body of a Reuters dashed article: the archive often puts
//! editorial preamble and the byline before the dateline, e.g.
//! `(Adds quotes)`, `Corrects figure in paragraph 3`, `by Jane Doe`, or all
//! in one paragraph: `(Recasts) By Jane Doe NEW YORK  (Reuters) - Text`.
//! These are removed (the byline becomes the author) so that the body starts
//! at the dateline.

use crate::clipping::dateline::find_dateline;
#[cfg(test)]
use crate::clipping::text::collect_paragraphs;

/// Editorial notes that open a paragraph of preamble.
const NOTE_OPENERS: [&str; 6] = ["Corrects", "Refiles", "Repeats", "Fixes", "Adds", "Updates"];
/// Lower-case words allowed inside a byline name.
const NAME_PARTS: [&str; 7] = ["and", "de", "van", "von", "der", "la", "&"];
/// How far into a paragraph a dateline is looked for behind preamble.
const PREFIX_WINDOW: usize = 400;

/// Drop preamble and byline before the dateline; fill `author` when empty.
pub(crate) fn clean_body(paragraphs: Vec<String>, author: &mut Option<String>) -> String {
    if paragraphs
        .first()
        .is_some_and(|p| find_dateline(p).is_some())
    {
        return paragraphs.join("\n\n");
    }
    let mut kept: Vec<String> = Vec::with_capacity(paragraphs.len());
    let mut iter = paragraphs.iter().peekable();
    while let Some(p) = iter.next() {
        if !kept.is_empty() {
            kept.push(p.clone());
            continue;
        }
        let next_has_dateline = iter.peek().is_some_and(|n| find_dateline(n).is_some());
        if is_preamble(p) {
            continue;
        }
        if let Some(name) = byline_only(p, next_has_dateline) {
            author.get_or_insert(name);
            continue;
        }
        kept.push(strip_prefix(p, author).to_string());
    }
    kept.join("\n\n")
}

/// "(Recasts with ...)" or a short "Corrects ..." note without a dateline.
fn is_preamble(p: &str) -> bool {
    let parenthesised = only_parenthesised(p);
    let note = NOTE_OPENERS.iter().any(|o| p.starts_with(o))
        && find_dateline(p).is_none()
        && hidden_dateline_start(p).is_none();
    p.len() < PREFIX_WINDOW && (parenthesised || note)
}

/// Nothing but parenthesised notes: "(Adds quotes)", "(Adds X) (Updates Y)".
/// A short article that merely starts and ends with a parenthesis,
/// "(Reuters) - Ford said ... (Reporting by Jane Doe)", is text, not preamble.
fn only_parenthesised(p: &str) -> bool {
    let mut rest = p.trim_start();
    if !rest.starts_with('(') {
        return false;
    }
    while let Some(inner) = rest.strip_prefix('(') {
        let mut depth = 1usize;
        let Some(close) = inner.find(|c: char| {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            depth == 0
        }) else {
            return false;
        };
        rest = inner[close + 1..].trim_start();
    }
    rest.is_empty()
}

/// A paragraph that is only a byline: "By Jane Doe", "by Jane Doe", or a
/// bare name ("Jane Doe and John Roe") when the next paragraph has a dateline.
fn byline_only(p: &str, next_has_dateline: bool) -> Option<String> {
    let p = skip_parenthesised(p);
    let (name, had_by) = match p
        .strip_prefix("By ")
        .or_else(|| p.strip_prefix("by "))
        .or_else(|| p.strip_prefix("BY "))
    {
        Some(rest) => (rest, true),
        None => (p, false),
    };
    (looks_like_name(name) && (had_by || next_has_dateline)).then(|| clean_name(name))
}

/// The text after a leading "(...)" note ("(Corrects time) By Jane Doe").
fn skip_parenthesised(p: &str) -> &str {
    if !p.starts_with('(') {
        return p;
    }
    match p.find(')') {
        Some(close) => p[close + 1..].trim_start(),
        None => p,
    }
}

/// Up to seven capitalised words (or "and", "de", ...), no sentence punctuation.
fn looks_like_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    (1..=7).contains(&words.len())
        && words.iter().all(|w| {
            NAME_PARTS.contains(w)
                || (w.starts_with(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | ',')))
        })
}

/// The text from a dateline hidden behind preamble or a byline in the same
/// paragraph; a "By Name" in the removed prefix becomes the author.
fn strip_prefix<'a>(p: &'a str, author: &mut Option<String>) -> &'a str {
    if find_dateline(p).is_some() {
        return p;
    }
    let Some(start) = hidden_dateline_start(p) else {
        return p;
    };
    let prefix = &p[..start];
    if let Some((_, name)) = prefix.rsplit_once("By ") {
        if looks_like_name(name) {
            author.get_or_insert_with(|| clean_name(name));
        }
    }
    &p[start..]
}

/// Where a dateline starts behind a prefix: anchored on a "(Reuters" tag, or
/// on an ALL-CAPS word after a leading "By Name" (itself possibly behind a
/// "(note)").
fn hidden_dateline_start(p: &str) -> Option<usize> {
    let window = &p[..floor_boundary(p, PREFIX_WINDOW)];
    let anchor = window.find("(Reuters");
    let after_note = skip_parenthesised(p);
    let bylined = after_note.starts_with("By ") || after_note.starts_with("by ");
    if anchor.is_none() && !bylined {
        return None;
    }
    let limit = anchor.unwrap_or(window.len());
    word_starts(window).take_while(|&i| i < limit).find(|&i| {
        let covers_anchor = |len: usize| anchor.is_none_or(|a| i + len > a);
        let caps_word = p[i..]
            .split_whitespace()
            .next()
            .is_some_and(|w| !w.chars().any(char::is_lowercase));
        caps_word && find_dateline(&p[i..]).is_some_and(|d| covers_anchor(d.len))
    })
}

/// Byte offsets where words start (after whitespace), excluding 0.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices()
        .zip(text.chars().skip(1))
        .filter(|((_, c), next)| c.is_whitespace() && !next.is_whitespace())
        .map(|((i, c), _)| i + c.len_utf8())
}

/// The largest char boundary not above `max`.
fn floor_boundary(text: &str, max: usize) -> usize {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Collapse whitespace and trailing commas in a byline name.
fn clean_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(',')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(body: &str) -> (String, Option<String>) {
        let mut author = None;
        let out = clean_body(collect_paragraphs(body.lines(), "\n"), &mut author);
        (out, author)
    }

    #[test]
    fn parenthesised_and_note_preamble() {
        let (b, _) =
            clean("(Adds quotes)\n\nCorrects figure in paragraph 3\n\nLONDON (Reuters) - Text.");
        assert_eq!(b, "LONDON (Reuters) - Text.");
    }

    #[test]
    fn byline_paragraphs() {
        assert_eq!(
            clean("by Adam Tempkin\n\nNEW YORK (Reuters) - X."),
            (
                "NEW YORK (Reuters) - X.".into(),
                Some("Adam Tempkin".into())
            )
        );
        assert_eq!(
            clean("Elinor Comlay  and  Rachelle Younglai\n\nNEW YORK (Reuters) - X.")
                .1
                .as_deref(),
            Some("Elinor Comlay and Rachelle Younglai")
        );
        assert_eq!(clean("Some Words Here\n\nNo dateline here.").1, None);
        let (b, a) =
            clean("(Corrects GMT time in paragraph 2) By  Fayen Wong\n\nBEIJING (Reuters) - X.");
        assert_eq!(
            (b.as_str(), a.as_deref()),
            ("BEIJING (Reuters) - X.", Some("Fayen Wong"))
        );
    }

    #[test]
    fn prefix_in_the_same_paragraph() {
        let (b, a) = clean(
            "(Attention strong language) By Estelle Shirbon LONDON  (Reuters) - Managers said.",
        );
        assert_eq!(b, "LONDON  (Reuters) - Managers said.");
        assert_eq!(a.as_deref(), Some("Estelle Shirbon"));
        let (b, _) = clean("Corrects dollar/euro rate. CHICAGO (Reuters) - Kraft said.");
        assert_eq!(b, "CHICAGO (Reuters) - Kraft said.");
        let (b, a) = clean(
            "By Sven Nordenstam and Rebecka Kihlstrom STOCKHOLM  Nov 9 (Reuters) - Meda said.",
        );
        assert_eq!(b, "STOCKHOLM  Nov 9 (Reuters) - Meda said.");
        assert_eq!(a.as_deref(), Some("Sven Nordenstam and Rebecka Kihlstrom"));
    }

    #[test]
    fn short_article_in_parentheses_is_not_preamble() {
        // Found by benches/coverage.py on the Reuters 2006-2013 archive: 41
        // one-paragraph articles lost their whole body as a "(...)" note.
        let text = "(Reuters) - Acme Widgets said on Monday it would cut 200 jobs. (Reporting by  Jane Doe ; Editing by  John Roe )";
        let (b, a) = clean(text);
        assert_eq!(b, text);
        assert_eq!(a, None);
        assert!(only_parenthesised(
            "(Adds quotes) (Updates prices (in London))"
        ));
        assert!(only_parenthesised("(Adds quotes)"));
        assert!(!only_parenthesised("(Reuters) - X said. (Reporting by Y)"));
        assert!(!only_parenthesised("(unclosed"));
        assert!(!only_parenthesised("no parenthesis"));
        let (b, _) = clean("(Adds quotes) (Updates prices)\n\nLONDON (Reuters) - Text.");
        assert_eq!(b, "LONDON (Reuters) - Text.");
    }

    #[test]
    fn byline_after_a_note_in_the_same_paragraph() {
        // Found by benches/coverage.py: "(note) By Name PLACE, date -" kept
        // the note and lost the author when no "(Reuters" tag anchored it.
        let (b, a) = clean("(Adds closing price) By  Jane Doe NEW YORK, March 28 - Acme said.");
        assert_eq!(b, "NEW YORK, March 28 - Acme said.");
        assert_eq!(a.as_deref(), Some("Jane Doe"));
        let (b, a) = clean(
            "(Adds background) By Jane Doe and John Roe SINGAPORE/HONG KONG, June 13 (IFR) - Acme said.",
        );
        assert_eq!(b, "SINGAPORE/HONG KONG, June 13 (IFR) - Acme said.");
        assert_eq!(a.as_deref(), Some("Jane Doe and John Roe"));
        let (b, a) =
            clean("(Changes dateline, previous LONDON) By Jane Doe\n\nPARIS (Reuters) - X.");
        assert_eq!(b, "PARIS (Reuters) - X.");
        assert_eq!(a.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn ordinary_paragraphs_untouched() {
        let (b, a) = clean("Shares of XYZ (Reuters) rose. More text.\n\nSecond.");
        assert_eq!(b, "Shares of XYZ (Reuters) rose. More text.\n\nSecond.");
        assert_eq!(a, None);
    }
}

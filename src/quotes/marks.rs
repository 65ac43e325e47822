//! Quotation-mark scanning: finds the quoted stretches of each paragraph.
//!
//! Double marks (`"`, `“ ”`, `„`, `«»`, and the `''` / ``` `` ``` pairs of old archives)
//! are paired first, deciding open or close from the characters around each mark (so a
//! stray `”` opening a quote still opens it). Single marks (`‘ ’`, `'`) are then paired
//! outside the double-quoted stretches, British style, after telling them apart from
//! apostrophes (don't, Rubio's, the '90s, rock 'n' roll). A double quote left open at
//! the end of a paragraph yields an unclosed span that runs to the paragraph's end.

use super::paragraphs::Paragraph;

/// One quoted stretch of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// Index of the paragraph holding the span.
    pub para: usize,
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset of the quoted text (after the opening mark and any space).
    pub start: usize,
    /// Byte offset just past the quoted text.
    pub end: usize,
    /// Byte offset just past the closing mark (the paragraph end when unclosed).
    pub close: usize,
    /// Whether a closing mark was found in the paragraph.
    pub closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    len: usize,
    role: Role,
}

/// Characters that may stand just before an opening mark.
const OPEN_CONTEXT: &str = "([{<—–-/:\"“”‘’'`«»„";
/// Characters that may stand just after a closing mark.
const CLOSE_CONTEXT: &str = ".,;:!?)]}>—–-…/\"“”‘’'`«»";
/// Words written with a leading apostrophe: 'em, 'til, rock 'n' roll.
const ELISIONS: [&str; 9] = [
    "em", "til", "cause", "tis", "twas", "n", "bout", "round", "nuff",
];

/// True for every character that can be (part of) a quotation mark.
pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '\'' | '‘' | '’' | '`'
    )
}

/// Bytes that may start a quotation mark: `"`, `'`, `` ` `` and the lead bytes of
/// the two-byte (`«»`) and three-byte (curly quotes) marks.
static MARK_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'`' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// True when one of the 8 bytes of `w` is `"`, `'`, `` ` `` or non-ASCII (a cheap
/// superset of [`MARK_BYTE`]).
fn may_hold_mark(w: u64) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(LO) & !x & HI != 0;
    w & HI != 0
        || has_zero(w ^ (LO * 0x22))
        || has_zero(w ^ (LO * 0x27))
        || has_zero(w ^ (LO * 0x60))
}

/// Position of the first byte at or after `from` that may start a quotation mark
/// (8 bytes at a time, then byte by byte in a chunk that may hold one).
fn next_mark_byte(bytes: &[u8], from: usize) -> Option<usize> {
    let find = |i: usize, chunk: &[u8]| {
        chunk
            .iter()
            .position(|&b| MARK_BYTE[b as usize])
            .map(|p| i + p)
    };
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(chunk);
        if may_hold_mark(u64::from_le_bytes(buf)) {
            if let Some(p) = find(i, chunk) {
                return Some(p);
            }
        }
        i += 8;
    }
    find(i, bytes.get(i..)?)
}

/// Finds the quoted spans of all paragraphs, in document order.
pub(crate) fn find_spans(body: &str, paras: &[Paragraph]) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        let text = &body[p.start..p.end];
        if next_mark_byte(text.as_bytes(), 0).is_some() {
            scan_paragraph(text, p.start, i, &mut out);
        }
    }
    out
}

fn scan_paragraph(text: &str, base: usize, para: usize, out: &mut Vec<Span>) {
    let (doubles, singles) = collect_marks(text);
    let mut spans = pair_doubles(text, &doubles);
    let outside: Vec<Mark> = singles
        .into_iter()
        .filter(|m| !spans.iter().any(|s| m.pos >= s.0 && m.pos < s.2))
        .collect();
    spans.extend(pair_singles(text, &outside));
    spans.sort_by_key(|s| s.0);
    let all = spans.clone();
    for (open, start, close, end, closed) in spans {
        let contained = all
            .iter()
            .any(|o| o.0 < open && o.2 >= close && (o.0, o.2) != (open, close));
        if contained {
            continue;
        }
        let content = &text[start..end];
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if trimmed.is_empty() {
            continue;
        }
        out.push(Span {
            para,
            open: base + open,
            start: base + start + lead,
            end: base + start + lead + trimmed.len(),
            close: base + close,
            closed,
        });
    }
}

/// Splits the paragraph's marks into double marks and single marks, with their roles.
fn collect_marks(text: &str) -> (Vec<Mark>, Vec<Mark>) {
    let bytes = text.as_bytes();
    let mut doubles = Vec::new();
    let mut singles = Vec::new();
    let mut pos = 0;
    while let Some(at) = next_mark_byte(bytes, pos) {
        pos = at;
        let Some(c) = text.get(pos..).and_then(|t| t.chars().next()) else {
            pos += 1;
            continue;
        };
        let w = c.len_utf8();
        if !is_quote_char(c) {
            pos += w;
            continue;
        }
        let double = matches!(c, '"' | '“' | '”' | '„' | '«' | '»');
        let run = if double {
            1
        } else {
            text[pos..].chars().take_while(|&d| d == c).count()
        };
        let after = pos + run * w;
        let prev = text[..pos].chars().next_back();
        let next = text[after..].chars().next();
        let role = glyph_bias(c, context_role(prev, next));
        match c {
            _ if double => doubles.push(Mark { pos, len: w, role }),
            _ if run >= 2 => {
                // '' or `` or ‘‘ used as a double mark; a third mark is a nested single.
                let at = if run == 3 && role == Role::Close {
                    pos + w
                } else {
                    pos
                };
                doubles.push(Mark {
                    pos: at,
                    len: 2 * w,
                    role,
                });
            }
            '`' => {}
            _ => {
                if let Some(role) = single_role(text, pos, w, prev, next) {
                    singles.push(Mark { pos, len: w, role });
                }
            }
        }
        pos = after;
    }
    (doubles, singles)
}

fn context_role(prev: Option<char>, next: Option<char>) -> Role {
    let left = prev.is_none_or(|c| c.is_whitespace() || OPEN_CONTEXT.contains(c));
    let right = next.is_none_or(|c| c.is_whitespace() || CLOSE_CONTEXT.contains(c));
    match (left, right) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    }
}

/// Resolves an ambiguous context with the glyph's own direction.
fn glyph_bias(c: char, role: Role) -> Role {
    match (role, c) {
        (Role::Either, '“' | '„' | '«' | '‘' | '`') => Role::Open,
        (Role::Either, '”' | '»' | '’') => Role::Close,
        (r, _) => r,
    }
}

/// Role of a lone single mark, or `None` when it is an apostrophe.
fn single_role(
    text: &str,
    pos: usize,
    w: usize,
    prev: Option<char>,
    next: Option<char>,
) -> Option<Role> {
    let rest = &text[pos + w..];
    match context_role(prev, next) {
        Role::Open => {
            let end = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            let alpha = next.is_some_and(char::is_alphabetic);
            (alpha && !ELISIONS.contains(&&rest[..end])).then_some(Role::Open)
        }
        Role::Close => {
            // The second mark of rock 'n' roll.
            let mut before = text[..pos].chars().rev();
            let elided_n =
                before.next() == Some('n') && matches!(before.next(), Some('\'' | '’' | '‘'));
            if elided_n {
                return None;
            }
            let plural_possessive = matches!(prev, Some('s' | 'S'))
                && rest
                    .chars()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
            (!plural_possessive).then_some(Role::Close)
        }
        Role::Either => None,
    }
}

/// (open mark, content start, after close mark, content end, closed)
type RawSpan = (usize, usize, usize, usize, bool);

fn pair_doubles(text: &str, marks: &[Mark]) -> Vec<RawSpan> {
    let mut out = Vec::new();
    let mut open: Option<Mark> = None;
    for &m in marks {
        match (open, m.role) {
            (None, Role::Close) => {}
            (None, _) | (Some(_), Role::Open) => open = Some(m),
            (Some(o), _) => {
                out.push((o.pos, o.pos + o.len, m.pos + m.len, m.pos, true));
                open = None;
            }
        }
    }
    if let Some(o) = open {
        out.push((o.pos, o.pos + o.len, text.len(), text.len(), false));
    }
    out
}

fn pair_singles(text: &str, marks: &[Mark]) -> Vec<RawSpan> {
    let mut out = Vec::new();
    let mut open: Option<Mark> = None;
    for &m in marks {
        match (open, m.role) {
            (None, Role::Open) => open = Some(m),
            (Some(o), Role::Close) => {
                out.push((o.pos, o.pos + o.len, m.pos + m.len, m.pos, true));
                open = None;
            }
            _ => {}
        }
    }
    // A single quote left open only counts when it opened the paragraph.
    if let Some(o) = open.filter(|o| o.pos == 0) {
        out.push((o.pos, o.pos + o.len, text.len(), text.len(), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::paragraphs;
    use super::*;

    fn quoted(body: &str) -> Vec<&str> {
        let paras = paragraphs::split(body);
        find_spans(body, &paras)
            .iter()
            .map(|s| &body[s.start..s.end])
            .collect()
    }

    #[test]
    fn straight_double_quotes() {
        assert_eq!(
            quoted(r#""First," he said, "second.""#),
            ["First,", "second."]
        );
    }

    #[test]
    fn curly_double_quotes() {
        assert_eq!(quoted("“We agree,” he said."), ["We agree,"]);
    }

    #[test]
    fn closing_glyph_used_to_open() {
        assert_eq!(quoted("”We agree,” he said."), ["We agree,"]);
    }

    #[test]
    fn archive_double_apostrophes() {
        let body = "''It feels like, 'Meh, we can put this off,''' he said.";
        assert_eq!(quoted(body), ["It feels like, 'Meh, we can put this off,'"]);
    }

    #[test]
    fn guillemets() {
        assert_eq!(
            quoted("Il a dit: «Nous sommes prêts.»"),
            ["Nous sommes prêts."]
        );
    }

    #[test]
    fn british_single_quotes_and_apostrophes() {
        let body = "‘We don’t accept Rubio’s plan,’ she said of the ’90s deal.";
        assert_eq!(quoted(body), ["We don’t accept Rubio’s plan,"]);
        let plain = "'It's rock 'n' roll from the '90s,' the fans' leader said.";
        assert_eq!(quoted(plain), ["It's rock 'n' roll from the '90s,"]);
    }

    #[test]
    fn nested_single_inside_double() {
        let body = r#""He said 'no' to me," she said."#;
        assert_eq!(quoted(body), ["He said 'no' to me,"]);
    }

    #[test]
    fn unclosed_quote_runs_to_paragraph_end() {
        let body = "\"One thing.\n\n\"Another thing,\" he said.";
        let paras = paragraphs::split(body);
        let spans = find_spans(body, &paras);
        assert_eq!(spans.len(), 2);
        assert!(!spans[0].closed);
        assert_eq!(&body[spans[0].start..spans[0].end], "One thing.");
        assert_eq!(spans[1].para, 1);
    }

    #[test]
    fn mark_bytes_are_found_in_and_after_chunks() {
        let text = "abcdefghijklmnop said \u{201c}x ' q `b é\"";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let naive = (from..bytes.len()).find(|&i| MARK_BYTE[bytes[i] as usize]);
            assert_eq!(next_mark_byte(bytes, from), naive, "{from}");
        }
    }

    #[test]
    fn apostrophes_alone_are_not_quotes() {
        assert!(quoted("Don't touch Rubio's and the Joneses' cars in the '90s.").is_empty());
    }
}

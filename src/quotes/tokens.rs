//! Word and punctuation tokens with byte offsets into the article body.

use super::marks::is_quote_char;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits, with inner apostrophes, hyphens and initials' periods
    /// ("don't", "Holtz-Eakin", "U.S").
    Word,
    /// One punctuation character.
    Punct,
    /// One quotation-mark character.
    Mark,
}

/// A token: `body[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Word, punctuation or quotation mark.
    pub kind: Kind,
}

/// True for characters that may join two alphanumeric runs into one word.
fn joins(c: char, prev: char, next: char) -> bool {
    match c {
        '\'' | '’' | '-' | '‐' | '&' => prev.is_alphanumeric() && next.is_alphanumeric(),
        '.' => (prev.is_uppercase() || prev.is_ascii_digit()) && next.is_alphanumeric(),
        _ => false,
    }
}

/// The character at byte `i` of `text` and its length (ASCII fast path).
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Appends the tokens of `body[start..end]` to `out`.
pub(crate) fn tokenize(body: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let text = &body[start..end];
    let mut i = 0;
    let mut word_start: Option<usize> = None;
    let mut prev = ' ';
    while let Some((c, w)) = char_at(text, i) {
        let alnum = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        let joined = !alnum
            && word_start.is_some()
            && matches!(c, '\'' | '’' | '-' | '‐' | '&' | '.')
            && joins(c, prev, char_at(text, i + w).map_or(' ', |x| x.0));
        if alnum || joined {
            word_start.get_or_insert(i);
        } else {
            if let Some(ws) = word_start.take() {
                out.push(Token {
                    start: start + ws,
                    end: start + i,
                    kind: Kind::Word,
                });
            }
            if !c.is_whitespace() {
                let kind = if is_quote_char(c) {
                    Kind::Mark
                } else {
                    Kind::Punct
                };
                out.push(Token {
                    start: start + i,
                    end: start + i + w,
                    kind,
                });
            }
        }
        prev = c;
        i += w;
    }
    if let Some(ws) = word_start {
        out.push(Token {
            start: start + ws,
            end,
            kind: Kind::Word,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        out.iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn words_keep_inner_joiners() {
        assert_eq!(
            words("Mr. O'Neill's U.S. Holtz-Eakin plan, “don’t”"),
            [
                "Mr",
                ".",
                "O'Neill's",
                "U.S",
                ".",
                "Holtz-Eakin",
                "plan",
                ",",
                "“",
                "don’t",
                "”"
            ]
        );
    }

    #[test]
    fn multibyte_text_is_sliced_safely() {
        assert_eq!(
            words("Zelenskyy’s «ça» é"),
            ["Zelenskyy’s", "«", "ça", "»", "é"]
        );
    }
}

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

/// Appends the tokens of `body[start..end]` to `out`.
pub(crate) fn tokenize(body: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let text = &body[start..end];
    let mut iter = text.char_indices().peekable();
    let mut word_start: Option<usize> = None;
    let mut prev = ' ';
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map_or(' ', |x| x.1);
        if c.is_alphanumeric() || (word_start.is_some() && joins(c, prev, next)) {
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
                    end: start + i + c.len_utf8(),
                    kind,
                });
            }
        }
        prev = c;
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

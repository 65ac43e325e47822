//! A cheap top-level scan of the query string, in tantivy's own terms: it
//! splits the query into whitespace-separated tokens at parenthesis depth 0
//! (a quoted phrase or a parenthesized group stays inside its token) and
//! rejects unbalanced double quotes and parentheses with their position.
//!
//! Followed tantivy rules: `\` escapes the next character everywhere; `"`
//! opens a phrase anywhere; `'` opens a phrase only at the start of a term
//! (after whitespace, `(`, `:`, `+` or `-`) and only when a closing `'`
//! follows, so apostrophes in words (`o'brien`) stay ordinary; `/` right
//! after `:` opens a regex running to the next unescaped `/`.

use super::error::{QueryError, QueryErrorKind};

/// A top-level token: bytes `start..end` of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Scanning state over the input's characters.
struct Scanner<'a> {
    input: &'a str,
    chars: Vec<(usize, char)>,
    /// Byte offsets of the currently open `(`.
    parens: Vec<usize>,
    tokens: Vec<Token>,
    token_start: Option<usize>,
}

/// The byte ranges of `input`'s top-level terms (a quoted phrase or a
/// parenthesized group is one term), as tantivy's grammar splits them; an
/// error for unbalanced quotes or parentheses.
pub fn top_level_terms(input: &str) -> Result<Vec<std::ops::Range<usize>>, QueryError> {
    Ok(scan(input)?.into_iter().map(|t| t.start..t.end).collect())
}

/// Splits `input` into top-level tokens, checking quote and parenthesis
/// balance on the way.
pub(crate) fn scan(input: &str) -> Result<Vec<Token>, QueryError> {
    let mut scanner = Scanner {
        input,
        chars: input.char_indices().collect(),
        parens: Vec::new(),
        tokens: Vec::new(),
        token_start: None,
    };
    scanner.run()?;
    Ok(scanner.tokens)
}

impl Scanner<'_> {
    fn run(&mut self) -> Result<(), QueryError> {
        let mut i = 0;
        while i < self.chars.len() {
            i = self.step(i)?;
        }
        self.close_token(self.input.len());
        match self.parens.last() {
            Some(&open) => Err(QueryError::at(self.input, open, |column| {
                QueryErrorKind::UnclosedParen { column }
            })),
            None => Ok(()),
        }
    }

    /// Handles the character at index `i`; returns the next index.
    fn step(&mut self, i: usize) -> Result<usize, QueryError> {
        let (pos, c) = self.chars[i];
        if c.is_whitespace() && self.parens.is_empty() {
            self.close_token(pos);
            return Ok(i + 1);
        }
        self.token_start.get_or_insert(pos);
        match c {
            '\\' => return Ok(i + 2),
            '"' => return self.skip_double_quoted(i),
            '\'' if self.opens_term(i) => {
                if let Some(close) = self.closing(i, '\'') {
                    return Ok(close + 1);
                }
            }
            '/' if i > 0 && self.chars[i - 1].1 == ':' => {
                if let Some(close) = self.closing(i, '/') {
                    return Ok(close + 1);
                }
            }
            '(' => self.parens.push(pos),
            ')' => self.close_paren(pos)?,
            _ => {}
        }
        Ok(i + 1)
    }

    /// Ends the current token (if any) at byte `end`.
    fn close_token(&mut self, end: usize) {
        if let Some(start) = self.token_start.take() {
            self.tokens.push(Token { start, end });
        }
    }

    fn close_paren(&mut self, pos: usize) -> Result<(), QueryError> {
        match self.parens.pop() {
            Some(_) => Ok(()),
            None => Err(QueryError::at(self.input, pos, |column| {
                QueryErrorKind::UnopenedParen { column }
            })),
        }
    }

    /// Skips the phrase opened by the `"` at index `i`.
    fn skip_double_quoted(&self, i: usize) -> Result<usize, QueryError> {
        match self.closing(i, '"') {
            Some(close) => Ok(close + 1),
            None => {
                let pos = self.chars[i].0;
                Err(QueryError::at(self.input, pos, |column| {
                    QueryErrorKind::UnclosedQuote { quote: '"', column }
                }))
            }
        }
    }

    /// Index of the first unescaped `delimiter` after index `i`.
    fn closing(&self, i: usize, delimiter: char) -> Option<usize> {
        let mut j = i + 1;
        while j < self.chars.len() {
            match self.chars[j].1 {
                '\\' => j += 2,
                c if c == delimiter => return Some(j),
                _ => j += 1,
            }
        }
        None
    }

    /// True when index `i` starts a term: first character, or after
    /// whitespace, `(`, `:`, `+` or `-`.
    fn opens_term(&self, i: usize) -> bool {
        i == 0 || {
            let prev = self.chars[i - 1].1;
            prev.is_whitespace() || matches!(prev, '(' | ':' | '+' | '-')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(input: &str) -> Vec<&str> {
        let tokens = scan(input).unwrap();
        tokens.iter().map(|t| &input[t.start..t.end]).collect()
    }

    fn error(input: &str) -> (usize, usize, String) {
        let err = scan(input).unwrap_err();
        (err.position, err.column, err.to_string())
    }

    #[test]
    fn splits_on_whitespace() {
        assert_eq!(words("  peace  deal\tnow "), ["peace", "deal", "now"]);
        assert!(words("").is_empty());
        assert!(words("   ").is_empty());
    }

    #[test]
    fn keeps_phrases_and_groups_whole() {
        assert_eq!(
            words(r#"rubio "peace deal"~2 x"#),
            ["rubio", r#""peace deal"~2"#, "x"]
        );
        assert_eq!(
            words("a (b OR (c d)) -(e f)"),
            ["a", "(b OR (c d))", "-(e f)"]
        );
        assert_eq!(
            words(r#"title:"a b" (x "y )" z)"#),
            [r#"title:"a b""#, r#"(x "y )" z)"#]
        );
    }

    #[test]
    fn single_quotes_open_phrases_only_at_term_start() {
        assert_eq!(words("'peace deal' x"), ["'peace deal'", "x"]);
        assert_eq!(
            words("speaker:'marco rubio' x"),
            ["speaker:'marco rubio'", "x"]
        );
        assert_eq!(words("o'brien's view"), ["o'brien's", "view"]);
        assert_eq!(words("'lonely apostrophe"), ["'lonely", "apostrophe"]);
    }

    #[test]
    fn backslash_escapes_quotes_and_parens() {
        assert_eq!(words(r#"a\"b c"#), [r#"a\"b"#, "c"]);
        assert_eq!(words(r#""say \"hi\" now" x"#), [r#""say \"hi\" now""#, "x"]);
        assert_eq!(words(r"\( x \)"), [r"\(", "x", r"\)"]);
        assert_eq!(words(r"trailing\"), [r"trailing\"]);
    }

    #[test]
    fn regexes_after_a_colon_are_opaque() {
        assert_eq!(words(r#"title:/a"b(c/ x"#), [r#"title:/a"b(c/"#, "x"]);
        assert_eq!(words("a/b c"), ["a/b", "c"]);
    }

    #[test]
    fn unclosed_double_quote_is_reported() {
        let message = "unbalanced quote: the '\"' at column 7 is never closed";
        assert_eq!(error("rubio \"peace deal"), (6, 7, message.to_string()));
        let (position, column, _) = error("(a \"b)");
        assert_eq!((position, column), (3, 4));
        let (position, column, _) = error("\"a\" \"b\" \"c");
        assert_eq!((position, column), (8, 9));
    }

    #[test]
    fn unclosed_paren_is_reported() {
        let message = "unbalanced parenthesis: the '(' at column 3 is never closed";
        assert_eq!(error("a (b OR c"), (2, 3, message.to_string()));
        let (position, _, _) = error("(a (b) c");
        assert_eq!(position, 0);
        let (position, _, _) = error("(a (b c");
        assert_eq!(position, 3);
    }

    #[test]
    fn unopened_paren_is_reported() {
        let message = "unbalanced parenthesis: the ')' at column 6 has no matching '('";
        assert_eq!(error("a b c) d"), (5, 6, message.to_string()));
        let (position, _, _) = error("(a)) (");
        assert_eq!(position, 3);
    }

    #[test]
    fn positions_are_bytes_and_columns_are_chars() {
        let (position, column, message) = error("café «x» \"y");
        assert_eq!((position, column), (12, 10));
        assert_eq!(
            message,
            "unbalanced quote: the '\"' at column 10 is never closed"
        );
    }

    #[test]
    fn quoted_parens_do_not_count() {
        assert_eq!(words(r#""(" ")""#), [r#""(""#, r#"")""#]);
        assert_eq!(words("'(' x"), ["'('", "x"]);
    }
}

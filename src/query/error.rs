//! [`QueryError`]: why a query string was rejected, with the byte position
//! and character column of the offending character, and [`render_caret`]
//! to point at it in CLI output.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::date_error::DateError;

/// What is wrong with a query; the message of a [`QueryError`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryErrorKind {
    /// A `"` (or a field value's opening `'`) without its closing partner.
    #[error("unbalanced quote: the '{quote}' at column {column} is never closed")]
    UnclosedQuote {
        /// The quote character.
        quote: char,
        /// 1-based character column of the quote.
        column: usize,
    },
    /// A `(` without its `)`.
    #[error("unbalanced parenthesis: the '(' at column {column} is never closed")]
    UnclosedParen {
        /// 1-based character column of the `(`.
        column: usize,
    },
    /// A `)` without its `(`.
    #[error("unbalanced parenthesis: the ')' at column {column} has no matching '('")]
    UnopenedParen {
        /// 1-based character column of the `)`.
        column: usize,
    },
    /// `speaker:` with nothing (or only a space) after the colon.
    #[error(
        "empty value for '{field}:' (expected {field}:value or {field}:\"quoted value\", with no space after the colon)"
    )]
    EmptyValue {
        /// The field name, lowercase.
        field: &'static str,
    },
    /// `-speaker:x` or `NOT speaker:x`.
    #[error(
        "excluding with '{field}:' is not supported: remove the '{negation}' before '{field}:'"
    )]
    NegatedField {
        /// The field name, lowercase.
        field: &'static str,
        /// The negation as written: `-` or `NOT`.
        negation: &'static str,
    },
    /// `a OR speaker:x` at top level, where the filter would apply to all.
    #[error(
        "'{field}:' cannot be joined with OR outside parentheses: it filters the whole query (group the alternatives, as in ({field}:a OR {field}:b))"
    )]
    FieldWithOr {
        /// The field name, lowercase.
        field: &'static str,
    },
    /// `speaker:(a OR b)` at top level.
    #[error(
        "'{field}:' does not take a parenthesized group here (use {field}:a {field}:b for both, or ({field}:a OR {field}:b) for either)"
    )]
    GroupedValue {
        /// The field name, lowercase.
        field: &'static str,
    },
    /// `date:[2025 TO 2026]`: tantivy's range syntax on a friendly field.
    #[error(
        "'{field}:' does not take [a TO b] ranges (write date ranges as date:A..B, as in date:2025-11..2025-12)"
    )]
    RangeSyntax {
        /// The field name, lowercase.
        field: &'static str,
    },
    /// A quote, parenthesis or bracket inside an unquoted value.
    #[error("unexpected '{found}' in the value of '{field}:' (quote the whole value, as in {field}:\"two words\")")]
    UnexpectedChar {
        /// The field name, lowercase.
        field: &'static str,
        /// The character found.
        found: char,
    },
    /// `speaker:"rubio"~2`: text glued after a quoted value.
    #[error("unexpected '{found}' after the quoted value of '{field}:' (a field value ends at its closing quote)")]
    TextAfterQuote {
        /// The field name, lowercase.
        field: &'static str,
        /// The text found.
        found: String,
    },
    /// `kind:` with a value other than article(s) / quote(s).
    #[error("unknown kind '{value}' (expected article, articles, quote or quotes)")]
    UnknownKind {
        /// The value as given.
        value: String,
    },
    /// `kind:article kind:quote`.
    #[error("conflicting kinds: 'kind:{first}' and 'kind:{second}' cannot both hold")]
    ConflictingKind {
        /// The earlier kind.
        first: &'static str,
        /// The later, contradicting kind.
        second: &'static str,
    },
    /// A `date:` value that is not a date, month, duration or range.
    #[error(transparent)]
    Date(#[from] DateError),
}

/// A rejected query: what is wrong ([`QueryErrorKind`], also the message) and
/// where, as a byte offset into the input and a 1-based character column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct QueryError {
    /// Byte offset of the offending character in the input (a char boundary).
    pub position: usize,
    /// 1-based character column of the same character.
    pub column: usize,
    /// What is wrong.
    pub kind: QueryErrorKind,
}

impl QueryError {
    /// An error at byte `position` of `input`; `kind` receives the column.
    pub(crate) fn at(
        input: &str,
        position: usize,
        kind: impl FnOnce(usize) -> QueryErrorKind,
    ) -> Self {
        let column = column_of(input, position);
        QueryError {
            position,
            column,
            kind: kind(column),
        }
    }

    /// The error message (same as `to_string()`).
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

/// Serialized as `{"position": 6, "column": 7, "message": "..."}`.
impl Serialize for QueryError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct("QueryError", 3)?;
        state.serialize_field("position", &self.position)?;
        state.serialize_field("column", &self.column)?;
        state.serialize_field("message", &self.message())?;
        state.end()
    }
}

/// 1-based character column of byte `position` (clamped to the input).
pub(crate) fn column_of(input: &str, position: usize) -> usize {
    let mut end = position.min(input.len());
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    input[..end].chars().count() + 1
}

/// Two lines for CLI output, each indented by two spaces: the query (tabs
/// and line breaks shown as spaces) and a `^` under the offending character,
/// counted in chars. No trailing newline.
pub fn render_caret(input: &str, err: &QueryError) -> String {
    let shown: String = input
        .chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let pad = " ".repeat(column_of(input, err.position) - 1);
    format!("  {shown}\n  {pad}^")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unclosed_quote(input: &str, position: usize) -> QueryError {
        QueryError::at(input, position, |column| QueryErrorKind::UnclosedQuote {
            quote: '"',
            column,
        })
    }

    #[test]
    fn columns_count_chars_from_one() {
        assert_eq!(column_of("rubio \"peace", 0), 1);
        assert_eq!(column_of("rubio \"peace", 6), 7);
        assert_eq!(column_of("zoë \"x", 5), 5);
        assert_eq!(column_of("abc", 3), 4);
        assert_eq!(column_of("abc", 99), 4);
        assert_eq!(column_of("ë", 1), 1);
    }

    #[test]
    fn error_carries_position_column_and_message() {
        let err = unclosed_quote("rubio \"peace deal", 6);
        assert_eq!((err.position, err.column), (6, 7));
        assert_eq!(
            err.to_string(),
            "unbalanced quote: the '\"' at column 7 is never closed"
        );
        assert_eq!(err.message(), err.to_string());
    }

    #[test]
    fn caret_sits_under_the_offending_char() {
        let input = "rubio \"peace deal";
        let rendered = render_caret(input, &unclosed_quote(input, 6));
        assert_eq!(rendered, "  rubio \"peace deal\n        ^");
    }

    #[test]
    fn caret_counts_chars_not_bytes() {
        let input = "Zelenskyy «mir» \"x";
        let position = input.find('"').unwrap();
        assert_eq!(position, 18);
        let rendered = render_caret(input, &unclosed_quote(input, position));
        let caret_line = rendered.lines().nth(1).unwrap();
        assert_eq!(
            caret_line.chars().count() - 2,
            input[..position].chars().count() + 1
        );
        assert_eq!(caret_line, format!("  {}^", " ".repeat(16)));
    }

    #[test]
    fn caret_output_stays_two_lines() {
        let input = "a\tb\n\"c";
        let rendered = render_caret(input, &unclosed_quote(input, 4));
        assert_eq!(rendered, "  a b \"c\n      ^");
    }

    #[test]
    fn caret_at_first_and_past_last_char() {
        let input = "(abc";
        let err = QueryError::at(input, 0, |column| QueryErrorKind::UnclosedParen { column });
        assert_eq!(render_caret(input, &err), "  (abc\n  ^");
        let past = unclosed_quote(input, 4);
        assert_eq!(render_caret(input, &past), "  (abc\n      ^");
    }

    #[test]
    fn date_errors_pass_through_unchanged() {
        let date = DateError::UnknownMonth {
            value: "decembr".to_string(),
        };
        let err = QueryError::at("date:decembr", 5, |_| date.clone().into());
        assert_eq!(err.to_string(), date.to_string());
    }

    #[test]
    fn serializes_position_column_and_message() {
        let err = unclosed_quote("ab \"c", 3);
        assert_eq!(
            serde_json::to_string(&err).unwrap(),
            r#"{"position":3,"column":4,"message":"unbalanced quote: the '\"' at column 4 is never closed"}"#
        );
    }
}

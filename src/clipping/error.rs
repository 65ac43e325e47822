//! Why a file could not be turned into clippings, in words a user understands.

use chrono::NaiveDate;
use thiserror::Error;

/// A file (or the canonical seed text) that cannot be parsed.
///
/// Every message names the problem precisely enough to fix the file, e.g.
/// `line 1: invalid date '2025-13-45': month 13 is out of range`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParseError {
    /// Zero bytes, or nothing but whitespace.
    #[error("the file is empty (no text at all, or only whitespace)")]
    Empty,
    /// NUL bytes, control characters or a known binary signature.
    #[error("the file is binary, not text: {reason}")]
    Binary {
        /// What gave it away, e.g. "gzip archive (magic bytes 1f 8b)".
        reason: String,
    },
    /// The bytes cannot be decoded as text in any supported encoding.
    #[error("the text encoding cannot be decoded: {reason}")]
    Encoding {
        /// What went wrong, e.g. "UTF-16LE byte order mark but an odd number of bytes".
        reason: String,
    },
    /// The article has no headline where the format expects one.
    #[error("no title: {reason}")]
    MissingTitle {
        /// Where the title was expected.
        reason: String,
    },
    /// A header line is malformed.
    #[error("line {line}: malformed header: {reason}")]
    BadHeader {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// A date that does not exist or cannot be read.
    #[error("{}invalid date '{value}': {reason}", line_prefix(*line))]
    BadDate {
        /// 1-based line number, when the date sits on a known line.
        line: Option<usize>,
        /// The date text as written.
        value: String,
        /// Why it is not a date, e.g. "month 13 is out of range".
        reason: String,
    },
    /// A real date outside the plausible range (1800 to 2100).
    #[error("date {date} is out of the accepted range (years 1800 to 2100)")]
    DateOutOfRange {
        /// The parsed date.
        date: NaiveDate,
    },
    /// A JSON or NDJSON file that is not valid JSON or holds no usable record.
    #[error("JSON: {reason}")]
    Json {
        /// What the JSON parser or the record check reported.
        reason: String,
    },
    /// Text that matches none of the supported clipping formats.
    #[error("unrecognised format: {reason}")]
    Unrecognised {
        /// Why no format fitted.
        reason: String,
    },
}

/// `"line N: "` when a line is known, else nothing.
fn line_prefix(line: Option<usize>) -> String {
    match line {
        Some(n) => format!("line {n}: "),
        None => String::new(),
    }
}

impl ParseError {
    /// A short stable name for the kind of error, for statistics and logs.
    pub fn kind(&self) -> &'static str {
        match self {
            ParseError::Empty => "empty",
            ParseError::Binary { .. } => "binary",
            ParseError::Encoding { .. } => "encoding",
            ParseError::MissingTitle { .. } => "missing-title",
            ParseError::BadHeader { .. } => "bad-header",
            ParseError::BadDate { .. } => "bad-date",
            ParseError::DateOutOfRange { .. } => "date-out-of-range",
            ParseError::Json { .. } => "json",
            ParseError::Unrecognised { .. } => "unrecognised",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_date_message_names_line_value_and_reason() {
        let e = ParseError::BadDate {
            line: Some(1),
            value: "2025-13-45".into(),
            reason: "month 13 is out of range".into(),
        };
        assert_eq!(
            e.to_string(),
            "line 1: invalid date '2025-13-45': month 13 is out of range"
        );
    }

    #[test]
    fn bad_date_without_line_has_no_prefix() {
        let e = ParseError::BadDate {
            line: None,
            value: "soon".into(),
            reason: "not a date".into(),
        };
        assert_eq!(e.to_string(), "invalid date 'soon': not a date");
    }

    #[test]
    fn out_of_range_message() {
        let date = NaiveDate::from_ymd_opt(1700, 1, 2).unwrap();
        let e = ParseError::DateOutOfRange { date };
        assert!(e.to_string().contains("1700-01-02"));
        assert_eq!(e.kind(), "date-out-of-range");
    }

    #[test]
    fn header_message() {
        let e = ParseError::BadHeader {
            line: 1,
            reason: "expected 'date YYYY-MM-DD Source'".into(),
        };
        assert!(e.to_string().starts_with("line 1: malformed header"));
    }
}

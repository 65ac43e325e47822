//! The friendly query fields that `parse_query` pulls out of the query
//! string ([`Field`]), the document kinds `kind:` selects ([`Kind`]), and how
//! a field token's value is read (quoted or bare, with `\` escapes).

use serde::Serialize;

use super::error::{QueryError, QueryErrorKind};

/// A field that `parse_query` handles itself instead of tantivy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// `speaker:` who said a quote.
    Speaker,
    /// `dateline:` the place in the dateline.
    Dateline,
    /// `source:` the publication.
    Source,
    /// `section:` the section or topic.
    Section,
    /// `author:` the byline.
    Author,
    /// `date:` a day, month, year, duration or range.
    Date,
    /// `kind:` article or quote.
    Kind,
}

impl Field {
    /// Every friendly field.
    pub const ALL: [Field; 7] = [
        Field::Speaker,
        Field::Dateline,
        Field::Source,
        Field::Section,
        Field::Author,
        Field::Date,
        Field::Kind,
    ];

    /// The field's name, lowercase, without the colon.
    pub fn name(self) -> &'static str {
        match self {
            Field::Speaker => "speaker",
            Field::Dateline => "dateline",
            Field::Source => "source",
            Field::Section => "section",
            Field::Author => "author",
            Field::Date => "date",
            Field::Kind => "kind",
        }
    }

    /// The field named `name`, in any case.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|field| field.name().eq_ignore_ascii_case(name))
    }
}

/// The kind of document a query is restricted to by `kind:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Whole clippings (`kind:article`, `kind:articles`).
    Article,
    /// Direct quotes (`kind:quote`, `kind:quotes`).
    Quote,
}

impl Kind {
    /// `article`/`articles`/`quote`/`quotes`, any case.
    pub fn from_value(value: &str) -> Option<Kind> {
        match value.to_ascii_lowercase().as_str() {
            "article" | "articles" => Some(Kind::Article),
            "quote" | "quotes" => Some(Kind::Quote),
            _ => None,
        }
    }

    /// The singular name, as stored in the index's `kind` field.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Quote => "quote",
        }
    }
}

/// Characters that may not appear in a bare (unquoted) value.
const FORBIDDEN_BARE: &[char] = &['"', '(', ')', '[', ']', '{', '}'];

/// Reads the value of `field` from `raw`, the token text after the colon,
/// which starts at byte `offset` of `input`. Returns the unescaped value.
pub(crate) fn read_value(
    input: &str,
    offset: usize,
    field: Field,
    raw: &str,
) -> Result<String, QueryError> {
    let name = field.name();
    let first = raw.chars().next();
    let quote = first.filter(|c| matches!(c, '"' | '\''));
    let close = quote.and_then(|quote| closing_quote(raw, quote));
    let value = match (first, close) {
        (_, Some(close)) => read_quoted(input, offset, name, raw, close)?,
        (Some('[' | '{'), _) => {
            return Err(QueryError::at(input, offset, |_| {
                QueryErrorKind::RangeSyntax { field: name }
            }))
        }
        (Some('('), _) => {
            return Err(QueryError::at(input, offset, |_| {
                QueryErrorKind::GroupedValue { field: name }
            }))
        }
        (_, None) => read_bare(input, offset, name, raw)?,
    };
    Ok(value.trim().to_string())
}

/// Byte index in `raw` of the quote closing the one at index 0.
pub(crate) fn closing_quote(raw: &str, quote: char) -> Option<usize> {
    let mut chars = raw.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            chars.next();
        } else if c == quote {
            return Some(i);
        }
    }
    None
}

fn read_quoted(
    input: &str,
    offset: usize,
    field: &'static str,
    raw: &str,
    close: usize,
) -> Result<String, QueryError> {
    let after = &raw[close + 1..];
    if !after.is_empty() {
        let found = after.to_string();
        return Err(QueryError::at(input, offset + close + 1, |_| {
            QueryErrorKind::TextAfterQuote { field, found }
        }));
    }
    Ok(unescape(&raw[1..close]))
}

fn read_bare(
    input: &str,
    offset: usize,
    field: &'static str,
    raw: &str,
) -> Result<String, QueryError> {
    let mut chars = raw.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            chars.next();
        } else if FORBIDDEN_BARE.contains(&c) {
            return Err(QueryError::at(input, offset + i, |_| {
                QueryErrorKind::UnexpectedChar { field, found: c }
            }));
        }
    }
    Ok(unescape(raw))
}

/// Removes `\` escapes: `\x` becomes `x`; a trailing lone `\` is kept.
pub(crate) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => out.push(chars.next().unwrap_or('\\')),
            (c, false) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(raw: &str) -> Result<String, QueryError> {
        let input = format!("speaker:{raw}");
        read_value(&input, 8, Field::Speaker, raw)
    }

    fn error(raw: &str) -> (usize, String) {
        let err = value(raw).unwrap_err();
        (err.position, err.to_string())
    }

    #[test]
    fn field_names_ignore_case() {
        assert_eq!(Field::from_name("speaker"), Some(Field::Speaker));
        assert_eq!(Field::from_name("SPEAKER"), Some(Field::Speaker));
        assert_eq!(Field::from_name("DateLine"), Some(Field::Dateline));
        assert_eq!(Field::from_name("title"), None);
        assert_eq!(Field::from_name(""), None);
        for field in Field::ALL {
            assert_eq!(Field::from_name(field.name()), Some(field));
        }
    }

    #[test]
    fn kinds_accept_singular_and_plural() {
        assert_eq!(Kind::from_value("article"), Some(Kind::Article));
        assert_eq!(Kind::from_value("Articles"), Some(Kind::Article));
        assert_eq!(Kind::from_value("QUOTE"), Some(Kind::Quote));
        assert_eq!(Kind::from_value("quotes"), Some(Kind::Quote));
        assert_eq!(Kind::from_value("file"), None);
        assert_eq!(Kind::Quote.name(), "quote");
        assert_eq!(
            serde_json::to_string(&Kind::Article).unwrap(),
            r#""article""#
        );
    }

    #[test]
    fn bare_and_quoted_values() {
        assert_eq!(value("rubio").unwrap(), "rubio");
        assert_eq!(value(r#""marco rubio""#).unwrap(), "marco rubio");
        assert_eq!(value("'marco rubio'").unwrap(), "marco rubio");
        assert_eq!(value(r#""  padded  ""#).unwrap(), "padded");
        assert_eq!(value("o'brien").unwrap(), "o'brien");
        assert_eq!(value("'brien").unwrap(), "'brien");
    }

    #[test]
    fn escapes_are_removed() {
        assert_eq!(value(r#""say \"hi\"""#).unwrap(), r#"say "hi""#);
        assert_eq!(value(r"a\(b\)").unwrap(), "a(b)");
        assert_eq!(unescape(r"end\"), r"end\");
        assert_eq!(unescape(r"a\\b"), r"a\b");
    }

    #[test]
    fn grouped_values_are_rejected() {
        let message = "'speaker:' does not take a parenthesized group here (use speaker:a speaker:b for both, or (speaker:a OR speaker:b) for either)";
        assert_eq!(error("(rubio OR lavrov)"), (8, message.to_string()));
    }

    #[test]
    fn stray_characters_in_bare_values_are_rejected() {
        let message = "unexpected '\"' in the value of 'speaker:' (quote the whole value, as in speaker:\"two words\")";
        assert_eq!(error(r#"marco"rubio""#), (13, message.to_string()));
        let (position, message) = error("[a TO b]");
        assert_eq!(position, 8);
        assert_eq!(
            message,
            "'speaker:' does not take [a TO b] ranges (write date ranges as date:A..B, as in date:2025-11..2025-12)"
        );
        let (position, message) = error("a[b");
        assert_eq!(position, 9);
        assert!(message.starts_with("unexpected '[' in the value of 'speaker:'"));
    }

    #[test]
    fn text_after_a_quoted_value_is_rejected() {
        let message = "unexpected '~2' after the quoted value of 'speaker:' (a field value ends at its closing quote)";
        assert_eq!(error(r#""marco rubio"~2"#), (21, message.to_string()));
    }

    #[test]
    fn closing_quote_skips_escapes() {
        assert_eq!(closing_quote(r#""a\"b""#, '"'), Some(5));
        assert_eq!(closing_quote(r#""abc"#, '"'), None);
        assert_eq!(closing_quote("'x'", '\''), Some(2));
    }
}

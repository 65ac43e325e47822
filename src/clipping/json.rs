//! JSON and NDJSON article records as scrapers export them (news-please,
//! NewsAPI, custom dumps).
//!
//! A `.json` file may hold one object, an array of objects, or an object
//! wrapping one (`{"articles": [...]}`); an NDJSON/JSONL file holds one object
//! per line. Each record becomes a clipping whose `ordinal` is its index. A
//! record that cannot be used (invalid line, not an object, no title) is
//! skipped and named in a warning on every returned clipping; when no record
//! is usable the file is an error.

use serde_json::Value;

use crate::clipping::assemble::{blank, finish};
use crate::clipping::clipping::{Clipping, Format};
use crate::clipping::error::ParseError;
use crate::clipping::record::fill_from_record;
use crate::clipping::text::{excerpt, normalize_body};

/// Keys under which an exporter may wrap its list of articles.
const WRAPPER_KEYS: [&str; 6] = ["articles", "items", "data", "results", "records", "entries"];
/// Most skipped-record warnings copied onto each clipping.
const MAX_SKIP_WARNINGS: usize = 10;

/// True when the text opens like JSON (`{` or `[`).
pub(crate) fn looks_like_json(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with(['{', '['])
}

/// True when at least two lines start with `{`, and the first line is a whole object.
pub(crate) fn looks_like_ndjson(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first_ok = lines.next().is_some_and(|l| {
        l.starts_with('{') && l.ends_with('}') && serde_json::from_str::<Value>(l).is_ok()
    });
    first_ok && lines.take(5).any(|l| l.starts_with('{'))
}

/// Parse a JSON document holding one record or several.
pub(crate) fn parse_json(text: &str) -> Result<Vec<Clipping>, ParseError> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        ParseError::Json {
            reason: format!("invalid JSON: {e}"),
        }
    })?;
    let records: Vec<Value> = match value {
        Value::Array(items) => items,
        Value::Object(mut obj) => match WRAPPER_KEYS
            .iter()
            .find(|k| obj.get(**k).is_some_and(Value::is_array))
        {
            Some(key) if !obj.contains_key("title") => match obj.remove(*key) {
                Some(Value::Array(items)) => items,
                _ => Vec::new(),
            },
            _ => vec![Value::Object(obj)],
        },
        other => {
            return Err(ParseError::Json {
                reason: format!(
                    "expected an article object or an array of them, found {}",
                    kind(&other)
                ),
            })
        }
    };
    let results = records
        .iter()
        .enumerate()
        .map(|(i, v)| to_clipping(v, i, Format::Json))
        .collect();
    gather(results)
}

/// Parse NDJSON / JSON Lines: one record per non-blank line.
pub(crate) fn parse_ndjson(text: &str) -> Result<Vec<Clipping>, ParseError> {
    let results = text
        .trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .enumerate()
        .map(
            |(ordinal, (line_idx, line))| match serde_json::from_str::<Value>(line) {
                Ok(v) => to_clipping(&v, ordinal, Format::Ndjson),
                Err(e) => Err(format!(
                    "line {}, column {}: invalid JSON: {}",
                    line_idx + 1,
                    e.column(),
                    bare_message(&e)
                )),
            },
        )
        .collect();
    gather(results)
}

/// serde_json's message without its " at line L column C" suffix.
fn bare_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rsplit_once(" at line ") {
        Some((msg, _)) => msg.to_string(),
        None => text,
    }
}

/// Name of a JSON value's type, for messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// One record to a clipping, or why it cannot be used.
fn to_clipping(value: &Value, ordinal: usize, format: Format) -> Result<Clipping, String> {
    let Value::Object(map) = value else {
        return Err(format!(
            "record {ordinal} is {}, not an article object",
            kind(value)
        ));
    };
    let mut clip = blank(format);
    clip.ordinal = ordinal;
    let body = fill_from_record(map, &mut clip);
    if clip.title.is_empty() {
        return Err(format!("record {ordinal} has no title"));
    }
    clip.body = normalize_body(&body);
    Ok(finish(clip))
}

/// Keep the good records, warning about the skipped ones; error if none is good.
fn gather(results: Vec<Result<Clipping, String>>) -> Result<Vec<Clipping>, ParseError> {
    let total = results.len();
    let (good, bad): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
    let problems: Vec<String> = bad.into_iter().filter_map(Result::err).collect();
    let mut good: Vec<Clipping> = good.into_iter().filter_map(Result::ok).collect();
    if good.is_empty() {
        return Err(no_usable_record(total, &problems));
    }
    let mut notes: Vec<String> = problems
        .iter()
        .take(MAX_SKIP_WARNINGS)
        .map(|p| format!("skipped: {}", excerpt(p, 200)))
        .collect();
    if problems.len() > MAX_SKIP_WARNINGS {
        notes.push(format!(
            "skipped {} more unusable records",
            problems.len() - MAX_SKIP_WARNINGS
        ));
    }
    for clip in &mut good {
        clip.warnings.extend(notes.iter().cloned());
    }
    Ok(good)
}

/// The error for a file without one usable record.
fn no_usable_record(total: usize, problems: &[String]) -> ParseError {
    match (total, problems.first()) {
        (0, _) => ParseError::Json {
            reason: "no article records in the file".into(),
        },
        (1, Some(p)) if p.ends_with("has no title") => ParseError::MissingTitle {
            reason: "the JSON record has no title/headline field".into(),
        },
        (_, first) => ParseError::Json {
            reason: format!(
                "none of the {total} records is usable; first problem: {}",
                excerpt(first.map_or("", String::as_str), 200)
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_object() {
        let v = parse_json(
            r#"{"title": "T", "maintext": "PARIS (AFP) - A.\nB.", "date": "2025-12-20"}"#,
        )
        .unwrap();
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].format, Format::Json);
        assert_eq!(v[0].body, "PARIS (AFP) - A.\n\nB.");
        assert_eq!(v[0].dateline.as_deref(), Some("Paris"));
    }

    #[test]
    fn array_with_a_bad_record() {
        let v = parse_json(r#"[{"title": "A", "text": "x"}, 5, {"title": "C"}]"#).unwrap();
        assert_eq!(v.iter().map(|c| c.ordinal).collect::<Vec<_>>(), vec![0, 2]);
        assert!(v[0]
            .warnings
            .iter()
            .any(|w| w == "skipped: record 1 is a number, not an article object"));
    }

    #[test]
    fn wrapped_articles() {
        let v = parse_json(r#"{"status": "ok", "articles": [{"title": "A"}, {"title": "B"}]}"#)
            .unwrap();
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn errors() {
        assert!(matches!(
            parse_json("{\"title\": "),
            Err(ParseError::Json { .. })
        ));
        assert!(matches!(parse_json("[]"), Err(ParseError::Json { .. })));
        assert!(matches!(parse_json("\"x\""), Err(ParseError::Json { .. })));
        assert!(matches!(
            parse_json(r#"{"text": "body"}"#),
            Err(ParseError::MissingTitle { .. })
        ));
        assert!(matches!(
            parse_json(r#"[{"text": "a"}, {"text": "b"}]"#),
            Err(ParseError::Json { .. })
        ));
    }

    #[test]
    fn ndjson_lines() {
        let text = "{\"title\": \"A\"}\n\nnot json\n{\"title\": \"C\", \"content\": \"c\"}\n";
        assert!(looks_like_ndjson(text));
        let v = parse_ndjson(text).unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(v[1].ordinal, 2);
        assert_eq!(v[1].format, Format::Ndjson);
        let w = &v[0].warnings;
        assert!(
            w.iter()
                .any(|w| w == "skipped: line 3, column 2: invalid JSON: expected ident"),
            "{w:?}"
        );
    }

    #[test]
    fn ndjson_all_bad() {
        assert!(matches!(
            parse_ndjson("x\ny\n"),
            Err(ParseError::Json { .. })
        ));
        assert!(!looks_like_ndjson("{\"a\": 1}"));
        assert!(!looks_like_ndjson("{\n\"a\": 1}\n"));
    }
}

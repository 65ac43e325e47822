//! YAML front matter: the `---` fenced block at the start of a Markdown file,
//! read with `yaml-rust2` and converted to a JSON map so that
//! [`crate::clipping::record`] can pick the article fields.

use serde_json::{Map, Number, Value};
use yaml_rust2::{Yaml, YamlLoader};

use crate::clipping::error::ParseError;

/// Largest front matter accepted (bytes).
const MAX_FRONT_MATTER: usize = 64 * 1024;
/// Most `[` / `{` allowed in front matter: bounds nesting depth.
const MAX_BRACKETS: usize = 256;

/// A file split into its front matter and the Markdown after it.
#[derive(Debug)]
pub(crate) struct FrontMatter<'a> {
    /// The YAML mapping as JSON values (empty when the block is empty).
    pub map: Map<String, Value>,
    /// Everything after the closing fence.
    pub body: &'a str,
}

/// True when the text starts with a `---` line (the front matter fence).
pub(crate) fn has_front_matter(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}');
    text.lines().next().is_some_and(|l| l.trim_end() == "---")
}

/// Split and parse the front matter; `Ok(None)` when the text has none.
pub(crate) fn read_front_matter(text: &str) -> Result<Option<FrontMatter<'_>>, ParseError> {
    if !has_front_matter(text) {
        return Ok(None);
    }
    let text = text.trim_start_matches('\u{feff}');
    let yaml_start = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let fence = line.trim_end();
        if fence == "---" || fence == "..." {
            let yaml = &text[yaml_start..offset];
            let map = parse_yaml(yaml)?;
            return Ok(Some(FrontMatter {
                map,
                body: &text[offset + line.len()..],
            }));
        }
        offset += line.len();
    }
    Err(ParseError::BadHeader {
        line: 1,
        reason: "front matter opened with '---' is never closed by a '---' line".into(),
    })
}

/// Parse the YAML block into a string-keyed map (line numbers of errors are
/// file lines: the opening fence is line 1).
fn parse_yaml(yaml: &str) -> Result<Map<String, Value>, ParseError> {
    let brackets = yaml.bytes().filter(|b| matches!(b, b'[' | b'{')).count();
    if yaml.len() > MAX_FRONT_MATTER || brackets > MAX_BRACKETS {
        return Err(ParseError::BadHeader {
            line: 2,
            reason: "front matter is too large or too deeply nested".into(),
        });
    }
    let docs = YamlLoader::load_from_str(yaml).map_err(|e| ParseError::BadHeader {
        line: e.marker().line() + 1,
        reason: format!("invalid YAML front matter: {}", e.info()),
    })?;
    match docs.first().map(yaml_to_json) {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(map)) => Ok(map),
        Some(_) => Err(ParseError::BadHeader {
            line: 2,
            reason: "front matter must be 'key: value' lines (a YAML mapping)".into(),
        }),
    }
}

/// Convert a YAML node to a JSON value (keys become strings).
fn yaml_to_json(y: &Yaml) -> Value {
    match y {
        Yaml::String(s) | Yaml::Real(s) => Value::String(s.clone()),
        Yaml::Integer(i) => Value::Number(Number::from(*i)),
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(items) => Value::Array(items.iter().map(yaml_to_json).collect()),
        Yaml::Hash(hash) => Value::Object(
            hash.iter()
                .filter_map(|(k, v)| key_text(k).map(|k| (k, yaml_to_json(v))))
                .collect(),
        ),
        Yaml::Alias(_) | Yaml::Null | Yaml::BadValue => Value::Null,
    }
}

/// A mapping key as text (scalars only).
fn key_text(k: &Yaml) -> Option<String> {
    match k {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_mapping_and_body() {
        let text = "---\ntitle: \"Hello: world\"\nauthors:\n  - A\n  - B\npublished: 2025-12-20\n---\n# Hello\n\nText.\n";
        let fm = read_front_matter(text).unwrap().unwrap();
        assert_eq!(fm.map["title"], "Hello: world");
        assert_eq!(fm.map["authors"], serde_json::json!(["A", "B"]));
        assert_eq!(fm.map["published"], "2025-12-20");
        assert_eq!(fm.body, "# Hello\n\nText.\n");
    }

    #[test]
    fn no_front_matter() {
        assert!(read_front_matter("# Title\n\ntext").unwrap().is_none());
        assert!(read_front_matter("---")
            .unwrap_err()
            .to_string()
            .contains("never closed"));
    }

    #[test]
    fn empty_and_bad_yaml() {
        let fm = read_front_matter("---\n---\nbody").unwrap().unwrap();
        assert!(fm.map.is_empty());
        assert_eq!(fm.body, "body");
        let e = read_front_matter("---\ntitle: [unclosed\n---\n").unwrap_err();
        assert!(matches!(e, ParseError::BadHeader { .. }), "{e}");
        let e = read_front_matter("---\n- a\n- b\n---\n").unwrap_err();
        assert!(e.to_string().contains("mapping"));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("---\na: {}\n---\n", "[".repeat(5000));
        assert!(read_front_matter(&text).is_err());
    }
}

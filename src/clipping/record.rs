//! Article fields from a key-value record, whatever the exporter called them:
//! news-please JSON (`maintext`, `date_publish`, `source_domain`), NewsAPI
//! (`source: {name}`), and YAML front matter (converted to JSON values first).

use serde_json::{Map, Value};

use crate::clipping::assemble::metadata_date;
use crate::clipping::clipping::Clipping;
use crate::clipping::text::{non_empty, site_from_url};

/// Keys for each field, best first (compared case-insensitively).
const TITLE_KEYS: [&str; 5] = ["title", "headline", "title_page", "title_rss", "name"];
const BODY_KEYS: [&str; 9] = [
    "maintext",
    "text",
    "content",
    "body",
    "article_text",
    "articlebody",
    "full_text",
    "fulltext",
    "article",
];
const DESCRIPTION_KEYS: [&str; 4] = ["description", "summary", "excerpt", "lead"];
const DATE_KEYS: [&str; 14] = [
    "date_publish",
    "date_published",
    "datepublished",
    "published",
    "published_at",
    "publishedat",
    "publish_date",
    "publishdate",
    "pubdate",
    "date",
    "created",
    "created_at",
    "date_created",
    "time",
];
const SOURCE_NAME_KEYS: [&str; 7] = [
    "source_name",
    "publisher",
    "site_name",
    "source",
    "site",
    "outlet",
    "publication",
];
const SOURCE_DOMAIN_KEYS: [&str; 2] = ["source_domain", "domain"];
const URL_KEYS: [&str; 7] = [
    "url",
    "source_url",
    "link",
    "canonical_url",
    "canonical",
    "permalink",
    "href",
];
const AUTHOR_KEYS: [&str; 5] = ["authors", "author", "byline", "creator", "by"];
const SECTION_KEYS: [&str; 5] = [
    "section",
    "category",
    "categories",
    "topic",
    "articlesection",
];

/// Fill `clip` from a record; returns the main text (may be empty).
///
/// Date problems become warnings; the source falls back to the URL's site.
pub(crate) fn fill_from_record(map: &Map<String, Value>, clip: &mut Clipping) -> String {
    let get = |keys: &[&str]| lookup(map, keys);
    clip.title = get(&TITLE_KEYS).and_then(text_of).unwrap_or_default();
    clip.url = get(&URL_KEYS).and_then(text_of);
    clip.author = get(&AUTHOR_KEYS).and_then(names_of);
    clip.section = get(&SECTION_KEYS).and_then(first_text_of);
    clip.source = source_of(map, clip.url.as_deref());
    if let Some((key, value)) = DATE_KEYS.iter().find_map(|k| lookup_entry(map, k)) {
        if let Some(text) = text_of(value) {
            clip.date = metadata_date(&text, key, &mut clip.warnings);
        }
    }
    let body = get(&BODY_KEYS).and_then(text_of);
    match body {
        Some(body) => body,
        None => get(&DESCRIPTION_KEYS).and_then(text_of).unwrap_or_default(),
    }
}

/// Publication name, else its domain, else the URL's site.
fn source_of(map: &Map<String, Value>, url: Option<&str>) -> Option<String> {
    let named = lookup(map, &SOURCE_NAME_KEYS).and_then(|v| match v {
        Value::Object(o) => lookup(o, &["name", "title"]).and_then(text_of),
        other => text_of(other),
    });
    let named = named.map(|n| site_from_url(&n).unwrap_or(n));
    named
        .or_else(|| lookup(map, &SOURCE_DOMAIN_KEYS).and_then(text_of))
        .or_else(|| url.and_then(site_from_url))
}

/// The first key present with a non-null value.
fn lookup<'a>(map: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter()
        .find_map(|k| lookup_entry(map, k))
        .map(|(_, v)| v)
}

/// One key, compared case-insensitively; null and empty strings are absent.
fn lookup_entry<'a>(map: &'a Map<String, Value>, key: &str) -> Option<(&'a str, &'a Value)> {
    map.iter()
        .find(|(k, v)| k.eq_ignore_ascii_case(key) && !is_blank(v))
        .map(|(k, v)| (k.as_str(), v))
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// A scalar as trimmed text (numbers too, for timestamps).
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => non_empty(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A string, or the first string of a list ("categories": ["world", "europe"]).
fn first_text_of(v: &Value) -> Option<String> {
    match v {
        Value::Array(items) => items.iter().find_map(text_of),
        other => text_of(other),
    }
}

/// Author names from a string, a list, or objects with a `name`; "By " dropped.
pub(crate) fn names_of(v: &Value) -> Option<String> {
    let one = |v: &Value| match v {
        Value::Object(o) => lookup(o, &["name"]).and_then(text_of),
        other => text_of(other),
    };
    let names: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    };
    let names: Vec<String> = names
        .into_iter()
        .map(|n| {
            n.strip_prefix("By ")
                .or_else(|| n.strip_prefix("by "))
                .unwrap_or(&n)
                .trim()
                .to_string()
        })
        .filter(|n| !n.is_empty())
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clipping::assemble::blank;
    use crate::clipping::clipping::Format;
    use chrono::NaiveDate;
    use serde_json::json;

    fn fill(v: Value) -> (Clipping, String) {
        let mut c = blank(Format::Json);
        let body = fill_from_record(v.as_object().unwrap(), &mut c);
        (c, body)
    }

    #[test]
    fn news_please_record() {
        let (c, body) = fill(json!({
            "title": "Fed holds rates", "maintext": "WASHINGTON (Reuters) - The Fed held.",
            "date_publish": "2025-12-20 14:03:00", "source_domain": "www.reuters.com",
            "authors": ["Jane Doe", "John Roe"], "url": "https://www.reuters.com/markets/x",
            "description": "short"
        }));
        assert_eq!(c.title, "Fed holds rates");
        assert_eq!(body, "WASHINGTON (Reuters) - The Fed held.");
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2025, 12, 20));
        assert_eq!(c.source.as_deref(), Some("www.reuters.com"));
        assert_eq!(c.author.as_deref(), Some("Jane Doe, John Roe"));
    }

    #[test]
    fn newsapi_style_and_fallbacks() {
        let (c, body) = fill(json!({
            "Title": "X", "description": "Only a summary.", "source": {"id": null, "name": "BBC News"},
            "author": "By Ann Lee", "date": "not a date"
        }));
        assert_eq!(c.source.as_deref(), Some("BBC News"));
        assert_eq!(c.author.as_deref(), Some("Ann Lee"));
        assert_eq!(body, "Only a summary.");
        assert_eq!(c.date, None);
        assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
    }

    #[test]
    fn camel_case_date_key() {
        let (c, _) = fill(json!({"title": "T", "publishedAt": "2025-12-20T10:00:00Z"}));
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2025, 12, 20));
    }

    #[test]
    fn source_from_url_when_unnamed() {
        let (c, _) =
            fill(json!({"title": "T", "url": "https://www.reuters.com/world/x", "authors": []}));
        assert_eq!(c.source.as_deref(), Some("reuters.com"));
        assert_eq!(c.author, None);
    }

    #[test]
    fn author_objects_and_categories() {
        let (c, _) = fill(
            json!({"title": "T", "author": [{"name": "A B"}, {"x": 1}], "categories": ["world", "eu"]}),
        );
        assert_eq!(c.author.as_deref(), Some("A B"));
        assert_eq!(c.section.as_deref(), Some("world"));
    }
}

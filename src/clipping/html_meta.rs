//! Article metadata of an HTML page: `<meta>` tags (Open Graph, article:*,
//! author), JSON-LD `NewsArticle` blocks, the canonical link, `<h1>`,
//! `<title>` and `<time datetime>`.

use scraper::{ElementRef, Html, Selector};
use serde_json::{Map, Value};

use crate::clipping::record::names_of;
use crate::clipping::text::{collapse_whitespace, non_empty, site_from_url};

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: [&str; 9] = [
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "Report",
    "BackgroundNewsArticle",
    "LiveBlogPosting",
];
/// `<meta>` names holding the publication date, best first.
const DATE_METAS: [&str; 12] = [
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
];
/// `<meta>` names holding the author.
const AUTHOR_METAS: [&str; 5] = [
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "parsely-author",
];

/// What the page says about its article.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct PageMeta {
    pub title: Option<String>,
    /// (where it came from, the date text)
    pub date: Option<(String, String)>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub section: Option<String>,
    /// JSON-LD `articleBody`, used when the page text yields nothing.
    pub ld_body: Option<String>,
}

/// Parse a CSS selector known to be valid.
pub(crate) fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|_| panic!("invalid built-in selector {css}"))
}

/// Read all metadata from a parsed page.
pub(crate) fn read_meta(doc: &Html) -> PageMeta {
    let mut page = tagged_meta(doc);
    if page.date.is_none() {
        page.date = time_datetime(doc);
    }
    if page.source.is_none() {
        page.source = page.url.as_deref().and_then(site_from_url);
    }
    if page.title.is_none() {
        page.title = first_text(doc, "h1").or_else(|| page_title(doc, page.source.as_deref()));
    }
    page
}

/// What `<meta>` tags, the canonical link and JSON-LD say (best first).
fn tagged_meta(doc: &Html) -> PageMeta {
    let metas = meta_tags(doc);
    let meta = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| metas.iter().find(|(k, _)| k == n))
            .map(|(k, v)| (k.clone(), v.clone()))
    };
    let ld = json_ld_article(doc).unwrap_or_default();
    let ld_text = |key: &str| ld.get(key).and_then(Value::as_str).and_then(non_empty);
    let ld_date = || ld_text("datePublished").map(|d| ("JSON-LD datePublished".into(), d));
    PageMeta {
        title: meta(&["og:title", "twitter:title"])
            .map(|m| m.1)
            .or_else(|| ld_text("headline")),
        date: meta(&DATE_METAS[..2])
            .or_else(ld_date)
            .or_else(|| meta(&DATE_METAS[2..])),
        source: meta(&["og:site_name", "application-name"])
            .map(|m| m.1)
            .or_else(|| ld_publisher(&ld)),
        author: meta(&AUTHOR_METAS)
            .map(|m| m.1)
            .filter(|a| site_from_url(a).is_none())
            .or_else(|| ld.get("author").and_then(names_of)),
        section: meta(&["article:section"])
            .map(|m| m.1)
            .or_else(|| ld_text("articleSection")),
        ld_body: ld_text("articleBody"),
        url: canonical(doc)
            .or_else(|| meta(&["og:url"]).map(|m| m.1))
            .or_else(|| ld_text("url")),
    }
}

/// (lower-case property/name/itemprop, trimmed content) of every `<meta>`.
fn meta_tags(doc: &Html) -> Vec<(String, String)> {
    doc.select(&sel("meta[content]"))
        .filter_map(|m| {
            let v = m.value();
            let key = v
                .attr("property")
                .or_else(|| v.attr("name"))
                .or_else(|| v.attr("itemprop"))?;
            let content = non_empty(v.attr("content")?)?;
            Some((key.trim().to_ascii_lowercase(), content))
        })
        .collect()
}

/// `<link rel="canonical" href>`.
fn canonical(doc: &Html) -> Option<String> {
    doc.select(&sel("link[rel=canonical][href]"))
        .find_map(|l| non_empty(l.value().attr("href")?))
}

/// Whitespace-collapsed text of the first element matching `css`.
fn first_text(doc: &Html, css: &str) -> Option<String> {
    doc.select(&sel(css))
        .find_map(|e| non_empty(&collapse_whitespace(&element_text(e))))
}

/// All text of an element.
pub(crate) fn element_text(e: ElementRef<'_>) -> String {
    e.text().collect::<Vec<_>>().join("")
}

/// `<title>` without a trailing " | Site" / " - Site" naming the source.
fn page_title(doc: &Html, source: Option<&str>) -> Option<String> {
    let title = first_text(doc, "title")?;
    for sep in [" | ", " - ", " \u{2013} ", " \u{2014} "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if source.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim()))
                && !head.trim().is_empty()
            {
                return Some(head.trim().to_string());
            }
        }
    }
    Some(title)
}

/// The first `<time datetime>` (preferring one inside `<article>`).
fn time_datetime(doc: &Html) -> Option<(String, String)> {
    ["article time[datetime]", "time[datetime]"]
        .iter()
        .find_map(|css| {
            doc.select(&sel(css))
                .find_map(|t| non_empty(t.value().attr("datetime")?))
                .map(|d| ("<time datetime>".to_string(), d))
        })
}

/// The publisher's name from a JSON-LD article.
fn ld_publisher(ld: &Map<String, Value>) -> Option<String> {
    match ld.get("publisher")? {
        Value::Object(p) => p.get("name").and_then(Value::as_str).and_then(non_empty),
        Value::String(s) => non_empty(s),
        _ => None,
    }
}

/// The first JSON-LD object typed as an article (searching arrays and `@graph`).
fn json_ld_article(doc: &Html) -> Option<Map<String, Value>> {
    doc.select(&sel("script[type=\"application/ld+json\"]"))
        .filter_map(|s| serde_json::from_str::<Value>(element_text(s).trim()).ok())
        .find_map(|v| find_article(v, 0))
}

/// Depth-limited search for an article-typed object.
fn find_article(v: Value, depth: usize) -> Option<Map<String, Value>> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Array(items) => items.into_iter().find_map(|i| find_article(i, depth + 1)),
        Value::Object(mut obj) => {
            if is_article_type(obj.get("@type")) {
                return Some(obj);
            }
            obj.remove("@graph")
                .and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

/// `"@type": "NewsArticle"` or `["NewsArticle", ...]`.
fn is_article_type(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.as_str()),
        Some(Value::Array(items)) => items.iter().any(|i| is_article_type(Some(i))),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_graph_and_article_metas() {
        let doc = Html::parse_document(
            r#"<html><head><title>Fed holds | Daily Planet</title>
            <meta property="og:title" content="Fed holds rates">
            <meta property="og:site_name" content="Daily Planet">
            <meta property="article:published_time" content="2025-12-20T14:03:00Z">
            <meta name="author" content="Lois Lane">
            <link rel="canonical" href="https://www.dailyplanet.com/a/1"></head><body></body></html>"#,
        );
        let m = read_meta(&doc);
        assert_eq!(m.title.as_deref(), Some("Fed holds rates"));
        assert_eq!(m.source.as_deref(), Some("Daily Planet"));
        assert_eq!(
            m.date.as_ref().map(|d| d.1.as_str()),
            Some("2025-12-20T14:03:00Z")
        );
        assert_eq!(m.author.as_deref(), Some("Lois Lane"));
        assert_eq!(m.url.as_deref(), Some("https://www.dailyplanet.com/a/1"));
    }

    #[test]
    fn json_ld_graph() {
        let doc = Html::parse_document(
            r#"<script type="application/ld+json">{"@graph": [{"@type": "WebSite"},
            {"@type": ["NewsArticle"], "headline": "H", "datePublished": "2025-12-20",
             "author": [{"@type": "Person", "name": "A Writer"}], "publisher": {"name": "The Paper"},
             "articleSection": "world"}]}</script><h1>Other</h1>"#,
        );
        let m = read_meta(&doc);
        assert_eq!(m.title.as_deref(), Some("H"));
        assert_eq!(m.author.as_deref(), Some("A Writer"));
        assert_eq!(m.source.as_deref(), Some("The Paper"));
        assert_eq!(m.section.as_deref(), Some("world"));
        assert_eq!(
            m.date.as_ref().map(|d| d.0.as_str()),
            Some("JSON-LD datePublished")
        );
    }

    #[test]
    fn fallbacks_h1_title_time_and_url_site() {
        let doc = Html::parse_document(
            r#"<title>Page | example.org</title><meta property="og:url" content="https://example.org/x">
            <article><time datetime="2024-02-29">Feb 29</time></article>"#,
        );
        let m = read_meta(&doc);
        assert_eq!(m.title.as_deref(), Some("Page"));
        assert_eq!(m.source.as_deref(), Some("example.org"));
        assert_eq!(m.date.map(|d| d.1), Some("2024-02-29".to_string()));
    }
}

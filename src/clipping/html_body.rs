//! The article's own text in an HTML page, without navigation, menus, ads,
//! footers, comments or scripts.
//!
//! Containers are tried in order: `[itemprop=articleBody]`, `<article>`,
//! `<main>`; otherwise the element holding the most paragraph text (the
//! densest block of `<p>`s) is taken. Inside the container the text blocks
//! (`p`, `h2`-`h4`, `li`, `blockquote`) outside boilerplate become paragraphs.

use scraper::{ElementRef, Html};

use crate::clipping::html_meta::{element_text, sel};
use crate::clipping::text::collapse_whitespace;

/// Elements never part of the article text.
const SKIP_TAGS: [&str; 16] = [
    "nav",
    "aside",
    "footer",
    "header",
    "form",
    "script",
    "style",
    "noscript",
    "template",
    "figure",
    "figcaption",
    "button",
    "iframe",
    "svg",
    "select",
    "menu",
];
/// Class/id fragments marking boilerplate blocks.
const SKIP_MARKERS: [&str; 20] = [
    "comment",
    "related",
    "share",
    "social",
    "promo",
    "advert",
    "newsletter",
    "subscribe",
    "sidebar",
    "footer",
    "cookie",
    "breadcrumb",
    "recommend",
    "popular",
    "trending",
    "most-read",
    "outbrain",
    "taboola",
    "paywall",
    "byline",
];
/// Text blocks collected inside a container.
const BLOCKS: &str = "p, h2, h3, h4, li, blockquote, pre";
/// Elements whose text continues the surrounding text.
const INLINE_TAGS: [&str; 14] = [
    "a", "b", "i", "em", "strong", "span", "u", "small", "sup", "sub", "abbr", "time", "mark",
    "code",
];
/// A container needs this much paragraph text to be trusted.
const MIN_CONTAINER_TEXT: usize = 80;

/// The article's paragraphs, in document order.
pub(crate) fn article_paragraphs(doc: &Html) -> Vec<String> {
    for css in ["[itemprop=articleBody]", "article", "main, [role=main]"] {
        let best = doc
            .select(&sel(css))
            .filter(|e| !is_boilerplate(*e))
            .map(|e| blocks_in(e))
            .max_by_key(|ps| text_len(ps));
        if let Some(ps) = best.filter(|ps| text_len(ps) >= MIN_CONTAINER_TEXT) {
            return ps;
        }
    }
    match densest_block(doc).map(blocks_in) {
        Some(ps) if !ps.is_empty() => ps,
        _ => loose_text(doc),
    }
}

/// No text blocks at all: the text of `<article>`/`<main>`/`<body>` outside
/// boilerplate, one paragraph per block element (inline elements joined).
fn loose_text(doc: &Html) -> Vec<String> {
    let Some(container) = ["article", "main", "body"]
        .iter()
        .find_map(|css| doc.select(&sel(css)).next())
    else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    let mut last_parent = None;
    for node in container.descendants() {
        let (Some(text), Some(parent)) = (
            node.value().as_text(),
            node.parent().and_then(ElementRef::wrap),
        ) else {
            continue;
        };
        if in_boilerplate(parent, container) || text.trim().is_empty() {
            continue;
        }
        let block = block_ancestor(parent).id();
        match out.last_mut() {
            Some(last) if last_parent == Some(block) => last.push_str(text),
            _ => out.push(text.to_string()),
        }
        last_parent = Some(block);
    }
    out.iter()
        .map(|t| collapse_whitespace(t))
        .filter(|t| !t.is_empty())
        .collect()
}

fn text_len(ps: &[String]) -> usize {
    ps.iter().map(String::len).sum()
}

/// Leaf text blocks of a container that are not boilerplate.
fn blocks_in(container: ElementRef<'_>) -> Vec<String> {
    let blocks = sel(BLOCKS);
    let mut out: Vec<String> = Vec::new();
    for el in container.select(&blocks) {
        if el.select(&blocks).next().is_some() || in_boilerplate(el, container) {
            continue;
        }
        let text = collapse_whitespace(&element_text(el));
        if !text.is_empty()
            && !text.eq_ignore_ascii_case("advertisement")
            && out.last() != Some(&text)
        {
            out.push(text);
        }
    }
    out
}

/// The nearest ancestor-or-self that is not an inline element.
fn block_ancestor(mut el: ElementRef<'_>) -> ElementRef<'_> {
    while INLINE_TAGS.contains(&el.value().name()) {
        match el.parent().and_then(ElementRef::wrap) {
            Some(parent) => el = parent,
            None => break,
        }
    }
    el
}

/// The element whose direct `<p>` children carry the most text.
fn densest_block(doc: &Html) -> Option<ElementRef<'_>> {
    let mut scores: Vec<(ElementRef<'_>, usize)> = Vec::new();
    for p in doc.select(&sel("p")) {
        let Some(parent) = p.parent().and_then(ElementRef::wrap) else {
            continue;
        };
        if in_boilerplate(p, doc.root_element()) {
            continue;
        }
        let len = collapse_whitespace(&element_text(p)).len();
        match scores.iter_mut().find(|(e, _)| e.id() == parent.id()) {
            Some(entry) => entry.1 += len,
            None => scores.push((parent, len)),
        }
    }
    scores
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n)
        .map(|(e, _)| e)
}

/// True when `el` or an ancestor below `stop` is boilerplate.
fn in_boilerplate(el: ElementRef<'_>, stop: ElementRef<'_>) -> bool {
    let mut node = Some(el);
    while let Some(e) = node {
        if e.id() == stop.id() {
            return false;
        }
        if is_boilerplate(e) {
            return true;
        }
        node = e.parent().and_then(ElementRef::wrap);
    }
    false
}

/// A skipped tag, or a class/id naming a boilerplate block.
fn is_boilerplate(e: ElementRef<'_>) -> bool {
    let v = e.value();
    if SKIP_TAGS.contains(&v.name()) || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    let marks = |s: &str| {
        let s = s.to_ascii_lowercase();
        SKIP_MARKERS.iter().any(|m| s.contains(m))
            || s.split([' ', '-', '_'])
                .any(|t| t == "ad" || t == "ads" || t == "nav" || t == "menu")
    };
    v.attr("class").is_some_and(marks) || v.attr("id").is_some_and(marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: &str = "This paragraph is long enough to count as article text for the container.";

    #[test]
    fn article_container_without_boilerplate() {
        let html = format!(
            r#"<nav><p>Home</p></nav><article><h1>T</h1><p>PARIS (AFP) - {LONG}</p>
            <div class="share-tools"><p>Share this</p></div><p>Second {LONG}</p>
            <aside><p>Related stuff</p></aside><blockquote><p>Quoted</p></blockquote></article>
            <footer><p>Copyright</p></footer>"#
        );
        let ps = article_paragraphs(&Html::parse_document(&html));
        assert_eq!(ps.len(), 3, "{ps:?}");
        assert!(ps[0].starts_with("PARIS (AFP) - "));
        assert_eq!(ps[2], "Quoted");
    }

    #[test]
    fn item_prop_beats_article() {
        let html = format!(
            r#"<article><p>Teaser {LONG}</p><div itemprop="articleBody"><p>Body {LONG}</p><p>{LONG}</p></div></article>"#
        );
        let ps = article_paragraphs(&Html::parse_document(&html));
        assert_eq!(ps.len(), 2);
        assert!(ps[0].starts_with("Body"));
    }

    #[test]
    fn densest_block_when_no_container() {
        let html = format!(
            r#"<div class="menu"><p>a</p></div><div id="x"><p>{LONG}</p><p>Two {LONG}</p></div>
            <div><p>short</p></div><div class="comments"><p>{LONG}{LONG}{LONG}</p></div>"#
        );
        let ps = article_paragraphs(&Html::parse_document(&html));
        assert_eq!(ps.len(), 2, "{ps:?}");
    }

    #[test]
    fn loose_text_without_paragraphs() {
        let html = "<body><nav>Menu</nav><div>First <b>bold</b> block.</div><div>Second block.</div><script>x()</script></body>";
        let ps = article_paragraphs(&Html::parse_document(html));
        assert_eq!(ps, vec!["First bold block.", "Second block."]);
        assert!(article_paragraphs(&Html::parse_document("")).is_empty());
    }
}

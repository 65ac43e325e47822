//! Small text helpers shared by the format parsers: paragraph assembly,
//! whitespace collapsing and the site name of a URL.

/// Group lines into paragraphs (runs of non-blank lines) and build the body.
///
/// Each line is trimmed at both ends (inner whitespace kept); lines of one
/// paragraph are joined by `line_join` ("\n" keeps them, " " unwraps
/// hard-wrapped text); paragraphs are joined by a blank line.
pub(crate) fn paragraphs_to_body<'a, I>(lines: I, line_join: &str) -> String
where
    I: IntoIterator<Item = &'a str>,
{
    let mut body = String::new();
    let mut in_paragraph = false;
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            in_paragraph = false;
            continue;
        }
        if in_paragraph {
            body.push_str(line_join);
        } else if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str(line);
        in_paragraph = true;
    }
    body
}

/// Like [`paragraphs_to_body`] but returns the paragraphs one by one.
pub(crate) fn collect_paragraphs<'a, I>(lines: I, line_join: &str) -> Vec<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut out: Vec<String> = Vec::new();
    let mut in_paragraph = false;
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            in_paragraph = false;
            continue;
        }
        match out.last_mut() {
            Some(last) if in_paragraph => {
                last.push_str(line_join);
                last.push_str(line);
            }
            _ => out.push(line.to_string()),
        }
        in_paragraph = true;
    }
    out
}

/// Body text from a metadata record: when it has blank lines they separate
/// paragraphs; otherwise every line is a paragraph. Stray CRs are dropped.
pub(crate) fn normalize_body(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if text.contains("\n\n") {
        paragraphs_to_body(text.lines(), "\n")
    } else {
        paragraphs_to_body(text.lines().flat_map(|l| [l, ""]), "\n")
    }
}

/// The first paragraph of a body (up to the first blank line).
pub(crate) fn first_paragraph(body: &str) -> &str {
    // Line by line (a byte search), not a search for the two-byte pattern:
    // a body of one-line paragraphs has no blank line to find, and the
    // pattern search read each of its bytes at several times the cost.
    let mut at = 0;
    while let Some(i) = body[at..].find('\n') {
        let end = at + i;
        if body.as_bytes().get(end + 1) == Some(&b'\n') {
            return &body[..end];
        }
        at = end + 1;
    }
    body
}

/// Collapse runs of whitespace (including newlines and NBSP) into one space, trimmed.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The site of a URL without "www.": `https://www.reuters.com/world/x` -> "reuters.com".
pub(crate) fn site_from_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = match url.split_once("://") {
        Some((scheme, rest))
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
        {
            rest
        }
        Some(_) => return None,
        None => url.strip_prefix("//")?,
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let valid = host.contains('.')
        && !host.starts_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    valid.then(|| host.to_string())
}

/// Trimmed, non-empty text or `None`.
pub(crate) fn non_empty(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Cut `text` to at most `max` bytes at a char boundary, for messages.
pub(crate) fn excerpt(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_paragraphs() {
        let lines = ["", " a  b ", "c", "", "", "d", " "];
        assert_eq!(paragraphs_to_body(lines, "\n"), "a  b\nc\n\nd");
        assert_eq!(paragraphs_to_body(lines, " "), "a  b c\n\nd");
        assert_eq!(paragraphs_to_body([""; 3], " "), "");
        assert_eq!(collect_paragraphs(lines, " "), vec!["a  b c", "d"]);
    }

    #[test]
    fn normalizes_record_bodies() {
        assert_eq!(normalize_body("a\nb\r\nc"), "a\n\nb\n\nc");
        assert_eq!(normalize_body("a\nb\n\nc"), "a\nb\n\nc");
    }

    #[test]
    fn splits_paragraphs() {
        assert_eq!(first_paragraph("x y\n\nz"), "x y");
        assert_eq!(first_paragraph("only"), "only");
        // One-line paragraphs: no blank line, the whole body.
        assert_eq!(first_paragraph("a\nb\nc\n"), "a\nb\nc\n");
        assert_eq!(first_paragraph("a\nb\n\n\nc"), "a\nb");
        assert_eq!(first_paragraph("\n\nx"), "");
        assert_eq!(first_paragraph("é\n\nx"), "é");
    }

    #[test]
    fn sites() {
        assert_eq!(
            site_from_url("https://www.reuters.com/world/x").as_deref(),
            Some("reuters.com")
        );
        assert_eq!(
            site_from_url("http://WWW.BBC.co.uk:8080?q").as_deref(),
            Some("bbc.co.uk")
        );
        assert_eq!(
            site_from_url("//cdn.example.org/a").as_deref(),
            Some("cdn.example.org")
        );
        assert_eq!(site_from_url("mailto:x@y.z"), None);
        assert_eq!(site_from_url("not a url"), None);
        assert_eq!(site_from_url("https://localhost/"), None);
    }

    #[test]
    fn collapse_and_excerpt() {
        assert_eq!(collapse_whitespace(" a \n\t b\u{a0}c "), "a b c");
        assert_eq!(excerpt("héllo", 2), "h");
        assert_eq!(excerpt("abc", 10), "abc");
    }
}

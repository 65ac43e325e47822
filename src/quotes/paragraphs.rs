//! Paragraph segmentation: an article body is a list of paragraphs separated by blank
//! lines; a single newline inside a paragraph is ordinary whitespace.

/// Byte range of one paragraph in the body, trimmed of surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Paragraph {
    /// Byte offset of the first non-whitespace character.
    pub start: usize,
    /// Byte offset just past the last non-whitespace character.
    pub end: usize,
}

/// Splits `body` at blank lines (lines holding only whitespace).
pub(crate) fn split(body: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current: Option<Paragraph> = None;
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(p) = current.take() {
                out.push(p);
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            let start = line_start + lead;
            let end = start + trimmed.len();
            match current.as_mut() {
                Some(p) => p.end = end,
                None => current = Some(Paragraph { start, end }),
            }
        }
        line_start += line.len();
    }
    out.extend(current);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<&str> {
        split(body).iter().map(|p| &body[p.start..p.end]).collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(texts("One.\n\nTwo.\n \nThree."), ["One.", "Two.", "Three."]);
    }

    #[test]
    fn single_newline_stays_inside() {
        assert_eq!(
            texts("  One\ntwo.\n\n\n\nThree.  "),
            ["One\ntwo.", "Three."]
        );
    }

    #[test]
    fn empty_body_has_no_paragraphs() {
        assert!(split("").is_empty());
        assert!(split("\n\n  \n").is_empty());
    }
}

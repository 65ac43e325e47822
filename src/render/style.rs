//! Terminal styling: bold for matched words and headings, when colour is on.

/// Whether to use ANSI styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// Emit ANSI escapes.
    pub color: bool,
}

impl Style {
    /// `text` in bold (or as is without colour).
    pub fn bold(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// `text` dimmed (or as is without colour).
    pub fn dim(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[2m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// `text` with the byte ranges in `highlights` in bold. Without colour,
    /// highlights are left unmarked so the text reads (and greps) as written.
    pub fn highlight(&self, text: &str, highlights: &[(usize, usize)]) -> String {
        if !self.color || highlights.is_empty() {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len() + highlights.len() * 8);
        let mut at = 0;
        for &(start, end) in highlights {
            let valid = start >= at && end <= text.len() && start <= end;
            if !valid || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            out.push_str(&text[at..start]);
            out.push_str(&self.bold(&text[start..end]));
            at = end;
        }
        out.push_str(&text[at..]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_in_bold_only_with_colour() {
        let on = Style { color: true };
        assert_eq!(
            on.highlight("no deal here", &[(3, 7)]),
            "no \x1b[1mdeal\x1b[0m here"
        );
        let off = Style { color: false };
        assert_eq!(off.highlight("no deal here", &[(3, 7)]), "no deal here");
    }

    #[test]
    fn bad_ranges_are_ignored_not_panics() {
        let on = Style { color: true };
        assert_eq!(on.highlight("é", &[(1, 2), (0, 9)]), "é");
    }
}

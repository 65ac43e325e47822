//! What a file's path says, read as text only (the file is never opened):
//! a date (`2025/12/20/`, `20251220-`, `2025-12-20`), the extension, and a
//! section from a well-known parent folder name (`bbc/business/001.txt`).

use std::path::Path;

use chrono::NaiveDate;

use crate::clipping::dates::{check_range, ymd};

/// Folder names that are news sections (used as `section` for plain text).
const SECTIONS: [&str; 34] = [
    "business",
    "politics",
    "sport",
    "sports",
    "tech",
    "technology",
    "entertainment",
    "world",
    "international",
    "national",
    "science",
    "health",
    "opinion",
    "culture",
    "arts",
    "economy",
    "finance",
    "markets",
    "lifestyle",
    "travel",
    "education",
    "environment",
    "local",
    "media",
    "crime",
    "weather",
    "autos",
    "food",
    "religion",
    "obituaries",
    "money",
    "climate",
    "nation",
    "metro",
];

/// Hints from one path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PathHints {
    /// Lower-case extension without the dot ("" when none).
    pub ext: String,
    /// The last valid calendar date written in the path.
    pub date: Option<NaiveDate>,
    /// The parent folder's name when it is a known news section.
    pub section: Option<String>,
}

impl PathHints {
    /// Read the hints from a path's text.
    pub(crate) fn from_path(path: &Path) -> Self {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let text = path.to_string_lossy();
        PathHints {
            ext,
            date: date_in_path(&text),
            section: section_from_parent(path),
        }
    }
}

/// The last real date (1800..=2100) written in the path text:
/// `YYYY/MM/DD`, `YYYY-MM-DD`, `YYYY_MM_DD` or `YYYYMMDD`, not inside a
/// longer run of digits.
pub(crate) fn date_in_path(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let mut found = None;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        if let Some(date) = date_at(b, i) {
            found = Some(date);
        }
        i += 1;
    }
    found
}

/// A date starting at byte `i` (the start of a digit run).
fn date_at(b: &[u8], i: usize) -> Option<NaiveDate> {
    let digits = |from: usize, n: usize| -> Option<u32> {
        let s = b.get(from..from + n)?;
        s.iter()
            .all(u8::is_ascii_digit)
            .then(|| s.iter().fold(0, |acc, d| acc * 10 + u32::from(d - b'0')))
    };
    let year = digits(i, 4)?;
    let sep = *b.get(i + 4)?;
    let (month, day, end) = if matches!(sep, b'/' | b'-' | b'_' | b'\\') {
        let same_sep = b.get(i + 7) == Some(&sep);
        (
            digits(i + 5, 2)?,
            digits(i + 8, 2).filter(|_| same_sep)?,
            i + 10,
        )
    } else {
        (digits(i + 4, 2)?, digits(i + 6, 2)?, i + 8)
    };
    if b.get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    ymd(year as i32, month, day)
        .ok()
        .filter(|d| check_range(*d).is_ok())
}

/// The parent folder name when it is a known section ("business").
fn section_from_parent(path: &Path) -> Option<String> {
    let parent = path.parent()?.file_name()?.to_string_lossy().to_lowercase();
    SECTIONS.contains(&parent.as_str()).then_some(parent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_in_paths() {
        assert_eq!(
            date_in_path("archive/2025/12/20/story.txt"),
            d(2025, 12, 20)
        );
        assert_eq!(date_in_path("x/20251220-story.txt"), d(2025, 12, 20));
        assert_eq!(date_in_path("2025-12-20_story.md"), d(2025, 12, 20));
        assert_eq!(
            date_in_path("ReutersNews106521/20061020/us-idUSN2021166720061020"),
            d(2006, 10, 20)
        );
        assert_eq!(
            date_in_path("reuters21578/1987/03/23/newid-8455.txt"),
            d(1987, 3, 23)
        );
        assert_eq!(date_in_path("bbc/business/001.txt"), None);
        assert_eq!(date_in_path("2025/13/45/x"), None);
        assert_eq!(date_in_path("2025-12/20"), None);
        assert_eq!(date_in_path("id120251220999"), None);
    }

    #[test]
    fn hints_from_path() {
        let h = PathHints::from_path(Path::new("/c/bbc/business/001.TXT"));
        assert_eq!(h.ext, "txt");
        assert_eq!(h.section.as_deref(), Some("business"));
        assert_eq!(h.date, None);
        let h = PathHints::from_path(Path::new("/tmp/x/notes"));
        assert_eq!(h.ext, "");
        assert_eq!(h.section, None);
    }
}

//! Building a [`Clipping`]: an empty record for a format, and the finishing
//! steps every parser shares (dateline from the first paragraph, warnings).

use chrono::NaiveDate;

use crate::clipping::clipping::{Clipping, Format};
use crate::clipping::dateline::find_dateline;
use crate::clipping::dates::{check_range, parse_loose};
use crate::clipping::text::first_paragraph;

/// An empty clipping of the given format; parsers fill in the fields.
pub(crate) fn blank(format: Format) -> Clipping {
    Clipping {
        format,
        ordinal: 0,
        date: None,
        source: None,
        section: None,
        title: String::new(),
        author: None,
        url: None,
        dateline: None,
        body: String::new(),
        warnings: Vec::new(),
    }
}

/// Set the dateline from the body's first paragraph and note an empty body.
pub(crate) fn finish(mut clip: Clipping) -> Clipping {
    if clip.body.is_empty() {
        clip.warnings.push("no body text".into());
    } else if clip.dateline.is_none() {
        clip.dateline = find_dateline(first_paragraph(&clip.body)).map(|d| d.place);
    }
    clip
}

/// Read a metadata date (front matter, JSON, HTML): a bad or out-of-range
/// value is a warning, not an error, because the article is still usable.
pub(crate) fn metadata_date(
    value: &str,
    field: &str,
    warnings: &mut Vec<String>,
) -> Option<NaiveDate> {
    match parse_loose(value) {
        Ok(date) => match check_range(date) {
            Ok(date) => Some(date),
            Err(e) => {
                warnings.push(format!("{field}: {e}; date ignored"));
                None
            }
        },
        Err(reason) => {
            warnings.push(format!(
                "{field}: invalid date '{value}': {reason}; date ignored"
            ));
            None
        }
    }
}

/// Use the date from the file path when the text has none, saying so.
pub(crate) fn fill_date_from_path(clip: &mut Clipping, path_date: Option<NaiveDate>) {
    if clip.date.is_none() {
        if let Some(date) = path_date {
            clip.date = Some(date);
            clip.warnings
                .push(format!("date {date} taken from the file path"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finish_sets_dateline_and_warns_on_empty_body() {
        let mut c = blank(Format::Seed);
        c.body = "PARIS - Text.\n\nMore.".into();
        assert_eq!(finish(c).dateline.as_deref(), Some("Paris"));
        let c = finish(blank(Format::Seed));
        assert_eq!(c.warnings, vec!["no body text".to_string()]);
    }

    #[test]
    fn metadata_dates_warn_instead_of_failing() {
        let mut w = Vec::new();
        assert!(metadata_date("2025-12-20T10:00:00Z", "date", &mut w).is_some());
        assert!(metadata_date("1700-01-01", "date", &mut w).is_none());
        assert!(metadata_date("yesterday", "published", &mut w).is_none());
        assert_eq!(w.len(), 2);
        assert!(w[1].starts_with("published: invalid date 'yesterday'"));
    }

    #[test]
    fn path_date_fills_only_when_missing() {
        let d = NaiveDate::from_ymd_opt(2025, 12, 20);
        let mut c = blank(Format::PlainTitle);
        fill_date_from_path(&mut c, d);
        assert_eq!(c.date, d);
        assert_eq!(c.warnings.len(), 1);
    }
}

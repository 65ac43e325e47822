//! The byte cursor behind dateline detection: reads a place, qualifiers,
//! a (possibly mistyped) date, an agency tag and a separator, each either
//! consumed whole or not at all. Every position is a char boundary.

use crate::clipping::dates::month_from_name;

/// Most words a place segment may have.
const MAX_SEGMENT_WORDS: usize = 5;
/// Most qualifiers after the place (", Belgium", ", Calif.").
const MAX_QUALIFIERS: usize = 2;
/// Month spellings outside English seen in wire copy (Spanish "ABR 7").
const EXTRA_MONTHS: [&str; 4] = ["abr", "ago", "dic", "ene"];
/// Agencies written without parentheses after the date ("March 12, Reuter -").
const BARE_AGENCIES: [&str; 2] = ["Reuters", "Reuter"];

/// Most '/'-separated places in one dateline.
const MAX_SEGMENTS: usize = 4;

/// The place part of a dateline.
#[derive(Debug, Default)]
pub(crate) struct Place<'a> {
    /// Each place as written, qualifiers excluded ("CHARLOTTE", "NEW YORK").
    pub segments: Vec<&'a str>,
    /// All words of all segments.
    pub words: Vec<&'a str>,
    /// How many ", Qualifier" groups were skipped.
    pub qualifiers: usize,
}

/// The separator that ended a dateline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sep {
    Dash,
    Colon,
}

/// A cursor over the paragraph.
pub(crate) struct Cursor<'a> {
    text: &'a str,
    pub pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str, pos: usize) -> Self {
        Cursor { text, pos }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Consume `c` if it is next.
    fn eat(&mut self, c: char) -> bool {
        if self.rest().starts_with(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// Skip spaces, tabs and no-break spaces; return how many bytes.
    pub fn skip_spaces(&mut self) -> usize {
        let rest = self.rest();
        let n = rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len();
        self.pos += n;
        n
    }

    pub fn skip_all_whitespace(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    /// One word: starts with a letter; letters, dots, apostrophes and inner hyphens.
    fn word(&mut self) -> Option<&'a str> {
        let rest = self.rest();
        if !rest.chars().next()?.is_alphabetic() {
            return None;
        }
        let mut end = 0;
        let mut chars = rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next_is_letter = chars.peek().is_some_and(|(_, n)| n.is_alphabetic());
            let ok = c.is_alphabetic()
                || matches!(c, '.' | '\'' | '\u{2019}')
                || (c == '-' && next_is_letter);
            if !ok {
                break;
            }
            end = i + c.len_utf8();
        }
        self.pos += end;
        Some(&rest[..end])
    }

    /// Place: segments of single-space-separated words, each with optional
    /// qualifiers, joined by '/' ("CHARLOTTE, N.C./NEW YORK").
    pub fn place(&mut self) -> Option<Place<'a>> {
        let mut place = Place::default();
        for _ in 0..MAX_SEGMENTS {
            let start = self.pos;
            self.segment(&mut place.words)?;
            place.segments.push(&self.text[start..self.pos]);
            if !self.at_place_end() {
                return None;
            }
            place.qualifiers += self.qualifiers();
            let save = self.pos;
            self.skip_spaces();
            if !self.eat('/') {
                self.pos = save;
                break;
            }
            self.skip_spaces();
        }
        let len: usize = place.segments.iter().map(|s| s.len()).sum();
        (len <= 80).then_some(place)
    }

    /// Words of one segment; a month-and-day ends it ("BERLIN Dec 12").
    fn segment(&mut self, words: &mut Vec<&'a str>) -> Option<()> {
        words.push(self.word()?);
        for _ in 1..MAX_SEGMENT_WORDS {
            let save = self.pos;
            if self.skip_spaces() != 1 || self.looking_at_date() {
                self.pos = save;
                break;
            }
            match self.word() {
                Some(w) => words.push(w),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        Some(())
    }

    /// After a place the next thing must be punctuation, a space or the end.
    fn at_place_end(&self) -> bool {
        self.peek().is_none_or(|c| {
            matches!(
                c,
                ',' | ' '
                    | '\t'
                    | '\u{a0}'
                    | '('
                    | ':'
                    | '/'
                    | '-'
                    | '\u{2014}'
                    | '\u{2013}'
                    | '\u{2015}'
            )
        })
    }

    /// A comma, possibly after spaces ("OAKLAND , N.J."); consumed when present.
    fn comma(&mut self) -> bool {
        let save = self.pos;
        self.skip_spaces();
        if self.eat(',') {
            return true;
        }
        self.pos = save;
        false
    }

    /// Up to two ", Qualifier" groups that are not dates.
    pub fn qualifiers(&mut self) -> usize {
        let mut count = 0;
        while count < MAX_QUALIFIERS {
            let save = self.pos;
            if !self.comma() {
                break;
            }
            self.skip_spaces();
            let mut words = Vec::new();
            if self.looking_at_date() || self.segment(&mut words).is_none() || !self.at_place_end()
            {
                self.pos = save;
                break;
            }
            count += 1;
        }
        count
    }

    /// True when a month-and-day date starts here (nothing consumed).
    fn looking_at_date(&mut self) -> bool {
        let save = self.pos;
        let found = self.date_body();
        self.pos = save;
        found
    }

    /// Optional ",", ",." or ", -" then a date; consumed when present.
    pub fn date(&mut self) -> bool {
        let save = self.pos;
        if self.comma() {
            self.eat('.');
        }
        self.skip_spaces();
        if self.date_body() {
            return true;
        }
        if self.eat('-') && self.skip_spaces() > 0 && self.date_body() {
            return true;
        }
        self.pos = save;
        false
    }

    /// "March 9", "Dec. 3", "April, 13", "Nov 29, 2006", "12 Dec", "Marc 16".
    fn date_body(&mut self) -> bool {
        let save = self.pos;
        if self.month() {
            self.comma();
            if self.skip_spaces() > 0 && self.day() {
                self.year();
                return true;
            }
        }
        self.pos = save;
        if self.day() && self.skip_spaces() > 0 && self.month() {
            self.year();
            return true;
        }
        self.pos = save;
        false
    }

    fn month(&mut self) -> bool {
        let save = self.pos;
        match self.word() {
            Some(w) if is_month_like(w) => true,
            _ => {
                self.pos = save;
                false
            }
        }
    }

    /// A day of one to three characters with a digit; typos such as "2O",
    /// "l7" or "119" are tolerated. Must not run into more letters or digits.
    fn day(&mut self) -> bool {
        let len = self
            .rest()
            .bytes()
            .take_while(|b| b.is_ascii_digit() || matches!(b, b'O' | b'o' | b'l' | b'I'))
            .count();
        let token = &self.rest()[..len];
        if !(1..=3).contains(&len) || !token.bytes().any(|b| b.is_ascii_digit()) {
            return false;
        }
        if self.rest()[len..].starts_with(|c: char| c.is_alphanumeric()) {
            return false;
        }
        self.pos += len;
        true
    }

    /// Optional ", 1987" / " 1987".
    fn year(&mut self) {
        let save = self.pos;
        self.comma();
        self.skip_spaces();
        let digits = self.rest().bytes().take_while(u8::is_ascii_digit).count();
        if digits == 4 {
            self.pos += 4;
        } else {
            self.pos = save;
        }
    }

    /// "(Reuters)", "(AP)", "(dpa)", or a bare ", Reuter" after a date.
    pub fn agency(&mut self, after_date: bool) -> bool {
        if after_date && self.bare_agency() {
            return true;
        }
        let Some(inner) = self.rest().strip_prefix('(') else {
            return false;
        };
        let name = inner
            .find(')')
            .filter(|&n| n <= 40)
            .map(|close| &inner[..close]);
        if name.is_some_and(is_agency_name) {
            self.pos += name.map_or(0, str::len) + 2;
            return true;
        }
        // "(Reuters - text": the closing parenthesis is missing.
        let unclosed = inner
            .strip_prefix("Reuters")
            .is_some_and(|a| a.starts_with(char::is_whitespace));
        if unclosed {
            self.pos += 1 + "Reuters".len();
        }
        unclosed
    }

    /// ", Reuter", " Reuters", " Reuters)" after a date.
    fn bare_agency(&mut self) -> bool {
        let save = self.pos;
        self.comma();
        self.skip_spaces();
        if self.word().is_some_and(|w| BARE_AGENCIES.contains(&w)) {
            self.eat(')');
            return true;
        }
        self.pos = save;
        false
    }

    /// Optional ',' then "-", "--", "—", "–", "―" or ":", then whitespace
    /// (dashes other than the ASCII hyphen may touch the next word; so may
    /// the hyphen when `loose`, after an agency tag: "(Reuters) -JPMorgan").
    pub fn separator(&mut self, loose: bool) -> Option<Sep> {
        let save = self.pos;
        self.comma();
        self.skip_spaces();
        let rest = self.rest();
        let (sep, len) = if rest.starts_with("--") && !rest.starts_with("---") {
            (Sep::Dash, 2)
        } else {
            match rest.chars().next() {
                Some('-') => (Sep::Dash, 1),
                Some('\u{2014}' | '\u{2013}' | '\u{2015}') => (Sep::Dash, 3),
                Some(':') => (Sep::Colon, 1),
                _ => (Sep::Dash, 0),
            }
        };
        let after = rest[len..].chars().next();
        let touching_ok = len == 3 || (loose && len == 1);
        let spaced = after.is_none_or(char::is_whitespace)
            || (touching_ok && after.is_some_and(char::is_alphanumeric));
        if len == 0 || !spaced {
            self.pos = save;
            return None;
        }
        self.pos += len;
        Some(sep)
    }
}

/// "Reuters", "AP", "dpa", "Reuters Life!": a short name starting with a letter.
fn is_agency_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().next().is_some_and(char::is_alphabetic)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '&' | '\'' | '!'))
}

/// A month name, abbreviation or a one-edit typo of one ("Marc", "Macrh",
/// "Juen", "Jne"); also the Spanish wire abbreviations.
fn is_month_like(word: &str) -> bool {
    if month_from_name(word).is_some() {
        return true;
    }
    let w = word.trim_end_matches('.');
    let starts_like_month = w.starts_with([
        'j', 'f', 'm', 'a', 's', 'o', 'n', 'd', 'J', 'F', 'M', 'A', 'S', 'O', 'N', 'D',
    ]);
    if !starts_like_month
        || !(3..=9).contains(&w.len())
        || !w.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return false;
    }
    let w = w.to_ascii_lowercase();
    EXTRA_MONTHS.contains(&w.as_str())
        || super::MONTHS.iter().any(|m| {
            let prefix_typo = w.len() >= 4
                && w.len() <= m.len() + 1
                && m.starts_with(&w[..3])
                && within_one_edit(&w, &m[..w.len().min(m.len())]);
            prefix_typo || within_one_edit(&w, m)
        })
}

/// Damerau-Levenshtein distance of at most one (ASCII input).
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match (ra.len(), rb.len()) {
        (0, 0) => true,
        (x, y) if x == y => {
            ra[1..] == rb[1..] || (x >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        (x, y) if x > y => ra[1..] == *rb,
        _ => *ra == rb[1..],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_typos() {
        for w in [
            "March", "Dec.", "Marc", "Mach", "Narch", "Marchg", "Macrh", "Apri", "APri", "Junee",
            "Jne", "Juen", "ABR", "Sept",
        ] {
            assert!(is_month_like(w), "{w}");
        }
        for w in [
            "Mayor", "Marching", "Ohio", "Calif", "Va", "Octopus", "Nevada", "Decent",
        ] {
            assert!(!is_month_like(w), "{w}");
        }
    }

    #[test]
    fn edits() {
        assert!(within_one_edit("macrh", "march"));
        assert!(within_one_edit("mach", "march"));
        assert!(within_one_edit("narch", "march"));
        assert!(!within_one_edit("mayor", "may"));
        assert!(!within_one_edit("abc", "cba"));
    }

    #[test]
    fn day_tokens() {
        for (text, ok) in [
            ("9 -", true),
            ("9", true),
            ("2O -", true),
            ("l7 -", true),
            ("119 -", true),
            ("1234", false),
            ("x", false),
            ("12th", false),
        ] {
            assert_eq!(Cursor::new(text, 0).day(), ok, "{text}");
        }
    }
}

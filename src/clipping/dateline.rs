//! Dateline detection at the start of an article's first paragraph.
//!
//! Recognised shapes (place, optional qualifiers, optional date, optional
//! agency tag, separator):
//! `Miami:`, `NEW DELHI:`, `PARIS —`, `KYIV (Reuters) -`,
//! `WASHINGTON, March 9 -`, `LANCASTER, PA., March 23 -`,
//! `NEW YORK/LONDON  Nov 29 (Reuters) -`, `BRUSSELS, Belgium (AP) —`,
//! `MOSCOW, Dec. 3 (AP) —`, `Berlin, Dec 12 (dpa) -`.
//!
//! The scan is conservative: a colon dateline is 1-3 capitalised words at the
//! very start; a dash dateline needs an ALL-CAPS place, an agency tag or a
//! date. Labels ("Note:"), sentence openers and titles of people
//! ("President Trump -") are refused. Pure and linear in the prefix length.

use crate::clipping::dateline_scan::{Cursor, Place, Sep};
use crate::clipping::place::{
    has_stop_word, is_all_lower, is_connector, is_mostly_upper, mixes_caps_styles, never_first,
    normalize_place,
};

/// A dateline found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place in readable form: "Washington", "New York/London", "Brussels".
    pub place: String,
    /// Bytes of the dateline prefix: leading spaces, place, qualifiers, date,
    /// agency, the separator and the spaces after it (so `&p[len..]` is the text).
    pub len: usize,
}

/// Find a dateline at the very start of `first_paragraph`.
///
/// Leading whitespace and wire-copy debris (`****`, a stray `c ` before an
/// ALL-CAPS place) are skipped and counted in `len`.
pub fn find_dateline(first_paragraph: &str) -> Option<Dateline> {
    let p = first_paragraph;
    let start = p.len()
        - p.trim_start_matches(|c: char| c.is_whitespace() || c == '*')
            .len();
    scan_at(p, start).or_else(|| {
        let rest = &p[start..];
        let mut chars = rest.chars();
        let stray = chars
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && chars.next() == Some(' ')
            && chars.next().is_some_and(|c| c.is_uppercase());
        stray.then(|| scan_at(p, start + 2)).flatten()
    })
}

/// Scan for a dateline starting at byte `start`.
fn scan_at(p: &str, start: usize) -> Option<Dateline> {
    let mut cur = Cursor::new(p, start);
    let place = cur.place()?;
    let has_date = cur.date();
    cur.skip_spaces();
    let has_agency = cur.agency(has_date);
    let sep = match cur.separator(has_agency) {
        Some(sep) => sep,
        // "NEW YORK (Reuters) Apple CEO ...": the agency tag alone ends it.
        None if has_agency && starts_with_space_then_capital(&p[cur.pos..]) => Sep::Dash,
        None => return None,
    };
    cur.skip_all_whitespace();
    let place_raw = place.segments.join("/");
    let rest = &p[cur.pos..];
    let shape = Shape {
        place: &place,
        place_raw: &place_raw,
        has_date,
        has_agency,
        sep,
        text_starts_lower_or_digit: rest
            .starts_with(|c: char| c.is_ascii_digit() || c.is_lowercase()),
    };
    (shape.acceptable() && !rest.is_empty()).then(|| Dateline {
        place: normalize_place(&place_raw),
        len: cur.pos,
    })
}

/// " Apple": whitespace, then an upper-case letter.
fn starts_with_space_then_capital(text: &str) -> bool {
    let trimmed = text.trim_start();
    trimmed.len() < text.len() && trimmed.starts_with(char::is_uppercase)
}

/// What the scanner saw, judged by [`Shape::acceptable`].
struct Shape<'a> {
    place: &'a Place<'a>,
    place_raw: &'a str,
    has_date: bool,
    has_agency: bool,
    sep: Sep,
    /// The text after the separator starts with a digit or a lower-case
    /// letter (tables: "COPPER - 2650", "SILVER - total 156,708").
    text_starts_lower_or_digit: bool,
}

impl Shape<'_> {
    /// The acceptance rules from the module documentation. A date makes the
    /// shape unambiguous enough to forgive case typos ("New york, March 2 -").
    fn acceptable(&self) -> bool {
        if self.looks_like_byline() {
            return false;
        }
        let first_cap = self
            .place
            .words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        if self.has_date {
            let short = self.place.words.len() <= 3;
            let lower_ok = short && is_all_lower(self.place_raw) && self.sep == Sep::Dash;
            return (first_cap && (short || self.capitalised())) || lower_ok;
        }
        if !self.capitalised() {
            return false;
        }
        if self.has_agency {
            return true;
        }
        match self.sep {
            Sep::Dash => {
                is_mostly_upper(self.place_raw)
                    && !has_stop_word(&self.place.words, true)
                    && !self.text_starts_lower_or_digit
            }
            Sep::Colon => self.colon_form_ok(),
        }
    }

    /// "By Jane Doe NEW YORK", "A. Giannone NEW YORK": not a place. Two-word
    /// places with a date may mix case ("BALDWIN Park, Calif, March 30 -").
    fn looks_like_byline(&self) -> bool {
        let words = &self.place.words;
        let mixed = self.place.segments.iter().any(|s| mixes_caps_styles(s));
        words.first().is_some_and(|w| never_first(w))
            || (mixed && !(self.has_date && words.len() <= 2))
    }

    /// Every non-connector word starts with an upper-case letter.
    fn capitalised(&self) -> bool {
        self.place
            .words
            .iter()
            .all(|w| is_connector(w) || w.chars().next().is_some_and(char::is_uppercase))
    }

    /// `Miami:` / `NEW DELHI:`: 1-3 capitalised words, nothing else.
    fn colon_form_ok(&self) -> bool {
        let caps = self.place.words.iter().filter(|w| !is_connector(w)).count();
        self.place.qualifiers == 0
            && (1..=3).contains(&caps)
            && !self.place_raw.contains('/')
            && !has_stop_word(&self.place.words, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(p: &str) -> Option<String> {
        find_dateline(p).map(|d| d.place)
    }

    #[test]
    fn required_shapes() {
        let cases = [
            ("Miami: US Secretary of State", "Miami"),
            ("WASHINGTON, March 9 - The Senate", "Washington"),
            ("KYIV (Reuters) - Ukraine said", "Kyiv"),
            (
                "NEW YORK/LONDON  Nov 29 (Reuters) - Banks",
                "New York/London",
            ),
            ("BRUSSELS, Belgium (AP) \u{2014} The EU", "Brussels"),
            ("LANCASTER, PA., March 23 - Herley", "Lancaster"),
            ("MOSCOW, Dec. 3 (AP) \u{2014} Russia", "Moscow"),
            ("PARIS \u{2014} France", "Paris"),
            ("Berlin, Dec 12 (dpa) - Germany", "Berlin"),
            ("NEW DELHI: India's", "New Delhi"),
            ("ST. LOUIS, June 1 - Ralston", "St. Louis"),
            ("RIO DE JANEIRO (Reuters) - Brazil", "Rio de Janeiro"),
            ("Rio de Janeiro: Brazil", "Rio de Janeiro"),
        ];
        for (text, want) in cases {
            assert_eq!(place(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn corpus_variants() {
        assert_eq!(
            place("LONDON, Oct 20- Allied Irish").as_deref(),
            Some("London")
        );
        assert_eq!(
            place("NEW YORK, April 21 -- Oil traders").as_deref(),
            Some("New York")
        );
        assert_eq!(
            place("sioux falls, april 7 - barrow").as_deref(),
            Some("Sioux Falls")
        );
        assert_eq!(
            place("WASHINGTON, D.C., March 11 - Giant").as_deref(),
            Some("Washington")
        );
        assert_eq!(
            place("MUNICH, West Germany, March 26 - Siemens").as_deref(),
            Some("Munich")
        );
        assert_eq!(
            place(" LIMA, Peru  (Reuters) - Argentine").as_deref(),
            Some("Lima")
        );
        assert_eq!(
            place("WASHINGTON\u{2014}The Fed").as_deref(),
            Some("Washington")
        );
        assert_eq!(
            place("CORAl GABLES, Fla, March 30- Shr").as_deref(),
            Some("Coral Gables")
        );
    }

    #[test]
    fn wire_typos_and_debris() {
        let cases = [
            ("OAKLAND , N.J., March 2 - Diagnostic", "Oakland"),
            ("New york, March 2 - Chicago", "New York"),
            ("NEWPORT NEWS, Va., March 2 - Noland", "Newport News"),
            ("ALBANY, N.Y., Marc 3 - KeyCorp", "Albany"),
            ("****SANTO DOMINGO, March 4 - The", "Santo Domingo"),
            ("CHEVY CHASE, Md., - March 4 - Geico", "Chevy Chase"),
            ("CHICAGO, March 4, - South Korea", "Chicago"),
            ("c CHICAGO, March 9 - Johnson", "Chicago"),
            ("0 LONDON, April 29 - The U.K.", "London"),
            (
                "OKLAHOMA CITY, Okla. March 11, Reuter - State",
                "Oklahoma City",
            ),
            ("Hauppauge, N.Y,. March 13 - Walker", "Hauppauge"),
            ("BELGRADE, March 2O - The", "Belgrade"),
            ("TAFT, Calif., Apri l7 - Berry", "Taft"),
            ("EVANDALE, Ohio, April, 13 - CFM", "Evandale"),
            ("BUENOS AIRES, ABR 7 - ARGENTINE", "Buenos Aires"),
            ("FORT WORTH, Texas, - <Wolverine", "Fort Worth"),
            ("La paz, march 4 - about", "La Paz"),
            (
                "OLYMPIA, Wash./ NEW YORK  (Reuters) - The",
                "Olympia/New York",
            ),
            (
                "CHARLOTTE, N.C./WILMINGTON, Delaware  (Reuters) - JPMorgan",
                "Charlotte/Wilmington",
            ),
            ("NEW YORK (Reuters) -JPMorgan Chase", "New York"),
            ("WASHINGTON, Feb 28 (Reuters - Lockheed", "Washington"),
            ("WASHINGTON, Dec 28 Reuters) - The number", "Washington"),
            (
                "HUNTINGTON BEACH, Calif. Nov 16 Reuters - Consumers",
                "Huntington Beach",
            ),
            ("TOKYO  (Reuters Life!) - Bat an eyelid", "Tokyo"),
            ("NEW YORK (Reuters) Apple CEO Steve Jobs", "New York"),
            ("BEIJING  (Reuters) - iPhone maker Foxconn", "Beijing"),
            ("BALDWIN Park, Calif, March 30 - Baldwin", "Baldwin Park"),
        ];
        for (text, want) in cases {
            assert_eq!(place(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn len_covers_prefix_and_following_space() {
        let p = "WASHINGTON, March 9 - The Senate";
        let d = find_dateline(p).unwrap();
        assert_eq!(&p[d.len..], "The Senate");
        let p = "  Miami:  US";
        assert_eq!(&p[find_dateline(p).unwrap().len..], "US");
    }

    #[test]
    fn refuses_sentences_and_labels() {
        for text in [
            "The company said: profits rose",
            "Note: figures are provisional",
            "President Trump - who spoke later - said",
            "President Trump: we will win",
            "Mar --- --- --- Apr 149.25",
            "MAR8 -- -- MINNEAPOLIS WHEAT",
            "Jun --- --- --- 5507",
            "Shares rose - a lot",
            "UPDATE: new figures",
            "Profits in the first half of the year rose: a lot",
            "Miami:",
            "",
            "-",
            "It was cold in Paris - very cold",
            "The Hague: talks",
            "London - Belgium is launching",
            "APRIL 11 - ISRAEL INTRODUCES SUMMER TIME.",
            "Federal Express Corp - New York",
            "COPPER GRADE A - 2650 tonnes",
            "COPPER GRADE - 2650 tonnes",
            "By Andrew Hurst ZURICH  Oct 30 (Reuters) - Swiss bank",
            "A. Giannone NEW YORK (Reuters) - X",
            "Prices rose sharply in heavy trading, Dec 12 - more",
            "Natural Classes: 5 (business, entertainment)",
            "Result: Nadal 6-7 (6/8) 6-2",
            "SILVER - total 156,708,754 off 323,664.",
            "TUE, APR 07 - INDIA, BOMBAY/DELHI (RAMANAVMI).",
            "Accumulative total at 1800 gmt - 1010",
            "Today - 1631.4",
            "us 7.8015 - 7.8035 uk 12.622",
            "Fob Omaha basis and midwest production areas - 1500 cst.",
        ] {
            assert_eq!(place(text), None, "{text}");
        }
    }

    #[test]
    fn non_ascii_is_safe() {
        assert_eq!(
            place("SÃO PAULO (Reuters) - Brazil").as_deref(),
            Some("São Paulo")
        );
        assert_eq!(place("Kraków: Polish"), Some("Kraków".into()));
        assert_eq!(place("ñ—é"), None);
        assert_eq!(place("É\u{2014}"), None);
    }
}

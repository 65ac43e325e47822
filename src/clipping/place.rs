//! Dateline place names: which words may form one, and their readable form
//! ("NEW YORK/LONDON" -> "New York/London", "RIO DE JANEIRO" -> "Rio de Janeiro").

use std::sync::OnceLock;

/// Lower-case words allowed inside a place name ("Rio de Janeiro", "Stratford-upon-Avon").
static CONNECTORS: WordList = WordList::new(
    "de da do dos das del della di du des la le les el of on upon am an im en sur y al",
);

/// Words that open labels and sentences, never a dateline ("Note:", "Update -").
static LABELS: WordList = WordList::new(
    "note notes nb ps update updated updates warning editor editors editor's breaking news \
     exclusive analysis opinion comment commentary correction corrected disclaimer live video \
     watch read also related advertisement sponsored transcript question answer q a summary \
     background context factbox explainer timeline latest photo photos source sources credit \
     caption reporting writing editing story example important tip step chapter part figure \
     table see subject title author tags result results score scores venue referee attendance \
     scorers teams contact email tel website price cost verdict rating pros cons disclosure \
     topics keywords location date time classes goals weather lineup",
);

/// Pronouns and function words that start sentences, never a place.
static SENTENCE_WORDS: WordList = WordList::new(
    "the this that these those it he she they we i you but and or so if when why what how who \
     where here there today yesterday tomorrow",
);

/// Titles of people: "President Trump -" / "Minister Lee:" are not datelines.
static PERSON_TITLES: WordList = WordList::new(
    "president mr mr. mrs mrs. ms ms. dr dr. sir minister senator sen. rep. governor gov. \
     king queen prince pope judge chairman ceo spokesman spokeswoman secretary chancellor \
     premier mayor officials",
);

/// Words that never start a place, whatever follows ("By Jane Doe NEW YORK").
static NEVER_FIRST: WordList = WordList::new(
    "by a an in on at for with from to of and but he she it they we this that his her its \
     their said says if when while as after before some many most all mon tue wed thu fri sat sun monday tuesday \
     wednesday thursday friday saturday sunday",
);

/// A space-separated list of words, split once on first use (dateline
/// detection asks these lists about most words of an article's opening).
struct WordList {
    text: &'static str,
    words: OnceLock<Vec<&'static str>>,
}

impl WordList {
    const fn new(text: &'static str) -> WordList {
        WordList {
            text,
            words: OnceLock::new(),
        }
    }

    /// True when `word` is one of the list's words (ASCII case ignored).
    fn holds(&self, word: &str) -> bool {
        let words = self.words.get_or_init(|| self.text.split(' ').collect());
        words.iter().any(|w| w.eq_ignore_ascii_case(word))
    }
}

/// True when the word cannot open a place name.
pub(crate) fn never_first(word: &str) -> bool {
    NEVER_FIRST.holds(word)
}

/// True when a segment mixes ALL-CAPS words with Capitalised ones
/// ("By Andrew Hurst ZURICH", "A. Giannone NEW YORK"): a byline or a
/// sentence run into a dateline, not a place.
pub(crate) fn mixes_caps_styles(segment: &str) -> bool {
    let mut caps = false;
    let mut capitalised = false;
    for word in segment.split_whitespace().filter(|w| !is_connector(w)) {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 || word.contains('.') {
            continue;
        }
        if word.chars().any(char::is_lowercase) {
            capitalised = true;
        } else if letters >= 3 {
            caps = true;
        }
    }
    caps && capitalised && !is_mostly_upper(segment)
}

/// A lower-case word allowed inside (not at the start of) a place name.
pub(crate) fn is_connector(word: &str) -> bool {
    CONNECTORS.holds(word)
}

/// True when any word is a label ("Note"), a sentence word ("The", "It"), or,
/// when `strict`, a title of a person ("President").
pub(crate) fn has_stop_word(words: &[&str], strict: bool) -> bool {
    words.iter().any(|w| {
        LABELS.holds(w) || (strict && SENTENCE_WORDS.holds(w)) || (strict && PERSON_TITLES.holds(w))
    })
}

/// True when at least 80% of the letters are upper case (ALLCAPS, allowing a typo).
pub(crate) fn is_mostly_upper(text: &str) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_uppercase() {
            upper += 1;
        }
    }
    letters >= 2 && upper * 5 >= letters * 4
}

/// True when no letter is upper case.
pub(crate) fn is_all_lower(text: &str) -> bool {
    !text.chars().any(char::is_uppercase)
}

/// Readable form of a place: ALL-CAPS or all-lower text is title-cased (small
/// words such as "de" stay lower case); mixed case is kept as written.
/// Segments separated by '/' are normalised one by one and joined by "/".
pub(crate) fn normalize_place(raw: &str) -> String {
    raw.split('/')
        .map(|seg| seg.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|seg| !seg.is_empty())
        .map(|seg| {
            if is_mostly_upper(&seg) || is_all_lower(&seg) {
                title_case(&seg)
            } else {
                fix_lower_words(&seg)
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// In mixed case, fix words typed all lower case ("New york" -> "New York")
/// or ALL CAPS with three or more letters ("BALDWIN Park" -> "Baldwin Park");
/// connectors ("Rio de Janeiro") and short codes ("Washington DC") are kept.
fn fix_lower_words(segment: &str) -> String {
    segment
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            let caps = !w.chars().any(char::is_lowercase)
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 3;
            if (is_all_lower(w) || caps) && (i == 0 || !is_connector(w)) {
                title_word(w, i == 0)
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Title-case each word of one place segment.
fn title_case(segment: &str) -> String {
    segment
        .split(' ')
        .enumerate()
        .map(|(i, word)| title_word(word, i == 0))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One word: hyphen parts title-cased; connectors lower case except first;
/// initialisms with dots ("D.C.", "U.S.") kept upper case.
fn title_word(word: &str, first: bool) -> String {
    if is_initialism(word) {
        return word.to_uppercase();
    }
    word.split('-')
        .enumerate()
        .map(|(i, part)| {
            let lower = part.to_lowercase();
            if (!first || i > 0) && is_connector(&lower) {
                lower
            } else {
                capitalize_part(&lower)
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// "d.c." / "u.s." style: single letters each followed by a dot.
fn is_initialism(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars.len() >= 4
        && chars.len().is_multiple_of(2)
        && chars.chunks(2).all(|c| c[0].is_alphabetic() && c[1] == '.')
}

/// Upper-case the first letter; after an apostrophe, upper-case again unless
/// only one letter follows ("o'hare" -> "O'Hare", "john's" -> "John's").
fn capitalize_part(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut upper_next = true;
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        if upper_next && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
        if c == '\'' || c == '\u{2019}' {
            let rest: String = chars.clone().take_while(|c| c.is_alphabetic()).collect();
            upper_next = rest.chars().count() > 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_all_caps() {
        assert_eq!(normalize_place("WASHINGTON"), "Washington");
        assert_eq!(normalize_place("NEW YORK/LONDON"), "New York/London");
        assert_eq!(normalize_place("NEW YORK / LONDON"), "New York/London");
        assert_eq!(normalize_place("RIO DE JANEIRO"), "Rio de Janeiro");
        assert_eq!(normalize_place("ST. LOUIS"), "St. Louis");
        assert_eq!(normalize_place("WINSTON-SALEM"), "Winston-Salem");
        assert_eq!(normalize_place("AIX-EN-PROVENCE"), "Aix-en-Provence");
        assert_eq!(normalize_place("ST. JOHN'S"), "St. John's");
        assert_eq!(normalize_place("O'HARE"), "O'Hare");
        assert_eq!(normalize_place("SÃO PAULO"), "São Paulo");
        assert_eq!(normalize_place("CORAl GABLES"), "Coral Gables");
    }

    #[test]
    fn keeps_mixed_case_and_fixes_lower() {
        assert_eq!(normalize_place("Miami"), "Miami");
        assert_eq!(normalize_place("Rio de Janeiro"), "Rio de Janeiro");
        assert_eq!(normalize_place("McLean"), "McLean");
        assert_eq!(normalize_place("sioux falls"), "Sioux Falls");
        assert_eq!(normalize_place("New york"), "New York");
        assert_eq!(normalize_place("La paz"), "La Paz");
        assert_eq!(normalize_place("BALDWIN Park"), "Baldwin Park");
        assert_eq!(normalize_place("Washington DC"), "Washington DC");
    }

    #[test]
    fn stop_words() {
        assert!(has_stop_word(&["Note"], false));
        assert!(has_stop_word(&["President", "Trump"], true));
        assert!(!has_stop_word(&["President", "Trump"], false));
        assert!(!has_stop_word(&["New", "Delhi"], true));
    }

    #[test]
    fn byline_shapes_are_not_places() {
        assert!(mixes_caps_styles("By Andrew Hurst ZURICH"));
        assert!(mixes_caps_styles("A. Giannone NEW YORK"));
        assert!(!mixes_caps_styles("NEW YORK"));
        assert!(!mixes_caps_styles("New York"));
        assert!(!mixes_caps_styles("CORAl GABLES"));
        assert!(!mixes_caps_styles("Washington DC"));
        assert!(never_first("By"));
        assert!(!never_first("Byron"));
    }

    #[test]
    fn case_tests() {
        assert!(is_mostly_upper("NEW DELHI"));
        assert!(!is_mostly_upper("New Delhi"));
        assert!(!is_mostly_upper("A"));
        assert!(is_all_lower("sioux falls"));
    }
}

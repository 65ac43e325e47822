//! Word and punctuation tokens with byte offsets into the article body.

use super::marks::is_quote_char;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits, with inner apostrophes, hyphens and initials' periods
    /// ("don't", "Holtz-Eakin", "U.S").
    Word,
    /// One punctuation character.
    Punct,
    /// One quotation-mark character.
    Mark,
}

/// A token: `body[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Word, punctuation or quotation mark.
    pub kind: Kind,
    /// [`NAME_WORD`] and [`LOWER_WORD`] bits (words only).
    pub flags: u8,
}

/// Flag: a word that can start or continue a capitalised name run (capitalised, or
/// with a lowercase Arabic prefix: "al-Ansari").
pub(crate) const NAME_WORD: u8 = 1;
/// Flag: a word starting with a lowercase letter.
pub(crate) const LOWER_WORD: u8 = 2;

/// The [`NAME_WORD`] and [`LOWER_WORD`] bits of word `w` (ASCII fast path);
/// `joined` tells whether a joiner ("-", "'", "&", ...) or a non-ASCII
/// character is inside it (a word of ASCII letters and digits alone is no
/// compound and no prefixed name).
fn word_flags(w: &str, joined: bool) -> u8 {
    let bytes = w.as_bytes();
    match bytes.first() {
        None => 0,
        Some(b) if b.is_ascii_uppercase() && joined && is_adjective_compound(w) => 0,
        Some(b) if b.is_ascii_uppercase() => NAME_WORD,
        Some(b) if b.is_ascii_lowercase() => {
            // A prefixed name ("al-", "ash-") has its hyphen at byte 2 or 3.
            let hyphen = bytes.get(2) == Some(&b'-') || bytes.get(3) == Some(&b'-');
            if joined && hyphen && is_prefixed_name(w) {
                LOWER_WORD | NAME_WORD
            } else {
                LOWER_WORD
            }
        }
        Some(b) if b.is_ascii() => 0,
        Some(_) => unicode_word_flags(w),
    }
}

fn unicode_word_flags(w: &str) -> u8 {
    let Some(c) = w.chars().next() else {
        return 0;
    };
    if c.is_uppercase() && is_adjective_compound(w) {
        0
    } else if c.is_uppercase() {
        NAME_WORD
    } else if !c.is_lowercase() {
        0
    } else if is_prefixed_name(w) {
        LOWER_WORD | NAME_WORD
    } else {
        LOWER_WORD
    }
}

/// A capitalised compound ending in a lowercase participle or adjective
/// ("London-based", "Kremlin-backed", "Norwegian-born", "Film-maker"): a
/// description, never a name ("said one London-based analyst who asked not
/// to be named"). Names join capitalised parts ("Jean-Claude"), and a
/// romanised given name's lowercase syllable ("Lee Min-hee", "Mao
/// Tse-tung") is no participle.
fn is_adjective_compound(w: &str) -> bool {
    const ENDINGS: &[&str] = &["born", "made", "run", "maker", "winning", "style", "wide"];
    let hyphen = w.bytes().rposition(|b| b == b'-');
    hyphen.is_some_and(|h| {
        let last = &w[h + 1..];
        last.starts_with(|c: char| c.is_lowercase())
            && (last.len() > 3 && last.ends_with("ed") || ENDINGS.contains(&last))
    })
}

/// Arabic and other names with a lowercase prefix: "al-Ansari", "el-Sisi".
pub(crate) fn is_prefixed_name(w: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "bin", "ibn", "abu", "abd", "ben",
    ];
    let hyphen = w.as_bytes().iter().take(4).position(|&b| b == b'-');
    hyphen
        .is_some_and(|h| PREFIXES.contains(&&w[..h]) && w[h + 1..].starts_with(char::is_uppercase))
}

/// True for characters that may join two alphanumeric runs into one word.
fn joins(c: char, prev: char, next: char) -> bool {
    let garbled = |x: char| x.is_alphanumeric() || is_mojibake_symbol(x);
    match c {
        '\'' | '’' | '-' | '‐' | '&' => prev.is_alphanumeric() && next.is_alphanumeric(),
        '.' => (prev.is_uppercase() || prev.is_ascii_digit()) && next.is_alphanumeric(),
        // A combining accent belongs to the letter before it ("Jose\u{301}").
        '\u{300}'..='\u{36F}' => garbled(prev),
        _ => is_mojibake_symbol(c) && garbled(prev) && garbled(next),
    }
}

/// Symbols that UTF-8 text read as Latin-1 or Windows-1252 leaves inside
/// words ("FranÃ§ois", "FranÃ\u{83}Â§ois", "donâ€™t"), and combining
/// accents: between letters they keep a garbled or decomposed name one
/// word, where they had cut it in pieces and broken the phrase naming a
/// speaker. Quotation marks, dashes and bullets are left out.
fn is_mojibake_symbol(c: char) -> bool {
    matches!(
        c,
        '\u{80}'..='\u{9F}'
            | '\u{A1}'..='\u{BF}'
            | '\u{300}'..='\u{36F}'
            | '€'
            | '™'
            | '‚'
            | '†'
            | '‡'
            | '‰'
            | 'ˆ'
            | '˜'
    ) && !matches!(c, '«' | '»')
}

/// The character at byte `i` of `text` and its length (ASCII fast path).
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// True when `c` is a letter or digit (ASCII fast path).
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Tokeniser state over one paragraph, `text`, which starts at byte `base` of the body.
struct Scan<'t, 'o> {
    text: &'t str,
    base: usize,
    word_start: Option<usize>,
    /// Whether a joiner or a non-ASCII character is inside the open word.
    joined: bool,
    prev: char,
    out: &'o mut Vec<Token>,
}

impl Scan<'_, '_> {
    /// Pushes the open word, if any, ending at byte `end` of the paragraph.
    #[inline(always)]
    fn close_word(&mut self, end: usize) {
        if let Some(ws) = self.word_start.take() {
            let w = &self.text[ws..end];
            self.out.push(Token {
                start: self.base + ws,
                end: self.base + end,
                kind: Kind::Word,
                flags: word_flags(w, std::mem::take(&mut self.joined)),
            });
        }
    }

    /// Handles the character at byte `i` (general path); returns the next position.
    fn step(&mut self, i: usize) -> usize {
        let Some((c, w)) = char_at(self.text, i) else {
            return self.text.len();
        };
        let alnum = is_alnum(c);
        let joined = !alnum
            && self.word_start.is_some()
            && (matches!(c, '\'' | '’' | '-' | '‐' | '&' | '.') || is_mojibake_symbol(c))
            && joins(c, self.prev, char_at(self.text, i + w).map_or(' ', |x| x.0));
        if alnum || joined {
            self.word_start.get_or_insert(i);
            self.joined |= joined || !c.is_ascii();
        } else {
            self.close_word(i);
            if !c.is_whitespace() {
                let kind = if is_quote_char(c) {
                    Kind::Mark
                } else {
                    Kind::Punct
                };
                self.out.push(Token {
                    start: self.base + i,
                    end: self.base + i + w,
                    kind,
                    flags: 0,
                });
            }
        }
        self.prev = c;
        i + w
    }
}

/// Appends the tokens of `body[start..end]` to `out`.
pub(crate) fn tokenize(body: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let text = &body[start..end];
    let bytes = text.as_bytes();
    let mut scan = Scan {
        text,
        base: start,
        word_start: None,
        joined: false,
        prev: ' ',
        out,
    };
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match CLASS[b as usize] {
            ALNUM => {
                // Fast path: ASCII letters and digits always start or extend a word.
                scan.word_start.get_or_insert(i);
                let run = bytes[i + 1..]
                    .iter()
                    .position(|&b| CLASS[b as usize] != ALNUM);
                i = run.map_or(bytes.len(), |n| i + 1 + n);
                scan.prev = bytes[i - 1] as char;
            }
            SPACE => {
                // Fast path: ASCII whitespace ends the open word.
                scan.close_word(i);
                scan.prev = b as char;
                i += 1;
            }
            _ => i = scan.step(i),
        }
    }
    scan.close_word(text.len());
}

/// [`CLASS`] of ASCII letters and digits.
const ALNUM: u8 = 1;
/// [`CLASS`] of ASCII whitespace.
const SPACE: u8 = 2;

/// Each byte's class for the tokeniser's fast paths: [`ALNUM`], [`SPACE`],
/// or 0 (punctuation and the bytes of non-ASCII characters, on the general
/// path).
static CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if c.is_ascii_whitespace() || c == 0x0b {
            SPACE
        } else {
            0
        };
        b += 1;
    }
    class
};

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        out.iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn words_keep_inner_joiners() {
        assert_eq!(
            words("Mr. O'Neill's U.S. Holtz-Eakin plan, “don’t”"),
            [
                "Mr",
                ".",
                "O'Neill's",
                "U.S",
                ".",
                "Holtz-Eakin",
                "plan",
                ",",
                "“",
                "don’t",
                "”"
            ]
        );
    }

    #[test]
    fn joined_words_get_their_flags_and_any_ascii_space_ends_a_word() {
        let text = "Hong Kong-listed\tal-Ansari\nZürich\r\nalpha-beta Jean-Claude\x0bend";
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        let got: Vec<(&str, u8)> = out
            .iter()
            .map(|t| (&text[t.start..t.end], t.flags))
            .collect();
        assert_eq!(
            got,
            [
                ("Hong", NAME_WORD),
                ("Kong-listed", 0),
                ("al-Ansari", LOWER_WORD | NAME_WORD),
                ("Zürich", NAME_WORD),
                ("alpha-beta", LOWER_WORD),
                ("Jean-Claude", NAME_WORD),
                ("end", LOWER_WORD),
            ]
        );
    }

    #[test]
    fn multibyte_text_is_sliced_safely() {
        assert_eq!(
            words("Zelenskyy’s «ça» é"),
            ["Zelenskyy’s", "«", "ça", "»", "é"]
        );
    }
}

//! [`Aliases`]: user-edited name variants, mapping each spelling of a speaker to one
//! canonical name.
//!
//! # File format
//!
//! UTF-8 text, one person or organisation per line:
//!
//! ```text
//! # Ukrainian officials
//! Volodymyr Zelensky = Zelenskyy | Volodymyr Zelenskiy | Zelenskiy
//! European Central Bank = ECB | the ECB
//! ```
//!
//! - The canonical name is left of `=`; its variants are right of it, separated by `|`.
//! - `#` starts a comment (to the end of the line); blank lines are ignored.
//! - Matching ignores case and collapses runs of whitespace; the canonical name is
//!   itself a variant of itself.
//! - Errors carry the 1-based line number: a line without `=` or with more than one,
//!   an empty canonical name or variant, or a variant already given to another name.

use std::collections::HashMap;

use thiserror::Error;

/// An error in an aliases file, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AliasError {
    /// The line is not `Canonical = variant | variant`.
    #[error("line {line}: expected `Canonical Name = variant | variant …`")]
    Syntax {
        /// 1-based line number.
        line: usize,
    },
    /// Nothing stands left of `=`.
    #[error("line {line}: empty canonical name")]
    EmptyCanonical {
        /// 1-based line number.
        line: usize,
    },
    /// A variant between `|` separators is empty.
    #[error("line {line}: empty variant")]
    EmptyVariant {
        /// 1-based line number.
        line: usize,
    },
    /// A variant already belongs to another canonical name.
    #[error("line {line}: `{variant}` is already an alias of `{canonical}`")]
    Conflict {
        /// 1-based line number.
        line: usize,
        /// The variant given twice.
        variant: String,
        /// The canonical name it was first given to.
        canonical: String,
    },
}

/// Canonical names for name variants, parsed from an aliases file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aliases {
    /// Normalised variant -> canonical name.
    map: HashMap<String, String>,
}

/// Lowercase with whitespace runs collapsed: the matching key of a name.
pub(crate) fn normalise(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Aliases {
    /// Parses an aliases file (see the module documentation for the format).
    pub fn parse(text: &str) -> Result<Aliases, AliasError> {
        let mut aliases = Aliases::default();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let content = raw.split('#').next().unwrap_or("").trim();
            if content.is_empty() {
                continue;
            }
            let mut sides = content.split('=');
            let (Some(left), Some(right), None) = (sides.next(), sides.next(), sides.next()) else {
                return Err(AliasError::Syntax { line });
            };
            let canonical = left.split_whitespace().collect::<Vec<_>>().join(" ");
            if canonical.is_empty() {
                return Err(AliasError::EmptyCanonical { line });
            }
            aliases.insert(line, &canonical, &canonical)?;
            for variant in right.split('|') {
                if variant.trim().is_empty() {
                    return Err(AliasError::EmptyVariant { line });
                }
                aliases.insert(line, variant, &canonical)?;
            }
        }
        Ok(aliases)
    }

    fn insert(&mut self, line: usize, variant: &str, canonical: &str) -> Result<(), AliasError> {
        let key = normalise(variant);
        match self.map.get(&key) {
            Some(existing) if existing != canonical => Err(AliasError::Conflict {
                line,
                variant: variant.trim().to_string(),
                canonical: existing.clone(),
            }),
            Some(_) => Ok(()),
            None => {
                self.map.insert(key, canonical.to_string());
                Ok(())
            }
        }
    }

    /// The canonical name for `name`, if the file lists it.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.map.get(&normalise(name)).map(String::as_str)
    }

    /// The canonical name for `name`, or `name` itself when it is not listed.
    pub fn canonicalise<'a>(&'a self, name: &'a str) -> &'a str {
        self.canonical(name).unwrap_or(name)
    }

    /// A fingerprint of what these aliases map: equal for equal mappings,
    /// whatever the files' layout or comments.
    pub fn fingerprint(&self) -> u64 {
        let mut pairs: Vec<(&String, &String)> = self.map.iter().collect();
        pairs.sort_unstable();
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for (variant, canonical) in pairs {
            for part in [variant, canonical] {
                h.update(part.as_bytes());
                h.update(&[0]);
            }
        }
        h.digest()
    }

    /// Every spelling listed for `canonical` (normalised: lowercase, single
    /// spaces), the canonical name itself included.
    pub fn variants_of(&self, canonical: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .map
            .iter()
            .filter(|(_, c)| c.as_str() == canonical)
            .map(|(variant, _)| variant.clone())
            .collect();
        out.sort();
        out
    }

    /// The canonical names whose spellings include `word` as a whole name or
    /// as its last word ("zelensky" finds "Volodymyr Zelensky").
    pub fn groups_matching(&self, word: &str) -> Vec<&str> {
        let key = normalise(word);
        let mut out: Vec<&str> = self
            .map
            .iter()
            .filter(|(variant, _)| {
                **variant == key || variant.rsplit(' ').next() == Some(key.as_str())
            })
            .map(|(_, c)| c.as_str())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Number of variants known (canonical names included).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when no alias is defined.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# people\n\
        Volodymyr Zelensky = Zelenskyy | Volodymyr Zelenskiy | Zelenskiy\n\
        \n\
        European Central Bank = ECB   # the bank\n";

    #[test]
    fn variants_and_groups_of_a_name() {
        let a = Aliases::parse(FILE).unwrap();
        assert_eq!(
            a.variants_of("Volodymyr Zelensky"),
            vec![
                "volodymyr zelenskiy",
                "volodymyr zelensky",
                "zelenskiy",
                "zelenskyy"
            ]
        );
        assert_eq!(a.groups_matching("Zelensky"), vec!["Volodymyr Zelensky"]);
        assert_eq!(a.groups_matching("ECB"), vec!["European Central Bank"]);
        assert!(a.groups_matching("rubio").is_empty());
    }

    #[test]
    fn parses_variants_and_canonical_names() {
        let a = Aliases::parse(FILE).expect("valid file");
        assert_eq!(a.canonical("zelenskyy"), Some("Volodymyr Zelensky"));
        assert_eq!(
            a.canonical("Volodymyr  Zelenskiy"),
            Some("Volodymyr Zelensky")
        );
        assert_eq!(
            a.canonical("Volodymyr Zelensky"),
            Some("Volodymyr Zelensky")
        );
        assert_eq!(a.canonicalise("ECB"), "European Central Bank");
        assert_eq!(a.canonicalise("Marco Rubio"), "Marco Rubio");
        assert_eq!(a.len(), 6);
    }

    #[test]
    fn fingerprint_follows_the_mapping_not_the_layout() {
        let a = Aliases::parse("Marco Rubio = Senator Rubio\nKaja Kallas = Kallas K.\n").unwrap();
        let b =
            Aliases::parse("# mine\nKaja Kallas = Kallas K.\n\nMarco Rubio = Senator Rubio # US\n")
                .unwrap();
        let c = Aliases::parse("Marco Rubio = Senator Rubio\n").unwrap();
        assert_eq!(a.fingerprint(), b.fingerprint());
        assert_ne!(a.fingerprint(), c.fingerprint());
    }

    #[test]
    fn empty_file_is_valid() {
        assert!(Aliases::parse("# nothing\n\n").expect("valid").is_empty());
    }

    #[test]
    fn errors_carry_line_numbers() {
        assert_eq!(
            Aliases::parse("\nJust a name\n"),
            Err(AliasError::Syntax { line: 2 })
        );
        assert_eq!(
            Aliases::parse("A = B = C"),
            Err(AliasError::Syntax { line: 1 })
        );
        assert_eq!(
            Aliases::parse(" = B"),
            Err(AliasError::EmptyCanonical { line: 1 })
        );
        assert_eq!(
            Aliases::parse("A = B ||"),
            Err(AliasError::EmptyVariant { line: 1 })
        );
        let err = Aliases::parse("A = X\nB = x").expect_err("conflict");
        assert_eq!(err.to_string(), "line 2: `x` is already an alias of `A`");
    }
}

//! [`SpeakerDirectory`]: speaker names seen across a whole archive, used at index time
//! to resolve surname-only speakers ("Rubio") to the one full name used elsewhere
//! ("Marco Rubio") and to canonicalise spellings through [`Aliases`].

use std::collections::{HashMap, HashSet};

use super::aliases::{normalise, Aliases};
use super::lexicon;

/// Full speaker names of an archive, indexed by surname.
#[derive(Debug, Clone, Default)]
pub struct SpeakerDirectory {
    aliases: Aliases,
    /// Normalised surname -> distinct canonical full names with that surname.
    by_surname: HashMap<String, Vec<String>>,
    seen: HashSet<String>,
}

/// The surname of a multi-word name (suffixes such as "Jr." skipped), if it has one.
fn surname(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    words
        .iter()
        .rev()
        .find(|w| !lexicon::is_name_suffix(w))
        .copied()
}

impl SpeakerDirectory {
    /// An empty directory using `aliases`.
    pub fn new(aliases: Aliases) -> Self {
        SpeakerDirectory {
            aliases,
            ..SpeakerDirectory::default()
        }
    }

    /// A directory holding all `names` (as returned in [`Quote::speaker`](super::Quote)).
    pub fn build<'a>(names: impl IntoIterator<Item = &'a str>, aliases: Aliases) -> Self {
        let mut dir = SpeakerDirectory::new(aliases);
        for name in names {
            dir.add(name);
        }
        dir
    }

    /// Records one speaker name.
    pub fn add(&mut self, name: &str) {
        let canonical = self.aliases.canonicalise(name.trim()).to_string();
        if canonical.is_empty() || !self.seen.insert(normalise(&canonical)) {
            return;
        }
        if let Some(last) = surname(&canonical) {
            self.by_surname
                .entry(normalise(last))
                .or_default()
                .push(canonical);
        }
    }

    /// The name to index `speaker` under: its alias canonical form, and a one-word
    /// name replaced by the only full name with that surname (unchanged when there are
    /// none or several).
    pub fn resolve(&self, speaker: &str) -> String {
        let canonical = self.aliases.canonicalise(speaker.trim());
        if canonical.split_whitespace().count() != 1 {
            return canonical.to_string();
        }
        match self
            .by_surname
            .get(&normalise(canonical))
            .map(Vec::as_slice)
        {
            Some([only]) => self.aliases.canonicalise(only).to_string(),
            _ => canonical.to_string(),
        }
    }

    /// The full names recorded for a surname (canonical forms, in insertion order).
    pub fn full_names(&self, surname: &str) -> &[String] {
        self.by_surname
            .get(&normalise(surname))
            .map_or(&[], Vec::as_slice)
    }

    /// Number of distinct names recorded.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    /// True when no name was recorded.
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory(names: &[&str], aliases: &str) -> SpeakerDirectory {
        let aliases = Aliases::parse(aliases).expect("valid aliases");
        SpeakerDirectory::build(names.iter().copied(), aliases)
    }

    #[test]
    fn surname_resolves_to_unique_full_name() {
        let dir = directory(&["Marco Rubio", "Rubio", "Kremlin"], "");
        assert_eq!(dir.resolve("Rubio"), "Marco Rubio");
        assert_eq!(dir.resolve("rubio"), "Marco Rubio");
        assert_eq!(dir.resolve("Kremlin"), "Kremlin");
        assert_eq!(dir.full_names("Rubio"), ["Marco Rubio"]);
        assert_eq!(dir.len(), 3);
    }

    #[test]
    fn ambiguous_surname_is_left_alone() {
        let dir = directory(&["Hillary Clinton", "Bill Clinton"], "");
        assert_eq!(dir.resolve("Clinton"), "Clinton");
        assert_eq!(dir.resolve("Bill Clinton"), "Bill Clinton");
    }

    #[test]
    fn aliases_canonicalise_before_and_after() {
        let aliases = "Volodymyr Zelensky = Zelenskyy | Volodymyr Zelenskiy";
        let dir = directory(&["Volodymyr Zelenskiy", "Volodymyr Zelensky"], aliases);
        assert_eq!(dir.resolve("Zelenskyy"), "Volodymyr Zelensky");
        assert_eq!(dir.resolve("Zelensky"), "Volodymyr Zelensky");
        assert_eq!(dir.resolve("Volodymyr Zelenskiy"), "Volodymyr Zelensky");
        assert_eq!(dir.full_names("Zelensky").len(), 1);
    }

    #[test]
    fn suffixes_do_not_hide_the_surname() {
        let dir = directory(&["Martin Luther King Jr."], "");
        assert_eq!(dir.resolve("King"), "Martin Luther King Jr.");
        assert!(SpeakerDirectory::default().is_empty());
    }
}

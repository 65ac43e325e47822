//! [`SpeakerDirectory`]: speaker names seen across a whole archive, used at index time
//! to resolve surname-only speakers ("Rubio") to the one full name used elsewhere
//! ("Marco Rubio") and to canonicalise spellings through [`Aliases`].

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use super::aliases::{normalise, Aliases};
use super::lexicon;

/// Full speaker names of an archive, indexed by surname.
#[derive(Debug, Clone, Default)]
pub struct SpeakerDirectory {
    aliases: Aliases,
    /// Normalised surname -> distinct canonical full names with that surname.
    by_surname: HashMap<String, Vec<String>>,
    /// Normalised name -> the spelling it is shown under: of the spellings
    /// differing only in case, the first by [`spelling_rank`] ("Herman Van
    /// Rompuy", not "Herman VAN Rompuy"; "OPEC", not "Opec"), the first seen
    /// of equals.
    spellings: HashMap<String, String>,
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

/// How a spelling ranks among those of one name, lowest first: an acronym
/// of five letters or fewer alone in its capitals ("OPEC", not "Opec"),
/// else the fewest words in capitals ("Herman Van Rompuy", "Reuters").
fn spelling_rank(name: &str) -> usize {
    let acronym = !name.contains(' ')
        && (2..=5).contains(&name.chars().count())
        && name.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
    match acronym {
        true => 0,
        false => 1 + caps_words(name),
    }
}

/// How many words of `name` are in capitals (two letters or more, none
/// lowercase).
fn caps_words(name: &str) -> usize {
    name.split_whitespace()
        .filter(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            letters >= 2 && !w.chars().any(char::is_lowercase)
        })
        .count()
}

/// The surname of a name that is only a surname: one word, or particles and
/// a word ("Van Rompuy", "de Blasio").
fn surname_only(name: &str) -> Option<&str> {
    let mut words = name.split_whitespace();
    let last = words.next_back()?;
    let particles = words.all(|w| lexicon::is_particle(&w.to_lowercase()));
    particles.then_some(last)
}

/// True when the particles before the surname of `short` come right before
/// the surname of `full` ("Van Rompuy" is "Herman Van Rompuy", not "Jan
/// Rompuy"; a bare surname has none to check).
fn particles_agree(short: &str, full: &str) -> bool {
    let short: Vec<String> = short.split_whitespace().map(normalise).collect();
    let particles = &short[..short.len().saturating_sub(1)];
    let words: Vec<&str> = full.split_whitespace().collect();
    let Some(at) = words.iter().rposition(|w| !lexicon::is_name_suffix(w)) else {
        return false;
    };
    at >= particles.len()
        && (words[at - particles.len()..at].iter())
            .zip(particles)
            .all(|(w, p)| normalise(w) == *p)
}

/// True when a name of several words may be a person's full name, to which
/// its last word alone resolves: no word in capitals ("Thomson REUTERS",
/// "FCC Welcomes Move Google": an acronym, a headline run into a name), no
/// organisation word ("Deutsche Bank") and a first word that is no common
/// word opening a sentence ("Informal SEC").
fn reads_as_a_persons(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let first_is_common = words.next().is_some_and(lexicon::is_common);
    let org_word = name.split_whitespace().any(lexicon::is_org_word);
    !first_is_common && !org_word && caps_words(name) == 0
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
        if canonical.is_empty() {
            return;
        }
        let key = normalise(&canonical);
        match self.spellings.entry(key.clone()) {
            Entry::Vacant(v) => {
                v.insert(canonical.clone());
            }
            Entry::Occupied(mut o) if spelling_rank(&canonical) < spelling_rank(o.get()) => {
                o.insert(canonical.clone());
            }
            Entry::Occupied(_) => {}
        }
        let full = reads_as_a_persons(&canonical) && surname_only(&canonical).is_none();
        let Some(last) = surname(&canonical).filter(|_| full) else {
            return;
        };
        // One full name per spelling whatever its case: a spelling in
        // capitals ("Herman VAN Rompuy") is no full name, but the same name in
        // ordinary case is.
        let names = self.by_surname.entry(normalise(last)).or_default();
        if !names.iter().any(|n| normalise(n) == key) {
            names.push(canonical);
        }
    }

    /// The name to index `speaker` under: its alias canonical form, and a one-word
    /// name replaced by the only full name with that surname (unchanged when there are
    /// none or several).
    pub fn resolve(&self, speaker: &str) -> String {
        let canonical = self.aliases.canonicalise(speaker.trim());
        let full = surname_only(canonical)
            .and_then(|last| self.by_surname.get(&normalise(last)))
            .map(Vec::as_slice);
        match full {
            Some([only]) if particles_agree(canonical, only) => self.shown(only),
            _ => self.shown(canonical),
        }
    }

    /// True when the name `speaker` is shown under may depend on the rest of
    /// the archive: a surname alone (perhaps with its particles), or a name
    /// with a word in capitals (shown in the archive's ordinary-case spelling).
    pub fn depends_on_archive(speaker: &str) -> bool {
        surname_only(speaker).is_some() || caps_words(speaker) > 0
    }

    /// The word the names that may resolve `speaker` all hold: its last.
    pub fn key_word(speaker: &str) -> &str {
        speaker.split_whitespace().next_back().unwrap_or(speaker)
    }

    /// The spelling `name` (canonical) is shown under.
    fn shown(&self, name: &str) -> String {
        let name = self.aliases.canonicalise(name);
        let spelling = self.spellings.get(&normalise(name));
        spelling.map_or(name, String::as_str).to_string()
    }

    /// The full names recorded for a surname (canonical forms, in insertion order).
    pub fn full_names(&self, surname: &str) -> &[String] {
        self.by_surname
            .get(&normalise(surname))
            .map_or(&[], Vec::as_slice)
    }

    /// Number of distinct names recorded.
    pub fn len(&self) -> usize {
        self.spellings.len()
    }

    /// True when no name was recorded.
    pub fn is_empty(&self) -> bool {
        self.spellings.is_empty()
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
    fn only_a_persons_name_takes_its_last_words_mentions() {
        // An organisation quoted alone keeps its name, whatever junk full
        // names end with the same word.
        let names = [
            "Thomson REUTERS",
            "Reuters",
            "FCC Welcomes Move Google",
            "Google",
            "Informal SEC",
            "SEC",
            "Deutsche Bank",
            "Bank",
            "J. Paul Getty",
            "Getty",
        ];
        let dir = directory(&names, "");
        for one in ["Reuters", "Google", "SEC", "Bank"] {
            assert_eq!(dir.resolve(one), one);
        }
        assert_eq!(
            dir.resolve("Getty"),
            "J. Paul Getty",
            "an initial is no acronym"
        );
    }

    #[test]
    fn a_surname_with_its_particles_resolves_to_the_full_name() {
        let names = [
            "Herman VAN Rompuy",
            "Herman Van Rompuy",
            "Herman van Rompuy",
            "Van Rompuy",
            "Bill de Blasio",
        ];
        let dir = directory(&names, "");
        assert_eq!(dir.resolve("Van Rompuy"), "Herman Van Rompuy");
        assert_eq!(dir.resolve("de Blasio"), "Bill de Blasio");
        assert_eq!(dir.resolve("Rompuy"), "Herman Van Rompuy");
        assert_eq!(dir.resolve("Le Rompuy"), "Le Rompuy", "other particles");
    }

    #[test]
    fn spellings_differing_in_case_are_shown_as_one() {
        let dir = directory(
            &[
                "Herman VAN Rompuy",
                "Herman Van Rompuy",
                "REUTERS",
                "Reuters",
            ],
            "",
        );
        assert_eq!(dir.resolve("Herman VAN Rompuy"), "Herman Van Rompuy");
        assert_eq!(dir.resolve("herman van rompuy"), "Herman Van Rompuy");
        assert_eq!(dir.resolve("REUTERS"), "Reuters");
        assert_eq!(
            dir.resolve("IMF"),
            "IMF",
            "a name seen once keeps its spelling"
        );
        assert_eq!(dir.len(), 2);
        let dir = directory(&["Opec", "OPEC", "Eads"], "");
        assert_eq!(dir.resolve("Opec"), "OPEC", "an acronym keeps its capitals");
        assert_eq!(dir.resolve("Eads"), "Eads");
    }

    #[test]
    fn suffixes_do_not_hide_the_surname() {
        let dir = directory(&["Martin Luther King Jr."], "");
        assert_eq!(dir.resolve("King"), "Martin Luther King Jr.");
        assert!(SpeakerDirectory::default().is_empty());
    }
}

//! The archive's speaker renames: every speaker name shown and counted under
//! another (an alias, or a surname resolved to the archive's one full name for
//! it). Working them out reads every speaker of the archive, tens of
//! milliseconds on a large one; the indexer does it once per run and keeps
//! the result in a file beside the index, keyed by the exact segments and
//! aliases it was worked out from. A search whose index or aliases differ
//! (a stale or missing file) works them out itself and never writes.
//! [`super::kept::keep_derived`] keeps them, and each facet's values (which
//! show speakers under these names), after every index run.

use std::path::Path;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use tantivy::Searcher;

use super::kept::write_atomically;
use super::speaker_names::all_speakers;
use crate::error::Result;
use crate::index::tokenizers;
use crate::quotes::{Aliases, SpeakerDirectory};

/// Speaker name → the name it is shown and counted under.
pub type RenameMap = FxHashMap<String, String>;

/// Name of the file, inside an index generation folder.
pub const RENAMES_FILE: &str = "morgue-speaker-renames.json";

/// What the file holds.
#[derive(Serialize, Deserialize)]
struct RenamesFile {
    /// [`renames_key`] of the index and aliases it was worked out from.
    key: String,
    /// Pairs (name, canonical name).
    renames: Vec<(String, String)>,
}

/// Works out the renames of every speaker in `names` (sorted, distinct).
pub fn compute_renames(names: &[String], aliases: &Aliases) -> RenameMap {
    let dir = SpeakerDirectory::build(names.iter().map(String::as_str), aliases.clone());
    names
        .iter()
        .filter_map(|name| {
            let canonical = dir.resolve(name);
            (canonical != *name).then(|| (name.clone(), canonical))
        })
        .collect()
}

/// The spellings of several words, as the words of the speaker field: the
/// ones a speaker filter must look for among the renames (a one-word
/// spelling already matches the names shown under it by its word).
pub fn several_word_spellings(spellings: &[String]) -> Vec<Vec<String>> {
    let mut analyzer = tokenizers::names_analyzer();
    spellings
        .iter()
        .map(|s| tokenizers::tokens(&mut analyzer, s))
        .filter(|words| words.len() > 1)
        .collect()
}

/// The speaker names shown under a name one of `phrases` names (from
/// [`several_word_spellings`]): for "Marco Rubio", the "Rubio" of an
/// article that never gives his forename. A phrase names a canonical name
/// when its words stand together in it, as a phrase of the speaker field
/// would match; each canonical name is read once.
pub fn renamed_into(renames: &RenameMap, phrases: &[Vec<String>]) -> Vec<String> {
    let mut analyzer = tokenizers::names_analyzer();
    let mut named: FxHashMap<&str, bool> = FxHashMap::default();
    let mut out: Vec<String> = renames
        .iter()
        .filter(|(_, canonical)| {
            *named.entry(canonical.as_str()).or_insert_with(|| {
                let words = tokenizers::tokens(&mut analyzer, canonical);
                (phrases.iter()).any(|p| words.windows(p.len()).any(|run| run == p.as_slice()))
            })
        })
        .map(|(name, _)| name.clone())
        .collect();
    out.sort_unstable();
    out
}

/// The version of the rules that work out renames
/// ([`SpeakerDirectory::resolve`]): a file kept by a morgue with other rules
/// is stale. Raise it whenever they change.
const RULES_VERSION: u32 = 3;

/// Identifies what renames depend on: the rules, the searcher's segments
/// (with their deletions) and what the aliases map.
pub fn renames_key(searcher: &Searcher, aliases: &Aliases) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&RULES_VERSION.to_le_bytes());
    for segment in searcher.segment_readers() {
        h.update(segment.segment_id().uuid_string().as_bytes());
        h.update(&segment.num_deleted_docs().to_le_bytes());
    }
    h.update(&aliases.fingerprint().to_le_bytes());
    format!("{:016x}", h.digest())
}

/// The renames kept in `dir`, when they were worked out for `key`.
pub fn load_renames(dir: &Path, key: &str) -> Option<RenameMap> {
    let text = std::fs::read(dir.join(RENAMES_FILE)).ok()?;
    let file: RenamesFile = serde_json::from_slice(&text).ok()?;
    (file.key == key).then(|| file.renames.into_iter().collect())
}

/// Works out the renames of the index searched by `searcher` (in folder
/// `dir`) and writes them there under `key` (see [`renames_key`]),
/// atomically: a kill leaves the old file or the new one, and a stale file is
/// never used.
pub fn save_renames(
    searcher: &Searcher,
    aliases: &Aliases,
    dir: &Path,
    key: &str,
) -> Result<RenameMap> {
    let names = all_speakers(searcher)?;
    let map = compute_renames(&names, aliases);
    let mut renames: Vec<(String, String)> = map.clone().into_iter().collect();
    renames.sort_unstable();
    let file = RenamesFile {
        key: key.to_string(),
        renames,
    };
    write_atomically(&dir.join(RENAMES_FILE), |out| {
        Ok(serde_json::to_writer(out, &file)?)
    })?;
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_and_aliases_are_renamed_full_names_kept() {
        let aliases = Aliases::parse(crate::search::BUILTIN_ALIASES).unwrap();
        let names: Vec<String> = ["Marco Rubio", "Rubio", "Zelenskyy", "Kaja Kallas"]
            .map(String::from)
            .to_vec();
        let renames = compute_renames(&names, &aliases);
        assert_eq!(
            renames.get("Rubio").map(String::as_str),
            Some("Marco Rubio")
        );
        assert_eq!(
            renames.get("Zelenskyy").map(String::as_str),
            Some("Volodymyr Zelensky")
        );
        assert!(!renames.contains_key("Marco Rubio"));
        assert!(!renames.contains_key("Kaja Kallas"));
    }

    #[test]
    fn names_shown_under_a_full_name_are_found_by_its_words() {
        let renames: RenameMap = [
            ("Rubio", "Marco Rubio"),
            ("Sen. Rubio", "Marco Rubio"),
            ("Zelenskyy", "Volodymyr Zelensky"),
            ("Kallas", "Kaja Kallas"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let found = |spellings: &[&str]| {
            let spellings: Vec<String> = spellings.iter().map(|s| s.to_string()).collect();
            renamed_into(&renames, &several_word_spellings(&spellings))
        };
        assert_eq!(found(&["marco rubio"]), ["Rubio", "Sen. Rubio"]);
        assert_eq!(
            found(&["MARCO RUBIO", "Kaja Kallas"]),
            ["Kallas", "Rubio", "Sen. Rubio"]
        );
        assert!(
            found(&["rubio"]).is_empty(),
            "one word matches them already"
        );
        assert!(found(&["rubio marco"]).is_empty(), "words in another order");
        assert!(found(&["jose rubio"]).is_empty());
    }

    #[test]
    fn a_file_for_another_key_is_not_used() {
        let tmp = tempfile::tempdir().unwrap();
        let file = RenamesFile {
            key: "aaaa".into(),
            renames: vec![("Rubio".into(), "Marco Rubio".into())],
        };
        std::fs::write(
            tmp.path().join(RENAMES_FILE),
            serde_json::to_vec(&file).unwrap(),
        )
        .unwrap();
        assert_eq!(
            load_renames(tmp.path(), "aaaa").unwrap()["Rubio"],
            "Marco Rubio"
        );
        assert!(load_renames(tmp.path(), "bbbb").is_none());
        std::fs::write(tmp.path().join(RENAMES_FILE), b"{broken").unwrap();
        assert!(
            load_renames(tmp.path(), "aaaa").is_none(),
            "a damaged file is ignored"
        );
    }
}

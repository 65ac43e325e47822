//! The index's own record of how it was built: schema version, the folders it
//! indexes and its last run. Kept in the commit payload, so it is committed
//! atomically with the documents it describes.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// What the index remembers in its commit payload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IndexState {
    /// Version of `index-schema/schema.toml` the index was built with.
    pub schema_version: u32,
    /// The folders the index is built from (absolute paths).
    #[serde(default)]
    pub roots: Vec<PathBuf>,
    /// The last completed run, if any.
    #[serde(default)]
    pub last_run: Option<RunSummary>,
    /// True while a run is under way: a commit of a run that has not finished
    /// (the run was killed, or is still going).
    #[serde(default)]
    pub in_progress: bool,
}

/// What one index run did, as printed by `morgue index --json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunSummary {
    /// When the run started (RFC 3339, UTC).
    pub started: String,
    /// Files found by the walk.
    pub seen: u64,
    /// Files indexed for the first time.
    pub added: u64,
    /// Files whose content changed and were indexed again.
    pub updated: u64,
    /// Files left as they were.
    pub unchanged: u64,
    /// Files gone from the folders, whose documents were removed.
    pub deleted: u64,
    /// Files moved or renamed, recognised by content and not parsed again.
    pub moved: u64,
    /// Files that could not be indexed (see `morgue status`).
    pub failed: u64,
    /// Articles added or replaced.
    pub articles: u64,
    /// Quotes added or replaced.
    pub quotes: u64,
    /// Wall time of the run.
    pub seconds: f64,
}

impl IndexState {
    /// Reads the state from a commit payload.
    pub fn from_payload(payload: Option<&str>) -> Result<IndexState> {
        match payload {
            None => Ok(IndexState::default()),
            Some(text) => serde_json::from_str(text)
                .map_err(|e| Error::Schema(format!("unreadable index state: {e}"))),
        }
    }

    /// Serialises the state for a commit payload.
    pub fn to_payload(&self) -> String {
        serde_json::to_string(self).expect("state serialises")
    }

    /// Adds folders to the remembered roots, keeping them unique and sorted.
    pub fn add_roots(&mut self, roots: &[PathBuf]) {
        for root in roots {
            if !self.roots.contains(root) {
                self.roots.push(root.clone());
            }
        }
        self.roots.sort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_round_trips() {
        let mut state = IndexState {
            schema_version: 3,
            ..Default::default()
        };
        state.add_roots(&["/b".into(), "/a".into(), "/b".into()]);
        let back = IndexState::from_payload(Some(&state.to_payload())).unwrap();
        assert_eq!(back, state);
        assert_eq!(back.roots, vec![PathBuf::from("/a"), PathBuf::from("/b")]);
    }

    #[test]
    fn no_payload_is_an_empty_state() {
        assert_eq!(
            IndexState::from_payload(None).unwrap(),
            IndexState::default()
        );
    }

    #[test]
    fn garbage_payload_is_an_error() {
        assert!(IndexState::from_payload(Some("{nope")).is_err());
    }
}

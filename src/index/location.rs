//! Where an index lives on disk, and how it is opened, created, locked and
//! swapped.
//!
//! Layout of an index folder (`.morgue/` by default):
//! ```text
//! .morgue/
//!   lock            held by the one running indexer (an OS file lock, freed if it dies)
//!   current -> gen-20261126T101500-1234   symlink to the live tantivy index
//!   gen-…/          tantivy index folders; a rebuild writes a new one, then swaps `current`
//! ```
//! Searches open `current`; a rebuild swaps the symlink atomically (rename), so
//! a search sees either the old or the new index, never a half-built one.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::{MorgueIndex, SchemaFile};
use crate::error::{Error, Result};

const CURRENT: &str = "current";
const LOCK: &str = "lock";
const GEN_PREFIX: &str = "gen-";

/// The folder that holds a morgue index.
#[derive(Debug, Clone)]
pub struct IndexLocation {
    root: PathBuf,
}

/// The held indexer lock; released when dropped or when the process dies.
#[derive(Debug)]
pub struct IndexLock {
    _file: File,
}

impl IndexLocation {
    /// An index folder (it need not exist yet).
    pub fn new(root: impl Into<PathBuf>) -> IndexLocation {
        IndexLocation { root: root.into() }
    }

    /// The index folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The live tantivy index folder, if there is one.
    pub fn current_dir(&self) -> Option<PathBuf> {
        let target = fs::read_link(self.root.join(CURRENT)).ok()?;
        let dir = self.root.join(target);
        dir.is_dir().then_some(dir)
    }

    /// Opens the live index for searching.
    pub fn open(&self) -> Result<MorgueIndex> {
        let dir = self
            .current_dir()
            .ok_or_else(|| Error::NoIndex(self.root.clone()))?;
        MorgueIndex::open(&dir, &SchemaFile::builtin()?)
    }

    /// Takes the indexer lock: fails at once with [`Error::Locked`] when another
    /// indexer holds it, or waits for it when `wait` is set.
    pub fn lock(&self, wait: bool) -> Result<IndexLock> {
        fs::create_dir_all(&self.root).map_err(|e| Error::io(&self.root, e))?;
        let path = self.root.join(LOCK);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        if wait {
            file.lock().map_err(|e| Error::io(&path, e))?;
        } else {
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => return Err(Error::Locked(self.root.clone())),
                Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
            }
        }
        Ok(IndexLock { _file: file })
    }

    // The `&IndexLock` parameters prove that the caller holds the indexer lock.

    /// Opens the live index for writing, creating and publishing an empty one
    /// when there is none. Call with the lock held.
    pub fn open_or_create(&self, lock: &IndexLock) -> Result<MorgueIndex> {
        match self.current_dir() {
            Some(dir) => MorgueIndex::open(&dir, &SchemaFile::builtin()?),
            None => {
                let index = self.create_generation(lock)?;
                self.publish(&index, lock)?;
                Ok(index)
            }
        }
    }

    /// Creates a new, empty, unpublished index generation (for a rebuild).
    pub fn create_generation(&self, _lock: &IndexLock) -> Result<MorgueIndex> {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f");
        let dir = self
            .root
            .join(format!("{GEN_PREFIX}{stamp}-{}", std::process::id()));
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        MorgueIndex::create(&dir, &SchemaFile::builtin()?)
    }

    /// Makes `index` the live index (atomic symlink swap) and removes the
    /// generations no longer in use.
    pub fn publish(&self, index: &MorgueIndex, lock: &IndexLock) -> Result<()> {
        let name = index
            .dir()
            .file_name()
            .ok_or_else(|| Error::Usage("index generation has no name".into()))?;
        let tmp = self.root.join(format!("{CURRENT}.tmp"));
        let _ = fs::remove_file(&tmp);
        std::os::unix::fs::symlink(name, &tmp).map_err(|e| Error::io(&tmp, e))?;
        let current = self.root.join(CURRENT);
        fs::rename(&tmp, &current).map_err(|e| Error::io(&current, e))?;
        self.remove_stale_generations(lock);
        Ok(())
    }

    /// Removes generation folders that `current` does not point to (left by a
    /// rebuild that was killed, or replaced by one that finished).
    pub fn remove_stale_generations(&self, _lock: &IndexLock) {
        let live = self.current_dir();
        let Ok(entries) = fs::read_dir(&self.root) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let is_gen = entry.file_name().to_string_lossy().starts_with(GEN_PREFIX);
            if is_gen && Some(&path) != live.as_ref() {
                let _ = fs::remove_dir_all(&path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_without_index_says_so() {
        let tmp = tempfile::tempdir().unwrap();
        let err = IndexLocation::new(tmp.path().join("idx"))
            .open()
            .err()
            .unwrap();
        assert!(matches!(err, Error::NoIndex(_)));
        assert!(err.to_string().contains("run `morgue index DIR` first"));
    }

    #[test]
    fn second_lock_fails_at_once() {
        let tmp = tempfile::tempdir().unwrap();
        let loc = IndexLocation::new(tmp.path());
        let _held = loc.lock(false).unwrap();
        assert!(matches!(loc.lock(false), Err(Error::Locked(_))));
    }

    #[test]
    fn lock_is_free_again_after_drop() {
        let tmp = tempfile::tempdir().unwrap();
        let loc = IndexLocation::new(tmp.path());
        drop(loc.lock(false).unwrap());
        assert!(loc.lock(false).is_ok());
    }

    #[test]
    fn rebuild_generation_replaces_the_live_one() {
        let tmp = tempfile::tempdir().unwrap();
        let loc = IndexLocation::new(tmp.path());
        let lock = loc.lock(false).unwrap();
        let first = loc.open_or_create(&lock).unwrap();
        let second = loc.create_generation(&lock).unwrap();
        assert_eq!(loc.current_dir().unwrap(), first.dir());
        loc.publish(&second, &lock).unwrap();
        assert_eq!(loc.current_dir().unwrap(), second.dir());
        assert!(!first.dir().exists(), "the old generation is removed");
    }
}

//! How a long index run reports progress. The library never prints: the
//! binary implements [`Progress`] with a terminal progress bar, tests with
//! nothing or a recorder.

use std::path::Path;

/// Receives progress events from an index run. Every method has a default
/// that does nothing, so an implementation picks what it shows.
pub trait Progress: Sync {
    /// The walk is done: `total` files will be read and parsed.
    fn start(&self, total: u64) {
        let _ = total;
    }

    /// `n` more files were handled.
    fn advance(&self, n: u64) {
        let _ = n;
    }

    /// A file could not be indexed; the run goes on.
    fn file_failed(&self, path: &Path, reason: &str) {
        let _ = (path, reason);
    }

    /// A problem that is not one file's: a folder that is missing or unreadable.
    fn warning(&self, message: &str) {
        let _ = message;
    }

    /// A commit is being written.
    fn committing(&self) {}

    /// The run is over.
    fn finish(&self) {}
}

/// Progress that shows nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;

impl Progress for NoProgress {}

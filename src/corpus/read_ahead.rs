//! Reading ahead: while the parsing threads work through a run's files, a
//! thread of its own asks the kernel to read the next ones from disk
//! (`posix_fadvise(WILLNEED)`: the reads are queued, not waited for), so that
//! an archive that is not in the page cache keeps both cores parsing instead
//! of waiting on one file at a time. Reuters 2006-2013 from an empty page
//! cache: 30.0-33.2 s with 159-166 % of the cores busy before, 20.9-21.0 s
//! with 189-190 % after, as fast as from a warm cache (README "A million
//! articles").
//!
//! The thread stays at most `lead` files ahead of the position the run
//! reports, so that what it reads is still cached when a parser asks for
//! it; it stops when the run is over, read to the end or not. Failures are
//! ignored: reading ahead is a hint, and the run reports a file it cannot
//! read when it reads it.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::thread::Thread;
use std::time::Duration;

/// How far a run has got, told to the reading-ahead thread.
#[derive(Debug)]
pub struct ReadPosition {
    reached: AtomicUsize,
    stopped: AtomicBool,
    /// The reading-ahead thread, to wake when the run moves on.
    reader: OnceLock<Thread>,
}

impl ReadPosition {
    /// The run has read the first `n` files.
    pub fn reached(&self, n: usize) {
        self.reached.store(n, Ordering::Release);
        if let Some(t) = self.reader.get() {
            t.unpark();
        }
    }

    fn stop(&self) {
        self.stopped.store(true, Ordering::Release);
        if let Some(t) = self.reader.get() {
            t.unpark();
        }
    }

    /// Waits until file `i` is at most `lead` files past the position;
    /// false when the run is over.
    fn wait_for(&self, i: usize, lead: usize) -> bool {
        loop {
            if self.stopped.load(Ordering::Acquire) {
                return false;
            }
            if i < self.reached.load(Ordering::Acquire) + lead {
                return true;
            }
            // Unparked at each report; the timeout bounds one sent before
            // the thread was known.
            std::thread::park_timeout(Duration::from_millis(20));
        }
    }
}

/// Runs `body`, which reads the files of `items` (each at `path(item)`) in
/// that order and reports its progress through the [`ReadPosition`] it is
/// given, while a thread reads ahead at most `lead` files past that
/// progress.
pub fn with_read_ahead<T: Sync, R>(
    items: &[T],
    path: impl Fn(&T) -> &Path + Sync,
    lead: usize,
    body: impl FnOnce(&ReadPosition) -> R,
) -> R {
    if !cfg!(target_os = "linux") || items.is_empty() || lead == 0 {
        return body(&unread());
    }
    let position = unread();
    std::thread::scope(|s| {
        s.spawn(|| {
            let _ = position.reader.set(std::thread::current());
            for (i, item) in items.iter().enumerate() {
                if !position.wait_for(i, lead) {
                    return;
                }
                advise_will_need(path(item));
            }
        });
        // Stopped however `body` ends, or the scope would wait forever.
        let _stop = StopOnDrop(&position);
        body(&position)
    })
}

/// Stops the reading ahead when dropped.
struct StopOnDrop<'p>(&'p ReadPosition);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

fn unread() -> ReadPosition {
    ReadPosition {
        reached: AtomicUsize::new(0),
        stopped: AtomicBool::new(false),
        reader: OnceLock::new(),
    }
}

/// Asks the kernel to read the whole of `path` into the page cache.
#[cfg(target_os = "linux")]
fn advise_will_need(path: &Path) {
    use std::os::fd::AsRawFd;
    if let Ok(file) = std::fs::File::open(path) {
        // SAFETY: a valid open descriptor; the call only gives a hint.
        unsafe { libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_WILLNEED) };
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_will_need(_path: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn the_body_runs_and_its_result_is_returned_with_or_without_files() {
        let tmp = tempfile::tempdir().unwrap();
        let a = tmp.path().join("a.txt");
        std::fs::write(&a, "text").unwrap();
        let missing = tmp.path().join("gone.txt");
        let paths = [a.clone(), missing];
        let got = with_read_ahead(
            &paths,
            |p| p.as_path(),
            1,
            |p| {
                p.reached(1);
                p.reached(2);
                std::fs::read_to_string(&a).unwrap()
            },
        );
        assert_eq!(got, "text");
        let none: [PathBuf; 0] = [];
        assert_eq!(with_read_ahead(&none, |p| p.as_path(), 4, |_| 7), 7);
    }

    #[test]
    fn the_reader_waits_within_its_lead_and_stops_when_told() {
        let position = unread();
        assert!(position.wait_for(2, 3), "file 2 is within a lead of 3");
        position.reached(5);
        assert!(position.wait_for(7, 3));
        position.stop();
        assert!(!position.wait_for(8, 3), "a stopped run reads nothing more");
        assert!(!position.wait_for(0, 3));
    }

    #[test]
    fn a_body_that_panics_stops_the_reader_and_the_panic_goes_on() {
        // Without the stop on the way out, the scope would wait forever for
        // a reader parked two files ahead of a position that never moves.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let paths = vec![PathBuf::from("/nonexistent/morgue/a.txt"); 10];
            let run = || with_read_ahead(&paths, |p| p.as_path(), 2, |_| panic!("the run failed"));
            let result: std::thread::Result<()> = std::panic::catch_unwind(run);
            let _ = tx.send(result.is_err());
        });
        let ended = rx.recv_timeout(Duration::from_secs(30));
        assert_eq!(ended, Ok(true), "the run did not end with its panic");
    }
}

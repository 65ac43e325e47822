//! Decides, from the walk and the index's file records, what an index run
//! must do: which files to read, which are unchanged, which were deleted.
//! Pure: no I/O, so every case is tested on literal values.

use rayon::slice::ParallelSliceMut;
use rustc_hash::FxHashSet;
use std::path::{Path, PathBuf};

use super::{FileRecord, FileStatus, Records};
use crate::corpus::{Walk, WalkProblem, WalkedFile};

/// A file the run must read.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// The file as walked.
    pub file: WalkedFile,
    /// Its record, when the index knew it (then it changed or is retried);
    /// boxed, as most jobs of a big first run have none.
    pub previous: Option<Box<FileRecord>>,
    /// The file's number ([`FileRecord::key`]): its record's when known,
    /// else a new one, above every number the index holds.
    pub key: u64,
}

impl Job {
    /// The file's path.
    pub fn path(&self) -> &std::path::Path {
        &self.file.path
    }
}

/// What one run will do.
#[derive(Debug, Default, PartialEq)]
pub struct Plan {
    /// Files to read, in path order.
    pub jobs: Vec<Job>,
    /// Files whose size and modification time are as recorded.
    pub unchanged: u64,
    /// Records of files that are gone (candidates for a move when a new file has their hash).
    pub deleted: Vec<FileRecord>,
    /// How many files the walk found.
    pub walked: u64,
    /// What the walk could not read.
    pub problems: Vec<WalkProblem>,
}

/// Compares the walk with the records. `roots` are the folders walked: a
/// record outside them is left alone, and so is one below a folder the walk
/// could not read. Failed files are read again only when they changed or
/// when `retry_failed` is set.
pub fn plan(mut walk: Walk, records: &Records, roots: &[PathBuf], retry_failed: bool) -> Plan {
    let mut plan = Plan {
        walked: walk.files.len() as u64,
        ..Plan::default()
    };
    // The walked files move into the jobs (a million of them weigh); the
    // records they match are remembered by the records' own keys.
    let mut matched: FxHashSet<&str> = FxHashSet::default();
    for file in std::mem::take(&mut walk.files) {
        let record = records.get_key_value(file.path.to_string_lossy().as_ref());
        if let Some((key, _)) = record {
            matched.insert(key.as_str());
        }
        match record.map(|(_, rec)| rec) {
            Some(rec)
                if same_stat(rec, &file) && !(retry_failed && rec.status == FileStatus::Failed) =>
            {
                plan.unchanged += 1
            }
            previous => plan.jobs.push(Job {
                file,
                key: previous.map_or(NEW, |r| r.key),
                previous: previous.map(|r| Box::new(r.clone())),
            }),
        }
    }
    // The walk gives each folder in the file system's order; reading in
    // path order keeps files of a folder (of a day, in archives laid out by
    // date) together in the index's segments, so that a date range finds its
    // documents in a few segments instead of a few in every one. Only the
    // files to read are sorted: a run with nothing to do pays nothing.
    plan.jobs
        .par_sort_unstable_by(|a, b| path_bytes(a).cmp(path_bytes(b)));
    number_new_files(&mut plan.jobs, records);
    let prefixes: Vec<String> = roots.iter().map(|r| dir_prefix(r)).collect();
    for (path, rec) in records {
        let walked_root = prefixes.iter().any(|p| path.starts_with(p.as_str()));
        if walked_root && !matched.contains(path.as_str()) && !walk.is_unknown(Path::new(path)) {
            plan.deleted.push(rec.clone());
        }
    }
    plan.deleted.sort_by(|a, b| a.path.cmp(&b.path));
    plan.problems = walk.problems;
    plan
}

/// A job's key before [`number_new_files`] gives one.
const NEW: u64 = u64::MAX;

/// Gives each new file (in path order) the next number above every record's:
/// never one the index holds, so a new file's documents are never taken for
/// another file's (nor deleted with a gone file's, whose documents are
/// deleted by number after the run's additions). A number freed by a file
/// deleted in an earlier run may come back: its documents are gone.
fn number_new_files(jobs: &mut [Job], records: &Records) {
    let first = records.values().map(|r| r.key + 1).max().unwrap_or(0);
    let new = jobs.iter_mut().filter(|j| j.previous.is_none());
    for (key, job) in (first..).zip(new) {
        job.key = key;
    }
}

/// A job's path as bytes (byte order groups a folder's files as path order does).
fn path_bytes(job: &Job) -> &[u8] {
    job.file.path.as_os_str().as_encoded_bytes()
}

/// A folder as a string prefix of the paths below it ("/c" -> "/c/").
fn dir_prefix(root: &Path) -> String {
    let text = root.to_string_lossy();
    if text.ends_with('/') {
        text.into_owned()
    } else {
        format!("{text}/")
    }
}

fn same_stat(rec: &FileRecord, file: &WalkedFile) -> bool {
    rec.size == file.size && rec.mtime == file.mtime
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::WalkProblem;

    fn file(path: &str, size: u64, mtime: i64) -> WalkedFile {
        WalkedFile {
            path: path.into(),
            size,
            mtime,
        }
    }

    /// A walk that found `files` and no problem.
    fn walk_of(files: Vec<WalkedFile>) -> Walk {
        Walk {
            files,
            problems: vec![],
        }
    }

    fn record(path: &str, size: u64, mtime: i64, status: FileStatus) -> FileRecord {
        FileRecord {
            path: path.into(),
            key: size,
            size,
            mtime,
            hash: 7,
            status,
            error: None,
            articles: 1,
        }
    }

    fn records(list: &[FileRecord]) -> Records {
        list.iter().map(|r| (r.path.clone(), r.clone())).collect()
    }

    #[test]
    fn new_changed_unchanged_and_deleted_files() {
        let walk = walk_of(vec![
            file("/c/new.txt", 1, 1),
            file("/c/same.txt", 5, 5),
            file("/c/edit.txt", 6, 9),
        ]);
        let recs = records(&[
            record("/c/same.txt", 5, 5, FileStatus::Ok),
            record("/c/edit.txt", 6, 8, FileStatus::Ok),
            record("/c/gone.txt", 3, 3, FileStatus::Ok),
        ]);
        let plan = plan(walk.clone(), &recs, &["/c".into()], false);
        let jobs: Vec<_> = plan
            .jobs
            .iter()
            .map(|j| (j.file.path.clone(), j.previous.is_some()))
            .collect();
        assert_eq!(
            jobs,
            vec![("/c/edit.txt".into(), true), ("/c/new.txt".into(), false)]
        );
        assert_eq!(plan.unchanged, 1);
        assert_eq!(plan.deleted.len(), 1);
        assert_eq!(plan.deleted[0].path, "/c/gone.txt");
    }

    #[test]
    fn known_files_keep_their_number_new_ones_get_the_next_above_all_in_path_order() {
        let walk = walk_of(vec![
            file("/c/z-new.txt", 1, 1),
            file("/c/edit.txt", 6, 9),
            file("/c/a-new.txt", 1, 1),
        ]);
        // Numbers 6 (edit) and 9 (gone, the highest): new files get 10, 11.
        let mut gone = record("/c/gone.txt", 3, 3, FileStatus::Ok);
        gone.key = 9;
        let recs = records(&[record("/c/edit.txt", 6, 8, FileStatus::Ok), gone]);
        let plan = plan(walk, &recs, &["/c".into()], false);
        let keys: Vec<_> = (plan.jobs.iter())
            .map(|j| (j.file.path.to_string_lossy().into_owned(), j.key))
            .collect();
        let want = [
            ("/c/a-new.txt", 10),
            ("/c/edit.txt", 6),
            ("/c/z-new.txt", 11),
        ];
        assert_eq!(keys, want.map(|(p, k)| (p.to_string(), k)));
        let keys: Vec<_> = first_run(&["/c/b.txt", "/c/a.txt"])
            .jobs
            .iter()
            .map(|j| j.key)
            .collect();
        assert_eq!(keys, [0, 1], "an empty index numbers from 0");
    }

    /// The plan of a first run over `paths` (an empty index, folder /c).
    fn first_run(paths: &[&str]) -> Plan {
        let walk = walk_of(paths.iter().map(|p| file(p, 1, 1)).collect());
        plan(walk, &records(&[]), &["/c".into()], false)
    }

    #[test]
    fn files_are_read_in_path_order_whatever_the_walk_order() {
        let walked = [
            "/c/2008/0917/b.txt",
            "/c/2006/1020/a.txt",
            "/c/2008/0915/z.txt",
            "/c/2008/0917/a.txt",
        ];
        let plan = first_run(&walked);
        let paths: Vec<_> = plan.jobs.iter().map(|j| j.file.path.clone()).collect();
        let mut want = walked.map(PathBuf::from);
        want.sort();
        assert_eq!(paths, want);
    }

    #[test]
    fn nothing_below_an_unreadable_folder_is_deleted() {
        let walk = Walk {
            files: vec![],
            problems: vec![WalkProblem {
                path: "/mnt/disk".into(),
                reason: "missing".into(),
                folder: true,
            }],
        };
        let recs = records(&[record("/mnt/disk/a.txt", 1, 1, FileStatus::Ok)]);
        let plan = plan(walk.clone(), &recs, &["/mnt/disk".into()], false);
        assert!(plan.deleted.is_empty());
    }

    #[test]
    fn records_outside_the_walked_roots_are_left_alone() {
        let walk = Walk::default();
        let recs = records(&[record("/other/a.txt", 1, 1, FileStatus::Ok)]);
        let plan = plan(walk.clone(), &recs, &["/c".into()], false);
        assert!(plan.deleted.is_empty());
    }

    #[test]
    fn unchanged_failed_files_are_retried_only_on_request() {
        let walk = walk_of(vec![file("/c/bad.txt", 2, 2)]);
        let recs = records(&[record("/c/bad.txt", 2, 2, FileStatus::Failed)]);
        assert_eq!(
            plan(walk.clone(), &recs, &["/c".into()], false).jobs.len(),
            0
        );
        assert_eq!(
            plan(walk.clone(), &recs, &["/c".into()], true).jobs.len(),
            1
        );
    }
}

//! Walks clippings folders and lists their files with the size and
//! modification time that decide, cheaply, whether a file changed.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use walkdir::WalkDir;

/// A file found by the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkedFile {
    /// Its path, below one of the walked roots.
    pub path: PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime: i64,
}

/// Something the walk could not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkProblem {
    /// The path concerned (a file, a folder, or a root).
    pub path: PathBuf,
    /// What went wrong.
    pub reason: String,
    /// True when a whole folder could not be read: nothing below it may be
    /// taken as deleted.
    pub folder: bool,
}

/// What a walk found.
#[derive(Debug, Default, Clone)]
pub struct Walk {
    /// Files: the top-level entries of each root in name order, each walked
    /// in the file system's order (sorting every path cost more than the
    /// rest of a run with nothing to do).
    pub files: Vec<WalkedFile>,
    /// Folders and files that could not be read.
    pub problems: Vec<WalkProblem>,
}

impl Walk {
    /// True when `path` lies below a folder that could not be read, so its
    /// absence from [`Walk::files`] says nothing.
    pub fn is_unknown(&self, path: &Path) -> bool {
        self.problems
            .iter()
            .any(|p| p.folder && path.starts_with(&p.path))
    }
}

/// Walks `roots` in order (top-level entries sorted by name, each walked in
/// the file system's order), following symbolic links (loops are reported,
/// not followed) and skipping hidden files and folders (names starting with a
/// dot, such as the `.morgue` index itself).
pub fn walk(roots: &[PathBuf]) -> Walk {
    let mut out = Walk::default();
    for root in roots {
        walk_root(root, &mut out);
    }
    out
}

fn walk_root(root: &Path, out: &mut Walk) {
    let entries = match std::fs::read_dir(root) {
        Ok(entries) => entries,
        Err(e) => {
            out.problems.push(WalkProblem {
                path: root.to_path_buf(),
                reason: format!("folder missing or unreadable ({e}); nothing under it is removed"),
                folder: true,
            });
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| !is_hidden(&e.file_name()))
        .map(|e| e.path())
        .collect();
    children.sort();
    let root_real = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    // The top-level entries are walked in parallel (the walk is bound by one
    // stat per file), then joined in name order.
    let parts: Vec<Walk> = children
        .par_iter()
        .map(|child| walk_tree(child, &root_real))
        .collect();
    for part in parts {
        out.files.extend(part.files);
        out.problems.extend(part.problems);
    }
}

/// Walks one entry below a root. walkdir detects loops among the ancestors it
/// walked itself; a link back to the root or above is caught here.
fn walk_tree(start: &Path, root_real: &Path) -> Walk {
    let mut out = Walk::default();
    let walker = WalkDir::new(start)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| !is_hidden(e.file_name()));
    let mut walker = walker;
    while let Some(entry) = walker.next() {
        match entry {
            Ok(entry) if entry.file_type().is_file() => match entry.metadata() {
                Ok(meta) => out.files.push(WalkedFile {
                    path: entry.into_path(),
                    size: meta.len(),
                    mtime: mtime_nanos(&meta),
                }),
                Err(e) => out.problems.push(problem_of(e)),
            },
            Ok(entry) if entry.path_is_symlink() && entry.file_type().is_dir() => {
                if let Some(problem) = link_to_ancestor(entry.path(), root_real) {
                    out.problems.push(problem);
                    walker.skip_current_dir();
                }
            }
            Ok(_) => {}
            Err(e) => out.problems.push(problem_of(e)),
        }
    }
    out
}

/// A loop problem when the symlinked folder `link` points at the root or above it.
fn link_to_ancestor(link: &Path, root_real: &Path) -> Option<WalkProblem> {
    let target = std::fs::canonicalize(link).ok()?;
    root_real.starts_with(&target).then(|| WalkProblem {
        path: link.to_path_buf(),
        reason: format!("symbolic link loop back to {}", target.display()),
        folder: true,
    })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn problem_of(err: walkdir::Error) -> WalkProblem {
    let path = err.path().map(Path::to_path_buf).unwrap_or_default();
    let folder = err.loop_ancestor().is_some() || path.is_dir();
    let reason = match err.loop_ancestor() {
        Some(ancestor) => format!("symbolic link loop back to {}", ancestor.display()),
        None => err
            .io_error()
            .map(|e| e.to_string())
            .unwrap_or_else(|| err.to_string()),
    };
    WalkProblem {
        path,
        reason,
        folder,
    }
}

/// Modification time in nanoseconds since the epoch (0 when unknown).
pub fn mtime_nanos(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn lists_files_sorted_and_skips_hidden() {
        let tmp = tempfile::tempdir().unwrap();
        fs::create_dir_all(tmp.path().join("b")).unwrap();
        fs::create_dir_all(tmp.path().join(".morgue")).unwrap();
        fs::write(tmp.path().join("b/2.txt"), "x").unwrap();
        fs::write(tmp.path().join("a.txt"), "xy").unwrap();
        fs::write(tmp.path().join(".morgue/meta.json"), "{}").unwrap();
        fs::write(tmp.path().join(".DS_Store"), "junk").unwrap();
        let walk = walk(&[tmp.path().to_path_buf()]);
        let names: Vec<_> = walk
            .files
            .iter()
            .map(|f| f.path.strip_prefix(tmp.path()).unwrap().to_owned())
            .collect();
        assert_eq!(
            names,
            vec![PathBuf::from("a.txt"), PathBuf::from("b/2.txt")]
        );
        assert_eq!(walk.files[0].size, 2);
        assert!(walk.files[0].mtime > 0);
    }

    #[test]
    fn a_missing_root_is_a_folder_problem() {
        let tmp = tempfile::tempdir().unwrap();
        let gone = tmp.path().join("unmounted");
        let walk = walk(std::slice::from_ref(&gone));
        assert!(walk.files.is_empty());
        assert!(walk.problems[0].folder);
        assert!(walk.is_unknown(&gone.join("2025/a.txt")));
        assert!(walk.problems[0]
            .reason
            .contains("nothing under it is removed"));
    }

    #[test]
    fn a_symlink_loop_is_reported_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        fs::create_dir_all(tmp.path().join("d")).unwrap();
        fs::write(tmp.path().join("d/a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(tmp.path(), tmp.path().join("d/loop")).unwrap();
        let walk = walk(&[tmp.path().to_path_buf()]);
        assert_eq!(walk.files.len(), 1);
        assert!(
            walk.problems.iter().any(|p| p.reason.contains("loop")),
            "{:?}",
            walk.problems
        );
    }
}

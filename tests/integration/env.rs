//! The test environment: a temporary folder holding clippings and an index,
//! and a `morgue` command pinned to it (fixed today, no colour).

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// Today, as the tests see it.
pub const TODAY: &str = "2026-11-26";

/// A temporary clippings folder and index.
pub struct TestEnv {
    /// Holds everything; removed on drop.
    pub dir: TempDir,
    /// Where clippings are written.
    pub clippings: PathBuf,
    /// The index folder.
    pub index: PathBuf,
}

impl TestEnv {
    /// An empty environment.
    pub fn new() -> TestEnv {
        let dir = tempfile::tempdir().expect("temp dir");
        let clippings = dir.path().join("clippings");
        fs::create_dir_all(&clippings).unwrap();
        let index = dir.path().join("index");
        TestEnv {
            dir,
            clippings,
            index,
        }
    }

    /// Writes a file below the clippings folder and returns its path.
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.clippings.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, content).unwrap();
        path
    }

    /// Copies `sample-corpus` into the clippings folder; returns the files'
    /// paths below it, sorted.
    pub fn copy_sample_corpus(&self) -> Vec<String> {
        let root = sample_corpus();
        let mut files: Vec<String> = walkdir::WalkDir::new(&root)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        files.sort();
        for rel in &files {
            self.write(rel, fs::read(root.join(rel)).unwrap());
        }
        files
    }

    /// `morgue` with this environment's index, today pinned, colour off.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("morgue").expect("morgue binary");
        cmd.env("MORGUE_INDEX", &self.index)
            .env("MORGUE_TODAY", TODAY)
            .env("NO_COLOR", "1")
            .current_dir(self.dir.path());
        cmd
    }

    /// Indexes the clippings folder, expecting success, and returns the JSON summary.
    pub fn index_ok(&self) -> Value {
        let out = self
            .cmd()
            .args(["index", "--json"])
            .arg(&self.clippings)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "index failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("index --json prints JSON")
    }

    /// Runs `morgue search --json ARGS` and parses the answer.
    pub fn search(&self, args: &[&str]) -> Value {
        let out = self
            .cmd()
            .arg("search")
            .arg("--json")
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "search {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("search --json prints JSON")
    }
}

/// A clipping in the seed format.
pub fn clip(date: &str, source: &str, title: &str, paragraphs: &[&str]) -> String {
    format!(
        "date {date} {source}\n\n{title}\n\n{}\n",
        paragraphs.join("\n\n")
    )
}

/// The project's sample corpus.
pub fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-corpus")
}

/// The project root.
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the project, or `None` (with a message) when absent.
pub fn shared(what: &str) -> Option<PathBuf> {
    let shared = project_root().join("../shared");
    if shared.join("README.md").is_file() {
        Some(shared.canonicalize().unwrap())
    } else {
        eprintln!("skipped: {what} needs ../shared beside the project, and it is absent");
        None
    }
}

/// An environment whose index holds the sample corpus (built once per test).
pub fn sample_env() -> TestEnv {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["index", "--quiet"])
        .arg(sample_corpus())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "indexing sample-corpus failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    env
}

/// The hits of a JSON search answer.
pub fn hits(answer: &Value) -> &Vec<Value> {
    answer["hits"].as_array().expect("hits array")
}

/// A string field of every hit.
pub fn column(answer: &Value, key: &str) -> Vec<String> {
    hits(answer)
        .iter()
        .map(|h| h[key].as_str().unwrap_or_default().to_string())
        .collect()
}

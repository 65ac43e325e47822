//! Clippings folders: walking them, reading files, and turning a file into articles.

mod article;
mod read_ahead;
mod reader;
mod walk;

pub use article::Article;
pub use read_ahead::{with_read_ahead, ReadPosition};
pub use reader::{content_hash, read_file};
pub use walk::{mtime_nanos, walk, Walk, WalkProblem, WalkedFile};

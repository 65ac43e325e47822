//! Writes search results for people (aligned text, bars) and for programs
//! (JSON, NDJSON, CSV), always to an `impl io::Write` handed in by the caller.

mod machine;
mod style;
mod table;

pub use machine::{write_csv, write_json, write_ndjson};
pub use style::Style;
pub use table::{write_histogram, write_table};

/// The output formats of `morgue search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    /// Aligned text for a terminal.
    #[default]
    Table,
    /// One JSON object.
    Json,
    /// One JSON object per hit, per line.
    Ndjson,
    /// Comma-separated values with a header row.
    Csv,
}

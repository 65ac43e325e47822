//! The incremental indexer's record of one source file, kept in the index as
//! a `file` document, and the code that reads all of them back.

use std::collections::HashMap;

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use super::Fields;
use crate::error::{Error, Result};

/// Whether a file gave documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileStatus {
    /// Parsed and indexed.
    Ok,
    /// Could not be read or parsed; retried when it changes or with `--retry-failed`.
    Failed,
}

impl FileStatus {
    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            FileStatus::Ok => "ok",
            FileStatus::Failed => "failed",
        }
    }

    fn from_str(value: &str) -> FileStatus {
        if value == "failed" {
            FileStatus::Failed
        } else {
            FileStatus::Ok
        }
    }
}

/// What the index knows of one source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRecord {
    /// The file's path, as walked.
    pub path: String,
    /// Size in bytes when indexed.
    pub size: u64,
    /// Modification time (ns since the epoch) when indexed.
    pub mtime: i64,
    /// xxh3 of the bytes.
    pub hash: u64,
    /// Indexed or failed.
    pub status: FileStatus,
    /// Why it failed, for failed files (only filled by [`failed_files`]).
    pub error: Option<String>,
    /// How many articles it gave.
    pub articles: u64,
}

/// Reads every file record of the index from its fast fields (no doc store
/// access: a million records load in a fraction of a second).
pub fn load_records(searcher: &Searcher, fields: &Fields) -> Result<HashMap<String, FileRecord>> {
    let schema = searcher.schema();
    let name = |field| schema.get_field_name(field);
    let mut records = HashMap::new();
    let mut path = String::new();
    let mut status = String::new();
    for segment in searcher.segment_readers() {
        let ff = segment.fast_fields();
        let Some(paths) = ff.str(name(fields.file_path))? else {
            continue;
        };
        let statuses = ff.str(name(fields.file_status))?;
        let sizes = ff.u64(name(fields.file_size))?;
        let mtimes = ff.i64(name(fields.file_mtime))?;
        let hashes = ff.u64(name(fields.file_hash))?;
        let articles = ff.u64(name(fields.file_articles))?;
        for doc in segment.doc_ids_alive() {
            let Some(ord) = paths.term_ords(doc).next() else {
                continue;
            };
            path.clear();
            paths.ord_to_str(ord, &mut path).map_err(column_error)?;
            status.clear();
            if let Some(col) = &statuses {
                if let Some(ord) = col.term_ords(doc).next() {
                    col.ord_to_str(ord, &mut status).map_err(column_error)?;
                }
            }
            let record = FileRecord {
                path: path.clone(),
                size: sizes.first(doc).unwrap_or(0),
                mtime: mtimes.first(doc).unwrap_or(0),
                hash: hashes.first(doc).unwrap_or(0),
                status: FileStatus::from_str(&status),
                error: None,
                articles: articles.first(doc).unwrap_or(0),
            };
            records.insert(record.path.clone(), record);
        }
    }
    Ok(records)
}

fn column_error(e: std::io::Error) -> Error {
    Error::Tantivy(tantivy::TantivyError::from(e))
}

/// The failed files with their reasons, sorted by path.
pub fn failed_files(searcher: &Searcher, fields: &Fields) -> Result<Vec<FileRecord>> {
    let term = Term::from_field_text(fields.file_status, FileStatus::Failed.as_str());
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    let addresses = searcher.search(&query, &DocSetCollector)?;
    let mut out = Vec::with_capacity(addresses.len());
    for address in addresses {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let num = |field| doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
        out.push(FileRecord {
            path: text(fields.file_path).unwrap_or_default(),
            size: num(fields.file_size),
            mtime: doc
                .get_first(fields.file_mtime)
                .and_then(|v| v.as_i64())
                .unwrap_or(0),
            hash: num(fields.file_hash),
            status: FileStatus::Failed,
            error: text(fields.file_error),
            articles: 0,
        });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

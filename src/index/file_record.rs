//! The incremental indexer's record of one source file, kept in the index as
//! a `file` document, and the code that reads all of them back.

use rustc_hash::FxHashMap;

use tantivy::collector::DocSetCollector;
use tantivy::columnar::StrColumn;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use super::Fields;
use crate::error::{Error, Result};

/// Every file record, by path.
pub type Records = FxHashMap<String, FileRecord>;

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
    /// The file's number in the index: the term of its record and of its
    /// documents (see [`super::plan`]).
    pub key: u64,
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
/// access: a million records load in a fraction of a second). Each column's
/// dictionary is streamed once per segment, never looked up per document.
pub fn load_records(searcher: &Searcher, fields: &Fields) -> Result<Records> {
    let schema = searcher.schema();
    let name = |field| schema.get_field_name(field);
    let mut records = Records::default();
    for segment in searcher.segment_readers() {
        let ff = segment.fast_fields();
        let Some(paths) = ff.str(name(fields.file_path))? else {
            continue;
        };
        let mut path_names = dictionary_strings(&paths)?;
        records.reserve(path_names.len());
        let status_names = match ff.str(name(fields.file_status))? {
            Some(col) => Some((dictionary_strings(&col)?, col)),
            None => None,
        };
        let sizes = ff.u64(name(fields.file_size))?;
        let mtimes = ff.i64(name(fields.file_mtime))?;
        let hashes = ff.u64(name(fields.file_hash))?;
        let keys = ff.u64(name(fields.file_key))?;
        let articles = ff.u64(name(fields.file_articles))?;
        for doc in segment.doc_ids_alive() {
            let Some(ord) = paths.term_ords(doc).next() else {
                continue;
            };
            let status = status_names
                .as_ref()
                .and_then(|(names, col)| {
                    col.term_ords(doc)
                        .next()
                        .map(|o| names[o as usize].as_str())
                })
                .unwrap_or("ok");
            let record = FileRecord {
                path: std::mem::take(&mut path_names[ord as usize]),
                key: keys.first(doc).unwrap_or(0),
                size: sizes.first(doc).unwrap_or(0),
                mtime: mtimes.first(doc).unwrap_or(0),
                hash: hashes.first(doc).unwrap_or(0),
                status: FileStatus::from_str(status),
                error: None,
                articles: articles.first(doc).unwrap_or(0),
            };
            records.insert(record.path.clone(), record);
        }
    }
    Ok(records)
}

/// Every string of a column's dictionary, indexed by term ordinal.
pub fn dictionary_strings(column: &StrColumn) -> Result<Vec<String>> {
    let mut out = Vec::with_capacity(column.num_terms());
    let mut stream = column.dictionary().stream().map_err(column_error)?;
    while stream.advance() {
        out.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(out)
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
            // Not stored (the listing names files by path): read by load_records.
            key: 0,
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

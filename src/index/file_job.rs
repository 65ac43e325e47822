//! The work of one changed or new file, run in parallel: read, hash, parse,
//! extract quotes and queue the documents for the index writer.

use std::collections::HashMap;
use std::path::Path;

use tantivy::Term;

use super::plan::Job;
use super::{DocBatch, DocumentBuilder, Fields, FileRecord, FileStatus};
use crate::corpus::{content_hash, read_file, Article};

/// What became of one file.
#[derive(Debug)]
pub enum Outcome {
    /// Parsed and its documents added (replacing any earlier ones).
    Indexed {
        /// The new record (already queued).
        record: FileRecord,
        /// Quotes added.
        quotes: u64,
        /// True when the file was known before (an update).
        updated: bool,
    },
    /// Touched but with the same content: only the record was refreshed.
    SameContent,
    /// Could not be indexed; its record says why (already queued).
    Failed {
        /// The reason.
        reason: String,
    },
    /// A new file with the content of a file that disappeared: a move.
    Moved {
        /// The new file's record, to write once the move is done.
        record: FileRecord,
        /// The record of the gone file whose documents move to the new one.
        from: FileRecord,
        /// The file's bytes, for a second copy that must be parsed after all.
        bytes: Vec<u8>,
    },
}

/// What every job of a run shares.
pub struct JobContext<'a> {
    /// Where the documents go, by kind (handed to the writer per chunk).
    pub batch: &'a DocBatch,
    /// Field handles.
    pub fields: &'a Fields,
    /// Content hash of each deleted file → its record, to recognise moves without parsing.
    pub gone_by_hash: &'a HashMap<u64, FileRecord>,
    /// Files larger than this fail.
    pub max_size: u64,
    /// Extract quotes (off: articles only).
    pub quotes: bool,
}

/// Runs one job.
pub fn run_job(job: &Job, cx: &JobContext) -> tantivy::Result<Outcome> {
    let (batch, fields) = (cx.batch, cx.fields);
    let mut record = FileRecord {
        path: job.file.path.to_string_lossy().into_owned(),
        key: job.key,
        size: job.file.size,
        mtime: job.file.mtime,
        hash: 0,
        status: FileStatus::Ok,
        error: None,
        articles: 0,
    };
    let bytes = match read_file(&job.file.path, cx.max_size) {
        Ok(bytes) => bytes,
        Err(reason) => return fail(batch, fields, record, job, reason),
    };
    record.hash = content_hash(&bytes);
    if let Some(prev) = job.previous.as_ref().filter(|p| p.status == FileStatus::Ok) {
        if prev.hash == record.hash {
            record.articles = prev.articles;
            replace_record(batch, fields, &record, true)?;
            return Ok(Outcome::SameContent);
        }
    }
    if job.previous.is_none() {
        if let Some(from) = cx.gone_by_hash.get(&record.hash) {
            return Ok(Outcome::Moved {
                record,
                from: from.clone(),
                bytes,
            });
        }
    }
    index_bytes(cx, record, job, &bytes)
}

/// Parses `bytes` and adds the file's documents and record.
pub fn index_bytes(
    cx: &JobContext,
    mut record: FileRecord,
    job: &Job,
    bytes: &[u8],
) -> tantivy::Result<Outcome> {
    let (batch, fields) = (cx.batch, cx.fields);
    let articles = match Article::parse_file(Path::new(&record.path), bytes, cx.quotes) {
        Ok(articles) => articles,
        Err(e) => return fail(batch, fields, record, job, e.to_string()),
    };
    let known = job.previous.is_some();
    if known {
        // Its number is its record's: the documents it had go.
        batch.delete_term(Term::from_field_u64(fields.doc_key, record.key));
    }
    let builder = DocumentBuilder::new(fields, record.key);
    let mut article_docs = Vec::with_capacity(articles.len());
    let mut quote_docs = Vec::new();
    for article in &articles {
        article_docs.push(builder.article(&record.path, &article.clipping, &article.quotes));
        for quote in &article.quotes {
            quote_docs.push(builder.quote(&record.path, &article.clipping, quote));
        }
    }
    let quotes = quote_docs.len() as u64;
    batch.add_file(article_docs, quote_docs);
    record.articles = articles.len() as u64;
    replace_record(batch, fields, &record, known)?;
    Ok(Outcome::Indexed {
        record,
        quotes,
        updated: job.previous.is_some(),
    })
}

/// Records a failure. The file's earlier documents, if any, stay searchable:
/// a file that breaks loses nothing that was indexed.
fn fail(
    batch: &DocBatch,
    fields: &Fields,
    mut record: FileRecord,
    job: &Job,
    reason: String,
) -> tantivy::Result<Outcome> {
    record.status = FileStatus::Failed;
    record.error = Some(reason.clone());
    record.articles = job.previous.as_ref().map_or(0, |p| p.articles);
    replace_record(batch, fields, &record, job.previous.is_some())?;
    Ok(Outcome::Failed { reason })
}

/// Writes a file's record document, replacing the old one when the index
/// `known` the file (a delete for a new file would only cost time at commit).
pub fn replace_record(
    batch: &DocBatch,
    fields: &Fields,
    record: &FileRecord,
    known: bool,
) -> tantivy::Result<()> {
    if known {
        batch.delete_term(Term::from_field_u64(fields.file_key, record.key));
    }
    batch.add_record(DocumentBuilder::new(fields, record.key).file(record));
    Ok(())
}

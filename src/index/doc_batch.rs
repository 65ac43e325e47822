//! The documents of a chunk of files, gathered by kind and handed to the
//! index writer together: first every delete, then the articles, the quotes
//! and the file records, each kind in one run.
//!
//! tantivy numbers a segment's documents in the order they arrive. Handed
//! over file by file, an article, its quotes and its file record interleave,
//! and a word of the articles is spread over a doc-id space five times the
//! articles' (354,515 quotes and 106,520 records beside 106,494 articles on
//! Reuters 2006-2013): a query on articles then walks that whole space
//! window by window. Gathered by kind, the articles of a chunk sit side by
//! side and a query skips the quotes' and the records' stretches at once.
//! Deletes come first, so a replaced file's new documents survive them (a
//! chunk holds each path once).

use std::sync::Mutex;

use tantivy::{IndexWriter, TantivyDocument, Term};

/// A chunk's deletes and documents, by kind, filled from many threads.
#[derive(Default)]
pub struct DocBatch {
    deletes: Mutex<Vec<Term>>,
    articles: Mutex<Vec<TantivyDocument>>,
    quotes: Mutex<Vec<TantivyDocument>>,
    records: Mutex<Vec<TantivyDocument>>,
}

impl DocBatch {
    /// Queues a delete (applied before any document of the batch is added).
    pub fn delete_term(&self, term: Term) {
        lock(&self.deletes).push(term);
    }

    /// Queues one file's articles and quotes.
    pub fn add_file(&self, articles: Vec<TantivyDocument>, quotes: Vec<TantivyDocument>) {
        lock(&self.articles).extend(articles);
        if !quotes.is_empty() {
            lock(&self.quotes).extend(quotes);
        }
    }

    /// Queues a file record.
    pub fn add_record(&self, record: TantivyDocument) {
        lock(&self.records).push(record);
    }

    /// Hands everything queued to `writer`: deletes, articles, quotes,
    /// records. The batch is empty afterwards.
    pub fn flush(&self, writer: &IndexWriter<TantivyDocument>) -> tantivy::Result<()> {
        for term in std::mem::take(&mut *lock(&self.deletes)) {
            writer.delete_term(term);
        }
        for lane in [&self.articles, &self.quotes, &self.records] {
            for doc in std::mem::take(&mut *lock(lane)) {
                writer.add_document(doc)?;
            }
        }
        Ok(())
    }
}

/// A lane's lock; a panic in another thread cannot leave a lane half-pushed
/// (each push is one call), so a poisoned lock is still usable.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::AllQuery;
    use tantivy::schema::{Schema, STORED, STRING};
    use tantivy::{doc, Index};

    #[test]
    fn a_flush_deletes_first_then_adds_articles_quotes_and_records_in_runs() {
        let mut builder = Schema::builder();
        let kind = builder.add_text_field("kind", STRING | STORED);
        let path = builder.add_text_field("path", STRING | STORED);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer
            .add_document(doc!(kind => "article", path => "a"))
            .unwrap();
        writer.commit().unwrap();

        let batch = DocBatch::default();
        for p in ["a", "b"] {
            batch.delete_term(Term::from_field_text(path, p));
            batch.add_file(
                vec![doc!(kind => "article", path => p)],
                vec![doc!(kind => "quote", path => p)],
            );
            batch.add_record(doc!(kind => "file", path => p));
        }
        batch.flush(&writer).unwrap();
        writer.commit().unwrap();

        let searcher = index.reader().unwrap().searcher();
        let top = TopDocs::with_limit(10).order_by_score();
        let mut hits = searcher.search(&AllQuery, &top).unwrap();
        hits.sort_by_key(|(_, address)| *address);
        let kinds: Vec<String> = hits
            .iter()
            .map(|(_, address)| {
                let d: TantivyDocument = searcher.doc(*address).unwrap();
                let v = d
                    .get_first(kind)
                    .and_then(|v| tantivy::schema::Value::as_str(&v));
                v.unwrap().to_string()
            })
            .collect();
        // The old "a" is deleted; the new one survives its own delete.
        assert_eq!(
            kinds,
            ["article", "article", "quote", "quote", "file", "file"]
        );
        assert!(lock(&batch.articles).is_empty() && lock(&batch.deletes).is_empty());
    }
}

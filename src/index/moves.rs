//! Moves the documents of a renamed or moved file to its new path, without
//! reading or parsing the file again: the stored documents are copied.

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{IndexWriter, Searcher, TantivyDocument, Term};

use super::{DocumentBuilder, Fields, FileRecord};
use crate::error::Result;

/// Re-adds the documents of the gone file `from` under `record` (the new
/// path and its number), then removes `from`'s documents and record and
/// writes the new record. The new path is a file the index did not know: it
/// has no documents to replace.
pub fn move_documents(
    writer: &IndexWriter<TantivyDocument>,
    searcher: &Searcher,
    fields: &Fields,
    from: &FileRecord,
    record: &FileRecord,
) -> Result<()> {
    let query = TermQuery::new(
        Term::from_field_u64(fields.doc_key, from.key),
        IndexRecordOption::Basic,
    );
    let builder = DocumentBuilder::new(fields, record.key);
    let mut addresses: Vec<_> = searcher
        .search(&query, &DocSetCollector)?
        .into_iter()
        .collect();
    addresses.sort();
    for address in addresses {
        let stored: TantivyDocument = searcher.doc(address)?;
        writer.add_document(builder.restore(&stored, &record.path))?;
    }
    writer.delete_term(Term::from_field_u64(fields.doc_key, from.key));
    writer.delete_term(Term::from_field_u64(fields.file_key, from.key));
    writer.add_document(builder.file(record))?;
    Ok(())
}

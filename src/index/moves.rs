//! Moves the documents of a renamed or moved file to its new path, without
//! reading or parsing the file again: the stored documents are copied.

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{IndexWriter, Searcher, TantivyDocument, Term};

use super::{DocumentBuilder, Fields, FileRecord};
use crate::error::Result;

/// Re-adds the documents of `from` under `record.path`, then removes `from`'s
/// documents and record and writes the new record.
pub fn move_documents(
    writer: &IndexWriter<TantivyDocument>,
    searcher: &Searcher,
    fields: &Fields,
    from: &str,
    record: &FileRecord,
) -> Result<()> {
    let query = TermQuery::new(
        Term::from_field_text(fields.path, from),
        IndexRecordOption::Basic,
    );
    let builder = DocumentBuilder::new(fields);
    let mut addresses: Vec<_> = searcher
        .search(&query, &DocSetCollector)?
        .into_iter()
        .collect();
    addresses.sort();
    writer.delete_term(Term::from_field_text(fields.path, &record.path));
    for address in addresses {
        let stored: TantivyDocument = searcher.doc(address)?;
        writer.add_document(builder.restore(&stored, &record.path))?;
    }
    writer.delete_term(Term::from_field_text(fields.path, from));
    writer.delete_term(Term::from_field_text(fields.file_path, from));
    writer.delete_term(Term::from_field_text(fields.file_path, &record.path));
    writer.add_document(builder.file(record))?;
    Ok(())
}

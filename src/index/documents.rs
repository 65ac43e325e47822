//! Turns a parsed clipping and its quotes into tantivy documents: one
//! `article`, one `quote` per quote (carrying the article's filters), and the
//! `file` record the incremental indexer keeps for each source file.

use chrono::NaiveDate;
use tantivy::schema::{Facet, Value};
use tantivy::{DateTime, TantivyDocument};

use super::{Fields, FileRecord};
use crate::clipping::Clipping;
use crate::quotes::Quote;

/// Document kind values of the `kind` field.
pub mod kind {
    /// One per clipping.
    pub const ARTICLE: &str = "article";
    /// One per direct quote.
    pub const QUOTE: &str = "quote";
    /// One per source file (the indexer's record).
    pub const FILE: &str = "file";
}

/// How many words of a body decide that two articles are copies of one story.
const FINGERPRINT_WORDS: usize = 100;

/// The key under which a fingerprint's copies are found: its top 16 bits.
/// Indexing each fingerprint made one term a document, 460,000 unique terms
/// on Reuters 2006-2013, each paid for in the term dictionary; the buckets
/// are at most 65,536 terms, and a bucket's few documents are told apart by
/// their `dup` column.
pub fn dup_bucket(dup: u64) -> u64 {
    dup >> 48
}

/// Midnight UTC of a calendar day, as stored in the `date` field.
pub fn day_to_datetime(day: NaiveDate) -> DateTime {
    let secs = day
        .and_hms_opt(0, 0, 0)
        .expect("midnight")
        .and_utc()
        .timestamp();
    DateTime::from_timestamp_secs(secs)
}

/// The calendar day of a stored `date` value.
pub fn datetime_to_day(value: DateTime) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(value.into_timestamp_secs(), 0).map(|d| d.date_naive())
}

/// A fingerprint of text that ignores case, punctuation and spacing, over at
/// most its first [`FINGERPRINT_WORDS`] words: reprints of one wire story and
/// a clipping saved twice share it.
pub fn fingerprint(text: &str) -> u64 {
    let mut normal = Vec::with_capacity(text.len().min(FINGERPRINT_WORDS * 8));
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word && words == FINGERPRINT_WORDS {
                break;
            }
            in_word = true;
            push_lower(&mut normal, c);
        } else if in_word {
            in_word = false;
            words += 1;
            normal.push(b' ');
        }
    }
    if in_word {
        normal.push(b' ');
    }
    xxhash_rust::xxh3::xxh3_64(&normal)
}

fn push_lower(out: &mut Vec<u8>, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase() as u8);
    } else {
        let mut buf = [0u8; 4];
        for l in c.to_lowercase() {
            out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
        }
    }
}

/// Adds a fingerprint and its bucket.
fn add_dup(doc: &mut TantivyDocument, f: &Fields, dup: u64) {
    doc.add_u64(f.dup, dup);
    doc.add_u64(f.dup_bucket, dup_bucket(dup));
}

/// Bytes a document of `text` bytes of its own beside the fields shared by
/// an article and its quotes takes in tantivy's document (each value is
/// written there with a few bytes of header): reserved at once, where the
/// default 1 KB grew three times for an article of 5 KB.
fn capacity(path: &str, clip: &Clipping, text: usize) -> usize {
    let named = [&clip.dateline, &clip.source, &clip.section, &clip.author];
    let names: usize = named
        .iter()
        .map(|v| v.as_ref().map_or(0, |v| 2 * v.len()))
        .sum();
    path.len() + names + text + 256
}

/// Builds the documents of one clipping.
pub struct DocumentBuilder<'a> {
    fields: &'a Fields,
    /// The file's number, given to its articles and quotes as `doc_key`.
    key: u64,
}

impl<'a> DocumentBuilder<'a> {
    /// A builder of the documents of file number `key` ([`FileRecord::key`])
    /// for an index with these fields.
    pub fn new(fields: &'a Fields, key: u64) -> Self {
        DocumentBuilder { fields, key }
    }

    /// The fields shared by an article and its quotes, in a document with
    /// room for them and `text` more bytes.
    fn common(&self, path: &str, clip: &Clipping, text: usize) -> TantivyDocument {
        let f = self.fields;
        let mut doc = TantivyDocument::with_capacity(capacity(path, clip, text));
        doc.add_text(f.path, path);
        doc.add_u64(f.doc_key, self.key);
        doc.add_u64(f.ordinal, clip.ordinal as u64);
        if let Some(day) = clip.date {
            doc.add_date(f.date, day_to_datetime(day));
        }
        let named = [
            (f.dateline, f.dateline_facet, &clip.dateline),
            (f.source, f.source_facet, &clip.source),
            (f.section, f.section_facet, &clip.section),
        ];
        for (text_field, facet_field, value) in named {
            if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
                doc.add_text(text_field, value);
                doc.add_facet(facet_field, Facet::from_path([value]));
            }
        }
        if let Some(author) = &clip.author {
            doc.add_text(f.author, author);
        }
        doc
    }

    /// The article document, listing every speaker quoted in it.
    pub fn article(&self, path: &str, clip: &Clipping, quotes: &[Quote]) -> TantivyDocument {
        let f = self.fields;
        let text = clip.title.len() + clip.body.len() + clip.url.as_ref().map_or(0, String::len);
        let mut doc = self.common(path, clip, text);
        doc.add_text(f.kind, kind::ARTICLE);
        doc.add_text(f.title, &clip.title);
        doc.add_text(f.body, &clip.body);
        doc.add_text(f.format, clip.format.name());
        if let Some(url) = &clip.url {
            doc.add_text(f.url, url);
        }
        let mut speakers: Vec<&str> = quotes.iter().filter_map(|q| q.speaker.as_deref()).collect();
        speakers.sort_unstable();
        speakers.dedup();
        for speaker in speakers {
            doc.add_text(f.speaker, speaker);
            doc.add_facet(f.speaker_facet, Facet::from_path([speaker]));
        }
        let basis = if clip.body.trim().is_empty() {
            &clip.title
        } else {
            &clip.body
        };
        add_dup(&mut doc, f, fingerprint(basis));
        doc
    }

    /// One quote document.
    pub fn quote(&self, path: &str, clip: &Clipping, quote: &Quote) -> TantivyDocument {
        let f = self.fields;
        let text = clip.title.len() + quote.text.len();
        let mut doc = self.common(path, clip, text);
        doc.add_text(f.kind, kind::QUOTE);
        doc.add_text(f.article_title, &clip.title);
        doc.add_text(f.text, &quote.text);
        doc.add_u64(f.quote_start, quote.start as u64);
        doc.add_u64(f.quote_end, quote.end as u64);
        let speaker = quote.speaker.as_deref().unwrap_or_default();
        if !speaker.is_empty() {
            doc.add_text(f.speaker, speaker);
            doc.add_facet(f.speaker_facet, Facet::from_path([speaker]));
        }
        let dup = fingerprint(&quote.text) ^ fingerprint(speaker).rotate_left(1);
        add_dup(&mut doc, f, dup);
        doc
    }

    /// A stored article or quote document moved to another path (the
    /// builder's file): every stored value is kept, the file's number, the
    /// facets and the fingerprint's bucket (not stored) are derived again.
    pub fn restore(&self, stored: &TantivyDocument, new_path: &str) -> TantivyDocument {
        let f = self.fields;
        let mut doc = TantivyDocument::new();
        doc.add_text(f.path, new_path);
        doc.add_u64(f.doc_key, self.key);
        let facets = [
            (f.speaker, f.speaker_facet),
            (f.dateline, f.dateline_facet),
            (f.source, f.source_facet),
            (f.section, f.section_facet),
        ];
        for (field, value) in stored.field_values() {
            if field == f.path {
                continue;
            }
            doc.add_field_value(field, value);
            if let (Some((_, facet)), Some(text)) =
                (facets.iter().find(|(t, _)| *t == field), value.as_str())
            {
                doc.add_facet(*facet, Facet::from_path([text]));
            }
            if let (true, Some(dup)) = (field == f.dup, value.as_u64()) {
                doc.add_u64(f.dup_bucket, dup_bucket(dup));
            }
        }
        doc
    }

    /// The record of one source file.
    pub fn file(&self, record: &FileRecord) -> TantivyDocument {
        let f = self.fields;
        let mut doc = TantivyDocument::new();
        doc.add_text(f.kind, kind::FILE);
        doc.add_text(f.file_path, &record.path);
        doc.add_u64(f.file_key, record.key);
        doc.add_u64(f.file_size, record.size);
        doc.add_i64(f.file_mtime, record.mtime);
        doc.add_u64(f.file_hash, record.hash);
        doc.add_text(f.file_status, record.status.as_str());
        if let Some(error) = &record.error {
            doc.add_text(f.file_error, error);
        }
        doc.add_u64(f.file_articles, record.articles);
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_case_spacing_and_punctuation() {
        assert_eq!(
            fingerprint("Rubio said, \"No deal.\"\n\nMore."),
            fingerprint("rubio SAID no   deal more")
        );
        assert_ne!(fingerprint("Rubio said no"), fingerprint("Rubio said yes"));
    }

    #[test]
    fn fingerprint_of_accented_and_non_latin_text_folds_case() {
        assert_eq!(
            fingerprint("ÉLYSÉE: Zürich «Кремль» 東京"),
            fingerprint("élysée zürich кремль 東京")
        );
        assert_ne!(fingerprint("Zürich"), fingerprint("Zurich"));
    }

    #[test]
    fn fingerprint_looks_at_the_opening_words_only() {
        let opening: String = (0..FINGERPRINT_WORDS).map(|i| format!("w{i} ")).collect();
        assert_eq!(
            fingerprint(&format!("{opening} tail one")),
            fingerprint(&format!("{opening} another ending"))
        );
    }

    #[test]
    fn a_restored_document_gets_its_facets_and_fingerprint_bucket_again() {
        use crate::index::SchemaFile;
        let schema = SchemaFile::builtin().unwrap().build();
        let f = Fields::new(&schema).unwrap();
        let dup = 0xABCD_0000_0000_0042;
        let mut stored = TantivyDocument::new();
        stored.add_text(f.path, "old.txt");
        stored.add_text(f.speaker, "Marco Rubio");
        stored.add_u64(f.dup, dup);
        let moved = DocumentBuilder::new(&f, 42).restore(&stored, "new.txt");
        assert_eq!(
            moved.get_first(f.path).and_then(|v| v.as_str()),
            Some("new.txt")
        );
        assert_eq!(
            moved.get_first(f.doc_key).and_then(|v| v.as_u64()),
            Some(42)
        );
        assert_eq!(
            moved.get_first(f.dup_bucket).and_then(|v| v.as_u64()),
            Some(dup_bucket(dup))
        );
        let facet = moved.get_first(f.speaker_facet).and_then(|v| v.as_facet());
        assert_eq!(facet, Some(Facet::from_path(["Marco Rubio"]).encoded_str()));
    }

    #[test]
    fn dates_round_trip_through_midnight_utc() {
        let day = NaiveDate::from_ymd_opt(2025, 12, 20).unwrap();
        assert_eq!(datetime_to_day(day_to_datetime(day)), Some(day));
        assert_eq!(day_to_datetime(day).into_timestamp_secs(), 1_766_188_800);
    }
}

//! Turns ranked document addresses into [`Hit`]s: stored fields, snippet,
//! and, when collapsing, one hit per story with its number of copies.

use std::collections::HashSet;

use tantivy::collector::{Count, FilterCollector};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, TantivyDocument, Term};

use super::snippets::Snippets;
use super::{Engine, Hit, SearchRequest};
use crate::error::Result;
use crate::index::{datetime_to_day, dup_bucket, Fields};
use crate::query::Kind;

/// Builds hits for one search.
pub struct HitMaker<'a> {
    engine: &'a Engine,
    snippets: Snippets,
}

impl<'a> HitMaker<'a> {
    /// A hit maker for `req`, highlighting the words of `text`.
    pub fn new(engine: &'a Engine, text: Option<&dyn Query>, req: &SearchRequest) -> Result<Self> {
        let f = engine.fields();
        let (field, chars) = match req.kind {
            Kind::Article => (f.body, req.snippet_chars),
            Kind::Quote => (f.text, req.snippet_chars.max(5_000)),
        };
        let snippets = Snippets::new(engine.searcher(), text, field, chars)?;
        Ok(HitMaker { engine, snippets })
    }

    /// The page `[offset, offset + limit)` of hits, after collapsing copies.
    pub fn page(
        &self,
        top: &[DocAddress],
        scores: &[f32],
        req: &SearchRequest,
    ) -> Result<Vec<Hit>> {
        if req.limit == 0 {
            return Ok(Vec::new());
        }
        let mut seen = HashSet::new();
        let mut hits = Vec::with_capacity(req.limit);
        let mut skipped = 0;
        // Copies and skipped hits are decided from the `dup` column: only the
        // hits shown are read from the doc store.
        let dups = self.dup_columns(req.collapse)?;
        for (address, score) in top.iter().zip(scores) {
            let dup = dups
                .get(address.segment_ord as usize)
                .and_then(|c| c.first(address.doc_id));
            if req.collapse && !dup.is_none_or(|d| seen.insert(d)) {
                continue;
            }
            if skipped < req.offset {
                skipped += 1;
                continue;
            }
            let copies = match dup {
                Some(d) => self.copies(d, req.kind)?,
                None => 1,
            };
            let doc: TantivyDocument = self.engine.searcher().doc(*address)?;
            hits.push(self.hit(&doc, *score, copies));
            if hits.len() == req.limit {
                break;
            }
        }
        Ok(hits)
    }

    /// The `dup` column of every segment, when collapsing (else none).
    fn dup_columns(&self, collapse: bool) -> Result<Vec<Column<u64>>> {
        if !collapse {
            return Ok(Vec::new());
        }
        let searcher = self.engine.searcher();
        let mut columns = Vec::with_capacity(searcher.segment_readers().len());
        for segment in searcher.segment_readers() {
            columns.push(segment.fast_fields().u64("dup")?);
        }
        Ok(columns)
    }

    /// How many live documents of this kind share the fingerprint: those
    /// of its bucket whose `dup` is the same.
    fn copies(&self, dup: u64, kind: Kind) -> Result<u64> {
        let f = self.engine.fields();
        let bucket = Term::from_field_u64(f.dup_bucket, dup_bucket(dup));
        let q = BooleanQuery::new(vec![
            (Occur::Must, term_query(bucket)),
            (
                Occur::Must,
                term_query(Term::from_field_text(f.kind, kind.name())),
            ),
        ]);
        let same = FilterCollector::new("dup".to_string(), move |d: u64| d == dup, Count);
        Ok(self.engine.searcher().search(&q, &same)? as u64)
    }

    fn hit(&self, doc: &TantivyDocument, score: f32, copies: u64) -> Hit {
        let f: &Fields = self.engine.fields();
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let kind = text(f.kind).unwrap_or_default();
        let is_quote = kind == Kind::Quote.name();
        let body = if is_quote { text(f.text) } else { text(f.body) }.unwrap_or_default();
        let (snippet, highlights) = self.snippets.make(&body);
        Hit {
            date: doc
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .and_then(datetime_to_day)
                .map(|d| d.format("%Y-%m-%d").to_string()),
            source: text(f.source),
            section: text(f.section),
            dateline: text(f.dateline),
            title: text(f.title)
                .or_else(|| text(f.article_title))
                .unwrap_or_default(),
            path: text(f.path).unwrap_or_default(),
            snippet,
            highlights,
            score,
            speaker: if is_quote {
                text(f.speaker).map(|s| self.engine.canonical_speaker(&s))
            } else {
                None
            },
            text: is_quote.then_some(body),
            author: text(f.author),
            copies,
            kind,
        }
    }
}

fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::Basic))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{kind, temp_index};

    #[test]
    fn copies_count_equal_fingerprints_of_a_kind_not_their_whole_bucket() {
        let (_tmp, index) = temp_index();
        let f = *index.fields();
        // Two fingerprints of one bucket, and the first also on a quote.
        let (a, b) = (0x1234_0000_0000_0001, 0x1234_0000_0000_0002);
        assert_eq!(dup_bucket(a), dup_bucket(b));
        let mut writer = index.writer(1, 15_000_000).unwrap();
        for (k, dup) in [(kind::ARTICLE, a), (kind::ARTICLE, a), (kind::ARTICLE, b)]
            .into_iter()
            .chain([(kind::QUOTE, a)])
        {
            let mut doc = TantivyDocument::new();
            doc.add_text(f.kind, k);
            doc.add_u64(f.dup, dup);
            doc.add_u64(f.dup_bucket, dup_bucket(dup));
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let engine = Engine::from_index(index).unwrap();
        let maker = HitMaker::new(&engine, None, &SearchRequest::default()).unwrap();
        assert_eq!(maker.copies(a, Kind::Article).unwrap(), 2);
        assert_eq!(maker.copies(b, Kind::Article).unwrap(), 1);
        assert_eq!(maker.copies(a, Kind::Quote).unwrap(), 1);
    }
}

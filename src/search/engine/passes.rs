//! One collector pass of [`Engine`] over a query's matches: the ranked
//! page and the count, and, when asked, the facet counts and the day
//! histogram in the same pass ([`Extras`]), with what an engine that counts
//! a facet again keeps for it (each document's values, the totals of each
//! kind for broad matches).

use std::collections::BTreeMap;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::query::Query;
use tantivy::{DocAddress, DocId, Order, Score, SegmentReader};

use super::{Engine, Pass};
use crate::error::Result;
use crate::query::Kind;
use crate::search::complement::{kind_docs, Complement};
use crate::search::date_filter::documents_in_range;
use crate::search::doc_ords::SegmentDocOrds;
use crate::search::extras::Extras;
use crate::search::facet_values::FacetValues;
use crate::search::facets::{facet_collector, facet_field_name, Flat};
use crate::search::histogram::{fold, DayCollector};
use crate::search::query_builder::date_bounds;
use crate::search::{FacetCount, FacetName, SearchRequest, Sort};

/// The ranked page of a request for no hits: nothing to rank, so the
/// pass asks for no scores and tantivy hands the matches over a block at a
/// time (no BM25 for each matching document, no per-document call).
struct NoPage;

impl Collector for NoPage {
    type Fruit = Vec<(f32, DocAddress)>;
    type Child = NoPage;

    fn for_segment(&self, _: u32, _: &SegmentReader) -> tantivy::Result<NoPage> {
        Ok(NoPage)
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, _: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        Ok(Vec::new())
    }
}

impl SegmentCollector for NoPage {
    type Fruit = Vec<(f32, DocAddress)>;

    fn collect(&mut self, _: DocId, _: Score) {}

    fn collect_block(&mut self, _: &[DocId]) {}

    fn harvest(self) -> Self::Fruit {
        Vec::new()
    }
}

/// A pass's fruits before scores are made uniform: ranked page, count,
/// facets and histogram.
type AllFruits<K> = (
    Vec<(K, DocAddress)>,
    usize,
    BTreeMap<String, Vec<FacetCount>>,
    Option<crate::search::Histogram>,
);

impl Engine {
    /// One pass over `query`'s matches: the first `fetch` hits in the
    /// request's order, the count, and the facets and histogram it asks for.
    pub(super) fn collect(
        &self,
        query: &dyn Query,
        req: &SearchRequest,
        fetch: usize,
    ) -> Result<Pass> {
        if fetch == 0 {
            return self.collect_unranked(query, req);
        }
        let top = TopDocs::with_limit(fetch);
        match req.sort {
            Sort::Relevance => self.collect_with(query, req, top.order_by_score(), |s| s),
            Sort::Newest => self.collect_with(
                query,
                req,
                top.order_by_fast_field::<tantivy::DateTime>("date", Order::Desc),
                |_| 0.0,
            ),
            Sort::Oldest => self.collect_with(
                query,
                req,
                top.order_by_fast_field::<tantivy::DateTime>("date", Order::Asc),
                |_| 0.0,
            ),
        }
    }

    /// A pass that ranks nothing (a request for no hits), so scores
    /// nothing: the count, with the facets and histogram asked for.
    fn collect_unranked(&self, query: &dyn Query, req: &SearchRequest) -> Result<Pass> {
        if !req.facets.is_empty() || req.histogram.is_some() {
            return self.collect_with(query, req, NoPage, |s| s);
        }
        // A count alone: tantivy's `Count` (a term's postings length where
        // nothing is deleted).
        let total = self.threads.search(&self.searcher, query, &Count)?;
        Ok(Pass {
            total: total as u64,
            top: Vec::new(),
            scores: Vec::new(),
            facets: BTreeMap::new(),
            histogram: None,
        })
    }

    fn collect_with<C, K>(
        &self,
        query: &dyn Query,
        req: &SearchRequest,
        top: C,
        score: impl Fn(K) -> f32,
    ) -> Result<Pass>
    where
        C: Collector<Fruit = Vec<(K, DocAddress)>> + 'static,
        K: Send + Sync + 'static,
    {
        let (ranked, total, facets, histogram) = if req.facets.is_empty() && req.histogram.is_none()
        {
            // Nothing but a page and a count: a static pair of collectors,
            // without MultiCollector's two dynamic calls per matching doc.
            let (ranked, total) = self.threads.search(&self.searcher, query, &(top, Count))?;
            (ranked, total, BTreeMap::new(), None)
        } else {
            self.collect_all(query, req, top)?
        };
        let (scores, top) = ranked.into_iter().map(|(k, a)| (score(k), a)).unzip();
        Ok(Pass {
            total: total as u64,
            top,
            scores,
            facets,
            histogram,
        })
    }

    /// The documents of the request's date range (estimated from the date
    /// columns' bounds), or `None` without a range (or when a column cannot
    /// be read: the search itself then says why).
    fn range_work(&self, req: &SearchRequest) -> Option<u64> {
        let (lower, upper) = date_bounds(req)?;
        documents_in_range(&self.searcher, "date", lower, upper).ok()
    }

    /// Each document's value numbers of `facet`, decoded on first use.
    fn facet_ords(&self, facet: FacetName, values: &FacetValues) -> Result<SegmentDocOrds> {
        let slot = &self.facet_ords[facet as usize];
        if let Some(flat) = slot.get() {
            return Ok(flat.clone());
        }
        let flat = values.flat_ords(&self.searcher, facet_field_name(facet))?;
        Ok(slot.get_or_init(|| flat).clone())
    }

    /// What counting `facet` over `kind` by complement needs: the kind's
    /// documents (found on first use), and the facet's totals over them
    /// (worked out by the first broad query).
    fn complement(&self, facet: FacetName, kind: Kind) -> Result<Arc<Complement>> {
        let slot = &self.complements[facet as usize][kind as usize];
        if let Some(c) = slot.get() {
            return Ok(c.clone());
        }
        let docs = &self.kind_docs[kind as usize];
        let docs = match docs.get() {
            Some(d) => d.clone(),
            None => {
                let found = kind_docs(&self.searcher, self.fields().kind, kind.name())?;
                docs.get_or_init(|| Arc::new(found)).clone()
            }
        };
        let complement = Complement::new(docs, self.complement_from);
        Ok(slot.get_or_init(|| Arc::new(complement)).clone())
    }

    /// Facets counted again go straight into their values' counters
    /// (unless another query of this engine is counting into them): their
    /// values, decoded on first use.
    fn values_counted_again(
        &self,
        facets: &[FacetName],
        again: bool,
    ) -> Result<Vec<Option<Arc<FacetValues>>>> {
        match again {
            true => facets
                .iter()
                .map(|&f| self.facet_values(f).map(Some))
                .collect(),
            false => Ok(vec![None; facets.len()]),
        }
    }

    /// The ranked page, the count, the facets and the histogram, in one pass.
    fn collect_all<C, K>(
        &self,
        query: &dyn Query,
        req: &SearchRequest,
        top: C,
    ) -> Result<AllFruits<K>>
    where
        C: Collector<Fruit = Vec<(K, DocAddress)>> + 'static,
        K: Send + Sync + 'static,
    {
        let again =
            !req.facets.is_empty() && self.facet_searches.fetch_add(1, Ordering::Relaxed) > 0;
        let values = self.values_counted_again(&req.facets, again)?;
        let held: Vec<_> = values
            .iter()
            .map(|v| v.as_ref().and_then(|v| v.busy.try_lock().ok()))
            .collect();
        // Each facet's counter, with the values whose counters it adds to
        // when it counts straight into them.
        let mut extras = Extras {
            facets: Vec::with_capacity(req.facets.len()),
            days: req.histogram.map(|_| DayCollector),
        };
        let mut counting = Vec::with_capacity(req.facets.len());
        for ((&f, v), busy) in req.facets.iter().zip(&values).zip(&held) {
            let into = v.as_ref().filter(|_| busy.is_some());
            let flat = match into {
                Some(v) => Some(Flat {
                    ords: self.facet_ords(f, v)?,
                    values: v.clone(),
                    complement: Some(self.complement(f, req.kind)?),
                }),
                None => None,
            };
            extras.facets.push(facet_collector(f, flat));
            counting.push(into);
        }
        let collectors = (top, Count, extras);
        // A date range without words, its facets counted: on one thread
        // while it holds few documents. (Without facets, its day postings
        // gathered on two threads pay off sooner: no estimate there.)
        let termless = || self.range_work(req);
        let fruits = (self.threads).search_estimated(&self.searcher, query, &collectors, &termless);
        // The counters are read, and so cleared, even when the search failed.
        let counted: Vec<Option<Vec<FacetCount>>> = (counting.iter())
            .map(|into| into.map(|v| v.top_counted(req.facet_limit)))
            .collect();
        drop(held);
        let (ranked, total, extras) = fruits?;
        let mut facets = BTreeMap::new();
        let tallies = req.facets.iter().zip(counted).zip(extras.facets);
        for ((&facet, top), tallies) in tallies {
            let values = match top {
                Some(top) => top,
                None => self.facet_top(facet, &tallies, req.facet_limit, again)?,
            };
            facets.insert(facet.name().to_string(), values);
        }
        let histogram = match (extras.days, req.histogram) {
            (Some(days), Some(interval)) => Some(fold(&days, interval)),
            _ => None,
        };
        Ok((ranked, total, facets, histogram))
    }
}

//! The search engine: an index opened once, answering [`SearchRequest`]s
//! with one pass of collectors over the matching set.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::query::Query;
use tantivy::{DocAddress, Order, Searcher};

use super::complement::{kind_docs, Complement, COMPLEMENT_FROM};
use super::date_filter::documents_in_range;
use super::doc_bits::DocBits;
use super::doc_ords::SegmentDocOrds;
use super::extras::Extras;
use super::facet_values::FacetValues;
use super::facet_values_file::load_facet_values;
use super::facets::{
    facet_collector, facet_field_name, named_counts, sum_values, top_values, Flat, SegmentTally,
    ValueCounts,
};
use super::histogram::{fold, DayCollector};
use super::hits::HitMaker;
use super::parallel::SearchThreads;
use super::query_builder::{build_query, date_bounds, text_query, SpeakerMatch};
use super::renames::{
    compute_renames, load_renames, renamed_into, renames_key, several_word_spellings, RenameMap,
};
use super::speaker_names::{all_speakers, load_aliases};
use super::speakers::{rank, Span, SpeakerCollector, SpeakerCount};
use super::text_parser::TextParser;
use super::{FacetCount, FacetName, SearchRequest, SearchResults, Sort};
use crate::error::Result;
use crate::index::{Fields, IndexLocation, MorgueIndex};
use crate::query::Kind;
use crate::quotes::{Aliases, SpeakerDirectory};

/// An open index, ready to search.
pub struct Engine {
    index: MorgueIndex,
    searcher: Searcher,
    aliases: Aliases,
    speakers: OnceLock<Vec<String>>,
    renames: OnceLock<RenameMap>,
    speakers_asked: AtomicUsize,
    /// Each facet's values decoded, once this engine counts facets again.
    facet_values: [OnceLock<Arc<FacetValues>>; 4],
    /// Each facet's ordinals decoded per document, likewise.
    facet_ords: [OnceLock<SegmentDocOrds>; 4],
    /// The live documents of each kind, once a facet is counted again.
    kind_docs: [OnceLock<Arc<Vec<DocBits>>>; 2],
    /// Each facet's totals over each kind, for broad matches.
    complements: [[OnceLock<Arc<Complement>>; 2]; 4],
    /// Segments with this many documents of the searched kind count broad
    /// matches by complement.
    complement_from: u32,
    /// Searches with facets answered so far.
    facet_searches: AtomicUsize,
    /// How a query's segments are spread over threads.
    threads: SearchThreads,
    /// The text parser, by kind and fuzziness, built on first use.
    parsers: [[OnceLock<TextParser>; 2]; 2],
}

/// Whether a first query saw so many of a facet's values that mapping and
/// checking the kept values of the whole facet (a few tenths of a
/// millisecond for the 53,000 speakers of Reuters 2006-2013) costs less than
/// naming those it saw (about 0.2 us each): from about one value in 32
/// (`lehman` in September 2008 sees 780 speakers of 56,000: faster named;
/// `lehman`, 5,351 of 107,000: faster counted into the kept values).
fn many_seen(tallies: &[SegmentTally]) -> bool {
    let seen: usize = tallies.iter().map(SegmentTally::seen).sum();
    let terms: usize = tallies.iter().map(|t| t.column.num_terms()).sum();
    seen * 32 >= terms
}

/// Speakers resolved one by one before the whole renames map is built.
const SPEAKERS_ONE_BY_ONE: usize = 16;

/// The text query alone (for snippets, when there is one) and the whole query.
type Queries = (Option<Box<dyn Query>>, Box<dyn Query>);

/// A pass's fruits before scores are made uniform: ranked page, count,
/// facets and histogram.
type AllFruits<K> = (
    Vec<(K, DocAddress)>,
    usize,
    BTreeMap<String, Vec<FacetCount>>,
    Option<super::Histogram>,
);

/// What one collector pass gives.
struct Pass {
    total: u64,
    top: Vec<DocAddress>,
    scores: Vec<f32>,
    facets: BTreeMap<String, Vec<super::FacetCount>>,
    histogram: Option<super::Histogram>,
}

impl Engine {
    /// Opens the live index at `location`.
    pub fn open(location: &IndexLocation) -> Result<Engine> {
        Engine::from_index(location.open()?)
    }

    /// Searches an already opened index (aliases from the index folder holding it).
    pub fn from_index(index: MorgueIndex) -> Result<Engine> {
        let searcher = index.reader()?.searcher();
        let root = index.dir().parent().unwrap_or(index.dir()).to_path_buf();
        let aliases = load_aliases(&root)?;
        let kind = index.fields().kind;
        Ok(Engine {
            index,
            searcher,
            aliases,
            speakers: OnceLock::new(),
            renames: OnceLock::new(),
            speakers_asked: AtomicUsize::new(0),
            facet_values: Default::default(),
            facet_ords: Default::default(),
            kind_docs: Default::default(),
            complements: Default::default(),
            complement_from: COMPLEMENT_FROM,
            facet_searches: AtomicUsize::new(0),
            // The kind filter's terms are not work a query promises
            // (every document has one).
            threads: SearchThreads::per_core(Some(kind)),
            parsers: Default::default(),
        })
    }

    /// This engine searches a query's segments on up to `threads` threads
    /// (by default one per core, at most 8; 1: on the calling thread), from
    /// `from` postings of the query's terms (by default
    /// [`super::PARALLEL_FROM`]; 0: every query). The results are the same.
    pub fn with_search_threads(mut self, threads: usize, from: u64) -> Engine {
        let kind = self.fields().kind;
        self.threads = SearchThreads::new(threads, Some(kind)).with_parallel_from(from);
        self
    }

    /// Up to how many threads a query's segments are searched on.
    pub fn search_threads(&self) -> usize {
        self.threads.threads()
    }

    /// This engine counts the facets of a match holding half or more of a
    /// segment's documents of its kind by complement in segments with at
    /// least `docs` of them (by default 4,096; small archives, as in tests,
    /// from fewer). The counts are the same either way.
    pub fn with_complement_from(mut self, docs: u32) -> Engine {
        self.complement_from = docs;
        self
    }

    /// Every speaker of the archive whose name is shown and counted under
    /// another (an alias, or a surname resolved to a full name): read from
    /// the file the indexer keeps beside the index when it is current, else
    /// worked out once, on first use.
    fn renames(&self) -> &RenameMap {
        self.renames.get_or_init(|| {
            self.kept_renames()
                .unwrap_or_else(|| compute_renames(self.speaker_names(), &self.aliases))
        })
    }

    /// The renames the indexer kept beside the index, when they are current.
    fn kept_renames(&self) -> Option<RenameMap> {
        let key = renames_key(&self.searcher, &self.aliases);
        load_renames(self.index.dir(), &key)
    }

    /// Every speaker name of the archive, read once, on first use.
    fn speaker_names(&self) -> &[String] {
        self.speakers
            .get_or_init(|| all_speakers(&self.searcher).unwrap_or_default())
    }

    /// A speaker resolved through a directory of only the names that hold its
    /// last word: the same answer as the whole archive's directory, at a
    /// fraction of the cost (a hit needs one name, not all of them).
    fn resolve_one(&self, speaker: &str) -> String {
        let word = SpeakerDirectory::key_word(speaker);
        let alias = SpeakerDirectory::key_word(self.aliases.canonicalise(speaker));
        let holds = |name: &&String| {
            name.split_whitespace()
                .any(|w| w.eq_ignore_ascii_case(word) || w.eq_ignore_ascii_case(alias))
        };
        let names = self
            .speaker_names()
            .iter()
            .filter(holds)
            .map(String::as_str);
        SpeakerDirectory::build(names, self.aliases.clone()).resolve(speaker)
    }

    /// The name a speaker is shown and counted under: its aliases' canonical
    /// form, a surname alone resolved to the archive's one full name for it,
    /// a name with a word in capitals in its ordinary-case spelling. Only
    /// those need the archive's speakers, so showing hits by full names in
    /// ordinary case never reads them. For many names at once (facets, the
    /// speakers ranking) use the renames map instead.
    pub fn canonical_speaker(&self, name: &str) -> String {
        if !SpeakerDirectory::depends_on_archive(name) {
            return self.aliases.canonicalise(name).to_string();
        }
        // The renames the indexer kept, when current, answer at once (a
        // small file); else a few names (a page of hits) are resolved one by
        // one, and past that the archive-wide renames are cheaper.
        let asked = self.speakers_asked.fetch_add(1, Ordering::Relaxed);
        if asked == 0 && self.renames.get().is_none() {
            if let Some(kept) = self.kept_renames() {
                let _ = self.renames.set(kept);
            }
        }
        if self.renames.get().is_none() && asked < SPEAKERS_ONE_BY_ONE {
            return self.resolve_one(name);
        }
        self.renames()
            .get(name)
            .cloned()
            .unwrap_or_else(|| self.aliases.canonicalise(name).to_string())
    }

    /// What a `--speaker` value matches: itself and, when it names someone in
    /// the aliases files, every listed spelling of them; and, for a name of
    /// several words, the speakers shown under it ("Rubio" alone, resolved to
    /// "Marco Rubio"), so that a filter finds every quote its name is shown on.
    pub fn speaker_match(&self, value: &str) -> SpeakerMatch {
        let mut spellings = vec![value.to_string()];
        let mut groups = self.aliases.groups_matching(value);
        groups.extend(self.aliases.canonical(value));
        for group in groups {
            spellings.extend(self.aliases.variants_of(group));
        }
        spellings.sort();
        spellings.dedup();
        let phrases = several_word_spellings(&spellings);
        let exact = match phrases.is_empty() {
            true => Vec::new(),
            false => renamed_into(self.renames(), &phrases),
        };
        SpeakerMatch { spellings, exact }
    }

    /// The text query alone (for snippets) and the whole query.
    fn queries(&self, req: &SearchRequest) -> Result<Queries> {
        let text = text_query(self.parser(req.kind, req.fuzzy)?, self.fields(), req)?;
        // Only hits shown get snippets.
        let for_snippets = (text.as_ref())
            .filter(|_| req.limit > 0)
            .map(|q| q.box_clone());
        let whole = build_query(self.fields(), req, text, &|v| self.speaker_match(v))?;
        Ok((for_snippets, whole))
    }

    /// The text parser of `kind`'s bare words, fuzzy or not.
    fn parser(&self, kind: Kind, fuzzy: bool) -> Result<&TextParser> {
        let slot = &self.parsers[usize::from(kind == Kind::Quote)][usize::from(fuzzy)];
        if let Some(parser) = slot.get() {
            return Ok(parser);
        }
        let parser = TextParser::new(self.index.index(), self.fields(), kind, fuzzy)?;
        Ok(slot.get_or_init(|| parser))
    }

    /// The searcher on the index's last commit.
    pub fn searcher(&self) -> &Searcher {
        &self.searcher
    }

    /// Field handles.
    pub fn fields(&self) -> &Fields {
        self.index.fields()
    }

    /// The open index.
    pub fn index(&self) -> &MorgueIndex {
        &self.index
    }

    /// Runs a search: total, a page of hits, facet counts, histogram.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        let (text, query) = self.queries(req)?;
        let text = text.filter(|_| req.limit > 0);
        let maker = HitMaker::new(self, text.as_deref(), req)?;
        let mut fetch = req.offset + req.limit;
        if req.collapse {
            fetch = fetch * 2 + 8;
        }
        let mut pass = self.collect(&*query, req, fetch.max(1))?;
        loop {
            let exhausted = pass.top.len() < fetch.max(1);
            let hits = maker.page(&pass.top, &pass.scores, req)?;
            if hits.len() >= req.limit || exhausted {
                return Ok(SearchResults {
                    total: pass.total,
                    hits,
                    facets: pass.facets,
                    histogram: pass.histogram,
                });
            }
            // Too many copies collapsed away: fetch more hits, but count
            // totals, facets and the histogram only once.
            fetch *= 4;
            let ranked_only = SearchRequest {
                facets: Vec::new(),
                histogram: None,
                ..req.clone()
            };
            let more = self.collect(&*query, &ranked_only, fetch)?;
            (pass.top, pass.scores) = (more.top, more.scores);
        }
    }

    /// Who is quoted most among the quotes matching `req`, with first and last day.
    pub fn speakers(&self, req: &SearchRequest, limit: usize) -> Result<Vec<SpeakerCount>> {
        let (_, query) = self.queries(req)?;
        let spans = self
            .threads
            .search(&self.searcher, &*query, &SpeakerCollector)?;
        // Many names at once: the archive-wide renames, worked out once.
        let renames = self.renames();
        let mut merged: HashMap<String, Span> = HashMap::new();
        for (name, span) in spans {
            let canonical = renames.get(&name).cloned().unwrap_or(name);
            merged.entry(canonical).or_default().merge(&span);
        }
        Ok(rank(merged, limit))
    }

    /// The most frequent values of a facet. A first facet search names the
    /// values it saw; an engine that counts facets again decodes each facet's
    /// values once and names only those it shows.
    fn facet_top(
        &self,
        facet: FacetName,
        tallies: &[SegmentTally],
        limit: usize,
        again: bool,
    ) -> Result<Vec<FacetCount>> {
        let values = match again {
            true => Some(self.facet_values(facet)?),
            false if many_seen(tallies) => self.kept_facet_values(facet),
            false => None,
        };
        if let Some(values) = values {
            return Ok(values.top(tallies, limit));
        }
        let counts = named_counts(tallies);
        Ok(match facet {
            FacetName::Speaker => self.merge_speakers(counts, limit),
            _ => top_values(counts, limit),
        })
    }

    /// The values of `facet`, decoded on first use (or read from the
    /// indexer's file).
    fn facet_values(&self, facet: FacetName) -> Result<Arc<FacetValues>> {
        if let Some(values) = self.kept_facet_values(facet) {
            return Ok(values);
        }
        let slot = &self.facet_values[facet as usize];
        let renames = (facet == FacetName::Speaker).then(|| self.renames());
        let rename = |n: &str| renames.and_then(|r| r.get(n)).map(String::as_str);
        let values = FacetValues::build(&self.searcher, facet_field_name(facet), rename)?;
        Ok(slot.get_or_init(|| Arc::new(values)).clone())
    }

    /// The values of `facet` when this engine has them already or the
    /// indexer kept them for these segments: cheap to have, where naming
    /// every value a first query saw is not.
    fn kept_facet_values(&self, facet: FacetName) -> Option<Arc<FacetValues>> {
        let slot = &self.facet_values[facet as usize];
        if let Some(values) = slot.get() {
            return Some(values.clone());
        }
        let key = renames_key(&self.searcher, &self.aliases);
        let values = load_facet_values(self.index.dir(), facet, &key)?;
        Some(slot.get_or_init(|| Arc::new(values)).clone())
    }

    /// Speaker counts with each person counted once under their canonical name.
    fn merge_speakers(&self, counts: ValueCounts, limit: usize) -> Vec<FacetCount> {
        let renames = self.renames();
        if renames.is_empty() {
            return top_values(counts, limit);
        }
        // Most names keep theirs: they stay sorted, and the few renamed ones
        // are added to their canonical name found by binary search.
        let (mut kept, moved): (ValueCounts, ValueCounts) = counts
            .into_iter()
            .partition(|(name, _)| !renames.contains_key(name));
        let mut extra = ValueCounts::new();
        for (name, n) in moved {
            let canonical = &renames[&name];
            match kept.binary_search_by(|(v, _)| v.as_str().cmp(canonical)) {
                Ok(i) => kept[i].1 += n,
                Err(_) => extra.push((canonical.clone(), n)),
            }
        }
        kept.extend(sum_values(extra));
        top_values(kept, limit)
    }

    fn collect(&self, query: &dyn Query, req: &SearchRequest, fetch: usize) -> Result<Pass> {
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

//! The search engine: an index opened once, answering [`SearchRequest`]s
//! with one pass of collectors over the matching set.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use tantivy::query::Query;
use tantivy::{DocAddress, Searcher};

use super::complement::{Complement, COMPLEMENT_FROM};
use super::doc_bits::DocBits;
use super::doc_ords::SegmentDocOrds;
use super::facet_values::FacetValues;
use super::facet_values_file::load_facet_values;
use super::facets::{
    facet_field_name, named_counts, sum_values, top_values, SegmentTally, ValueCounts,
};
use super::hits::HitMaker;
use super::parallel::SearchThreads;
use super::query_builder::{build_query, text_query, SpeakerMatch};
use super::renames::{
    compute_renames, load_renames, renamed_into, renames_key, several_word_spellings, RenameMap,
};
use super::speaker_names::{all_speakers, load_aliases};
use super::speakers::{rank, Span, SpeakerCollector, SpeakerCount};
use super::text_parser::TextParser;
use super::{FacetCount, FacetName, Ranked, SearchRequest, SearchResults};

mod passes;
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
        // A request for no hits (counts, facets, a histogram) ranks nothing:
        // its pass scores no document.
        let mut fetch = match req.limit {
            0 => 0,
            n => req.offset + n,
        };
        if req.collapse && fetch > 0 {
            fetch = fetch * 2 + 8;
        }
        let mut pass = self.collect(&*query, req, fetch)?;
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

    /// A search that ranks without fetching: the addresses of the first
    /// `req.offset + req.limit` hits (one at least) in the request's order,
    /// scored where it is by relevance, with the total and the facets and
    /// histogram asked for. What the baselines' search benches time.
    pub fn rank(&self, req: &SearchRequest) -> Result<Ranked> {
        let (_, query) = self.queries(req)?;
        let fetch = (req.offset + req.limit).max(1);
        let pass = self.collect(&*query, req, fetch)?;
        Ok(Ranked {
            total: pass.total,
            top: pass.top,
            facets: pass.facets,
            histogram: pass.histogram,
        })
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
}

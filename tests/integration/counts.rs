//! Requests that rank nothing or rank without fetching: counts, facets and
//! histograms of a request for no hits, and `Engine::rank`, each checked
//! against the search that shows a page.

use crate::env::{sample_env, TestEnv};
use crate::queries::every_facet;

/// A request for no hits (counts, facets, a histogram) is searched without
/// scores, its matches handed over a block at a time (one by one where a
/// segment holds deleted documents): its total, facets and histogram must
/// be those of the same request for a page of hits, for articles and
/// quotes, with and without facets, a date range or copies collapsed, on
/// an index before and after a file is deleted.
#[test]
fn a_request_for_no_hits_counts_what_a_page_request_counts() {
    let env = TestEnv::new();
    let files = env.copy_sample_corpus();
    env.index_ok();
    counts_without_a_page_are_the_paged_counts(&env);
    std::fs::remove_file(env.clippings.join(&files[2])).unwrap();
    env.index_ok();
    counts_without_a_page_are_the_paged_counts(&env);
}

fn counts_without_a_page_are_the_paged_counts(env: &TestEnv) {
    use morgue::search::{Engine, SearchRequest, SearchResults};
    let location = morgue::index::IndexLocation::new(&env.index);
    let engine = Engine::open(&location).unwrap();
    let what = |r: &SearchResults| serde_json::to_value((r.total, &r.facets, &r.histogram));
    for req in requests_for_counts() {
        let counted = engine.search(&req).unwrap();
        assert!(counted.hits.is_empty());
        let page = SearchRequest {
            limit: 10,
            ..req.clone()
        };
        let paged = engine.search(&page).unwrap();
        assert!(paged.total > 0 && !paged.hits.is_empty(), "{req:?}");
        let (counted, paged) = (what(&counted).unwrap(), what(&paged).unwrap());
        assert_eq!(counted, paged, "{req:?}");
    }
}

/// Requests for no hits: articles and quotes, a few texts, each with every
/// facet and a histogram, and with a date range and copies collapsed.
fn requests_for_counts() -> Vec<morgue::search::SearchRequest> {
    use morgue::query::{DateRange, Kind};
    use morgue::search::Interval;
    let december = DateRange::new(
        chrono::NaiveDate::from_ymd_opt(2025, 12, 1),
        chrono::NaiveDate::from_ymd_opt(2025, 12, 31),
    );
    let texts = [
        "",
        "ukraine",
        "minister OR government",
        "\"the government\"",
    ];
    let mut all = Vec::new();
    for kind in [Kind::Article, Kind::Quote] {
        for text in texts {
            let mut faceted = every_facet(text, kind, 1000);
            faceted.histogram = Some(Interval::Month);
            let mut ranged = every_facet(text, kind, 1000);
            ranged.facets.clear();
            ranged.filters.dates = december;
            ranged.collapse = true;
            all.extend([faceted, ranged]);
        }
    }
    all
}

/// `Engine::rank` (what `morgue bench --ranked` times) ranks what a search
/// shows: the same documents in the same order, the same total and facets,
/// for articles and quotes, by relevance and by date.
#[test]
fn ranking_without_fetching_gives_the_search_order() {
    use morgue::query::Kind;
    use morgue::search::{Engine, Hit, SearchRequest, Sort};
    use tantivy::schema::Value;
    let env = sample_env();
    let engine = Engine::open(&morgue::index::IndexLocation::new(&env.index)).unwrap();
    // An article's title, a quote's text: what each kind's hit shows.
    let shown_text = |addr, field| {
        let doc: tantivy::TantivyDocument = engine.searcher().doc(addr).unwrap();
        let value = doc.get_first(field).and_then(|v| v.as_str());
        value.unwrap_or_default().to_string()
    };
    for (kind, sort) in [
        (Kind::Article, Sort::Relevance),
        (Kind::Quote, Sort::Newest),
    ] {
        let req = SearchRequest {
            limit: 7,
            sort,
            collapse: false,
            ..every_facet("ukraine", kind, 10)
        };
        let (ranked, shown) = (engine.rank(&req).unwrap(), engine.search(&req).unwrap());
        assert_eq!((ranked.total, &ranked.facets), (shown.total, &shown.facets));
        let field = match kind {
            Kind::Article => engine.fields().title,
            Kind::Quote => engine.fields().text,
        };
        let text = |h: Hit| h.text.unwrap_or(h.title);
        let ranked: Vec<String> = (ranked.top.into_iter())
            .map(|a| shown_text(a, field))
            .collect();
        let shown: Vec<String> = shown.hits.into_iter().map(text).collect();
        assert_eq!((ranked.len(), &ranked), (7, &shown), "{kind:?}");
    }
}

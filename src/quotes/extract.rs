//! The entry point: [`extract`] finds the direct quotes of an article body and their
//! speakers.

use super::attribution::{Attributor, Source};
use super::caps::in_reading_case;
use super::common_words;
use super::direct::{self, word_count};
use super::doc::Doc;
use super::entities::Entities;
use super::mentions::{self, Mention};
use super::pronouns;
use super::quote::Quote;
use super::speakers::{Candidate, Speakers};

/// Extracts the direct quotes of an article body, in order, each with its speaker (the
/// fullest name the article gives, an organisation, or `None` when anonymous).
///
/// `body` is the article text: paragraphs separated by blank lines. Pure and
/// panic-free on any input. Stretches in capitals are analysed recased
/// (see [`caps`](super::caps)); the quotes' words are the body's own.
pub fn extract(body: &str) -> Vec<Quote> {
    let reading = in_reading_case(body);
    let mut doc = Doc::scan(&reading);
    let long_span =
        |s: &super::marks::Span| word_count(body.get(s.start..s.end).unwrap_or("")) >= 3;
    if !doc.spans.iter().any(long_span) {
        return Vec::new();
    }
    doc.analyse();
    let long: Vec<bool> = doc.spans.iter().map(long_span).collect();
    let quoted: Vec<bool> = doc
        .span_of
        .iter()
        .map(|s| s.is_some_and(|k| long.get(k as usize).copied().unwrap_or(false)))
        .collect();
    let mut found_mentions = mentions::find(&doc, &quoted);
    let mut entities = Entities::build(&doc, &mut found_mentions);
    let (cands, events) = {
        let attr = Attributor::new(&doc, &found_mentions);
        let cands = candidates(&doc, &attr);
        if cands.is_empty() {
            return Vec::new();
        }
        let used: Vec<usize> = cands
            .iter()
            .filter_map(|c| c.found.map(|f| f.verb))
            .collect();
        (cands, attr.events(&quoted, &used))
    };
    mark_speakers(&mut found_mentions, &mut entities, &cands, &events);
    pronouns::infer_kinds_and_genders(&doc, &found_mentions, &mut entities, &quoted);
    let mut names = Speakers::new(&doc, &found_mentions, &entities).assign(&cands, &events);
    common_words::drop_common_words(body, &mut names);
    cands
        .iter()
        .zip(names)
        .map(|(c, speaker)| {
            let s = doc.spans[c.span];
            Quote {
                text: body[s.start..s.end].to_string(),
                speaker,
                start: s.start,
                end: s.end,
            }
        })
        .collect()
}

/// The direct-quote spans with their own attributions.
fn candidates(doc: &Doc, attr: &Attributor) -> Vec<Candidate> {
    (0..doc.spans.len())
        .filter_map(|k| {
            let post = attr.after(k);
            let pre = attr.before(k);
            if direct::is_direct(doc, attr, k, pre.as_ref(), post.as_ref()) {
                return Some(Candidate {
                    span: k,
                    found: post.or(pre),
                });
            }
            let found = post.filter(|f| f.tight).or_else(|| attr.in_sentence(k));
            direct::is_partial(doc, attr, k, found.as_ref()).then_some(Candidate { span: k, found })
        })
        .collect()
}

/// Flags the mentions that are subjects of reporting verbs as speakers (and people).
fn mark_speakers(
    mentions: &mut [Mention],
    entities: &mut Entities,
    cands: &[Candidate],
    events: &[super::attribution::Found],
) {
    let sources = cands
        .iter()
        .filter_map(|c| c.found)
        .chain(events.iter().copied());
    for f in sources {
        if let Source::Mention(m) = f.source {
            if let Some(mention) = mentions.get_mut(m) {
                mention.speaker = true;
                entities.promote(mention.entity);
            }
        }
    }
}

#[cfg(test)]
#[path = "extract_test.rs"]
mod tests;

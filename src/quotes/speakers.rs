//! Speaker assignment: resolves each attribution's subject (name, pronoun, role) to the
//! fullest name of its entity, and credits quotes without an attribution of their own
//! to the speaker of the previous quote or reporting clause in the same or the previous
//! paragraph (continuation quotes).

use super::attribution::{Found, Source};
use super::doc::Doc;
use super::entities::Entities;
use super::mentions::Mention;
use super::pronouns;

/// A direct quote candidate: its span and the attribution found around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Index of the quoted span.
    pub span: usize,
    /// The quote's own attribution, if any.
    pub found: Option<Found>,
}

/// Resolves sources to speaker names for one article.
#[derive(Debug)]
pub(crate) struct Speakers<'x, 'a> {
    doc: &'x Doc<'a>,
    mentions: &'x [Mention],
    entities: &'x Entities<'a>,
}

impl<'x, 'a> Speakers<'x, 'a> {
    /// Bundles the article's analyses.
    pub fn new(doc: &'x Doc<'a>, mentions: &'x [Mention], entities: &'x Entities<'a>) -> Self {
        Speakers {
            doc,
            mentions,
            entities,
        }
    }

    /// The name a source stands for, or `None` for anonymous and unresolvable ones.
    pub fn resolve(&self, source: Source) -> Option<String> {
        match source {
            Source::Mention(m) => self.entities.speaker(self.mentions.get(m)?.entity),
            Source::Pronoun(p, tok) => {
                let e = pronouns::resolve(self.doc, self.mentions, self.entities, p, tok)?;
                self.entities.speaker(e)
            }
            Source::Role(role, tok) => {
                let m = self
                    .mentions
                    .iter()
                    .rev()
                    .filter(|m| m.last < tok)
                    .find(|m| {
                        self.entities
                            .list
                            .get(m.entity)
                            .is_some_and(|e| e.roles.contains(&role))
                    })?;
                self.entities.speaker(m.entity)
            }
            Source::Anonymous => None,
        }
    }

    /// Speakers for all candidates, in order, using `events` (reporting clauses outside
    /// quotes) for quotes that have no attribution of their own.
    pub fn assign(&self, cands: &[Candidate], events: &[Found]) -> Vec<Option<String>> {
        let doc = self.doc;
        let mut out: Vec<Option<String>> = Vec::with_capacity(cands.len());
        let mut last: Option<(usize, Option<String>)> = None;
        let mut ev = events.iter().peekable();
        for (i, c) in cands.iter().enumerate() {
            let s = doc.spans[c.span];
            while let Some(e) = ev.next_if(|e| doc.tokens[e.verb].start < s.open) {
                last = Some((doc.para_of[e.verb] as usize, self.resolve(e.source)));
            }
            let speaker = match c.found {
                Some(f) => self.resolve(f.source),
                None if self.continues(cands, i) => out.last().cloned().flatten(),
                None => last
                    .as_ref()
                    .filter(|(p, _)| p + 1 >= s.para)
                    .and_then(|(_, sp)| sp.clone()),
            };
            last = Some((s.para, speaker.clone()));
            out.push(speaker);
        }
        out
    }

    /// True when candidate `i` reopens a quote left open at the end of the previous one.
    fn continues(&self, cands: &[Candidate], i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).map(|p| self.doc.spans[cands[p].span]) else {
            return false;
        };
        let s = self.doc.spans[cands[i].span];
        !prev.closed && prev.para + 1 == s.para && self.doc.paras[s.para].start == s.open
    }
}

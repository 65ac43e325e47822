//! Attribution: finds who a quote is credited to in the text around it — after the
//! closing mark (`"…," Rubio said`, `"…," said Jane Doe`, `"…," according to X`) or
//! before the opening mark (`Rubio told reporters: "…"`, `, he added, "…"`) — and the
//! reporting clauses outside quotes (`Umerov said on social media that…`).

use super::doc::Doc;
use super::mentions::Mention;
use super::names::NameKind;
use super::tokens::{Kind, LOWER_WORD};
use super::verbs;
use super::wordclass::{is_clause_word, is_passive_auxiliary};

/// A pronoun standing for a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// he
    He,
    /// she
    She,
    /// they / it: an organisation or a group
    They,
    /// I / we: the writer
    First,
    /// "the 24-year-old": a person of either gender
    Person,
}

/// Who a reporting verb's subject is, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// A name mention (index into the mention list).
    Mention(usize),
    /// A pronoun at a token index.
    Pronoun(Pronoun, usize),
    /// A definite description naming a role ("the secretary") at a token index.
    Role(&'static str, usize),
    /// An anonymous or lowercase source ("a senior official", "the newspaper").
    Anonymous,
}

/// A reporting verb with its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    /// The subject.
    pub source: Source,
    /// Token index of the reporting verb.
    pub verb: usize,
    /// The attribution starts right at the closing mark.
    pub tight: bool,
}

/// Finds attributions in one analysed article.
#[derive(Debug)]
pub(crate) struct Attributor<'d, 'a> {
    pub(super) doc: &'d Doc<'a>,
    pub(super) mentions: &'d [Mention],
    pub(super) mention_at: Vec<Option<usize>>,
    verb_at: Vec<bool>,
}

pub(super) fn pronoun(w: &str) -> Option<Pronoun> {
    match w {
        "he" | "He" => Some(Pronoun::He),
        "she" | "She" => Some(Pronoun::She),
        "they" | "They" | "it" | "It" => Some(Pronoun::They),
        "I" | "we" | "We" => Some(Pronoun::First),
        _ => None,
    }
}

impl<'d, 'a> Attributor<'d, 'a> {
    /// Prepares lookups from tokens to mentions.
    pub fn new(doc: &'d Doc<'a>, mentions: &'d [Mention]) -> Self {
        let mut mention_at = vec![None; doc.tokens.len()];
        for (i, m) in mentions.iter().enumerate() {
            for slot in mention_at.iter_mut().take(m.last + 1).skip(m.lead) {
                *slot = Some(i);
            }
        }
        let mut attr = Attributor {
            doc,
            mentions,
            mention_at,
            verb_at: Vec::new(),
        };
        attr.verb_at = (0..doc.tokens.len()).map(|i| attr.verb_test(i)).collect();
        attr
    }

    pub(super) fn word(&self, i: usize) -> &'a str {
        if self.doc.is_word(i) {
            self.doc.text(i)
        } else {
            ""
        }
    }

    pub(super) fn is_verb(&self, i: usize) -> bool {
        self.verb_at.get(i).copied().unwrap_or(false)
    }

    fn verb_test(&self, i: usize) -> bool {
        let w = self.word(i);
        if !(3..=14).contains(&w.len()) {
            return false;
        }
        if !self.doc.has(i, LOWER_WORD) {
            // Only an inverted sentence opener: "Said Ellis: …".
            let opens_sentence = i == 0 || self.doc.sent_of[i - 1] != self.doc.sent_of[i];
            let name_next = self.mention_at.get(i + 1).is_some_and(Option::is_some);
            if !(opens_sentence && name_next) {
                return false;
            }
        }
        let (strong, weak) = verbs::verb_kinds(w);
        strong
            || (weak
                && i.checked_sub(1).is_some_and(|p| {
                    pronoun(self.word(p)).is_some()
                        || self.mention_at[p].is_some_and(|m| !self.mentions[m].possessive)
                }))
    }

    /// Token range after span `k`'s closing mark, up to the end of its sentence, and
    /// whether only a tight attribution may be read there (after "?" or "!").
    pub fn post_window(&self, k: usize) -> (usize, usize, bool) {
        let doc = self.doc;
        let s = doc.spans[k];
        let a = doc.token_at(s.close);
        if !s.closed || a >= doc.tokens.len() || doc.para_of[a] as usize != s.para {
            return (a, a, false);
        }
        let inner = doc.token_at(s.end).saturating_sub(1);
        let content = doc.body.get(s.start..s.end).unwrap_or("");
        let last = content.trim_end_matches(|c: char| super::marks::is_quote_char(c));
        let crosses = doc.sent_of[a] != doc.sent_of[inner];
        if crosses && !last.ends_with(['?', '!']) {
            return (a, a, false);
        }
        let next_open = doc.spans.get(k + 1).map_or(usize::MAX, |n| n.open);
        let mut b = a;
        while b < doc.tokens.len()
            && doc.para_of[b] == doc.para_of[a]
            && doc.sent_of[b] == doc.sent_of[a]
            && doc.tokens[b].start < next_open
        {
            b += 1;
        }
        (a, b, crosses)
    }

    /// Token range before span `k`'s opening mark, back to its sentence start.
    pub fn pre_window(&self, k: usize) -> (usize, usize) {
        let doc = self.doc;
        let s = doc.spans[k];
        let b = doc.token_at(s.open);
        let first = doc
            .token_at(s.start)
            .min(doc.tokens.len().saturating_sub(1));
        let floor = match k.checked_sub(1).map(|p| doc.spans[p]) {
            Some(p) if p.para == s.para => doc.token_at(p.close),
            _ => 0,
        };
        let mut lo = b;
        while lo > floor
            && doc.para_of[lo - 1] as usize == s.para
            && doc.sent_of.get(lo - 1) == doc.sent_of.get(first)
        {
            lo -= 1;
        }
        (lo, b)
    }

    /// The attribution after span `k` (`"…," Rubio said`).
    pub fn after(&self, k: usize) -> Option<Found> {
        let (a, b, tight_only) = self.post_window(k);
        if let Some(found) = self.dash_signature(a, b) {
            return Some(found);
        }
        let mut i = a;
        while i < b && self.doc.tokens[i].kind != Kind::Word {
            i += 1;
        }
        if i >= b {
            return None;
        }
        let found = self.clause_at(i, b)?;
        let tight = found.verb <= i + 6;
        (!tight_only || found.verb <= i + 20).then_some(Found { tight, ..found })
    }

    /// A quote signed with a dash: `"…" — Sonya Herridge`.
    fn dash_signature(&self, a: usize, b: usize) -> Option<Found> {
        let dash = matches!(self.doc.text(a), "—" | "―" | "–" | "-");
        let m = self
            .mention_at
            .get(a + 1)
            .copied()
            .flatten()
            .filter(|_| dash)?;
        let mention = &self.mentions[m];
        let after = mention.last + 1;
        let ends = after >= b || self.doc.is_punct(after, ",") || self.doc.is_punct(after, ".");
        (mention.lead == a + 1 && ends && mention.kind != NameKind::Place).then_some(Found {
            source: Source::Mention(m),
            verb: a,
            tight: true,
        })
    }

    /// A reporting clause opening at token `i` (subject-verb or verb-subject).
    fn clause_at(&self, i: usize, b: usize) -> Option<Found> {
        if self.word(i) == "according" && self.word(i + 1) == "to" {
            let source = self.subject_after(i + 2, b)?;
            return Some(Found {
                source,
                verb: i,
                tight: true,
            });
        }
        if self.is_verb(i) {
            let source = self.subject_after(i + 1, b)?;
            return Some(Found {
                source,
                verb: i,
                tight: true,
            });
        }
        if is_clause_word(self.word(i)) {
            return None;
        }
        let limit = b.min(i + 30);
        let v = (i..limit).find(|&j| self.is_verb(j))?;
        let mut depth = 0i32;
        for j in i..v {
            if self.doc.is_punct(j, "(") {
                depth += 1;
            } else if self.doc.is_punct(j, ")") {
                depth -= 1;
            } else if depth <= 0 && !self.in_noun_phrase(j) {
                return None;
            }
        }
        let source = self.quoted_as(v, b).or_else(|| self.subject_before(i, v))?;
        Some(Found {
            source,
            verb: v,
            tight: false,
        })
    }

    /// "The paper quoted an Emirates spokesperson as saying": who is
    /// quoted, when verb `v` is an active "quoted … as saying" ("Rake was
    /// quoted in the FT as saying" names its speaker before the verb).
    fn quoted_as(&self, v: usize, b: usize) -> Option<Source> {
        let passive = v
            .checked_sub(1)
            .is_some_and(|p| is_passive_auxiliary(self.word(p)));
        if self.word(v) != "quoted" || passive {
            return None;
        }
        let as_at = (v + 1..b.min(v + 14)).find(|&j| {
            self.word(j) == "as" && matches!(self.word(j + 1), "saying" | "telling" | "writing")
        })?;
        self.subject_after(v + 1, as_at)
    }

    /// The attribution before span `k` (`Rubio said: "…"`).
    pub fn before(&self, k: usize) -> Option<Found> {
        let (lo, b) = self.pre_window(k);
        match (lo..b).rev().find(|&j| self.is_verb(j)) {
            Some(v) => self.clause_ending(lo, v, b),
            None => {
                // "Obama is rolling out a new message: "…"": the sentence's subject.
                let last = (lo..b)
                    .rev()
                    .find(|&j| self.doc.tokens[j].kind != Kind::Mark)?;
                let source = self
                    .first_subject(lo, last)
                    .filter(|_| self.doc.is_punct(last, ":"))?;
                Some(Found {
                    source,
                    verb: last,
                    tight: false,
                })
            }
        }
    }

    /// The reporting clause earlier in the sentence of span `k`, looking past other
    /// quotes: `Powell said the Fed would "keep doing our jobs."`.
    pub fn in_sentence(&self, k: usize) -> Option<Found> {
        let doc = self.doc;
        let s = doc.spans[k];
        let b = doc.token_at(s.open);
        let first = doc
            .token_at(s.start)
            .min(doc.tokens.len().saturating_sub(1));
        let mut lo = b;
        while lo > 0
            && doc.para_of[lo - 1] as usize == s.para
            && doc.sent_of.get(lo - 1) == doc.sent_of.get(first)
        {
            lo -= 1;
        }
        let mut fallback = None;
        for v in (lo..b).filter(|&j| doc.span_of[j].is_none() && self.is_verb(j)) {
            match self.clause_ending(lo, v, b) {
                Some(f) if self.is_named(f.source) => return Some(f),
                found => fallback = fallback.or(found),
            }
        }
        fallback
    }

    /// True for sources naming someone: a pronoun, a role or a non-place mention.
    fn is_named(&self, source: Source) -> bool {
        match source {
            Source::Mention(m) => self.mentions[m].kind != NameKind::Place,
            Source::Anonymous => false,
            _ => true,
        }
    }

    /// The subject of reporting verb `v` in the clause `lo..b`.
    fn clause_ending(&self, lo: usize, v: usize, b: usize) -> Option<Found> {
        let w = self.word(v);
        if let Some(source) = self.quoted_as(v, b) {
            return Some(Found {
                source,
                verb: v,
                tight: false,
            });
        }
        let source = if w == "according" {
            if self.word(v + 1) != "to" {
                return None;
            }
            self.subject_after(v + 2, b)
        } else if verbs::is_participle(w) {
            // "Trump saying, "…"", or the sentence's subject: "Trump left, adding: "…"".
            let adjacent = v.checked_sub(1).filter(|&t| t >= lo).and_then(|t| {
                let m = self.mention_at[t].filter(|&m| self.mentions[m].last == t);
                match pronoun(self.word(t)) {
                    Some(p) => Some(Source::Pronoun(p, t)),
                    None => m
                        .filter(|&m| !self.mentions[m].possessive)
                        .map(Source::Mention),
                }
            });
            let earlier = (lo..v).rev().find(|&j| self.is_verb(j));
            match (adjacent.or_else(|| self.first_subject(lo, v)), earlier) {
                (Some(s), _) => Some(s),
                (None, Some(e)) => return self.clause_ending(lo, e, v),
                (None, None) => None,
            }
        } else if matches!(w, "told" | "tells" | "tell") {
            // "Attiyah told Reuters …": who is told is no speaker (the
            // quote stays, its teller unknown when not found before).
            self.subject_before(lo, v).or(Some(Source::Anonymous))
        } else {
            self.subject_before(lo, v)
                .or_else(|| self.subject_after(v + 1, b))
        }?;
        Some(Found {
            source,
            verb: v,
            tight: false,
        })
    }
}

//! Reporting clauses outside quotes ("Umerov said on social media that…", "Sanders
//! made the following comment:"), used to credit quotes that have no attribution of
//! their own.

use super::attribution::{Attributor, Found, Source};
use super::verbs;
use super::wordclass::is_verb_filler;

impl<'d, 'a> Attributor<'d, 'a> {
    /// Reporting clauses outside quotes (`Umerov said on social media that…`), skipping
    /// the verbs in `used`.
    pub fn events(&self, quoted: &[bool], used: &[usize]) -> Vec<Found> {
        let doc = self.doc;
        let mut out = Vec::new();
        for v in 0..doc.tokens.len() {
            if !self.is_verb(v) || quoted[v] || used.contains(&v) {
                continue;
            }
            let w = self.word(v);
            if w == "according" || verbs::is_participle(w) || self.negated(v) {
                continue;
            }
            let mut lo = v;
            while lo > 0 && v - lo < 30 && doc.sent_of[lo - 1] == doc.sent_of[v] && !quoted[lo - 1]
            {
                lo -= 1;
            }
            let source = self.subject_before(lo, v);
            if source == Some(Source::Anonymous) && self.describes_speaker(v, used) {
                // "“…,” said Lena Ortiz, a Democrat who wrote the bill.
                // “…”": a relative clause on the speaker just credited,
                // no one else's report.
                continue;
            }
            if let Some(source) = source {
                out.push(Found {
                    source,
                    verb: v,
                    tight: false,
                });
            }
        }
        out.extend(self.colon_events(quoted));
        out.sort_by_key(|f| f.verb);
        out
    }

    /// True when verb `v` opens a relative clause ("who wrote the bill")
    /// in the sentence of a quote's attribution before it (a verb of
    /// `used`): the clause tells of the speaker that attribution credits.
    fn describes_speaker(&self, v: usize, used: &[usize]) -> bool {
        let sent = self.doc.sent_of[v];
        let relative = v
            .checked_sub(1)
            .is_some_and(|p| matches!(self.word(p), "who" | "which"));
        relative && used.iter().any(|&u| u < v && self.doc.sent_of[u] == sent)
    }

    /// Paragraphs ending with a colon that introduce a quote: "Sanders made the
    /// following comment:" credits the next paragraph's quote to the sentence subject.
    pub(super) fn colon_events(&self, quoted: &[bool]) -> Vec<Found> {
        let doc = self.doc;
        let mut out = Vec::new();
        for (c, &inside) in quoted.iter().enumerate() {
            let para_end = doc.para_of.get(c + 1) != doc.para_of.get(c);
            if !para_end || inside || !doc.is_punct(c, ":") {
                continue;
            }
            let mut lo = c;
            while lo > 0 && doc.sent_of[lo - 1] == doc.sent_of[c] {
                lo -= 1;
            }
            if (lo..c).any(|j| self.is_verb(j)) {
                continue;
            }
            if let Some(source) = self.first_subject(lo, c) {
                out.push(Found {
                    source,
                    verb: c,
                    tight: false,
                });
            }
        }
        out
    }

    /// True when the verb at `v` is negated ("he didn't say").
    pub(super) fn negated(&self, v: usize) -> bool {
        let mut k = v;
        while k > 0 && is_verb_filler(self.word(k - 1)) {
            k -= 1;
        }
        k.checked_sub(1).is_some_and(|p| {
            let w = self.word(p);
            w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n’t")
        })
    }
}

//! Attribution: finds who a quote is credited to in the text around it — after the
//! closing mark (`"…," Rubio said`, `"…," said Jane Doe`, `"…," according to X`) or
//! before the opening mark (`Rubio told reporters: "…"`, `, he added, "…"`) — and the
//! reporting clauses outside quotes (`Umerov said on social media that…`).

use super::doc::Doc;
use super::lexicon;
use super::mentions::Mention;
use super::names::NameKind;
use super::tokens::Kind;
use super::verbs;

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
    doc: &'d Doc<'a>,
    mentions: &'d [Mention],
    mention_at: Vec<Option<usize>>,
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "for"
            | "of"
            | "to"
            | "with"
            | "by"
            | "from"
            | "at"
            | "in"
            | "on"
            | "about"
            | "against"
            | "among"
            | "including"
            | "like"
            | "toward"
            | "towards"
            | "under"
            | "over"
            | "between"
            | "without"
            | "within"
            | "despite"
            | "via"
            | "per"
            | "than"
            | "behind"
    )
}

/// Words that open a subordinate clause rather than a subject ("when Clinton said").
fn is_clause_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "when"
            | "as"
            | "after"
            | "before"
            | "while"
            | "because"
            | "if"
            | "and"
            | "but"
            | "which"
            | "who"
            | "that"
            | "where"
            | "since"
            | "until"
            | "though"
            | "although"
            | "so"
            | "or"
            | "than"
            | "whether"
            | "once"
            | "unless"
    )
}

/// Lowercase heads of anonymous sources ("officials said", "a spokesman said").
fn is_anonymous_head(w: &str) -> bool {
    w.ends_with('s')
        || matches!(
            w,
            "official"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "source"
                | "aide"
                | "analyst"
                | "expert"
                | "adviser"
                | "advisor"
                | "lawyer"
                | "attorney"
                | "statement"
                | "report"
                | "spokesmen"
                | "people"
                | "police"
                | "staff"
        )
}

fn pronoun(w: &str) -> Option<Pronoun> {
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
        Attributor {
            doc,
            mentions,
            mention_at,
        }
    }

    fn word(&self, i: usize) -> &'a str {
        if self.doc.is_word(i) {
            self.doc.text(i)
        } else {
            ""
        }
    }

    fn is_verb(&self, i: usize) -> bool {
        let w = self.word(i);
        let opens_sentence = i == 0 || self.doc.sent_of[i - 1] != self.doc.sent_of[i];
        if !w.starts_with(|c: char| c.is_lowercase()) && !opens_sentence {
            return false;
        }
        verbs::is_reporting_verb(w)
            || (verbs::is_weak_reporting_verb(w)
                && i.checked_sub(1).is_some_and(|p| {
                    pronoun(self.word(p)).is_some()
                        || self.mention_at[p].is_some_and(|m| !self.mentions[m].possessive)
                }))
    }

    /// Index of the "(" matching the ")" at `t`, if it lies within `lo..t`.
    fn open_paren(&self, lo: usize, t: usize) -> Option<usize> {
        if !self.doc.is_punct(t, ")") {
            return None;
        }
        (lo..t).rev().take(12).find(|&j| self.doc.is_punct(j, "("))
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
        let source = self.subject_before(i, v)?;
        Some(Found {
            source,
            verb: v,
            tight: false,
        })
    }

    /// True for tokens that may appear inside a subject phrase: words, commas, and the
    /// periods of abbreviations ("Mr.", "H.").
    fn in_noun_phrase(&self, j: usize) -> bool {
        let doc = self.doc;
        doc.is_word(j)
            || doc.is_punct(j, ",")
            || doc.tokens[j].kind == Kind::Mark
            || (doc.is_punct(j, ".")
                && (j > 0 && lexicon::is_abbreviation(self.word(j - 1))
                    || doc.is_punct(j + 1, ",")))
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
        let v = (lo..b)
            .rev()
            .find(|&j| doc.span_of[j].is_none() && self.is_verb(j))?;
        self.clause_ending(lo, v, b)
    }

    /// The subject of reporting verb `v` in the clause `lo..b`.
    fn clause_ending(&self, lo: usize, v: usize, b: usize) -> Option<Found> {
        let w = self.word(v);
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

    /// The first mention of a person or organisation in `lo..hi` that opens a clause.
    fn first_subject(&self, lo: usize, hi: usize) -> Option<Source> {
        let m = (lo..hi).filter_map(|j| self.mention_at[j]).find(|&m| {
            let x = &self.mentions[m];
            x.subject && !x.possessive && !matches!(x.kind, NameKind::Place | NameKind::Role)
        })?;
        Some(Source::Mention(m))
    }

    /// Reporting clauses outside quotes (`Umerov said on social media that…`), skipping
    /// the verbs in `used`.
    pub fn events(&self, quoted: &[bool], used: &[usize]) -> Vec<Found> {
        let doc = self.doc;
        let mut out = Vec::new();
        for v in 0..doc.tokens.len() {
            if quoted[v] || used.contains(&v) || !self.is_verb(v) {
                continue;
            }
            let w = self.word(v);
            if w == "according" || verbs::is_participle(w) || self.negated(v) {
                continue;
            }
            let mut lo = v;
            while lo > 0 && v - lo < 12 && doc.sent_of[lo - 1] == doc.sent_of[v] && !quoted[lo - 1]
            {
                lo -= 1;
            }
            if let Some(source) = self.subject_before(lo, v) {
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

    /// Paragraphs ending with a colon that introduce a quote: "Sanders made the
    /// following comment:" credits the next paragraph's quote to the sentence subject.
    fn colon_events(&self, quoted: &[bool]) -> Vec<Found> {
        let doc = self.doc;
        let mut out = Vec::new();
        for c in 0..doc.tokens.len() {
            let para_end = doc.para_of.get(c + 1) != doc.para_of.get(c);
            if !para_end || quoted[c] || !doc.is_punct(c, ":") {
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
    fn negated(&self, v: usize) -> bool {
        let mut k = v;
        while k > 0 && verbs::is_verb_filler(self.word(k - 1)) {
            k -= 1;
        }
        k.checked_sub(1).is_some_and(|p| {
            let w = self.word(p);
            w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n’t")
        })
    }

    /// The subject phrase ending just before verb `v` (fillers like "also" skipped).
    fn subject_before(&self, lo: usize, v: usize) -> Option<Source> {
        let mut k = v;
        while k > lo && verbs::is_verb_filler(self.word(k - 1)) {
            k -= 1;
        }
        let t = k.checked_sub(1).filter(|&t| t >= lo)?;
        if let Some(p) = pronoun(self.word(t)) {
            return Some(Source::Pronoun(p, t));
        }
        if let Some(p) = self.open_paren(lo, t) {
            // "Rep. Gwen Moore (D-Wis.) said".
            return self.subject_before(lo, p);
        }
        if self.doc.is_punct(t, ",") {
            return self.appositive_head(lo.max(t.saturating_sub(30)), t);
        }
        self.subject_head(lo, k)
    }

    /// The head of "Jane Doe, the bank's chief economist, said": the first comma-separated
    /// piece that names someone.
    fn appositive_head(&self, lo: usize, t: usize) -> Option<Source> {
        let mut start = lo;
        let mut first = None;
        for c in (lo..t).filter(|&j| self.doc.is_punct(j, ",")) {
            match self.subject_head(start, c) {
                Some(Source::Anonymous) | None => first = first.or(Some(Source::Anonymous)),
                found => return found,
            }
            start = c + 1;
        }
        first
    }

    /// Classifies the noun phrase ending at token `end - 1`.
    fn subject_head(&self, lo: usize, end: usize) -> Option<Source> {
        let t = end.checked_sub(1).filter(|&t| t >= lo)?;
        if let Some(p) = self.open_paren(lo, t) {
            return self.subject_head(lo, p);
        }
        if let Some(m) = self.mention_at[t] {
            return Some(self.named_source(lo, m, t));
        }
        if !self.doc.is_word(t) {
            return None;
        }
        let start = (lo..=t).rev().take(8).find(|&j| {
            matches!(
                self.word(j).to_ascii_lowercase().as_str(),
                "the" | "a" | "an"
            )
        });
        match start {
            Some(s) => Some(self.description(s, end)),
            None if is_anonymous_head(self.word(t)) => Some(Source::Anonymous),
            None => None,
        }
    }

    /// The source for mention `m` heading a subject phrase starting at `lo`: anonymous
    /// when the name only qualifies a description ("a spokesman for the Kremlin"), or is
    /// a plural group ("Republicans").
    fn named_source(&self, lo: usize, m: usize, t: usize) -> Source {
        let mention = &self.mentions[m];
        let mut p = mention.lead;
        for _ in 0..4 {
            let Some(q) = p.checked_sub(1).filter(|&q| q >= lo) else {
                break;
            };
            let w = self.word(q);
            if is_preposition(w) {
                // "Mr. Morgan of the Sierra Club said": the person before "of".
                let owner = q.checked_sub(1).and_then(|r| self.mention_at[r]);
                return match owner {
                    Some(o) if matches!(w, "of" | "from" | "at") && o != m => {
                        self.named_source(lo, o, q - 1)
                    }
                    _ => Source::Anonymous,
                };
            }
            if w.is_empty() || !w.starts_with(|c: char| c.is_lowercase()) {
                break;
            }
            p = q;
        }
        match mention.kind {
            NameKind::Role => self.role_source(mention, t),
            NameKind::Place if self.word(mention.last).ends_with('s') => Source::Anonymous,
            _ => Source::Mention(m),
        }
    }

    fn role_source(&self, mention: &Mention, t: usize) -> Source {
        mention
            .roles
            .first()
            .map_or(Source::Anonymous, |r| Source::Role(r, t))
    }

    /// "the secretary" -> a role; "a senior official" -> anonymous.
    fn description(&self, from: usize, to: usize) -> Source {
        let definite = self.word(from).eq_ignore_ascii_case("the");
        let role = (from..to).find_map(|j| lexicon::role(self.word(j)));
        match role {
            Some(r) if definite => Source::Role(r, to.saturating_sub(1)),
            _ => Source::Anonymous,
        }
    }

    /// The subject phrase starting at token `i` (after an inverted verb).
    fn subject_after(&self, i: usize, b: usize) -> Option<Source> {
        if i >= b {
            return None;
        }
        if let Some(p) = pronoun(self.word(i)) {
            return Some(Source::Pronoun(p, i));
        }
        // "said Jane Doe", "said the Kremlin", "said 9/11 widow Terry Strada".
        for j in i..b.min(i + 6) {
            if let Some(m) = self.mention_at[j] {
                let mention = &self.mentions[m];
                if mention.lead == j || mention.first == j {
                    return Some(match mention.kind {
                        NameKind::Role => self.role_source(mention, j),
                        _ => Source::Mention(m),
                    });
                }
            }
            if self.doc.tokens[j].kind == Kind::Punct && !self.doc.is_punct(j, "/") {
                break;
            }
        }
        let det = matches!(
            self.word(i).to_ascii_lowercase().as_str(),
            "the" | "a" | "an"
        );
        if !det {
            return None;
        }
        let end = (i..b)
            .find(|&j| self.doc.tokens[j].kind != Kind::Word)
            .unwrap_or(b);
        Some(self.description(i, end))
    }
}

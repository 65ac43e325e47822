//! Subject phrases of reporting verbs: the speaker before the verb ("Jane Doe, the
//! bank's chief economist, said"), after it ("said Sen. Claire McCaskill"), a role
//! ("the secretary said") or an anonymous description ("a senior official said").

use super::attribution::{pronoun, Attributor, Pronoun, Source};
use super::lexicon;
use super::mentions::{self, Mention};
use super::names::NameKind;
use super::title_runs::head_of_state_role;
use super::tokens::{Kind, LOWER_WORD};
use super::wordclass::{
    is_anonymous_head, is_clause_word, is_determiner, is_passive_auxiliary, is_preposition,
    is_verb_filler, is_voice_noun, opens_adverbial,
};

impl<'d, 'a> Attributor<'d, 'a> {
    /// Index of the "(" matching the ")" at `t`, if it lies within `lo..t`.
    pub(super) fn open_paren(&self, lo: usize, t: usize) -> Option<usize> {
        if !self.doc.is_punct(t, ")") {
            return None;
        }
        (lo..t).rev().take(12).find(|&j| self.doc.is_punct(j, "("))
    }

    /// Index of the dash opening the aside that the dash at `t` closes, if
    /// it lies within `lo..t`.
    fn open_dash(&self, lo: usize, t: usize) -> Option<usize> {
        let dash = |j: usize| {
            self.doc.tokens[j].kind == Kind::Punct
                && matches!(self.doc.text(j), "-" | "--" | "—" | "–")
        };
        if !dash(t) {
            return None;
        }
        // A dash may be written as two hyphens, two tokens: "--".
        let mut k = t;
        while k > lo && dash(k - 1) {
            k -= 1;
        }
        let mut j = (lo..k).rev().take(40).find(|&j| dash(j))?;
        while j > lo && dash(j - 1) {
            j -= 1;
        }
        Some(j)
    }

    /// True for tokens that may appear inside a subject phrase: words, commas, the
    /// periods of abbreviations ("Mr.", "H.") and the `&` of a name ("Standard & Poor's").
    pub(super) fn in_noun_phrase(&self, j: usize) -> bool {
        let doc = self.doc;
        doc.is_word(j)
            || doc.is_punct(j, ",")
            || (doc.is_punct(j, "&") && self.mention_at[j].is_some())
            || doc.tokens[j].kind == Kind::Mark
            || (doc.is_punct(j, ".")
                && (j > 0 && lexicon::is_abbreviation(self.word(j - 1))
                    || doc.is_punct(j + 1, ",")))
    }

    /// The first mention of a person or organisation in `lo..hi` that opens a clause.
    pub(super) fn first_subject(&self, lo: usize, hi: usize) -> Option<Source> {
        let m = (lo..hi).filter_map(|j| self.mention_at[j]).find(|&m| {
            let x = &self.mentions[m];
            x.subject && !x.possessive && !matches!(x.kind, NameKind::Place | NameKind::Role)
        })?;
        Some(Source::Mention(m))
    }

    /// The subject phrase ending just before verb `v` (fillers like "also" skipped).
    pub(super) fn subject_before(&self, lo: usize, v: usize) -> Option<Source> {
        let mut k = v;
        if self.word(v) == "quoted" && k > lo && is_passive_auxiliary(self.word(k - 1)) {
            // "Mike Rake was quoted in the FT as saying", "has been quoted".
            k -= 1;
        }
        while k > lo && is_verb_filler(self.word(k - 1)) {
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
        if let Some(p) = self.open_dash(lo, t) {
            // "John Dickey, the chief executive of Ora Media -- the company
            // that … -- told me".
            return self.subject_before(lo, p);
        }
        if matches!(self.word(t), "and" | "but") {
            // "Trump has grown frustrated … and said": the clause's subject.
            return self.first_subject(lo, t);
        }
        if self.doc.is_punct(t, ",") {
            return self.appositive_head(lo.max(t.saturating_sub(30)), t);
        }
        match self.subject_head(lo, k) {
            Some(Source::Anonymous) => self.unclosed_appositive(lo, t).or(Some(Source::Anonymous)),
            found => found,
        }
    }

    /// "Joseph Benanti, managing director of Rosenblatt Securities in New
    /// York said": a person named alone before the first comma of the
    /// clause `lo..t`, whose description was left unclosed.
    fn unclosed_appositive(&self, lo: usize, t: usize) -> Option<Source> {
        let comma = (lo..t).find(|&j| self.doc.is_punct(j, ","))?;
        let m = self.mention_at[comma.checked_sub(1)?]?;
        let person = &self.mentions[m];
        let start = (lo..comma).find(|&j| self.doc.is_word(j))?;
        (person.kind == NameKind::Person && person.lead == start && person.last + 1 == comma)
            .then_some(Source::Mention(m))
    }

    /// The head of "Jane Doe, the bank's chief economist, said": the first comma-separated
    /// piece that names someone.
    pub(super) fn appositive_head(&self, lo: usize, t: usize) -> Option<Source> {
        let mut start = lo;
        let mut first = None;
        let mut commas = (lo..t).filter(|&j| self.doc.is_punct(j, ",")).peekable();
        while let Some(c) = commas.next() {
            if self.is_adverbial(start, c) {
                // "In Birmingham, where …, its chief executive, Jonathan
                // Brereton, said": a phrase set before the subject.
                start = c + 1;
                continue;
            }
            match self.subject_head(start, c) {
                Some(Source::Anonymous) | None => first = first.or(Some(Source::Anonymous)),
                // "The Chancellor, Rachel Reeves, said", "A spokesman, John
                // Smith, said": the person named in apposition.
                Some(Source::Role(..)) if self.named_alone(c + 1, commas.peek()) => {
                    return Some(Source::Mention(self.mention_at[c + 1]?));
                }
                found => return found,
            }
            start = c + 1;
        }
        match self.subject_head(start, t) {
            Some(Source::Anonymous) | None => first,
            found => found,
        }
    }

    /// True when the comma-separated piece `start..comma` is a phrase set
    /// before a clause ("In Birmingham", "where waits are longest"), not
    /// its subject ("After the ruling Carla Ferstman", closed by a person).
    fn is_adverbial(&self, start: usize, comma: usize) -> bool {
        let person = comma
            .checked_sub(1)
            .and_then(|t| self.mention_at[t])
            .is_some_and(|m| self.mentions[m].kind == NameKind::Person);
        self.doc.is_word(start) && opens_adverbial(self.word(start)) && !person
    }

    /// True when the piece from token `from` to the comma `to` (or to the
    /// verb) is one person's name and nothing else.
    fn named_alone(&self, from: usize, to: Option<&usize>) -> bool {
        let Some(m) = self.mention_at.get(from).copied().flatten() else {
            return false;
        };
        let m = &self.mentions[m];
        m.kind == NameKind::Person && m.lead == from && to.is_some_and(|&c| m.last + 1 == c)
    }

    /// Classifies the noun phrase ending at token `end - 1`.
    pub(super) fn subject_head(&self, lo: usize, end: usize) -> Option<Source> {
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
        let start = (lo..=t)
            .rev()
            .take(8)
            .find(|&j| is_determiner(self.word(j)));
        match start {
            Some(s) => Some(self.description(s, end)),
            None if is_anonymous_head(self.word(t)) => Some(Source::Anonymous),
            None => None,
        }
    }

    /// The source for mention `m` heading a subject phrase starting at `lo`: anonymous
    /// when the name only qualifies a description ("a spokesman for the Kremlin"), or is
    /// a plural group ("Republicans").
    pub(super) fn named_source(&self, lo: usize, m: usize, t: usize) -> Source {
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
                // "Peter Newland of Barclays Capital in New York said": a
                // place after "in" locates the speaker named before it.
                let located = w == "in" && mention.kind == NameKind::Place;
                // "a spokesman for the Kremlin said": its voice, as "said a
                // spokesman for the Kremlin" and "a Kremlin spokesman" are;
                // not when the phrase is set off by commas, beside the name
                // of the spokesman ("Cindy Qin, a spokeswoman for Google
                // told", "A spokesman for Deutsche Bank, Duncan King, said").
                let voiced = w == "for"
                    && mention.kind == NameKind::Org
                    && q.checked_sub(1).is_some_and(|v| self.voice_alone(v))
                    && !self.doc.is_punct(mention.last + 1, ",");
                return match owner {
                    Some(o) if (matches!(w, "of" | "from" | "at") || located) && o != m => {
                        self.named_source(lo, o, q - 1)
                    }
                    _ if voiced => Source::Mention(m),
                    _ => Source::Anonymous,
                };
            }
            if w.is_empty() || !w.starts_with(|c: char| c.is_lowercase()) {
                break;
            }
            p = q;
        }
        if let Some(person) = self.described_person(mention) {
            return person;
        }
        match mention.kind {
            NameKind::Role => self.role_source(mention, t),
            NameKind::Place if self.word(mention.last).ends_with('s') => Source::Anonymous,
            _ => Source::Mention(m),
        }
    }

    /// True when token `v` is a voice noun ("spokesman") whose phrase
    /// ("a spokesman", "spokesman") follows no comma.
    fn voice_alone(&self, v: usize) -> bool {
        let start = match v.checked_sub(1) {
            Some(d) if is_determiner(self.word(d)) => d,
            _ => v,
        };
        is_voice_noun(self.word(v))
            && !start
                .checked_sub(1)
                .is_some_and(|c| self.doc.is_punct(c, ","))
    }

    /// "the Nevada Democrat", "the Republican": a politician described by
    /// party (and state), the person just named, as "the 24-year-old" is;
    /// so is one described by country ("the Spaniard", "the Australian").
    fn described_person(&self, mention: &Mention) -> Option<Source> {
        let last = self.word(mention.last);
        // A country's word before a noun only qualifies it ("the Austrian
        // bourse said").
        let alone = !self.modifier_word(mention.last + 1);
        let party = mention.words <= 3
            && (matches!(last, "Democrat" | "Republican")
                || (mention.words == 1 && alone && lexicon::is_demonym(last)));
        let definite = mention
            .lead
            .checked_sub(1)
            .is_some_and(|d| self.word(d).eq_ignore_ascii_case("the"));
        (party && definite).then_some(Source::Pronoun(Pronoun::Person, mention.first))
    }

    pub(super) fn role_source(&self, mention: &Mention, t: usize) -> Source {
        mention
            .roles
            .first()
            .map_or(Source::Anonymous, |r| Source::Role(r, t))
    }

    /// "the secretary" -> a role; "a Kremlin spokesman", "the IMF report" ->
    /// the organisation it speaks for; "a senior official" -> anonymous.
    pub(super) fn description(&self, from: usize, to: usize) -> Source {
        let definite = self.word(from).eq_ignore_ascii_case("the");
        // A calling that is also a role ("the striker") is its role's first
        // (see `Speakers::with_role_or_named`).
        let epithet = |w: &str| is_age(w) || lexicon::is_epithet(w) && lexicon::role(w).is_none();
        if definite && to == from + 2 && epithet(self.word(from + 1)) {
            // "the 24-year-old said", "the rookie said": the person just
            // named.
            return Source::Pronoun(Pronoun::Person, from + 1);
        }
        let role = (from..to)
            .find_map(|j| lexicon::role(self.word(j)))
            .or_else(|| head_of_state_role(self.doc, from, to));
        match role {
            Some(r) if definite => Source::Role(r, to.saturating_sub(1)),
            _ => self
                .voiced_org(from, to)
                .or_else(|| definite.then(|| self.org_referred_to(from, to)).flatten())
                .unwrap_or(Source::Anonymous),
        }
    }

    /// Who a definite description without a name refers to: "the
    /// statement said", "the release said" -> the subject said to issue
    /// one ("NHS England said in a statement"); "the department said" ->
    /// the last organisation whose name holds the word ("Department for
    /// Education"). Only in the description's paragraph and the two before;
    /// "the company said" with no such name, see [`Self::company_before`].
    fn org_referred_to(&self, from: usize, to: usize) -> Option<Source> {
        let head = to.checked_sub(1).filter(|&h| h == from + 1)?;
        let word = self.word(head);
        let para = self.doc.para_of[from];
        let near = |m: &&Mention| {
            m.kind != NameKind::Role
                && m.last < from
                && self.doc.para_of[m.last] + 2 >= para
                && (m.words >= 2 || self.names_alone(m))
        };
        let named = |m: &&Mention| self.name_words(m).any(|w| w.eq_ignore_ascii_case(word));
        let company = matches!(word, "company" | "firm");
        let found = if matches!(word, "statement" | "release" | "communique") {
            let issued =
                |m: &&Mention| self.opens_clause(m) && !m.possessive && self.issued(m, word);
            self.mentions.iter().rev().filter(near).find(issued)
        } else if company || lexicon::is_org_word(&capitalised(word)) {
            let org = |m: &&Mention| m.kind == NameKind::Org;
            let by_word = self
                .mentions
                .iter()
                .rev()
                .filter(near)
                .filter(org)
                .find(named);
            by_word.or_else(|| company.then(|| self.company_before(from, word)).flatten())
        } else {
            None
        }?;
        let index = self.mention_at[found.first]?;
        Some(Source::Mention(index))
    }

    /// The company a "the company said" or "the firm said" refers to when no
    /// company's name holds the word: the last one called so just before
    /// its name, near before token `from` (its paragraph and the two
    /// before: "market data firm S3 Matching Technologies"), else the
    /// company the story is about, when the last organisation or unknown
    /// name before that opened a clause is one ("Verdant Grid, a startup
    /// whose software …, said on Tuesday"; not when "Boeing said" came
    /// after it). None inside a phrase ("a source close to the company").
    fn company_before(&self, from: usize, word: &str) -> Option<&Mention> {
        if from
            .checked_sub(1)
            .is_some_and(|j| is_preposition(self.word(j)))
        {
            return None;
        }
        let para = self.doc.para_of[from];
        let mut before = self
            .mentions
            .iter()
            .rev()
            .filter(|m| m.last < from && !m.possessive);
        let near = |m: &&Mention| self.doc.para_of[m.last] + 2 >= para;
        let called = |m: &&Mention| {
            m.lead.checked_sub(1).is_some_and(|j| self.word(j) == word) && self.may_be_company(m)
        };
        let named_so = before.clone().take_while(near).find(called);
        // A legal form alone is a piece of a name cut at "and".
        let form_alone = |m: &Mention| self.name_words(m).all(lexicon::is_company_word);
        let org_like = |m: &&Mention| {
            (matches!(m.kind, NameKind::Org | NameKind::Unknown) || self.may_be_company(m))
                && !form_alone(m)
        };
        named_so.or_else(|| {
            let subject = before.find(|m| org_like(m) && self.opens_clause(m));
            subject.filter(|m| self.may_be_company(m))
        })
    }

    /// The words of mention `m`'s name proper, titles left out.
    fn name_words<'m>(&'m self, m: &'m Mention) -> impl Iterator<Item = &'a str> + 'm {
        (m.first..=m.last).map(|j| self.word(j))
    }

    /// True for a mention that may name a company: a name holding a
    /// company's word ("Yahoo Inc", "Bank of America Corp"), or one of
    /// several words taken for a person's with no forename or title to tell
    /// a gender, no common word and no organisation word (not "Exchange
    /// Commission"), never called by its last word alone as a person is by
    /// surname ("Verdant Grid" … "Verdant", not "Christoph Caselitz" …
    /// "Caselitz").
    fn may_be_company(&self, m: &Mention) -> bool {
        let words = || self.name_words(m);
        if words().any(lexicon::is_company_word) {
            return true;
        }
        let last = self.word(m.last);
        let surname =
            |o: &Mention| o.entity == m.entity && o.words == 1 && self.word(o.first) == last;
        m.kind == NameKind::Person
            && m.gender.is_none()
            && m.words >= 2
            && words().all(|w| w.len() >= 2 && !lexicon::is_common(w))
            && !words().any(lexicon::is_org_word)
            && !self.mentions.iter().any(surname)
    }

    /// True when the one-word mention `m` surely names someone: an
    /// organisation or an acronym, not a generic organisation word
    /// ("Group", "Airlines") or a capitalised word opening a sentence
    /// ("Management", "Lower"); an institution's one-word name is one
    /// ("the Kremlin said in a statement").
    fn names_alone(&self, m: &Mention) -> bool {
        let w = self.word(m.first);
        let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
        let generic = lexicon::is_org_word(w) && !lexicon::is_institution(w);
        (m.kind == NameKind::Org || acronym) && !generic
    }

    /// True when mention `m` is the subject that opens its clause, or an
    /// organisation's name opening it after an article: "The NSW
    /// Reconstruction Authority said in a statement", "In Geneva, the World
    /// Health Organization said" (a mention's own flag takes an article
    /// only where it opens the body).
    fn opens_clause(&self, m: &Mention) -> bool {
        m.subject
            || m.kind == NameKind::Org
                && (m.lead.checked_sub(1)).is_some_and(|d| {
                    is_determiner(self.word(d)) && mentions::starts_clause(self.doc, d)
                })
    }

    /// True when `word` ("statement") is written within a few words of
    /// mention `m`, in its sentence: "NHS England said in a statement",
    /// "In a statement, the union said" (not "Spain will ask for aid …,
    /// the ministers said in a statement", nor one read on another's
    /// behalf).
    fn issued(&self, m: &Mention, word: &str) -> bool {
        let sent = self.doc.sent_of[m.first];
        let lo = m.first.saturating_sub(6);
        let hi = (m.last + 7).min(self.doc.tokens.len());
        let in_sentence = |j: &usize| self.doc.sent_of[*j] == sent;
        // Not one read "on behalf" of another ("his attorney, Dana
        // Whitcomb, read a brief statement on his behalf").
        let behalf = (m.last..self.doc.tokens.len())
            .take_while(in_sentence)
            .any(|j| self.word(j) == "behalf");
        !behalf && (lo..hi).filter(in_sentence).any(|j| self.word(j) == word)
    }

    /// The organisation named in a description whose head is its voice: a
    /// spokesperson, a statement or a report of it.
    fn voiced_org(&self, from: usize, to: usize) -> Option<Source> {
        let head = to.checked_sub(1).filter(|&h| h > from)?;
        if !is_voice_noun(self.word(head)) {
            return None;
        }
        let org = (from..head).filter_map(|j| self.mention_at[j]).find(|&m| {
            let m = &self.mentions[m];
            m.kind == NameKind::Org && m.last + 1 < to
        })?;
        Some(Source::Mention(org))
    }

    /// The subject phrase starting at token `i` (after an inverted verb).
    pub(super) fn subject_after(&self, i: usize, b: usize) -> Option<Source> {
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
                    return Some(self.mention_after(i, j, m, b));
                }
            }
            if self.doc.tokens[j].kind == Kind::Punct && !self.doc.is_punct(j, "/") {
                break;
            }
        }
        if !self.opens_description(i) {
            return None;
        }
        let end = (i..b)
            .find(|&j| self.doc.tokens[j].kind != Kind::Word)
            .unwrap_or(b);
        Some(self.description(i, end))
    }

    /// The source for mention `m`, met at token `j` of the words from `i`
    /// after a verb: the person it only qualifies, a description it is a
    /// place of, or itself.
    fn mention_after(&self, i: usize, j: usize, m: usize, b: usize) -> Source {
        let mention = &self.mentions[m];
        if let Some(head) = self.head_after(mention, b) {
            // "said Morningstar analyst John Novak".
            return head;
        }
        let placed = (i..j).any(|k| is_preposition(self.word(k)));
        if mention.kind == NameKind::Place && (placed || self.describes(i, mention, b)) {
            // "said one trader in London", "said a European diplomat".
            let end = (i..b).find(|&k| !self.doc.is_word(k)).unwrap_or(b);
            return self.description(i, end);
        }
        if let Some(person) = self.described_person(mention) {
            return person;
        }
        match mention.kind {
            NameKind::Role => self.role_source(mention, j),
            _ => Source::Mention(m),
        }
    }

    /// True for the word opening a description: "a", "an", "the", and
    /// "one", "another" ("said one London-based analyst").
    fn opens_description(&self, k: usize) -> bool {
        is_determiner(self.word(k)) || matches!(self.word(k), "one" | "another")
    }

    /// The name a mention only qualifies, after the lowercase words naming
    /// its role: "Morningstar analyst John Novak", "NAR's chief economist
    /// David Lereah", "Obama adviser David Axelrod" (at most four words,
    /// none a preposition, conjunction, determiner or verb), or right after
    /// its possessive: "Bernstein's Craig Moffett".
    fn head_after(&self, mention: &Mention, b: usize) -> Option<Source> {
        let first = self.after_mention(mention);
        let mut k = first;
        while k < b.min(first + 4) && self.modifier_word(k) {
            k += 1;
        }
        let head = self.mention_at.get(k).copied().flatten()?;
        let found = &self.mentions[head];
        let opens = found.lead == k || found.first == k;
        let qualifies = k > first || mention.possessive;
        if !(qualifies && opens && !matches!(found.kind, NameKind::Place | NameKind::Role)) {
            return None;
        }
        // "Moody's Analytics chief economist Mark Zandi": the last head.
        Some(self.head_after(found, b).unwrap_or(Source::Mention(head)))
    }

    /// True when a place or nationality mention only qualifies a description
    /// opened by a determiner: "a European diplomat", "one London trader".
    fn describes(&self, i: usize, mention: &Mention, b: usize) -> bool {
        let opened = (i..mention.lead).any(|k| self.opens_description(k));
        let next = self.after_mention(mention);
        opened && next < b && self.modifier_word(next)
    }

    /// The token after a mention, past the period of an abbreviation
    /// ending it ("a senior U.S. regulatory official").
    fn after_mention(&self, mention: &Mention) -> usize {
        let next = mention.last + 1;
        let period = self.doc.is_punct(next, ".")
            && self.doc.adjacent(mention.last)
            && lexicon::is_abbreviation(self.word(mention.last));
        next + usize::from(period)
    }

    /// A lowercase word that may stand inside a noun phrase, between a name
    /// qualifying it and its head ("analyst", "chief", "rate").
    fn modifier_word(&self, k: usize) -> bool {
        let w = self.word(k);
        self.doc.has(k, LOWER_WORD)
            && !(is_preposition(w) || is_clause_word(w) || is_determiner(w) || self.is_verb(k))
            && pronoun(w).is_none()
    }
}

/// `word` with its first letter in capitals ("department" -> "Department").
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// "24-year-old", "57-year-old": a person described by age.
fn is_age(w: &str) -> bool {
    w.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
#[path = "subjects_test.rs"]
mod tests;

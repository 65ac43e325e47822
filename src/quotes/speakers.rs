//! Speaker assignment: resolves each attribution's subject (name, pronoun, role) to the
//! fullest name of its entity, and credits quotes without an attribution of their own
//! to the speaker of the previous quote or reporting clause in the same or the previous
//! paragraph (continuation quotes).

use super::attribution::{pronoun, Found, Pronoun, Source};
use super::doc::Doc;
use super::entities::Entities;
use super::gender::Gender;
use super::lexicon;
use super::marks::Span;
use super::mentions::{starts_clause, Mention};
use super::names::NameKind;
use super::pronouns;

/// Paragraphs a "he" or "she" may follow the person it last stood for when
/// no name of that gender is near (a profile's paragraphs of "she said").
const CHAIN_PARAGRAPHS: u32 = 3;

/// The person a "he" and a "she" last stood for, with the token where:
/// a feature follows one person through paragraphs of pronouns, past the
/// sentences a pronoun looks back over for a name.
#[derive(Debug, Default)]
struct Chain {
    he: Option<(usize, usize)>,
    she: Option<(usize, usize)>,
}

impl Chain {
    /// Someone spoke (entity and gender, `None` when unnamed) at token
    /// `at`: a pronoun of their gender now stands for them, and one of
    /// either gender, when theirs is unknown, reaches back past nobody.
    fn spoke(&mut self, who: Option<(usize, Option<Gender>)>, at: usize) {
        let keeps = |slot: &Option<(usize, usize)>, g: Gender| match who {
            Some((e, gender)) => {
                slot.is_some_and(|(x, _)| x == e) || gender.is_some_and(|x| x != g)
            }
            None => false,
        };
        if !keeps(&self.he, Gender::Male) {
            self.he = None;
        }
        if !keeps(&self.she, Gender::Female) {
            self.she = None;
        }
        match who {
            Some((e, Some(Gender::Male))) => self.he = Some((e, at)),
            Some((e, Some(Gender::Female))) => self.she = Some((e, at)),
            _ => {}
        }
    }
}

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

    /// The name a source stands for, or `None` for anonymous and
    /// unresolvable ones; a "he" or "she" with no name near goes to the
    /// person the last one stood for (`chain`, updated).
    fn resolve_in(&self, source: Source, chain: &mut Chain) -> Option<String> {
        let (e, at) = match source {
            Source::Mention(m) => {
                let m = self.mentions.get(m)?;
                (Some(m.entity), m.last)
            }
            Source::Pronoun(p, tok) => return self.pronoun(p, tok, chain),
            Source::Role(role, tok) => (self.with_role_or_named(role, tok), tok),
            Source::Anonymous => (None, 0),
        };
        let gender = |e: usize| self.entities.list.get(e).map(|x| (e, x.gender));
        chain.spoke(e.and_then(gender), at);
        self.entities.speaker(e?)
    }

    /// The entity of the last mention before token `tok` given `role`.
    fn with_role(&self, role: &str, tok: usize) -> Option<usize> {
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
        Some(m.entity)
    }

    /// The entity given `role` before token `tok`, or for a calling no one
    /// was given ("the striker said", nobody titled Striker), the person
    /// just named, as for "the rookie" (`data/epithets.txt`).
    fn with_role_or_named(&self, role: &str, tok: usize) -> Option<usize> {
        self.with_role(role, tok).or_else(|| {
            let person = Pronoun::Person;
            (lexicon::is_epithet(role))
                .then(|| pronouns::resolve(self.doc, self.mentions, self.entities, person, tok))
                .flatten()
        })
    }

    /// The person a "he" or "she" at token `tok` stands for: a name near
    /// before it, or the person the last one stood for.
    fn pronoun(&self, p: Pronoun, tok: usize, chain: &mut Chain) -> Option<String> {
        let found = pronouns::resolve(self.doc, self.mentions, self.entities, p, tok);
        let slot = match p {
            Pronoun::He => &mut chain.he,
            Pronoun::She => &mut chain.she,
            _ => return self.entities.speaker(found?),
        };
        let e = found.or_else(|| slot.and_then(|(e, at)| self.chained(e, at, tok, p)))?;
        *slot = Some((e, tok));
        self.entities.speaker(e)
    }

    /// Entity `e`, which pronoun `p` stood for at token `at`, when `p` at
    /// `tok` is near enough, `e` is known to be of its gender, and no
    /// other person it could stand for is named in between.
    fn chained(&self, e: usize, at: usize, tok: usize, p: Pronoun) -> Option<usize> {
        let doc = self.doc;
        let paragraphs = doc.para_of.get(tok)?.checked_sub(*doc.para_of.get(at)?)?;
        let gender = match p {
            Pronoun::He => Gender::Male,
            _ => Gender::Female,
        };
        if self.entities.list.get(e)?.gender != Some(gender) {
            // Only a person known to be a man or a woman is followed: a
            // pronoun given by salience alone may have gone astray.
            return None;
        }
        // A rival: a person of that gender, or of none known who is the
        // subject of a clause ("the streets of the Alfama" is no rival).
        let rival = self
            .mentions
            .iter()
            .filter(|m| m.first > at && m.last < tok && m.entity != e)
            .filter_map(|m| Some((m, self.entities.list.get(m.entity)?)))
            .any(|(m, x)| {
                x.kind == NameKind::Person
                    && (x.gender == Some(gender) || x.gender.is_none() && m.subject)
            });
        (paragraphs <= CHAIN_PARAGRAPHS && !rival).then_some(e)
    }

    /// Speakers for all candidates, in order, using `events` (reporting clauses outside
    /// quotes) for quotes that have no attribution of their own.
    pub fn assign(&self, cands: &[Candidate], events: &[Found]) -> Vec<Option<String>> {
        let doc = self.doc;
        let mut out: Vec<Option<String>> = Vec::with_capacity(cands.len());
        let mut last: Option<(usize, Option<String>)> = None;
        let mut ev = events.iter().peekable();
        let mut chain = Chain::default();
        for (i, c) in cands.iter().enumerate() {
            let s = doc.spans[c.span];
            while let Some(e) = ev.next_if(|e| doc.tokens[e.verb].start < s.open) {
                last = Some((
                    doc.para_of[e.verb] as usize,
                    self.resolve_in(e.source, &mut chain),
                ));
            }
            let speaker = match c.found {
                Some(f) => self.resolve_in(f.source, &mut chain),
                None if self.continues(cands, i) => out.last().cloned().flatten(),
                None => match last.as_ref().filter(|(p, _)| p + 1 >= s.para) {
                    Some((_, sp)) => sp.clone(),
                    None => self.introduced(s, &mut chain),
                },
            };
            last = Some((s.para, speaker.clone()));
            out.push(speaker);
        }
        out
    }

    /// The person the paragraph before a quote introduces, for a quote that
    /// is its whole paragraph, with no speaker before it there or in the
    /// previous one: a profile's "Lena Håkansson chairs the planning
    /// committee. …" then "“People here need jobs.”". Only when that
    /// paragraph quotes nobody, reads nothing "on behalf" of another, and
    /// one person is the subject of its clauses, or, named in none, a
    /// "he" or a "she" is ([`Self::introduced_as`]).
    fn introduced(&self, s: Span, chain: &mut Chain) -> Option<String> {
        let doc = self.doc;
        let prev = s.para.checked_sub(1)?;
        let para = doc.paras[s.para];
        let rest = doc.body.get(s.close..para.end).unwrap_or("");
        let whole = para.start == s.open && rest.trim().is_empty();
        // "Ashworth's solicitor, Martin Crowe, read a statement on his
        // client's behalf": the words are not the reader's.
        let (from, to) = (
            doc.token_at(doc.paras[prev].start),
            doc.token_at(doc.paras[prev].end),
        );
        let behalf = (from..to).any(|t| doc.text(t) == "behalf");
        if !whole || behalf || doc.spans.iter().any(|x| x.para == prev) {
            return None;
        }
        let mut people = self
            .mentions
            .iter()
            .filter(|m| doc.para_of[m.first] as usize == prev && m.subject && !m.possessive)
            .map(|m| m.entity)
            .filter(|&e| {
                self.entities
                    .list
                    .get(e)
                    .is_some_and(|x| x.kind == NameKind::Person)
            });
        let Some(first) = people.next() else {
            return self.introduced_as(from, to, chain);
        };
        people
            .all(|e| e == first)
            .then(|| self.entities.speaker(first))
            .flatten()
    }

    /// The person a "he" or a "she" opening the clauses of tokens
    /// `from..to` stands for ("Asked why she never left, she goes quiet,
    /// then talks about the first organ she restored"), when every such
    /// pronoun is of one gender.
    fn introduced_as(&self, from: usize, to: usize, chain: &mut Chain) -> Option<String> {
        let doc = self.doc;
        let subjects: Vec<(Pronoun, usize)> = (from..to)
            .filter_map(|t| Some((pronoun(doc.text(t))?, t)))
            .filter(|&(p, t)| matches!(p, Pronoun::He | Pronoun::She) && starts_clause(doc, t))
            .collect();
        let (&(p, t), others) = subjects.split_last()?;
        others
            .iter()
            .all(|&(q, _)| q == p)
            .then(|| self.pronoun(p, t, chain))
            .flatten()
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

#[cfg(test)]
mod tests {
    use crate::quotes::extract;

    fn speakers(body: &str) -> Vec<Option<String>> {
        extract(body).into_iter().map(|q| q.speaker).collect()
    }

    /// A profile: one named woman, then paragraphs of "she" longer than a
    /// pronoun looks back over for a name.
    const PROFILE: &str = "Graciela Montoya keeps a photo of her grandchildren in her \
        truck.\n\n“I never thought I would be the one leaving,” said Montoya, 57.\n\n\
        She grew up in Laredo. She moved north at 19. She raised two children. \
        She worked at a clinic for 22 years. It closed in the spring.\n\n\
        Two winters ago, she hit black ice on the interstate. The trailer swung out. \
        She kept the rig on the road. She pulled over a mile later.\n\n\
        “You don’t think. Your hands just do what they learned,” she said.";

    #[test]
    fn a_pronoun_follows_the_person_it_last_stood_for_through_a_profile() {
        let montoya = Some("Graciela Montoya".to_string());
        assert_eq!(speakers(PROFILE), [montoya.clone(), montoya]);
    }

    #[test]
    fn a_forename_of_the_wider_lists_gives_the_chain_its_gender() {
        // "Leonor" was unknown to the name lists: with a man of her family
        // named between, her "she says" had no speaker.
        let body = "Then Leonor Amaral, 74, walks in from the kitchen.\n\n\
            “People think fado is about sadness,” Amaral tells me. “It is not.”\n\n\
            In the 1970s, Amaral was one of the best-known voices of the Alfama. She \
            recorded three albums. They are out of print.\n\n\
            Then, in 2017, she stopped. Her husband, the guitarist Fernando Amaral, had \
            died. The tavern closed. The street changed.\n\n\
            “I would walk down my own street and not know a single face,” she says.";
        let got = speakers(body);
        let leonor = Some("Leonor Amaral".to_string());
        assert_eq!(got, [leonor.clone(), leonor.clone(), leonor], "{got:?}");
    }

    #[test]
    fn an_unnamed_or_other_speaker_breaks_the_chain() {
        let body = PROFILE.replace(
            "Two winters ago",
            "“It was hard,” a neighbour said.\n\nTwo winters ago",
        );
        let got = speakers(&body);
        assert_eq!(got.len(), 3);
        assert_eq!(got[2], None, "{got:?}");
        let body = PROFILE.replace(
            "She grew up",
            "Her sister Maria Lopez visits often. She grew up",
        );
        assert_eq!(speakers(&body)[1], None, "another woman named in between");
    }

    #[test]
    fn a_quote_paragraph_after_a_person_is_introduced_is_theirs() {
        let intro = "Lena Hakansson chairs the planning committee and is caught in the \
            middle. The town has lost hundreds of residents in a decade.\n\n\
            \"People here need jobs, and people here need the reindeer. I am not \
            allowed to choose only one.\"";
        assert_eq!(speakers(intro), [Some("Lena Hakansson".to_string())]);
        // Two people introduced: no telling whose.
        let two = intro.replace("The town has", "Erik Lind runs the herd. The town has");
        assert_eq!(speakers(&two), [None]);
        // Words after the quote in its paragraph: not a quote standing alone.
        let more = intro.replace("only one.\"", "only one,\" a neighbour wrote online.");
        assert_ne!(speakers(&more), [Some("Lena Hakansson".to_string())]);
    }

    #[test]
    fn a_quote_paragraph_after_a_she_is_introduced_is_hers() {
        let body = "Ruth Kessler climbs into the chamber behind the pipes.\n\n\
            “That is a dead mouse in the swell box,” Kessler says.\n\n\
            Most churches came back. Asked why she never left, she goes quiet, then \
            talks about the first organ she restored.\n\n\
            “When I finally got wind into it, the pastor’s wife started crying.”";
        let ruth = Some("Ruth Kessler".to_string());
        assert_eq!(speakers(body), [ruth.clone(), ruth]);
        // A "he" and a "she": no telling whose.
        let both = body.replace("Most churches came back.", "He came back.");
        assert_eq!(speakers(&both)[1], None);
    }

    #[test]
    fn a_street_lived_on_is_no_one_a_pronoun_stands_for() {
        let body = "Around 60 people gathered in the drizzle. Among them was Jean \
            Ackroyd, 74, who has lived on Marsden Lane since 1972.\n\n\
            ‘My late husband farmed that land for thirty years,’ she said.";
        assert_eq!(speakers(body), [Some("Jean Ackroyd".to_string())]);
    }

    #[test]
    fn a_name_of_unknown_gender_that_is_no_subject_does_not_break_the_chain() {
        let body = PROFILE.replace(
            "She grew up in Laredo.",
            "She grew up in the streets below the castle of Almada Velho.",
        );
        let montoya = Some("Graciela Montoya".to_string());
        assert_eq!(speakers(&body), [montoya.clone(), montoya]);
        let body = PROFILE.replace("She grew up", "Kit Marlowe visits often. She grew up");
        assert_eq!(speakers(&body)[1], None, "a subject of unknown gender");
    }
}

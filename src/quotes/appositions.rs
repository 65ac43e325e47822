//! Roles given in apposition: "The Chancellor, Rachel Reeves, said", "the
//! NAHT's president, Rebecca Lyle,", "Wes Streeting, the health secretary,".
//! The person named beside the description takes its role, so that a later
//! "the Chancellor said" is hers (British and Commonwealth papers name a
//! minister that way more often than "Chancellor Rachel Reeves").

use super::doc::Doc;
use super::lexicon;
use super::mentions::{possessive, Mention};
use super::names::NameKind;
use super::tokens::Kind;
use super::wordclass::{is_clause_word, is_preposition};

/// Longest description (in tokens) read beside a name.
const LONGEST: usize = 7;

/// Adds to each person mention the role of a description in apposition to
/// it, before or after it, between commas.
pub(crate) fn add_roles(doc: &Doc, mentions: &mut [Mention]) {
    for m in mentions.iter_mut().filter(|m| m.kind == NameKind::Person) {
        let before = m
            .lead
            .checked_sub(1)
            .filter(|&c| doc.is_punct(c, ","))
            .and_then(|c| role_before(doc, c));
        let after = Some(m.last + 1)
            .filter(|&c| doc.is_punct(c, ","))
            .and_then(|c| role_after(doc, c + 1));
        for role in before.into_iter().chain(after) {
            if !m.roles.contains(&role) {
                m.roles.push(role);
            }
        }
    }
}

/// Nouns for a thing that a name in apposition to them names ("Her
/// workshop, Marches Bellfoundry,", "Northline Records, her label,"): an
/// organisation's or a place's name, never a person's.
const THINGS: &[&str] = &[
    "workshop",
    "company",
    "firm",
    "business",
    "shop",
    "store",
    "restaurant",
    "cafe",
    "café",
    "bakery",
    "brewery",
    "distillery",
    "vineyard",
    "winery",
    "farm",
    "foundry",
    "factory",
    "studio",
    "gallery",
    "label",
    "band",
    "charity",
    "start-up",
    "startup",
    "hotel",
    "pub",
    "theatre",
    "newspaper",
    "magazine",
    "brand",
];

/// Marks as organisations the names set in apposition to a short
/// description headed by a thing, before or after them, between commas
/// ("Her workshop, Marches Bellfoundry,": the name lists may take it for a
/// person, whom a later "she" would be); not where the thing follows a
/// preposition or a possessive ("The head of Caterpillar's engine
/// business, Douglas Oberhelman,").
pub(crate) fn mark_things(doc: &Doc, mentions: &mut [Mention]) {
    let thing = |start: usize, end: usize| {
        let plain = |j: usize| !is_preposition(doc.text(j)) && possessive(doc.text(j)).is_none();
        end > start
            && end - start <= 3
            && THINGS.contains(&doc.text(end - 1))
            && (start + 1..end).all(plain)
    };
    for m in mentions.iter_mut() {
        if !matches!(m.kind, NameKind::Person | NameKind::Unknown) {
            continue;
        }
        let before = (m.lead.checked_sub(1))
            .filter(|&c| doc.is_punct(c, ","))
            .and_then(|c| Some((description_before(doc, c)?, c)))
            .is_some_and(|(start, c)| is_determiner_like(doc.text(start)) && thing(start, c));
        let after = Some(m.last + 1)
            .filter(|&c| doc.is_punct(c, ","))
            .and_then(|c| Some((c + 1, description_after(doc, c + 1)?)))
            .is_some_and(|(from, end)| thing(from, end));
        if before || after {
            m.kind = NameKind::Org;
        }
    }
}

/// The first token of the description that ends at the comma `comma` and
/// opens its clause, without a clause's word in it.
fn description_before(doc: &Doc, comma: usize) -> Option<usize> {
    let start = (comma.saturating_sub(LONGEST)..comma)
        .rev()
        .take_while(|&j| doc.is_word(j) && doc.sent_of[j] == doc.sent_of[comma])
        .last()?;
    let opens = start == 0
        || doc.sent_of[start - 1] != doc.sent_of[start]
        || matches!(doc.tokens[start - 1].kind, Kind::Punct | Kind::Mark);
    let clause = (start..comma).any(|j| is_clause_word(doc.text(j)));
    (opens && !clause).then_some(start)
}

/// The end (a comma or a period) of a description opening with an article
/// or a possessive at token `from`, without a clause's word in it.
fn description_after(doc: &Doc, from: usize) -> Option<usize> {
    if !doc.is_word(from) || !is_determiner_like(doc.text(from)) {
        return None;
    }
    let end = (from..doc.tokens.len().min(from + LONGEST + 1)).find(|&j| !doc.is_word(j))?;
    let closed = doc.is_punct(end, ",") || doc.is_punct(end, ".");
    let clause = (from..end).any(|j| is_clause_word(doc.text(j)));
    (closed && !clause).then_some(end)
}

/// The role named by the description that ends at the comma `comma` and
/// opens its clause: "The Chancellor,", "The Minister for Housing,", "the
/// NAHT's president,", "Health Secretary," (not "Speaking to the
/// chancellor,", whose description is an object).
fn role_before(doc: &Doc, comma: usize) -> Option<&'static str> {
    let start = description_before(doc, comma)?;
    let described = is_determiner_like(doc.text(start)) || role_word(doc.text(start)).is_some();
    described.then(|| head_role(doc, start, comma)).flatten()
}

/// The role named by a description starting at token `from` and closed by
/// a comma or the sentence's end: ", the chancellor, said".
fn role_after(doc: &Doc, from: usize) -> Option<&'static str> {
    let end = description_after(doc, from)?;
    head_role(doc, from + 1, end)
}

/// The role named by the head of the description `from..end`: its last
/// word, or the word before its "of" or "for" ("Minister for Housing",
/// "president of the union"). A description whose role word is not its
/// head names no role: ", the judge said" is a clause, not an apposition.
fn head_role(doc: &Doc, from: usize, end: usize) -> Option<&'static str> {
    let last = end.checked_sub(1).filter(|&l| l >= from)?;
    let before_of = (from..last)
        .find(|&j| matches!(doc.text(j), "of" | "for"))
        .and_then(|j| j.checked_sub(1))
        .filter(|&h| h >= from);
    role_word(doc.text(last)).or_else(|| before_of.and_then(|h| role_word(doc.text(h))))
}

/// "the", "its", "his", "her", "their" or a possessive ("NAHT's").
fn is_determiner_like(w: &str) -> bool {
    matches!(
        w,
        "the" | "The" | "its" | "Its" | "his" | "His" | "her" | "Her" | "their" | "Their"
    ) || possessive(w).is_some()
}

/// The role a word names, capitalised as a title ("Chancellor") or not
/// ("president").
fn role_word(w: &str) -> Option<&'static str> {
    lexicon::role(w).or_else(|| lexicon::title(w).and_then(|t| t.role))
}

#[cfg(test)]
mod tests {
    use crate::quotes::doc::Doc;
    use crate::quotes::mentions::find;

    /// The roles of each person mention of `body`, by its first word.
    fn roles(body: &str) -> Vec<(String, Vec<&'static str>)> {
        let mut doc = Doc::scan(body);
        doc.analyse();
        let quoted = vec![false; doc.tokens.len()];
        find(&doc, &quoted)
            .into_iter()
            .filter(|m| m.kind == crate::quotes::names::NameKind::Person)
            .map(|m| (doc.text(m.first).to_string(), m.roles))
            .collect()
    }

    #[test]
    fn a_description_before_the_name_gives_its_role() {
        for body in [
            "The Chancellor, Rachel Reeves, defended the Budget.",
            "Markets fell. The Chancellor, Rachel Reeves, defended the Budget.",
            "The Minister for Housing, James Browne, welcomed the move.",
        ] {
            let got = roles(body);
            let want = if body.contains("Housing") {
                "minister"
            } else {
                "chancellor"
            };
            assert!(
                got.iter().any(|(_, r)| r.contains(&want)),
                "{body}: {got:?}"
            );
        }
        let got = roles("The NAHT’s president, Rebecca Lyle, a primary head in Hull, said:");
        assert_eq!(got, [("Rebecca".to_string(), vec!["president"])]);
    }

    #[test]
    fn a_description_after_the_name_gives_its_role() {
        let got = roles("Wes Streeting, the health secretary, said the figures were poor.");
        assert_eq!(got, [("Wes".to_string(), vec!["secretary"])]);
    }

    #[test]
    fn an_object_or_an_unclosed_phrase_gives_no_role() {
        let got = roles("Speaking to the chancellor, Rachel Reeves said the plan was sound.");
        assert_eq!(got, [("Rachel".to_string(), vec![])]);
        let got = roles("Rachel Reeves, the chancellor who wrote the plan, said it was sound.");
        assert_eq!(got, [("Rachel".to_string(), vec![])]);
        // A clause after the name: the role is the subject's, not hers.
        let got = roles("The funds had no assets in Dorset, Jane Okafor, the judge said.");
        assert_eq!(got, [("Jane".to_string(), vec![])]);
    }

    /// The speakers `extract` gives the quotes of `body`.
    fn speakers(body: &str) -> Vec<Option<String>> {
        crate::quotes::extract(body)
            .into_iter()
            .map(|q| q.speaker)
            .collect()
    }

    #[test]
    fn the_person_named_in_apposition_speaks_and_keeps_the_role() {
        let body = "The Chancellor, Rachel Reeves, defended the Budget.\n\nMarkets were calm.\n\n\
                    ‘We have protected the smallest farms completely,’ the Chancellor said.";
        assert_eq!(speakers(body), [Some("Rachel Reeves".to_string())]);
        let body = "The NAHT’s president, Rebecca Lyle, a primary head in Hull, said:\n\n\
                    “Our members did not train to run food banks. They trained to teach.”";
        assert_eq!(speakers(body), [Some("Rebecca Lyle".to_string())]);
    }

    #[test]
    fn a_name_in_apposition_to_a_thing_is_no_one_a_pronoun_stands_for() {
        let body = "Ruth Ellingham, 47, casts church bells by hand. Her workshop, \
                    Marches Bellfoundry, turns out a dozen bells a year.\n\n\
                    “I said yes before I knew what I was saying yes to,” she says.";
        assert_eq!(speakers(body), [Some("Ruth Ellingham".to_string())]);
        // A thing after a preposition or a possessive heads nothing here:
        // the name beside it is a person's.
        let body = "The head of Caterpillar's engine business, Douglas Oberhelman, \
                    told analysts demand was stalling.\n\n\
                    “We see a slowdown in most sectors,” he said.";
        assert_eq!(speakers(body), [Some("Douglas Oberhelman".to_string())]);
    }

    #[test]
    fn a_phrase_set_before_the_subject_is_not_the_speaker() {
        let body = "In Birmingham, where the largest trust has long waits, its chief \
                    executive, Jonathan Brereton, said: “We have opened two new theatres.”";
        assert_eq!(speakers(body), [Some("Jonathan Brereton".to_string())]);
        // A coordinator or a phrase closed by the person opens the subject.
        let body = "But Steve Radley, chief economist at the manufacturers' group EEF, \
                    said: “These figures remain at odds with the ground.”";
        assert_eq!(speakers(body), [Some("Steve Radley".to_string())]);
        let body = "After the ruling Carla Ferstman, legal director of the group Redress, \
                    said: “It is not enough to investigate behind closed doors.”";
        assert_eq!(speakers(body), [Some("Carla Ferstman".to_string())]);
    }
}

//! Pronoun resolution: "he wrote" / "she said" / "it said" is credited to the earlier
//! person (or organisation) that fits the pronoun's gender, preferring recent sentences,
//! speakers and clause subjects over other mentions.

use super::attribution::Pronoun;
use super::doc::Doc;
use super::entities::Entities;
use super::gender::{self, Gender};
use super::mentions::Mention;
use super::names::NameKind;

/// How far back (in sentences) a pronoun may reach.
const MAX_SENTENCES: u32 = 6;

/// Gives a gender to people whose gender is unknown when the pronouns right after
/// their mentions as a subject are all of one gender.
pub(crate) fn infer_genders(
    doc: &Doc,
    mentions: &[Mention],
    entities: &mut Entities,
    quoted: &[bool],
) {
    for m in mentions.iter().filter(|m| m.subject || m.speaker) {
        let Some(e) = entities.list.get(m.entity) else {
            continue;
        };
        if e.kind != NameKind::Person || e.gender.is_some() {
            continue;
        }
        let sent = doc.sent_of[m.last];
        let (mut he, mut she) = (0, 0);
        let mut j = m.last + 1;
        while j < doc.tokens.len()
            && doc.sent_of[j] <= sent + 1
            && doc.para_of[j] == doc.para_of[m.last]
        {
            if !quoted[j] {
                match gender::of_pronoun(doc.text(j)) {
                    Some(Gender::Male) => he += 1,
                    Some(Gender::Female) => she += 1,
                    None => {}
                }
            }
            j += 1;
        }
        let inferred = match (he, she) {
            (h, 0) if h > 0 => Some(Gender::Male),
            (0, s) if s > 0 => Some(Gender::Female),
            _ => None,
        };
        if let Some(ent) = entities.list.get_mut(m.entity) {
            ent.gender = inferred;
        }
    }
}

/// The entity pronoun `p` at token `tok` refers to, if a fitting one is near enough.
pub(crate) fn resolve(
    doc: &Doc,
    mentions: &[Mention],
    entities: &Entities,
    p: Pronoun,
    tok: usize,
) -> Option<usize> {
    let want = match p {
        Pronoun::He => Some(Gender::Male),
        Pronoun::She => Some(Gender::Female),
        Pronoun::They => None,
        Pronoun::First => return None,
    };
    let sent = *doc.sent_of.get(tok)?;
    let mut best: Option<(u32, usize)> = None;
    for m in mentions.iter().filter(|m| m.last < tok) {
        let Some(e) = entities.list.get(m.entity) else {
            continue;
        };
        let fits = match want {
            Some(g) => e.kind == NameKind::Person && e.gender != Some(opposite(g)),
            None => e.kind == NameKind::Org,
        };
        let dist = sent.saturating_sub(doc.sent_of[m.last]);
        if !fits || dist > MAX_SENTENCES {
            continue;
        }
        let salience = if m.speaker {
            0
        } else if m.subject && !m.possessive {
            1
        } else {
            2
        };
        let score = dist * 2 + salience + u32::from(want.is_some() && e.gender.is_none());
        if best.is_none_or(|(s, _)| score <= s) {
            best = Some((score, m.entity));
        }
    }
    best.map(|(_, e)| e)
}

fn opposite(g: Gender) -> Gender {
    match g {
        Gender::Male => Gender::Female,
        Gender::Female => Gender::Male,
    }
}

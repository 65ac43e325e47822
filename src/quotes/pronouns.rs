//! Pronoun resolution: "he wrote" / "she said" / "it said" is credited to the earlier
//! person (or organisation) that fits the pronoun's gender, preferring recent sentences,
//! speakers and clause subjects over other mentions.

use super::attribution::Pronoun;
use super::doc::Doc;
use super::entities::Entities;
use super::gender::{self, Gender};
use super::lexicon;
use super::mentions::Mention;
use super::names::NameKind;
use super::tokens::NAME_WORD;

/// How far back (in sentences) a pronoun may reach.
const MAX_SENTENCES: u32 = 6;

/// Gives a gender to people whose gender is unknown when the pronouns right after
/// their mentions as a subject are all of one gender, and makes an organisation of
/// a speaker of no known gender followed by its own "its" (see
/// [`first_pronoun_is_its`]: "Siemens said its business could be hurt").
pub(crate) fn infer_kinds_and_genders(
    doc: &Doc,
    mentions: &[Mention],
    entities: &mut Entities,
    quoted: &[bool],
) {
    for (k, m) in mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.subject || m.speaker)
    {
        let Some(e) = entities.list.get(m.entity) else {
            continue;
        };
        // A name of no known gender, speaking ("Siemens said its", "Morgan
        // Stanley said its"), not a ticker ("BARC.L") nor a capitalised word
        // opening a sentence.
        let company = m.speaker
            && matches!(e.kind, NameKind::Unknown | NameKind::Person)
            && e.gender.is_none()
            && !e.name.contains('.')
            && !lexicon::is_common(&e.name)
            && !called_by_surname(mentions, m.entity, &e.name);
        if company {
            let next_name = mentions.get(k + 1).map_or(doc.tokens.len(), |n| n.lead);
            if first_pronoun_is_its(doc, m, next_name, quoted) {
                entities.list[m.entity].kind = NameKind::Org;
                continue;
            }
        }
        if e.kind != NameKind::Person || e.gender.is_some() {
            continue;
        }
        let (he, she) = gendered_pronouns_after(doc, m, quoted);
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

/// True when entity `e`, named in several words, is also named by one word
/// alone: a person's surname ("Clayton Yeutter" ... "Yeutter said"), where
/// a company keeps its name ("Morgan Stanley" throughout). The "its" after
/// such a person is another's ("For Taiwan, Yeutter said that with its
/// surplus").
fn called_by_surname(mentions: &[Mention], e: usize, name: &str) -> bool {
    name.contains(' ') && mentions.iter().any(|m| m.entity == e && m.words == 1)
}

/// Most words between a speaking name and an "its" of its own: the verb and
/// a time or "that" ("ThyssenKrupp said on Tuesday its talks").
const ITS_WITHIN: usize = 5;

/// True when "its" follows mention `m` within [`ITS_WITHIN`] words of its
/// sentence, before token `until` (the next name), with no pronoun nor
/// determiner before it (after "the central bank's", "its" is the bank's),
/// and no "he" or "she" follows in the sentence or the next.
fn first_pronoun_is_its(doc: &Doc, m: &Mention, until: usize, quoted: &[bool]) -> bool {
    let sent = doc.sent_of[m.last];
    let first = (m.last + 1..until.min(doc.tokens.len()))
        .take(ITS_WITHIN + 1)
        .take_while(|&j| doc.sent_of[j] == sent && !quoted[j])
        .map(|j| doc.text(j))
        .find(|w| {
            gender::of_pronoun(w).is_some()
                || matches!(
                    *w,
                    "it" | "its" | "they" | "their" | "the" | "a" | "an" | "The"
                )
        });
    first == Some("its") && gendered_pronouns_after(doc, m, quoted) == (0, 0)
}

/// How many "he" and "she" follow mention `m` outside quotes, in its sentence
/// and the next, in its paragraph.
fn gendered_pronouns_after(doc: &Doc, m: &Mention, quoted: &[bool]) -> (u32, u32) {
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
    (he, she)
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
        Pronoun::They | Pronoun::Person => None,
        Pronoun::First => return None,
    };
    let sent = *doc.sent_of.get(tok)?;
    let mut best: Option<(u32, usize)> = None;
    for m in mentions.iter().filter(|m| m.last < tok) {
        let Some(e) = entities.list.get(m.entity) else {
            continue;
        };
        let fits = match want {
            Some(g) => {
                (e.kind == NameKind::Person && e.gender != Some(opposite(g)))
                    || spokesperson_of(doc, m).is_some_and(|v| v != Some(opposite(g)))
            }
            // A person known as a man or a woman: the name lists take
            // "Old Trafford" or "US Open" for people too.
            None if p == Pronoun::Person => e.kind == NameKind::Person && e.gender.is_some(),
            None => e.kind == NameKind::Org,
        };
        let dist = sent.saturating_sub(doc.sent_of[m.last]);
        if !fits || dist > MAX_SENTENCES || is_addressee_or_credit(doc, m) || is_place_in(doc, m) {
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

/// True for a name that is told something, shown something or credited in a
/// dateline ("told Reuters", "in an email to Reuters", "a document seen by
/// Reuters", "FRANKFURT (Reuters) -"): the news agency writing the story, or
/// whoever a speaker addresses, is not who a later "it" or "he" is.
fn is_addressee_or_credit(doc: &Doc, m: &Mention) -> bool {
    let word = |back: usize| word_before(doc, m, back);
    let addressed = match word(1) {
        "told" | "tell" | "tells" | "telling" | "showed" | "shows" | "show" | "showing" => true,
        "by" => matches!(
            word(2),
            "seen" | "obtained" | "reviewed" | "polled" | "surveyed" | "interviewed" | "contacted"
        ),
        "to" => matches!(
            word(2),
            "email" | "e-mail" | "statement" | "letter" | "comments" | "interview" | "spoke"
        ),
        _ => false,
    };
    addressed
        || (doc.is_punct(m.lead.wrapping_sub(1), "(")
            && doc.is_punct(m.last + 1, ")")
            && ["-", "–", "—"].iter().any(|d| doc.is_punct(m.last + 2, d)))
}

/// True for a name of one or two words and no title after "in" ("a
/// dealer in Lower Saxony", "a camp in eastern Chad"), or a street's after
/// "on" ("lived on Marsden Lane"): a place the name lists may take for a
/// person (a forename such as "Chad", two capitalised words), whom a later
/// "he" or "she" is not.
fn is_place_in(doc: &Doc, m: &Mention) -> bool {
    let word = |back: usize| word_before(doc, m, back);
    let region = matches!(
        word(1),
        "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
            | "rural"
    );
    // A street one lives or stands on ("who has lived on Marsden Lane"):
    // the kinds of street that are also surnames are left out of the
    // place words, so the name lists may take it for a person.
    let street = matches!(
        doc.text(m.last),
        "Lane" | "Street" | "Avenue" | "Drive" | "Boulevard" | "Terrace" | "Crescent"
    );
    // A longer run, or one with a title, is a place and a person ("in
    // Tokyo Tomas de Hora", "Speaking in Harrogate Mr Kennedy said").
    let plain = m.words <= 2 && m.lead == m.first && !m.possessive;
    plain && (word(1) == "in" || (region && word(2) == "in") || (street && word(1) == "on"))
}

/// The spokesperson an organisation's mention speaks through, when it has
/// one ("a spokeswoman for Google", "a Kremlin spokesman"), with the
/// gender the noun gives (`None` for "spokesperson"): a later "she said"
/// is that spokeswoman, who speaks for it.
fn spokesperson_of(doc: &Doc, m: &Mention) -> Option<Option<Gender>> {
    let voice = |w: &str| match w {
        "spokesman" => Some(Some(Gender::Male)),
        "spokeswoman" => Some(Some(Gender::Female)),
        "spokesperson" => Some(None),
        _ => None,
    };
    if m.kind != NameKind::Org {
        return None;
    }
    // Unnamed: no comma and name after "a spokesman for X", no name after
    // "an X spokesman" ("White House spokesman Tony Snow" is Tony Snow).
    let back = 2 + usize::from(is_article(word_before(doc, m, 1)));
    let before = (word_before(doc, m, back - 1) == "for" && !doc.is_punct(m.last + 1, ","))
        .then(|| voice(word_before(doc, m, back)))
        .flatten();
    let unnamed_after = !doc.has(m.last + 2, NAME_WORD);
    before.or_else(|| voice(doc.text(m.last + 1)).filter(|_| unnamed_after))
}

/// "the", which may stand between "a spokesman for" and the name.
fn is_article(w: &str) -> bool {
    matches!(w, "the" | "The")
}

/// The token `back` places before mention `m` (its titles included), or "".
fn word_before<'a>(doc: &Doc<'a>, m: &Mention, back: usize) -> &'a str {
    m.lead.checked_sub(back).map_or("", |b| doc.text(b))
}

fn opposite(g: Gender) -> Gender {
    match g {
        Gender::Male => Gender::Female,
        Gender::Female => Gender::Male,
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::extract;

    fn speakers(body: &str) -> Vec<Option<String>> {
        extract(body).into_iter().map(|q| q.speaker).collect()
    }

    #[test]
    fn a_pronoun_after_an_organisations_spokesperson_is_the_organisation() {
        let before = "Lib Dem chairman Matthew Taylor wrote to the watchdog.\n\n";
        let body = format!(
            "{before}A spokesman for the Kremlin said talks went on. \
             \"We are ready to talk to them,\" he said."
        );
        assert_eq!(speakers(&body), [Some("Kremlin".to_string())]);
        let body = format!(
            "{before}A Kremlin spokeswoman said talks went on. \
             \"We are ready to talk to them,\" she said."
        );
        assert_eq!(speakers(&body), [Some("Kremlin".to_string())]);
        // A spokeswoman is no "he"; a spokesman named is himself.
        let body = format!(
            "{before}A Kremlin spokeswoman said talks went on. \
             \"We are ready to talk to them,\" he said."
        );
        assert_ne!(speakers(&body), [Some("Kremlin".to_string())]);
        let body = "White House spokesman Tony Snow declined to comment on the plan but \
                    said, \"Everyone knows the firms are struggling.\" \"That is why we \
                    are talking to them,\" he added.";
        assert_eq!(speakers(body)[1].as_deref(), Some("Tony Snow"));
    }
}

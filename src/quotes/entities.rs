//! The article's entity table: mentions of the same person or organisation are grouped
//! ("Marco Rubio", "Rubio", "Mr. Rubio", "the secretary") and each entity is named by
//! the fullest form the article gives.

use std::borrow::Cow;

use super::doc::Doc;
use super::gender::{self, Gender};
use super::initials::{initials, initials_fit, is_acronym};
use super::lexicon;
use super::mentions::{owns_its_s, possessive, Mention};
use super::names::NameKind;
use super::wordinfo;

/// A person, organisation or place referred to in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entity<'a> {
    /// Person, organisation, place, role or unknown.
    pub kind: NameKind,
    /// Gender, when a title, forename or pronoun tells it.
    pub gender: Option<Gender>,
    /// Roles the article gives the entity ("secretary", "senator").
    pub roles: Vec<&'static str>,
    /// The fullest name the article gives (the body's own words when its
    /// spacing is plain, as it mostly is: no copy).
    pub name: Cow<'a, str>,
    words: usize,
    key: Cow<'a, str>,
    first: &'a str,
    /// Introduced as a relative ("his daughter, Clare Pritchard"): the
    /// article's own subject, not this relative, is the one its bare
    /// surname names when they share it.
    kin: bool,
}

/// All entities of one article.
#[derive(Debug, Default)]
pub(crate) struct Entities<'a> {
    /// Entities in order of creation.
    pub list: Vec<Entity<'a>>,
}

/// The text of a mention's name proper, whitespace-collapsed, possessive removed.
pub(crate) fn mention_text<'a>(doc: &Doc<'a>, m: &Mention) -> Cow<'a, str> {
    let (Some(a), Some(b)) = (doc.tokens.get(m.first), doc.tokens.get(m.last)) else {
        return Cow::Borrowed("");
    };
    let mut end = b.end;
    if doc.is_punct(m.last + 1, ".") && lexicon::ends_name_with_period(doc.text(m.last)) {
        end += 1;
    }
    let raw = doc.body.get(a.start..end).unwrap_or("");
    let raw = if m.possessive {
        possessive(raw).unwrap_or(raw)
    } else {
        raw
    };
    let plain = |c: char| c == ' ' || !c.is_whitespace();
    if raw.chars().all(plain) && !raw.contains("  ") && !raw.starts_with(' ') && !raw.ends_with(' ')
    {
        // Already as collapsed as it would be made.
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    for w in raw.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    Cow::Owned(out)
}

/// The key word of a person's name: its last word, suffixes and possessive removed.
fn key_of<'a>(doc: &Doc<'a>, m: &Mention) -> &'a str {
    let last = m.key_word.map_or("", |k| doc.text(k));
    possessive(last).unwrap_or(last)
}

impl<'a> Entities<'a> {
    /// Groups `mentions` into entities, setting each mention's `entity`.
    pub fn build(doc: &Doc<'a>, mentions: &mut [Mention]) -> Self {
        let mut table = Entities::default();
        for i in 0..mentions.len() {
            let m = &mentions[i];
            let full = m.words >= 2 && m.kind == NameKind::Person;
            let entity = if full || m.kind == NameKind::Org {
                Some(table.add_full(doc, m))
            } else if let Some(e) = table.spelled_out(doc, m) {
                // "the Pakistan Meteorological Department (PMD) … the PMD
                // said": an acronym the name lists do not know.
                Some(e)
            } else {
                table.person_initials(doc, &mentions[..i], m)
            };
            if let Some(e) = entity {
                mentions[i].entity = e;
            }
        }
        let mut last_seen = vec![0usize; table.list.len()];
        for (i, m) in mentions.iter_mut().enumerate() {
            if m.entity == usize::MAX {
                m.entity = table.link_short(doc, m, &last_seen);
            }
            let person = table.list[m.entity].kind == NameKind::Person;
            if !person && possessive(doc.text(m.last)).is_some() && owns_its_s(doc, m.last) {
                // "Moody's said": the `'s` is the name's own, whatever the
                // possessives before it ("Moody's rating") made of it (a
                // person's is a slip: "Buffett's said").
                table.list[m.entity].name = mention_text(doc, m);
            }
            last_seen.resize(table.list.len(), 0);
            last_seen[m.entity] = i + 1;
            table.absorb(m);
        }
        table
    }

    /// The organisation named in full before whose initials mention `m`
    /// is, when `m` is one word in capitals of unknown kind.
    fn spelled_out(&self, doc: &Doc<'a>, m: &Mention) -> Option<usize> {
        let word = doc.text(m.first);
        if m.kind != NameKind::Unknown || m.words != 1 {
            return None;
        }
        self.org_of_initials(word)
    }

    /// The person whose initials one-word mention `m` are, given in
    /// parentheses just after the person's full name in one of the
    /// mentions `before` ("K.T. Rama Rao (KTR) … KTR told reporters",
    /// "Alexandria Ocasio-Cortez (AOC)").
    fn person_initials(&self, doc: &Doc<'a>, before: &[Mention], m: &Mention) -> Option<usize> {
        if m.kind != NameKind::Unknown || m.words != 1 || before.is_empty() {
            return None;
        }
        let word = doc.text(m.first);
        if !is_acronym(word) {
            return None;
        }
        // A person the name lists know as one: a forename or title told the
        // gender, or the name opens on an initial ("K.T. Rama Rao"; not
        // "European Stability Mechanism (ESM)", three words of no kind).
        let personal = |p: &Mention| {
            let first = doc.text(p.first);
            let initials = first.split_terminator('.').all(|c| c.len() == 1);
            let cut = first.ends_with('.') || doc.is_punct(p.first + 1, ".");
            p.gender.is_some() || (initials && cut)
        };
        let given = before.iter().rev().find(|p| {
            p.kind == NameKind::Person
                && p.words >= 2
                && doc.is_punct(p.last + 1, "(")
                && doc.text(p.last + 2) == word
                && doc.is_punct(p.last + 3, ")")
                && personal(p)
                && initials_fit(word, &self.list[p.entity].name)
        });
        given.map(|p| p.entity)
    }

    /// The organisation whose initials `acronym` is ("ECB" for the
    /// European Central Bank), when it is one.
    fn org_of_initials(&self, acronym: &str) -> Option<usize> {
        if !is_acronym(acronym) {
            return None;
        }
        self.list
            .iter()
            .position(|e| e.kind == NameKind::Org && initials(&e.name) == acronym)
    }

    fn add_full(&mut self, doc: &Doc<'a>, m: &Mention) -> usize {
        let name = mention_text(doc, m);
        let key = if m.kind == NameKind::Org {
            name.clone()
        } else {
            Cow::Borrowed(key_of(doc, m))
        };
        let first = doc.text(m.first);
        let found = self.list.iter().position(|e| {
            e.kind == m.kind
                && e.key == key
                && (m.kind == NameKind::Org
                    || (same_first(e.first, first) && same_middle(&e.name, &name)))
        });
        let found = found.or_else(|| {
            (m.kind == NameKind::Org)
                .then(|| self.org_of_initials(&name))
                .flatten()
        });
        let found = found.or_else(|| self.named_by_head(m, &name));
        if let Some(i) = found {
            if m.words > self.list[i].words {
                self.list[i].name = name;
                self.list[i].words = m.words;
            }
            return i;
        }
        self.push(Entity {
            kind: m.kind,
            gender: None,
            roles: Vec::new(),
            name,
            words: m.words,
            key,
            first,
            kin: introduced_as_kin(doc, m),
        })
    }

    /// The latest organisation named earlier in full whose last word is the
    /// one-word organisation `m` ("the Commission" after "the European
    /// Commission", "the Ministry" after "the Finance Ministry").
    fn named_by_head(&self, m: &Mention, name: &str) -> Option<usize> {
        if m.kind != NameKind::Org || m.words != 1 {
            return None;
        }
        // "Fed" alone is the Federal Reserve, not the "New York Fed" named
        // before; an acronym is a whole name ("OECD").
        if name == "Fed" || is_acronym(name) {
            return None;
        }
        let head = |e: &Entity| e.name.rsplit(' ').next() == Some(name);
        // A person taken for an organisation by a surname such as "Post" or
        // "Court" ("Chief Executive Glen Post") is no organisation to name.
        let personal = |e: &Entity| {
            let words = e.name.split(' ');
            words.take(e.words - 1).any(|w| {
                let info = wordinfo::info(w);
                info.title.is_some() || info.forename.is_some()
            })
        };
        (0..self.list.len()).rev().find(|&e| {
            let e = &self.list[e];
            e.kind == NameKind::Org && e.words >= 2 && head(e) && !personal(e)
        })
    }

    fn link_short(&mut self, doc: &Doc<'a>, m: &Mention, last_seen: &[usize]) -> usize {
        if m.kind == NameKind::Role {
            let by_role = (0..self.list.len())
                .filter(|&e| self.list[e].roles.iter().any(|r| m.roles.contains(r)))
                .max_by_key(|&e| last_seen.get(e).copied().unwrap_or(0));
            return by_role.unwrap_or_else(|| self.new_from(doc, m));
        }
        let key = key_of(doc, m);
        let fits = |e: &Entity| {
            e.kind == NameKind::Person
                && (e.key == key || (e.first == key && gender::of_forename(key).is_some()))
                && (m.gender.is_none() || e.gender.is_none() || e.gender == m.gender)
        };
        // A surname shared with a relative introduced as one names the
        // other person ("Alan Pritchard … his daughter, Clare Pritchard …
        // Pritchard left school at 15").
        let other_bearer = (self.list.iter()).any(|o| fits(o) && o.key == key && !o.kin);
        let best = (0..self.list.len())
            .filter(|&e| fits(&self.list[e]) && !(other_bearer && self.list[e].kin))
            .max_by_key(|&e| (last_seen.get(e).copied().unwrap_or(0), usize::MAX - e));
        if let Some(e) = best {
            return e;
        }
        let same = self
            .list
            .iter()
            .position(|e| e.key == key && e.kind != NameKind::Role);
        same.unwrap_or_else(|| self.new_from(doc, m))
    }

    fn new_from(&mut self, doc: &Doc<'a>, m: &Mention) -> usize {
        let name = if m.kind == NameKind::Role {
            Cow::Borrowed("")
        } else {
            mention_text(doc, m)
        };
        self.push(Entity {
            kind: m.kind,
            gender: None,
            roles: Vec::new(),
            key: Cow::Borrowed(key_of(doc, m)),
            first: doc.text(m.first),
            words: m.words,
            name,
            kin: false,
        })
    }

    fn push(&mut self, e: Entity<'a>) -> usize {
        self.list.push(e);
        self.list.len() - 1
    }

    /// Adds what a mention tells (gender, roles, person-hood) to its entity.
    fn absorb(&mut self, m: &Mention) {
        let Some(e) = self.list.get_mut(m.entity) else {
            return;
        };
        e.gender = e.gender.or(m.gender);
        for r in &m.roles {
            if !e.roles.contains(r) {
                e.roles.push(r);
            }
        }
        if e.kind == NameKind::Unknown && m.kind == NameKind::Person {
            e.kind = NameKind::Person;
        }
    }

    /// Marks an entity as a person (it was the subject of a reporting verb).
    pub fn promote(&mut self, e: usize) {
        if let Some(ent) = self.list.get_mut(e) {
            if ent.kind == NameKind::Unknown {
                ent.kind = NameKind::Person;
            }
        }
    }

    /// The name to report for entity `e`, if it has one.
    pub fn speaker(&self, e: usize) -> Option<String> {
        self.list
            .get(e)
            .filter(|x| !x.name.is_empty())
            .map(|x| x.name.to_string())
    }
}

/// Two first words of the same person: equal, or one is the other's initial.
/// True for a name in apposition to a relative ("his daughter, Clare
/// Pritchard", "her husband John Hale").
fn introduced_as_kin(doc: &Doc, m: &Mention) -> bool {
    let before = |back: usize| m.lead.checked_sub(back).map_or("", |b| doc.text(b));
    let kin = if before(1) == "," {
        before(2)
    } else {
        before(1)
    };
    matches!(
        kin,
        "daughter"
            | "son"
            | "wife"
            | "husband"
            | "widow"
            | "widower"
            | "brother"
            | "sister"
            | "mother"
            | "father"
            | "niece"
            | "nephew"
            | "granddaughter"
            | "grandson"
            | "cousin"
            | "partner"
            | "stepson"
            | "stepdaughter"
    )
}

fn same_first(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() == 1 && long.starts_with(short)
}

/// Two names of three words of the same person by their middle words:
/// equal in any case, or one is the other's initial ("George W. Bush",
/// "George Walker Bush"; "Charles de Gaulle", "Charles De Gaulle"), or one
/// name has none or several. "K. Chandrashekar Rao" and "K.T. Rama Rao"
/// share a surname and an initial, not a person.
fn same_middle(a: &str, b: &str) -> bool {
    match (middle_word(a), middle_word(b)) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y) || same_first(x, y),
        _ => true,
    }
}

/// The middle word of a name of three words, without its period.
fn middle_word(name: &str) -> Option<&str> {
    let mut words = name.split_whitespace().skip(1);
    let middle = words.next()?;
    words.next()?;
    words.next().is_none().then(|| middle.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::super::mentions;
    use super::*;

    fn entity_names(body: &str) -> Vec<String> {
        let mut doc = Doc::scan(body);
        doc.analyse();
        let quoted = vec![false; doc.tokens.len()];
        let mut ms = mentions::find(&doc, &quoted);
        let table = Entities::build(&doc, &mut ms);
        ms.iter()
            .map(|m| table.speaker(m.entity).unwrap_or_default())
            .collect()
    }

    #[test]
    fn surname_resolves_to_full_name_before_or_after() {
        let names =
            entity_names("Rubio spoke. Then Secretary of State Marco Rubio left. Mr. Rubio sat.");
        assert_eq!(names, ["Marco Rubio", "Marco Rubio", "Marco Rubio"]);
    }

    #[test]
    fn same_surname_different_people_by_gender() {
        let names = entity_names(
            "Bill Clinton met Hillary Clinton. Mrs. Clinton left. Mr. Clinton stayed.",
        );
        assert_eq!(
            names,
            [
                "Bill Clinton",
                "Hillary Clinton",
                "Hillary Clinton",
                "Bill Clinton"
            ]
        );
    }

    #[test]
    fn a_surname_shared_with_a_relative_names_the_other_person() {
        let names = entity_names(
            "Alan Pritchard has died. His daughter, Clare Pritchard, said he died at home. \
             Pritchard left school at 15. Clare said so.",
        );
        assert_eq!(
            names,
            [
                "Alan Pritchard",
                "Clare Pritchard",
                "Alan Pritchard",
                "Clare Pritchard"
            ]
        );
        let alone = entity_names("His widow, Mary Hale, spoke. Hale said so.");
        assert_eq!(alone, ["Mary Hale", "Mary Hale"]);
    }

    #[test]
    fn same_surname_and_initial_different_middle_names_are_two_people() {
        let names = entity_names(
            "K. Chandrashekar Rao ruled. K.T. Rama Rao spoke. George W. Bush met \
             George Walker Bush.",
        );
        assert_eq!(
            names,
            [
                "K. Chandrashekar Rao",
                "K.T. Rama Rao",
                "George W. Bush",
                "George W. Bush"
            ]
        );
        let names = entity_names("Charles de Gaulle spoke. Then Charles De Gaulle left.");
        assert_eq!(names, ["Charles de Gaulle", "Charles de Gaulle"]);
    }

    #[test]
    fn acronyms_link_to_organisations() {
        let names = entity_names("The European Central Bank met. The ECB said no.");
        assert_eq!(names, ["European Central Bank", "European Central Bank"]);
        // An acronym the name lists do not know, given in parentheses.
        let body =
            "The Pakistan Meteorological Department (PMD) warned of rain. The PMD said more.";
        let names = entity_names(body);
        assert!(
            names
                .iter()
                .all(|n| n == "Pakistan Meteorological Department"),
            "{names:?}"
        );
        // Not one whose initials differ.
        let names = entity_names("The Pakistan Meteorological Department met. The PTA said no.");
        assert_eq!(names[1], "PTA");
    }

    #[test]
    fn role_descriptions_link_to_titled_people() {
        let names = entity_names("President Vladimir Putin spoke. The President left.");
        assert_eq!(names, ["Vladimir Putin", "Vladimir Putin"]);
    }
}

//! Mentions of people, organisations and places in the article text outside quotes:
//! runs of capitalised words found by a scan over the tokens, then analysed by
//! [`names`](super::names).

use super::doc::Doc;
use super::gender::Gender;
use super::lexicon;
use super::names::{self, NameKind, Word};
use super::title_runs::{head_of_state, of_the, title_initials, title_of_the};
use super::tokens::{Kind, LOWER_WORD, NAME_WORD};
use super::wordclass::{is_clause_opener, is_own_s_verb, is_verb_filler};
use super::wordinfo;

/// One mention of a name in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    /// Token index where the mention starts (its titles included).
    pub lead: usize,
    /// Token index of the first word of the name proper.
    pub first: usize,
    /// Token index of the last word of the name proper.
    pub last: usize,
    /// How many words the name proper has.
    pub words: usize,
    /// Token of the name's key word: its last word that is no suffix
    /// ("Jr."), or its last word; `None` without words (a role).
    pub key_word: Option<usize>,
    /// Person, organisation, place, role or unknown.
    pub kind: NameKind,
    /// Gender implied by a title or forename.
    pub gender: Option<Gender>,
    /// Roles named by titles or the lowercase word just before ("negotiator").
    pub roles: Vec<&'static str>,
    /// Written in the possessive ("Rubio's").
    pub possessive: bool,
    /// Looks like the subject of its clause.
    pub subject: bool,
    /// Is the subject of a reporting verb.
    pub speaker: bool,
    /// Entity the mention refers to (set by the entity table).
    pub entity: usize,
}

/// True when word token `i` can continue (or start) a capitalised run.
fn is_name_word(doc: &Doc, i: usize) -> bool {
    doc.has(i, NAME_WORD)
}

/// Finds all mentions outside quoted spans of three or more words.
pub(crate) fn find(doc: &Doc, quoted: &[bool]) -> Vec<Mention> {
    let mut out = Vec::new();
    let (mut words, mut named) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < doc.tokens.len() {
        let starts = !quoted[i]
            && (is_name_word(doc, i)
                || (doc.has(i, LOWER_WORD)
                    && is_name_word(doc, i + 1)
                    && matches!(
                        doc.text(i),
                        "de" | "van" | "von" | "bin" | "al" | "di" | "da" | "du"
                    )));
        if !starts || is_dateline_credit(doc, i) {
            i += 1;
            continue;
        }
        if head_of_state(doc, i) {
            // "the Head of State said": a description (see subjects.rs).
            i += 3;
            continue;
        }
        let next = run(doc, i, &mut words);
        let last = words.last().copied().unwrap_or(i);
        if modifies_compound(doc, last) || is_dateline_place(doc, &words) {
            // "a Hong Kong-listed distributor", "WASHINGTON (Reuters) -".
            i = next.max(i + 1);
            continue;
        }
        if let Some(m) = mention(doc, &words, &mut named) {
            out.push(m);
        }
        i = next.max(i + 1);
    }
    super::appositions::add_roles(doc, &mut out);
    super::appositions::mark_things(doc, &mut out);
    out
}

/// True for the news agency credited in the dateline that opens the body
/// (`KYIV (Reuters) -`, `WASHINGTON (AP) —`): a one-word name in
/// parentheses among the first tokens. It reported the story and says
/// nothing in it; as a mention it drew the pronouns of the opening
/// paragraph ("…," it said).
fn is_dateline_credit(doc: &Doc, i: usize) -> bool {
    i < DATELINE_TOKENS
        && doc.para_of.get(i) == Some(&0)
        && i.checked_sub(1).is_some_and(|p| doc.is_punct(p, "("))
        && doc.is_punct(i + 1, ")")
}

/// True when the run ending at token `last` is the first part of a
/// capitalised compound describing something ("Hong Kong-listed", "New
/// York-based"): a description, no name.
fn modifies_compound(doc: &Doc, last: usize) -> bool {
    let next = last + 1;
    let text = doc.text(next);
    doc.is_word(next)
        && doc.adjacent(last)
        && text.starts_with(char::is_uppercase)
        && text.contains('-')
        && !is_name_word(doc, next)
}

/// True for the place of the dateline that opens the body (`WASHINGTON
/// (Reuters) -`, `NEW YORK/LONDON, Nov 29 -`): it says where the story was
/// filed and is nobody's name ("WASHINGTON (Reuters) - Following are
/// excerpts …: "…"" had credited "WASHINGTON").
fn is_dateline_place(doc: &Doc, words: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return false;
    };
    let dash = (last + 1..DATELINE_TOKENS.min(doc.tokens.len()))
        .take_while(|&k| !doc.has(k, LOWER_WORD))
        .find(|&k| matches!(doc.text(k), "-" | "—" | "–") && doc.tokens[k].kind == Kind::Punct);
    let Some(dash) = dash.filter(|_| first == 0) else {
        return false;
    };
    // An agency's credit or a place in capitals: not "Norman Cook - aka …".
    let credit = (last + 1..dash).any(|k| doc.is_punct(k, "("));
    let capitals = |&w: &usize| doc.text(w).chars().all(|c| c.is_uppercase() || c == '.');
    credit || words.iter().all(capitals)
}

/// How far into the body a dateline's credit may stand, in tokens
/// (`NEW YORK/LONDON, Nov 29 (Reuters) -` holds ten).
const DATELINE_TOKENS: usize = 16;

/// Collects the word tokens of the capitalised run starting at `i` into `words`;
/// returns the index after the run.
fn run(doc: &Doc, i: usize, words: &mut Vec<usize>) -> usize {
    words.clear();
    words.push(i);
    let mut j = i;
    loop {
        let own_s = || (j == i && company_after_s(doc, j)) || office_after_s(doc, j);
        if possessive(doc.text(j)).is_some() && !own_s() {
            break;
        }
        let mut k = j;
        // "Mr." / "H." keep the run going through their period.
        if doc.is_punct(k + 1, ".") && doc.tokens[k].end == doc.tokens[k + 1].start {
            let w = doc.text(k);
            if lexicon::is_abbreviation(w) && doc.sent_of.get(k + 2) == doc.sent_of.get(k) {
                k += 1;
            } else {
                break;
            }
        }
        if nickname(doc, k) {
            // Marcia "Cia" Price: step over the quoted nickname.
            k += 3;
        }
        if ampersand(doc, k) || plural_possessive_in_org(doc, k) {
            // "Standard & Poor's", "Procter & Gamble", "National Farmers'
            // Union": one name.
            words.push(k + 2);
            j = k + 2;
            continue;
        }
        if !doc.adjacent(k) || !doc.is_word(k + 1) || doc.para_of.get(k + 1) != doc.para_of.get(k) {
            if title_initials(doc, words, k) {
                // "Superintendent of Police (SP) Ravi Kumar": over the
                // title's initials to the person.
                words.push(k + 4);
                j = k + 4;
                continue;
            }
            break;
        }
        let next = k + 1;
        let w = doc.text(next);
        let prev = doc.text(j);
        if title_of_the(doc, j, next) || org_of_the(doc, j, next) {
            // "Comptroller of the Currency John Dugan": "of the" inside.
            words.extend([next, next + 1]);
            j = next + 1;
            continue;
        }
        let joins = is_name_word(doc, next)
            || (lexicon::is_particle(w)
                && (is_name_word(doc, next + 1)
                    || (lexicon::is_particle(doc.text(next + 1)) && is_name_word(doc, next + 2))))
            || (matches!(w, "of" | "for")
                && is_name_word(doc, next + 1)
                && (lexicon::title(prev).is_some() || lexicon::is_org_word(prev)))
            || (w == "and" && words.len() == 1 && public_body_after(doc, next + 1))
            || (w == "and" && body_in_progress(doc, words) && ends_body(doc, next + 1));
        if !joins {
            break;
        }
        words.push(next);
        j = next;
    }
    j + 1 + usize::from(doc.is_punct(j + 1, "."))
}

/// True when the run's words so far name a public body by what it is for
/// ("Organisation for Economic Cooperation", "Department of Health"), whose
/// name goes on after "and" ("… and Development", "… and Human Services").
fn body_in_progress(doc: &Doc, words: &[usize]) -> bool {
    let head = words.first().map(|&w| doc.text(w));
    let heads = [
        "Organisation",
        "Organization",
        "Department",
        "Ministry",
        "Institute",
    ];
    words.len() >= 3
        && head.is_some_and(|h| heads.contains(&h))
        && matches!(doc.text(words[1]), "of" | "for")
        && !words.iter().any(|&w| doc.text(w) == "and")
}

/// True when the name words from `from` (at most three) end in a word
/// that closes such a body's name: "Development", "Services" ("Housing and
/// Urban Development", "Health and Human Services").
fn ends_body(doc: &Doc, from: usize) -> bool {
    closes_on(doc, from, 0, |w| matches!(w, "Development" | "Services"))
}

/// True when the name words from `from` end, within three, in a public
/// body's word after one at least, so that the one word before "and" opens
/// the body's name: "Securities and Exchange Commission", "Food and Drug
/// Administration" (not "Ford and General Motors": a company's word).
fn public_body_after(doc: &Doc, from: usize) -> bool {
    let body = |w: &str| {
        matches!(
            w,
            "Commission"
                | "Administration"
                | "Agency"
                | "Authority"
                | "Board"
                | "Bureau"
                | "Office"
        )
    };
    closes_on(doc, from, 1, body)
}

/// True when one of the name words from `from` (at most three), past the
/// first `skip`, is a `closing` word.
fn closes_on(doc: &Doc, from: usize, skip: usize, closing: impl Fn(&str) -> bool) -> bool {
    (from..from + 3)
        .take_while(|&w| is_name_word(doc, w))
        .skip(skip)
        .any(|w| closing(doc.text(w)))
}

/// True when word `k` ends in a plural's apostrophe that an organisation's
/// name runs through: "National Farmers' Union", "Veterans' Affairs", "the
/// Workers’ Party" (an organisation word within two words after it).
fn plural_possessive_in_org(doc: &Doc, k: usize) -> bool {
    let mark = k + 1;
    let attached = doc
        .tokens
        .get(mark)
        .is_some_and(|t| t.start == doc.tokens[k].end);
    if !doc.text(k).ends_with('s') || !attached || !matches!(doc.text(mark), "'" | "’") {
        return false;
    }
    (mark + 1..mark + 3)
        .take_while(|&w| is_name_word(doc, w))
        .any(|w| wordinfo::info(doc.text(w)).org)
}

/// Most words of a company's name after its own `'s` ("Investors Service").
const AFTER_S: usize = 2;

/// True when the `'s` of token `j`, the first word of its run, belongs to a
/// company's name that goes on after it ("Moody's Investors Service",
/// "McDonald's Corp"): at most [`AFTER_S`] name words follow, the last an
/// organisation word and the first none, nor a title or place ("Germany's
/// Deutsche Bank", "Obama's Treasury Secretary", "People's Bank of China":
/// a possessive before a name of its own), unless it is a company's legal
/// form alone ("Macy's Inc"). A place's or a weekday's `'s` is always a
/// possessive, and so is a longer owner's ("Warren Buffett's Berkshire
/// Hathaway").
fn company_after_s(doc: &Doc, j: usize) -> bool {
    let Some(owner) = possessive(doc.text(j)) else {
        return false;
    };
    if wordinfo::info(owner).place || lexicon::is_common(owner) {
        return false;
    }
    let (mut count, mut k) = (0, j);
    while count <= AFTER_S && doc.adjacent(k) && is_name_word(doc, k + 1) {
        k += 1;
        count += 1;
    }
    if count == 0 || count > AFTER_S {
        return false;
    }
    let (first, last) = (doc.text(j + 1), doc.text(k));
    let first_info = wordinfo::info(first);
    let plain = !first_info.org && first_info.title.is_none() && !first_info.place;
    let legal_form = count == 1 && is_legal_form(first);
    wordinfo::info(last).org && (plain || legal_form)
}

/// True when the `'s` of token `j` is an office-holder's in the name of
/// the office: a title, then an organisation word ("Harlan County
/// Sheriff's Office", "the Prime Minister's Office", "the District
/// Attorney's Office said"), where the name had been cut to its last word.
fn office_after_s(doc: &Doc, j: usize) -> bool {
    possessive(doc.text(j)).is_some_and(|owner| lexicon::title(owner).is_some())
        && doc.adjacent(j)
        && is_name_word(doc, j + 1)
        && wordinfo::info(doc.text(j + 1)).org
}

/// True for "of the" inside an organisation's name, after one of its words
/// and before a name: "the Office of the Revenue Commissioners", "the
/// Department of the Treasury" (the name had been cut at "of the").
fn org_of_the(doc: &Doc, j: usize, next: usize) -> bool {
    of_the(doc, next)
        && doc.adjacent(next + 1)
        && is_name_word(doc, next + 2)
        && wordinfo::info(doc.text(j)).org
}

/// A company's legal form, which ends its name ("Inc", "Corp.", "Plc").
fn is_legal_form(word: &str) -> bool {
    matches!(
        word.strip_suffix('.').unwrap_or(word),
        "Inc" | "Corp" | "Co" | "Ltd" | "Plc" | "PLC" | "LLC" | "LLP" | "AG" | "SA" | "NV"
    )
}

/// True when tokens after `k` are a quoted one-word nickname followed by a name word.
fn nickname(doc: &Doc, k: usize) -> bool {
    let mark = |j: usize| doc.tokens.get(j).is_some_and(|t| t.kind == Kind::Mark);
    mark(k + 1) && is_name_word(doc, k + 2) && mark(k + 3) && is_name_word(doc, k + 4)
}

/// True when token `k + 1` is an `&` between name words: "Marks & Spencer".
fn ampersand(doc: &Doc, k: usize) -> bool {
    doc.is_punct(k + 1, "&")
        && doc.adjacent(k)
        && doc.adjacent(k + 1)
        && is_name_word(doc, k + 2)
        && doc.para_of.get(k + 2) == doc.para_of.get(k)
}

/// True when the name ending at token `last` is the subject of a reporting
/// verb right after it ("Moody's said", "Barron's also wrote"): its
/// `'s` is its own, not a possessive (no one's "said").
pub(crate) fn owns_its_s(doc: &Doc, last: usize) -> bool {
    let mut k = last + 1;
    while doc.adjacent(k - 1) && is_verb_filler(doc.text(k)) {
        k += 1;
    }
    doc.adjacent(k - 1) && doc.has(k, LOWER_WORD) && is_own_s_verb(doc.text(k))
}

/// The word without a possessive ending, when it has one.
pub(crate) fn possessive(w: &str) -> Option<&str> {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .filter(|s| !s.is_empty())
}

/// The mention made of the run `words`; `named` is a reused buffer.
fn mention<'a>(doc: &Doc<'a>, words: &[usize], named: &mut Vec<Word<'a>>) -> Option<Mention> {
    let last = *words.last()?;
    let last_text = doc.text(last);
    let stem = possessive(last_text).filter(|_| !owns_its_s(doc, last));
    named.clear();
    named.extend(words.iter().enumerate().map(|(k, &t)| {
        if k + 1 == words.len() {
            Word::new(stem.unwrap_or(last_text))
        } else {
            Word::new(doc.text(t))
        }
    }));
    let mut name = names::analyse_words(named)?;
    let proper_words = words.get(name.first..name.end).unwrap_or_default();
    if proper_words
        .windows(2)
        .any(|pair| doc.is_punct(pair[0] + 1, "&"))
    {
        // "Standard & Poor's", not "JPMorgan Chase & Co Chief Executive Jamie Dimon".
        name.kind = NameKind::Org;
    }
    if name.first >= name.end && name.kind != NameKind::Role {
        return None;
    }
    let lead = words[name.lead];
    let proper = &words[name.first..name.end.max(name.first)];
    let first = proper.first().copied().unwrap_or(lead);
    let last = proper.last().copied().unwrap_or(lead);
    let mut roles = std::mem::take(&mut name.roles);
    roles.extend(lead.checked_sub(1).and_then(|p| describing_role(doc, p)));
    Some(Mention {
        lead,
        first,
        last,
        words: proper.len(),
        key_word: key_word(doc, proper),
        kind: name.kind,
        gender: name.gender,
        roles,
        possessive: stem.is_some() && name.end == words.len(),
        subject: stem.is_none() && starts_clause(doc, lead),
        speaker: false,
        entity: usize::MAX,
    })
}

/// The token of the key word among the name's `proper` words: the last one
/// that is no name suffix ("Jr."), or the last.
fn key_word(doc: &Doc, proper: &[usize]) -> Option<usize> {
    let suffix = |w: &&usize| lexicon::is_name_suffix(doc.text(**w));
    proper
        .iter()
        .rev()
        .find(|w| !suffix(w))
        .or(proper.last())
        .copied()
}

/// A lowercase role word right before a name ("negotiator Rustem Umerov").
fn describing_role(doc: &Doc, p: usize) -> Option<&'static str> {
    let w = doc.text(p);
    if !doc.is_word(p) || !doc.adjacent(p) {
        return None;
    }
    lexicon::role(w).or(match w {
        "negotiator" => Some("negotiator"),
        "envoy" => Some("envoy"),
        "spokesman" | "spokeswoman" | "spokesperson" => Some("spokesperson"),
        _ => None,
    })
}

/// True when the mention starting at token `lead` opens a clause.
pub(crate) fn starts_clause(doc: &Doc, lead: usize) -> bool {
    let Some(p) = lead.checked_sub(1) else {
        return true;
    };
    if doc.sent_of[p] != doc.sent_of[lead] || doc.para_of[p] != doc.para_of[lead] {
        return true;
    }
    match doc.tokens[p].kind {
        Kind::Mark => true,
        // A bullet opens a clause too ("* Chicago Fed President Charles Evans: …").
        Kind::Punct => matches!(
            doc.text(p),
            "," | ";" | ":" | "—" | "–" | "-" | "(" | "*" | "•" | "·"
        ),
        Kind::Word => is_clause_opener(doc.text(p)) || lexicon::is_common(doc.text(p)) && p == 0,
    }
}

#[cfg(test)]
#[path = "mentions_test.rs"]
mod tests;

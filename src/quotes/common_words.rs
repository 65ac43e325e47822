//! A one-word speaker that the article also writes in lowercase, as a word
//! of its own, is a label or a sentence's first word rather than a name:
//! "Corporate bonds: “…”" beside "corporate bonds", "Minutes released on
//! October 9: “…”" beside "the minutes", "Housing: “…”". Names are not
//! written in lowercase: a company named by a common word keeps its name
//! when the article gives it with a company's word ("Target Corp") or
//! capitalised mid-sentence ("a deal with Orange"), and an article a
//! converter lowered whole keeps all its names.

use super::lexicon;
use super::wordinfo;

/// Takes away each speaker of `names` that [`reads_as_common_word`] in
/// `body`, each name looked at once.
pub(super) fn drop_common_words(body: &str, names: &mut [Option<String>]) {
    let mut seen: Vec<(String, bool)> = Vec::new();
    for name in names.iter_mut() {
        let Some(n) = name.as_deref() else { continue };
        let common = match seen.iter().find(|(s, _)| s == n) {
            Some(&(_, common)) => common,
            None => {
                let common = reads_as_common_word(body, n);
                seen.push((n.to_string(), common));
                common
            }
        };
        if common {
            *name = None;
        }
    }
}

/// True when `speaker`, one capitalised word the word lists do not know
/// as a name's, is written in lowercase as a word of its own in `body`,
/// and never as a company's name ("Target Corp").
fn reads_as_common_word(body: &str, speaker: &str) -> bool {
    let mut chars = speaker.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'' || c == '’');
    if !capitalised || speaker.chars().count() < 3 || known(speaker) {
        return false;
    }
    let lower = speaker.to_lowercase();
    let in_lowercase = body
        .match_indices(lower.as_str())
        .any(|(at, w)| standalone(body, at, at + w.len()));
    in_lowercase
        && !named_as_company(body, speaker)
        && !capitalised_mid_sentence(body, speaker)
        && !lowercased_names(body)
}

/// True when `body` writes its names in lowercase (a corpus's converter
/// lowered some articles whole, "president jaime lusinchi said"): of the
/// words after a lowercase word, under one in a hundred capitalised, where
/// news writes names, places and titles there for 2 to 20 in a hundred
/// (Reuters 2006-2013, 1987, BBC).
fn lowercased_names(body: &str) -> bool {
    let (mut after_lower, mut capitalised) = (0, 0);
    let mut previous_lower = false;
    for word in body.split_whitespace() {
        let core = word.trim_start_matches(['"', '“', '‘', '\'', '(']);
        if previous_lower && core.starts_with(char::is_alphabetic) {
            after_lower += 1;
            capitalised += usize::from(core.starts_with(char::is_uppercase));
        }
        previous_lower = word.ends_with(char::is_lowercase);
    }
    after_lower >= 40 && capitalised * 100 < after_lower
}

/// True when `name` is written capitalised after a lowercase word or a
/// comma somewhere in `body`: a name, not a sentence's first word ("a deal
/// with Orange").
fn capitalised_mid_sentence(body: &str, name: &str) -> bool {
    body.match_indices(name).any(|(at, _)| {
        let before = body[..at].trim_end();
        before.len() < at && before.ends_with(|c: char| c.is_lowercase() || c == ',')
    })
}

/// A word the lists know as part of a name: a title, an organisation's
/// word, a place or a forename.
fn known(word: &str) -> bool {
    let info = wordinfo::info(word);
    info.title.is_some() || info.org || info.place || info.forename.is_some()
}

/// True when `body[start..end]` is a word of its own in running text: not
/// inside a longer word, an address or a handle ("facebook.com").
fn standalone(body: &str, start: usize, end: usize) -> bool {
    let before = body[..start].chars().next_back();
    let mut after = body[end..].chars();
    let next = after.next();
    let opens = |c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '\'');
    let closes = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | ';' | ':' | '!' | '?' | ')' | '"' | '”' | '’' | '\''
            )
    };
    let ends_sentence = next == Some('.') && after.next().is_none_or(char::is_whitespace);
    before.is_none_or(opens) && (next.is_none_or(closes) || ends_sentence)
}

/// True when `name` stands before an organisation's word somewhere in
/// `body` ("Target Corp", "Shell Plc").
fn named_as_company(body: &str, name: &str) -> bool {
    body.match_indices(name).any(|(at, _)| {
        let rest = body[at + name.len()..].trim_start();
        let word = rest.split(|c: char| !c.is_alphanumeric()).next();
        rest.len() < body.len() - at - name.len() && word.is_some_and(lexicon::is_org_word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_also_written_in_lowercase_is_no_name() {
        let body = "Corporate bonds: “We will see what we decide.” Spreads on corporate \
                    bonds widened.";
        assert!(reads_as_common_word(body, "Corporate"));
        let body = "Minutes released on Friday: “The staff marked down its forecast.” The \
                    minutes showed a split.";
        assert!(reads_as_common_word(body, "Minutes"));
    }

    #[test]
    fn names_stay_names() {
        // Never in lowercase, or only inside an address or a longer word.
        let body = "“We are pleased,” Kowalczyk said. Visit kowalczyk.com or mail kowalczyks.";
        assert!(!reads_as_common_word(body, "Kowalczyk"));
        // A company named by a common word.
        let body = "Target Corp said sales rose. “We beat our target,” Target said.";
        assert!(!reads_as_common_word(body, "Target"));
        // Written capitalised mid-sentence: a name.
        let body = "A row over the colour orange. “We will fight,” Orange said, as a deal \
                    with Orange fell through.";
        assert!(!reads_as_common_word(body, "Orange"));
        // An article lowered whole writes its names in lowercase.
        let lowered = "caracas - president jaime lusinchi defended the budget of venezuela \
                       on friday, saying the refinancing accord with the banks would let \
                       the country grow. lusinchi said the economy had turned the corner \
                       and that oil income would rise this year as prices firmed. ";
        let body = format!("{lowered}“It is sound,” Lusinchi said.");
        assert!(!reads_as_common_word(&body, "Lusinchi"));
        // Known to the word lists: a forename, an organisation's word.
        let body = "“It is done,” Grace said, by the grace of the board.";
        assert!(!reads_as_common_word(body, "Grace"));
        // Two words, or an acronym, are left to the other rules.
        assert!(!reads_as_common_word("the fed and the sec", "SEC"));
        assert!(!reads_as_common_word("bank of england", "Bank of England"));
    }
}

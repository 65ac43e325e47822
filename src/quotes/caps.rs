//! Stretches of text in capitals read in ordinary case. Wire roundups of
//! market comment head each quote with its speaker in capitals
//! (`DAVID SLOAN, ECONOMIST, 4CAST, NEW YORK: "…"`), and fact boxes do the
//! same with officials (`*CHICAGO FED PRESIDENT CHARLES EVANS, OCT. 22`).
//! Read as they are, the whole stretch is one unknown name: the speaker
//! came out as "CHICAGO FED PRESIDENT CHARLES EVANS", apart from the
//! "Charles Evans" of ordinary prose. The analysis reads such a stretch
//! recased instead ("Chicago Fed President Charles Evans"), so that titles,
//! places and forenames are recognised and the name is the one prose gives.
//!
//! Only letters change, each to a letter of the same length in UTF-8, so
//! every byte offset stays that of the original text; the quotes' own words
//! are always taken from the original.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::fxhash::FxHashSet;
use super::lexicon;
use super::wordinfo;

/// Runs of this many words in capitals (of two letters or more) or more are
/// recased; a lone word in capitals is an acronym or an emphasis.
const MIN_RUN: usize = 2;

/// `body`, with every run of words in capitals recased (borrowed when there
/// is none).
pub(crate) fn in_reading_case(body: &str) -> Cow<'_, str> {
    let runs = caps_runs(body);
    if runs.is_empty() {
        return Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len());
    let mut at = 0;
    for run in runs {
        let heading = heading_len(body, &run);
        let job = job_words(body, &run, heading);
        let run_in = heading == 0 && is_run_in_headline(body, &run);
        for (n, &(start, end)) in run.iter().enumerate() {
            out.push_str(&body[at..start]);
            let word = &body[start..end];
            if run_in && n > 0 {
                push_lower(word, &mut out);
            } else if n < heading {
                push_heading_word(word, n == 0, n + 1 == heading, &mut out);
            } else if job[n] {
                push_lower(word, &mut out);
            } else {
                recase(word, n == heading, &mut out);
            }
            at = end;
        }
    }
    out.push_str(&body[at..]);
    debug_assert_eq!(out.len(), body.len());
    out.into()
}

/// Words that make a stretch of a heading in capitals a job description
/// (`data/job-words.txt`).
static JOB_WORDS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("data/job-words.txt")).collect());

/// Which words of `run` describe a job: every word of a stretch between
/// commas, after the first one, that holds a job word and no forename
/// (`DAVID SLOAN, ECONOMIST, 4CAST`: "ECONOMIST"). They read in lowercase,
/// as prose writes them ("David Sloan, economist, 4Cast"): recased, they
/// were taken for a name of their own ("Chief Economist").
fn job_words(body: &str, run: &[(usize, usize)], from: usize) -> Vec<bool> {
    let mut job = vec![false; run.len()];
    let core = |n: usize| body[run[n].0..run[n].1].trim_matches(|c: char| !c.is_alphanumeric());
    let mut start = from;
    for n in from..run.len() {
        let closes = body[run[n].0..run[n].1].ends_with(',') || n + 1 == run.len();
        if !closes {
            continue;
        }
        let stretch = start..n + 1;
        let described = start > from
            && stretch
                .clone()
                .any(|k| JOB_WORDS.contains(core(k).to_lowercase().as_str()))
            && !stretch
                .clone()
                .any(|k| wordinfo::info(&title_case(core(k))).forename.is_some());
        if described {
            stretch.for_each(|k| job[k] = true);
        }
        start = n + 1;
    }
    job
}

/// A heading's word, as a sentence of its own: "COMMENTS:" reads
/// "Comments.", so that the name after it opens the next sentence and is
/// taken for the speaker of what follows (the colon becomes a period, of the
/// same length).
fn push_heading_word(word: &str, first: bool, last: bool, out: &mut String) {
    let (word, closed) = match word.strip_suffix(':').filter(|_| last) {
        Some(stem) => (stem, true),
        None => (word, false),
    };
    match first {
        true => out.push_str(&title_case(word)),
        false => push_lower(word, out),
    }
    if closed {
        out.push('.');
    }
}

/// How many words of `run` are a heading, read as a sentence of its own so
/// that it is not taken for a name: one to three words closed by a colon, with no
/// comma, not opening with a forename or title ("COMMENTS:", "JOBLESS
/// CLAIMS:", but not "JOHN SMITH:"), either before more of the run
/// (`COMMENTS: MARK ZANDI, CHIEF ECONOMIST, …: "…"`) or as the whole run.
fn heading_len(body: &str, run: &[(usize, usize)]) -> usize {
    let word = |n: usize| &body[run[n].0..run[n].1];
    let Some(colon) = (0..run.len().min(3)).find(|&n| word(n).ends_with(':')) else {
        return 0;
    };
    let comma = (0..colon).any(|n| word(n).contains(','));
    let first = word(0).trim_matches(|c: char| !c.is_alphanumeric());
    match comma || known(&title_case(first)) {
        true => 0,
        false => colon + 1,
    }
}

/// True for a headline in capitals run into the sentence after it on the
/// same line (`FCC WELCOMES MOVE Google asked cities …`): the next word is
/// capitalised in ordinary case and opens no topic (`CHINESE PRESIDENT HU
/// JINTAO On growth: "…"` is a speaker), the run holds no comma, colon, title
/// or forename (`GEOFF BLABER, CCS Insight:`, `DEVON ENERGY'S PRESIDENT JOHN
/// RICHELS Richels expects`: a speaker's label) and opens with no place or
/// organisation word either. Read in lowercase after its first word, it does
/// not join the name that opens the sentence ("FCC Welcomes Move Google").
fn is_run_in_headline(body: &str, run: &[(usize, usize)]) -> bool {
    let (Some(&(first, first_end)), Some(&(_, end))) = (run.first(), run.last()) else {
        return false;
    };
    let ends_plain = body[..end].ends_with(|c: char| c.is_alphanumeric());
    let after = &body[end..];
    let next = after.trim_start_matches([' ', '\t']);
    let mut letters = next.chars();
    let mixed_case = letters.next().is_some_and(char::is_uppercase)
        && letters.next().is_some_and(char::is_lowercase);
    let next_word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let topic = matches!(next_word, "On" | "At" | "For" | "With" | "From" | "About");
    let opener = body[first..first_end].trim_matches(|c: char| !c.is_alphanumeric());
    let labelled = run.iter().any(|&(start, stop)| {
        let word = &body[start..stop];
        let info = wordinfo::info(&title_case(
            word.trim_matches(|c: char| !c.is_alphanumeric()),
        ));
        word.ends_with([',', ':']) || info.title.is_some() || info.forename.is_some()
    });
    ends_plain
        && next.len() < after.len()
        && mixed_case
        && !topic
        && !labelled
        && !known(&title_case(opener))
}

/// True for a word in capitals: two letters or more, none lowercase, made
/// of letters and digits (inner apostrophes and hyphens allowed: "O'BRIEN",
/// "HOLTZ-EAKIN"). A ticker, domain or abbreviation ("U.S.", "FOREX.COM",
/// "<SABS.ST>") is not one: it is left as it is, like a single capital or a
/// number, and keeps a run going (see [`joins_run`]).
fn is_caps_word(word: &str) -> bool {
    if word.chars().any(char::is_lowercase) {
        return false;
    }
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    let plain = core
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-'));
    plain && core.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// The words (byte ranges) of each run of words in capitals, neutral words
/// inside a run left out; a run counts from [`MIN_RUN`] words in capitals.
///
/// Every word in capitals holds two ASCII capitals side by side, and one of
/// them sits at an odd offset: the scan tests every other byte and looks at
/// a word only where it finds such a pair (most bodies hold a handful).
fn caps_runs(body: &str) -> Vec<Vec<(usize, usize)>> {
    let bytes = body.as_bytes();
    let upper = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_uppercase);
    let mut runs = Vec::new();
    let mut current: Vec<(usize, usize)> = Vec::new();
    let mut i = 1;
    while i < bytes.len() {
        if !(upper(i) && (upper(i - 1) || upper(i + 1))) {
            i += 2;
            continue;
        }
        let start = (bytes[..i].iter())
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |p| p + 1);
        let end = (bytes[i..].iter())
            .position(u8::is_ascii_whitespace)
            .map_or(bytes.len(), |p| i + p);
        if is_caps_word(&body[start..end]) {
            let joins = current
                .last()
                .is_some_and(|&(_, last)| joins_run(&body[last..start]));
            if !joins {
                close_run(&mut current, &mut runs);
            }
            current.push((start, end));
        }
        i = end + 1;
    }
    close_run(&mut current, &mut runs);
    runs
}

/// True when what lies between two words in capitals keeps them in one
/// run: no lowercase letter (only spaces, digits, punctuation, single
/// capitals or abbreviations) and no paragraph break.
fn joins_run(gap: &str) -> bool {
    !gap.contains("\n\n") && !gap.chars().any(char::is_lowercase)
}

/// Keeps `current` as a run when it is long enough, and empties it.
fn close_run(current: &mut Vec<(usize, usize)>, runs: &mut Vec<Vec<(usize, usize)>>) {
    if current.len() >= MIN_RUN {
        runs.push(std::mem::take(current));
    }
    current.clear();
}

/// Appends `word` (in capitals) as prose would write it: a function word in
/// lowercase (unless it opens the run or names something: "NEW"), an
/// acronym kept ("BNP", "HSBC", "IMF"), anything else with each letter
/// sequence capitalised ("O'BRIEN" = "O'Brien", "HOLTZ-EAKIN" = "Holtz-Eakin").
fn recase(word: &str, first: bool, out: &mut String) {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    let titled = title_case(core);
    let function_word = lexicon::is_common(&core.to_ascii_lowercase()) && !known(&titled);
    if function_word && !first {
        push_lower(word, out);
    } else if !function_word && keeps_capitals(core, &titled) {
        out.push_str(word);
    } else {
        out.push_str(&title_case(word));
    }
}

/// True for what reads as an acronym: no vowel ("HSBC"), or three letters
/// or fewer that the name word lists do not know in ordinary case ("IMF",
/// "BNP", but not "TOM", "FED", "NEW").
fn keeps_capitals(core: &str, titled: &str) -> bool {
    let vowel = core
        .chars()
        .any(|c| "AEIOUYÀÁÂÄÉÈÊËÍÌÎÏÓÒÔÖÚÙÛÜ".contains(c));
    if !vowel {
        return true;
    }
    if core.chars().filter(|c| c.is_alphabetic()).count() > 3 {
        return false;
    }
    !known(titled)
}

/// True when the name word lists know `word` (a title, organisation word,
/// place or forename).
fn known(word: &str) -> bool {
    let info = wordinfo::info(word);
    info.title.is_some() || info.org || info.place || info.forename.is_some()
}

/// Each letter sequence of `word` capitalised, the rest lowercase, where
/// the lowercase letter has the same length in UTF-8.
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut in_letters = false;
    for c in word.chars() {
        if c.is_alphabetic() {
            match in_letters {
                true => push_same_len_lower(c, &mut out),
                false => out.push(c),
            }
            in_letters = true;
        } else {
            in_letters = false;
            out.push(c);
        }
    }
    out
}

fn push_lower(word: &str, out: &mut String) {
    word.chars().for_each(|c| push_same_len_lower(c, out));
}

/// `c` in lowercase when that is one character of the same UTF-8 length.
fn push_same_len_lower(c: char, out: &mut String) {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
        _ => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> String {
        in_reading_case(text).into_owned()
    }

    #[test]
    fn a_roundup_heading_reads_as_prose() {
        assert_eq!(
            read("DAVID SLOAN, ECONOMIST, 4CAST, NEW YORK: \"I think so.\""),
            "David Sloan, economist, 4Cast, New York: \"I think so.\""
        );
        assert_eq!(
            read("IAN SHEPHERDSON, CHIEF U.S. ECONOMIST, HIGH FREQUENCY ECONOMICS:"),
            "Ian Shepherdson, chief U.S. economist, High Frequency Economics:"
        );
        assert_eq!(
            read("*CHICAGO FED PRESIDENT CHARLES EVANS, OCT. 22 \"We cannot.\""),
            "*Chicago Fed President Charles Evans, oct. 22 \"We cannot.\""
        );
    }

    #[test]
    fn function_words_acronyms_and_compound_names() {
        assert_eq!(
            read("RYAN LARSON, HEAD OF EQUITY TRADING AT VOYAGEUR IN CHICAGO:"),
            "Ryan Larson, head of equity trading at voyageur in chicago:"
        );
        assert_eq!(read("BNP PARIBAS AND HSBC"), "BNP Paribas and HSBC");
        assert_eq!(read("TOM O'BRIEN-SMITH, IMF"), "Tom O'Brien-Smith, IMF");
        assert_eq!(read("JOSÉ ÁLVAREZ SAID"), "José Álvarez said");
    }

    #[test]
    fn prose_lone_acronyms_and_short_runs_are_left_alone() {
        let prose = "The IMF and U.S. officials met in NEW York; OPEC said so. A B.";
        assert!(matches!(in_reading_case(prose), Cow::Borrowed(_)));
        assert_eq!(
            read("NEW YORK (Reuters) - Stocks fell."),
            "New York (Reuters) - Stocks fell."
        );
        assert_eq!(
            read("ROME\n\nITALY votes"),
            "ROME\n\nITALY votes",
            "a paragraph break ends a run"
        );
    }

    #[test]
    fn headings_read_as_sentences_of_their_own() {
        assert_eq!(
            read("COMMENTS: MARK ZANDI, CHIEF ECONOMIST, WEST CHESTER: \"Yes.\""),
            "Comments. Mark Zandi, chief economist, West Chester: \"Yes.\""
        );
        assert_eq!(
            read("JOBLESS CLAIMS: \"Good.\""),
            "Jobless claims. \"Good.\""
        );
        assert_eq!(read("JOHN SMITH: \"Good.\""), "John Smith: \"Good.\"");
        assert_eq!(
            read("BRIAN DOLAN, STRATEGIST, FOREX.COM, NEW YORK: TAF: \"No.\""),
            "Brian Dolan, strategist, FOREX.COM, New York: TAF: \"No.\""
        );
    }

    #[test]
    fn a_headline_run_into_the_next_sentence_reads_in_lowercase() {
        assert_eq!(
            read("FCC WELCOMES MOVE Google asked cities to apply."),
            "FCC welcomes move Google asked cities to apply."
        );
        assert_eq!(
            read("after the quake. TOUGH PASSAGE Tokyo Electric said so."),
            "after the quake. Tough passage Tokyo Electric said so."
        );
        // A speaker's label, not a headline: a topic after it, a comma in it,
        // a title or forename in it.
        assert_eq!(
            read("GERMAN CHANCELLOR ANGELA MERKEL On growth: \"Yes.\""),
            "German Chancellor Angela Merkel On growth: \"Yes.\""
        );
        assert_eq!(
            read("BRAD SMITH, CCS Insight: \"No.\""),
            "Brad Smith, CCS Insight: \"No.\""
        );
        assert_eq!(
            read("ACME CORP PRESIDENT JOHN RICHARDS Richards expects more."),
            "Acme Corp President John Richards Richards expects more."
        );
    }

    #[test]
    fn tickers_and_abbreviations_are_not_words_of_a_run() {
        let text = "Saab-Scania AB <SABS.ST> of Sweden, U.S. AB";
        assert!(matches!(in_reading_case(text), Cow::Borrowed(_)));
    }

    #[test]
    fn every_offset_is_kept() {
        for text in [
            "ŁÓDŹ MAYOR HANNA ZDANOWSKA: \"Tak.\"",
            "İSTANBUL GOVERNOR ALİ YERLİKAYA said",
            "STRASSE GROSS ẞ SAID",
        ] {
            let r = read(text);
            assert_eq!(r.len(), text.len(), "{text} -> {r}");
            for (i, _) in text.char_indices() {
                assert!(r.is_char_boundary(i), "{text} -> {r} at {i}");
            }
        }
    }
}

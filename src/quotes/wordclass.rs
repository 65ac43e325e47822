//! Closed classes of English words that the attribution rules test for: prepositions,
//! clause openers, determiners, anonymous-source heads, heads that speak for an
//! organisation ("spokesman"), label words ("so-called"), the verbs after which a name's
//! `'s` is its own, passive auxiliaries and the fillers that may stand between a speaker
//! and the reporting verb.

/// Prepositions: a name after one only qualifies a description ("a spokesman for X").
const PREPOSITIONS: &[&str] = &[
    "for",
    "of",
    "to",
    "with",
    "by",
    "from",
    "at",
    "in",
    "on",
    "about",
    "against",
    "among",
    "including",
    "like",
    "toward",
    "towards",
    "under",
    "over",
    "between",
    "without",
    "within",
    "despite",
    "via",
    "per",
    "than",
    "behind",
];

/// Words opening a subordinate clause rather than a subject ("when Clinton said").
const CLAUSE_WORDS: &[&str] = &[
    "when", "as", "after", "before", "while", "because", "if", "and", "but", "which", "who",
    "that", "where", "since", "until", "though", "although", "so", "or", "than", "whether", "once",
    "unless",
];

/// Words after which a name starts a clause ("and Rubio said", "as Putin vowed").
const CLAUSE_OPENERS: &[&str] = &[
    "and",
    "but",
    "so",
    "then",
    "while",
    "when",
    "as",
    "because",
    "that",
    "after",
    "before",
    "if",
    "though",
    "although",
    "since",
    "where",
    "once",
    "until",
    "meanwhile",
    "however",
    "yet",
    "also",
    "now",
    "still",
];

/// Singular heads of anonymous sources (plurals are anonymous anyway).
const ANONYMOUS_HEADS: &[&str] = &[
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "source",
    "aide",
    "analyst",
    "expert",
    "adviser",
    "advisor",
    "lawyer",
    "attorney",
    "statement",
    "report",
    "spokesmen",
    "people",
    "police",
    "staff",
];

/// Heads of a description that speak for the organisation named in it.
const VOICE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "statement",
    "report",
    "note",
    "release",
    "filing",
    "memo",
    "letter",
    "website",
];

/// Reporting verbs that cannot be nouns after a possessive: "Moody's said",
/// but "Obama's plan", "Bernanke's warning", "Li's comments".
const OWN_S_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "wrote",
    "writes",
    "added",
    "adds",
    "noted",
    "warned",
    "quoted",
    "cautioned",
    "explained",
    "estimated",
    "predicted",
    "argued",
    "concluded",
];

/// Auxiliaries of a passive reporting verb ("Rake was quoted as saying").
const PASSIVE_AUXILIARIES: &[&str] = &["was", "is", "were", "been", "being"];

/// Words after which a quoted phrase has ended: conjunctions and prepositions.
const PHRASE_BOUNDARIES: &[&str] = &[
    "and", "but", "or", "nor", "though", "although", "while", "because", "since", "after",
    "before", "when", "if", "unless", "than", "which", "as", "to", "of", "on", "in", "at", "for",
    "from", "with", "without", "over", "about", "against", "into", "by", "during", "until",
    "within", "amid", "despite", "toward", "towards", "between", "among", "under", "through",
];

/// Words presenting a quoted phrase as a name or label, not as speech.
const LABEL_WORDS: &[&str] = &[
    "so-called",
    "called",
    "calls",
    "call",
    "dubbed",
    "dubs",
    "termed",
    "terms",
    "self-described",
    "self-proclaimed",
    "self-styled",
    "nicknamed",
    "titled",
    "entitled",
    "named",
    "labelled",
    "labeled",
    "branded",
    "coined",
    "word",
    "phrase",
    "slogan",
    "hashtag",
    "operation",
    "song",
    "book",
    "film",
    "movie",
    "album",
    "show",
    "series",
    "headline",
    "motto",
];

/// Words that may stand between a speaker and the reporting verb ("Rubio also said").
const VERB_FILLERS: &[&str] = &[
    "also",
    "later",
    "then",
    "once",
    "again",
    "further",
    "has",
    "had",
    "have",
    "would",
    "will",
    "could",
    "might",
    "may",
    "did",
    "does",
    "quoted",
    "as",
    "recently",
    "previously",
    "often",
    "repeatedly",
    "simply",
    "flatly",
    "publicly",
    "privately",
    "separately",
    "reportedly",
    "famously",
    "bluntly",
    "angrily",
    "quickly",
    "just",
    "still",
    "even",
    "never",
    "always",
];

fn any_case(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// "for", "of", "to"…
pub(crate) fn is_preposition(w: &str) -> bool {
    PREPOSITIONS.contains(&w)
}

/// A word opening a phrase set before a clause's subject, any case: a
/// preposition ("In Birmingham,") or a subordinating word ("where …,"),
/// not a coordinator ("But Steve Radley, …, said").
pub(crate) fn opens_adverbial(w: &str) -> bool {
    let coordinator = any_case(&["and", "but", "or", "so"], w);
    any_case(PREPOSITIONS, w) || is_clause_word(w) && !coordinator
}

/// "when", "as", "and"… (any case).
pub(crate) fn is_clause_word(w: &str) -> bool {
    any_case(CLAUSE_WORDS, w)
}

/// "and", "but", "as"… before a subject (any case).
pub(crate) fn is_clause_opener(w: &str) -> bool {
    any_case(CLAUSE_OPENERS, w)
}

/// "the", "a", "an" (any case).
pub(crate) fn is_determiner(w: &str) -> bool {
    any_case(&["the", "a", "an"], w)
}

/// "officials", "a spokesman": a lowercase head naming nobody in particular.
pub(crate) fn is_anonymous_head(w: &str) -> bool {
    w.ends_with('s') || ANONYMOUS_HEADS.contains(&w)
}

/// A conjunction or preposition right after a partial quote.
pub(crate) fn is_phrase_boundary(w: &str) -> bool {
    PHRASE_BOUNDARIES.contains(&w)
}

/// "so-called", "dubbed", "book"… (any case).
pub(crate) fn is_label_word(w: &str) -> bool {
    any_case(LABEL_WORDS, w)
}

/// "spokesman", "statement", "report": a description's head that speaks for
/// the organisation named in it.
pub(crate) fn is_voice_noun(w: &str) -> bool {
    VOICE_NOUNS.contains(&w)
}

/// "said", "told", "wrote": a verb after which a name's `'s` is its own.
pub(crate) fn is_own_s_verb(w: &str) -> bool {
    OWN_S_VERBS.contains(&w)
}

/// "was", "is", "been": the auxiliary of a passive verb.
pub(crate) fn is_passive_auxiliary(w: &str) -> bool {
    PASSIVE_AUXILIARIES.contains(&w)
}

/// Adverbs and auxiliaries between subject and verb: "also", "has", "bluntly".
pub(crate) fn is_verb_filler(w: &str) -> bool {
    VERB_FILLERS.contains(&w)
        || (w.len() > 4 && w.ends_with("ly") && w.bytes().all(|b| b.is_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_preposition("for"));
        assert!(is_clause_word("When"));
        assert!(is_clause_opener("But"));
        assert!(is_determiner("The"));
        assert!(is_anonymous_head("officials"));
        assert!(is_anonymous_head("spokesman"));
        assert!(!is_anonymous_head("economist"));
        assert!(is_phrase_boundary("to"));
        assert!(is_label_word("so-called"));
        assert!(is_verb_filler("bluntly"));
        assert!(is_verb_filler("also"));
        assert!(!is_verb_filler("Rubio"));
    }
}

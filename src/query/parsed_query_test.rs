//! Tests of the friendly query syntax: fields pulled out of the text, dates in every
//! form, and errors that point at what is wrong.

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn parse(input: &str) -> ParsedQuery {
    parse_query(input, d("2026-11-26")).unwrap()
}

fn error(input: &str) -> (usize, String) {
    let err = parse_query(input, d("2026-11-26")).unwrap_err();
    (err.position, err.to_string())
}

#[test]
fn plain_words_read_as_their_tokens_would() {
    let today = NaiveDate::from_ymd_opt(2025, 12, 20).unwrap();
    for text in [
        "lehman",
        "  oil  prices ",
        "   ",
        "",
        "AND OR NOT 2008",
        "a b c",
    ] {
        assert_eq!(
            parse_query(text, today).unwrap(),
            parse_scanned(text, today).unwrap(),
            "{text:?}"
        );
    }
    assert_eq!(
        parse_query("  oil  prices ", today).unwrap().text,
        "  oil  prices"
    );
}

#[test]
fn tantivy_syntax_is_left_alone() {
    let input = r#"rubio "peace deal" "a b"~2 word~1 OR -word +word (x AND y) title:word body:word text:word"#;
    assert_eq!(
        parse(input),
        ParsedQuery {
            text: input.to_string(),
            ..Default::default()
        }
    );
}

#[test]
fn fields_are_pulled_out_and_blanked_in_place() {
    let query = parse(r#"rubio speaker:lavrov "peace deal" dateline:Moscow"#);
    assert_eq!(query.text, r#"rubio                "peace deal""#);
    assert_eq!(query.speakers, ["lavrov"]);
    assert_eq!(query.datelines, ["Moscow"]);
}

#[test]
fn every_friendly_field_is_recognised() {
    let query = parse("speaker:a dateline:b source:c section:d author:e date:2025 kind:quote");
    assert_eq!(query.text, "");
    assert_eq!(
        (
            query.speakers,
            query.datelines,
            query.sources,
            query.sections,
            query.authors
        ),
        (
            vec!["a".to_string()],
            vec!["b".to_string()],
            vec!["c".to_string()],
            vec!["d".to_string()],
            vec!["e".to_string()]
        )
    );
    assert_eq!(
        query.dates,
        [DateRange::new(Some(d("2025-01-01")), Some(d("2025-12-31")))]
    );
    assert_eq!(query.kind, Some(Kind::Quote));
}

#[test]
fn quoted_values_keep_their_spaces() {
    let query = parse(r#"source:"New York Times" speaker:'Marco Rubio' sanctions"#);
    assert_eq!(query.sources, ["New York Times"]);
    assert_eq!(query.speakers, ["Marco Rubio"]);
    assert_eq!(query.text.trim(), "sanctions");
}

#[test]
fn field_names_ignore_case_values_keep_it() {
    let query = parse("SPEAKER:Rubio Kind:Articles");
    assert_eq!(query.speakers, ["Rubio"]);
    assert_eq!(query.kind, Some(Kind::Article));
}

#[test]
fn repeated_fields_collect_every_value() {
    let query = parse("speaker:rubio speaker:lavrov date:2025 date:december..");
    assert_eq!(query.speakers, ["rubio", "lavrov"]);
    assert_eq!(query.dates.len(), 2);
    let both = DateRange::new(Some(d("2025-12-01")), Some(d("2025-12-31")));
    assert_eq!(query.intersected_dates(), Some(both));
}

#[test]
fn intersected_dates_edge_cases() {
    assert_eq!(parse("x").intersected_dates(), Some(DateRange::all()));
    assert_eq!(parse("date:2024 date:2025").intersected_dates(), None);
}

#[test]
fn date_values_take_every_form() {
    let today = d("2026-11-26");
    let query = parse(r#"date:2025-12-01..2025-12-20 date:..2025-06 date:"2025-11 .." date:30d"#);
    assert_eq!(
        query.dates[0],
        DateRange::new(Some(d("2025-12-01")), Some(d("2025-12-20")))
    );
    assert_eq!(query.dates[1], DateRange::new(None, Some(d("2025-06-30"))));
    assert_eq!(query.dates[2], DateRange::new(Some(d("2025-11-01")), None));
    assert_eq!(
        query.dates[3],
        DateRange::new(Some(d("2026-10-27")), Some(today))
    );
}

#[test]
fn month_names_use_the_given_today() {
    let early = parse_query("date:december", d("2026-01-05")).unwrap();
    assert_eq!(early.dates[0].from, Some(d("2025-12-01")));
    let late = parse_query("date:december", d("2026-12-01")).unwrap();
    assert_eq!(late.dates[0].from, Some(d("2026-12-01")));
}

#[test]
fn only_filters_or_nothing_means_match_all() {
    assert!(parse("").is_match_all());
    assert!(parse("   ").is_match_all());
    assert!(parse("speaker:rubio").is_match_all());
    assert!(!parse("rubio").is_match_all());
}

#[test]
fn fields_inside_parentheses_or_phrases_stay_for_tantivy() {
    let input = r#"(speaker:rubio OR speaker:lavrov) "speaker:x""#;
    assert_eq!(
        parse(input),
        ParsedQuery {
            text: input.to_string(),
            ..Default::default()
        }
    );
}

#[test]
fn unknown_fields_stay_in_the_text() {
    let input = "foo:bar title:speaker:x speaker_facet:/a";
    assert_eq!(parse(input).text, input);
    assert!(parse(input).speakers.is_empty());
}

#[test]
fn plus_sign_is_accepted() {
    let query = parse("+speaker:rubio peace");
    assert_eq!(query.speakers, ["rubio"]);
    assert_eq!(query.text, "               peace");
}

#[test]
fn and_next_to_a_field_goes_with_it() {
    assert_eq!(parse("rubio AND speaker:lavrov").text, "rubio");
    assert_eq!(parse("speaker:lavrov AND rubio").text.trim(), "rubio");
    assert_eq!(parse("a AND speaker:x AND speaker:y").text, "a");
    assert_eq!(parse("speaker:x AND a AND speaker:y").text.trim(), "a");
    assert_eq!(parse("a AND b speaker:x").text, "a AND b");
}

#[test]
fn negated_fields_are_rejected() {
    let message = "excluding with 'speaker:' is not supported: remove the '-' before 'speaker:'";
    assert_eq!(error("peace -speaker:rubio"), (6, message.to_string()));
    let message = "excluding with 'source:' is not supported: remove the 'NOT' before 'source:'";
    assert_eq!(error("peace NOT source:tass"), (6, message.to_string()));
}

#[test]
fn fields_next_to_or_are_rejected() {
    let message = "'speaker:' cannot be joined with OR outside parentheses: it filters the whole query (group the alternatives, as in (speaker:a OR speaker:b))";
    assert_eq!(error("rubio OR speaker:lavrov"), (9, message.to_string()));
    assert_eq!(error("speaker:lavrov OR rubio"), (0, message.to_string()));
    assert_eq!(error("+speaker:lavrov OR rubio").0, 1);
}

#[test]
fn empty_values_are_rejected_at_the_field() {
    let message = "empty value for 'speaker:' (expected speaker:value or speaker:\"quoted value\", with no space after the colon)";
    assert_eq!(error("rubio speaker:"), (6, message.to_string()));
    assert_eq!(error("rubio speaker: lavrov"), (6, message.to_string()));
    assert_eq!(error(r#"speaker:"" x"#), (0, message.to_string()));
    assert_eq!(error(r#"x +speaker:"  ""#).0, 3);
    assert!(error("date:").1.starts_with("empty value for 'date:'"));
}

#[test]
fn bad_dates_point_at_the_value() {
    let message = "invalid date '2025-13-45': month 13 is out of range (expected YYYY, YYYY-MM or YYYY-MM-DD)";
    assert_eq!(error("peace date:2025-13-45"), (11, message.to_string()));
    let message = "unknown month 'decembr' (expected a month name like 'december' or YYYY-MM)";
    assert_eq!(error("date:decembr"), (5, message.to_string()));
    let message =
        "invalid date range '2025-12..2025-01': the end 2025-01-31 is before the start 2025-12-01";
    assert_eq!(error("date:2025-12..2025-01"), (5, message.to_string()));
}

#[test]
fn kinds_are_checked() {
    let message = "unknown kind 'files' (expected article, articles, quote or quotes)";
    assert_eq!(error("x kind:files"), (7, message.to_string()));
    let message = "conflicting kinds: 'kind:quote' and 'kind:article' cannot both hold";
    assert_eq!(error("kind:quotes kind:article"), (12, message.to_string()));
    assert_eq!(parse("kind:quote kind:quotes").kind, Some(Kind::Quote));
}

#[test]
fn syntax_errors_in_the_remainder_are_reported() {
    let message = "unbalanced quote: the '\"' at column 7 is never closed";
    assert_eq!(error("rubio \"peace deal"), (6, message.to_string()));
    let message = "unbalanced parenthesis: the '(' at column 1 is never closed";
    assert_eq!(error("(a OR b speaker:x"), (0, message.to_string()));
    let message = "unbalanced parenthesis: the ')' at column 17 has no matching '('";
    assert_eq!(error("speaker:x a OR b)"), (16, message.to_string()));
    let (position, message) = error(r#"speaker:"marco rubio"#);
    assert_eq!(
        (position, message.as_str()),
        (8, "unbalanced quote: the '\"' at column 9 is never closed")
    );
}

#[test]
fn value_errors_point_inside_the_value() {
    let (position, message) = error("speaker:(a OR b)");
    assert_eq!(position, 8);
    assert!(message.starts_with("'speaker:' does not take a parenthesized group here"));
    let (position, message) = error(r#"x speaker:"a b"~2"#);
    assert_eq!(position, 15);
    assert!(message.starts_with("unexpected '~2' after the quoted value of 'speaker:'"));
}

#[test]
fn positions_count_bytes_in_multibyte_queries() {
    let err = parse_query("Zelenskyy «мир» speaker:", d("2026-11-26")).unwrap_err();
    assert_eq!((err.position, err.column), (21, 17));
}

#[test]
fn serializes_to_json() {
    let json = serde_json::to_string(&parse("rubio kind:quote date:2025-12-20")).unwrap();
    assert_eq!(
        json,
        r#"{"text":"rubio","speakers":[],"datelines":[],"sources":[],"sections":[],"authors":[],"dates":[{"from":"2025-12-20","to":"2025-12-20"}],"kind":"quote"}"#
    );
}

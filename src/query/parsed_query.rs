//! [`parse_query`]: pulls the friendly fields (`speaker:`, `dateline:`,
//! `source:`, `section:`, `author:`, `date:`, `kind:`) out of a query string
//! and leaves the rest, blanked in place, for tantivy's QueryParser.
//!
//! Only top-level fields are pulled out: inside parentheses or quotes
//! everything is tantivy's (the schema has `speaker`, `source`, ... fields,
//! so `(speaker:rubio OR speaker:trump)` works there). Every pulled-out
//! field narrows the whole query: values of one field are ANDed with each
//! other and with the text query by the caller.

use chrono::NaiveDate;
use serde::Serialize;

use super::date_range::DateRange;
use super::error::{QueryError, QueryErrorKind};
use super::fields::{read_value, Field, Kind};
use super::range_expr::parse_range_expr;
use super::scanner::{scan, Token};

/// A query string split into tantivy text and friendly-field filters.
///
/// Every filter narrows the result: several values of one field are all
/// required (`speaker:rubio speaker:lavrov` = quotes by someone matching
/// both), and `dates` are intersected by the caller (see
/// [`ParsedQuery::intersected_dates`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ParsedQuery {
    /// The remainder for tantivy, with pulled-out fields replaced by spaces
    /// so byte offsets match the input; `""` means match-all.
    pub text: String,
    /// `speaker:` values, in order.
    pub speakers: Vec<String>,
    /// `dateline:` values, in order.
    pub datelines: Vec<String>,
    /// `source:` values, in order.
    pub sources: Vec<String>,
    /// `section:` values, in order.
    pub sections: Vec<String>,
    /// `author:` values, in order.
    pub authors: Vec<String>,
    /// `date:` ranges, in order; the caller intersects them.
    pub dates: Vec<DateRange>,
    /// `kind:`, when given.
    pub kind: Option<Kind>,
}

impl ParsedQuery {
    /// The days every `date:` allows: `Some(DateRange::all())` when there is
    /// no `date:`, `None` when the ranges share no day.
    pub fn intersected_dates(&self) -> Option<DateRange> {
        self.dates
            .iter()
            .try_fold(DateRange::all(), |acc, range| acc.intersect(range))
    }

    /// True when there is no text query (only filters, or nothing).
    pub fn is_match_all(&self) -> bool {
        self.text.is_empty()
    }
}

/// A top-level token of the form `[+|-]name:value` with a friendly name.
#[derive(Debug, Clone, Copy)]
struct FieldToken<'a> {
    field: Field,
    /// `-` when negated, with its byte offset.
    minus: Option<usize>,
    /// Byte offset of the field name.
    name_start: usize,
    /// Byte offset of the value (just after the colon).
    value_start: usize,
    /// The raw value text.
    raw: &'a str,
}

impl<'a> FieldToken<'a> {
    fn recognize(input: &'a str, token: Token) -> Option<Self> {
        let text = &input[token.start..token.end];
        let sign = text.chars().next().filter(|c| matches!(c, '+' | '-'));
        let name_start = token.start + sign.map_or(0, char::len_utf8);
        let (name, raw) = input[name_start..token.end].split_once(':')?;
        if !name.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        Some(FieldToken {
            field: Field::from_name(name)?,
            minus: (sign == Some('-')).then_some(token.start),
            name_start,
            value_start: name_start + name.len() + 1,
            raw,
        })
    }
}

/// Splits `input` into tantivy text and friendly-field filters; month names
/// and durations in `date:` are resolved against `today`.
pub fn parse_query(input: &str, today: NaiveDate) -> Result<ParsedQuery, QueryError> {
    // Words and spaces alone (most queries): no field, quote or parenthesis
    // to find or check.
    if input
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b' ')
    {
        return Ok(ParsedQuery {
            text: remainder(input, &[], &[]),
            ..ParsedQuery::default()
        });
    }
    parse_scanned(input, today)
}

/// [`parse_query`] by its tokens.
fn parse_scanned(input: &str, today: NaiveDate) -> Result<ParsedQuery, QueryError> {
    let tokens = scan(input)?;
    let words: Vec<&str> = tokens.iter().map(|t| &input[t.start..t.end]).collect();
    let mut removed = vec![false; tokens.len()];
    let mut query = ParsedQuery::default();
    for (i, &token) in tokens.iter().enumerate() {
        let Some(field_token) = FieldToken::recognize(input, token) else {
            continue;
        };
        check_neighbours(input, &tokens, &words, i, &field_token)?;
        query.add(input, &field_token, today)?;
        removed[i] = true;
        drop_adjacent_and(&words, i, &mut removed);
    }
    query.text = remainder(input, &tokens, &removed);
    Ok(query)
}

/// Rejects `-field:`, `NOT field:` and a field next to `OR`.
fn check_neighbours(
    input: &str,
    tokens: &[Token],
    words: &[&str],
    i: usize,
    token: &FieldToken,
) -> Result<(), QueryError> {
    let field = token.field.name();
    if let Some(minus) = token.minus {
        return Err(QueryError::at(input, minus, |_| {
            QueryErrorKind::NegatedField {
                field,
                negation: "-",
            }
        }));
    }
    let prev = i.checked_sub(1).map(|j| words[j]);
    if prev == Some("NOT") {
        let pos = tokens[i - 1].start;
        return Err(QueryError::at(input, pos, |_| {
            QueryErrorKind::NegatedField {
                field,
                negation: "NOT",
            }
        }));
    }
    if prev == Some("OR") || words.get(i + 1) == Some(&"OR") {
        return Err(QueryError::at(input, token.name_start, |_| {
            QueryErrorKind::FieldWithOr { field }
        }));
    }
    Ok(())
}

/// Removes one `AND` joining the field at `i` to its neighbour (the one
/// before it, else the one after it), since the field is no longer there.
fn drop_adjacent_and(words: &[&str], i: usize, removed: &mut [bool]) {
    let before = i
        .checked_sub(1)
        .filter(|&j| words[j] == "AND" && !removed[j]);
    let after = Some(i + 1).filter(|&j| words.get(j) == Some(&"AND") && !removed[j]);
    if let Some(j) = before.or(after) {
        removed[j] = true;
    }
}

/// The input with removed tokens blanked by spaces; `""` if nothing is left.
fn remainder(input: &str, tokens: &[Token], removed: &[bool]) -> String {
    let mut text = input.to_string();
    for (token, _) in tokens.iter().zip(removed).filter(|(_, &gone)| gone) {
        let blank = " ".repeat(token.end - token.start);
        text.replace_range(token.start..token.end, &blank);
    }
    if text.trim().is_empty() {
        return String::new();
    }
    text.truncate(text.trim_end().len());
    text
}

impl ParsedQuery {
    /// Records one field token's value.
    fn add(&mut self, input: &str, token: &FieldToken, today: NaiveDate) -> Result<(), QueryError> {
        let field = token.field.name();
        let empty = || {
            QueryError::at(input, token.name_start, |_| QueryErrorKind::EmptyValue {
                field,
            })
        };
        if token.raw.is_empty() {
            return Err(empty());
        }
        let value = read_value(input, token.value_start, token.field, token.raw)?;
        if value.is_empty() {
            return Err(empty());
        }
        match token.field {
            Field::Speaker => self.speakers.push(value),
            Field::Dateline => self.datelines.push(value),
            Field::Source => self.sources.push(value),
            Field::Section => self.sections.push(value),
            Field::Author => self.authors.push(value),
            Field::Date => self.add_date(input, token, &value, today)?,
            Field::Kind => self.set_kind(input, token, &value)?,
        }
        Ok(())
    }

    fn add_date(
        &mut self,
        input: &str,
        token: &FieldToken,
        value: &str,
        today: NaiveDate,
    ) -> Result<(), QueryError> {
        let range = parse_range_expr(value, today)
            .map_err(|err| QueryError::at(input, token.value_start, |_| err.into()))?;
        self.dates.push(range);
        Ok(())
    }

    fn set_kind(&mut self, input: &str, token: &FieldToken, value: &str) -> Result<(), QueryError> {
        let unknown = || QueryErrorKind::UnknownKind {
            value: value.to_string(),
        };
        let kind = Kind::from_value(value)
            .ok_or_else(|| QueryError::at(input, token.value_start, |_| unknown()))?;
        match self.kind {
            Some(first) if first != kind => Err(QueryError::at(input, token.name_start, |_| {
                QueryErrorKind::ConflictingKind {
                    first: first.name(),
                    second: kind.name(),
                }
            })),
            _ => {
                self.kind = Some(kind);
                Ok(())
            }
        }
    }
}

#[cfg(test)]
#[path = "parsed_query_test.rs"]
mod tests;

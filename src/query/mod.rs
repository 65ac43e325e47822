//! The query-language front of morgue: dates as people say them and the
//! friendly `field:value` filters inside a query string, as pure functions
//! with no tantivy dependency.
//!
//! * Dates: [`parse_from`], [`parse_to`], [`parse_month`], [`parse_year`],
//!   [`parse_since`], [`parse_on`], [`parse_range_expr`] give calendar days
//!   ([`DateRange`], both ends inclusive); [`to_utc_bounds`] turns a range into
//!   the UTC-midnight unix seconds the index stores. Parsers that need "now"
//!   take `today` from the caller; [`today_from_env`] picks it (honouring
//!   `MORGUE_TODAY`).
//! * Queries: [`parse_query`] pulls `speaker:`, `dateline:`, `source:`,
//!   `section:`, `author:`, `date:` and `kind:` out of the query string into a
//!   [`ParsedQuery`] and leaves the rest for tantivy's QueryParser;
//!   [`render_caret`] points at a [`QueryError`] for CLI output.

mod date_error;
mod date_range;
mod dates;
mod error;
mod fields;
mod month;
mod parsed_query;
mod range_expr;
mod scanner;
mod since;

pub use date_error::DateError;
pub use date_range::{to_utc_bounds, DateRange};
pub use dates::{parse_from, parse_on, parse_to, parse_year, today_from_env};
pub use error::{render_caret, QueryError, QueryErrorKind};
pub use fields::{Field, Kind};
pub use month::parse_month;
pub use parsed_query::{parse_query, ParsedQuery};
pub use range_expr::parse_range_expr;
pub use scanner::top_level_terms;
pub use since::parse_since;

#[cfg(test)]
mod proptests;

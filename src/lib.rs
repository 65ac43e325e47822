//! morgue: full-text search for news clipping archives.
//!
//! The data flows through the modules in order: [`corpus`] walks clippings
//! folders, [`clipping`] parses each file into articles, [`quotes`] finds the
//! direct quotes and their speakers, [`index`] writes them into a tantivy
//! index; [`query`] reads what the user asks, [`search`] runs it, [`render`]
//! prints the answer. [`commands`] ties them to the command line.
//!
//! The library never prints to the terminal on its own: progress goes through
//! [`index::Progress`], results through writers handed in by the caller.

#![warn(missing_docs)]

pub mod cli;
pub mod clipping;
pub mod commands;
pub mod corpus;
pub mod error;
pub mod exit_codes;
pub mod index;
pub mod query;
pub mod quotes;
pub mod render;
pub mod search;

pub use error::{Error, Result};
pub use exit_codes::ExitCode;

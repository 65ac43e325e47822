//! Speaker names across the archive: one person counted once. Spellings are
//! merged through the aliases files, and a surname-only speaker ("Rubio") is
//! resolved to the one full name used elsewhere in the archive ("Marco
//! Rubio") when that is unambiguous.

use std::path::Path;

use tantivy::Searcher;

use super::facets::column_values;
use crate::error::{Error, Result};
use crate::quotes::Aliases;

/// The aliases shipped with morgue (`index-schema/aliases.txt`).
pub const BUILTIN_ALIASES: &str = include_str!("../../index-schema/aliases.txt");

/// Name of the user's aliases file inside the index folder.
pub const USER_ALIASES: &str = "aliases.txt";

/// Reads the built-in aliases and the user's file beside the index, if any.
pub fn load_aliases(index_root: &Path) -> Result<Aliases> {
    let user_path = index_root.join(USER_ALIASES);
    let user = match std::fs::read_to_string(&user_path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io(&user_path, e)),
    };
    let builtin = Aliases::parse(BUILTIN_ALIASES).map_err(|e| Error::Aliases {
        path: "index-schema/aliases.txt".into(),
        message: e.to_string(),
    })?;
    if user.trim().is_empty() {
        return Ok(builtin);
    }
    let builtin_lines = BUILTIN_ALIASES.lines().count();
    Aliases::parse(&format!("{BUILTIN_ALIASES}\n{user}")).map_err(|e| Error::Aliases {
        path: user_path.clone(),
        message: shift_line(&e.to_string(), builtin_lines + 1),
    })
}

/// Renumbers "line N" in an error about the concatenated files to the user's file.
fn shift_line(message: &str, offset: usize) -> String {
    let Some(rest) = message.strip_prefix("line ") else {
        return message.to_string();
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    match digits.parse::<usize>() {
        Ok(n) if n > offset => format!("line {}{}", n - offset, &rest[digits.len()..]),
        _ => message.to_string(),
    }
}

/// Every speaker name in the index (from the speaker facet dictionaries).
pub fn all_speakers(searcher: &Searcher) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for segment in searcher.segment_readers() {
        if let Some(column) = segment.fast_fields().str("speaker_facet")? {
            names.extend(column_values(&column)?);
        }
    }
    names.sort_unstable();
    names.dedup();
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_aliases_parse() {
        let aliases = Aliases::parse(BUILTIN_ALIASES).unwrap();
        assert_eq!(aliases.canonical("Zelenskyy"), Some("Volodymyr Zelensky"));
    }

    #[test]
    fn user_file_errors_name_the_users_line() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join(USER_ALIASES), "# mine\nJoe Bloggs\n").unwrap();
        let err = load_aliases(tmp.path()).unwrap_err().to_string();
        assert!(err.contains("aliases.txt: line 2:"), "{err}");
    }

    #[test]
    fn no_user_file_is_fine() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(load_aliases(tmp.path()).unwrap().canonical("ECB").is_some());
    }
}

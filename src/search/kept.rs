//! What the indexer keeps beside the index so that a fresh search need not
//! work it out: the speaker renames ([`super::renames`]) and each facet's
//! values across segments ([`super::facet_values_file`]). Each file is keyed
//! by the segments and aliases it was made from, and written atomically.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tantivy::Searcher;

use super::facet_values::FacetValues;
use super::facet_values_file::{facet_values_path, load_facet_values, save_facet_values};
use super::facets::facet_field_name;
use super::renames::{load_renames, renames_key, save_renames};
use super::FacetName;
use crate::error::{Error, Result};
use crate::quotes::Aliases;

/// Keeps beside the index in `dir` what a fresh search would otherwise work
/// out: the speaker renames and each facet's values across segments, each
/// unless already kept for the searcher's segments and `aliases`.
pub fn keep_derived(searcher: &Searcher, aliases: &Aliases, dir: &Path) -> Result<()> {
    let key = renames_key(searcher, aliases);
    let renames = match load_renames(dir, &key) {
        Some(kept) => kept,
        None => save_renames(searcher, aliases, dir, &key)?,
    };
    for facet in FacetName::ALL {
        if load_facet_values(dir, facet, &key).is_some() {
            continue;
        }
        let renamed = |n: &str| match facet {
            FacetName::Speaker => renames.get(n).map(String::as_str),
            _ => None,
        };
        let values = FacetValues::build(searcher, facet_field_name(facet), renamed)?;
        save_facet_values(&values, &facet_values_path(dir, facet), &key)?;
    }
    Ok(())
}

/// Writes `path` through `write`, atomically: the bytes go to `path.tmp`,
/// are synced, and the file is renamed over `path`, so that a kill leaves
/// the old file or the new one, never part of one.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let written = || -> std::io::Result<()> {
        let mut out = BufWriter::new(File::create(&tmp)?);
        write(&mut out)?;
        out.flush()?;
        out.get_ref().sync_all()?;
        std::fs::rename(&tmp, path)
    };
    written().map_err(|e| Error::io(&tmp, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("kept.bin");
        write_atomically(&path, |out| out.write_all(b"old")).unwrap();
        let failed = write_atomically(&path, |out| {
            out.write_all(b"new, cut short")?;
            Err(std::io::Error::other("killed"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        write_atomically(&path, |out| out.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }
}

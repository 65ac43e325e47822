//! Each facet's values across the index ([`FacetValues`]), kept by the
//! indexer in a file beside the index, one per facet. A fresh search process
//! counting a facet then adds each segment's counts into the values' numbers
//! and names only the values it shows, instead of naming every value it
//! saw, segment by segment, and merging the names (`said` with speaker
//! counts on Reuters 2006-2013: tens of thousands of names). Like the speaker
//! renames, a file counts only for the exact segments and aliases it was
//! made from (its key, [`super::renames_key`]); a stale, damaged or missing
//! file is ignored and the search names values itself.

use std::io::Write;
use std::path::{Path, PathBuf};

use tantivy::directory::{Directory, MmapDirectory, OwnedBytes};

use super::facet_values::FacetValues;
use super::kept::write_atomically;
use super::value_table::ValueTable;
use super::FacetName;
use crate::error::Result;

/// First bytes of the file, with the format's version; then the key's length
/// and the key, a checksum of the rest, and the values' table
/// ([`super::value_table`]).
const MAGIC: &[u8] = b"morgue facet values 1\n";

/// The name of the file of `facet`'s values, inside an index generation folder.
pub fn facet_values_file(facet: FacetName) -> String {
    format!("morgue-facet-{}.bin", facet.name())
}

/// The path of the file of `facet`'s values in `dir`.
pub fn facet_values_path(dir: &Path, facet: FacetName) -> PathBuf {
    dir.join(facet_values_file(facet))
}

/// Writes `values` to `path` under `key`, atomically: a kill leaves the old
/// file or the new one.
pub fn save_facet_values(values: &FacetValues, path: &Path, key: &str) -> Result<()> {
    let table = values.table().bytes();
    write_atomically(path, |out| {
        out.write_all(MAGIC)?;
        out.write_all(&(key.len() as u32).to_le_bytes())?;
        out.write_all(key.as_bytes())?;
        out.write_all(&xxhash_rust::xxh3::xxh3_64(table).to_le_bytes())?;
        out.write_all(table)
    })
}

/// The values of `facet` kept in `dir`, when they were made for `key` and
/// the file is whole. The file is memory-mapped and read in place.
pub fn load_facet_values(dir: &Path, facet: FacetName, key: &str) -> Option<FacetValues> {
    let file = MmapDirectory::open(dir).ok()?;
    let bytes = file.open_read(Path::new(&facet_values_file(facet))).ok()?;
    let bytes = bytes.read_bytes().ok()?;
    Some(FacetValues::from_table(ValueTable::new(checked(
        bytes, key,
    )?)?))
}

/// The table of a file's bytes, when its key is `key` and its checksum holds.
fn checked(mut bytes: OwnedBytes, key: &str) -> Option<OwnedBytes> {
    let mut take = |n: usize| -> Option<OwnedBytes> {
        (bytes.len() >= n).then(|| {
            let head = bytes.slice(0..n);
            bytes.advance(n);
            head
        })
    };
    let head = take(MAGIC.len())?;
    let len = u32::from_le_bytes(take(4)?.as_slice().try_into().ok()?) as usize;
    let stored = take(len)?;
    let sum = u64::from_le_bytes(take(8)?.as_slice().try_into().ok()?);
    let right = head.as_slice() == MAGIC && stored.as_slice() == key.as_bytes();
    (right && xxhash_rust::xxh3::xxh3_64(bytes.as_slice()) == sum).then_some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> FacetValues {
        let shown = ["Kaja Kallas", "Marco Rubio", "Volodymyr Zelensky"];
        FacetValues::from_parts(&[vec![0, 1, 1], vec![], vec![2, 0]], &shown).unwrap()
    }

    #[test]
    fn values_come_back_as_saved_for_their_key_only() {
        let tmp = tempfile::tempdir().unwrap();
        let path = facet_values_path(tmp.path(), FacetName::Speaker);
        save_facet_values(&values(), &path, "k1").unwrap();
        let back = load_facet_values(tmp.path(), FacetName::Speaker, "k1").expect("kept values");
        assert_eq!(back.shown_of_ord(), values().shown_of_ord());
        assert_eq!(back.shown(), values().shown());
        assert_eq!(back.table().name(1), "Marco Rubio");
        let other = load_facet_values(tmp.path(), FacetName::Speaker, "k2");
        assert!(other.is_none(), "another key");
        let other = load_facet_values(tmp.path(), FacetName::Dateline, "k1");
        assert!(other.is_none(), "another facet");
    }

    #[test]
    fn a_damaged_or_cut_file_is_ignored() {
        let tmp = tempfile::tempdir().unwrap();
        let path = facet_values_path(tmp.path(), FacetName::Dateline);
        let load = || load_facet_values(tmp.path(), FacetName::Dateline, "k");
        save_facet_values(&values(), &path, "k").unwrap();
        let whole = std::fs::read(&path).unwrap();
        std::fs::write(&path, &whole[..whole.len() - 3]).unwrap();
        assert!(load().is_none(), "cut short");
        let mut flipped = whole.clone();
        *flipped.last_mut().unwrap() ^= 1;
        std::fs::write(&path, &flipped).unwrap();
        assert!(load().is_none(), "a bit flipped");
        std::fs::write(&path, &whole).unwrap();
        assert!(load().is_some());
    }
}

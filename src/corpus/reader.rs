//! Reads a clipping file's bytes, with a size limit, and hashes them.

use std::io::Read;
use std::path::Path;

/// Reads a whole file unless it is larger than `max_size` bytes. The error is
/// a reason for the user, naming what is wrong.
pub fn read_file(path: &Path, max_size: u64) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    // Sized once from the file's length (a `take` hides it from
    // `read_to_end`, whose buffer then grew by doubling, copied each time).
    let size = file.metadata().map_or(0, |m| m.len()).min(max_size + 1);
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(max_size + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > max_size {
        return Err(format!(
            "larger than the size limit of {max_size} bytes (see --max-file-size)"
        ));
    }
    Ok(bytes)
}

/// The content hash that confirms a change and recognises a moved file.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_small_files_and_refuses_large_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a.txt");
        std::fs::write(&path, "12345").unwrap();
        assert_eq!(read_file(&path, 5).unwrap(), b"12345");
        let err = read_file(&path, 4).unwrap_err();
        assert!(err.contains("size limit of 4 bytes"), "{err}");
    }

    #[test]
    fn a_vanished_file_is_a_reason_not_a_panic() {
        let err = read_file(Path::new("/nonexistent/morgue/x.txt"), 10).unwrap_err();
        assert!(err.starts_with("cannot read"), "{err}");
    }

    #[test]
    fn hash_depends_on_content_only() {
        assert_eq!(content_hash(b"abc"), content_hash(b"abc"));
        assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
    }
}

//! [`PackedMap`]: a read-only map from static words to small values, for the word
//! lists. Words of up to 16 bytes are packed into one `u128` key (two overlapping
//! loads) of an open-addressing table for their length, so a lookup is two loads, a
//! multiply and integer compares (no string hashing, no `memcmp`); bitmaps on (length,
//! first byte) and (length, last byte) reject most absent words before that. Longer
//! words use a hash map.

use super::fxhash::FxHashMap;

/// Longest word stored packed.
const MAX_PACKED: usize = 16;

/// An open-addressing table of the packed words of one length.
#[derive(Debug, Clone, Default)]
struct Table<V> {
    keys: Vec<u128>,
    vals: Vec<V>,
    shift: u32,
}

/// A read-only map from `&'static str` words to values.
#[derive(Debug, Clone, Default)]
pub(crate) struct PackedMap<V> {
    by_len: Vec<Table<V>>,
    long: FxHashMap<&'static str, V>,
    first_mask: [u64; 32],
    last_mask: [u64; 32],
}

fn load8(b: &[u8], at: usize) -> u64 {
    let mut buf = [0u8; 8];
    buf.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(buf)
}

fn load4(b: &[u8], at: usize) -> u64 {
    let mut buf = [0u8; 4];
    buf.copy_from_slice(&b[at..at + 4]);
    u64::from(u32::from_le_bytes(buf))
}

/// A key covering every byte of a word of 1 to 16 bytes: unique among the words of
/// one length, never 0 for a word without NUL bytes.
fn pack(b: &[u8]) -> u128 {
    let n = b.len();
    let (lo, hi) = if n >= 8 {
        (load8(b, 0), load8(b, n - 8))
    } else if n >= 4 {
        (load4(b, 0) | load4(b, n - 4) << 32, 0)
    } else {
        let x = u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16;
        (x, 0)
    };
    u128::from(lo) | u128::from(hi) << 64
}

impl<V: Copy + Default> Table<V> {
    fn with_capacity(n: usize) -> Self {
        let size = (n * 2).next_power_of_two().max(4);
        Table {
            keys: vec![0; size],
            vals: vec![V::default(); size],
            shift: 64 - size.trailing_zeros(),
        }
    }

    fn index(&self, key: u128) -> usize {
        let x = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (x.wrapping_mul(0x51_7c_c1_b7_27_22_0a_95) >> self.shift) as usize
    }

    fn insert(&mut self, key: u128, v: V) {
        let m = self.keys.len() - 1;
        let mut i = self.index(key);
        while self.keys[i] != 0 && self.keys[i] != key {
            i = (i + 1) & m;
        }
        self.keys[i] = key;
        self.vals[i] = v;
    }

    fn get(&self, key: u128) -> Option<V> {
        let m = self.keys.len().checked_sub(1)?;
        let mut i = self.index(key);
        loop {
            match self.keys[i] {
                0 => return None,
                k if k == key => return Some(self.vals[i]),
                _ => i = (i + 1) & m,
            }
        }
    }
}

/// (length bucket, bit of the first byte, bit of the last byte).
fn slot(word: &str) -> Option<(usize, u64, u64)> {
    let bytes = word.as_bytes();
    let (first, last) = (*bytes.first()?, *bytes.last()?);
    Some((
        word.len().min(31),
        1u64 << (first & 63),
        1u64 << (last & 63),
    ))
}

impl<V: Copy + Default> PackedMap<V> {
    /// Freezes `map` (words to values; empty words are dropped).
    pub fn new(map: FxHashMap<&'static str, V>) -> Self {
        let mut counts = [0usize; MAX_PACKED + 1];
        for w in map.keys().filter(|w| w.len() <= MAX_PACKED) {
            counts[w.len()] += 1;
        }
        let mut out = PackedMap {
            by_len: counts.iter().map(|&n| Table::with_capacity(n)).collect(),
            ..PackedMap::default()
        };
        for (word, v) in map {
            let Some((len, first, last)) = slot(word) else {
                continue;
            };
            out.first_mask[len] |= first;
            out.last_mask[len] |= last;
            if word.len() <= MAX_PACKED {
                out.by_len[word.len()].insert(pack(word.as_bytes()), v);
            } else {
                out.long.insert(word, v);
            }
        }
        out
    }

    /// The value stored for `word`, if any.
    pub fn get(&self, word: &str) -> Option<V> {
        let (len, first, last) = slot(word)?;
        if self.first_mask[len] & first == 0 || self.last_mask[len] & last == 0 {
            return None;
        }
        let bytes = word.as_bytes();
        if bytes.len() > MAX_PACKED {
            return self.long.get(word).copied();
        }
        let key = pack(bytes);
        if key == 0 {
            return None;
        }
        self.by_len.get(bytes.len())?.get(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_words() {
        let mut map = FxHashMap::default();
        for (i, w) in [
            "said",
            "a",
            "x",
            "sixteen-letters!",
            "seventeen-letters",
            "",
        ]
        .into_iter()
        .enumerate()
        {
            map.insert(w, i);
        }
        let p = PackedMap::new(map);
        assert_eq!(p.get("said"), Some(0));
        assert_eq!(p.get("a"), Some(1));
        assert_eq!(p.get("sixteen-letters!"), Some(3));
        assert_eq!(p.get("seventeen-letters"), Some(4));
        assert_eq!(p.get("sixteen-letters?"), None);
        assert_eq!(p.get("\0\0\0\0"), None);
        assert_eq!(p.get(""), None);
        assert_eq!(p.get("sai"), None);
        assert_eq!(p.get("saiD"), None);
        assert_eq!(p.get("a\0"), None);
    }
}

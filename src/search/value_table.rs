//! A facet's values across segments as one little-endian buffer, read in
//! place: for each segment, term ordinal → shown value number, then the
//! shown values' names. [`super::FacetValues`] builds one in memory, and the
//! indexer keeps the same bytes in a file that a search maps without copying
//! or decoding it (reading and decoding it cost 2 ms for the 53,000 speakers
//! of Reuters 2006-2013; mapping and checking it, a few tenths).
//!
//! Layout: segment count; per segment, a count and that many numbers; the
//! names' text length and text; a count and that many name ends. Every
//! number is a `u32`.

use std::ops::Range;

use tantivy::directory::OwnedBytes;

/// One facet's value numbers and names, checked once when made.
pub struct ValueTable {
    bytes: OwnedBytes,
    /// Byte ranges of each segment's numbers.
    segments: Vec<Range<usize>>,
    /// Byte range of the names' text.
    text: Range<usize>,
    /// Byte range of the names' ends in the text.
    ends: Range<usize>,
}

/// Appends the bytes of a table: `shown_of_ord[segment][ord]` numbers a
/// value of `shown` (sorted names).
pub fn encode(shown_of_ord: &[Vec<u32>], shown: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    let put = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(&(n as u32).to_le_bytes());
    put(&mut out, shown_of_ord.len());
    for numbers in shown_of_ord {
        put(&mut out, numbers.len());
        numbers.iter().for_each(|&n| put(&mut out, n as usize));
    }
    put(&mut out, shown.iter().map(|s| s.len()).sum());
    shown
        .iter()
        .for_each(|s| out.extend_from_slice(s.as_bytes()));
    put(&mut out, shown.len());
    let mut end = 0;
    for s in shown {
        end += s.len();
        put(&mut out, end);
    }
    out
}

impl ValueTable {
    /// The table in `bytes` (see [`encode`]); `None` unless it holds
    /// together: whole, names in UTF-8 split on character boundaries, every
    /// number naming a value.
    pub fn new(bytes: OwnedBytes) -> Option<ValueTable> {
        let mut at = 0;
        let segments = (0..read(&bytes, &mut at)?)
            .map(|_| run(&bytes, &mut at, 4))
            .collect::<Option<Vec<_>>>()?;
        let len = read(&bytes, &mut at)? as usize;
        let text = at..at.checked_add(len).filter(|&e| e <= bytes.len())?;
        at = text.end;
        let ends = run(&bytes, &mut at, 4)?;
        let table = ValueTable {
            segments,
            text,
            ends,
            bytes,
        };
        (at == table.bytes.len() && table.holds_together()).then_some(table)
    }

    fn holds_together(&self) -> bool {
        let Ok(text) = std::str::from_utf8(&self.bytes[self.text.clone()]) else {
            return false;
        };
        let ends: Vec<u32> = numbers(&self.bytes[self.ends.clone()]).collect();
        let rising = ends.windows(2).all(|w| w[0] <= w[1]);
        let split = ends.iter().all(|&e| text.is_char_boundary(e as usize));
        let named = (0..self.segments.len())
            .all(|s| numbers(self.segment_bytes(s)).all(|n| (n as usize) < ends.len()));
        rising && split && named
    }

    /// The whole table, as [`Self::new`] reads it.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// How many segments.
    pub fn segments(&self) -> usize {
        self.segments.len()
    }

    /// How many values are shown.
    pub fn len(&self) -> usize {
        self.ends.len() / 4
    }

    /// Whether no value is shown.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn segment_bytes(&self, segment: usize) -> &[u8] {
        self.segments
            .get(segment)
            .map_or(&[][..], |r| &self.bytes[r.clone()])
    }

    /// The shown number of term ordinal `ord` of `segment`.
    #[inline]
    pub fn number(&self, segment: usize, ord: u64) -> Option<u32> {
        let at = usize::try_from(ord).ok()?.checked_mul(4)?;
        let bytes = self.segment_bytes(segment).get(at..at + 4)?;
        Some(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    /// How many term ordinals `segment` numbers.
    pub fn ordinals(&self, segment: usize) -> usize {
        self.segment_bytes(segment).len() / 4
    }

    /// The name of shown value `shown`.
    pub fn name(&self, shown: u32) -> &str {
        let ends = &self.bytes[self.ends.clone()];
        let end = |i: usize| numbers(&ends[i * 4..i * 4 + 4]).next().unwrap_or(0) as usize;
        let i = shown as usize;
        let start = if i == 0 { 0 } else { end(i - 1) };
        let text = &self.bytes[self.text.clone()];
        // Checked by `new`: UTF-8, split on character boundaries.
        std::str::from_utf8(&text[start..end(i)]).unwrap_or_default()
    }
}

/// The little-endian numbers of `bytes`.
fn numbers(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// The number at `*at`, moving past it.
fn read(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let n = numbers(bytes.get(*at..*at + 4)?).next()?;
    *at += 4;
    Some(n)
}

/// A count at `*at`, then the byte range of that many items of `size`.
fn run(bytes: &[u8], at: &mut usize, size: usize) -> Option<Range<usize>> {
    let n = read(bytes, at)? as usize;
    let end = n.checked_mul(size)?.checked_add(*at)?;
    (end <= bytes.len()).then(|| std::mem::replace(at, end)..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(shown_of_ord: &[Vec<u32>], shown: &[&str]) -> Option<ValueTable> {
        ValueTable::new(OwnedBytes::new(encode(shown_of_ord, shown)))
    }

    #[test]
    fn numbers_and_names_read_back() {
        let t = table(&[vec![1, 0], vec![], vec![2]], &["Kyiv", "Miami", "Zürich"]).unwrap();
        assert_eq!((t.segments(), t.len()), (3, 3));
        assert_eq!(t.number(0, 0), Some(1));
        assert_eq!(t.number(0, 1), Some(0));
        assert_eq!(t.number(0, 2), None, "past the segment's ordinals");
        assert_eq!(t.number(1, 0), None);
        assert_eq!(t.number(7, 0), None, "no such segment");
        assert_eq!(t.ordinals(2), 1);
        let names: Vec<&str> = (0..3).map(|i| t.name(i)).collect();
        assert_eq!(names, ["Kyiv", "Miami", "Zürich"]);
    }

    #[test]
    fn a_table_that_does_not_hold_together_is_refused() {
        assert!(
            table(&[vec![0, 1]], &["Miami"]).is_none(),
            "a number too big"
        );
        let whole = encode(&[vec![0]], &["Zürich"]);
        for cut in 0..whole.len() {
            assert!(ValueTable::new(OwnedBytes::new(whole[..cut].to_vec())).is_none());
        }
        let mut longer = whole.clone();
        longer.push(0);
        assert!(ValueTable::new(OwnedBytes::new(longer)).is_none());
        // The end of "Zürich" moved inside the ü.
        let mut split = whole.clone();
        let last = split.len() - 4;
        split[last] = 2;
        assert!(ValueTable::new(OwnedBytes::new(split)).is_none());
    }
}

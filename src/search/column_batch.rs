//! A column's values for a batch of matching documents, read a block at a
//! time. Reading one document at a time costs a rank in the column's
//! optional index, two reads of its start index and one read per value, each
//! through a dynamic call: about 40 ns a document on a speaker column (perf:
//! most of the time of a facet count over a broad query). A batch of sorted
//! documents takes the ranks block by block, and decodes the start index and
//! the values as one range when the batch is dense (most documents of a
//! stretch match) or one call per batch when it is not.

use tantivy::columnar::column_index::MultiValueIndex;
use tantivy::columnar::{Column, ColumnIndex, ColumnValues};
use tantivy::DocId;

/// A batch whose positions span at most this many times its length is read
/// as one range: decoding a few unused values costs less than seeking each.
const DENSE: usize = 4;

/// How many documents a collector gathers before reading their values.
pub const BATCH: usize = 1024;

/// Reusable buffers for reading a column in batches.
#[derive(Default)]
pub struct ColumnBatch<T> {
    docs: Vec<DocId>,
    ranks: Vec<u32>,
    starts: Vec<u32>,
    ends: Vec<u32>,
    rows: Vec<u32>,
    values: Vec<T>,
    range: Vec<T>,
}

impl<T> ColumnBatch<T>
where
    T: Copy + Default + PartialOrd + std::fmt::Debug + Send + Sync + 'static,
{
    /// Calls `each(doc, values)` for every document of `docs` (sorted,
    /// ascending) that has values, in order, with its values in order.
    pub fn for_each_doc(
        &mut self,
        column: &Column<T>,
        docs: &[DocId],
        mut each: impl FnMut(DocId, &[T]),
    ) {
        self.docs.clear();
        self.ranks.clear();
        match &column.index {
            ColumnIndex::Empty { .. } => {}
            ColumnIndex::Full => {
                self.docs.extend_from_slice(docs);
                self.ranks.extend_from_slice(docs);
                self.read_single(&*column.values, &mut each);
            }
            ColumnIndex::Optional(index) => {
                index.rank_if_exists_batch(docs, &mut self.docs, &mut self.ranks);
                self.read_single(&*column.values, &mut each);
            }
            ColumnIndex::Multivalued(MultiValueIndex::MultiValueIndexV2(index)) => {
                let optional = &index.optional_index;
                optional.rank_if_exists_batch(docs, &mut self.docs, &mut self.ranks);
                self.read_multi(&*index.start_index_column, &*column.values, &mut each);
            }
            ColumnIndex::Multivalued(_) => {
                for &doc in docs {
                    self.values.clear();
                    self.values.extend(column.values_for_doc(doc));
                    if !self.values.is_empty() {
                        each(doc, &self.values);
                    }
                }
            }
        }
    }

    /// One value per rank.
    fn read_single(&mut self, values: &dyn ColumnValues<T>, each: &mut impl FnMut(DocId, &[T])) {
        read_at(values, &self.ranks, &mut self.values, &mut self.range);
        for (i, &doc) in self.docs.iter().enumerate() {
            each(doc, &self.values[i..i + 1]);
        }
    }

    /// The values of rows `starts[r]..starts[r + 1]` of each rank `r`.
    fn read_multi(
        &mut self,
        starts: &dyn ColumnValues<u32>,
        values: &dyn ColumnValues<T>,
        each: &mut impl FnMut(DocId, &[T]),
    ) {
        read_bounds(
            starts,
            &self.ranks,
            &mut self.starts,
            &mut self.ends,
            &mut self.rows,
        );
        let (Some(&lo), Some(&hi)) = (self.starts.first(), self.ends.last()) else {
            return;
        };
        let total: usize = self
            .starts
            .iter()
            .zip(&self.ends)
            .map(|(s, e)| (e - s) as usize)
            .sum();
        let span = (hi - lo) as usize;
        let base = if span <= DENSE * total {
            self.range.clear();
            self.range.resize(span, T::default());
            values.get_range(u64::from(lo), &mut self.range);
            lo
        } else {
            // Only the rows of the batch, packed: rebase the bounds on them.
            self.rows.clear();
            let mut packed = 0;
            for (s, e) in self.starts.iter_mut().zip(self.ends.iter_mut()) {
                self.rows.extend(*s..*e);
                (*s, *e) = (packed, packed + (*e - *s));
                packed = *e;
            }
            self.range.clear();
            self.range.resize(self.rows.len(), T::default());
            values.get_vals(&self.rows, &mut self.range);
            0
        };
        for (i, &doc) in self.docs.iter().enumerate() {
            let run = (self.starts[i] - base) as usize..(self.ends[i] - base) as usize;
            if !run.is_empty() {
                each(doc, &self.range[run]);
            }
        }
    }
}

/// `out[i] = column[at[i]]` for sorted positions `at`, through one range
/// decode (in `scratch`) when they are dense.
fn read_at<V: Copy + Default + PartialOrd + std::fmt::Debug + 'static>(
    column: &dyn ColumnValues<V>,
    at: &[u32],
    out: &mut Vec<V>,
    scratch: &mut Vec<V>,
) {
    out.clear();
    let (Some(&first), Some(&last)) = (at.first(), at.last()) else {
        return;
    };
    let span = (last - first) as usize + 1;
    if span <= DENSE * at.len() {
        scratch.clear();
        scratch.resize(span, V::default());
        column.get_range(u64::from(first), scratch);
        out.extend(at.iter().map(|&i| scratch[(i - first) as usize]));
    } else {
        out.resize(at.len(), V::default());
        column.get_vals(at, out);
    }
}

/// The start (`starts[r]`) and end (`starts[r + 1]`) rows of each rank.
fn read_bounds(
    column: &dyn ColumnValues<u32>,
    ranks: &[u32],
    starts: &mut Vec<u32>,
    ends: &mut Vec<u32>,
    scratch: &mut Vec<u32>,
) {
    starts.clear();
    ends.clear();
    let (Some(&first), Some(&last)) = (ranks.first(), ranks.last()) else {
        return;
    };
    let span = (last - first) as usize + 2;
    if span <= DENSE * ranks.len() {
        scratch.clear();
        scratch.resize(span, 0);
        column.get_range(u64::from(first), scratch);
        for &r in ranks {
            let i = (r - first) as usize;
            starts.push(scratch[i]);
            ends.push(scratch[i + 1]);
        }
    } else {
        starts.resize(ranks.len(), 0);
        column.get_vals(ranks, starts);
        scratch.clear();
        scratch.extend(ranks.iter().map(|r| r + 1));
        ends.resize(ranks.len(), 0);
        column.get_vals(scratch, ends);
    }
}

//! An open morgue index: the tantivy index, its field handles and its state.

use std::path::{Path, PathBuf};

use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

use super::{tokenizers, Fields, IndexState, SchemaFile};
use crate::error::{Error, Result};

/// A tantivy index with morgue's schema, tokenizers and state.
pub struct MorgueIndex {
    index: Index,
    fields: Fields,
    dir: PathBuf,
}

impl MorgueIndex {
    /// Creates an empty index in `dir` and commits its initial state.
    pub fn create(dir: &Path, schema: &SchemaFile) -> Result<MorgueIndex> {
        let index = Index::builder()
            .schema(schema.build())
            .settings(schema.settings())
            .create_in_dir(dir)?;
        let morgue = MorgueIndex::wrap(index, dir)?;
        let mut writer = morgue.writer(1, 15_000_000)?;
        let state = IndexState {
            schema_version: schema.version,
            ..Default::default()
        };
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&state.to_payload());
        prepared.commit()?;
        Ok(morgue)
    }

    /// Opens the index in `dir`, checking that it was built with this schema version.
    /// The version is read first: an index of another version may lack a
    /// field this one has.
    pub fn open(dir: &Path, schema: &SchemaFile) -> Result<MorgueIndex> {
        let index = Index::open_in_dir(dir)?;
        let state = committed_state(&index)?;
        if state.schema_version != schema.version {
            return Err(Error::SchemaVersion {
                path: dir.to_path_buf(),
                found: state.schema_version,
                expected: schema.version,
            });
        }
        MorgueIndex::wrap(index, dir)
    }

    /// Reads the state of the index in `dir` whatever its schema version
    /// (a rebuild takes the folders to walk from it).
    pub fn read_state(dir: &Path) -> Result<IndexState> {
        committed_state(&Index::open_in_dir(dir)?)
    }

    fn wrap(index: Index, dir: &Path) -> Result<MorgueIndex> {
        tokenizers::register(&index);
        let fields = Fields::new(&index.schema())?;
        Ok(MorgueIndex {
            index,
            fields,
            dir: dir.to_path_buf(),
        })
    }

    /// The tantivy index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Field handles.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The tantivy index folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The state recorded by the last commit.
    pub fn state(&self) -> Result<IndexState> {
        committed_state(&self.index)
    }

    /// A reader on the last commit (reloaded by hand, as a CLI process needs).
    pub fn reader(&self) -> Result<IndexReader> {
        Ok(self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?)
    }

    /// A writer with `threads` indexing threads sharing `heap_bytes` of memory,
    /// merging with [`merge_policy`].
    pub fn writer(
        &self,
        threads: usize,
        heap_bytes: usize,
    ) -> Result<IndexWriter<TantivyDocument>> {
        let writer = self
            .index
            .writer_with_num_threads(threads.max(1), heap_bytes)?;
        writer.set_merge_policy(Box::new(merge_policy()));
        Ok(writer)
    }
}

/// An empty index of the built-in schema in a temporary folder (removed
/// when the returned guard drops), for unit tests.
#[cfg(test)]
pub fn temp_index() -> (tempfile::TempDir, MorgueIndex) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let schema = SchemaFile::builtin().expect("built-in schema");
    let index = MorgueIndex::create(tmp.path(), &schema).expect("index created");
    (tmp, index)
}

/// The state the last commit of `index` recorded.
fn committed_state(index: &Index) -> Result<IndexState> {
    IndexState::from_payload(index.load_metas()?.payload.as_deref())
}

/// Segments holding more documents than this are never merged.
pub const MERGE_MAX_DOCS: usize = 50_000;

/// tantivy's log merge policy, limited to segments of at most
/// [`MERGE_MAX_DOCS`] documents: the small segments of incremental runs are
/// merged (eight of a size at a time), the big ones a first run flushes are
/// left alone. A merge reads its segments through memory maps, which count
/// in the process's resident memory: merging big segments took a million-
/// article run from 1.1 GB to 2.1 GB, and the time it took from the
/// indexing threads grew the run superlinearly (README "Performance").
pub fn merge_policy() -> tantivy::indexer::LogMergePolicy {
    let mut policy = tantivy::indexer::LogMergePolicy::default();
    policy.set_max_docs_before_merge(MERGE_MAX_DOCS);
    policy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn created_index_records_the_schema_version() {
        let (_tmp, index) = temp_index();
        let schema = SchemaFile::builtin().unwrap();
        assert_eq!(index.state().unwrap().schema_version, schema.version);
    }

    #[test]
    fn opening_an_index_of_another_version_asks_for_rebuild() {
        let tmp = tempfile::tempdir().unwrap();
        let mut schema = SchemaFile::builtin().unwrap();
        MorgueIndex::create(tmp.path(), &schema).unwrap();
        schema.version += 1;
        let err = MorgueIndex::open(tmp.path(), &schema).err().unwrap();
        assert!(err.to_string().contains("morgue index --rebuild"), "{err}");
    }

    #[test]
    fn an_index_of_an_older_version_without_a_newer_field_asks_for_rebuild() {
        // Schema version 1 had no `dup_bucket` field.
        let tmp = tempfile::tempdir().unwrap();
        let mut old = SchemaFile::builtin().unwrap();
        old.fields.retain(|f| f.name != "dup_bucket");
        let index = Index::builder()
            .schema(old.build())
            .create_in_dir(tmp.path())
            .unwrap();
        let mut writer: tantivy::IndexWriter =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        let state = IndexState {
            schema_version: 1,
            ..Default::default()
        };
        let mut prepared = writer.prepare_commit().unwrap();
        prepared.set_payload(&state.to_payload());
        prepared.commit().unwrap();
        let schema = SchemaFile::builtin().unwrap();
        let err = MorgueIndex::open(tmp.path(), &schema).err().unwrap();
        assert!(
            matches!(err, Error::SchemaVersion { found: 1, .. }),
            "{err}"
        );
    }

    #[test]
    fn small_segments_are_merged_big_ones_left_alone() {
        use tantivy::indexer::MergePolicy;
        let index = Index::create_in_ram(SchemaFile::builtin().unwrap().build());
        let metas = |docs: u32| -> Vec<tantivy::index::SegmentMeta> {
            (0..8)
                .map(|_| index.new_segment_meta(tantivy::index::SegmentId::generate_random(), docs))
                .collect()
        };
        let policy = merge_policy();
        assert_eq!(policy.compute_merge_candidates(&metas(1_000)).len(), 1);
        let big = MERGE_MAX_DOCS as u32 + 1;
        assert!(policy.compute_merge_candidates(&metas(big)).is_empty());
    }
}

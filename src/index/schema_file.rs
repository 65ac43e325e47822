//! Reads `index-schema/schema.toml`, the single source of truth for the index
//! schema, and builds the tantivy [`Schema`] from it.

use std::collections::BTreeMap;

use serde::Deserialize;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions,
};

use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::IndexSettings;

use crate::error::{Error, Result};

/// The schema file, compiled into the binary.
pub const SCHEMA_TOML: &str = include_str!("../../index-schema/schema.toml");

/// The parsed schema file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemaFile {
    /// Schema version; recorded in every index built with it.
    pub version: u32,
    /// How the document store is compressed (tantivy's default when absent).
    #[serde(default)]
    pub store: StoreSpec,
    /// Tokenizers the fields may name, with a description.
    pub tokenizers: BTreeMap<String, TokenizerSpec>,
    /// The fields, in order.
    #[serde(rename = "field")]
    pub fields: Vec<FieldSpec>,
}

/// The document store's compression.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreSpec {
    /// `lz4`, `zstd` or `none`.
    pub compression: String,
    /// zstd's level (1 to 22); ignored by the others.
    #[serde(default)]
    pub level: Option<i32>,
    /// Bytes of documents compressed together.
    pub block_size: usize,
    /// Why this choice.
    pub doc: String,
}

impl Default for StoreSpec {
    fn default() -> Self {
        StoreSpec {
            compression: "lz4".into(),
            level: None,
            block_size: 16_384,
            doc: "tantivy's default".into(),
        }
    }
}

impl StoreSpec {
    fn compressor(&self) -> Result<Compressor> {
        match self.compression.as_str() {
            "lz4" => Ok(Compressor::Lz4),
            "none" => Ok(Compressor::None),
            "zstd" => Ok(Compressor::Zstd(ZstdCompressor {
                compression_level: self.level,
            })),
            other => Err(Error::Schema(format!(
                "store: unknown compression '{other}' (lz4, zstd or none)"
            ))),
        }
    }
}

/// A tokenizer named in the schema file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenizerSpec {
    /// What the tokenizer does.
    pub doc: String,
}

/// The value type of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    /// Tokenized text.
    Text,
    /// Untokenized string (one term).
    String,
    /// Hierarchical facet.
    Facet,
    /// Date (day precision in practice, stored as seconds).
    Date,
    /// Unsigned integer.
    U64,
    /// Signed integer.
    I64,
}

/// One field of the schema file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// Field name.
    pub name: String,
    /// Value type.
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// Searchable.
    #[serde(default)]
    pub indexed: bool,
    /// Kept in the doc store.
    #[serde(default)]
    pub stored: bool,
    /// Column (fast field) storage.
    #[serde(default)]
    pub fast: bool,
    /// Tokenizer for text fields.
    pub tokenizer: Option<String>,
    /// Positions for phrase queries (text fields).
    #[serde(default)]
    pub positions: bool,
    /// Document kinds that carry the field.
    pub on: Vec<String>,
    /// What the field is for.
    pub doc: String,
}

impl SchemaFile {
    /// The schema file compiled into this binary.
    pub fn builtin() -> Result<SchemaFile> {
        SchemaFile::parse(SCHEMA_TOML)
    }

    /// Parses and checks a schema file.
    pub fn parse(text: &str) -> Result<SchemaFile> {
        let file: SchemaFile = toml::from_str(text).map_err(|e| Error::Schema(e.to_string()))?;
        file.check()?;
        Ok(file)
    }

    fn check(&self) -> Result<()> {
        self.store.compressor()?;
        if self.store.block_size < 1024 {
            return Err(Error::Schema("store: block_size below 1024 bytes".into()));
        }
        for field in &self.fields {
            let bad = |why: &str| Error::Schema(format!("field '{}': {why}", field.name));
            match (field.kind, &field.tokenizer) {
                (FieldType::Text, None) => return Err(bad("a text field needs a tokenizer")),
                (FieldType::Text, Some(t)) if !self.tokenizers.contains_key(t) => {
                    return Err(bad(&format!("unknown tokenizer '{t}'")))
                }
                (FieldType::Text, _) => {}
                (_, Some(_)) => return Err(bad("only text fields take a tokenizer")),
                _ => {}
            }
            if field.positions && field.kind != FieldType::Text {
                return Err(bad("only text fields take positions"));
            }
        }
        Ok(())
    }

    /// The index settings the file describes (the document store's
    /// compression): recorded in a new index, kept by it afterwards.
    pub fn settings(&self) -> IndexSettings {
        IndexSettings {
            docstore_compression: self.store.compressor().unwrap_or_default(),
            docstore_blocksize: self.store.block_size,
            ..IndexSettings::default()
        }
    }

    /// Builds the tantivy schema described by the file.
    pub fn build(&self) -> Schema {
        let mut builder = Schema::builder();
        for f in &self.fields {
            match f.kind {
                FieldType::Text => builder.add_text_field(&f.name, text_options(f)),
                FieldType::String => builder.add_text_field(&f.name, string_options(f)),
                FieldType::Facet => builder.add_facet_field(&f.name, FacetOptions::default()),
                FieldType::Date => builder.add_date_field(&f.name, date_options(f)),
                FieldType::U64 => builder.add_u64_field(&f.name, numeric_options(f)),
                FieldType::I64 => builder.add_i64_field(&f.name, numeric_options(f)),
            };
        }
        builder.build()
    }
}

fn text_options(f: &FieldSpec) -> TextOptions {
    let record = if f.positions {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::WithFreqs
    };
    let tokenizer = f.tokenizer.as_deref().unwrap_or("default");
    let mut opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(record),
    );
    if f.stored {
        opts = opts.set_stored();
    }
    opts
}

fn string_options(f: &FieldSpec) -> TextOptions {
    let mut opts = TextOptions::default();
    if f.indexed {
        opts = opts.set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_index_option(IndexRecordOption::Basic),
        );
    }
    if f.stored {
        opts = opts.set_stored();
    }
    if f.fast {
        opts = opts.set_fast("raw");
    }
    opts
}

fn date_options(f: &FieldSpec) -> DateOptions {
    let mut opts = DateOptions::default().set_precision(DateTimePrecision::Seconds);
    if f.indexed {
        opts = opts.set_indexed();
    }
    if f.stored {
        opts = opts.set_stored();
    }
    if f.fast {
        opts = opts.set_fast();
    }
    opts
}

fn numeric_options(f: &FieldSpec) -> NumericOptions {
    let mut opts = NumericOptions::default();
    if f.indexed {
        opts = opts.set_indexed();
    }
    if f.stored {
        opts = opts.set_stored();
    }
    if f.fast {
        opts = opts.set_fast();
    }
    opts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_schema_parses_and_builds() {
        let file = SchemaFile::builtin().unwrap();
        let schema = file.build();
        assert_eq!(schema.num_fields(), file.fields.len());
    }

    #[test]
    fn text_field_without_tokenizer_is_rejected() {
        let text = "version = 1\n[tokenizers.news]\ndoc = \"x\"\n\
                    [[field]]\nname = \"t\"\ntype = \"text\"\non = [\"article\"]\ndoc = \"x\"\n";
        let err = SchemaFile::parse(text).unwrap_err().to_string();
        assert!(
            err.contains("field 't': a text field needs a tokenizer"),
            "{err}"
        );
    }

    #[test]
    fn unknown_tokenizer_is_rejected() {
        let text = "version = 1\n[tokenizers.news]\ndoc = \"x\"\n[[field]]\nname = \"t\"\n\
                    type = \"text\"\ntokenizer = \"klingon\"\non = [\"article\"]\ndoc = \"x\"\n";
        let err = SchemaFile::parse(text).unwrap_err().to_string();
        assert!(err.contains("unknown tokenizer 'klingon'"), "{err}");
    }

    #[test]
    fn unknown_key_is_rejected() {
        let text = "version = 1\nbogus = 2\n[tokenizers.news]\ndoc = \"x\"\n";
        assert!(SchemaFile::parse(text).is_err());
    }

    #[test]
    fn the_store_compression_is_the_files() {
        let file = SchemaFile::builtin().unwrap();
        let settings = file.settings();
        assert_eq!(settings.docstore_blocksize, file.store.block_size);
        assert!(matches!(
            settings.docstore_compression,
            Compressor::Zstd(ZstdCompressor {
                compression_level: Some(1)
            })
        ));
        let text = SCHEMA_TOML.replace("compression = \"zstd\"", "compression = \"brotli\"");
        let err = SchemaFile::parse(&text).unwrap_err().to_string();
        assert!(err.contains("unknown compression 'brotli'"), "{err}");
    }
}

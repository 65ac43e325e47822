//! Typed handles to every field of the schema, looked up by name from the
//! schema built from `index-schema/schema.toml`.

use tantivy::schema::{Field, FieldType as TvType, Schema};

use crate::error::{Error, Result};

/// The names of every field the code uses, with the type it expects.
/// A test checks this list against `index-schema/schema.toml`, both ways.
pub const EXPECTED_FIELDS: &[(&str, &str)] = &[
    ("kind", "string"),
    ("path", "string"),
    ("doc_key", "u64"),
    ("ordinal", "u64"),
    ("date", "date"),
    ("title", "text"),
    ("article_title", "string"),
    ("body", "text"),
    ("text", "text"),
    ("speaker", "text"),
    ("speaker_facet", "facet"),
    ("dateline", "text"),
    ("dateline_facet", "facet"),
    ("source", "text"),
    ("source_facet", "facet"),
    ("section", "text"),
    ("section_facet", "facet"),
    ("author", "text"),
    ("url", "string"),
    ("format", "string"),
    ("quote_start", "u64"),
    ("quote_end", "u64"),
    ("dup", "u64"),
    ("dup_bucket", "u64"),
    ("file_path", "string"),
    ("file_key", "u64"),
    ("file_size", "u64"),
    ("file_mtime", "i64"),
    ("file_hash", "u64"),
    ("file_status", "string"),
    ("file_error", "string"),
    ("file_articles", "u64"),
];

/// Field handles of the morgue schema.
#[derive(Debug, Clone, Copy)]
#[allow(missing_docs)]
pub struct Fields {
    pub kind: Field,
    pub path: Field,
    pub doc_key: Field,
    pub ordinal: Field,
    pub date: Field,
    pub title: Field,
    pub article_title: Field,
    pub body: Field,
    pub text: Field,
    pub speaker: Field,
    pub speaker_facet: Field,
    pub dateline: Field,
    pub dateline_facet: Field,
    pub source: Field,
    pub source_facet: Field,
    pub section: Field,
    pub section_facet: Field,
    pub author: Field,
    pub url: Field,
    pub format: Field,
    pub quote_start: Field,
    pub quote_end: Field,
    pub dup: Field,
    pub dup_bucket: Field,
    pub file_path: Field,
    pub file_key: Field,
    pub file_size: Field,
    pub file_mtime: Field,
    pub file_hash: Field,
    pub file_status: Field,
    pub file_error: Field,
    pub file_articles: Field,
}

impl Fields {
    /// Looks up every field, checking that it exists with the expected type.
    pub fn new(schema: &Schema) -> Result<Fields> {
        for (name, ty) in EXPECTED_FIELDS {
            check_field(schema, name, ty)?;
        }
        let f = |name: &str| schema.get_field(name).expect("checked above");
        Ok(Fields {
            kind: f("kind"),
            path: f("path"),
            doc_key: f("doc_key"),
            ordinal: f("ordinal"),
            date: f("date"),
            title: f("title"),
            article_title: f("article_title"),
            body: f("body"),
            text: f("text"),
            speaker: f("speaker"),
            speaker_facet: f("speaker_facet"),
            dateline: f("dateline"),
            dateline_facet: f("dateline_facet"),
            source: f("source"),
            source_facet: f("source_facet"),
            section: f("section"),
            section_facet: f("section_facet"),
            author: f("author"),
            url: f("url"),
            format: f("format"),
            quote_start: f("quote_start"),
            quote_end: f("quote_end"),
            dup: f("dup"),
            dup_bucket: f("dup_bucket"),
            file_path: f("file_path"),
            file_key: f("file_key"),
            file_size: f("file_size"),
            file_mtime: f("file_mtime"),
            file_hash: f("file_hash"),
            file_status: f("file_status"),
            file_error: f("file_error"),
            file_articles: f("file_articles"),
        })
    }
}

fn check_field(schema: &Schema, name: &str, expected: &str) -> Result<()> {
    let field = schema
        .get_field(name)
        .map_err(|_| Error::Schema(format!("field '{name}' is missing from the schema")))?;
    let entry = schema.get_field_entry(field);
    let actual = match entry.field_type() {
        TvType::Str(opts) => match opts.get_indexing_options().map(|o| o.tokenizer()) {
            Some("raw") | None => "string",
            Some(_) => "text",
        },
        TvType::Facet(_) => "facet",
        TvType::Date(_) => "date",
        TvType::U64(_) => "u64",
        TvType::I64(_) => "i64",
        _ => "other",
    };
    if actual != expected {
        return Err(Error::Schema(format!(
            "field '{name}' is {actual} in the schema, the code expects {expected}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::SchemaFile;
    use std::collections::BTreeSet;

    #[test]
    fn code_and_schema_file_agree_both_ways() {
        let file = SchemaFile::builtin().unwrap();
        Fields::new(&file.build()).expect("every field the code uses is in the file");
        let in_file: BTreeSet<&str> = file.fields.iter().map(|f| f.name.as_str()).collect();
        let in_code: BTreeSet<&str> = EXPECTED_FIELDS.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            in_file, in_code,
            "schema.toml and EXPECTED_FIELDS list different fields"
        );
        for spec in &file.fields {
            let expected = EXPECTED_FIELDS
                .iter()
                .find(|(n, _)| *n == spec.name)
                .unwrap()
                .1;
            let declared = format!("{:?}", spec.kind).to_lowercase();
            assert_eq!(declared, expected, "type of field '{}'", spec.name);
        }
    }

    #[test]
    fn a_missing_field_is_named() {
        let schema = Schema::builder().build();
        let err = Fields::new(&schema).unwrap_err().to_string();
        assert!(err.contains("field 'kind' is missing"), "{err}");
    }
}

//! Criterion benches for the per-file hot path of indexing: parsing a
//! clipping, extracting its quotes, building its documents, tokenizing its
//! words and adding its documents to an index.
//!
//! `cargo bench --bench parse`. Uses the sample corpus (always there) and,
//! when `../shared` is beside the project, 2,000 files of the Reuters 1987
//! corpus.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use morgue::clipping;
use morgue::corpus::{walk, Article};
use morgue::index::{tokenizers, DocumentBuilder, Fields, SchemaFile};
use morgue::quotes;

/// Files with their bytes.
type FileSet = Vec<(PathBuf, Vec<u8>)>;

fn files(root: &Path, limit: usize) -> FileSet {
    walk(&[root.to_path_buf()])
        .files
        .into_iter()
        .take(limit)
        .map(|f| {
            let bytes = std::fs::read(&f.path).unwrap();
            (f.path, bytes)
        })
        .collect()
}

fn corpora() -> Vec<(&'static str, FileSet)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sets = vec![(
        "sample-corpus",
        files(&root.join("sample-corpus"), usize::MAX),
    )];
    let r21578 = PathBuf::from("/tmp/morgue-corpora/reuters21578-clippings");
    if r21578.is_dir() {
        sets.push(("reuters21578", files(&r21578, 2_000)));
    } else {
        eprintln!("reuters21578 not unpacked (../shared/tools/corpus reuters21578-clippings): sample corpus only");
    }
    sets
}

fn bench_parse(c: &mut Criterion) {
    for (name, set) in corpora() {
        let bytes: usize = set.iter().map(|(_, b)| b.len()).sum();
        let mut group = c.benchmark_group(format!("parse/{name}"));
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("clipping", |b| {
            b.iter(|| {
                for (path, data) in &set {
                    black_box(clipping::parse_file(path, data).ok());
                }
            })
        });
        let clips: Vec<_> = set
            .iter()
            .flat_map(|(p, d)| clipping::parse_file(p, d).unwrap_or_default())
            .collect();
        group.bench_function("quotes", |b| {
            b.iter(|| {
                for clip in &clips {
                    black_box(quotes::extract(&clip.body));
                }
            })
        });
        let fields = Fields::new(&SchemaFile::builtin().unwrap().build()).unwrap();
        let articles: Vec<Article> = clips.iter().cloned().map(Article::from_clipping).collect();
        group.bench_function("documents", |b| {
            let builder = DocumentBuilder::new(&fields, 0);
            b.iter(|| {
                for a in &articles {
                    black_box(builder.article("p", &a.clipping, &a.quotes));
                    for q in &a.quotes {
                        black_box(builder.quote("p", &a.clipping, q));
                    }
                }
            })
        });
        bench_indexing(&mut group, &articles);
        group.finish();
    }
}

/// The indexing side of a file: its words through the `news` tokenizer, and
/// its documents added to a fresh in-memory index (tokenizing, postings,
/// store) and committed.
fn bench_indexing(
    group: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>,
    articles: &[Article],
) {
    group.bench_function("tokens", |b| {
        let mut analyzer = tokenizers::news_analyzer();
        b.iter(|| {
            let mut n = 0usize;
            for a in articles {
                let mut stream = analyzer.token_stream(&a.clipping.body);
                while stream.advance() {
                    n += 1;
                }
            }
            black_box(n)
        })
    });
    let schema = SchemaFile::builtin().unwrap().build();
    let fields = Fields::new(&schema).unwrap();
    group.bench_function("add-documents", |b| {
        let builder = DocumentBuilder::new(&fields, 0);
        b.iter(|| {
            let index = tantivy::Index::create_in_ram(schema.clone());
            tokenizers::register(&index);
            let mut writer: tantivy::IndexWriter =
                index.writer_with_num_threads(1, 50_000_000).unwrap();
            for a in articles {
                writer
                    .add_document(builder.article("p", &a.clipping, &a.quotes))
                    .unwrap();
                for q in &a.quotes {
                    writer
                        .add_document(builder.quote("p", &a.clipping, q))
                        .unwrap();
                }
            }
            writer.commit().unwrap();
        })
    });
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);

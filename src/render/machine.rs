//! Machine-readable renderings: one JSON object, NDJSON (a hit per line,
//! written as it goes, for `jq` pipelines) and CSV.

use std::io::{self, Write};

use crate::search::{Hit, SearchResults};

/// The whole answer as one JSON object: total, hits, facets, histogram.
pub fn write_json(out: &mut impl Write, res: &SearchResults) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, res)?;
    writeln!(out)
}

/// One JSON object per hit, one per line.
pub fn write_ndjson(out: &mut impl Write, hits: &[Hit]) -> io::Result<()> {
    for hit in hits {
        serde_json::to_writer(&mut *out, hit)?;
        writeln!(out)?;
    }
    Ok(())
}

/// CSV with a header row: kind, date, source, section, dateline, speaker, title, text, snippet, path, score, copies.
pub fn write_csv(out: &mut impl Write, hits: &[Hit]) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    write_csv_rows(&mut w, hits).map_err(csv_to_io)?;
    w.flush()
}

/// Keeps the io error inside a csv error (a closed pipe stays a closed pipe).
fn csv_to_io(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn write_csv_rows<W: Write>(w: &mut csv::Writer<W>, hits: &[Hit]) -> csv::Result<()> {
    w.write_record([
        "kind", "date", "source", "section", "dateline", "speaker", "title", "text", "snippet",
        "path", "score", "copies",
    ])?;
    for h in hits {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        w.write_record([
            h.kind.clone(),
            opt(&h.date),
            opt(&h.source),
            opt(&h.section),
            opt(&h.dateline),
            opt(&h.speaker),
            h.title.clone(),
            opt(&h.text),
            h.snippet.clone(),
            h.path.clone(),
            format!("{:.3}", h.score),
            h.copies.to_string(),
        ])?;
    }
    Ok(())
}

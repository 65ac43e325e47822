//! The terminal rendering of search results: an aligned list of hits, facet
//! tables and a histogram drawn as bars.

use std::io::{self, Write};

use super::Style;
use crate::query::Kind;
use crate::search::{Histogram, Hit, SearchResults};

const BAR_WIDTH: u64 = 40;

/// Writes the results for a person at a terminal.
pub fn write_table(
    out: &mut impl Write,
    res: &SearchResults,
    kind: Kind,
    offset: usize,
    style: Style,
) -> io::Result<()> {
    let noun = match kind {
        Kind::Quote => "quotes",
        Kind::Article => "articles",
    };
    let shown = match res.hits.len() {
        0 => String::new(),
        n => format!(", showing {}-{}", offset + 1, offset + n),
    };
    writeln!(
        out,
        "{}",
        style.bold(&format!("{} {noun} match{shown}", res.total))
    )?;
    let width = res
        .hits
        .iter()
        .map(|h| source_place(h).chars().count())
        .max()
        .unwrap_or(0);
    for (i, hit) in res.hits.iter().enumerate() {
        write_hit(out, offset + i + 1, hit, width, style)?;
    }
    for (name, counts) in &res.facets {
        writeln!(out)?;
        writeln!(out, "{}", style.bold(name))?;
        let w = counts
            .iter()
            .map(|c| c.value.chars().count())
            .max()
            .unwrap_or(0);
        for c in counts {
            writeln!(out, "  {:<w$}  {:>6}", c.value, c.count)?;
        }
    }
    if let Some(h) = &res.histogram {
        writeln!(out)?;
        write_histogram(out, h, style)?;
    }
    Ok(())
}

fn source_place(hit: &Hit) -> String {
    match (&hit.source, &hit.dateline) {
        (Some(s), Some(d)) => format!("{s} · {d}"),
        (Some(s), None) => s.clone(),
        (None, Some(d)) => d.clone(),
        (None, None) => String::new(),
    }
}

fn write_hit(
    out: &mut impl Write,
    n: usize,
    hit: &Hit,
    width: usize,
    style: Style,
) -> io::Result<()> {
    let date = hit.date.as_deref().unwrap_or("----------");
    let copies = if hit.copies > 1 {
        format!("  ({} copies)", hit.copies)
    } else {
        String::new()
    };
    writeln!(
        out,
        "{n:>3}. {date}  {:<width$}  {}{copies}",
        source_place(hit),
        style.bold(&hit.title)
    )?;
    let text = style.highlight(&hit.snippet, &hit.highlights);
    match &hit.speaker {
        Some(speaker) => writeln!(out, "     {}: “{text}”", style.bold(speaker))?,
        None if hit.kind == "quote" => writeln!(out, "     (unattributed): “{text}”")?,
        None => writeln!(out, "     {text}")?,
    }
    writeln!(out, "     {}", style.dim(&hit.path))
}

/// Draws a histogram as horizontal bars, one line per bucket.
pub fn write_histogram(out: &mut impl Write, h: &Histogram, style: Style) -> io::Result<()> {
    let max = h.buckets.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let w = h.buckets.iter().map(|b| b.label.len()).max().unwrap_or(0);
    for b in &h.buckets {
        let len = (b.count * BAR_WIDTH).div_ceil(max) as usize;
        writeln!(
            out,
            "  {:<w$}  {} {}",
            b.label,
            style.bold(&"█".repeat(len)),
            b.count
        )?;
    }
    if h.undated > 0 {
        writeln!(out, "  ({} without a date)", h.undated)?;
    }
    Ok(())
}

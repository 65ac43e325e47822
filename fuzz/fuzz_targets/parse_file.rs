//! Fuzz the clipping parser with arbitrary bytes, then the quote extractor
//! with every body it returns.
//!
//! Input layout: byte 0 picks the extension, byte 1 the folder (none, a
//! dated folder, a section folder, a Reuters `YYYYMMDD` folder); the rest is
//! the file's content. `fuzz/seed-corpus.sh` builds seeds in this layout.

#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use morgue::clipping::{find_dateline, parse_file};

const EXTENSIONS: [&str; 6] = ["txt", "md", "json", "ndjson", "html", ""];
const FOLDERS: [&str; 4] = [
    "",
    "archive/2025/12/20/",
    "bbc/business/",
    "ReutersNews106521/20061020/",
];

fuzz_target!(|data: &[u8]| {
    let (ext, folder, bytes) = match data {
        [e, f, rest @ ..] => (
            EXTENSIONS[usize::from(*e) % EXTENSIONS.len()],
            FOLDERS[usize::from(*f) % FOLDERS.len()],
            rest,
        ),
        _ => return,
    };
    let mut path = PathBuf::from(format!("{folder}clip"));
    if !ext.is_empty() {
        path.set_extension(ext);
    }
    let Ok(clips) = parse_file(&path, bytes) else {
        return;
    };
    for clip in &clips {
        let body = clip.body.as_str();
        if let Some(d) = find_dateline(body) {
            assert!(
                d.len <= body.len() && body.is_char_boundary(d.len),
                "dateline len {} is not a char boundary of the body",
                d.len
            );
        }
        for q in morgue::quotes::extract(body) {
            assert!(
                q.start <= q.end && q.end <= body.len(),
                "quote {}..{} outside the body ({} bytes)",
                q.start,
                q.end,
                body.len()
            );
            assert!(
                body.is_char_boundary(q.start) && body.is_char_boundary(q.end),
                "quote {}..{} not on char boundaries",
                q.start,
                q.end
            );
            assert_eq!(&body[q.start..q.end], q.text, "quote text != body slice");
        }
    }
});

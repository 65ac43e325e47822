//! Property tests: the parser never panics, whatever the bytes or path,
//! and the dateline length always lands on a char boundary.

use std::path::Path;

use proptest::prelude::*;

use crate::clipping::{decode, find_dateline, parse_file, parse_seed};

/// Text that looks a little like the supported formats, to reach deep code.
fn format_like_text() -> impl Strategy<Value = String> {
    let prefixes = prop_oneof![
        Just(" date 2025-12-20 X / y\n\n"),
        Just("-- T\n-- By A\n-- Fri Oct 20, 2006 4:25pm EDT\n-- http://x\n\n"),
        Just("---\ntitle: T\n"),
        Just("{\"title\": "),
        Just("<html><article><p>"),
        Just("Title\n\n"),
        Just("NEW YORK, March 9 (Reuters) - "),
    ];
    (prefixes, "\\PC{0,300}").prop_map(|(p, rest)| format!("{p}{rest}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn parse_file_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048), path in "\\PC{0,60}") {
        let _ = parse_file(Path::new(&path), &bytes);
    }

    #[test]
    fn parse_file_never_panics_on_format_like_text(text in format_like_text(), ext in prop_oneof![Just("txt"), Just("md"), Just("json"), Just("ndjson"), Just("html"), Just("")]) {
        let path = format!("a/2025/12/20/x.{ext}");
        let _ = parse_file(Path::new(&path), text.as_bytes());
    }

    #[test]
    fn parse_seed_never_panics(text in "\\PC{0,400}") {
        let _ = parse_seed(&text);
    }

    #[test]
    fn find_dateline_len_is_a_char_boundary(text in "\\PC{0,200}") {
        if let Some(d) = find_dateline(&text) {
            prop_assert!(text.is_char_boundary(d.len));
            prop_assert!(d.len <= text.len());
            prop_assert!(!d.place.is_empty());
        }
    }

    #[test]
    fn find_dateline_on_wire_shapes(place in "[A-Z]{2,9}( [A-Z]{2,9})?", text in "\\PC{0,80}") {
        let p = format!("{place}, Dec 12 (Reuters) - {text}");
        let _ = find_dateline(&p);
    }

    #[test]
    fn decode_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        if let Ok((text, _)) = decode(&bytes) {
            prop_assert!(!text.contains('\r'));
        }
    }
}

//! The documentation keeps up with the code.

use crate::env::project_root;

#[test]
fn readme_schema_table_lists_every_field_of_the_schema_file() {
    let readme = std::fs::read_to_string(project_root().join("README.md")).unwrap();
    let schema: toml::Value = toml::from_str(
        &std::fs::read_to_string(project_root().join("index-schema/schema.toml")).unwrap(),
    )
    .unwrap();
    for field in schema["field"].as_array().unwrap() {
        let name = field["name"].as_str().unwrap();
        assert!(
            readme.contains(&format!("| `{name}` |")),
            "README's schema table lacks {name}"
        );
    }
}

#[test]
fn readme_opens_with_the_main_job_and_the_test_command() {
    let readme = std::fs::read_to_string(project_root().join("README.md")).unwrap();
    let blocks: Vec<&str> = readme.split("```sh\n").skip(1).take(2).collect();
    assert!(blocks[0].starts_with("cargo run --release -- index sample-corpus && "));
    assert!(blocks[1].starts_with("cargo test --release"));
}

#[test]
fn exit_codes_in_help_match_the_code() {
    for (code, word) in [
        (0, "success"),
        (1, "some files"),
        (2, "usage"),
        (3, "another"),
    ] {
        let line = morgue::cli::EXIT_CODES_HELP
            .lines()
            .find(|l| l.trim_start().starts_with(&code.to_string()))
            .unwrap();
        assert!(line.contains(word), "{line}");
    }
    assert_eq!(morgue::ExitCode::Locked.code(), 3);
    assert_eq!(morgue::ExitCode::PartialFailure.code(), 1);
}

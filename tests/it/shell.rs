//! Shell integration: completions, the man page, and the JSON Schema of the org file.

use assert_cmd::Command;
use serde_json::{Value, json};

use crate::schema_subset::Schema;

fn gapscope() -> Command {
    Command::cargo_bin("gapscope").expect("binary")
}

fn stdout_of(args: &[&str]) -> String {
    let out = gapscope().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn bash_completion() {
    insta::assert_snapshot!(stdout_of(&["completions", "bash"]));
}

#[test]
fn completions_for_every_shell_name_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let text = stdout_of(&["completions", shell]);
        for cmd in ["import", "export", "diff", "validate", "schema"] {
            assert!(text.contains(cmd), "{shell} completion lacks {cmd}");
        }
    }
    gapscope().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_page_is_roff_with_every_command() {
    let text = stdout_of(&["man"]);
    assert!(text.contains(".TH gapscope 1"), "{text}");
    for cmd in [
        "import",
        "aggregate",
        "export",
        "diff",
        "completions",
        "man",
        "schema",
    ] {
        assert!(text.contains(cmd), "man page lacks {cmd}");
    }
}

fn validator() -> Schema {
    let schema: Value = serde_json::from_str(&stdout_of(&["schema"])).expect("schema is JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    Schema::new(schema)
}

fn file(path: &str) -> Value {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).expect("readable");
    serde_json::from_str(&text).expect("JSON")
}

#[test]
fn the_seed_and_the_real_networks_validate_against_the_schema() {
    let v = validator();
    let mut files = vec![
        "examples/seed.json".to_string(),
        "examples/acme-40-teams.json".into(),
    ];
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut real: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && !n.ends_with(".expected.json"))
        .map(|n| format!("tests/fixtures/{n}"))
        .collect();
    real.sort();
    assert!(real.len() >= 9, "{real:?}");
    files.extend(real);
    for f in &files {
        let doc = file(f);
        let errors: Vec<String> = v.errors(&doc).into_iter().take(3).collect();
        assert!(errors.is_empty(), "{f}: {errors:?}");
    }
}

#[test]
fn the_schema_rejects_what_the_format_forbids() {
    let v = validator();
    let ok = json!({"units": [{"id": "a", "x-colour": "red"}], "x-tool": {"any": 1}});
    assert!(v.is_valid(&ok), "x- keys are allowed");
    let bad = [
        json!({}),
        json!({"units": [], "unit": []}),
        json!({"gapscope": 2, "units": []}),
        json!({"units": [{"name": "no id"}]}),
        json!({"units": [{"id": ""}]}),
        json!({"units": [{"id": "a", "size": -1}]}),
        json!({"units": [{"id": "a", "size": 2.5}]}),
        json!({"units": [{"id": "a", "attrs": {"k": [1]}}]}),
        json!({"units": [], "scale": {"min": 0}}),
        json!({"units": [], "directed": "yes"}),
        json!({"units": [], "ties": [{"from": "a", "to": "b"}]}),
        json!({"units": [], "ties": [{"from": "a", "to": "b", "strength": "4"}]}),
        json!({"units": [], "targets": [{"from": "a", "to": "b", "min": 1, "because": "x"}]}),
        json!({"units": [], "initiatives": [{"name": "no id"}]}),
    ];
    for doc in bad {
        assert!(!v.is_valid(&doc), "accepted {doc}");
    }
}

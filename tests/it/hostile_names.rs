//! File names that hold terminal escapes and line breaks (issue 14 item 9): escaped in every
//! message of `validate` and `import`, and the screen's save-as keeps the real name.

use std::path::PathBuf;

use assert_cmd::Command;
use clap::Parser;
use gapscope::cli::Cli;
use gapscope::cli::open::prepare;
use gapscope::model;
use gapscope::store::Recoveries;
use gapscope::tui::script;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::tui_common::keys;

const HOSTILE: &str = "\u{1b}[31mfile\n.json";

fn gapscope() -> Command {
    Command::cargo_bin("gapscope").expect("binary")
}

fn no_raw_name(text: &str) {
    assert!(
        !text.contains('\u{1b}'),
        "a raw ESC reached the terminal: {text:?}"
    );
    assert!(
        text.contains("\\u{1b}[31mfile\\n.json"),
        "the name, escaped: {text:?}"
    );
}

#[test]
fn validate_escapes_file_names_in_every_message() {
    let dir = tempfile::tempdir().expect("dir");
    let good = dir.path().join(HOSTILE);
    std::fs::write(&good, model::seed::SEED_JSON).expect("write");
    let out = gapscope()
        .arg("validate")
        .arg(&good)
        .output()
        .expect("runs");
    assert!(out.status.success());
    no_raw_name(&String::from_utf8_lossy(&out.stdout));
    std::fs::write(&good, "{\"gapscope\": 1, \"units\": [").expect("write");
    let out = gapscope()
        .arg("validate")
        .arg(&good)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    no_raw_name(&String::from_utf8_lossy(&out.stderr));
    let missing = dir.path().join(format!("{HOSTILE}.missing"));
    let out = gapscope()
        .arg("validate")
        .arg(&missing)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    no_raw_name(&String::from_utf8_lossy(&out.stderr));
}

#[test]
fn import_escapes_file_names_in_bad_rows_and_errors() {
    let dir = tempfile::tempdir().expect("dir");
    let csv = dir.path().join(HOSTILE);
    std::fs::write(&csv, "from,to,strength\na,b,x\n").expect("write");
    let out = gapscope()
        .args(["import", "--from", "edges"])
        .arg(&csv)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    no_raw_name(&String::from_utf8_lossy(&out.stderr));
    std::fs::write(&csv, "").expect("write");
    let out = gapscope()
        .args(["import", "--from", "edges"])
        .arg(&csv)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    no_raw_name(&String::from_utf8_lossy(&out.stderr));
}

#[test]
fn save_as_with_the_prefilled_name_saves_the_real_file() {
    let dir = tempfile::tempdir().expect("dir");
    let file: PathBuf = dir.path().join(HOSTILE);
    std::fs::write(&file, model::seed::SEED_JSON).expect("write");
    let argv = ["gapscope".to_string(), file.display().to_string()];
    let cli = Cli::try_parse_from(argv).expect("parses");
    let mut app = prepare(&cli, Recoveries::in_dir(dir.path().join("state"))).expect("opens");
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    script::play(&mut app, &mut term, Vec::new(), true);
    keys(&mut app, &mut term, &["a", "z", "z", "Enter", "W", "Enter"]);
    // Saving over the open file under its own name asks before replacing it.
    keys(&mut app, &mut term, &["o"]);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("state"))
        .collect();
    assert!(
        !names.iter().any(|n| n.contains("\\u{1b}")),
        "no file named with the escapes: {names:?}"
    );
    let saved = model::load(&file.display().to_string(), 1 << 30).expect("loads");
    assert!(
        saved.units.iter().any(|u| u.id == "zz"),
        "the real file is saved"
    );
}

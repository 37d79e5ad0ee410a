//! The README's commands work as written: every `gapscope` line parses, names files that
//! exist, and the survey-to-screen path runs on the example survey.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use clap::{CommandFactory, Parser};
use gapscope::cli::Cli;

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The `gapscope` invocations of the README's indented command blocks, as argument lists:
/// comments dropped, and each cut where a shell redirection or pipe starts.
fn readme_invocations() -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for line in readme().lines() {
        let Some(code) = line.strip_prefix("    ") else {
            continue;
        };
        let code = code.split('#').next().unwrap_or("");
        for segment in code.split(';') {
            let words: Vec<String> = segment
                .split_whitespace()
                .take_while(|w| !matches!(*w, "|" | ">" | ">>" | "<" | "&&"))
                .map(str::to_string)
                .collect();
            if words.first().is_some_and(|w| w == "gapscope") {
                found.push(words);
            }
        }
    }
    found
}

#[test]
fn every_readme_command_parses_and_names_existing_example_files() {
    let invocations = readme_invocations();
    assert!(invocations.len() >= 25, "{invocations:?}");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for words in &invocations {
        if let Err(e) = Cli::try_parse_from(words) {
            // `--help` stops parsing with a "display help" error: that is a success.
            assert_eq!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp,
                "README command {words:?} does not parse:\n{e}"
            );
        }
        for word in words.iter().filter(|w| w.starts_with("examples/")) {
            if word.contains('*') {
                continue;
            }
            assert!(root.join(word).exists(), "{words:?}: {word} does not exist");
        }
    }
}

#[test]
fn every_command_has_examples_in_its_help() {
    let mut cli = Cli::command();
    let top = cli.render_long_help().to_string();
    for sub in cli.get_subcommands_mut() {
        let name = sub.get_name().to_string();
        if name == "help" {
            continue;
        }
        assert!(
            top.contains(&name),
            "`gapscope --help` does not list {name}"
        );
        let help = sub.render_long_help().to_string();
        assert!(
            help.contains("Example"),
            "`gapscope {name} --help` has no example"
        );
    }
}

/// The two commands of "From a survey export to the screen", taken from the README, run
/// on the example survey: the org file is valid, holds the means, leaves out the pair under
/// the privacy minimum and no respondent id; `report` reads it (the screen needs a terminal).
#[test]
fn the_readme_survey_path_works_as_written() {
    let import = readme_invocations()
        .into_iter()
        .find(|w| w.iter().any(|x| x == "survey"))
        .expect("the README shows a survey import");
    let dir = tempfile::tempdir().unwrap();
    let survey = dir.path().join("examples/survey");
    std::fs::create_dir_all(&survey).unwrap();
    for file in ["answers.csv", "units.csv"] {
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/survey")
            .join(file);
        std::fs::copy(from, survey.join(file)).unwrap();
    }
    let out = cargo_bin_cmd!("gapscope")
        .current_dir(dir.path())
        .args(&import[1..])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{import:?}: {out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "gapscope: warning: 1 unit pair rated by fewer than 3 respondents left out \
         (privacy minimum, --min-respondents)\nwrote org.json (4 units, 9 ties)\n"
    );
    let written = dir.path().join("org.json");
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(
        !text.contains("\"r0") && !text.contains("\"r1"),
        "respondent ids leaked"
    );
    let org = gapscope::model::from_str("org.json", &text).unwrap();
    assert_eq!(org.units.len(), 4);
    let tie = |a: &str, b: &str| org.ties.iter().find(|t| t.from == a && t.to == b);
    assert_eq!(tie("cio", "cdo").map(|t| t.strength), Some(5.0 / 3.0));
    assert_eq!(
        tie("cio", "cdo").and_then(|t| t.note.clone()).as_deref(),
        Some("mean of 3 respondents; response rate of CIO office 3 of 4 (75%)")
    );
    assert!(tie("cdo", "ciso").is_none(), "one respondent: left out");
    cargo_bin_cmd!("gapscope")
        .current_dir(dir.path())
        .args(["report", "org.json"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("asymmetric"));
}

//! The README's commands work as written: every `gapscope` line parses, names files that
//! exist, and runs as written (with a shell, from a copy of the repository's `examples/`),
//! writing only into `scratch/` and the home folder; the survey-to-screen path gives the
//! expected org.

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
    std::fs::create_dir(dir.path().join("scratch")).unwrap();
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
        "gapscope: warning: 1 unit pair rated by fewer than 3 respondents written as \
         unknown (strength null; privacy minimum, --min-respondents)\nwrote scratch/org.json (4 units, 10 ties)\n"
    );
    let written = dir.path().join("scratch/org.json");
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(
        !text.contains("\"r0") && !text.contains("\"r1"),
        "respondent ids leaked"
    );
    let org = gapscope::model::from_str("scratch/org.json", &text).unwrap();
    assert_eq!(org.units.len(), 4);
    let tie = |a: &str, b: &str| org.ties.iter().find(|t| t.from == a && t.to == b);
    assert_eq!(tie("cio", "cdo").and_then(|t| t.strength), Some(5.0 / 3.0));
    assert_eq!(
        tie("cio", "cdo").and_then(|t| t.note.clone()).as_deref(),
        Some("mean of 3 respondents; response rate of CIO office 3 of 4 (75%)")
    );
    let withheld = tie("cdo", "ciso").expect("one respondent: written as unknown");
    assert_eq!(withheld.strength, None, "withheld, never 0");
    cargo_bin_cmd!("gapscope")
        .current_dir(dir.path())
        .args(["report", "scratch/org.json"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("asymmetric"));
}

/// The README's command lines that a test can run: those of the indented blocks that start
/// with `gapscope` or `mkdir` (not `cargo`, which builds, nor the benchmark), comments cut.
fn runnable_lines() -> Vec<String> {
    readme()
        .lines()
        .filter_map(|line| line.strip_prefix("    "))
        .map(|code| code.split(" #").next().unwrap_or("").trim().to_string())
        .filter(|code| code.starts_with("gapscope") || code.starts_with("mkdir "))
        .collect()
}

/// Copies a folder tree (the examples are small).
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Files under a folder with their contents, for "nothing changed there".
fn contents(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.push((path.strip_prefix(dir).unwrap().to_path_buf(), bytes));
            }
        }
    }
    out.sort();
    out
}

/// Every runnable README line, in order, through `bash -c` exactly as written, in a folder
/// holding a copy of `examples/` (as the repository root does), with `gapscope` on the
/// PATH and HOME in the folder: each exits 0 (1 for `--fail-on`; lines that open the
/// screen exit 2 saying there is no terminal, after loading their files), and the lines
/// write only into `scratch/` and HOME, so trying the README leaves `git status` clean.
#[test]
fn every_readme_command_runs_as_written() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    copy_tree(&root.join("examples"), &dir.path().join("examples"));
    let bin = Path::new(env!("CARGO_BIN_EXE_gapscope")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let has_dot = std::process::Command::new("dot").arg("-V").output().is_ok();
    let lines = runnable_lines();
    assert!(lines.len() >= 35, "{lines:#?}");
    let first_use = lines.iter().position(|l| l.contains("scratch/"));
    let made = lines.iter().position(|l| l == "mkdir -p scratch");
    assert!(
        made.is_some() && made < first_use,
        "`mkdir -p scratch` comes first"
    );
    let mut ran = 0;
    for line in &lines {
        if line.contains("| dot ") && !has_dot {
            assert_eq!(
                std::env::var("GAPSCOPE_TEST_ALLOW_NO_GRAPHVIZ").as_deref(),
                Ok("1"),
                "Graphviz `dot` is not installed (apt-get install graphviz)"
            );
            continue;
        }
        let out = std::process::Command::new("bash")
            .args(["-o", "pipefail", "-c", line])
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("HOME", &home)
            .env_remove("XDG_STATE_HOME")
            .env("XDG_CONFIG_HOME", &home)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let words: Vec<&str> = line.split_whitespace().collect();
        let screen = words[0] == "gapscope"
            && Cli::try_parse_from(
                words
                    .iter()
                    .take_while(|w| !matches!(**w, "|" | ">" | ">>" | "<" | "&&")),
            )
            .is_ok_and(|cli| cli.command.is_none())
            // The rating form is a screen too (`--ratings` submits without it).
            || (words.get(1) == Some(&"rate") && !line.contains("--ratings"));
        if screen {
            assert_eq!(out.status.code(), Some(2), "{line}: {stderr}");
            assert!(stderr.contains("not a terminal"), "{line}: {stderr}");
        } else {
            let expected = if line.contains("--fail-on") { 1 } else { 0 };
            assert_eq!(out.status.code(), Some(expected), "{line}: {stderr}");
        }
        ran += 1;
    }
    assert!(ran >= 34, "ran {ran} of {}", lines.len());
    // Only scratch/ and HOME were written to; the examples are as they were.
    let mut top: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, ["examples", "home", "scratch"]);
    assert!(
        contents(&dir.path().join("examples")) == contents(&root.join("examples")),
        "a README command changed a file in examples/"
    );
    // What the README says the commands make is there.
    let scratch = dir.path().join("scratch");
    for made in [
        "org.json",
        "from-edges.json",
        "departments.json",
        "org.graphml",
        "notes.md",
    ] {
        assert!(
            scratch.join(made).is_file(),
            "scratch/{made} was not written"
        );
    }
    let wiki = std::fs::read_to_string(scratch.join("wiki.md")).unwrap();
    assert!(
        wiki.starts_with("```mermaid\n") && wiki.ends_with("```\n"),
        "{wiki}"
    );
    assert!(
        home.join(".local/share/bash-completion/completions/gapscope")
            .is_file()
    );
    assert!(home.join(".zfunc/_gapscope").is_file());
    assert!(
        home.join(".config/fish/completions/gapscope.fish")
            .is_file()
    );
    let man = home.join(".local/share/man/man1");
    for page in ["gapscope.1", "gapscope-report.1", "gapscope-validate.1"] {
        assert!(man.join(page).is_file(), "{page} was not written");
    }
}

//! `gapscope report` through the binary: exit statuses, formats and safe output.

use assert_cmd::Command;
use predicates::prelude::*;

fn gapscope() -> Command {
    Command::cargo_bin("gapscope").unwrap_or_else(|e| panic!("{e}"))
}

/// An org whose names try to drive a terminal, a spreadsheet and a Markdown table.
const HOSTILE: &str = r#"{
  "title": "Evil\u001b[2J corp",
  "units": [{"id": "=cmd", "name": "=HYPERLINK(\"x\")|*bold*"}, {"id": "b", "name": "B\u001b]0;pwn\u0007"}],
  "ties": [{"from": "=cmd", "to": "b", "strength": 0.5}],
  "targets": [{"from": "=cmd", "to": "b", "min": 1}]
}"#;

/// 3/5 against 1/5 is a one-sided pair of severity 0.4 (0.6 - 0.2 = 0.39999999999999997 in
/// floating point); the report prints 0.40, so `--fail-on 0.4` and `--min-severity 0.4` take it.
#[test]
fn thresholds_take_a_severity_equal_on_paper() {
    let org = r#"{"gapscope": 1, "directed": true, "scale": {"min": 0, "max": 5},
        "units": [{"id": "a"}, {"id": "b"}],
        "ties": [{"from": "a", "to": "b", "strength": 3}, {"from": "b", "to": "a", "strength": 1}]}"#;
    gapscope()
        .args(["report", "-", "--fail-on", "0.4"])
        .write_stdin(org)
        .assert()
        .code(1);
    gapscope()
        .args(["report", "-", "--fail-on", "0.41"])
        .write_stdin(org)
        .assert()
        .code(0);
    gapscope()
        .args(["report", "-", "--min-severity", "0.4", "--format", "csv"])
        .write_stdin(org)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("asymmetric,a,b"));
}

#[test]
fn fail_on_counts_equal_severity() {
    // The built-in org's worst gap has severity 0.8.
    gapscope()
        .args(["report", "--fail-on", "0.8"])
        .assert()
        .code(1);
    gapscope()
        .args(["report", "--fail-on", "0.81"])
        .assert()
        .code(0);
    // Display filters do not weaken the check.
    gapscope()
        .args([
            "report",
            "--fail-on",
            "0.8",
            "--top",
            "0",
            "--min-severity",
            "0.9",
        ])
        .assert()
        .code(1);
    gapscope().args(["report"]).assert().code(0);
}

#[test]
fn bad_input_exits_2() {
    gapscope()
        .args(["report", "--fail-on", "1.5"])
        .assert()
        .code(2);
    gapscope()
        .args(["report", "--asymmetry", "0"])
        .assert()
        .code(2);
    gapscope()
        .args(["report", "--betweenness", "sampled:0"])
        .assert()
        .code(2);
    gapscope()
        .args(["report", "/nonexistent/org.json", "--fail-on", "0"])
        .assert()
        .code(2);
    gapscope()
        .args(["report", "-", "--fail-on", "0"])
        .write_stdin("{\"units\": [}")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>:1:12"));
}

#[test]
fn unknown_initiative_suggests_the_closest() {
    gapscope()
        .args(["report", "--initiative", "privcy"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean \"privacy\""));
}

#[test]
fn initiative_limits_the_targets() {
    let out = gapscope()
        .args(["report", "--initiative", "privacy", "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["initiative"], "privacy");
    let gaps = v["gaps"].as_array().cloned().unwrap_or_default();
    assert!(!gaps.is_empty());
    assert!(gaps.iter().all(|g| g["initiative"] != "ai"), "{gaps:?}");
}

#[test]
fn top_and_min_severity_filter_every_format() {
    let out = gapscope()
        .args(["report", "--format", "json", "--top", "2"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["gaps"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["gaps_total"], 7);
    assert_eq!(v["gaps_filter"]["top"], 2);
    gapscope()
        .args(["report", "--format", "csv", "--min-severity", "0.6"])
        .assert()
        .success()
        .stdout(predicate::function(|s: &str| s.lines().count() == 4));
    gapscope()
        .args(["report", "--format", "markdown", "--top", "1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("## Gaps (1 of 7)"));
}

#[test]
fn text_is_coloured_only_when_asked() {
    gapscope()
        .args(["report", "--color", "always"])
        .assert()
        .stdout(predicate::str::contains("\x1b[31m"));
    // Piped output (not a terminal) with auto: plain.
    gapscope()
        .args(["report"])
        .assert()
        .stdout(predicate::str::contains("\x1b").not());
}

#[test]
fn file_text_cannot_drive_a_terminal_or_a_spreadsheet() {
    let run = |format: &str| {
        let out = gapscope()
            .args(["report", "-", "--color", "never", "--format", format])
            .write_stdin(HOSTILE)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"))
    };
    for format in ["text", "markdown", "csv"] {
        let s = run(format);
        assert!(!s.contains('\x1b') && !s.contains('\x07'), "{format}: {s}");
        assert!(s.contains("u{1b}"), "{format}: escapes shown: {s}");
    }
    let md = run("markdown");
    assert!(md.contains("\\|\\*bold\\*"), "{md}");
    let csv = run("csv");
    let row = csv.lines().nth(1).unwrap_or_default();
    assert!(
        row.starts_with("0.5,missing_tie,") || row.starts_with("0.5,below_target,"),
        "{csv}"
    );
    assert!(
        row.contains(",'=cmd,b,\"'=HYPERLINK(\"\"x\"\")|*bold*\","),
        "{row}"
    );
    assert!(csv.contains("\r\n"));
}

#[test]
fn report_help_has_examples() {
    gapscope()
        .args(["report", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:").and(predicate::str::contains("--fail-on")));
}

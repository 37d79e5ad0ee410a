//! `gapscope import` and `aggregate` through the binary: exit codes, located messages,
//! nothing written when a file is refused.

use assert_cmd::Command;
use predicates::prelude::*;

fn gapscope() -> Command {
    Command::cargo_bin("gapscope").expect("binary")
}

const ANSWERS: &str = "\
respondent,unit,rated,rating
p1,sales,it,4
p2,sales,it,3
p3,sales,it,5
p4,it,sales,2
p5,it,sales,2
p6,it,sales,2
";

#[test]
fn from_a_survey_csv_to_the_screen_in_two_commands() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("answers.csv");
    let org = dir.path().join("org.json");
    std::fs::write(&answers, ANSWERS).expect("write");
    gapscope()
        .args(["import", "--from", "survey"])
        .arg(&answers)
        .arg("-o")
        .arg(&org)
        .assert()
        .success()
        .stdout("");
    // `gapscope org.json` opens the screen, which needs a terminal; the same file feeds the
    // headless report.
    gapscope().arg("validate").arg(&org).assert().success();
    gapscope()
        .args(["report", "--format", "json"])
        .arg(&org)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"units\": 2"));
}

#[test]
fn standard_input_is_read_with_a_dash() {
    gapscope()
        .args(["import", "--from", "survey", "-"])
        .write_stdin(ANSWERS)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\"title\": \"Survey: standard input\"",
        ));
}

#[test]
fn a_file_with_bad_rows_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("answers.csv");
    let org = dir.path().join("org.json");
    std::fs::write(&answers, format!("{ANSWERS}p7,it,sales,high\np8,it\n")).expect("write");
    let shown = answers.display().to_string();
    gapscope()
        .args(["import", "--from", "survey"])
        .arg(&answers)
        .arg("-o")
        .arg(&org)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "{shown}:8: rating \"high\" is not a number"
        )))
        .stderr(predicate::str::contains(format!(
            "{shown}:9: expected 4 fields, found 2"
        )))
        .stderr(predicate::str::contains("2 bad rows; nothing written"));
    assert!(!org.exists(), "a refused import wrote its output");
    let leftovers = std::fs::read_dir(dir.path()).expect("list").count();
    assert_eq!(leftovers, 1, "no temporary files are left behind");
}

#[test]
fn skip_bad_rows_lists_and_counts_them() {
    gapscope()
        .args(["import", "--from", "survey", "--skip-bad-rows", "-"])
        .write_stdin(format!("{ANSWERS}p7,it,sales,high\n"))
        .assert()
        .success()
        .stdout(predicate::str::contains("\"from\": \"sales\""))
        .stderr(predicate::str::contains(
            "<stdin>:8: rating \"high\" is not a number (skipped)",
        ))
        .stderr(predicate::str::contains("warning: 1 bad row skipped"));
}

#[test]
fn privacy_drops_are_warned_about() {
    gapscope()
        .args(["import", "--from", "survey", "--min-respondents", "4", "-"])
        .write_stdin(ANSWERS)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: 2 unit pairs rated by fewer than 4 respondents written as unknown (strength null;",
        ));
}

#[test]
fn bad_options_and_missing_files_exit_2() {
    gapscope()
        .args(["import", "--from", "survey", "--scale", "5:1", "-"])
        .write_stdin(ANSWERS)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs MIN < MAX"));
    gapscope()
        .args(["import", "--from", "edges", "/nonexistent/edges.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "/nonexistent/edges.csv: cannot read",
        ));
    gapscope()
        .args(["import", "--from", "survey", "-"])
        .write_stdin("respondent,unit,rated\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>:1: no column \"rating\""));
    gapscope()
        .args(["import", "--from", "node-link", "--units", "u.csv", "-"])
        .write_stdin("{}")
        .assert()
        .code(2);
}

#[test]
fn negative_scales_are_accepted() {
    gapscope()
        .args(["import", "--from", "edges", "--scale", "-2:2", "-"])
        .write_stdin("from,to,strength\na,b,-1\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"min\": -2"));
}

#[test]
fn aggregate_reads_an_org_and_writes_groups() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("groups.json");
    gapscope()
        .args(["aggregate", "--by", "group"])
        .arg(format!(
            "{}/tests/fixtures/krackhardt-advice-people.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.contains("\"note\": \"4 of 5 possible person-level ties\""));
    gapscope()
        .args(["aggregate", "--by", "colour"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("required"));
}

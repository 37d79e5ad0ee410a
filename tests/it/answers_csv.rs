//! The answers file goes through the project's one CSV writer and one CSV reader: ids and
//! comments that look like formulas are guarded in the file and come back as written in
//! `rate` and in `import --from survey`, and a bad row's line is the same in `rate`,
//! `survey status` and the import, whatever the line ends.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;

use gapscope::model;
use gapscope::rate::{Answer, Form, answers, prefill, rows_of};

/// Unit ids a spreadsheet would take for formulas, and one that already starts with the guard.
/// (`--ratings UNIT=N` cannot name a unit whose id holds `=`, so `=sum` only answers.)
const ORG: &str = r#"{
  "gapscope": 1,
  "title": "Formula ids",
  "directed": true,
  "scale": {"min": 0, "max": 5},
  "units": [
    {"id": "-ops"}, {"id": "=sum"}, {"id": "@hq"}, {"id": "+plus"}, {"id": "'-q"}
  ],
  "ties": []
}
"#;

fn gapscope(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("gapscope").expect("binary");
    c.env("XDG_STATE_HOME", dir.join("state"));
    c
}

fn rate(dir: &Path, who: &str, unit: &str, list: &str) -> Command {
    let mut c = gapscope(dir);
    c.arg("rate")
        .arg(dir.join("org.json"))
        // `--as=-ops`: an id that starts with `-` is not taken for an option.
        .arg(format!("--as={unit}"))
        .arg(format!("--respondent={who}"))
        .arg(format!("--ratings={list}"))
        .arg("-o")
        .arg(dir.join("answers.csv"));
    c
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("org.json"), ORG).expect("write");
    dir
}

/// No cell of the file starts a formula in a spreadsheet.
fn assert_disarmed(text: &str) {
    for line in text.lines() {
        for cell in line.split(',') {
            assert!(
                !cell
                    .trim_start_matches('"')
                    .starts_with(['=', '+', '-', '@']),
                "a formula reaches a spreadsheet in {line:?}:\n{text}"
            );
        }
    }
}

fn import(dir: &Path) -> serde_json::Value {
    let out = gapscope(dir)
        .args(["import", "--from", "survey", "--min-respondents", "1"])
        .arg(dir.join("answers.csv"))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn ties(org: &serde_json::Value) -> Vec<(String, String, f64)> {
    org["ties"]
        .as_array()
        .expect("ties")
        .iter()
        .map(|t| {
            (
                t["from"].as_str().expect("from").to_string(),
                t["to"].as_str().expect("to").to_string(),
                t["strength"].as_f64().expect("strength"),
            )
        })
        .collect()
}

#[test]
fn formula_looking_ids_survive_rate_answers_file_and_import() {
    let dir = setup();
    let d = dir.path();
    rate(d, "=ann", "=sum", "-ops=4,@hq=2").assert().success();
    rate(d, "'=ann", "-ops", "@hq=1").assert().success();
    rate(d, "+cy", "'-q", "+plus=3").assert().success();
    // =ann submits again: only =ann's rows are replaced ('=ann is someone else).
    rate(d, "=ann", "=sum", "-ops=5").assert().success();
    let text = std::fs::read_to_string(d.join("answers.csv")).expect("answers");
    assert_disarmed(&text);
    assert_eq!(
        text,
        "respondent,unit,rated,rating,comment\n\
         ''=ann,'-ops,'@hq,1,\n\
         '+cy,''-q,'+plus,3,\n\
         '=ann,'=sum,'-ops,5,\n"
    );
    let rows = answers::read(&d.join("answers.csv")).expect("reads");
    let who: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(who, ["'=ann", "+cy", "=ann"]);
    let org = import(d);
    assert_eq!(
        ties(&org),
        [
            ("-ops".to_string(), "@hq".to_string(), 1.0),
            ("'-q".to_string(), "+plus".to_string(), 3.0),
            ("=sum".to_string(), "-ops".to_string(), 5.0),
        ]
    );
    // survey status counts the same three respondents in the same units.
    let out = gapscope(d)
        .args(["survey", "status"])
        .arg(d.join("answers.csv"))
        .arg("--org")
        .arg(d.join("org.json"))
        .output()
        .expect("runs");
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(out.contains("3 respondents from 3 of 5 units"), "{out}");
}

#[test]
fn formula_looking_comments_come_back_as_typed() {
    let dir = setup();
    let path = dir.path().join("answers.csv");
    let org = model::from_bytes("org.json", ORG.as_bytes()).expect("org");
    let typed = ["=SUM(A1)", "-- we never met, \"really\"", "@channel", "'=x"];
    let mut form = Form::new(&org, "-ops", "=ann", "answers.csv");
    for (row, comment) in form.rows.iter_mut().zip(typed) {
        row.answer = Answer::Rated(2.0);
        row.comment = comment.to_string();
    }
    answers::submit(&path, "=ann", &rows_of(&form), Duration::from_secs(1)).expect("submits");
    let text = std::fs::read_to_string(&path).expect("answers");
    assert_disarmed(&text);
    // The form opened again shows every comment as it was typed, and submitting that
    // again writes the same file (no guard piles up).
    let rows = answers::read(&path).expect("reads");
    let mut again = Form::new(&org, "-ops", "=ann", "answers.csv");
    assert_eq!(prefill(&mut again, &rows), 4);
    let comments: Vec<&str> = again.rows.iter().map(|r| r.comment.as_str()).collect();
    assert_eq!(comments, typed);
    answers::submit(&path, "=ann", &rows_of(&again), Duration::from_secs(1)).expect("again");
    assert_eq!(std::fs::read_to_string(&path).expect("answers"), text);
    // The import reads the same file: every rated pair, under the unit ids of the org.
    let org = import(dir.path());
    let to: Vec<String> = ties(&org).into_iter().map(|t| t.1).collect();
    assert_eq!(to, ["=sum", "@hq", "+plus", "'-q"]);
}

#[test]
fn a_crlf_answers_file_names_the_right_line_everywhere() {
    let dir = setup();
    let d = dir.path();
    let path = d.join("answers.csv");
    // Line 3 opens a comment that ends on line 4; line 5 is blank; line 6 is short.
    let text = "respondent,unit,rated,rating,comment\r\n\
                ann,-ops,=sum,3,\r\n\
                bob,-ops,=sum,4,\"two\r\n\
                lines\"\r\n\
                \r\n\
                cy,-ops,=sum\r\n";
    std::fs::write(&path, text).expect("write");
    gapscope(d)
        .args(["survey", "status"])
        .arg(&path)
        .arg("--org")
        .arg(d.join("org.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "answers.csv:6: expected 5 fields, found 3",
        ));
    gapscope(d)
        .args(["import", "--from", "survey"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "answers.csv:6: expected 5 fields, found 3",
        ));
    rate(d, "dee", "-ops", "@hq=1")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "answers.csv:6: expected 5 fields, found 3",
        ));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        text,
        "untouched"
    );
    // The same file with lone CR line ends.
    std::fs::write(&path, text.replace("\r\n", "\r")).expect("write");
    gapscope(d)
        .args(["survey", "status"])
        .arg(&path)
        .arg("--org")
        .arg(d.join("org.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("answers.csv:6: expected 5 fields"));
}

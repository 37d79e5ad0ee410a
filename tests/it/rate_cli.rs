//! `gapscope rate` (scripted with --ratings) and `gapscope survey status` through the binary:
//! several real processes submitting at once lose nothing, resubmitting replaces only one's
//! own rows, a file that stays locked is refused with nothing lost, bad inputs exit 2.

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;
use predicates::prelude::*;

pub(crate) const ORG: &str = r#"{
  "gapscope": 1,
  "title": "Rate test",
  "directed": true,
  "scale": {"min": 0, "max": 5, "x-labels": {"0": "no contact", "5": "daily joint work"}},
  "units": [
    {"id": "sales", "name": "Sales", "group": "Commercial", "size": 4},
    {"id": "marketing", "name": "Marketing", "group": "Commercial"},
    {"id": "it", "name": "IT", "group": "Technology"},
    {"id": "legal", "name": "Legal \u001b[2J office"}
  ],
  "ties": []
}
"#;

fn gapscope(state: &Path) -> Command {
    let mut c = Command::cargo_bin("gapscope").expect("binary");
    c.env("XDG_STATE_HOME", state).env_remove("NO_COLOR");
    c
}

fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let org = dir.path().join("org.json");
    std::fs::write(&org, ORG).expect("write");
    let answers = dir.path().join("answers.csv");
    (dir, org, answers)
}

fn rate(dir: &Path, org: &Path, answers: &Path, who: &str, unit: &str, list: &str) -> Command {
    let mut c = gapscope(&dir.join("state"));
    c.arg("rate")
        .arg(org)
        .args(["--as", unit, "--respondent", who, "--ratings", list, "-o"])
        .arg(answers);
    c
}

/// The org `import --from survey` makes of the answers (every pair kept).
fn imported(answers: &Path) -> serde_json::Value {
    let out = Command::cargo_bin("gapscope")
        .expect("binary")
        .args(["import", "--from", "survey", "--min-respondents", "1"])
        .arg(answers)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn strength(org: &serde_json::Value, from: &str, to: &str) -> Option<f64> {
    org["ties"]
        .as_array()
        .expect("ties")
        .iter()
        .find(|t| t["from"] == from && t["to"] == to)
        .and_then(|t| t["strength"].as_f64())
}

#[test]
fn many_processes_submitting_at_once_lose_nothing() {
    let (dir, org, answers) = setup();
    let bin = env!("CARGO_BIN_EXE_gapscope");
    let n = 12;
    let children: Vec<_> = (0..n)
        .map(|i| {
            let rating = i % 6;
            StdCommand::new(bin)
                .env("XDG_STATE_HOME", dir.path().join("state"))
                .arg("rate")
                .arg(&org)
                .args(["--as", "sales", "--respondent", &format!("r{i}")])
                .args(["--ratings", &format!("it={rating},legal=?")])
                .arg("-o")
                .arg(&answers)
                .spawn()
                .expect("spawns")
        })
        .collect();
    for mut c in children {
        assert!(c.wait().expect("waits").success());
    }
    let text = std::fs::read_to_string(&answers).expect("answers");
    assert_eq!(
        text.lines().count(),
        1 + 2 * n,
        "every row is there:\n{text}"
    );
    for i in 0..n {
        assert!(text.contains(&format!("r{i},sales,it,{}", i % 6)), "{text}");
    }
    let org = imported(&answers);
    let mean = (0..n).map(|i| (i % 6) as f64).sum::<f64>() / n as f64;
    assert_eq!(strength(&org, "sales", "it"), Some(mean));
    assert!(
        !serde_json::to_string(&org).expect("json").contains("r3"),
        "respondent ids stay in the answers file"
    );
}

#[test]
fn resubmitting_replaces_only_ones_own_rows() {
    let (dir, org, answers) = setup();
    let d = dir.path();
    rate(d, &org, &answers, "ann", "sales", "it=2,marketing=5")
        .assert()
        .success();
    rate(d, &org, &answers, "bob", "it", "sales=1")
        .assert()
        .success();
    rate(d, &org, &answers, "ann", "sales", "it=4")
        .assert()
        .success()
        .stdout(predicate::str::contains("replacing your 2 earlier"));
    let text = std::fs::read_to_string(&answers).expect("answers");
    assert_eq!(
        text,
        "respondent,unit,rated,rating,comment\nbob,it,sales,1,\nann,sales,it,4,\n"
    );
}

#[test]
fn a_file_that_stays_locked_is_refused_and_nothing_is_lost() {
    let (dir, org, answers) = setup();
    let d = dir.path();
    rate(d, &org, &answers, "ann", "sales", "it=2")
        .assert()
        .success();
    let before = std::fs::read_to_string(&answers).expect("answers");
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(gapscope::rate::answers::lock_path(&answers))
        .expect("lock file");
    lock.lock().expect("locks");
    rate(d, &org, &answers, "bob", "it", "sales=1")
        .arg("--lock-timeout")
        .arg("1")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "is locked by another submission (waited 1 s); nothing was written",
        ));
    assert_eq!(std::fs::read_to_string(&answers).expect("answers"), before);
    lock.unlock().expect("unlocks");
    rate(d, &org, &answers, "bob", "it", "sales=1")
        .assert()
        .success();
}

#[test]
fn bad_inputs_exit_2_and_write_nothing() {
    let (dir, org, answers) = setup();
    let d = dir.path();
    let mut c = gapscope(&d.join("state"));
    c.arg("rate")
        .arg(&org)
        .args(["--as", "slaes", "--respondent", "ann", "-o"])
        .arg(&answers)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--as \"slaes\": no such unit in the org; did you mean \"sales\"?",
        ));
    gapscope(&d.join("state"))
        .arg("rate")
        .arg(&org)
        .args(["--as", "marketing ", "--respondent", "ann", "-o"])
        .arg(&answers)
        .assert()
        .code(2);
    rate(d, &org, &answers, "ann", "Marketing", "it=1")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean \"marketing\"?"));
    rate(d, &org, &answers, "ann", "sales", "it=7")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "7 for \"it\" is off the scale 0 to 5",
        ));
    rate(d, &org, &answers, "ann", "sales", "hr=3")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "\"hr\": no such unit in the org; the units are \"sales\", \"marketing\", \"it\", \"legal\"",
        ));
    assert!(!answers.exists(), "nothing written");
    std::fs::write(&answers, "from,to,strength\nsales,it,3\n").expect("write");
    rate(d, &org, &answers, "ann", "sales", "it=3")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "answers.csv:1: the header is \"from,to,strength\", not the answers header",
        ));
    assert_eq!(
        std::fs::read_to_string(&answers).expect("read"),
        "from,to,strength\nsales,it,3\n"
    );
    gapscope(&d.join("state"))
        .args(["survey", "status"])
        .arg(&answers)
        .arg("--org")
        .arg(&org)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("answers.csv:1: the header is"));
    // Without a terminal the form says how to script it instead.
    std::fs::remove_file(&answers).expect("rm");
    gapscope(&d.join("state"))
        .arg("rate")
        .arg(&org)
        .args(["--as", "sales", "--respondent", "ann", "-o"])
        .arg(&answers)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use --ratings"));
}

#[test]
fn the_respondent_defaults_to_the_login_name() {
    let (dir, org, answers) = setup();
    gapscope(&dir.path().join("state"))
        .env("USER", "carol")
        .arg("rate")
        .arg(&org)
        .args(["--as", "it", "--ratings", "sales=3", "-o"])
        .arg(&answers)
        .assert()
        .success();
    let text = std::fs::read_to_string(&answers).expect("answers");
    assert!(text.contains("carol,it,sales,3,"), "{text}");
}

#[test]
fn survey_status_counts_without_showing_ratings() {
    let (dir, org, answers) = setup();
    let d = dir.path();
    rate(d, &org, &answers, "who-ann", "sales", "it=2,marketing=5")
        .assert()
        .success();
    rate(d, &org, &answers, "who-bob", "sales", "it=4")
        .assert()
        .success();
    rate(d, &org, &answers, "who-cy", "it", "sales=1,legal=?")
        .assert()
        .success();
    let status = |extra: &[&str]| {
        let mut c = gapscope(&d.join("state"));
        c.args(["survey", "status"])
            .arg(&answers)
            .arg("--org")
            .arg(&org)
            .args(["--min-respondents", "2"])
            .args(extra);
        c
    };
    let out = status(&[]).assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).expect("utf8");
    assert!(
        out.contains("3 respondents from 2 of 4 units (50%)"),
        "{out}"
    );
    assert!(out.contains("  sales      2 of 4 (50%)"), "{out}");
    assert!(
        out.contains("minimum of 2 (the import writes them as unknown): 2"),
        "{out}"
    );
    assert!(
        out.contains("  sales -> marketing\n  it -> sales\n"),
        "{out}"
    );
    assert!(
        !out.contains("sales -> it"),
        "a pair at the minimum is not listed:\n{out}"
    );
    assert!(
        out.contains("Units that have not answered: 2\n  marketing, legal"),
        "{out}"
    );
    assert!(!out.contains("\u{1b}"), "names are escaped");
    assert!(!out.contains("who-"), "no respondent is named:\n{out}");
    status(&["--min-rate", "50"]).assert().code(0);
    status(&["--min-rate", "75"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "response rate 50% is below --min-rate 75%",
        ));
    status(&["--min-rate", "150"]).assert().code(2);
}

#[test]
fn ratings_name_a_unit_whose_id_holds_an_equals_sign() {
    let dir = tempfile::tempdir().expect("dir");
    let org = dir.path().join("org.json");
    let text = ORG.replace(r#""id": "it""#, r#""id": "r=d""#);
    std::fs::write(&org, text).expect("write");
    let answers = dir.path().join("answers.csv");
    rate(dir.path(), &org, &answers, "ann", "sales", "r=d=4,legal=?")
        .assert()
        .success();
    let rows = std::fs::read_to_string(&answers).expect("answers");
    assert!(rows.contains("ann,sales,r=d,4"), "{rows}");
}

//! `gapscope export` through the binary: formats, output files, exit codes.

use assert_cmd::Command;
use predicates::prelude::*;

fn gapscope() -> Command {
    Command::cargo_bin("gapscope").expect("binary")
}

#[test]
fn every_format_of_the_built_in_org_is_deterministic() {
    for format in ["dot", "mermaid", "graphml", "json", "csv", "node-link"] {
        let run = || {
            gapscope()
                .args(["export", "--format", format])
                .output()
                .expect("runs")
        };
        let (a, b) = (run(), run());
        assert!(a.status.success(), "{format}");
        assert!(!a.stdout.is_empty(), "{format}");
        assert_eq!(a.stdout, b.stdout, "{format} output differs between runs");
    }
}

#[test]
fn json_export_is_the_normalized_org_file() {
    let out = gapscope()
        .args(["export", "-f", "json"])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let org = gapscope::model::from_str("export", &text).expect("loads");
    assert_eq!(org, gapscope::model::seed::seed());
}

#[test]
fn csv_tables_are_chosen_with_table() {
    gapscope()
        .args(["export", "-f", "csv", "--table", "units"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("id,name,group,size,"));
    gapscope()
        .args(["export", "-f", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "from,to,strength,normalized,gap,note\n",
        ));
    gapscope()
        .args(["export", "-f", "csv", "--table", "targets"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("from,to,min,initiative,why\n"));
}

#[test]
fn output_goes_to_a_file_and_stdin_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("org.dot");
    gapscope()
        .args(["export", "-f", "dot", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.starts_with("digraph "));
    gapscope()
        .args(["export", "-", "-f", "mermaid"])
        .write_stdin(r#"{"units": [{"id": "a"}, {"id": "b"}], "ties": [{"from": "a", "to": "b", "strength": 1}]}"#)
        .assert()
        .success()
        .stdout("```mermaid\ngraph LR\n  u_a[\"a\"]\n  u_b[\"b\"]\n  u_a ---|\"1\"| u_b\n```\n");
}

#[test]
fn an_initiative_selects_which_gaps_are_styled() {
    let all = gapscope()
        .args(["export", "-f", "dot"])
        .output()
        .expect("runs");
    let text = String::from_utf8(all.stdout).expect("utf-8");
    let missing = |text: &str| text.matches("style=dashed").count();
    assert_eq!(missing(&text), 3, "all targets: three missing ties");
    let ai = gapscope()
        .args(["export", "-f", "dot", "--initiative", "ai"])
        .output()
        .expect("runs");
    let ai = String::from_utf8(ai.stdout).expect("utf-8");
    assert_eq!(
        missing(&ai),
        1,
        "the AI rollout's targets (and the baseline): one"
    );
    gapscope()
        .args(["export", "-f", "dot", "--initiative", "no-such"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unknown initiative \"no-such\""));
}

#[test]
fn bad_input_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.graphml");
    gapscope()
        .args(["export", "-", "-f", "graphml", "-o"])
        .arg(&out)
        .write_stdin("{\"units\": [{\"id\": \"a\"}], \"ties\": [{\"from\": \"a\", \"to\": \"zz\", \"strength\": 1}]}")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>:1:"))
        .stderr(predicate::str::contains("unknown unit"));
    assert!(!out.exists());
    gapscope().args(["export", "-f", "svg"]).assert().code(2);
}

//! Hostile arguments and inputs through the real binary (issue 14 items 10-13, 15, 17):
//! each ends in a located message or a correct result, never a panic or an abort.

use assert_cmd::Command;
use gapscope::model;

fn gapscope() -> Command {
    Command::cargo_bin("gapscope").expect("binary")
}

fn run(args: &[&str], stdin: &str) -> (Option<i32>, String, String) {
    let out = gapscope()
        .args(args)
        .write_stdin(stdin.to_string())
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn generate_refuses_more_collaborators_than_it_can_make() {
    for degree in ["1e308", "99999", "150000"] {
        let (code, _, err) = run(
            &["generate", "--units", "100000", "--mean-degree", degree],
            "",
        );
        assert_eq!(code, Some(2), "{degree}: {err}");
        assert!(err.contains("--mean-degree"), "{degree}: {err}");
        assert!(
            !err.contains("panicked") && err.len() < 300,
            "{degree}: {err}"
        );
    }
    let (code, _, err) = run(&["generate", "--units", "10", "--mean-degree", "12"], "");
    assert_eq!(code, Some(2));
    assert!(err.contains("the 9 other units"), "{err}");
}

#[test]
fn completions_to_a_full_disk_report_the_write_error() {
    let full = std::fs::File::options()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("gapscope"))
        .args(["completions", "bash"])
        .stdout(full)
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

const EMPTY_GROUP: &str = r#"{"gapscope": 1, "scale": {"min": 0, "max": 5},
  "units": [{"id": "a", "group": ""}, {"id": "b", "group": "X"}, {"id": "c", "group": "Y"},
            {"id": "d", "group": ""}],
  "ties": [{"from": "a", "to": "b", "strength": 3}, {"from": "b", "to": "c", "strength": 2}]}"#;

#[test]
fn aggregate_treats_an_empty_group_as_no_group() {
    let (code, _, err) = run(&["validate", "-"], EMPTY_GROUP);
    assert_eq!(code, Some(0), "{err}");
    let (code, out, err) = run(&["aggregate", "-"], EMPTY_GROUP);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("2 units without a group left out"), "{err}");
    let org = model::from_bytes("out", out.as_bytes()).expect("valid");
    let ids: Vec<&str> = org.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["X", "Y"]);
    let nodelink = r#"{"directed": false, "multigraph": false, "graph": {},
      "nodes": [{"id": "a", "group": ""}, {"id": "b", "group": "X"}, {"id": "c", "group": "X"}],
      "links": [{"source": "a", "target": "b"}, {"source": "b", "target": "c"}]}"#;
    let (code, _, err) = run(
        &["import", "--from", "node-link", "-", "--group-by", "group"],
        nodelink,
    );
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn aggregate_says_when_sizes_overflow() {
    let org = r#"{"gapscope": 1, "scale": {"min": 0, "max": 5},
      "units": [{"id": "a", "group": "G", "size": 9007199254740991},
                {"id": "b", "group": "G", "size": 9007199254740991},
                {"id": "c", "group": "H", "size": 2}],
      "ties": [{"from": "a", "to": "c", "strength": 3}]}"#;
    let (code, out, err) = run(&["aggregate", "-"], org);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("add up to more than 2^53 - 1"), "{err}");
    assert!(err.contains("\"G\""), "names the group: {err}");
    let org = model::from_bytes("out", out.as_bytes()).expect("valid");
    assert_eq!(org.units[0].size, Some(2), "member count instead");
}

#[test]
fn did_you_mean_on_a_large_org_suggests_for_the_problems_shown() {
    let units: Vec<String> = (0..50_000)
        .map(|i| format!("{{\"id\": \"u{i:06}\"}}"))
        .collect();
    let ties: Vec<String> = (0..500)
        .map(|i| format!("{{\"from\": \"x{i:06}\", \"to\": \"u000001\", \"strength\": 1}}"))
        .collect();
    let org = format!(
        "{{\"gapscope\": 1, \"scale\": {{\"min\": 0, \"max\": 5}}, \"units\": [{}], \"ties\": [{}]}}",
        units.join(","),
        ties.join(",")
    );
    let (code, _, err) = run(&["validate", "-"], &org);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("unknown unit \"x000000\" (did you mean \"u000000\"?)"),
        "{}",
        &err[..err.len().min(500)]
    );
    assert!(err.contains("... and 450 more problems"), "only 50 shown");
}

/// Ids that escape to the same text: one is ESC, the other the six characters `\u{1b}`.
const LOOKALIKE: &str = r#"{"gapscope": 1, "scale": {"min": 0, "max": 5},
  "units": [{"id": "\u001b"}, {"id": "\\u{1b}"}, {"id": "a\\b"}, {"id": "a\bb"}],
  "ties": [{"from": "\u001b", "to": "\\u{1b}", "strength": 3},
           {"from": "a\\b", "to": "a\bb", "strength": 2}]}"#;

#[test]
fn graphml_node_ids_are_injective() {
    let (code, out, err) = run(&["export", "-f", "graphml", "-"], LOOKALIKE);
    assert_eq!(code, Some(0), "{err}");
    let doc = roxmltree::Document::parse(&out).expect("well-formed XML");
    let ids: std::collections::BTreeSet<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .filter_map(|n| n.attribute("id"))
        .collect();
    assert_eq!(ids.len(), 4, "four units, four nodes: {ids:?}");
    for e in doc.descendants().filter(|n| n.has_tag_name("edge")) {
        assert_ne!(e.attribute("source"), e.attribute("target"), "no self-loop");
    }
}

#[test]
fn dot_node_ids_are_injective() {
    let (code, out, err) = run(&["export", "-f", "dot", "-"], LOOKALIKE);
    assert_eq!(code, Some(0), "{err}");
    let nodes: std::collections::BTreeSet<&str> = out
        .lines()
        .filter(|l| l.trim().starts_with('"') && l.contains("[label="))
        .filter(|l| !l.contains(" -- ") && !l.contains(" -> "))
        .filter_map(|l| l.trim().split(" [label=").next())
        .collect();
    assert_eq!(nodes.len(), 4, "{nodes:?}\n{out}");
    for line in out
        .lines()
        .filter(|l| l.contains(" -> ") || l.contains(" -- "))
    {
        let ends: Vec<&str> = line
            .trim()
            .split(" [")
            .next()
            .unwrap_or_default()
            .split([' '])
            .filter(|w| *w != "->" && *w != "--")
            .collect();
        assert!(ends.len() < 2 || ends[0] != ends[1], "self-loop: {line}");
    }
}

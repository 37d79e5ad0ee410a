//! `report --plan`, each gap's `actions` and overdue actions, against gaps worked by hand.

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

/// Undirected, scale 0-5 (normalized: strength / 5).
/// Now: a-b 1 (0.2) below its baseline target 4 (0.8): severity 0.6; a-c no tie, target 3
/// (0.6) for x: missing, 0.6; c-d no tie, target 2 (0.4): missing, 0.4; d has no tie and a
/// target names it: isolated, 1.
/// The plan counts open actions with an expect: #0 a-b 3 and #2 a-b 2 (highest 3: a-b
/// becomes 0.6, still 0.2 below), #3 c-a 3 (a-c becomes 0.6: closed). #1 is done, #4 has no
/// expect, #5 is dropped: they change nothing.
const UNDIRECTED: &str = r#"{
  "scale": {"min": 0, "max": 5},
  "units": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}],
  "ties": [{"from": "a", "to": "b", "strength": 1}, {"from": "b", "to": "c", "strength": 3}],
  "targets": [
    {"from": "a", "to": "b", "min": 4},
    {"from": "a", "to": "c", "min": 3, "initiative": "x"},
    {"from": "c", "to": "d", "min": 2}
  ],
  "initiatives": [{"id": "x"}],
  "actions": [
    {"from": "a", "to": "b", "what": "A", "expect": 3},
    {"from": "b", "to": "a", "what": "B", "expect": 4.5, "status": "done"},
    {"from": "a", "to": "b", "what": "C", "expect": 2, "initiative": "x"},
    {"from": "c", "to": "a", "what": "D", "expect": 3, "initiative": "x", "due": "2026-11-15"},
    {"from": "c", "to": "d", "what": "E", "due": "2026-12-01"},
    {"from": "b", "to": "c", "what": "F", "expect": 5, "status": "dropped"}
  ]
}"#;

/// Directed, scale 0-5. Now: a rates b 4 (0.8), b rates a 1 (0.2): p = 0.5 below the target
/// 4 (0.8), severity 0.3, and asymmetric, 0.6. a rates c 3; c rates nobody, so no
/// asymmetric gap a-c (c's view is unknown).
/// The plan: #0 a-b expect 4 raises both ratings to 0.8 (both gaps close); #1 b-c expect 2.5
/// gives c a rating of b, and c's other ratings stay unknown (no asymmetric a-c appears).
const DIRECTED: &str = r#"{
  "directed": true,
  "scale": {"min": 0, "max": 5},
  "units": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
  "ties": [
    {"from": "a", "to": "b", "strength": 4},
    {"from": "b", "to": "a", "strength": 1},
    {"from": "a", "to": "c", "strength": 3}
  ],
  "targets": [{"from": "a", "to": "b", "min": 4}],
  "actions": [
    {"from": "b", "to": "a", "what": "weekly sync", "expect": 4},
    {"from": "c", "to": "b", "what": "onboarding", "expect": 2.5}
  ]
}"#;

fn report(text: &str, args: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("org.json");
    std::fs::write(&file, text).unwrap();
    let out = cargo_bin_cmd!("gapscope")
        .arg("report")
        .arg(&file)
        .args(["--format", "json", "--today", "2026-11-30"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (kind, from, to, severity, actions) of every gap of REPORT.md's four kinds (gapscope's
/// own `single_point` and `silo` are tested elsewhere).
fn gaps(v: &Value) -> Vec<(String, String, String, f64, Vec<u64>)> {
    v["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| !matches!(g["kind"].as_str(), Some("single_point" | "silo")))
        .map(|g| {
            (
                g["kind"].as_str().unwrap().to_string(),
                g["from"].as_str().unwrap().to_string(),
                g["to"].as_str().unwrap_or("").to_string(),
                (g["severity"].as_f64().unwrap() * 1e9).round() / 1e9,
                g["actions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap())
                    .collect(),
            )
        })
        .collect()
}

fn gap(
    kind: &str,
    from: &str,
    to: &str,
    sev: f64,
    actions: &[u64],
) -> (String, String, String, f64, Vec<u64>) {
    (kind.into(), from.into(), to.into(), sev, actions.to_vec())
}

#[test]
fn gaps_now_carry_their_actions_by_pair_and_initiative() {
    let v = report(UNDIRECTED, &[]);
    assert_eq!(v["plan"], false);
    assert_eq!(
        gaps(&v),
        [
            gap("isolated", "d", "", 1.0, &[]),
            gap("below_target", "a", "b", 0.6, &[0, 1]),
            gap("missing_tie", "a", "c", 0.6, &[3]),
            gap("missing_tie", "c", "d", 0.4, &[4]),
        ]
    );
    assert_eq!(v["open_actions"], serde_json::json!([0, 2, 3, 4]));
    assert_eq!(v["overdue_actions"], serde_json::json!([3]));
}

#[test]
fn the_plan_raises_pairs_to_the_highest_open_expect() {
    let v = report(UNDIRECTED, &["--plan"]);
    assert_eq!(v["plan"], true);
    assert_eq!(
        gaps(&v),
        [
            gap("isolated", "d", "", 1.0, &[]),
            gap("missing_tie", "c", "d", 0.4, &[4]),
            gap("below_target", "a", "b", 0.2, &[0, 1]),
        ]
    );
    // Under initiative x, a-b's gap is still the baseline's; a-c is closed by the plan.
    let v = report(UNDIRECTED, &["--plan", "--initiative", "x"]);
    assert!(
        gaps(&v)
            .iter()
            .all(|g| (g.1.as_str(), g.2.as_str()) != ("a", "c"))
    );
}

#[test]
fn a_directed_plan_raises_both_ratings_and_keeps_unknown_views_unknown() {
    let now = report(DIRECTED, &[]);
    assert_eq!(
        gaps(&now),
        [
            gap("asymmetric", "a", "b", 0.6, &[0]),
            gap("below_target", "a", "b", 0.3, &[0]),
        ]
    );
    let planned = report(DIRECTED, &["--plan"]);
    assert_eq!(gaps(&planned), []);
    // The file's ties are counted, not the plan's.
    assert_eq!(planned["ties"], 3);
}

#[test]
fn text_and_markdown_show_actions_and_overdue_ones() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("org.json");
    std::fs::write(&file, UNDIRECTED).unwrap();
    let run = |args: &[&str], env: Option<&str>| {
        let mut cmd = cargo_bin_cmd!("gapscope");
        cmd.arg("report")
            .arg(&file)
            .args(args)
            .env_remove("GAPSCOPE_TODAY");
        if let Some(day) = env {
            cmd.env("GAPSCOPE_TODAY", day);
        }
        let out = cmd.output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, text, _) = run(&["--today", "2026-11-30"], None);
    assert_eq!(code, Some(0));
    assert!(text.contains("Actions: 4 open, 1 overdue, of 6"), "{text}");
    assert!(
        text.contains("action 3: D (due 2026-11-15, expect 3/5, open, OVERDUE)"),
        "{text}"
    );
    assert!(text.contains("action 1: B (expect 4.5/5, done)"), "{text}");
    // The environment variable stands in for --today; on the due day nothing is overdue yet.
    let (_, text, _) = run(&[], Some("2026-11-15"));
    assert!(text.contains("Actions: 4 open, 0 overdue, of 6"), "{text}");
    let (_, md, _) = run(&["--format", "markdown", "--plan"], Some("2026-12-02"));
    assert!(md.contains("## Actions (4 open, 2 overdue, of 6)"), "{md}");
    assert!(
        md.contains("| 4 | c – d | E |  | 2026-12-01 |  | **overdue** |"),
        "{md}"
    );
    assert!(
        md.contains("- Plan: the org as if 3 open actions reached their expected strength"),
        "{md}"
    );
    let (code, _, err) = run(&["--today", "2026-02-30"], None);
    assert_eq!(code, Some(2));
    assert!(err.contains("\"2026-02-30\" is not a date"), "{err}");
    let (code, _, err) = run(&[], Some("tomorrow"));
    assert_eq!(code, Some(2));
    assert!(
        err.contains("GAPSCOPE_TODAY: \"tomorrow\" is not a date"),
        "{err}"
    );
}

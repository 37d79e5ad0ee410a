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

mod props {
    use gapscope::analysis::{GapKind, Options, analyse, plan};
    use gapscope::model::{Action, ActionStatus, Network, Org, Target, Tie, Unit};
    use proptest::prelude::*;

    /// A small org on a 0-4 scale: every ordered (directed) or unordered pair gets no tie or
    /// a rating 0-4 (2 is a null from odd units); some pairs a target; some pairs actions
    /// of every status, with or without an `expect`.
    fn org() -> impl Strategy<Value = Org> {
        (2usize..6, any::<bool>()).prop_flat_map(|(n, directed)| {
            let pairs: Vec<(usize, usize)> = (0..n)
                .flat_map(|a| (0..n).map(move |b| (a, b)))
                .filter(|&(a, b)| if directed { a != b } else { a < b })
                .collect();
            let k = pairs.len();
            (
                Just((n, directed, pairs)),
                prop::collection::vec(0u8..7, k),
                prop::collection::vec(0u8..6, k),
                prop::collection::vec((0usize..k, 0u8..5, 0u8..4), 0..6),
            )
                .prop_map(|((n, directed, pairs), ties, targets, actions)| {
                    let id = |i: usize| format!("u{i}");
                    let mut org = Org {
                        directed,
                        scale: gapscope::model::Scale { min: 0.0, max: 4.0 },
                        units: (0..n)
                            .map(|i| Unit {
                                id: id(i),
                                ..Unit::default()
                            })
                            .collect(),
                        ..Org::default()
                    };
                    for (&(a, b), &t) in pairs.iter().zip(&ties) {
                        if t < 5 {
                            org.ties.push(Tie {
                                from: id(a),
                                to: id(b),
                                strength: (t != 2 || a % 2 == 0).then_some(f64::from(t)),
                                ..Tie::default()
                            });
                        }
                    }
                    let mut seen = std::collections::HashSet::new();
                    for (&(a, b), &m) in pairs.iter().zip(&targets) {
                        if m > 0 && m < 5 && seen.insert((a.min(b), a.max(b))) {
                            org.targets.push(Target {
                                from: id(a),
                                to: id(b),
                                min: f64::from(m),
                                ..Target::default()
                            });
                        }
                    }
                    for (p, e, s) in actions {
                        let (a, b) = pairs[p];
                        org.actions.push(Action {
                            from: id(b),
                            to: id(a),
                            what: "x".into(),
                            expect: (e < 4).then_some(f64::from(e) + 0.5),
                            status: [
                                None,
                                Some(ActionStatus::Open),
                                Some(ActionStatus::Done),
                                Some(ActionStatus::Dropped),
                            ][usize::from(s)],
                            ..Action::default()
                        });
                    }
                    org
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn the_plan_only_raises_its_pairs_and_never_widens_a_target_gap(org in org()) {
            let planned = plan::planned(&org);
            let text = gapscope::model::save::to_string(&planned);
            prop_assert!(gapscope::model::from_str("p.json", &text).is_ok(), "the planned org is valid:\n{}", text);
            let (now, then) = (Network::new(&org), Network::new(&planned));
            let n = org.units.len();
            let mut aim = vec![vec![None::<f64>; n]; n];
            for a in org.actions.iter().filter(|a| plan::counts(a)) {
                let (x, y) = (a.from[1..].parse::<usize>().unwrap(), a.to[1..].parse::<usize>().unwrap());
                let e = org.normalize(a.expect.unwrap());
                for (p, q) in [(x, y), (y, x)] {
                    aim[p][q] = Some(aim[p][q].map_or(e, |v: f64| v.max(e)));
                }
            }
            for (x, row) in aim.iter().enumerate() {
                for (y, cell) in row.iter().enumerate() {
                    if x == y { continue; }
                    match *cell {
                        Some(e) => {
                            prop_assert!(then.pair(x, y) >= e - 1e-12);
                            prop_assert!(then.rating(x, y).is_some_and(|r| r >= e - 1e-12));
                        }
                        None => prop_assert_eq!(then.rating(x, y), now.rating(x, y), "{} -> {}", x, y),
                    }
                }
            }
            let opts = Options::default();
            let (a_now, a_plan) = (analyse(&org, &opts), analyse(&planned, &opts));
            for g in a_plan.gaps.iter().filter(|g| matches!(g.kind, GapKind::BelowTarget | GapKind::MissingTie)) {
                let before = a_now.gaps.iter().find(|h| {
                    matches!(h.kind, GapKind::BelowTarget | GapKind::MissingTie)
                        && (h.from, h.to) == (g.from, g.to)
                });
                prop_assert!(before.is_some_and(|h| h.severity >= g.severity - 1e-12), "{:?}", g);
            }
        }
    }
}

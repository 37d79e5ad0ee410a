//! `diff`: hand-made pairs of snapshots covering each kind of change.

use assert_cmd::Command;
use gapscope::analysis::{GapKind, Options, analyse};
use gapscope::diff::{Diff, Snapshot, diff, render};
use gapscope::model::{self, Org};
use predicates::prelude::*;

const OLD: &str = r#"{"title": "Q1", "scale": {"min": 0, "max": 5},
 "units": [{"id": "a", "group": "G1"}, {"id": "b", "group": "G1"}, {"id": "c", "group": "G2"},
           {"id": "d", "group": "G2"}, {"id": "gone", "group": "G2"}],
 "ties": [{"from": "a", "to": "b", "strength": 4}, {"from": "a", "to": "c", "strength": 2},
          {"from": "b", "to": "d", "strength": 3}, {"from": "c", "to": "d", "strength": 1},
          {"from": "a", "to": "gone", "strength": 1}],
 "targets": [{"from": "a", "to": "c", "min": 4}, {"from": "c", "to": "d", "min": 4},
             {"from": "b", "to": "d", "min": 3}, {"from": "a", "to": "d", "min": 2}]}"#;

const NEW: &str = r#"{"title": "Q2", "scale": {"min": 0, "max": 5},
 "units": [{"id": "a", "group": "G1"}, {"id": "b", "group": "G1"}, {"id": "c", "group": "G2"},
           {"id": "d", "group": "G2"}, {"id": "new", "group": "G1"}],
 "ties": [{"from": "a", "to": "b", "strength": 4}, {"from": "a", "to": "c", "strength": 1},
          {"from": "b", "to": "d", "strength": 5}, {"from": "c", "to": "d", "strength": 3},
          {"from": "a", "to": "d", "strength": 2}, {"from": "b", "to": "new", "strength": 2}],
 "targets": [{"from": "a", "to": "c", "min": 4}, {"from": "c", "to": "d", "min": 4},
             {"from": "b", "to": "d", "min": 4}, {"from": "a", "to": "d", "min": 2},
             {"from": "c", "to": "b", "min": 3}]}"#;

fn org(text: &str) -> Org {
    model::from_str("test", text).expect("valid org")
}

fn compare(old: &Org, new: &Org) -> Diff {
    let (oa, na) = (
        analyse(old, &Options::default()),
        analyse(new, &Options::default()),
    );
    diff(
        Snapshot {
            org: old,
            analysis: &oa,
        },
        Snapshot {
            org: new,
            analysis: &na,
        },
    )
}

fn gap_keys(list: &[gapscope::diff::GapChange]) -> Vec<(GapKind, String, Option<String>)> {
    list.iter()
        .map(|g| (g.kind, g.from.clone(), g.to.clone()))
        .collect()
}

fn pair(kind: GapKind, a: &str, b: &str) -> (GapKind, String, Option<String>) {
    (kind, a.to_string(), Some(b.to_string()))
}

#[test]
fn a_file_compared_with_itself_has_no_differences() {
    for text in [OLD, NEW, model::seed::SEED_JSON] {
        let o = org(text);
        let d = compare(&o, &o);
        assert!(d.is_empty(), "{d:#?}");
        assert!(render::text(&d, "x", "x", 10, o.directed).ends_with("no differences\n"));
    }
}

#[test]
fn units_ties_and_targets_changes() {
    let d = compare(&org(OLD), &org(NEW));
    assert_eq!(d.units_added, ["new"]);
    assert_eq!(d.units_removed, ["gone"]);
    let ties =
        |l: &[gapscope::diff::TieChange]| -> Vec<(String, String, Option<f64>, Option<f64>)> {
            l.iter()
                .map(|t| (t.from.clone(), t.to.clone(), t.old, t.new))
                .collect()
        };
    let s = |a: &str, b: &str, o: Option<f64>, n: Option<f64>| (a.to_string(), b.to_string(), o, n);
    assert_eq!(
        ties(&d.ties_added),
        [s("a", "d", None, Some(2.0)), s("b", "new", None, Some(2.0))]
    );
    assert_eq!(ties(&d.ties_removed), [s("a", "gone", Some(1.0), None)]);
    // Largest change first: b-d and c-d move by 2, a-c by 1.
    assert_eq!(
        ties(&d.ties_reweighted),
        [
            s("b", "d", Some(3.0), Some(5.0)),
            s("c", "d", Some(1.0), Some(3.0)),
            s("a", "c", Some(2.0), Some(1.0)),
        ]
    );
    let added: Vec<(&str, &str, Option<f64>)> = d
        .targets_added
        .iter()
        .map(|t| (t.from.as_str(), t.to.as_str(), t.new))
        .collect();
    assert_eq!(
        added,
        [("b", "c", Some(3.0))],
        "targets are unordered pairs"
    );
    assert!(d.targets_removed.is_empty());
    let changed: Vec<(&str, &str, Option<f64>, Option<f64>)> = d
        .targets_changed
        .iter()
        .map(|t| (t.from.as_str(), t.to.as_str(), t.old, t.new))
        .collect();
    assert_eq!(changed, [("b", "d", Some(3.0), Some(4.0))]);
}

#[test]
fn gaps_opened_closed_widened_and_narrowed() {
    let d = compare(&org(OLD), &org(NEW));
    assert_eq!(
        gap_keys(&d.gaps_opened),
        [pair(GapKind::MissingTie, "b", "c")]
    );
    assert_eq!(
        gap_keys(&d.gaps_closed),
        [pair(GapKind::MissingTie, "a", "d")]
    );
    assert_eq!(
        gap_keys(&d.gaps_widened),
        [pair(GapKind::BelowTarget, "a", "c")]
    );
    assert_eq!(
        gap_keys(&d.gaps_narrowed),
        [pair(GapKind::BelowTarget, "c", "d")]
    );
    let w = &d.gaps_widened[0];
    assert!((w.old.unwrap_or(0.0) - 0.4).abs() < 1e-12);
    assert!((w.new.unwrap_or(0.0) - 0.6).abs() < 1e-12);
    let n = &d.gaps_narrowed[0];
    assert!((n.delta() + 0.4).abs() < 1e-12);
}

#[test]
fn a_missing_tie_that_gets_a_weak_tie_is_one_gap_narrowed() {
    // c joins a and b strongly, so no unit is isolated.
    let old = org(r#"{"scale": {"min": 0, "max": 5},
        "units": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
        "ties": [{"from": "a", "to": "c", "strength": 5}, {"from": "b", "to": "c", "strength": 5}],
        "targets": [{"from": "a", "to": "b", "min": 4}]}"#);
    let new = org(r#"{"scale": {"min": 0, "max": 5},
        "units": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
        "ties": [{"from": "a", "to": "c", "strength": 5}, {"from": "b", "to": "c", "strength": 5},
                 {"from": "a", "to": "b", "strength": 1}],
        "targets": [{"from": "a", "to": "b", "min": 4}]}"#);
    let d = compare(&old, &new);
    assert!(d.gaps_opened.is_empty(), "{d:?}");
    // The direct tie also ends the single point of failure; no shortfall closes.
    assert_eq!(
        gap_keys(&d.gaps_closed),
        [pair(GapKind::SinglePoint, "a", "b")]
    );
    assert_eq!(
        gap_keys(&d.gaps_narrowed),
        [pair(GapKind::BelowTarget, "a", "b")],
        "shown with the kind it has now"
    );
    let back = compare(&new, &old);
    assert_eq!(
        gap_keys(&back.gaps_widened),
        [pair(GapKind::MissingTie, "a", "b")]
    );
}

#[test]
fn units_that_moved_and_groups_e_i_index() {
    let (old, new) = (org(OLD), org(NEW));
    let d = compare(&old, &new);
    let ids: Vec<&str> = d.movers.iter().map(|u| u.id.as_str()).collect();
    assert!(ids.contains(&"a") && ids.contains(&"d"), "{ids:?}");
    assert!(
        !ids.contains(&"gone") && !ids.contains(&"new"),
        "only units in both"
    );
    let dd = d.movers.iter().find(|u| u.id == "d").expect("d moved");
    // d: old b-d 0.6 + c-d 0.2; new b-d 1 + c-d 0.6 + a-d 0.4.
    assert!((dd.strength.0 - 0.8).abs() < 1e-12 && (dd.strength.1 - 2.0).abs() < 1e-12);
    let groups: Vec<&str> = d.groups.iter().map(|g| g.group.as_str()).collect();
    // G1 old: a-b internal; a-c, b-d, a-gone external: (3-1)/4 = 0.5. New: a-b, b-new
    // internal; a-c, b-d, a-d external: 1/5. G2 stays at (3-1)/4 and is not listed.
    assert_eq!(groups, ["G1"]);
    assert_eq!(d.groups[0].old, Some(Some(0.5)));
    assert_eq!(d.groups[0].new, Some(Some(0.2)));
}

#[test]
fn directedness_and_scale_changes_are_reported() {
    let old = org(r#"{"directed": true, "units": [{"id": "a"}, {"id": "b"}],
                      "ties": [{"from": "a", "to": "b", "strength": 1}, {"from": "b", "to": "a", "strength": 0}]}"#);
    let new = org(
        r#"{"scale": {"min": 0, "max": 2}, "units": [{"id": "a"}, {"id": "b"}],
                      "ties": [{"from": "b", "to": "a", "strength": 1}]}"#,
    );
    let d = compare(&old, &new);
    assert_eq!(d.directed, Some((true, false)));
    assert!(d.scale.is_some());
    // Compared as pair strengths: old p = 0.5, new 0.5: no tie change.
    assert!(d.ties_added.is_empty() && d.ties_removed.is_empty() && d.ties_reweighted.is_empty());
}

#[test]
fn renderers_show_every_section_and_clean_control_characters() {
    let mut new = org(NEW);
    new.units.push(model::Unit {
        id: "evil\u{1b}[2J".into(),
        ..model::Unit::default()
    });
    let d = compare(&org(OLD), &new);
    let text = render::text(&d, "q1.json", "q2.json", 10, false);
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(text.contains("evil\\u{1b}[2J"), "{text}");
    for head in [
        "Gaps opened (2):",
        "Gaps closed (1):",
        "Gaps widened (1):",
        "Gaps narrowed (1):",
        "Units added (2):",
        "Units removed (1):",
        "Ties added (2):",
        "Ties removed (1):",
        "Ties re-weighted (3):",
        "Targets added (1):",
        "Targets changed (1):",
        "Units that moved most:",
        "Groups' E-I index",
    ] {
        assert!(text.contains(head), "{head} missing in\n{text}");
    }
    let short = render::text(&d, "q1.json", "q2.json", 1, false);
    assert!(short.contains("... and 2 more (--top)"), "{short}");
    let md = render::markdown(&d, "q1.json", "q2.json", 10, false);
    assert!(md.starts_with("## Changes from q1.json to q2.json\n"));
    assert!(md.contains("### Gaps opened (2)"));
    assert!(
        text.contains("isolated evil\\u{1b}[2J"),
        "the new unit is isolated: {text}"
    );
    assert!(!md.contains('\u{1b}'));
    let json: serde_json::Value =
        serde_json::from_str(&render::json(&d, "q1.json", "q2.json")).expect("json");
    assert_eq!(json["gaps_opened"][0]["kind"], "missing_tie");
    assert_eq!(json["ties_reweighted"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["empty"], false);
}

#[test]
fn the_diff_command_runs_on_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (old, new) = (dir.path().join("q1.json"), dir.path().join("q2.json"));
    std::fs::write(&old, OLD).expect("write");
    std::fs::write(&new, NEW).expect("write");
    Command::cargo_bin("gapscope")
        .expect("binary")
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "gaps: 1 opened, 1 closed, 1 widened, 1 narrowed",
        ));
    Command::cargo_bin("gapscope")
        .expect("binary")
        .arg("diff")
        .arg(&old)
        .arg(&old)
        .args(["--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"empty\": true"));
    Command::cargo_bin("gapscope")
        .expect("binary")
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(["--initiative", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown initiative \"nope\""));
    Command::cargo_bin("gapscope")
        .expect("binary")
        .arg("diff")
        .arg(&old)
        .arg(dir.path().join("missing.json"))
        .assert()
        .code(2);
}

#[test]
fn gaps_are_matched_by_initiative_too() {
    let old = org(
        r#"{"scale": {"min": 0, "max": 5}, "units": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
        "ties": [{"from": "a", "to": "b", "strength": 1}, {"from": "b", "to": "c", "strength": 5}],
        "targets": [{"from": "a", "to": "b", "min": 3}],
        "initiatives": [{"id": "ai"}]}"#,
    );
    let new = org(
        r#"{"scale": {"min": 0, "max": 5}, "units": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
        "ties": [{"from": "a", "to": "b", "strength": 1}, {"from": "b", "to": "c", "strength": 5}],
        "targets": [{"from": "a", "to": "b", "min": 3, "initiative": "ai"}],
        "initiatives": [{"id": "ai"}]}"#,
    );
    let d = compare(&old, &new);
    let below = |l: &[gapscope::diff::GapChange]| -> Vec<Option<String>> {
        l.iter()
            .filter(|g| g.kind == GapKind::BelowTarget)
            .map(|g| g.initiative.clone())
            .collect()
    };
    assert_eq!(below(&d.gaps_closed), [None]);
    assert_eq!(below(&d.gaps_opened), [Some("ai".to_string())]);
    assert!(d.gaps_widened.is_empty() && d.gaps_narrowed.is_empty());
    assert_eq!(d.targets_added.len(), 1);
    assert_eq!(d.targets_removed.len(), 1);
}

//! Hand-worked gaps of every kind on tiny orgs, under all targets and under one initiative.

use gapscope::analysis::{Analysis, Gap, GapKind, Options, analyse};
use gapscope::model::{Org, from_str};

fn load(text: &str) -> Org {
    from_str("test", text).unwrap_or_else(|e| panic!("{e}"))
}

fn run(o: &Org, initiative: Option<&str>) -> Analysis {
    let opts = Options {
        initiative: initiative.map(str::to_string),
        ..Options::default()
    };
    analyse(o, &opts)
}

fn of_kind(a: &Analysis, kind: GapKind) -> Vec<&Gap> {
    a.gaps.iter().filter(|g| g.kind == kind).collect()
}

/// a–b at 2/5, b–c at 4/5, d alone; undirected, scale 0-5.
const CHAIN: &str = r#"{
  "scale": {"min": 0, "max": 5},
  "units": [{"id": "a", "name": "Alpha"}, {"id": "b", "name": "Beta"},
            {"id": "c", "name": "Gamma"}, {"id": "d", "name": "Delta"}],
  "ties": [{"from": "a", "to": "b", "strength": 2}, {"from": "b", "to": "c", "strength": 4}],
  "targets": [
    {"from": "b", "to": "a", "min": 3},
    {"from": "a", "to": "b", "min": 4, "initiative": "ai"},
    {"from": "a", "to": "c", "min": 3, "initiative": "ai"},
    {"from": "c", "to": "d", "min": 1, "initiative": "privacy"}
  ],
  "initiatives": [{"id": "ai", "name": "AI rollout"}, {"id": "privacy"}]
}"#;

#[test]
fn below_target_takes_the_highest_min_and_its_initiative() {
    let o = load(CHAIN);
    let a = run(&o, None);
    let below = of_kind(&a, GapKind::BelowTarget);
    assert_eq!(below.len(), 1);
    let g = below[0];
    assert_eq!((g.from, g.to), (0, Some(1)));
    assert_eq!(g.initiative.as_deref(), Some("ai"));
    assert!((g.severity - 0.4).abs() < 1e-12);
    assert_eq!(g.actual, Some(0.4));
    assert_eq!(g.target, Some(0.8));
    assert_eq!(
        g.explanation,
        "Alpha–Beta need 4/5 for AI rollout; they have 2/5"
    );

    // Under "privacy" only the baseline 3/5 applies to a–b.
    let a = run(&o, Some("privacy"));
    let below = of_kind(&a, GapKind::BelowTarget);
    assert_eq!(below.len(), 1);
    assert_eq!(below[0].initiative, None);
    assert!((below[0].severity - 0.2).abs() < 1e-12);
    assert_eq!(
        below[0].explanation,
        "Alpha–Beta need 3/5 (baseline); they have 2/5"
    );
}

#[test]
fn missing_tie_names_the_best_route() {
    let o = load(CHAIN);
    let a = run(&o, Some("ai"));
    let missing = of_kind(&a, GapKind::MissingTie);
    assert_eq!(missing.len(), 1);
    let g = missing[0];
    assert_eq!((g.from, g.to, g.actual), (0, Some(2), Some(0.0)));
    assert!((g.severity - 0.6).abs() < 1e-12);
    assert_eq!(
        g.explanation,
        "Alpha–Gamma need 3/5 for AI rollout; they have no direct tie; \
         the best route runs Alpha → Beta → Gamma, weakest link 2/5"
    );
    // c–d has no route at all (privacy).
    let a = run(&o, None);
    let cd = a
        .gaps
        .iter()
        .find(|g| g.kind == GapKind::MissingTie && g.to == Some(3))
        .unwrap_or_else(|| panic!("c–d gap: {:?}", a.gaps));
    assert!(
        cd.explanation.ends_with("no route connects them"),
        "{}",
        cd.explanation
    );
}

#[test]
fn isolated_is_severe_only_when_a_target_applies() {
    let o = load(CHAIN);
    let all = run(&o, None);
    let iso = of_kind(&all, GapKind::Isolated);
    assert_eq!((iso.len(), iso[0].from, iso[0].severity), (1, 3, 1.0));
    assert_eq!(iso[0].to, None);
    let ai = run(&o, Some("ai"));
    assert_eq!(of_kind(&ai, GapKind::Isolated)[0].severity, 0.5);
}

#[test]
fn single_point_names_the_cut_unit_and_bridge() {
    let o = load(CHAIN);
    let a = run(&o, Some("ai"));
    let sp = of_kind(&a, GapKind::SinglePoint);
    // a–c runs through b and both bridges; a–b is itself a bridge.
    assert_eq!(sp.len(), 2);
    let ac = sp
        .iter()
        .find(|g| g.to == Some(2))
        .unwrap_or_else(|| panic!("{sp:?}"));
    assert!((ac.severity - 0.3).abs() < 1e-12);
    assert!(
        ac.explanation
            .ends_with("depends on the tie Alpha–Beta, Beta, the tie Beta–Gamma"),
        "{}",
        ac.explanation
    );
    let ab = sp
        .iter()
        .find(|g| g.to == Some(1))
        .unwrap_or_else(|| panic!("{sp:?}"));
    assert!((ab.severity - 0.4).abs() < 1e-12);
}

#[test]
fn gaps_are_sorted_by_severity_kind_and_ids() {
    let o = load(CHAIN);
    let a = run(&o, None);
    let keys: Vec<(f64, &str, usize)> = a
        .gaps
        .iter()
        .map(|g| (g.severity, g.kind.as_str(), g.from))
        .collect();
    for w in keys.windows(2) {
        assert!(
            w[0].0 > w[1].0 || (w[0].0 == w[1].0 && (w[0].1, w[0].2) <= (w[1].1, w[1].2)),
            "{keys:?}"
        );
    }
    assert_eq!(a.gaps[0].kind, GapKind::Isolated);
}

/// Directed: a and b rate each other; c is rated but rates nobody; d rates a at 0.
const SURVEY: &str = r#"{
  "directed": true,
  "units": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}, {"id": "e"}],
  "ties": [
    {"from": "a", "to": "b", "strength": 1},
    {"from": "b", "to": "a", "strength": 0.25},
    {"from": "a", "to": "c", "strength": 1},
    {"from": "d", "to": "a", "strength": 0},
    {"from": "e", "to": "b", "strength": 0.7},
    {"from": "b", "to": "e", "strength": 0.45}
  ]
}"#;

#[test]
fn asymmetric_needs_two_respondents() {
    let o = load(SURVEY);
    let a = run(&o, None);
    let asym = of_kind(&a, GapKind::Asymmetric);
    // a–b differ by 0.75; b–e by 0.25 exactly in decimal (0.7 - 0.45 rounds below 0.25 in
    // binary, and must still count); a–c: c's view is unknown.
    let pairs: Vec<(usize, Option<usize>)> = asym.iter().map(|g| (g.from, g.to)).collect();
    assert_eq!(pairs, vec![(0, Some(1)), (1, Some(4))]);
    assert_eq!((asym[0].actual, asym[0].target), (Some(0.25), Some(1.0)));
    assert!((asym[0].severity - 0.75).abs() < 1e-12);
    assert_eq!(asym[0].explanation, "a rates b 1/1; b rates a 0.25/1");
    // A higher threshold drops b–e.
    let strict = analyse(
        &o,
        &Options {
            asymmetry: 0.3,
            ..Options::default()
        },
    );
    assert_eq!(of_kind(&strict, GapKind::Asymmetric).len(), 1);
    // d is a respondent whose only rating is 0: no edge, isolated.
    let iso = of_kind(&a, GapKind::Isolated);
    assert_eq!((iso.len(), iso[0].from, iso[0].severity), (1, 3, 0.5));
}

#[test]
fn undirected_files_have_no_asymmetry() {
    let o = load(CHAIN);
    assert!(of_kind(&run(&o, None), GapKind::Asymmetric).is_empty());
}

#[test]
fn silo_below_the_threshold() {
    // Group T: triangle a-b-c with one tie out (E-I -0.5); group S: d, e with one tie to T.
    let text = r#"{
      "units": [{"id": "a", "group": "T"}, {"id": "b", "group": "T"}, {"id": "c", "group": "T"},
                {"id": "d", "group": "S"}, {"id": "e", "group": "S"}],
      "ties": [{"from": "a", "to": "b", "strength": 1}, {"from": "b", "to": "c", "strength": 1},
               {"from": "a", "to": "c", "strength": 1}, {"from": "c", "to": "d", "strength": 1},
               {"from": "d", "to": "e", "strength": 1}]
    }"#;
    let o = load(text);
    // -0.5 is not below the default threshold -0.5.
    assert!(of_kind(&run(&o, None), GapKind::Silo).is_empty());
    let loose = analyse(
        &o,
        &Options {
            silo_threshold: -0.4,
            ..Options::default()
        },
    );
    let silos = of_kind(&loose, GapKind::Silo);
    assert_eq!(silos.len(), 1);
    let g = silos[0];
    assert_eq!((g.group.as_deref(), g.from, g.to), (Some("T"), 0, None));
    assert_eq!(
        (g.severity, g.actual, g.target),
        (0.5, Some(-0.5), Some(-0.4))
    );
    assert_eq!(
        g.explanation,
        "group T: 3 ties inside, 1 to other groups (E-I index -0.5)"
    );
}

#[test]
fn seed_org_shows_at_least_three_kinds() {
    let org = gapscope::model::seed::seed();
    assert!(!org.units.is_empty(), "the seed parses");
    let a = run(&org, None);
    let mut kinds: Vec<&str> = a.gaps.iter().map(|g| g.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert!(kinds.len() >= 3, "{kinds:?}");
    for k in ["missing_tie", "below_target", "asymmetric"] {
        assert!(kinds.contains(&k), "{k} in {kinds:?}");
    }
    let top = &a.gaps[0];
    assert_eq!(top.kind, GapKind::MissingTie);
    assert_eq!(
        top.explanation,
        "Chief Data Office–Security (CISO) need 4/5 for AI rollout; they have no direct tie; \
         the best route runs Chief Data Office → Finance → Security (CISO), weakest link 2/5"
    );
}

#[test]
fn long_routes_are_shortened_in_explanations() {
    // A chain u0 - u1 - ... - u8 and a target u0–u8.
    let units: Vec<String> = (0..9).map(|i| format!(r#"{{"id":"u{i}"}}"#)).collect();
    let ties: Vec<String> = (0..8)
        .map(|i| format!(r#"{{"from":"u{i}","to":"u{}","strength":0.5}}"#, i + 1))
        .collect();
    let text = format!(
        r#"{{"units":[{}],"ties":[{}],"targets":[{{"from":"u0","to":"u8","min":1}}]}}"#,
        units.join(","),
        ties.join(",")
    );
    let a = run(&load(&text), None);
    let g = of_kind(&a, GapKind::MissingTie)[0];
    assert!(
        g.explanation
            .ends_with("the best route runs u0 → u1 → … → u7 → u8 (8 hops), weakest link 0.5/1"),
        "{}",
        g.explanation
    );
}

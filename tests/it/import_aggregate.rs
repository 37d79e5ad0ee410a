//! Aggregation by block density: the shared person-level networks reproduce the shared
//! department-level files, through the library and through `import --group-by`.
//! The fixtures are the shared data files (tests/fixtures/README.md has their sources).

use std::path::Path;

use assert_cmd::Command;
use gapscope::import::{AggregateOptions, aggregate};
use gapscope::model::{self, Org, Target, Tie, Unit};

const PAIRS: &[(&str, &str)] = &[
    ("krackhardt-advice-people", "krackhardt-advice-departments"),
    ("lazega-advice-people", "lazega-advice-teams"),
    (
        "ukfaculty-friendship-people",
        "ukfaculty-friendship-schools",
    ),
];

fn fixture(name: &str) -> Org {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    model::load(&path, model::DEFAULT_MAX_BYTES).expect("fixture loads")
}

/// Same units (ids, names, sizes, attributes within 1e-12) and ties (strength within 1e-12).
fn assert_same_groups(got: &Org, want: &Org, what: &str) {
    assert_eq!(got.directed, want.directed, "{what}");
    assert_eq!(got.units.len(), want.units.len(), "{what}");
    for (g, w) in got.units.iter().zip(&want.units) {
        assert_eq!((&g.id, &g.name, g.size), (&w.id, &w.name, w.size), "{what}");
        assert_eq!(g.attrs.len(), w.attrs.len(), "{what}: attrs of {}", g.id);
        for ((gk, gv), (wk, wv)) in g.attrs.iter().zip(&w.attrs) {
            assert_eq!(gk, wk);
            let (model::AttrValue::Number(a), model::AttrValue::Number(b)) = (gv, wv) else {
                panic!("{what}: {gk} is not a number");
            };
            assert!((a - b).abs() < 1e-12, "{what}: {}.{gk}: {a} vs {b}", g.id);
        }
    }
    assert_eq!(got.ties.len(), want.ties.len(), "{what}");
    for (g, w) in got.ties.iter().zip(&want.ties) {
        assert_eq!((&g.from, &g.to), (&w.from, &w.to), "{what}");
        assert!(
            (g.strength.unwrap_or(f64::NAN) - w.strength.unwrap_or(f64::NAN)).abs() < 1e-12,
            "{what}: {} -> {}: {} vs {}",
            g.from,
            g.to,
            g.strength.unwrap_or(f64::NAN),
            w.strength.unwrap_or(f64::NAN)
        );
        assert_eq!(g.note, w.note, "{what}");
    }
}

#[test]
fn aggregating_the_people_files_reproduces_the_department_files() {
    for (people, groups) in PAIRS {
        let opts = AggregateOptions {
            name_attr: Some("department_name".into()),
            ..AggregateOptions::default()
        };
        let got = aggregate(&fixture(people), &opts).expect("aggregates");
        assert!(got.warnings.is_empty(), "{:?}", got.warnings);
        assert_same_groups(&got.org, &fixture(groups), people);
    }
}

/// Writes a person-level org as a units CSV and an edge CSV.
fn to_csv(org: &Org, dir: &Path) -> (String, String) {
    let mut units = String::from("id,group,department_name\n");
    for u in &org.units {
        let name = u
            .attrs
            .iter()
            .find(|(k, _)| k == "department_name")
            .map(|(_, v)| v.to_string())
            .unwrap_or_default();
        units.push_str(&format!(
            "{},{},\"{}\"\n",
            u.id,
            u.group.as_deref().unwrap_or(""),
            name
        ));
    }
    let mut edges = String::from("from,to,strength\n");
    for t in &org.ties {
        edges.push_str(&format!(
            "{},{},{}\n",
            t.from,
            t.to,
            t.strength.unwrap_or(0.0)
        ));
    }
    let (u, e) = (dir.join("units.csv"), dir.join("edges.csv"));
    std::fs::write(&u, units).expect("write units");
    std::fs::write(&e, edges).expect("write edges");
    (u.display().to_string(), e.display().to_string())
}

#[test]
fn importing_edge_csvs_with_group_by_reproduces_the_department_files() {
    for (people, groups) in PAIRS {
        let org = fixture(people);
        let dir = tempfile::tempdir().expect("temp dir");
        let (units, edges) = to_csv(&org, dir.path());
        let scale = format!("{}:{}", org.scale.min, org.scale.max);
        let out = Command::cargo_bin("gapscope")
            .expect("binary")
            .args([
                "import",
                "--from",
                "edges",
                "--directed",
                "--units",
                &units,
                &edges,
            ])
            .args(["--scale", &scale, "--group-by", "group"])
            .args(["--group-name-attr", "department_name"])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("utf-8");
        let got = model::from_str("import", &text).expect("valid org");
        assert_same_groups(&got, &fixture(groups), people);
    }
}

fn unit(id: &str, group: Option<&str>) -> Unit {
    Unit {
        id: id.into(),
        group: group.map(Into::into),
        ..Unit::default()
    }
}

fn tie(from: &str, to: &str, strength: f64) -> Tie {
    Tie {
        from: from.into(),
        to: to.into(),
        strength: Some(strength),
        ..Tie::default()
    }
}

fn target(from: &str, to: &str, min: f64, initiative: Option<&str>) -> Target {
    Target {
        from: from.into(),
        to: to.into(),
        min,
        initiative: initiative.map(Into::into),
        ..Target::default()
    }
}

fn small_org() -> Org {
    Org {
        directed: false,
        scale: model::Scale { min: 0.0, max: 4.0 },
        units: vec![
            unit("a1", Some("A")),
            unit("a2", Some("A")),
            unit("b1", Some("B")),
            unit("b2", Some("B")),
            unit("b3", Some("B")),
            unit("loner", None),
        ],
        ties: vec![
            tie("a1", "b1", 4.0),
            tie("a2", "b1", 2.0),
            tie("a1", "a2", 1.0),
            tie("b1", "loner", 4.0),
            tie("b2", "b3", 0.0),
        ],
        targets: vec![
            target("a1", "b1", 2.0, None),
            target("a2", "b3", 3.0, None),
            target("a1", "b2", 4.0, Some("ai")),
            target("a1", "a2", 4.0, None),
            target("b1", "loner", 4.0, None),
        ],
        initiatives: vec![model::Initiative {
            id: "ai".into(),
            ..model::Initiative::default()
        }],
        ..Org::default()
    }
}

#[test]
fn undirected_block_density_counts_and_weighted_sums() {
    let got = aggregate(&small_org(), &AggregateOptions::default()).expect("aggregates");
    let org = &got.org;
    assert!(!org.directed);
    assert_eq!(org.ties.len(), 1);
    assert_eq!(
        (org.ties[0].from.as_str(), org.ties[0].to.as_str()),
        ("A", "B")
    );
    assert_eq!(org.ties[0].strength, Some(2.0 / 6.0));
    assert_eq!(
        org.ties[0].note.as_deref(),
        Some("2 of 6 possible person-level ties")
    );
    // A: one of one possible internal pair; B: none of three (the 0 tie is no edge).
    assert_eq!(org.units[0].attrs[0].1, model::AttrValue::Number(1.0));
    assert_eq!(org.units[1].attrs[0].1, model::AttrValue::Number(0.0));
    assert_eq!(org.units[0].size, Some(2));
    assert!(
        got.warnings
            .iter()
            .any(|w| w.contains("1 unit without a group left out"))
    );

    let weighted = aggregate(
        &small_org(),
        &AggregateOptions {
            weighted: true,
            ..AggregateOptions::default()
        },
    )
    .expect("aggregates");
    // normalized 1 + 0.5 over 6 possible pairs.
    assert_eq!(weighted.org.ties[0].strength, Some(1.5 / 6.0));
    assert_eq!(
        weighted.org.ties[0].note.as_deref(),
        Some("strength sum 1.5 over 6 possible person-level ties (2 ties)")
    );
}

#[test]
fn targets_keep_the_highest_minimum_per_group_pair_and_initiative() {
    let got = aggregate(&small_org(), &AggregateOptions::default()).expect("aggregates");
    let targets: Vec<(&str, &str, f64, Option<&str>)> = got
        .org
        .targets
        .iter()
        .map(|t| {
            (
                t.from.as_str(),
                t.to.as_str(),
                t.min,
                t.initiative.as_deref(),
            )
        })
        .collect();
    // baseline: max(2/4, 3/4); initiative ai: 4/4. a1-a2 is inside A; b1-loner loses an end.
    assert_eq!(
        targets,
        [("A", "B", 0.75, None), ("A", "B", 1.0, Some("ai"))]
    );
    assert_eq!(
        got.org.targets[0].why.as_deref(),
        Some("highest of 2 person-level targets")
    );
    assert!(
        got.warnings
            .iter()
            .any(|w| w.contains("1 target inside one group"))
    );
    assert_eq!(got.org.initiatives.len(), 1);
    gapscope::import::to_checked_string(&got.org).expect("a valid org");
}

#[test]
fn aggregating_by_an_attribute_and_a_missing_attribute() {
    let mut org = small_org();
    for (i, u) in org.units.iter_mut().enumerate() {
        u.attrs
            .push(("floor".into(), model::AttrValue::Number((i % 2) as f64)));
    }
    let got = aggregate(
        &org,
        &AggregateOptions {
            by: "floor".into(),
            ..AggregateOptions::default()
        },
    )
    .expect("aggregates");
    let ids: Vec<&str> = got.org.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["0", "1"]);
    let err = aggregate(
        &org,
        &AggregateOptions {
            by: "colour".into(),
            ..AggregateOptions::default()
        },
    )
    .expect_err("no such attribute");
    assert!(err.to_string().contains("\"colour\""), "{err}");
}

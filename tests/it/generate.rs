//! The synthetic org generator: valid files, fixed by the seed, with the promised structure.

use std::collections::{HashMap, HashSet};

use assert_cmd::Command;
use gapscope::generate::{Params, generate};
use gapscope::model::{self, Network, Org, save};

fn params(units: usize, seed: u64) -> Params {
    Params {
        units,
        seed,
        ..Params::default()
    }
}

/// Generates, writes and reads back: the text must load without a single problem.
fn round_trip(p: &Params) -> (Org, String) {
    let text = save::to_string(&generate(p));
    let org = model::from_str("generated.json", &text)
        .unwrap_or_else(|e| panic!("{p:?} does not validate: {e}"));
    (org, text)
}

#[test]
fn output_validates_at_several_sizes_and_seeds() {
    for units in [0, 1, 2, 3, 17, 250, 3000] {
        for seed in [0, 1, 42, u64::MAX] {
            let (org, _) = round_trip(&params(units, seed));
            assert_eq!(org.units.len(), units);
        }
    }
    for groups in [1, 5, 400] {
        let p = Params {
            groups: Some(groups),
            ..params(400, 3)
        };
        let (org, _) = round_trip(&p);
        assert_eq!(org.groups().len(), groups);
    }
    let dense = Params {
        mean_degree: 1000.0,
        ..params(30, 9)
    };
    round_trip(&dense);
}

#[test]
fn same_parameters_give_the_same_file_and_seeds_differ() {
    let (_, a) = round_trip(&params(500, 7));
    let (_, b) = round_trip(&params(500, 7));
    let (_, c) = round_trip(&params(500, 8));
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn mean_degree_follows_the_option() {
    for degree in [4.0, 10.0, 20.0] {
        let p = Params {
            mean_degree: degree,
            ..params(4000, 5)
        };
        let net = Network::new(&generate(&p));
        let mean = 2.0 * net.pairs.len() as f64 / net.n as f64;
        assert!(
            (mean - degree).abs() <= 0.1 * degree,
            "asked {degree}, got {mean}"
        );
    }
}

#[test]
fn structure_is_realistic() {
    let org = generate(&params(5000, 11));
    let net = Network::new(&org);
    let index = org.unit_index();
    let mut degree = vec![0usize; net.n];
    let mut inside = 0;
    for &(a, b, _) in &net.pairs {
        degree[a] += 1;
        degree[b] += 1;
        inside += usize::from(org.units[a].group == org.units[b].group);
    }
    // Dense inside departments, sparse across.
    let share = inside as f64 / net.pairs.len() as f64;
    assert!((0.6..0.9).contains(&share), "inside share {share}");
    // Heavy-tailed: the busiest unit has many times the median degree.
    let mut sorted = degree.clone();
    sorted.sort_unstable();
    let (median, max) = (sorted[sorted.len() / 2], sorted[sorted.len() - 1]);
    assert!(max >= 10 * median, "max {max}, median {median}");
    // Some isolated units, some non-respondents who are still rated by others.
    assert!(degree.iter().filter(|&&d| d == 0).count() >= 10);
    let silent = (0..net.n).filter(|&u| !net.respondent[u] && degree[u] > 0);
    assert!(silent.count() >= 10);
    // Ratings on 0-5: integer, mostly 1-5, a few explicit zeros; one-sided pairs exist.
    assert_eq!((org.scale.min, org.scale.max), (0.0, 5.0));
    assert!(
        org.ties
            .iter()
            .all(|t| t.strength.is_some_and(|s| s.fract() == 0.0))
    );
    assert!(org.ties.iter().any(|t| t.strength == Some(0.0)));
    let rated: HashSet<(usize, usize)> = org
        .ties
        .iter()
        .map(|t| (index[t.from.as_str()], index[t.to.as_str()]))
        .collect();
    let one_sided = net
        .pairs
        .iter()
        .filter(|&&(a, b, _)| rated.contains(&(a, b)) != rated.contains(&(b, a)))
        .count();
    assert!(one_sided * 20 > net.pairs.len(), "one-sided {one_sided}");
    // Departments of varied sizes.
    let mut sizes: HashMap<&str, usize> = HashMap::new();
    for u in &org.units {
        *sizes.entry(u.group.as_deref().unwrap_or("")).or_default() += 1;
    }
    let lo = sizes.values().min().copied().unwrap_or(0);
    let hi = sizes.values().max().copied().unwrap_or(0);
    assert!(hi >= 3 * lo, "sizes {lo}..{hi}");
}

#[test]
fn targets_cover_the_baseline_and_both_initiatives() {
    let org = generate(&params(2000, 4));
    let kinds: HashSet<Option<&str>> = org
        .targets
        .iter()
        .map(|t| t.initiative.as_deref())
        .collect();
    assert_eq!(
        kinds,
        HashSet::from([None, Some("ai-rollout"), Some("cloud-move")])
    );
    assert_eq!(org.initiatives.len(), 2);
    assert!(
        org.targets.len() < org.units.len() / 5,
        "targets on a subset"
    );
}

#[test]
fn cli_writes_a_file_that_validate_accepts_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("org.json");
    let path = path.to_str().expect("utf-8 path");
    let gen_cmd = || {
        let mut c = Command::cargo_bin("gapscope").expect("binary");
        c.args(["generate", "--units", "300", "--seed", "5", "-o", path]);
        c
    };
    gen_cmd().assert().success();
    Command::cargo_bin("gapscope")
        .expect("binary")
        .args(["validate", path])
        .assert()
        .success()
        .stdout(predicates::str::contains("ok (300 units"));
    let before = std::fs::read(path).expect("written");
    gen_cmd().assert().code(2).stderr(predicates::str::contains(
        "exists; gapscope does not replace it (--force does)",
    ));
    assert_eq!(std::fs::read(path).expect("still there"), before);
}

#[test]
fn cli_prints_to_stdout_the_same_org_as_the_library() {
    let out = Command::cargo_bin("gapscope")
        .expect("binary")
        .args(["generate", "--units", "120", "--groups", "4", "--seed", "2"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let p = Params {
        groups: Some(4),
        ..params(120, 2)
    };
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        save::to_string(&generate(&p))
    );
}

#[test]
fn cli_rejects_bad_options() {
    for args in [
        &["generate", "--units", "10", "--groups", "0"][..],
        &["generate", "--units", "10", "--mean-degree", "-1"],
        &["generate", "--units", "10", "--mean-degree", "NaN"],
        &["generate", "--units", "99999999"],
    ] {
        Command::cargo_bin("gapscope")
            .expect("binary")
            .args(args)
            .assert()
            .code(2);
    }
}

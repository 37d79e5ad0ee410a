//! The built-in example org: it is valid, `gapscope sample` prints exactly examples/seed.json,
//! and it tells the story it is there to tell (the CIO's office ahead of an AI rollout).

use assert_cmd::cargo::cargo_bin_cmd;
use gapscope::model::{self, Network, Org, seed};

/// Weak and strong, on the normalized 0..1 pair strength.
const WEAK_BELOW: f64 = 0.5;
const STRONG_FROM: f64 = 0.7;

fn org() -> Org {
    model::from_str("examples/seed.json", seed::SEED_JSON).unwrap_or_else(|e| panic!("{e}"))
}

fn ix(org: &Org, id: &str) -> usize {
    org.units
        .iter()
        .position(|u| u.id == id)
        .unwrap_or_else(|| panic!("no unit {id}"))
}

fn pair(org: &Org, a: &str, b: &str) -> f64 {
    Network::new(org).pair(ix(org, a), ix(org, b))
}

#[test]
fn the_seed_is_valid_and_is_the_built_in_org() {
    let org = org();
    assert_eq!(seed::seed(), org);
    assert!(org.directed);
    assert_eq!(org.units.len(), 7);
    let file = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/seed.json"))
        .unwrap();
    assert_eq!(file, seed::SEED_JSON);
}

#[test]
fn sample_prints_the_seed_file_and_it_validates() {
    let out = cargo_bin_cmd!("gapscope").arg("sample").output().unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty());
    assert_eq!(String::from_utf8_lossy(&out.stdout), seed::SEED_JSON);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("my-org.json"), &out.stdout).unwrap();
    cargo_bin_cmd!("gapscope")
        .current_dir(dir.path())
        .args(["validate", "my-org.json"])
        .assert()
        .success()
        .stdout("my-org.json: ok (7 units, 24 ties, 11 targets, 4 actions, 1 review)\n");
    cargo_bin_cmd!("gapscope")
        .args(["validate", "-"])
        .write_stdin(out.stdout)
        .assert()
        .success();
}

#[test]
fn the_cio_is_weakly_tied_to_data_and_security() {
    let org = org();
    for other in ["cdo", "ciso"] {
        let p = pair(&org, "cio", other);
        assert!(p < WEAK_BELOW, "cio-{other}: {p}");
    }
}

#[test]
fn the_cio_is_strongly_tied_to_the_business() {
    let org = org();
    for other in ["finance", "hr", "marketing", "customer"] {
        let p = pair(&org, "cio", other);
        assert!(p >= STRONG_FROM, "cio-{other}: {p}");
    }
}

#[test]
fn the_ai_rollout_needs_the_technology_triangle_strong() {
    let org = org();
    let ai = org
        .initiatives
        .iter()
        .find(|i| i.label() == "AI rollout")
        .expect("an \"AI rollout\" initiative");
    for (a, b) in [("cio", "cdo"), ("cio", "ciso"), ("cdo", "ciso")] {
        let target = org
            .targets
            .iter()
            .find(|t| {
                t.initiative.as_deref() == Some(ai.id.as_str())
                    && ((t.from == a && t.to == b) || (t.from == b && t.to == a))
            })
            .unwrap_or_else(|| panic!("no AI target for {a}-{b}"));
        assert!(
            org.normalize(target.min) >= STRONG_FROM,
            "{a}-{b}: {}",
            target.min
        );
    }
}

#[test]
fn the_seed_has_a_missing_tie_a_pair_below_target_and_a_one_sided_pair() {
    let org = org();
    let net = Network::new(&org);
    let mut missing = 0;
    let mut below = 0;
    for t in &org.targets {
        let (a, b) = (ix(&org, &t.from), ix(&org, &t.to));
        if !net.has_tie(a, b) && !net.has_tie(b, a) {
            missing += 1;
        } else if net.pair(a, b) < org.normalize(t.min) {
            below += 1;
        }
    }
    assert!(missing >= 1, "no target pair without a tie");
    assert!(below >= 1, "no tied pair below its target");
    // cdo-ciso, needed by the AI rollout, has no tie at all.
    let (cdo, ciso) = (ix(&org, "cdo"), ix(&org, "ciso"));
    assert!(!net.has_tie(cdo, ciso) && !net.has_tie(ciso, cdo));
    let one_sided = (0..org.units.len())
        .flat_map(|a| (0..org.units.len()).map(move |b| (a, b)))
        .filter(|&(a, b)| a < b)
        .filter(|&(a, b)| match (net.rating(a, b), net.rating(b, a)) {
            (Some(x), Some(y)) => (x - y).abs() >= 0.25,
            _ => false,
        })
        .count();
    assert!(one_sided >= 1, "no one-sided pair");
    // The CIO rates the CISO far higher than the CISO rates the CIO.
    let (cio, ciso) = (ix(&org, "cio"), ix(&org, "ciso"));
    assert_eq!(net.rating(cio, ciso), Some(0.6));
    assert_eq!(net.rating(ciso, cio), Some(0.2));
}

//! The JSON report of every real network in tests/fixtures matches its expected values.

mod common;

use assert_cmd::Command;
use gapscope::analysis::{BetweennessMode, Options, analyse};
use gapscope::report::{Report, Settings, json};

fn library_report(name: &str) -> serde_json::Value {
    let org = gapscope::model::load(&common::fixture(&format!("{name}.json")), u64::MAX)
        .unwrap_or_else(|e| panic!("{e}"));
    let opts = Options {
        betweenness: BetweennessMode::Exact,
        ..Options::default()
    };
    let analysis = analyse(&org, &opts);
    json::value(&Report::new(&org, &analysis, Settings::default()))
}

#[test]
fn every_fixture_matches_its_expected_report() {
    for name in common::FIXTURES {
        let got = library_report(name);
        common::check(name, &got, &common::expected(name));
    }
}

#[test]
fn the_binary_prints_the_expected_report() {
    for name in [
        "krackhardt-advice-departments",
        "lazega-cowork-teams",
        "ukfaculty-friendship-people",
    ] {
        let output = Command::cargo_bin("gapscope")
            .unwrap_or_else(|e| panic!("{e}"))
            .args(["report", "--format", "json"])
            .arg(common::fixture(&format!("{name}.json")))
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(output.status.success(), "{name}: {output:?}");
        let got: serde_json::Value =
            serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
        common::check(name, &got, &common::expected(name));
    }
}

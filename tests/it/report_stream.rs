//! The reports written as they are made, to standard output and to `-o FILE` (through the
//! atomic write's temporary file), against each other and against the JSON report built whole
//! as a `serde_json::Value`: the same bytes in every format.

use assert_cmd::Command;
use gapscope::analysis::{self, Options};
use gapscope::report::{Report, Settings, json};

fn gapscope() -> Command {
    Command::cargo_bin("gapscope").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn streamed_reports_are_the_reports_built_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The seed has actions, reviews, initiatives and an x- key: every part of the report.
    let org_path = dir.path().join("org.json");
    std::fs::write(&org_path, gapscope::model::seed::SEED_JSON).expect("write org");
    let org_arg = org_path.to_str().expect("utf-8 path");
    for format in ["json", "text", "markdown", "csv"] {
        let common = [
            "report",
            org_arg,
            "--format",
            format,
            "--today",
            "2026-12-20",
            "--color",
            "never",
        ];
        let streamed = gapscope().args(common).assert().success();
        let streamed = streamed.get_output().stdout.clone();
        let file = dir.path().join(format!("report.{format}"));
        gapscope()
            .args(common)
            .args(["-o", file.to_str().expect("utf-8 path")])
            .assert()
            .success();
        let whole = std::fs::read(&file).expect("report file");
        assert_eq!(
            String::from_utf8_lossy(&streamed),
            String::from_utf8_lossy(&whole),
            "{format}"
        );
        assert!(streamed.ends_with(b"\n"), "{format}");
    }
    // The JSON report written straight to the writer is the `Value` pretty-printed.
    let org = gapscope::model::seed::seed();
    let analysis = analysis::analyse(&org, &Options::default());
    let report = Report::new(&org, &analysis, Settings::default());
    let mut streamed = Vec::new();
    json::write(&report, &mut streamed).expect("write");
    let whole = serde_json::to_string_pretty(&json::value(&report)).expect("text") + "\n";
    assert_eq!(String::from_utf8_lossy(&streamed), whole);
}

//! Snapshots of the text and Markdown reports of the built-in org, and option effects.

use gapscope::analysis::{BetweennessMode, Options, analyse};
use gapscope::report::{Format, Report, Settings, write};

fn render(format: Format, settings: Settings) -> String {
    let org = gapscope::model::seed::seed();
    let analysis = analyse(&org, &Options::default());
    let mut out = Vec::new();
    write(format, &Report::new(&org, &analysis, settings), &mut out)
        .unwrap_or_else(|e| panic!("{e}"));
    String::from_utf8(out).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn text_report_of_the_seed() {
    insta::assert_snapshot!(render(Format::Text, Settings::default()));
}

#[test]
fn markdown_report_of_the_seed() {
    insta::assert_snapshot!(render(Format::Markdown, Settings::default()));
}

#[test]
fn csv_report_of_the_seed() {
    let csv = render(
        Format::Csv,
        Settings {
            top: Some(3),
            ..Settings::default()
        },
    );
    insta::assert_snapshot!(csv);
}

#[test]
fn min_severity_then_top() {
    let json = render(
        Format::Json,
        Settings {
            top: Some(2),
            min_severity: Some(0.5),
            color: false,
            ..Settings::default()
        },
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    let sev: Vec<f64> = v["gaps"]
        .as_array()
        .map(|g| g.iter().filter_map(|x| x["severity"].as_f64()).collect())
        .unwrap_or_default();
    assert_eq!(sev, [0.8, 0.6]);
    assert_eq!(v["gaps_filter"]["min_severity"], 0.5);
    assert_eq!(v["gaps_total"], 7);
}

#[test]
fn skipped_betweenness_is_reported() {
    let org = gapscope::model::seed::seed();
    let opts = Options {
        betweenness: BetweennessMode::Skip,
        ..Options::default()
    };
    let analysis = analyse(&org, &opts);
    let v = gapscope::report::json::value(&Report::new(&org, &analysis, Settings::default()));
    assert_eq!(v["betweenness_mode"], "skipped");
    assert!(analysis.nodes.iter().all(|n| n.betweenness == 0.0));
}

#[test]
fn silo_threshold_changes_the_gaps() {
    let org = gapscope::model::seed::seed();
    // Technology's E-I index is 0.56: a silo only under a threshold above that.
    let opts = Options {
        silo_threshold: 0.6,
        ..Options::default()
    };
    let analysis = analyse(&org, &opts);
    let silos: Vec<_> = analysis
        .gaps
        .iter()
        .filter(|g| g.kind.as_str() == "silo")
        .filter_map(|g| g.group.as_deref())
        .collect();
    assert_eq!(silos, ["Technology"]);
}

#[test]
fn markdown_counts_one_silo_in_the_singular() {
    let org = gapscope::model::seed::seed();
    let opts = Options {
        silo_threshold: 0.6,
        ..Options::default()
    };
    let analysis = analyse(&org, &opts);
    let mut out = Vec::new();
    write(
        Format::Markdown,
        &Report::new(&org, &analysis, Settings::default()),
        &mut out,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("## Groups and silos (1 silo)\n"), "{text}");
}

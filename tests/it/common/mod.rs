//! Shared checks of a JSON report against a fixture's expected values.

use serde_json::Value;

/// Names of the fixtures in tests/fixtures (without `.json`).
pub(crate) const FIXTURES: [&str; 9] = [
    "krackhardt-advice-departments",
    "krackhardt-advice-people",
    "lazega-advice-people",
    "lazega-advice-teams",
    "lazega-cowork-teams",
    "ukfaculty-friendship-people",
    "ukfaculty-friendship-schools",
    "email-eu-core-departments",
    "email-eu-core-people",
];

/// Path of a fixture file.
pub(crate) fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The expected values of a fixture.
pub(crate) fn expected(name: &str) -> Value {
    let text = std::fs::read_to_string(fixture(&format!("{name}.expected.json")))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn close(label: &str, got: &Value, want: &Value, tol: f64) {
    match (got.as_f64(), want.as_f64()) {
        (Some(g), Some(w)) => assert!(
            (g - w).abs() <= tol,
            "{label}: got {g}, expected {w} (tolerance {tol})"
        ),
        _ => assert_eq!(got, want, "{label}"),
    }
}

/// Asserts every field of the expected file against a report.
pub(crate) fn check(name: &str, got: &Value, want: &Value) {
    assert_eq!(got["report"], 1, "{name}: report version");
    for key in ["units", "ties", "edges", "directed"] {
        assert_eq!(got[key], want[key], "{name}: {key}");
    }
    close(
        &format!("{name}: density"),
        &got["density"],
        &want["density"],
        1e-12,
    );

    let (gn, wn) = (arr(&got["nodes"]), arr(&want["nodes"]));
    assert_eq!(gn.len(), wn.len(), "{name}: node count");
    for (g, w) in gn.iter().zip(wn) {
        let id = w["id"].as_str().unwrap_or("?");
        assert_eq!(g["id"], w["id"], "{name}: nodes are sorted by id");
        assert_eq!(g["degree"], w["degree"], "{name}: degree of {id}");
        assert_eq!(g["component"], w["component"], "{name}: component of {id}");
        close(
            &format!("{name}: strength of {id}"),
            &g["strength"],
            &w["strength"],
            1e-9,
        );
        close(
            &format!("{name}: betweenness of {id}"),
            &g["betweenness"],
            &w["betweenness"],
            1e-9,
        );
    }
    for key in ["components", "bridges", "articulation_points"] {
        assert_eq!(got[key], want[key], "{name}: {key}");
    }

    let (gg, wg) = (arr(&got["groups"]), arr(&want["groups"]));
    assert_eq!(gg.len(), wg.len(), "{name}: group count");
    for (g, w) in gg.iter().zip(wg) {
        for key in ["group", "units", "internal", "external"] {
            assert_eq!(g[key], w[key], "{name}: group {} {key}", w["group"]);
        }
        close(
            &format!("{name}: E-I of {}", w["group"]),
            &g["ei_index"],
            &w["ei_index"],
            1e-12,
        );
    }

    // The expected files hold REPORT.md's four kinds; gapscope's own kinds are extra.
    let spec_kinds = ["below_target", "missing_tie", "asymmetric", "isolated"];
    let gaps: Vec<&Value> = arr(&got["gaps"])
        .iter()
        .filter(|g| spec_kinds.contains(&g["kind"].as_str().unwrap_or("")))
        .collect();
    let wgaps = arr(&want["gaps"]);
    assert_eq!(gaps.len(), wgaps.len(), "{name}: gap count");
    for (i, (g, w)) in gaps.iter().zip(wgaps).enumerate() {
        for key in ["kind", "from", "to"] {
            assert_eq!(g[key], w[key], "{name}: gaps[{i}].{key}");
        }
        close(
            &format!("{name}: gaps[{i}].severity"),
            &g["severity"],
            &w["severity"],
            1e-12,
        );
    }
}

fn arr(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

//! Messages that say what is wrong and where (issue 14 item 18), through the real binary.

use assert_cmd::Command;

fn run(args: &[&str], stdin: &[u8]) -> (Option<i32>, String) {
    let out = Command::cargo_bin("gapscope")
        .expect("binary")
        .args(args)
        .write_stdin(stdin.to_vec())
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn encode(text: &str, wide: usize, big: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for c in text.chars() {
        let mut unit = vec![0u8; wide];
        if big {
            unit[wide - 1] = c as u8;
        } else {
            unit[0] = c as u8;
        }
        out.extend(unit);
    }
    out
}

#[test]
fn utf32_and_bomless_utf16_are_named() {
    let org = "{\"gapscope\": 1}";
    for (bytes, name) in [
        (encode(org, 4, false), "UTF-32 text (little-endian)"),
        (encode(org, 4, true), "UTF-32 text (big-endian)"),
        (encode(org, 2, false), "UTF-16 text (little-endian)"),
        (encode(org, 2, true), "UTF-16 text (big-endian)"),
        (
            [&[0xFF, 0xFE, 0, 0][..], &encode(org, 4, false)].concat(),
            "UTF-32 text (little-endian, with a byte order mark)",
        ),
    ] {
        let (code, err) = run(&["validate", "-"], &bytes);
        assert_eq!(code, Some(2));
        assert!(
            err.contains(&format!(
                "<stdin>:1:1: the file is {name}; save it as UTF-8"
            )),
            "{name}: {err}"
        );
    }
    let csv = encode("from,to\na,b\n", 2, false);
    let (code, err) = run(&["import", "--from", "edges", "-"], &csv);
    assert_eq!(code, Some(2));
    assert!(err.contains("UTF-16 text (little-endian)"), "{err}");
}

#[test]
fn huge_and_tiny_numbers_are_short_in_messages() {
    let (code, err) = run(&["validate", "-"], b"{\"gapscope\": 1e308}");
    assert_eq!(code, Some(2));
    assert!(err.contains("unsupported format version 1e308"), "{err}");
    assert!(err.len() < 200, "{err}");
    let (code, err) = run(
        &["import", "--from", "edges", "--scale", "0:1e-320", "-"],
        b"from,to\na,b\n",
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("off the scale 0:1e-320"), "{err}");
    assert!(err.len() < 300, "{err}");
}

#[test]
fn a_negative_severity_is_out_of_range_not_an_unknown_argument() {
    let (code, err) = run(&["report", "--min-severity", "-0.1"], b"");
    assert_eq!(code, Some(2));
    assert!(err.contains("-0.1 is outside 0 to 1"), "{err}");
    assert!(!err.contains("unexpected argument"), "{err}");
}

#[test]
fn node_link_problems_are_named() {
    let huge_id = br#"{"directed": false, "multigraph": false, "graph": {},
      "nodes": [{"id": 1e400}, {"id": "a"}, {"id": "b"}],
      "links": [{"source": "a", "target": "b"}]}"#;
    let (code, err) = run(&["import", "--from", "node-link", "-"], huge_id);
    assert_eq!(code, Some(2));
    assert!(err.contains("too large to be an id"), "{err}");
    let overflow = br#"{"directed": false, "multigraph": true, "graph": {},
      "nodes": [{"id": "a"}, {"id": "b"}],
      "links": [{"source": "a", "target": "b", "weight": 1e308},
                {"source": "a", "target": "b", "weight": 1e308}]}"#;
    let (code, err) = run(&["import", "--from", "node-link", "-"], overflow);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("add up to more than the largest number"),
        "{err}"
    );
    assert!(!err.contains("inf"), "{err}");
    let bad_scale =
        br#"{"directed": false, "multigraph": false, "graph": {"scale": {"min": 5, "max": "x"}},
      "nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b"}]}"#;
    let (code, err) = run(&["import", "--from", "node-link", "-"], bad_scale);
    assert_eq!(
        code,
        Some(2),
        "an invalid graph.scale is not ignored: {err}"
    );
    assert!(err.contains("graph.scale.max"), "{err}");
}

#[test]
fn standard_input_is_not_read_twice() {
    let (code, err) = run(
        &["import", "--from", "survey", "-", "--units", "-"],
        b"respondent,unit,rated,rating\n",
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("cannot both be standard input"), "{err}");
}

#[test]
fn a_folder_as_output_is_named_once() {
    let dir = tempfile::tempdir().expect("dir");
    let (code, err) = run(
        &[
            "export",
            "-f",
            "dot",
            "-o",
            &dir.path().display().to_string(),
            "--force",
        ],
        b"",
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("it is a folder, not a regular file"), "{err}");
    assert!(!err.contains("is a folder: is a folder"), "{err}");
}

#[test]
fn ids_that_differ_only_by_case_are_named_in_a_warning() {
    let org = br#"{"gapscope": 1, "scale": {"min": 0, "max": 5},
      "units": [{"id": "Sales"}, {"id": "ops"}, {"id": "sales"}]}"#;
    let (code, err) = run(&["validate", "-"], org);
    assert_eq!(code, Some(0), "still valid: {err}");
    assert!(
        err.contains("warning: <stdin>: unit ids \"Sales\" and \"sales\" differ only by case"),
        "{err}"
    );
}

#[test]
fn a_size_beyond_exact_json_is_refused_and_minus_zero_is_zero() {
    let big = br#"{"gapscope": 1, "scale": {"min": 0, "max": 5},
      "units": [{"id": "a", "size": 9007199254740993}]}"#;
    let (code, err) = run(&["validate", "-"], big);
    assert_eq!(code, Some(2), "not silently rounded: {err}");
    assert!(err.contains("units[0].size"), "{err}");
    let minus = br#"{"gapscope": 1, "scale": {"min": -1, "max": 1},
      "units": [{"id": "a"}, {"id": "b"}],
      "ties": [{"from": "a", "to": "b", "strength": -0.0}]}"#;
    let out = Command::cargo_bin("gapscope")
        .expect("binary")
        .args(["report", "-", "--format", "json"])
        .write_stdin(minus.to_vec())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("-0.0") && !text.contains(": -0,"), "{text}");
}

#[test]
fn ids_that_differ_only_by_normalisation_are_named_in_a_warning() {
    let org = "{\"gapscope\": 1, \"scale\": {\"min\": 0, \"max\": 5},
      \"units\": [{\"id\": \"caf\u{e9}\"}, {\"id\": \"cafe\u{301}\"}, {\"id\": \"CAFE\u{301}\"}]}";
    let (code, err) = run(&["validate", "-"], org.as_bytes());
    assert_eq!(code, Some(0), "still valid: {err}");
    assert!(
        err.contains("differ only by Unicode normalisation"),
        "{err}"
    );
    assert!(err.contains("differ only by case"), "{err}");
    assert!(
        !err.contains('\u{301}'),
        "combining marks shown escaped or composed: {err:?}"
    );
}

//! Bad org files: each runs the real binary (`gapscope validate FILE`) and checks the exact
//! problems reported (location, JSON path, message), exit status 2, empty stdout, no panic,
//! and that nothing was written beside the input.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;

/// Where a problem is expected: at the first (or n-th, from 0) occurrence of a piece of
/// text in the input, or at an explicit line and column.
#[derive(Clone, Copy, Debug)]
enum Loc {
    At(&'static str),
    Nth(&'static str, usize),
    Lc(usize, usize),
}

/// One expected problem line.
#[derive(Clone, Debug)]
struct Want {
    loc: Loc,
    path: &'static str,
    message: &'static str,
}

struct Case {
    name: &'static str,
    input: Vec<u8>,
    want: Vec<Want>,
}

fn want(loc: Loc, path: &'static str, message: &'static str) -> Want {
    Want { loc, path, message }
}

fn case(
    name: &'static str,
    input: impl Into<Vec<u8>>,
    loc: Loc,
    path: &'static str,
    message: &'static str,
) -> Case {
    Case {
        name,
        input: input.into(),
        want: vec![want(loc, path, message)],
    }
}

/// Three units and the given members after them, on one line.
fn doc(rest: &str) -> String {
    format!(
        r#"{{"units": [{{"id": "cio"}}, {{"id": "cdo", "name": "Data office"}}, {{"id": "ciso"}}], {rest}}}"#
    )
}

/// `line:col` of a location in the input (columns count characters).
fn line_col(input: &[u8], loc: Loc) -> (usize, usize) {
    let (needle, nth) = match loc {
        Loc::Lc(l, c) => return (l, c),
        Loc::At(n) => (n, 0),
        Loc::Nth(n, k) => (n, k),
    };
    let text = String::from_utf8_lossy(input);
    let mut offset = None;
    let mut from = 0;
    for _ in 0..=nth {
        let found = text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("test bug: {needle:?} not in the input"));
        offset = Some(from + found);
        from += found + needle.len();
    }
    let before = &text[..offset.unwrap_or(0)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Runs `gapscope validate input.json` in a fresh folder and checks everything.
fn check(name: &str, input: &[u8], want: &[Want]) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("input.json");
    std::fs::write(&file, input).unwrap();
    let out = cargo_bin_cmd!("gapscope")
        .current_dir(dir.path())
        .args(["validate", "input.json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{name}: exit status; stderr:\n{stderr}"
    );
    assert!(out.stdout.is_empty(), "{name}: stdout not empty");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{name}: panic:\n{stderr}"
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines.len(),
        want.len() + 1,
        "{name}: expected {} problem line(s), got:\n{stderr}",
        want.len()
    );
    for (line, w) in lines.iter().zip(want) {
        let (l, c) = line_col(input, w.loc);
        let prefix = if w.path.is_empty() {
            format!("input.json:{l}:{c}: ")
        } else {
            format!("input.json:{l}:{c}: {}: ", w.path)
        };
        assert!(
            line.starts_with(&prefix),
            "{name}: expected a line starting {prefix:?}, got {line:?}"
        );
        assert!(
            line[prefix.len()..].contains(w.message),
            "{name}: expected {:?} in {line:?}",
            w.message
        );
    }
    assert_eq!(
        lines.last().copied(),
        Some("gapscope: 1 of 1 file is invalid"),
        "{name}"
    );
    assert_only_input(dir.path(), name);
}

fn assert_only_input(dir: &Path, name: &str) {
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["input.json"],
        "{name}: files written beside the input"
    );
}

#[path = "bad_inputs/review.rs"]
mod review;
#[path = "bad_inputs/rules.rs"]
mod rules;
#[path = "bad_inputs/syntax.rs"]
mod syntax;
#[path = "bad_inputs/types.rs"]
mod types;

use Loc::Lc;

impl Case {
    /// Adds another expected problem after the first.
    fn also(mut self, w: Want) -> Case {
        self.want.push(w);
        self
    }
}

fn run_all(cases: Vec<Case>) -> usize {
    let n = cases.len();
    for c in cases {
        check(c.name, &c.input, &c.want);
    }
    n
}

#[test]
fn every_rule_of_actions_and_reviews_is_enforced() {
    assert!(run_all(review::cases()) >= 12);
}

#[test]
fn malformed_json_is_located() {
    assert!(run_all(syntax::cases()) >= 30);
}

#[test]
fn wrong_types_are_located_with_their_path() {
    assert!(run_all(types::cases()) >= 25);
}

#[test]
fn every_format_rule_is_enforced() {
    assert!(run_all(rules::cases()) >= 40);
}

#[test]
fn several_problems_are_all_reported_in_file_order() {
    let input = r#"{
  "gapscope": 1,
  "units": [
    {"id": "cio"},
    {"id": "cio"},
    {"id": ""}
  ],
  "ties": [
    {"from": "cio", "to": "cdoo", "strength": 1},
    {"from": "cio", "to": "cio", "strength": 0.5},
    {"from": "cio", "to": "x", "strength": 7}
  ],
  "bogus": true
}"#;
    check(
        "several problems",
        input.as_bytes(),
        &[
            want(
                Lc(5, 12),
                "units[1].id",
                "duplicate unit id \"cio\" (first at units[0])",
            ),
            want(Lc(6, 12), "units[2].id", "a unit id must not be empty"),
            want(Lc(9, 27), "ties[0].to", "unknown unit \"cdoo\""),
            want(Lc(10, 5), "ties[1]", "a tie from \"cio\" to itself"),
            want(Lc(11, 27), "ties[2].to", "unknown unit \"x\""),
            want(
                Lc(11, 44),
                "ties[2].strength",
                "7 is outside the scale 0..1",
            ),
            want(Lc(13, 3), "", "unknown key \"bogus\""),
        ],
    );
}

#[test]
fn more_than_fifty_problems_are_counted() {
    let ties: Vec<String> = (0..60)
        .map(|i| format!("  {{\"from\": \"a{i}\", \"to\": \"cio\", \"strength\": 2}}"))
        .collect();
    let input = format!(
        "{{\"units\": [{{\"id\": \"cio\"}}], \"ties\": [\n{}\n]}}",
        ties.join(",\n")
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("input.json"), &input).unwrap();
    let out = cargo_bin_cmd!("gapscope")
        .current_dir(dir.path())
        .args(["validate", "input.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    // 120 problems (an unknown unit and an out-of-scale strength per tie): 50 listed.
    assert_eq!(lines.len(), 52, "{stderr}");
    assert!(lines[0].starts_with("input.json:2:12: ties[0].from: unknown unit \"a0\""));
    assert!(lines[1].starts_with("input.json:2:43: ties[0].strength: 2 is outside"));
    assert!(lines[49].starts_with("input.json:26:"), "{}", lines[49]);
    assert_eq!(lines[50], "input.json: ... and 70 more problems");
    assert_eq!(lines[51], "gapscope: 1 of 1 file is invalid");
    assert_only_input(dir.path(), "more than fifty");
}

#[test]
fn files_over_the_size_limit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("input.json"), r#"{"units": []}"#).unwrap();
    let out = cargo_bin_cmd!("gapscope")
        .current_dir(dir.path())
        .args(["validate", "--max-bytes", "10", "input.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(
            "input.json: the file is larger than the limit of 10 bytes (13 bytes); raise it with --max-bytes"
        ),
        "{stderr}"
    );
    // The same file passes under a limit that fits it exactly.
    cargo_bin_cmd!("gapscope")
        .current_dir(dir.path())
        .args(["validate", "--max-bytes", "13", "input.json"])
        .assert()
        .success();
    assert_only_input(dir.path(), "size limit");
}

#[test]
fn standard_input_is_read_with_dash() {
    let dir = tempfile::tempdir().unwrap();
    let out = cargo_bin_cmd!("gapscope")
        .current_dir(dir.path())
        .args(["validate", "-"])
        .write_stdin("{\"units\": [],\n \"ties\": 3}")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("<stdin>:2:10: ties: expected an array, found a number"),
        "{stderr}"
    );
    let out = cargo_bin_cmd!("gapscope")
        .current_dir(dir.path())
        .args(["validate", "--max-bytes", "5", "-"])
        .write_stdin("{\"units\": []}")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("<stdin>: the file is larger than the limit of 5 bytes"),
        "{stderr}"
    );
    cargo_bin_cmd!("gapscope")
        .current_dir(dir.path())
        .args(["validate", "-"])
        .write_stdin("{\"units\": []}")
        .assert()
        .success()
        .stdout("<stdin>: ok (0 units, 0 ties, 0 targets)\n");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "files written: {left:?}");
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = cargo_bin_cmd!("gapscope")
        .current_dir(dir.path())
        .args(["validate", "nowhere.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        "nowhere.json: cannot read: no such file or directory\ngapscope: 1 of 1 file could not be read\n"
    );
}

/// Commands other than `validate` print the same located lines, each starting with the
/// file's name (no `gapscope: ` before the first one only), and no Rust error chain.
#[test]
fn other_commands_print_load_problems_one_per_line_like_validate() {
    let dir = tempfile::tempdir().unwrap();
    let bad = r#"{"units": [{"id": "a"}, {"id": "a"}], "ties": [{"from": "a", "to": "b", "strength": 1}]}"#;
    std::fs::write(dir.path().join("bad.json"), bad).unwrap();
    let want = "bad.json:1:32: units[1].id: duplicate unit id \"a\" (first at units[0])\n\
                bad.json:1:68: ties[0].to: unknown unit \"b\" (did you mean \"a\"?)\n";
    for args in [
        &["report", "bad.json"][..],
        &["export", "bad.json", "--format", "dot", "-o", "out.dot"],
        &["aggregate", "bad.json", "-o", "out.json"],
        &["diff", "bad.json", "bad.json"],
    ] {
        let out = cargo_bin_cmd!("gapscope")
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), want, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["bad.json"], "{args:?}: files written");
    }
    let out = cargo_bin_cmd!("gapscope")
        .current_dir(dir.path())
        .args(["report", "missing.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "missing.json: cannot read: no such file or directory\n"
    );
}

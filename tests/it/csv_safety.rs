//! Every CSV through the real binary (issue 14 items 8 and 16): the export tables get the
//! report's formula guard and escapes, the guard comes off on import, line numbers are right
//! after CRLF and CR-only lines, quoted cells keep their spaces, and an unclosed quote says so.

use assert_cmd::Command;
use gapscope::model::{self, Org};

fn gapscope() -> Command {
    Command::cargo_bin("gapscope").expect("binary")
}

/// An org file from JSON text.
fn org(json: &str) -> Org {
    model::from_bytes("test", json.as_bytes()).expect("valid test org")
}

/// An org whose ids, names and notes are spreadsheet formulas and terminal escapes.
fn hostile() -> Org {
    org(
        r#"{"gapscope": 1, "directed": true, "scale": {"min": 0, "max": 5},
      "units": [
        {"id": "=cmd|' /C calc'!A0", "name": "@SUM(1+1)", "group": "+1", "attrs": {"team": "-2+3"}},
        {"id": "\u001b[31mred", "name": "'=already"}
      ],
      "ties": [{"from": "=cmd|' /C calc'!A0", "to": "\u001b[31mred", "strength": 3,
                "note": "=HYPERLINK(\"http://x\")"}],
      "targets": [{"from": "=cmd|' /C calc'!A0", "to": "\u001b[31mred", "min": 4, "why": "@why"}]
    }"#,
    )
}

fn export(org: &Org, table: &str) -> String {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("org.json");
    std::fs::write(&path, model::save::to_string(org)).expect("write");
    let out = gapscope()
        .args(["export", "-f", "csv", "--table", table])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Whether a spreadsheet would run any cell of a CSV text as a formula.
fn formula_cells(csv: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in csv.lines() {
        for cell in line.split(',') {
            let c = cell.trim_start_matches('"');
            if c.starts_with(['=', '+', '@']) || (c.starts_with('-') && c.parse::<f64>().is_err()) {
                found.push(cell.to_string());
            }
        }
    }
    found
}

#[test]
fn export_tables_never_hold_a_formula_or_an_escape() {
    let org = hostile();
    for table in ["units", "ties", "targets"] {
        let csv = export(&org, table);
        assert!(!csv.contains('\u{1b}'), "{table}: raw ESC:\n{csv}");
        assert_eq!(formula_cells(&csv), Vec::<String>::new(), "{table}:\n{csv}");
    }
    let units = export(&org, "units");
    assert!(
        units.contains("'=cmd|' /C calc'!A0,'@SUM(1+1),'+1,"),
        "{units}"
    );
    assert!(units.contains("\\u{1b}[31mred,''=already"), "{units}");
}

#[test]
fn the_guard_comes_off_when_a_ties_table_is_imported() {
    let org = org(r#"{"gapscope": 1, "scale": {"min": 0, "max": 1},
      "units": [{"id": "-lead"}, {"id": "=x"}, {"id": " spaced"}],
      "ties": [{"from": "-lead", "to": "=x", "strength": 1},
               {"from": "=x", "to": " spaced", "strength": 1}]}"#);
    let csv = export(&org, "ties");
    let out = gapscope()
        .args(["import", "--from", "edges", "-"])
        .write_stdin(csv)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let back = model::from_bytes("back", &out.stdout).expect("valid");
    let mut ids: Vec<&str> = back.units.iter().map(|u| u.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, [" spaced", "-lead", "=x"]);
}

fn import_edges(csv: &[u8]) -> (Option<i32>, String, Vec<u8>) {
    let out = gapscope()
        .args(["import", "--from", "edges", "-"])
        .write_stdin(csv.to_vec())
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.stdout,
    )
}

#[test]
fn line_numbers_count_crlf_and_cr_line_ends() {
    for (end, name) in [("\r\n", "CRLF"), ("\r", "CR"), ("\n", "LF")] {
        let csv = ["from,to,strength", "a,b,1", "b,c,1", "c,d,oops", "d,a,1"].join(end) + end;
        let (code, err, _) = import_edges(csv.as_bytes());
        assert_eq!(code, Some(2), "{name}: {err}");
        assert!(
            err.contains("<stdin>:4:"),
            "{name}: the bad row is line 4:\n{err}"
        );
    }
}

#[test]
fn quoted_cells_keep_their_spaces_and_two_ids_stay_two() {
    let (code, err, out) = import_edges(b"from,to\n\" a\",a\n  b  ,\"a\"\n");
    assert_eq!(code, Some(0), "{err}");
    let org = model::from_bytes("x", &out).expect("valid");
    let mut ids: Vec<&str> = org.units.iter().map(|u| u.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, [" a", "a", "b"]);
}

#[test]
fn an_unclosed_quote_is_named_with_its_line() {
    let (code, err, _) = import_edges(b"from,to,strength\na,b,1\n\"c,d,1\ne,f,1\n");
    assert_eq!(code, Some(2));
    assert!(
        err.contains("<stdin>:3:") && err.contains("never closed"),
        "{err}"
    );
}

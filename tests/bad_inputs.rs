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

use Loc::{At, Lc, Nth};

fn syntax_cases() -> Vec<Case> {
    vec![
        case("empty file", "", Lc(1, 1), "", "the file is empty"),
        case(
            "whitespace only",
            "  \n\t \n",
            Lc(3, 1),
            "",
            "the file is empty",
        ),
        case(
            "truncated in an array",
            r#"{"units": [{"id": "a"}"#,
            Lc(1, 23),
            "",
            "expected ',' or ']' in an array, found the end of the file",
        ),
        case(
            "truncated in a string",
            r#"{"units": [{"id": "a"#,
            Lc(1, 21),
            "",
            "unexpected end of the file inside a string",
        ),
        case(
            "truncated after a colon",
            r#"{"units":"#,
            Lc(1, 10),
            "",
            "unexpected end of the file: expected a value",
        ),
        case(
            "truncated in a literal",
            r#"{"units": [], "directed": tru"#,
            At("tru"),
            "",
            "expected a value",
        ),
        case(
            "trailing comma in an object",
            "{\"units\": [],\n}",
            Lc(2, 1),
            "",
            "trailing comma before '}'",
        ),
        case(
            "trailing comma in an array",
            r#"{"units": [{"id": "a"},]}"#,
            At("]"),
            "",
            "trailing comma before ']'",
        ),
        case(
            "missing colon",
            r#"{"units" []}"#,
            At("["),
            "",
            "expected ':' after a key, found '['",
        ),
        case(
            "missing comma between members",
            "{\"units\": []\n \"title\": \"x\"}",
            Lc(2, 2),
            "",
            "expected ',' or '}' in an object",
        ),
        case(
            "single-quoted key",
            "{'units': []}",
            Lc(1, 2),
            "",
            "JSON strings and keys use double quotes",
        ),
        case(
            "single-quoted value",
            r#"{"units": [], "title": 'Acme'}"#,
            At("'Acme'"),
            "",
            "JSON strings and keys use double quotes",
        ),
        case(
            "line comment",
            "{\"units\": [] // none yet\n}",
            At("//"),
            "",
            "comments are not allowed in JSON",
        ),
        case(
            "block comment first",
            "/* org */ {\"units\": []}",
            Lc(1, 1),
            "",
            "comments are not allowed in JSON",
        ),
        case(
            "invalid escape",
            r#"{"units": [], "title": "a\qb"}"#,
            At("\\q"),
            "",
            "invalid escape \\q",
        ),
        case(
            "short unicode escape",
            r#"{"units": [], "title": "\u12"}"#,
            At("\\u12"),
            "",
            "expected four hex digits after \\u",
        ),
        case(
            "lone high surrogate",
            r#"{"units": [], "title": "x\ud800y"}"#,
            At("\\ud800"),
            "",
            "unpaired surrogate",
        ),
        case(
            "lone low surrogate",
            r#"{"units": [], "title": "\udc00"}"#,
            At("\\udc00"),
            "",
            "unpaired surrogate",
        ),
        case(
            "tab inside a string",
            "{\"units\": [], \"title\": \"a\tb\"}",
            At("\t"),
            "",
            "control character inside a string",
        ),
        case(
            "line break inside a string",
            "{\"units\": [], \"title\": \"two\nlines\"}",
            At("\nlines"),
            "",
            "control character inside a string",
        ),
        case(
            "leading zeros",
            r#"{"units": [{"id": "a", "size": 007}]}"#,
            At("007"),
            "",
            "a number may not start with 0 followed by digits",
        ),
        case(
            "number without digits after the point",
            r#"{"units": [{"id": "a", "size": 1.}]}"#,
            At("}]}"),
            "",
            "expected a digit after the decimal point",
        ),
        case(
            "bare NaN",
            r#"{"units": [], "scale": {"min": NaN, "max": 1}}"#,
            At("NaN"),
            "",
            "NaN and Infinity are not JSON numbers",
        ),
        case(
            "bare Infinity",
            r#"{"units": [], "scale": {"min": 0, "max": Infinity}}"#,
            At("Infinity"),
            "",
            "NaN and Infinity are not JSON numbers",
        ),
        case(
            "minus Infinity",
            r#"{"units": [], "scale": {"min": -Infinity, "max": 1}}"#,
            At("Infinity"),
            "",
            "Infinity is not a JSON number",
        ),
        case(
            "text after the document",
            "{\"units\": []}\n{}",
            Lc(2, 1),
            "",
            "unexpected text after the end of the JSON value",
        ),
        case(
            "duplicate top-level key",
            r#"{"units": [], "title": "a", "units": []}"#,
            Nth("\"units\"", 1),
            "",
            "duplicate key \"units\" in an object",
        ),
        case(
            "duplicate nested key",
            "{\"units\": [\n  {\"id\": \"a\", \"group\": \"x\", \"id\": \"b\"}\n]}",
            Nth("\"id\"", 1),
            "",
            "duplicate key \"id\" in an object",
        ),
        case(
            "deep nesting of arrays",
            "[".repeat(100_000),
            Lc(1, 129),
            "",
            "nesting deeper than 128 levels",
        ),
        case(
            "deep nesting of objects",
            format!(
                "{{\"units\": [], \"x-deep\": {}",
                "{\"a\": ".repeat(100_000)
            ),
            Nth("{\"a\": ", 127),
            "",
            "nesting deeper than 128 levels",
        ),
        case(
            "bidirectional control outside a string",
            b"{\"units\": []\xe2\x80\xae}".to_vec(),
            Lc(1, 13),
            "",
            "expected ',' or '}' in an object, found '\\u{202e}'",
        ),
        case(
            "zero-width space outside a string",
            "{\"units\": [\u{200b}]}",
            Lc(1, 12),
            "",
            "expected a value, found '\\u{200b}'",
        ),
        case(
            "binary garbage",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec(),
            Lc(1, 1),
            "",
            "the file is not valid UTF-8 text",
        ),
        case(
            "NUL bytes",
            b"\x00\x00\x00\x00".to_vec(),
            Lc(1, 1),
            "",
            "expected a value",
        ),
        case(
            "invalid UTF-8 in a string",
            b"{\"units\": [],\n \"title\": \"caf\xe9\"}".to_vec(),
            Lc(2, 15),
            "",
            "the file is not valid UTF-8 text",
        ),
        case(
            "byte order mark",
            b"\xef\xbb\xbf{\"units\": []}".to_vec(),
            Lc(1, 1),
            "",
            "byte order mark (BOM); save it as UTF-8 without BOM",
        ),
        case(
            "UTF-16 text",
            b"\xff\xfe{\x00}\x00".to_vec(),
            Lc(1, 1),
            "",
            "the file is UTF-16 text; save it as UTF-8",
        ),
    ]
}

fn type_cases() -> Vec<Case> {
    vec![
        case(
            "array at the top",
            "[]",
            Lc(1, 1),
            "",
            "expected an org object, found an array",
        ),
        case(
            "string at the top",
            "\"org\"",
            Lc(1, 1),
            "",
            "expected an org object, found a string",
        ),
        case(
            "null at the top",
            " null",
            Lc(1, 2),
            "",
            "expected an org object, found null",
        ),
        case(
            "missing units",
            "{}",
            Lc(1, 1),
            "",
            "missing required key \"units\"",
        ),
        case(
            "version as a string",
            r#"{"gapscope": "1", "units": []}"#,
            At("\"1\""),
            "gapscope",
            "expected the format version 1, found a string",
        ),
        case(
            "title as a number",
            r#"{"title": 7, "units": []}"#,
            At("7"),
            "title",
            "expected a string, found a number",
        ),
        case(
            "directed as a string",
            r#"{"directed": "yes", "units": []}"#,
            At("\"yes\""),
            "directed",
            "expected true or false, found a string",
        ),
        case(
            "scale as an array",
            r#"{"scale": [0, 5], "units": []}"#,
            At("[0"),
            "scale",
            "expected an object {\"min\": .., \"max\": ..}, found an array",
        ),
        case(
            "scale min as a string",
            r#"{"scale": {"min": "0", "max": 5}, "units": []}"#,
            At("\"0\""),
            "scale.min",
            "expected a number, found a string",
        ),
        case(
            "units as an object",
            r#"{"units": {"cio": {}}, "ties": [{"from": "a", "to": "b", "strength": 1}]}"#,
            At("{\"cio\""),
            "units",
            "expected an array, found an object",
        ),
        case(
            "unit as a string",
            r#"{"units": ["cio"]}"#,
            At("\"cio\""),
            "units[0]",
            "expected a unit object, found a string",
        ),
        case(
            "unit id as a number",
            r#"{"units": [{"id": 1}]}"#,
            At("1"),
            "units[0].id",
            "expected a string, found a number",
        ),
        case(
            "unit name as null",
            r#"{"units": [{"id": "a", "name": null}]}"#,
            At("null"),
            "units[0].name",
            "expected a string, found null",
        ),
        case(
            "unit group as an array",
            r#"{"units": [{"id": "a", "group": ["x"]}]}"#,
            At("[\"x\"]"),
            "units[0].group",
            "expected a string, found an array",
        ),
        case(
            "unit size as a string",
            r#"{"units": [{"id": "a", "size": "12"}]}"#,
            At("\"12\""),
            "units[0].size",
            "expected a number, found a string",
        ),
        case(
            "attrs as an array",
            r#"{"units": [{"id": "a", "attrs": [1]}]}"#,
            At("[1]"),
            "units[0].attrs",
            "expected an object of attributes, found an array",
        ),
        case(
            "attribute value as an object",
            r#"{"units": [{"id": "a", "attrs": {"site": "Paris", "head": {"n": 1}}}]}"#,
            At("{\"n\""),
            "units[0].attrs.head",
            "expected a string, number or boolean, found an object",
        ),
        case(
            "attribute value as null (odd key)",
            r#"{"units": [{"id": "a", "attrs": {"cost centre": null}}]}"#,
            At("null"),
            "units[0].attrs[\"cost centre\"]",
            "expected a string, number or boolean, found null",
        ),
        case(
            "ties as an object",
            doc(r#""ties": {}"#),
            At("{}"),
            "ties",
            "expected an array, found an object",
        ),
        case(
            "tie as an array",
            doc(r#""ties": [["cio", "cdo", 1]]"#),
            At("[\"cio\""),
            "ties[0]",
            "expected a tie object, found an array",
        ),
        case(
            "tie from as a number",
            doc(r#""ties": [{"from": 0, "to": "cdo", "strength": 1}]"#),
            At("0,"),
            "ties[0].from",
            "expected a string, found a number",
        ),
        case(
            "strength as a string",
            doc(r#""ties": [{"from": "cio", "to": "cdo", "strength": "high"}]"#),
            At("\"high\""),
            "ties[0].strength",
            "expected a number, found a string",
        ),
        case(
            "NaN written as a string",
            doc(r#""ties": [{"from": "cio", "to": "cdo", "strength": "NaN"}]"#),
            At("\"NaN\""),
            "ties[0].strength",
            "expected a number, found a string",
        ),
        case(
            "note as a number",
            doc(r#""ties": [{"from": "cio", "to": "cdo", "strength": 1, "note": 2026}]"#),
            At("2026"),
            "ties[0].note",
            "expected a string, found a number",
        ),
        case(
            "targets as a string",
            doc(r#""targets": "none""#),
            At("\"none\""),
            "targets",
            "expected an array, found a string",
        ),
        case(
            "target min as a boolean",
            doc(r#""targets": [{"from": "cio", "to": "cdo", "min": true}]"#),
            At("true"),
            "targets[0].min",
            "expected a number, found a boolean",
        ),
        case(
            "target why as an object",
            doc(r#""targets": [{"from": "cio", "to": "cdo", "min": 1, "why": {}}]"#),
            At("{}"),
            "targets[0].why",
            "expected a string, found an object",
        ),
        case(
            "target initiative as a number",
            doc(r#""targets": [{"from": "cio", "to": "cdo", "min": 1, "initiative": 3}]"#),
            At("3}"),
            "targets[0].initiative",
            "expected a string, found a number",
        ),
        case(
            "scale max as null",
            r#"{"scale": {"min": 0, "max": null}, "units": []}"#,
            At("null"),
            "scale.max",
            "expected a number, found null",
        ),
        case(
            "tie to as a boolean",
            doc(r#""ties": [{"from": "cio", "to": true, "strength": 1}]"#),
            At("true"),
            "ties[0].to",
            "expected a string, found a boolean",
        ),
        case(
            "target from as an array",
            doc(r#""targets": [{"from": ["cio"], "to": "cdo", "min": 1}]"#),
            At("[\"cio\"]"),
            "targets[0].from",
            "expected a string, found an array",
        ),
        case(
            "target to as null",
            doc(r#""targets": [{"from": "cio", "to": null, "min": 1}]"#),
            At("null"),
            "targets[0].to",
            "expected a string, found null",
        ),
        case(
            "initiative id as a number",
            doc(r#""initiatives": [{"id": 7}]"#),
            At("7"),
            "initiatives[0].id",
            "expected a string, found a number",
        ),
        case(
            "initiative description as an array",
            doc(r#""initiatives": [{"id": "ai", "description": ["a", "b"]}]"#),
            At("[\"a\""),
            "initiatives[0].description",
            "expected a string, found an array",
        ),
        case(
            "initiatives as an object",
            doc(r#""initiatives": {"ai": "AI rollout"}"#),
            At("{\"ai\""),
            "initiatives",
            "expected an array, found an object",
        ),
        case(
            "initiative as a string",
            doc(r#""initiatives": ["ai"]"#),
            At("\"ai\""),
            "initiatives[0]",
            "expected an initiative object, found a string",
        ),
        case(
            "initiative name as a number",
            doc(r#""initiatives": [{"id": "ai", "name": 1}]"#),
            At("1}"),
            "initiatives[0].name",
            "expected a string, found a number",
        ),
    ]
}

fn rule_cases() -> Vec<Case> {
    vec![
        case(
            "version 2",
            r#"{"gapscope": 2, "units": [], "new-in-v2": true}"#,
            At("2,"),
            "gapscope",
            "unsupported format version 2 (this gapscope reads version 1)",
        ),
        case(
            "version 1.5",
            r#"{"gapscope": 1.5, "units": []}"#,
            At("1.5"),
            "gapscope",
            "unsupported format version 1.5",
        ),
        case(
            "unknown top-level key",
            r#"{"units": [], "tittle": "Acme"}"#,
            At("\"tittle\""),
            "",
            "unknown key \"tittle\" (did you mean \"title\"?)",
        ),
        case(
            "unknown key far from any",
            r#"{"units": [], "comment": "hi"}"#,
            At("\"comment\""),
            "",
            "extension keys start with \"x-\"",
        ),
        case(
            "unknown unit key",
            r#"{"units": [{"id": "a", "nmae": "A"}]}"#,
            At("\"nmae\""),
            "units[0]",
            "unknown key \"nmae\" (did you mean \"name\"?)",
        ),
        case(
            "unknown scale key",
            r#"{"units": [], "scale": {"min": 0, "max": 5, "step": 1}}"#,
            At("\"step\""),
            "scale",
            "unknown key \"step\"",
        ),
        case(
            "unknown tie key",
            doc(r#""ties": [{"from": "cio", "to": "cdo", "strenght": 1}]"#),
            At("{\"from\""),
            "ties[0]",
            "missing required key \"strength\"",
        )
        .also(want(
            At("\"strenght\""),
            "ties[0]",
            "unknown key \"strenght\" (did you mean \"strength\"?)",
        )),
        case(
            "unknown target key",
            doc(r#""targets": [{"from": "cio", "to": "cdo", "min": 1, "weight": 2}]"#),
            At("\"weight\""),
            "targets[0]",
            "unknown key \"weight\"",
        ),
        case(
            "unknown initiative key",
            doc(r#""initiatives": [{"id": "ai", "owner": "cio"}]"#),
            At("\"owner\""),
            "initiatives[0]",
            "unknown key \"owner\"",
        ),
        case(
            "scale min equal to max",
            r#"{"units": [], "scale": {"min": 5, "max": 5}}"#,
            At("{\"min\""),
            "scale",
            "min (5) must be less than max (5)",
        ),
        case(
            "scale min above max",
            r#"{"units": [], "scale": {"min": 5, "max": 1}}"#,
            At("{\"min\""),
            "scale",
            "min (5) must be less than max (1)",
        ),
        case(
            "scale without max",
            r#"{"units": [], "scale": {"min": 0}}"#,
            At("{\"min\""),
            "scale",
            "missing required key \"max\"",
        ),
        case(
            "scale max 1e400",
            r#"{"units": [], "scale": {"min": 0, "max": 1e400}}"#,
            At("1e400"),
            "scale.max",
            "number out of range",
        ),
        case(
            "scale range too large",
            r#"{"units": [], "scale": {"min": -1e308, "max": 1e308}}"#,
            At("{\"min\""),
            "scale",
            "too large to represent",
        ),
        case(
            "unit without id",
            r#"{"units": [{"name": "CIO office"}]}"#,
            At("{\"name\""),
            "units[0]",
            "missing required key \"id\"",
        ),
        case(
            "empty unit id",
            r#"{"units": [{"id": ""}]}"#,
            At("\"\""),
            "units[0].id",
            "a unit id must not be empty",
        ),
        case(
            "duplicate unit id",
            "{\"units\": [\n {\"id\": \"cio\"},\n {\"id\": \"cdo\"},\n {\"id\": \"cio\"}\n]}",
            Lc(4, 9),
            "units[2].id",
            "duplicate unit id \"cio\" (first at units[0])",
        ),
        case(
            "negative size",
            r#"{"units": [{"id": "a", "size": -3}]}"#,
            At("-3"),
            "units[0].size",
            "expected a whole number from 0 to 2^53, found -3",
        ),
        case(
            "fractional size",
            r#"{"units": [{"id": "a", "size": 2.5}]}"#,
            At("2.5"),
            "units[0].size",
            "expected a whole number from 0 to 2^53",
        ),
        case(
            "size above 2^53",
            r#"{"units": [{"id": "a", "size": 1e16}]}"#,
            At("1e16"),
            "units[0].size",
            "expected a whole number from 0 to 2^53",
        ),
        case(
            "size 1e400",
            r#"{"units": [{"id": "a", "size": 1e400}]}"#,
            At("1e400"),
            "units[0].size",
            "number out of range",
        ),
        case(
            "attribute number 1e400",
            r#"{"units": [{"id": "a", "attrs": {"budget": 1e400}}]}"#,
            At("1e400"),
            "units[0].attrs.budget",
            "number out of range",
        ),
        case(
            "x- key with 1e400",
            r#"{"units": [], "x-tool": {"runs": [1, -1e400]}}"#,
            At("-1e400"),
            "x-tool.runs[1]",
            "number out of range",
        ),
        case(
            "tie to an unknown unit, close to a known one",
            doc(r#""ties": [{"from": "cio", "to": "cdoo", "strength": 1}]"#),
            At("\"cdoo\""),
            "ties[0].to",
            "unknown unit \"cdoo\" (did you mean \"cdo\"?)",
        ),
        case(
            "tie naming a unit by its name",
            doc(r#""ties": [{"from": "Data office", "to": "cio", "strength": 1}]"#),
            Nth("\"Data office\"", 1),
            "ties[0].from",
            "\"Data office\" is the name of unit \"cdo\"; ties and targets use ids",
        ),
        case(
            "tie without from",
            doc(r#""ties": [{"to": "cio", "strength": 1}]"#),
            At("{\"to\""),
            "ties[0]",
            "missing required key \"from\"",
        ),
        case(
            "self tie",
            doc(r#""ties": [{"from": "cio", "to": "cio", "strength": 1}]"#),
            At("{\"from\""),
            "ties[0]",
            "a tie from \"cio\" to itself",
        ),
        case(
            "duplicate undirected tie, reversed",
            doc(
                r#""ties": [{"from": "cio", "to": "cdo", "strength": 1}, {"from": "cdo", "to": "cio", "strength": 0.5}]"#,
            ),
            At("{\"from\": \"cdo\""),
            "ties[1]",
            "duplicate tie \"cdo\" - \"cio\" (first at ties[0]; in an undirected file a-b and b-a are the same pair)",
        ),
        case(
            "duplicate directed tie",
            doc(
                r#""directed": true, "ties": [{"from": "cio", "to": "cdo", "strength": 1}, {"from": "cdo", "to": "cio", "strength": 1}, {"from": "cio", "to": "cdo", "strength": 0}]"#,
            ),
            Nth("{\"from\": \"cio\"", 1),
            "ties[2]",
            "duplicate tie \"cio\" - \"cdo\" (first at ties[0]; the same rating twice)",
        ),
        case(
            "strength below the scale",
            doc(
                r#""scale": {"min": 1, "max": 5}, "ties": [{"from": "cio", "to": "cdo", "strength": 0}]"#,
            ),
            At("0}"),
            "ties[0].strength",
            "0 is outside the scale 1..5",
        ),
        case(
            "strength above the default scale",
            doc(r#""ties": [{"from": "cio", "to": "cdo", "strength": 1.5}]"#),
            At("1.5"),
            "ties[0].strength",
            "1.5 is outside the scale 0..1",
        ),
        case(
            "strength 1e400",
            doc(r#""ties": [{"from": "cio", "to": "cdo", "strength": 1e400}]"#),
            At("1e400"),
            "ties[0].strength",
            "number out of range",
        ),
        case(
            "target outside the scale",
            doc(
                r#""scale": {"min": 0, "max": 5}, "targets": [{"from": "cio", "to": "cdo", "min": -1}]"#,
            ),
            At("-1"),
            "targets[0].min",
            "-1 is outside the scale 0..5",
        ),
        case(
            "target without min",
            doc(r#""targets": [{"from": "cio", "to": "cdo"}]"#),
            At("{\"from\""),
            "targets[0]",
            "missing required key \"min\"",
        ),
        case(
            "target to itself",
            doc(r#""targets": [{"from": "ciso", "to": "ciso", "min": 1}]"#),
            At("{\"from\""),
            "targets[0]",
            "a target from \"ciso\" to itself",
        ),
        case(
            "target to an unknown unit",
            doc(r#""targets": [{"from": "cfo", "to": "cio", "min": 1}]"#),
            At("\"cfo\""),
            "targets[0].from",
            "unknown unit \"cfo\" (did you mean \"cdo\"?)",
        ),
        case(
            "target with an unknown initiative",
            doc(
                r#""initiatives": [{"id": "ai"}], "targets": [{"from": "cio", "to": "cdo", "min": 1, "initiative": "aii"}]"#,
            ),
            At("\"aii\""),
            "targets[0].initiative",
            "unknown initiative \"aii\" (did you mean \"ai\"?)",
        ),
        case(
            "target with an initiative that is not listed",
            doc(r#""targets": [{"from": "cio", "to": "cdo", "min": 1, "initiative": "privacy"}]"#),
            At("\"privacy\""),
            "targets[0].initiative",
            "unknown initiative \"privacy\" (list it under \"initiatives\")",
        ),
        case(
            "two targets for a pair in one initiative",
            doc(
                r#""initiatives": [{"id": "ai"}], "targets": [{"from": "cio", "to": "cdo", "min": 1, "initiative": "ai"}, {"from": "cio", "to": "cdo", "min": 0.5}, {"from": "cdo", "to": "cio", "min": 0.8, "initiative": "ai"}]"#,
            ),
            At("{\"from\": \"cdo\""),
            "targets[2]",
            "a second target for \"cdo\" - \"cio\" in initiative \"ai\" (first at targets[0])",
        ),
        case(
            "two baseline targets for a pair",
            doc(
                r#""targets": [{"from": "cio", "to": "ciso", "min": 1}, {"from": "ciso", "to": "cio", "min": 0.5}]"#,
            ),
            At("{\"from\": \"ciso\""),
            "targets[1]",
            "a second target for \"ciso\" - \"cio\" in the baseline (no initiative) (first at targets[0])",
        ),
        case(
            "initiative without id",
            doc(r#""initiatives": [{"name": "AI rollout"}]"#),
            At("{\"name\": \"AI"),
            "initiatives[0]",
            "missing required key \"id\"",
        ),
        case(
            "empty initiative id",
            doc(r#""initiatives": [{"id": ""}]"#),
            At("\"\""),
            "initiatives[0].id",
            "an initiative id must not be empty",
        ),
        case(
            "duplicate initiative id",
            doc(r#""initiatives": [{"id": "ai"}, {"id": "ai", "name": "AI"}]"#),
            Nth("\"ai\"", 1),
            "initiatives[1].id",
            "duplicate initiative id \"ai\" (first at initiatives[0])",
        ),
        case(
            "escape sequence in an unknown unit is shown escaped",
            doc(r#""ties": [{"from": "cio", "to": "\u001b[2Jx", "strength": 1}]"#),
            At("\"\\u001b"),
            "ties[0].to",
            "unknown unit \"\\u{1b}[2Jx\"",
        ),
    ]
}

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
fn malformed_json_is_located() {
    assert!(run_all(syntax_cases()) >= 30);
}

#[test]
fn wrong_types_are_located_with_their_path() {
    assert!(run_all(type_cases()) >= 25);
}

#[test]
fn every_format_rule_is_enforced() {
    assert!(run_all(rule_cases()) >= 40);
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
        "nowhere.json: cannot read: no such file or directory\ngapscope: 1 of 1 file is invalid\n"
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

//! A checker for the part of JSON Schema (draft 2020-12) that `gapscope schema` uses.
//!
//! The schema test once used the `jsonschema` crate, which brought 40 crates into every
//! test build and changed the features of crates the binary shares (so switching between
//! `cargo run --release` and a release example rebuilt gapscope). The org schema needs a
//! dozen keywords; this checks them, and refuses any other keyword, so a schema that grows
//! a keyword this does not know fails the test instead of passing unchecked.

use serde_json::{Map, Value};

/// Keywords that only describe (no effect on validity).
const ANNOTATIONS: [&str; 5] = ["$schema", "$id", "$defs", "title", "description"];
/// Keywords this checker applies.
const CHECKED: [&str; 12] = [
    "type",
    "const",
    "properties",
    "required",
    "patternProperties",
    "additionalProperties",
    "items",
    "$ref",
    "minimum",
    "minLength",
    "enum",
    "pattern",
];

/// The one string pattern the schema uses: an ISO date's shape (the day's existence is
/// gapscope's check, not the schema's).
const DATE_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

/// A schema document, with its `$defs` for `$ref`.
pub(crate) struct Schema {
    root: Value,
}

impl Schema {
    /// Takes a schema; panics on a keyword outside the supported subset (a test helper).
    pub(crate) fn new(root: Value) -> Schema {
        check_keywords(&root, "#");
        Schema { root }
    }

    /// The problems of `doc` (empty: valid), each with its JSON pointer.
    pub(crate) fn errors(&self, doc: &Value) -> Vec<String> {
        let mut out = Vec::new();
        self.check(&self.root, doc, "", &mut out);
        out
    }

    /// Whether `doc` is valid.
    pub(crate) fn is_valid(&self, doc: &Value) -> bool {
        self.errors(doc).is_empty()
    }

    fn resolve<'a>(&'a self, reference: &str) -> &'a Value {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("only local $ref is supported: {reference}"));
        self.root
            .pointer(pointer)
            .unwrap_or_else(|| panic!("dangling $ref {reference}"))
    }

    fn check(&self, schema: &Value, doc: &Value, at: &str, out: &mut Vec<String>) {
        let s = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => return out.push(format!("{at}: not allowed")),
            Value::Object(s) => s,
            other => panic!("a schema is an object or a boolean, not {other}"),
        };
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            self.check(self.resolve(r), doc, at, out);
        }
        if let Some(t) = s.get("type") {
            let names: Vec<&str> = match t {
                Value::String(one) => vec![one.as_str()],
                Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
                _ => panic!("bad type {t}"),
            };
            if !names.iter().any(|n| has_type(doc, n)) {
                out.push(format!("{at}: {doc} is not of type {t}"));
            }
        }
        if let Some(c) = s.get("const")
            && !same(c, doc)
        {
            out.push(format!("{at}: {doc} is not {c}"));
        }
        if let Some(Value::Array(options)) = s.get("enum")
            && !options.iter().any(|o| same(o, doc))
        {
            out.push(format!("{at}: {doc} is not one of {options:?}"));
        }
        if let (Some(min), Some(n)) = (s.get("minimum").and_then(Value::as_f64), doc.as_f64())
            && n < min
        {
            out.push(format!("{at}: {n} is less than {min}"));
        }
        if let (Some(min), Some(text)) = (s.get("minLength").and_then(Value::as_u64), doc.as_str())
            && (text.chars().count() as u64) < min
        {
            out.push(format!("{at}: {text:?} is shorter than {min}"));
        }
        if let (Some(pattern), Some(text)) =
            (s.get("pattern").and_then(Value::as_str), doc.as_str())
            && !string_matches(pattern, text)
        {
            out.push(format!("{at}: {text:?} does not match {pattern}"));
        }
        if let (Some(items), Value::Array(list)) = (s.get("items"), doc) {
            for (i, item) in list.iter().enumerate() {
                self.check(items, item, &format!("{at}/{i}"), out);
            }
        }
        if let Value::Object(obj) = doc {
            self.check_object(s, obj, at, out);
        }
    }

    fn check_object(
        &self,
        s: &Map<String, Value>,
        obj: &Map<String, Value>,
        at: &str,
        out: &mut Vec<String>,
    ) {
        for key in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let key = key.as_str().expect("required names are strings");
            if !obj.contains_key(key) {
                out.push(format!("{at}: {key} is required"));
            }
        }
        let properties = s.get("properties").and_then(Value::as_object);
        let patterns = s.get("patternProperties").and_then(Value::as_object);
        for (key, value) in obj {
            let here = format!("{at}/{key}");
            let mut matched = false;
            if let Some(p) = properties.and_then(|p| p.get(key)) {
                matched = true;
                self.check(p, value, &here, out);
            }
            for (pattern, sub) in patterns.into_iter().flatten() {
                if pattern_matches(pattern, key) {
                    matched = true;
                    self.check(sub, value, &here, out);
                }
            }
            if !matched && let Some(extra) = s.get("additionalProperties") {
                self.check(extra, value, &here, out);
            }
        }
    }
}

/// Supported patterns: a literal prefix such as `^x-`.
fn pattern_matches(pattern: &str, key: &str) -> bool {
    let prefix = pattern
        .strip_prefix('^')
        .filter(|p| {
            p.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        })
        .unwrap_or_else(|| panic!("only literal-prefix patterns are supported: {pattern}"));
    key.starts_with(prefix)
}

/// Supported string patterns: the date shape only; any other panics (unchecked otherwise).
fn string_matches(pattern: &str, text: &str) -> bool {
    assert_eq!(pattern, DATE_PATTERN, "only the date pattern is supported");
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[test]
fn the_date_pattern_checks_the_shape() {
    for ok in ["2026-11-30", "2027-02-31", "0001-01-01"] {
        assert!(string_matches(DATE_PATTERN, ok), "{ok}");
    }
    for bad in [
        "2026-13-01",
        "2026-00-10",
        "2026-1-01",
        "26-11-30",
        "2026-11-32",
        "2026/11/30",
        "2026-11-30x",
    ] {
        assert!(!string_matches(DATE_PATTERN, bad), "{bad}");
    }
}

fn has_type(v: &Value, name: &str) -> bool {
    match name {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        "number" => v.is_number(),
        // JSON Schema: 2.0 is an integer too.
        "integer" => v.as_f64().is_some_and(|n| n.fract() == 0.0),
        other => panic!("unknown type {other}"),
    }
}

/// JSON equality with numbers compared by value (1 equals 1.0).
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// Panics on a keyword outside the subset, anywhere in the schema.
fn check_keywords(schema: &Value, at: &str) {
    let Value::Object(s) = schema else { return };
    for (key, value) in s {
        assert!(
            ANNOTATIONS.contains(&key.as_str()) || CHECKED.contains(&key.as_str()),
            "{at}: the schema uses {key}, which tests/it/schema_subset.rs does not check"
        );
        let children: Vec<(String, &Value)> = match key.as_str() {
            "properties" | "patternProperties" | "$defs" => value
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, v)| (format!("{at}/{key}/{k}"), v))
                .collect(),
            "items" | "additionalProperties" => vec![(format!("{at}/{key}"), value)],
            _ => Vec::new(),
        };
        for (path, child) in children {
            check_keywords(child, &path);
        }
    }
}

#[test]
fn the_checker_refuses_keywords_it_does_not_know() {
    let r = std::panic::catch_unwind(|| {
        Schema::new(serde_json::json!({"properties": {"a": {"maxLength": 3}}}))
    });
    assert!(r.is_err(), "an unknown keyword must not pass unchecked");
}

#[test]
fn the_checker_applies_each_keyword() {
    let s = Schema::new(serde_json::json!({
        "type": "object",
        "required": ["a"],
        "properties": {
            "a": {"$ref": "#/$defs/n"},
            "b": {"type": "array", "items": {"type": "string", "minLength": 1}},
            "c": {"enum": ["x", "y"]}
        },
        "patternProperties": {"^x-": true},
        "additionalProperties": false,
        "$defs": {"n": {"type": "integer", "minimum": 0}}
    }));
    assert!(s.is_valid(&serde_json::json!({"a": 2.0, "b": ["z"], "c": "y", "x-any": [1]})));
    for bad in [
        serde_json::json!({}),
        serde_json::json!({"a": -1}),
        serde_json::json!({"a": 1.5}),
        serde_json::json!({"a": 1, "b": [""]}),
        serde_json::json!({"a": 1, "b": "z"}),
        serde_json::json!({"a": 1, "c": "z"}),
        serde_json::json!({"a": 1, "other": 1}),
        serde_json::json!([]),
    ] {
        assert!(!s.is_valid(&bad), "accepted {bad}");
    }
}

//! What the parser builds: positioned nodes, or, for the values of `x-` keys in an org
//! document, nothing but a check ([`Skip`]): their text is kept (the same grammar and
//! messages, one parser).

use serde_json::Value;
use serde_json::value::RawValue;

use super::{Json, Node, Parser, Pos, SyntaxError};

/// Why parsing stopped.
pub(super) enum Stop {
    /// The text is not JSON (or too deep).
    Syntax(SyntaxError),
    /// A number too large to represent in an `x-` value: read the value as nodes again, so
    /// that decoding says where it is.
    OutOfRange,
}

impl Stop {
    /// The syntax error; `OutOfRange` never leaves a parse into nodes.
    pub(super) fn syntax(self) -> SyntaxError {
        match self {
            Stop::Syntax(e) => e,
            Stop::OutOfRange => SyntaxError {
                pos: Pos { line: 1, col: 1 },
                message: "number out of range (too large to represent)".into(),
            },
        }
    }
}

impl From<SyntaxError> for Stop {
    fn from(e: SyntaxError) -> Stop {
        Stop::Syntax(e)
    }
}

/// A JSON value as the parser builds it.
pub(super) trait Tree: Sized {
    /// A string, number, boolean or null at `pos`.
    fn scalar(pos: Pos, value: Json) -> Result<Self, Stop>;
    /// An array.
    fn array(pos: Pos, items: Vec<Self>) -> Self;
    /// An object, keys in file order (no duplicates).
    fn object(pos: Pos, members: Vec<(String, Pos, Self)>) -> Self;
    /// The value of the object member `key`; the parser stands at its first character.
    fn member(p: &mut Parser, _key: &str, depth: usize) -> Result<Self, Stop> {
        p.value::<Self>(depth)
    }
}

impl Tree for Node {
    fn scalar(pos: Pos, value: Json) -> Result<Node, Stop> {
        Ok(Node { pos, value })
    }

    fn array(pos: Pos, items: Vec<Node>) -> Node {
        Node {
            pos,
            value: Json::Array(items),
        }
    }

    fn object(pos: Pos, members: Vec<(String, Pos, Node)>) -> Node {
        Node {
            pos,
            value: Json::Object(members),
        }
    }

    fn member(p: &mut Parser, key: &str, depth: usize) -> Result<Node, Stop> {
        if !p.compact_extensions {
            return p.value::<Node>(depth);
        }
        if key == "attrs" {
            // Inside `attrs` an `x-` key is an ordinary attribute.
            p.compact_extensions = false;
            let attrs = p.value::<Node>(depth);
            p.compact_extensions = true;
            return attrs;
        }
        if !key.starts_with("x-") {
            return p.value::<Node>(depth);
        }
        let pos = p.pos();
        let start = (p.i, p.line, p.line_start, p.col_cache.get());
        let raw = match p.value::<Skip>(depth) {
            Ok(Skip) => std::str::from_utf8(&p.s[start.0..p.i])
                .ok()
                .and_then(|text| RawValue::from_string(text.to_owned()).ok()),
            Err(Stop::OutOfRange) => None,
            Err(e) => return Err(e),
        };
        match raw {
            Some(raw) => Ok(Node {
                pos,
                value: Json::Extension(Box::new(super::Kept(std::cell::RefCell::new(Some(raw))))),
            }),
            None => {
                // Read it again as nodes, so that decoding says where the problem is.
                (p.i, p.line, p.line_start) = (start.0, start.1, start.2);
                p.col_cache.set(start.3);
                p.value::<Node>(depth)
            }
        }
    }
}

/// A value checked by the parser's rules and not kept: the text of an `x-` value is kept
/// instead ([`RawValue`]).
pub(super) struct Skip;

impl Tree for Skip {
    fn scalar(_: Pos, value: Json) -> Result<Skip, Stop> {
        match value {
            // A literal too large for a double is an error wherever it appears
            // (docs/format.md); decoding says where.
            Json::Number { value, .. } if !value.is_finite() => Err(Stop::OutOfRange),
            _ => Ok(Skip),
        }
    }

    fn array(_: Pos, _: Vec<Skip>) -> Skip {
        Skip
    }

    fn object(_: Pos, _: Vec<(String, Pos, Skip)>) -> Skip {
        Skip
    }
}

/// A JSON number as gapscope keeps it in an `x-` value: a whole number written without a
/// fraction or exponent (below 2^53) as an integer (`-0` as `0`), anything else as f64;
/// `None` when it is not finite (too large to represent).
pub fn number_value(value: f64, integral: bool) -> Option<Value> {
    if !value.is_finite() {
        return None;
    }
    let v = value + 0.0;
    if integral && v.abs() < 9_007_199_254_740_992.0 {
        Some(Value::from(v as i64))
    } else {
        serde_json::Number::from_f64(value).map(Value::Number)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Json, parse, parse_org};
    use crate::model::decode::decode;
    use crate::model::fields::Problems;

    /// Decodes a tree: the problems, as text (`Problem` is compared whole).
    fn problems(tree: &super::Node) -> String {
        let mut out = Problems::default();
        decode(tree, &mut out);
        format!("{:?}", out.list)
    }

    /// The problems through `parse_org` are those through positioned nodes.
    fn same(text: &str) {
        let nodes = parse(text.as_bytes()).map(|t| problems(&t));
        let compact = parse_org(text.as_bytes()).map(|t| problems(&t));
        assert_eq!(nodes, compact, "{text}");
    }

    const UNITS: &str =
        r#""units": [{"id": "a", "x-u": [1, {"k": null}], "attrs": {"x-at": "t"}}]"#;

    #[test]
    fn extension_values_keep_their_text() {
        for x in [
            r#"[0, -0, -0.0, 1.5, 1e2, 9007199254740992, -9007199254740991, 18446744073709551616]"#,
            r#"{"b": [true, false, null, "é\u0000\ud83d\ude00"], "x-nested": {"a": []}, "c": {}}"#,
            r#"[[[[]]], {"": ""}]"#,
            "[]",
            "{}",
        ] {
            let text = format!(
                r#"{{"gapscope": 1, {UNITS}, "x-v": {x}, "scale": {{"min": 0, "max": 1, "x-s": {x}}}}}"#
            );
            same(&text);
            let mut out = Problems::default();
            let org = decode(&parse_org(text.as_bytes()).unwrap(), &mut out);
            assert!(out.is_empty(), "{text}");
            assert_eq!(org.extra.get("x-v").map(|r| r.get()), Some(x));
            assert_eq!(org.scale_extra.get("x-s").map(|r| r.get()), Some(x));
            assert_eq!(
                org.units[0].extra.get("x-u").map(|r| r.get()),
                Some(r#"[1, {"k": null}]"#)
            );
        }
    }

    #[test]
    fn problems_inside_extension_values_are_located_as_before() {
        for x in [
            "[1, 2, 1e400]",            // out of range: decode names x-v[2]
            r#"{"a": {"b": [1e999]}}"#, // out of range, nested
            r#"{"a": 1, "a": 2}"#,      // duplicate key
            "[1, 2,]",                  // trailing comma
            "[1 2]",                    // missing comma
            r#"["\x"]"#,                // bad escape
            "[01]",                     // leading zero
        ] {
            same(&format!(r#"{{"gapscope": 1, {UNITS}, "x-v": {x}}}"#));
        }
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        same(&format!(r#"{{"gapscope": 1, {UNITS}, "x-v": {deep}}}"#));
        // An array under an attribute named x-...: still a wrong type, at the same place.
        same(r#"{"gapscope": 1, "units": [{"id": "a", "attrs": {"x-at": [1]}}]}"#);
    }

    #[test]
    fn a_node_stays_small() {
        // Every value of a file not read as an extension is a node: 48 bytes at 100,000
        // units are 500 MB of nodes; an inline `Value` (72 bytes) would double that.
        assert!(std::mem::size_of::<super::Node>() <= 48);
    }

    #[test]
    fn extension_containers_are_values_not_nodes() {
        let tree = parse_org(br#"{"x-a": [0, 0, 0], "x-b": 1, "c": [0]}"#).unwrap();
        let Json::Object(members) = &tree.value else {
            panic!("not an object")
        };
        assert!(matches!(members[0].2.value, Json::Extension(_)));
        assert!(matches!(members[1].2.value, Json::Extension(_)));
        assert!(matches!(members[2].2.value, Json::Array(_)));
        assert_eq!(members[0].2.value.kind(), "an array");
        assert_eq!(members[1].2.value.kind(), "a number");
        assert_eq!(
            members[0]
                .2
                .value
                .take_extension()
                .map(|r| r.get().to_string()),
            Some("[0, 0, 0]".to_string())
        );
    }
}

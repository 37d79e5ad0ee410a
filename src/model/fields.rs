//! Typed access to the members of a parsed JSON object, collecting located problems.

use serde_json::Value;
use serde_json::value::RawValue;

use super::error::{Problem, quote};
use super::json::{Json, Node, Pos};
use super::suggest::did_you_mean;
use super::types::Extra;

/// Collects problems while a document is decoded.
#[derive(Debug, Default)]
pub(super) struct Problems {
    /// Problems in the order found.
    pub list: Vec<Problem>,
}

impl Problems {
    /// Records a problem at a position and path.
    pub(super) fn add(&mut self, pos: Pos, path: &str, message: impl Into<String>) {
        self.list.push(Problem {
            pos,
            path: path.to_string(),
            message: message.into(),
        });
    }

    /// Records "expected X, found Y" for a node.
    pub(super) fn wrong_type(&mut self, node: &Node, path: &str, expected: &str) {
        self.add(
            node.pos,
            path,
            format!("expected {expected}, found {}", node.value.kind()),
        );
    }

    /// Whether nothing was recorded.
    pub(super) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// The members of one JSON object, checked against the keys it may have.
pub(super) struct Fields<'a> {
    /// Position of the object.
    pub pos: Pos,
    /// Path of the object.
    pub path: String,
    members: Vec<(&'a str, &'a Node)>,
    /// The object's `x-` keys.
    pub extra: Extra,
}

/// Appends a key to a JSON path.
pub(super) fn join(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    match (path.is_empty(), plain) {
        (true, true) => key.to_string(),
        (false, true) => format!("{path}.{key}"),
        (_, false) => format!("{path}[{}]", quote(key)),
    }
}

/// Appends an array index to a JSON path.
pub(super) fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

impl<'a> Fields<'a> {
    /// Checks that `node` is an object whose keys are among `allowed` (or start with `x-`).
    pub(super) fn of(
        node: &'a Node,
        path: &str,
        what: &str,
        allowed: &[&str],
        out: &mut Problems,
    ) -> Option<Fields<'a>> {
        let Json::Object(members) = &node.value else {
            out.wrong_type(node, path, what);
            return None;
        };
        let mut fields = Fields {
            pos: node.pos,
            path: path.to_string(),
            members: Vec::with_capacity(members.len()),
            extra: Extra::new(),
        };
        for (key, key_pos, value) in members {
            if key.starts_with("x-") {
                match to_raw(value, &join(path, key), out) {
                    Some(v) => {
                        // The parser refused repeated keys.
                        fields.extra.push_new(key.clone(), v);
                    }
                    None => continue,
                }
            } else if allowed.contains(&key.as_str()) {
                fields.members.push((key.as_str(), value));
            } else {
                let hint = match did_you_mean(key, allowed.iter().copied()) {
                    Some(s) => format!("did you mean {}?", quote(s)),
                    None => format!(
                        "expected one of: {}; extension keys start with \"x-\"",
                        allowed.join(", ")
                    ),
                };
                out.add(
                    *key_pos,
                    path,
                    format!("unknown key {} ({hint})", quote(key)),
                );
            }
        }
        Some(fields)
    }

    /// The node of a key, if present.
    pub(super) fn get(&self, key: &str) -> Option<&'a Node> {
        self.members
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, node)| *node)
    }

    /// Path of a member.
    pub(super) fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// Reports a missing required key.
    pub(super) fn missing(&self, key: &str, out: &mut Problems) {
        out.add(
            self.pos,
            &self.path,
            format!("missing required key {}", quote(key)),
        );
    }

    /// An optional string member.
    pub(super) fn string(&self, key: &str, out: &mut Problems) -> Option<String> {
        let node = self.get(key)?;
        match &node.value {
            Json::String(s) => Some(s.clone()),
            _ => {
                out.wrong_type(node, &self.path_of(key), "a string");
                None
            }
        }
    }

    /// A required string member.
    pub(super) fn required_string(&self, key: &str, out: &mut Problems) -> Option<String> {
        if self.get(key).is_none() {
            self.missing(key, out);
            return None;
        }
        self.string(key, out)
    }

    /// An optional finite number member.
    pub(super) fn number(&self, key: &str, out: &mut Problems) -> Option<f64> {
        let node = self.get(key)?;
        finite(node, &self.path_of(key), out)
    }

    /// A required finite number member.
    pub(super) fn required_number(&self, key: &str, out: &mut Problems) -> Option<f64> {
        if self.get(key).is_none() {
            self.missing(key, out);
            return None;
        }
        self.number(key, out)
    }

    /// An optional boolean member.
    pub(super) fn bool(&self, key: &str, out: &mut Problems) -> Option<bool> {
        let node = self.get(key)?;
        match node.value {
            Json::Bool(b) => Some(b),
            _ => {
                out.wrong_type(node, &self.path_of(key), "true or false");
                None
            }
        }
    }

    /// An optional non-negative integer member (at most 2^53, exact in every JSON reader).
    pub(super) fn count(&self, key: &str, out: &mut Problems) -> Option<u64> {
        let node = self.get(key)?;
        let path = self.path_of(key);
        let value = finite(node, &path, out)?;
        // From 2^53 on, a JSON number is no longer exact (9007199254740993 reads as
        // 9007199254740992): refused rather than silently rounded.
        if value < 0.0 || value.fract() != 0.0 || value >= 9_007_199_254_740_992.0 {
            out.add(
                node.pos,
                &path,
                format!(
                    "expected a whole number from 0 to 2^53 - 1 (9007199254740991), found {}",
                    crate::text::number(value)
                ),
            );
            return None;
        }
        Some(value as u64)
    }

    /// An optional array member.
    pub(super) fn array(&self, key: &str, out: &mut Problems) -> Option<&'a [Node]> {
        let node = self.get(key)?;
        match &node.value {
            Json::Array(items) => Some(items),
            _ => {
                out.wrong_type(node, &self.path_of(key), "an array");
                None
            }
        }
    }
}

/// A node that must be a finite number.
pub(super) fn finite(node: &Node, path: &str, out: &mut Problems) -> Option<f64> {
    match node.value {
        // `+ 0.0` makes -0 plain 0: a strength of "-0" is none, and never prints as "-0".
        Json::Number { value, .. } if value.is_finite() => Some(value + 0.0),
        Json::Number { .. } => {
            out.add(
                node.pos,
                path,
                "number out of range (too large to represent)",
            );
            None
        }
        _ => {
            out.wrong_type(node, path, "a number");
            None
        }
    }
}

/// The JSON text of an `x-` key's value: as read by `json::parse_org`, or written from the
/// nodes (non-finite numbers are refused).
pub(super) fn to_raw(node: &Node, path: &str, out: &mut Problems) -> Option<Box<RawValue>> {
    match &node.value {
        // Read by `json::parse_org` as text; taken, not copied.
        Json::Extension(_) => node.value.take_extension(),
        _ => serde_json::value::to_raw_value(&to_value(node, path, out)?).ok(),
    }
}

/// Converts a node into a serde_json value; non-finite numbers are refused.
fn to_value(node: &Node, path: &str, out: &mut Problems) -> Option<Value> {
    Some(match &node.value {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number { value, integral } => {
            finite(node, path, out)?;
            super::json::number_value(*value, *integral)?
        }
        Json::Extension(_) => serde_json::from_str(node.value.take_extension()?.get()).ok()?,
        Json::String(s) => Value::String(s.clone()),
        Json::Array(items) => {
            let mut out_items = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                out_items.push(to_value(item, &index(path, i), out)?);
            }
            Value::Array(out_items)
        }
        Json::Object(members) => {
            let mut map = serde_json::Map::new();
            for (k, _, v) in members {
                map.insert(k.clone(), to_value(v, &join(path, k), out)?);
            }
            Value::Object(map)
        }
    })
}

//! Writing a document back to JSON: pretty, in a stable key order, units and ties in order.
//!
//! The document is written as a stream ([`write`]): no tree of values is built first, and
//! the values of `x-` keys go out as the JSON text they were read as (docs/format.md, "How
//! gapscope saves a file").

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;
use serde_json::value::RawValue;

use super::types::{
    Action, AttrValue, Date, Extra, Initiative, Org, Review, Scale, Target, Tie, Unit,
};

/// A number as JSON: whole values are written without a fraction so files stay tidy.
pub fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
        Value::from(x as i64)
    } else {
        serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
    }
}

/// Writes the document as pretty JSON (two-space indent) with a final newline.
/// `more` is one more top-level `x-` key written after the document's own (a recovery
/// file's note of where it came from).
pub fn write<W: std::io::Write>(
    org: &Org,
    more: Option<(&str, &RawValue)>,
    out: W,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &Document { org, more })
        .map_err(std::io::Error::from)?;
    std::io::Write::write_all(&mut out, b"\n")?;
    std::io::Write::flush(&mut out)
}

/// The document as pretty JSON text with a final newline.
pub fn to_string(org: &Org) -> String {
    to_string_with(org, None)
}

/// [`to_string`] with one more top-level `x-` key (see [`write`]).
pub fn to_string_with(org: &Org, more: Option<(&str, &RawValue)>) -> String {
    let mut bytes = Vec::new();
    // Writing into memory fails only when a value cannot be written, which `Org` never holds.
    let _ = write(org, more, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// The whole file: keys in the order of docs/format.md, `x-` keys last.
struct Document<'a> {
    org: &'a Org,
    more: Option<(&'a str, &'a RawValue)>,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let org = self.org;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("gapscope", &1)?;
        opt(&mut m, "title", &org.title)?;
        m.serialize_entry("directed", &org.directed)?;
        m.serialize_entry("scale", &ScaleOut(org.scale, &org.scale_extra))?;
        m.serialize_entry("units", &List(&org.units))?;
        m.serialize_entry("ties", &List(&org.ties))?;
        if !org.targets.is_empty() {
            m.serialize_entry("targets", &List(&org.targets))?;
        }
        if !org.initiatives.is_empty() {
            m.serialize_entry("initiatives", &List(&org.initiatives))?;
        }
        if !org.actions.is_empty() {
            m.serialize_entry("actions", &List(&org.actions))?;
        }
        if !org.reviews.is_empty() {
            m.serialize_entry("reviews", &List(&org.reviews))?;
        }
        extra(&mut m, &org.extra)?;
        if let Some((key, value)) = self.more {
            m.serialize_entry(key, value)?;
        }
        m.end()
    }
}

/// A list of items, each written as its object.
struct List<'a, T>(&'a [T]);

impl<T> Serialize for List<'_, T>
where
    for<'b> Item<'b, T>: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(&Item(item))?;
        }
        seq.end()
    }
}

/// One item of a list, written as its object.
struct Item<'a, T>(&'a T);

fn opt<M: SerializeMap>(m: &mut M, key: &str, value: &Option<String>) -> Result<(), M::Error> {
    match value {
        Some(v) => m.serialize_entry(key, v),
        None => Ok(()),
    }
}

fn date<M: SerializeMap>(m: &mut M, key: &str, value: Option<Date>) -> Result<(), M::Error> {
    match value {
        Some(d) => m.serialize_entry(key, &d.to_string()),
        None => Ok(()),
    }
}

/// The `x-` keys, last, each value as the text it was read as.
fn extra<M: SerializeMap>(m: &mut M, extra: &Extra) -> Result<(), M::Error> {
    for (k, v) in extra {
        m.serialize_entry(k, v)?;
    }
    Ok(())
}

struct ScaleOut<'a>(Scale, &'a Extra);

impl Serialize for ScaleOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("min", &number(self.0.min))?;
        m.serialize_entry("max", &number(self.0.max))?;
        extra(&mut m, self.1)?;
        m.end()
    }
}

struct Attrs<'a>(&'a [(String, AttrValue)]);

impl Serialize for Attrs<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            match v {
                AttrValue::Text(t) => m.serialize_entry(k, t)?,
                AttrValue::Number(x) => m.serialize_entry(k, &number(*x))?,
                AttrValue::Bool(b) => m.serialize_entry(k, b)?,
            }
        }
        m.end()
    }
}

impl Serialize for Item<'_, Unit> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let u = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &u.id)?;
        opt(&mut m, "name", &u.name)?;
        opt(&mut m, "group", &u.group)?;
        if let Some(size) = u.size {
            m.serialize_entry("size", &size)?;
        }
        if !u.attrs.is_empty() {
            m.serialize_entry("attrs", &Attrs(&u.attrs))?;
        }
        extra(&mut m, &u.extra)?;
        m.end()
    }
}

impl Serialize for Item<'_, Tie> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("from", &t.from)?;
        m.serialize_entry("to", &t.to)?;
        m.serialize_entry("strength", &t.strength.map_or(Value::Null, number))?;
        opt(&mut m, "note", &t.note)?;
        extra(&mut m, &t.extra)?;
        m.end()
    }
}

impl Serialize for Item<'_, Target> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("from", &t.from)?;
        m.serialize_entry("to", &t.to)?;
        m.serialize_entry("min", &number(t.min))?;
        opt(&mut m, "initiative", &t.initiative)?;
        opt(&mut m, "why", &t.why)?;
        extra(&mut m, &t.extra)?;
        m.end()
    }
}

impl Serialize for Item<'_, Initiative> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let i = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &i.id)?;
        opt(&mut m, "name", &i.name)?;
        opt(&mut m, "description", &i.description)?;
        extra(&mut m, &i.extra)?;
        m.end()
    }
}

/// An action, keys in the order of docs/format.md; absent members stay absent.
impl Serialize for Item<'_, Action> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("from", &a.from)?;
        m.serialize_entry("to", &a.to)?;
        m.serialize_entry("what", &a.what)?;
        opt(&mut m, "initiative", &a.initiative)?;
        opt(&mut m, "owner", &a.owner)?;
        date(&mut m, "due", a.due)?;
        if let Some(st) = a.status {
            m.serialize_entry("status", st.as_str())?;
        }
        date(&mut m, "decided", a.decided)?;
        if let Some(x) = a.expect {
            m.serialize_entry("expect", &number(x))?;
        }
        opt(&mut m, "note", &a.note)?;
        extra(&mut m, &a.extra)?;
        m.end()
    }
}

impl Serialize for Item<'_, Review> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut m = s.serialize_map(None)?;
        date(&mut m, "date", Some(r.date))?;
        opt(&mut m, "initiative", &r.initiative)?;
        if let Some(who) = &r.who {
            m.serialize_entry("who", who)?;
        }
        opt(&mut m, "notes", &r.notes)?;
        extra(&mut m, &r.extra)?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_values_go_out_as_they_came_in() {
        let text = "{\"units\": [{\"id\": \"a\", \"x-n\": 1.0e3}], \"x-s\": \"\\u00e9\",\n \"x-l\": [1,\n  2 ]}";
        let org = crate::model::from_str("t", text).unwrap();
        let saved = to_string(&org);
        assert!(saved.contains("\"x-n\": 1.0e3"), "{saved}");
        assert!(saved.contains("\"x-s\": \"\\u00e9\""), "{saved}");
        assert!(saved.contains("\"x-l\": [1,\n  2 ]"), "{saved}");
        assert_eq!(crate::model::from_str("t", &saved).unwrap(), org);
        let meta = RawValue::from_string("{\"a\":1}".into()).unwrap();
        let with = to_string_with(&org, Some(("x-more", &meta)));
        assert!(
            with.trim_end().ends_with("\"x-more\": {\"a\":1}\n}"),
            "{with}"
        );
    }
}

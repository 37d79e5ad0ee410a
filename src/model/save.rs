//! Writing a document back to JSON: pretty, in a stable key order, units and ties in order.

use serde_json::{Map, Value};

use super::types::{Action, AttrValue, Date, Extra, Org, Review};

/// A number as JSON: whole values are written without a fraction so files stay tidy.
pub fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
        Value::from(x as i64)
    } else {
        serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
    }
}

fn put_opt(map: &mut Map<String, Value>, key: &str, value: &Option<String>) {
    if let Some(v) = value {
        map.insert(key.into(), Value::String(v.clone()));
    }
}

fn with_extra(mut map: Map<String, Value>, extra: &Extra) -> Value {
    for (k, v) in extra {
        map.insert(k.clone(), v.clone());
    }
    Value::Object(map)
}

/// The document as a JSON value, keys in the order of docs/format.md, `x-` keys last.
pub fn to_value(org: &Org) -> Value {
    let mut top = Map::new();
    top.insert("gapscope".into(), Value::from(1));
    put_opt(&mut top, "title", &org.title);
    top.insert("directed".into(), Value::Bool(org.directed));
    let mut scale = Map::new();
    scale.insert("min".into(), number(org.scale.min));
    scale.insert("max".into(), number(org.scale.max));
    top.insert("scale".into(), with_extra(scale, &org.scale_extra));
    let units = org.units.iter().map(|u| {
        let mut m = Map::new();
        m.insert("id".into(), Value::String(u.id.clone()));
        put_opt(&mut m, "name", &u.name);
        put_opt(&mut m, "group", &u.group);
        if let Some(size) = u.size {
            m.insert("size".into(), Value::from(size));
        }
        if !u.attrs.is_empty() {
            let attrs = u.attrs.iter().map(|(k, v)| {
                let v = match v {
                    AttrValue::Text(s) => Value::String(s.clone()),
                    AttrValue::Number(x) => number(*x),
                    AttrValue::Bool(b) => Value::Bool(*b),
                };
                (k.clone(), v)
            });
            m.insert("attrs".into(), Value::Object(attrs.collect()));
        }
        with_extra(m, &u.extra)
    });
    top.insert("units".into(), Value::Array(units.collect()));
    let ties = org.ties.iter().map(|t| {
        let mut m = Map::new();
        m.insert("from".into(), Value::String(t.from.clone()));
        m.insert("to".into(), Value::String(t.to.clone()));
        m.insert("strength".into(), t.strength.map_or(Value::Null, number));
        put_opt(&mut m, "note", &t.note);
        with_extra(m, &t.extra)
    });
    top.insert("ties".into(), Value::Array(ties.collect()));
    if !org.targets.is_empty() {
        let targets = org.targets.iter().map(|t| {
            let mut m = Map::new();
            m.insert("from".into(), Value::String(t.from.clone()));
            m.insert("to".into(), Value::String(t.to.clone()));
            m.insert("min".into(), number(t.min));
            put_opt(&mut m, "initiative", &t.initiative);
            put_opt(&mut m, "why", &t.why);
            with_extra(m, &t.extra)
        });
        top.insert("targets".into(), Value::Array(targets.collect()));
    }
    if !org.initiatives.is_empty() {
        let list = org.initiatives.iter().map(|i| {
            let mut m = Map::new();
            m.insert("id".into(), Value::String(i.id.clone()));
            put_opt(&mut m, "name", &i.name);
            put_opt(&mut m, "description", &i.description);
            with_extra(m, &i.extra)
        });
        top.insert("initiatives".into(), Value::Array(list.collect()));
    }
    if !org.actions.is_empty() {
        let list = org.actions.iter().map(action);
        top.insert("actions".into(), Value::Array(list.collect()));
    }
    if !org.reviews.is_empty() {
        let list = org.reviews.iter().map(review);
        top.insert("reviews".into(), Value::Array(list.collect()));
    }
    with_extra(top, &org.extra)
}

fn put_date(map: &mut Map<String, Value>, key: &str, value: Option<Date>) {
    if let Some(d) = value {
        map.insert(key.into(), Value::String(d.to_string()));
    }
}

/// An action, keys in the order of docs/format.md; absent members stay absent.
fn action(a: &Action) -> Value {
    let mut m = Map::new();
    m.insert("from".into(), Value::String(a.from.clone()));
    m.insert("to".into(), Value::String(a.to.clone()));
    m.insert("what".into(), Value::String(a.what.clone()));
    put_opt(&mut m, "initiative", &a.initiative);
    put_opt(&mut m, "owner", &a.owner);
    put_date(&mut m, "due", a.due);
    if let Some(s) = a.status {
        m.insert("status".into(), Value::String(s.as_str().into()));
    }
    put_date(&mut m, "decided", a.decided);
    if let Some(x) = a.expect {
        m.insert("expect".into(), number(x));
    }
    put_opt(&mut m, "note", &a.note);
    with_extra(m, &a.extra)
}

fn review(r: &Review) -> Value {
    let mut m = Map::new();
    put_date(&mut m, "date", Some(r.date));
    put_opt(&mut m, "initiative", &r.initiative);
    if let Some(who) = &r.who {
        let names = who.iter().map(|w| Value::String(w.clone()));
        m.insert("who".into(), Value::Array(names.collect()));
    }
    put_opt(&mut m, "notes", &r.notes);
    with_extra(m, &r.extra)
}

/// The document as pretty JSON text with a final newline.
pub fn to_string(org: &Org) -> String {
    let mut text = serde_json::to_string_pretty(&to_value(org)).unwrap_or_default();
    text.push('\n');
    text
}

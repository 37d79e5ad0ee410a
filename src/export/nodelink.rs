//! NetworkX node-link JSON (`networkx.node_link_graph(data, edges="links")` reads it).
//!
//! `graph` carries the title as `name` and the scale as `scale`, which
//! `gapscope import --from node-link` reads back; targets and initiatives are not part of
//! the format and are left out.

use serde_json::{Map, Value};

use crate::model::save::number;
use crate::model::{AttrValue, Org};

/// The org as node-link JSON text (pretty, final newline).
pub fn to_node_link(org: &Org) -> String {
    let mut graph = Map::new();
    if let Some(t) = &org.title {
        graph.insert("name".into(), Value::String(t.clone()));
    }
    let mut scale = Map::new();
    scale.insert("min".into(), number(org.scale.min));
    scale.insert("max".into(), number(org.scale.max));
    graph.insert("scale".into(), Value::Object(scale));
    let nodes: Vec<Value> = org
        .units
        .iter()
        .map(|u| {
            let mut m = Map::new();
            m.insert("id".into(), Value::String(u.id.clone()));
            if let Some(n) = &u.name {
                m.insert("name".into(), Value::String(n.clone()));
            }
            if let Some(g) = &u.group {
                m.insert("group".into(), Value::String(g.clone()));
            }
            if let Some(s) = u.size {
                m.insert("size".into(), Value::from(s));
            }
            for (k, v) in &u.attrs {
                if m.contains_key(k) {
                    continue;
                }
                let v = match v {
                    AttrValue::Text(s) => Value::String(s.clone()),
                    AttrValue::Number(x) => number(*x),
                    AttrValue::Bool(b) => Value::Bool(*b),
                };
                m.insert(k.clone(), v);
            }
            Value::Object(m)
        })
        .collect();
    let links: Vec<Value> = org
        .ties
        .iter()
        .map(|t| {
            let mut m = Map::new();
            m.insert("source".into(), Value::String(t.from.clone()));
            m.insert("target".into(), Value::String(t.to.clone()));
            m.insert("weight".into(), t.strength.map_or(Value::Null, number));
            if let Some(n) = &t.note {
                m.insert("note".into(), Value::String(n.clone()));
            }
            Value::Object(m)
        })
        .collect();
    let mut top = Map::new();
    top.insert("directed".into(), Value::Bool(org.directed));
    top.insert("multigraph".into(), Value::Bool(false));
    top.insert("graph".into(), Value::Object(graph));
    top.insert("nodes".into(), Value::Array(nodes));
    top.insert("links".into(), Value::Array(links));
    let mut text = serde_json::to_string_pretty(&Value::Object(top)).unwrap_or_default();
    text.push('\n');
    text
}

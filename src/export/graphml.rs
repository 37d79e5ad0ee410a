//! GraphML for Gephi, yEd, igraph and NetworkX: units as nodes, every tie as an edge, and
//! missing ties (a target but no tie at all) as extra edges marked in the `gap` key.

use std::fmt::Write as _;

use crate::analysis::Analysis;
use crate::model::{AttrValue, Org};

use super::Marks;

/// Escapes text for XML 1.0 content and attribute values. Characters that XML 1.0 forbids
/// (most C0 controls, U+FFFE, U+FFFF) are written as a visible `\u{..}`; tab, line feed and
/// carriage return as character references so attribute values keep them.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
}

/// The GraphML keys: (id, for, name, type).
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("d0", "node", "name", "string"),
    ("d1", "node", "group", "string"),
    ("d2", "node", "size", "long"),
    ("d3", "node", "gap", "string"),
    ("d4", "edge", "strength", "double"),
    ("d5", "edge", "weight", "double"),
    ("d6", "edge", "gap", "string"),
    ("d7", "edge", "target", "double"),
    ("d8", "edge", "note", "string"),
    ("d9", "graph", "title", "string"),
];

fn data(s: &mut String, key: &str, value: &str) {
    let _ = writeln!(s, "      <data key=\"{key}\">{}</data>", escape(value));
}

/// The org as a GraphML document. `strength` is on the org's scale, `weight` is the
/// normalized strength in [0, 1], `target` the normalized target of a gap, `gap` the gap
/// kinds of a unit or pair separated by `;`. Unit attributes become `attr_NAME` keys.
pub fn to_graphml(org: &Org, analysis: &Analysis) -> String {
    let marks = Marks::new(analysis);
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (id, what, name, ty) in KEYS {
        let _ = writeln!(
            s,
            "  <key id=\"{id}\" for=\"{what}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    let attr_keys = attr_keys(org);
    let key_index: std::collections::HashMap<&str, usize> = attr_keys
        .iter()
        .enumerate()
        .map(|(i, (n, _))| (n.as_str(), i))
        .collect();
    for (i, (name, ty)) in attr_keys.iter().enumerate() {
        let _ = writeln!(
            s,
            "  <key id=\"a{i}\" for=\"node\" attr.name=\"{}\" attr.type=\"{ty}\"/>",
            escape(&format!("attr_{name}"))
        );
    }
    let dir = if org.directed {
        "directed"
    } else {
        "undirected"
    };
    let _ = writeln!(s, "  <graph id=\"G\" edgedefault=\"{dir}\">");
    if let Some(title) = &org.title {
        let _ = writeln!(s, "    <data key=\"d9\">{}</data>", escape(title));
    }
    for (i, u) in org.units.iter().enumerate() {
        let _ = writeln!(s, "    <node id=\"{}\">", escape(&super::node_id(&u.id)));
        data(&mut s, "d0", u.label());
        if let Some(g) = &u.group {
            data(&mut s, "d1", g);
        }
        if let Some(size) = u.size {
            data(&mut s, "d2", &size.to_string());
        }
        let gaps = marks.unit_kinds(i);
        if !gaps.is_empty() {
            data(&mut s, "d3", &gaps);
        }
        // The unit's own attributes in key order (the first of a repeated name), found
        // through the key index: linear in the unit's attributes, not keys × attributes.
        let mut own: Vec<(usize, usize)> = u
            .attrs
            .iter()
            .enumerate()
            .filter_map(|(j, (n, _))| key_index.get(n.as_str()).map(|&k| (k, j)))
            .collect();
        own.sort_unstable();
        own.dedup_by_key(|(k, _)| *k);
        for (k, j) in own {
            data(&mut s, &format!("a{k}"), &u.attrs[j].1.to_string());
        }
        s.push_str("    </node>\n");
    }
    let index = org.unit_index();
    let mut e = 0usize;
    for t in &org.ties {
        let (Some(&a), Some(&b)) = (index.get(t.from.as_str()), index.get(t.to.as_str())) else {
            continue;
        };
        let _ = writeln!(
            s,
            "    <edge id=\"e{e}\" source=\"{}\" target=\"{}\">",
            escape(&super::node_id(&t.from)),
            escape(&super::node_id(&t.to))
        );
        e += 1;
        // An unknown rating (`strength: null`) has no value: the data element is left out.
        if let Some(v) = t.strength {
            data(&mut s, "d4", &v.to_string());
            data(&mut s, "d5", &org.normalize(v).to_string());
        }
        let gaps = marks.pair_kinds(a, b);
        if !gaps.is_empty() {
            data(&mut s, "d6", &gaps);
        }
        if let Some(target) = marks.target(a, b) {
            data(&mut s, "d7", &target.to_string());
        }
        if let Some(note) = &t.note {
            data(&mut s, "d8", note);
        }
        s.push_str("    </edge>\n");
    }
    for g in marks.missing_without_tie(analysis) {
        let Some(to) = g.to else { continue };
        // Stands for the pair; in a directed graph it points from the first unit of the
        // pair (networkx refuses `directed="false"` edges in a directed graph).
        let _ = writeln!(
            s,
            "    <edge id=\"e{e}\" source=\"{}\" target=\"{}\">",
            escape(&super::node_id(&org.units[g.from].id)),
            escape(&super::node_id(&org.units[to].id))
        );
        e += 1;
        data(&mut s, "d4", &org.scale.min.to_string());
        data(&mut s, "d5", "0");
        data(&mut s, "d6", &marks.pair_kinds(g.from, to));
        if let Some(target) = g.target {
            data(&mut s, "d7", &target.to_string());
        }
        s.push_str("    </edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

/// Attribute names in order of first appearance, with a GraphML type that fits all values.
fn attr_keys(org: &Org) -> Vec<(String, &'static str)> {
    let mut keys: Vec<(String, &'static str)> = Vec::new();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for u in &org.units {
        for (name, value) in &u.attrs {
            let ty = match value {
                AttrValue::Text(_) => "string",
                AttrValue::Number(_) => "double",
                AttrValue::Bool(_) => "boolean",
            };
            match seen.get(name.as_str()) {
                Some(&i) if keys[i].1 != ty => keys[i].1 = "string",
                Some(_) => {}
                None => {
                    seen.insert(name, keys.len());
                    keys.push((name.clone(), ty));
                }
            }
        }
    }
    keys
}

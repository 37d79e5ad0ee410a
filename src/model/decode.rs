//! Turns a parsed JSON tree into an [`Org`], enforcing every rule of the format.
//!
//! All problems found are collected (not only the first), each with its position and path.

use std::collections::HashMap;

use super::error::quote;
use super::fields::{Fields, Problems, index, join};
use super::json::{Json, Node};
use super::links::{Refs, decode_targets, decode_ties};
use super::review::{decode_actions, decode_reviews};
use super::types::{AttrValue, Initiative, Org, Scale, Unit};

const TOP_KEYS: &[&str] = &[
    "gapscope",
    "title",
    "scale",
    "directed",
    "units",
    "ties",
    "targets",
    "initiatives",
    "actions",
    "reviews",
];
const SCALE_KEYS: &[&str] = &["min", "max"];
const UNIT_KEYS: &[&str] = &["id", "name", "group", "size", "attrs"];
const INITIATIVE_KEYS: &[&str] = &["id", "name", "description"];

/// Decodes and checks a whole document.
pub(super) fn decode(root: &Node, out: &mut Problems) -> Org {
    let mut org = Org::default();
    let Some(mut top) = Fields::of(root, "", "an org object", TOP_KEYS, out) else {
        return org;
    };
    org.extra = std::mem::take(&mut top.extra);
    if let Some(node) = top.get("gapscope") {
        match node.value {
            Json::Number { value: 1.0, .. } => {}
            Json::Number { value, .. } => {
                // The rest of a file of another version follows other rules: say only this.
                out.list.clear();
                out.add(
                    node.pos,
                    "gapscope",
                    format!(
                        "unsupported format version {} (this gapscope reads version 1)",
                        crate::text::number(value)
                    ),
                );
                return org;
            }
            _ => out.wrong_type(node, "gapscope", "the format version 1"),
        }
    }
    org.title = top.string("title", out);
    org.directed = top.bool("directed", out).unwrap_or(false);
    let scale_ok = decode_scale(&top, &mut org, out);
    let scale = scale_ok.then_some(org.scale);

    match top.array("units", out) {
        Some(items) => org.units = decode_units(items, out),
        None if top.get("units").is_none() => top.missing("units", out),
        None => {}
    }
    if let Some(items) = top.array("initiatives", out) {
        org.initiatives = decode_initiatives(items, out);
    }
    let ids: HashMap<&str, usize> = org.unit_index();
    let refs = Refs {
        ids: &ids,
        units: &org.units,
        // Without a readable unit list every reference would be "unknown": say it once.
        units_known: matches!(top.get("units").map(|n| &n.value), Some(Json::Array(_))),
        suggest: std::cell::OnceCell::new(),
    };
    let ties = top
        .array("ties", out)
        .map(|items| decode_ties(items, &refs, scale, org.directed, out))
        .unwrap_or_default();
    let targets = top
        .array("targets", out)
        .map(|items| decode_targets(items, &refs, scale, &org.initiatives, out))
        .unwrap_or_default();
    let actions = top
        .array("actions", out)
        .map(|items| decode_actions(items, &refs, scale, &org.initiatives, out))
        .unwrap_or_default();
    let reviews = top
        .array("reviews", out)
        .map(|items| decode_reviews(items, &org.initiatives, out))
        .unwrap_or_default();
    org.ties = ties;
    org.targets = targets;
    org.actions = actions;
    org.reviews = reviews;
    org
}

fn decode_scale(top: &Fields, org: &mut Org, out: &mut Problems) -> bool {
    let Some(node) = top.get("scale") else {
        return true;
    };
    let Some(mut f) = Fields::of(
        node,
        "scale",
        "an object {\"min\": .., \"max\": ..}",
        SCALE_KEYS,
        out,
    ) else {
        return false;
    };
    org.scale_extra = std::mem::take(&mut f.extra);
    let (min, max) = (f.required_number("min", out), f.required_number("max", out));
    let (Some(min), Some(max)) = (min, max) else {
        return false;
    };
    if min >= max {
        out.add(
            f.pos,
            "scale",
            format!("min ({min}) must be less than max ({max})"),
        );
        return false;
    }
    if !(max - min).is_finite() {
        out.add(
            f.pos,
            "scale",
            "the range max - min is too large to represent",
        );
        return false;
    }
    org.scale = Scale { min, max };
    true
}

fn decode_units(items: &[Node], out: &mut Problems) -> Vec<Unit> {
    let mut units = Vec::with_capacity(items.len());
    let mut first: HashMap<String, usize> = HashMap::with_capacity(items.len());
    for (i, node) in items.iter().enumerate() {
        let path = index("units", i);
        let Some(mut f) = Fields::of(node, &path, "a unit object", UNIT_KEYS, out) else {
            continue;
        };
        let Some(id) = f.required_string("id", out) else {
            continue;
        };
        let id_pos = f.get("id").map_or(f.pos, |n| n.pos);
        if id.is_empty() {
            out.add(id_pos, &f.path_of("id"), "a unit id must not be empty");
            continue;
        }
        if let Some(&j) = first.get(&id) {
            out.add(
                id_pos,
                &f.path_of("id"),
                format!("duplicate unit id {} (first at units[{j}])", quote(&id)),
            );
            continue;
        }
        first.insert(id.clone(), i);
        units.push(Unit {
            id,
            name: f.string("name", out),
            group: f.string("group", out),
            size: f.count("size", out),
            attrs: decode_attrs(&f, out),
            extra: std::mem::take(&mut f.extra),
        });
    }
    units
}

fn decode_attrs(f: &Fields, out: &mut Problems) -> Vec<(String, AttrValue)> {
    let Some(node) = f.get("attrs") else {
        return Vec::new();
    };
    let path = f.path_of("attrs");
    let Json::Object(members) = &node.value else {
        out.wrong_type(node, &path, "an object of attributes");
        return Vec::new();
    };
    let mut attrs = Vec::with_capacity(members.len());
    for (key, _, value) in members {
        let vpath = join(&path, key);
        let v = match &value.value {
            Json::String(s) => AttrValue::Text(s.clone()),
            Json::Bool(b) => AttrValue::Bool(*b),
            Json::Number { .. } => match super::fields::finite(value, &vpath, out) {
                Some(x) => AttrValue::Number(x),
                None => continue,
            },
            _ => {
                out.wrong_type(value, &vpath, "a string, number or boolean");
                continue;
            }
        };
        attrs.push((key.clone(), v));
    }
    attrs
}

fn decode_initiatives(items: &[Node], out: &mut Problems) -> Vec<Initiative> {
    let mut list: Vec<Initiative> = Vec::with_capacity(items.len());
    for (i, node) in items.iter().enumerate() {
        let path = index("initiatives", i);
        let Some(mut f) = Fields::of(node, &path, "an initiative object", INITIATIVE_KEYS, out)
        else {
            continue;
        };
        let Some(id) = f.required_string("id", out) else {
            continue;
        };
        let id_pos = f.get("id").map_or(f.pos, |n| n.pos);
        if id.is_empty() {
            out.add(
                id_pos,
                &f.path_of("id"),
                "an initiative id must not be empty",
            );
            continue;
        }
        if let Some(j) = list.iter().position(|x| x.id == id) {
            out.add(
                id_pos,
                &f.path_of("id"),
                format!(
                    "duplicate initiative id {} (first at initiatives[{j}])",
                    quote(&id)
                ),
            );
            continue;
        }
        list.push(Initiative {
            id,
            name: f.string("name", out),
            description: f.string("description", out),
            extra: std::mem::take(&mut f.extra),
        });
    }
    list
}

//! NetworkX / d3 node-link JSON: `{"directed", "multigraph", "graph", "nodes", "links"}`.
//!
//! networkx 3 writes `links`; 3.4 and later may write `edges` (its `edges=` argument):
//! both are read. Node and link ids may be strings or numbers.

use std::collections::HashMap;

use crate::model::json::{self, Json, Node};
use crate::model::{AttrValue, Org, Scale, Tie, Unit, quote};

use super::{BadRow, ImportError, Imported, base_name};

/// A link read: ends, weight (`None`: `null`, unknown), line, note.
type Edge = (usize, usize, Option<f64>, usize, Option<String>);

/// How a node-link file is read.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeLinkOptions {
    /// Link attribute holding the strength; a link without it has strength 1.
    pub weight_key: String,
    /// Node attribute that becomes the unit's group.
    pub group_attr: String,
    /// Node attribute that becomes the unit's name.
    pub name_attr: String,
    /// The strength scale; `None` means 0 to the largest strength (at least 1).
    pub scale: Option<Scale>,
    /// Title; default the graph's `name` attribute, else "Node-link: FILE".
    pub title: Option<String>,
}

impl Default for NodeLinkOptions {
    fn default() -> Self {
        NodeLinkOptions {
            weight_key: "weight".into(),
            group_attr: "group".into(),
            name_attr: "name".into(),
            scale: None,
            title: None,
        }
    }
}

fn member<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
    match &node.value {
        Json::Object(members) => members.iter().find(|(k, _, _)| k == key).map(|(_, _, v)| v),
        _ => None,
    }
}

/// The text of an id (a string, or a number written as it reads).
fn id_text(node: &Node) -> Option<String> {
    match &node.value {
        Json::String(s) => Some(s.clone()),
        Json::Number { value, .. } if value.is_finite() => Some(number_text(*value)),
        _ => None,
    }
}

fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// Imports a node-link document.
pub fn import(file: &str, bytes: &[u8], opts: &NodeLinkOptions) -> Result<Imported, ImportError> {
    let root = json::parse(bytes).map_err(|e| ImportError::File {
        file: file.to_string(),
        line: e.pos.line as u64,
        message: e.message,
    })?;
    let fatal = |node: &Node, message: String| ImportError::File {
        file: file.to_string(),
        line: node.pos.line as u64,
        message,
    };
    if !matches!(root.value, Json::Object(_)) {
        return Err(fatal(
            &root,
            "expected a node-link object with nodes and links".into(),
        ));
    }
    let directed = match member(&root, "directed").map(|n| &n.value) {
        None => false,
        Some(Json::Bool(b)) => *b,
        Some(_) => return Err(fatal(&root, "\"directed\" must be true or false".into())),
    };
    let multigraph = matches!(
        member(&root, "multigraph").map(|n| &n.value),
        Some(Json::Bool(true))
    );
    let array = |key: &str| match member(&root, key) {
        Some(Node {
            value: Json::Array(items),
            ..
        }) => Ok(Some(items.as_slice())),
        Some(other) => Err(fatal(other, format!("\"{key}\" must be an array"))),
        None => Ok(None),
    };
    let nodes = array("nodes")?.ok_or_else(|| fatal(&root, "no \"nodes\" array".into()))?;
    let links = match array("links")? {
        Some(l) => l,
        None => array("edges")?.unwrap_or(&[]),
    };
    let links_key = if member(&root, "links").is_some() {
        "links"
    } else {
        "edges"
    };
    let mut bad = Vec::new();
    let bad_at = |node: &Node, message: String| BadRow {
        file: file.to_string(),
        line: node.pos.line as u64,
        message,
    };

    let mut units: Vec<Unit> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut skipped_attrs = 0usize;
    for (i, node) in nodes.iter().enumerate() {
        let Json::Object(members) = &node.value else {
            bad.push(bad_at(node, format!("nodes[{i}]: expected an object")));
            continue;
        };
        if let Some(Node {
            value: Json::Number { value, .. },
            ..
        }) = member(node, "id")
            && !value.is_finite()
        {
            bad.push(bad_at(
                node,
                format!(
                    "nodes[{i}].id: the number is too large to be an id (write it as a string)"
                ),
            ));
            continue;
        }
        let Some(id) = member(node, "id")
            .and_then(id_text)
            .filter(|s| !s.is_empty())
        else {
            bad.push(bad_at(
                node,
                format!("nodes[{i}]: no \"id\" (a string or a number)"),
            ));
            continue;
        };
        if index.contains_key(&id) {
            bad.push(bad_at(
                node,
                format!("nodes[{i}]: node {} appears twice", quote(&id)),
            ));
            continue;
        }
        let mut unit = Unit {
            id: id.clone(),
            ..Unit::default()
        };
        for (key, _, value) in members {
            if key == "id" {
                continue;
            }
            let attr = match &value.value {
                Json::String(s) => AttrValue::Text(s.clone()),
                Json::Number { value, .. } if value.is_finite() => AttrValue::Number(*value),
                Json::Bool(b) => AttrValue::Bool(*b),
                _ => {
                    skipped_attrs += 1;
                    continue;
                }
            };
            if key == "size"
                && let AttrValue::Number(x) = attr
                && x >= 0.0
                && x.fract() == 0.0
                && x < 9e15
            {
                unit.size = Some(x as u64);
            } else if *key == opts.group_attr {
                unit.group = Some(attr.to_string());
            } else if *key == opts.name_attr {
                unit.name = Some(attr.to_string());
            } else {
                unit.attrs.push((key.clone(), attr));
            }
        }
        index.insert(id, units.len());
        units.push(unit);
    }

    let mut pairs: HashMap<(usize, usize), usize> = HashMap::new();
    let mut edges: Vec<Edge> = Vec::new();
    'links: for (i, link) in links.iter().enumerate() {
        let at = format!("{links_key}[{i}]");
        if !matches!(link.value, Json::Object(_)) {
            bad.push(bad_at(link, format!("{at}: expected an object")));
            continue;
        }
        let mut ends = [0usize; 2];
        for (k, key) in ["source", "target"].into_iter().enumerate() {
            let Some(id) = member(link, key).and_then(id_text) else {
                bad.push(bad_at(link, format!("{at}: no \"{key}\" (a node id)")));
                continue 'links;
            };
            match index.get(&id) {
                Some(&u) => ends[k] = u,
                None => {
                    bad.push(bad_at(
                        link,
                        format!("{at}.{key}: unknown node {}", quote(&id)),
                    ));
                    continue 'links;
                }
            }
        }
        // `null` is an unknown rating, as `strength: null` in an org file (never 0).
        let weight = match member(link, &opts.weight_key) {
            None => Some(1.0),
            Some(Node {
                value: Json::Null, ..
            }) => None,
            Some(Node {
                value: Json::Number { value, .. },
                ..
            }) if value.is_finite() => Some(*value),
            Some(other) => {
                bad.push(bad_at(
                    other,
                    format!("{at}.{}: the weight must be a number", opts.weight_key),
                ));
                continue;
            }
        };
        let [a, b] = ends;
        if a == b {
            bad.push(bad_at(
                link,
                format!("{at}: a link from {} to itself", quote(&units[a].id)),
            ));
            continue;
        }
        let key = if directed {
            (a, b)
        } else {
            (a.min(b), a.max(b))
        };
        match pairs.get(&key) {
            Some(&e) if multigraph => {
                let old = edges[e].2;
                let sum = match (old, weight) {
                    (Some(x), Some(y)) => Some(x + y),
                    (x, y) => x.or(y),
                };
                if sum.is_some_and(|s| !s.is_finite()) {
                    bad.push(bad_at(
                        link,
                        format!(
                            "{at}: the weights of the links {} - {} add up to more than the largest number",
                            quote(&units[a].id),
                            quote(&units[b].id)
                        ),
                    ));
                    continue;
                }
                edges[e].2 = sum;
            }
            Some(_) => {
                bad.push(bad_at(
                    link,
                    format!(
                        "{at}: duplicate link {} - {} (the file is not a multigraph)",
                        quote(&units[a].id),
                        quote(&units[b].id)
                    ),
                ));
            }
            None => {
                pairs.insert(key, edges.len());
                let note = match member(link, "note").map(|n| &n.value) {
                    Some(Json::String(n)) => Some(n.clone()),
                    _ => None,
                };
                edges.push((a, b, weight, link.pos.line, note));
            }
        }
    }
    let mut warnings = Vec::new();
    if skipped_attrs > 0 {
        warnings.push(format!(
            "{skipped_attrs} node attribute value{} that {} not a string, number or bool left out",
            if skipped_attrs == 1 { "" } else { "s" },
            if skipped_attrs == 1 { "is" } else { "are" }
        ));
    }
    let file_scale = match opts.scale {
        Some(_) => None,
        None => graph_scale(&root).map_err(|message| ImportError::File {
            file: file.to_string(),
            line: member(&root, "graph").map_or(1, |g| g.pos.line as u64),
            message,
        })?,
    };
    let scale = match opts.scale.or(file_scale) {
        Some(s) => s,
        None => Scale {
            min: 0.0,
            max: edges.iter().filter_map(|e| e.2).fold(1.0, f64::max),
        },
    };
    let mut ties = Vec::new();
    for (a, b, w, line, note) in edges {
        if w.is_some_and(|w| !scale.contains(w)) {
            bad.push(BadRow {
                file: file.to_string(),
                line: line as u64,
                message: format!(
                    "weight {} is off the scale {}:{} (set it with --scale MIN:MAX)",
                    crate::text::number(w.unwrap_or_default()),
                    crate::text::number(scale.min),
                    crate::text::number(scale.max)
                ),
            });
            continue;
        }
        ties.push(Tie {
            from: units[a].id.clone(),
            to: units[b].id.clone(),
            strength: w,
            note,
            ..Tie::default()
        });
    }
    bad.sort_by_key(|b| b.line);
    let graph_name = member(&root, "graph")
        .and_then(|g| member(g, "name"))
        .and_then(|n| match &n.value {
            Json::String(s) if !s.is_empty() => Some(s.clone()),
            _ => None,
        });
    let title = opts
        .title
        .clone()
        .or(graph_name)
        .unwrap_or_else(|| format!("Node-link: {}", base_name(file)));
    let org = Org {
        title: Some(title),
        scale,
        directed,
        units,
        ties,
        ..Org::default()
    };
    Ok(Imported {
        org,
        bad_rows: bad,
        warnings,
    })
}

/// The scale written by `gapscope export --format node-link` in `graph.scale`.
/// `graph.scale` of the file (`{"min": 0, "max": 5}`), when there is one; an unusable one
/// is an error, not silently ignored.
fn graph_scale(root: &Node) -> Result<Option<Scale>, String> {
    let Some(scale) = member(root, "graph").and_then(|g| member(g, "scale")) else {
        return Ok(None);
    };
    let num = |k: &str| match member(scale, k).map(|n| &n.value) {
        Some(Json::Number { value, .. }) if value.is_finite() => Ok(*value),
        _ => Err(format!(
            "graph.scale.{k}: expected a number (graph.scale is {{\"min\": MIN, \"max\": MAX}}; or give --scale)"
        )),
    };
    let (min, max) = (num("min")?, num("max")?);
    if min < max && (max - min).is_finite() {
        Ok(Some(Scale { min, max }))
    } else {
        Err(format!(
            "graph.scale: min {} must be below max {}",
            crate::text::number(min),
            crate::text::number(max)
        ))
    }
}

//! Graphviz DOT: one cluster per group, ties as edges, gaps styled.
//!
//! Missing ties are dashed red edges, ties below target orange with the target in the
//! label, one-sided (asymmetric) pairs bold purple and labelled, isolated units red, silo
//! groups' clusters red.

use std::fmt::Write as _;

use crate::analysis::{Analysis, GapKind};
use crate::model::Org;

use super::{Marks, short_number};

/// Colour of missing ties and isolated units.
const RED: &str = "#c0392b";
/// Colour of ties below their target.
const ORANGE: &str = "#d35400";
/// Colour of one-sided pairs.
const PURPLE: &str = "#8e44ad";

/// Escapes text for a double-quoted DOT string: quotes and backslashes escaped, line
/// breaks as `\n`, other control and invisible formatting characters shown as `\u{..}`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() || crate::model::error::is_format_char(c) => {
                for e in c.escape_default() {
                    if e == '\\' {
                        out.push_str("\\\\");
                    } else {
                        out.push(e);
                    }
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The org as a DOT graph (`digraph` for directed files).
pub fn to_dot(org: &Org, analysis: &Analysis) -> String {
    let marks = Marks::new(analysis);
    let (kw, arrow) = if org.directed {
        ("digraph", "->")
    } else {
        ("graph", "--")
    };
    let title = org.title.as_deref().unwrap_or("gapscope");
    let mut s = String::new();
    let _ = writeln!(s, "{kw} {} {{", escape(title));
    let _ = writeln!(
        s,
        "  graph [label={}, labelloc=t, fontname=\"Helvetica\", rankdir=LR, newrank=true];",
        escape(title)
    );
    s.push_str("  node [shape=box, style=\"rounded\", fontname=\"Helvetica\"];\n");
    s.push_str("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    let groups = org.groups();
    for (gi, group) in groups.iter().enumerate() {
        let _ = writeln!(s, "  subgraph \"cluster_{gi}\" {{");
        let silo = marks.silos.contains(group);
        let label = if silo {
            format!("{group} (silo)")
        } else {
            group.to_string()
        };
        let _ = writeln!(s, "    label={};", escape(&label));
        if silo {
            let _ = writeln!(s, "    color=\"{RED}\"; fontcolor=\"{RED}\";");
        }
        for (i, u) in org.units.iter().enumerate() {
            if u.group.as_deref() == Some(group) {
                s.push_str("    ");
                node(&mut s, org, &marks, i);
            }
        }
        s.push_str("  }\n");
    }
    for (i, u) in org.units.iter().enumerate() {
        if u.group.is_none() {
            s.push_str("  ");
            node(&mut s, org, &marks, i);
        }
    }
    for &(a, b, strength) in &analysis.network.arcs {
        let label = marks.edge_label(org, a, b, strength);
        let mut attrs = Vec::new();
        if marks.pair_kind(a, b, GapKind::BelowTarget).is_some() {
            attrs.push(format!(
                "color=\"{ORANGE}\", fontcolor=\"{ORANGE}\", penwidth=2"
            ));
        }
        if marks.pair_kind(a, b, GapKind::Asymmetric).is_some() {
            if marks.pair_kind(a, b, GapKind::BelowTarget).is_none() {
                attrs.push(format!("color=\"{PURPLE}\", fontcolor=\"{PURPLE}\""));
            }
            attrs.push("style=bold".into());
        }
        attrs.insert(0, format!("label={}", escape(&label)));
        let _ = writeln!(
            s,
            "  {} {arrow} {} [{}];",
            escape(&super::node_id(&org.units[a].id)),
            escape(&super::node_id(&org.units[b].id)),
            attrs.join(", ")
        );
    }
    for g in marks.pair_gaps_of(GapKind::MissingTie) {
        let Some(to) = g.to else { continue };
        let target = g.target.map(|t| org.scale.denormalize(t)).unwrap_or(0.0);
        let dir = if org.directed { ", dir=none" } else { "" };
        let _ = writeln!(
            s,
            "  {} {arrow} {} [label={}, style=dashed, color=\"{RED}\", fontcolor=\"{RED}\"{dir}, constraint=false];",
            escape(&super::node_id(&org.units[g.from].id)),
            escape(&super::node_id(&org.units[to].id)),
            escape(&format!("missing (target {})", short_number(target)))
        );
    }
    s.push_str("}\n");
    s
}

fn node(s: &mut String, org: &Org, marks: &Marks, i: usize) {
    let u = &org.units[i];
    let isolated = marks.unit(i).iter().any(|g| g.kind == GapKind::Isolated);
    let style = if isolated {
        format!(", color=\"{RED}\", fontcolor=\"{RED}\", penwidth=2")
    } else {
        String::new()
    };
    let _ = writeln!(
        s,
        "{} [label={}{style}];",
        escape(&super::node_id(&u.id)),
        escape(u.label())
    );
}

//! Mermaid flowcharts (`graph LR`, fenced) for Markdown wikis: one subgraph per group, ties as
//! links labelled with their strength, gap links styled with `linkStyle`.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::analysis::{Analysis, GapKind};
use crate::model::Org;

use super::{Marks, short_number};

/// Escapes a label for a double-quoted Mermaid string: `"`, `#`, `<`, `>` and `&` as
/// entity codes, line breaks as spaces, control characters shown as `\u{..}`.
pub fn escape_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in crate::text::clean(&text.replace(['\n', '\r'], " ")).chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Mermaid node ids: `u_` and the id with every character outside `[A-Za-z0-9_]` replaced
/// by `_`, made unique with a number suffix where two ids clash.
pub fn node_ids(org: &Org) -> Vec<String> {
    let mut used = HashSet::new();
    org.units
        .iter()
        .map(|u| {
            let base: String =
                u.id.chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                    .collect();
            let base = format!("u_{base}");
            let mut id = base.clone();
            let mut n = 2;
            while !used.insert(id.clone()) {
                id = format!("{base}_{n}");
                n += 1;
            }
            id
        })
        .collect()
}

/// The org as a Mermaid flowchart in a fenced Markdown block (```` ```mermaid ````), so
/// that `>> page.md` renders on GitHub, GitLab and other wikis.
pub fn to_mermaid(org: &Org, analysis: &Analysis) -> String {
    let marks = Marks::new(analysis);
    let ids = node_ids(org);
    let mut s = String::from("```mermaid\n");
    if let Some(title) = &org.title {
        let t = crate::text::clean(title)
            .replace('\\', "\\\\")
            .replace('"', "\\\"");
        let _ = writeln!(s, "---\ntitle: \"{t}\"\n---");
    }
    s.push_str("graph LR\n");
    let node = |s: &mut String, i: usize, indent: &str| {
        let _ = writeln!(
            s,
            "{indent}{}[{}]",
            ids[i],
            escape_label(org.units[i].label())
        );
    };
    for (gi, group) in org.groups().iter().enumerate() {
        let _ = writeln!(s, "  subgraph g{gi}[{}]", escape_label(group));
        for (i, u) in org.units.iter().enumerate() {
            if u.group.as_deref() == Some(group) {
                node(&mut s, i, "    ");
            }
        }
        s.push_str("  end\n");
    }
    for (i, u) in org.units.iter().enumerate() {
        if u.group.is_none() {
            node(&mut s, i, "  ");
        }
    }
    let arrow = if org.directed { "-->" } else { "---" };
    let mut styles: Vec<(usize, &str)> = Vec::new();
    let mut link = 0usize;
    for &(a, b, strength) in &analysis.network.arcs {
        let label = marks.edge_label(org, a, b, strength);
        let below = marks.pair_kind(a, b, GapKind::BelowTarget);
        if below.is_some() {
            styles.push((link, "stroke:#d35400,stroke-width:3px"));
        }
        if below.is_none() && marks.pair_kind(a, b, GapKind::Asymmetric).is_some() {
            styles.push((link, "stroke:#8e44ad,stroke-width:3px"));
        }
        let _ = writeln!(
            s,
            "  {} {arrow}|{}| {}",
            ids[a],
            escape_label(&label),
            ids[b]
        );
        link += 1;
    }
    for g in marks.pair_gaps_of(GapKind::MissingTie) {
        let Some(to) = g.to else { continue };
        let target = g.target.map(|t| org.scale.denormalize(t)).unwrap_or(0.0);
        let label = format!("missing (target {})", short_number(target));
        let _ = writeln!(
            s,
            "  {} -.-|{}| {}",
            ids[g.from],
            escape_label(&label),
            ids[to]
        );
        styles.push((link, "stroke:#c0392b,stroke-width:2px,stroke-dasharray:5 5"));
        link += 1;
    }
    for (i, style) in styles {
        let _ = writeln!(s, "  linkStyle {i} {style}");
    }
    let isolated: Vec<&str> = (0..org.units.len())
        .filter(|&i| marks.unit(i).iter().any(|g| g.kind == GapKind::Isolated))
        .map(|i| ids[i].as_str())
        .collect();
    if !isolated.is_empty() {
        s.push_str("  classDef isolated stroke:#c0392b,stroke-width:3px\n");
        let _ = writeln!(s, "  class {} isolated", isolated.join(","));
    }
    s.push_str("```\n");
    s
}

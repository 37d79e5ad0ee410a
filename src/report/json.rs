//! The JSON report: docs/report.md (REPORT.md version 1), plus gapscope's added fields.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::Report;
use crate::analysis::{BetweennessDone, Gap};

/// Builds the report object.
pub fn value(r: &Report) -> Value {
    let a = r.analysis;
    let ids = |list: &[usize]| -> Vec<&str> { list.iter().map(|&u| r.id(u)).collect() };
    let nodes: Vec<Value> = a
        .by_id
        .iter()
        .map(|&u| {
            let unit = &r.org.units[u];
            let s = &a.nodes[u];
            json!({
                "id": unit.id,
                "group": unit.group,
                "degree": s.degree,
                "strength": s.strength,
                "betweenness": s.betweenness,
                "component": s.component,
                "name": unit.label(),
                "in_strength": s.in_strength,
                "out_strength": s.out_strength,
                "constraint": s.constraint,
                "community": s.community,
            })
        })
        .collect();
    let groups: Vec<Value> = a
        .groups
        .iter()
        .zip(&a.group_communities)
        .map(|(g, spread)| {
            let counts: Vec<Value> = spread
                .counts
                .iter()
                .map(|&(c, k)| json!({"community": c, "units": k}))
                .collect();
            json!({
                "group": g.group,
                "units": g.units,
                "internal": g.internal,
                "external": g.external,
                "ei_index": g.ei_index,
                "weighted_ei_index": g.weighted_ei_index,
                "communities": counts,
            })
        })
        .collect();
    let (mut open, _) = r.open_actions();
    let overdue: Vec<usize> = open.iter().copied().filter(|&i| r.overdue(i)).collect();
    open.sort_unstable();
    let (mode, sources) = match a.betweenness {
        BetweennessDone::Exact => ("exact", None),
        BetweennessDone::Sampled(k) => ("sampled", Some(k)),
        BetweennessDone::Skipped => ("skipped", None),
    };
    json!({
        "report": 1,
        "title": r.org.title,
        "units": r.org.units.len(),
        "ties": r.org.ties.len(),
        "edges": a.network.pairs.len(),
        "directed": a.network.directed,
        "initiative": a.initiative,
        "density": a.density,
        "nodes": nodes,
        "components": a.components.iter().map(|c| ids(c)).collect::<Vec<_>>(),
        "bridges": a.bridges.iter().map(|&(x, y)| [r.id(x), r.id(y)]).collect::<Vec<_>>(),
        "articulation_points": ids(&a.articulation_points),
        "groups": groups,
        "gaps": r.gaps.iter().map(|g| gap(r, g)).collect::<Vec<_>>(),
        "gaps_total": a.gaps.len(),
        "gaps_filter": {
            "top": r.settings.top,
            "min_severity": r.settings.min_severity,
        },
        "scale": {"min": r.org.scale.min, "max": r.org.scale.max},
        "betweenness_mode": mode,
        "betweenness_sources": sources,
        "reciprocity": a.reciprocity,
        "modularity": a.communities.modularity,
        "communities": a.communities.members.iter().map(|c| ids(c)).collect::<Vec<_>>(),
        "plan": r.settings.plan,
        "today": r.settings.today.map(|d| d.to_string()),
        "open_actions": open,
        "overdue_actions": overdue,
    })
}

fn gap(r: &Report, g: &Gap) -> Value {
    json!({
        "kind": g.kind.as_str(),
        "from": r.id(g.from),
        "to": g.to.map(|t| r.id(t)),
        "actual": g.actual,
        "target": g.target,
        "severity": g.severity,
        "initiative": g.initiative,
        "group": g.group,
        "explanation": g.explanation,
        "actions": r.actions_of(g),
    })
}

/// Writes the report as pretty-printed JSON and a final newline.
pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &value(r))?;
    writeln!(out)
}

//! Showing a [`Diff`] as plain text, Markdown or JSON.
//!
//! Text and Markdown list at most `top` ties, targets and units per section (the rest are
//! counted); gap changes are always listed in full. JSON lists everything.

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use super::{ActionChange, Diff, GapChange, GroupDelta, TargetChange, TieChange};
use crate::text::clean;

fn num(x: f64) -> String {
    crate::export::short_number(x)
}

fn signed(x: f64) -> String {
    let s = num(x);
    if x > 0.0 && s != "0" {
        format!("+{s}")
    } else {
        s
    }
}

fn opt(x: Option<f64>) -> String {
    x.map_or_else(|| "-".into(), num)
}

fn pair(from: &str, to: Option<&str>, arrow: &str) -> String {
    match to {
        Some(to) => format!("{} {arrow} {}", clean(from), clean(to)),
        None => clean(from),
    }
}

fn gap_line(g: &GapChange) -> String {
    let what = match (&g.group, g.kind) {
        (Some(group), crate::analysis::GapKind::Silo) => format!("group {}", clean(group)),
        _ => pair(&g.from, g.to.as_deref(), "–"),
    };
    let ini = g
        .initiative
        .as_deref()
        .map_or(String::new(), |i| format!(", initiative {}", clean(i)));
    let sev = match (g.old, g.new) {
        (Some(o), Some(n)) => format!("severity {} -> {}", num(o), num(n)),
        (None, Some(n)) => format!("severity {}", num(n)),
        (Some(o), None) => format!("was severity {}", num(o)),
        (None, None) => String::new(),
    };
    let why = if g.explanation.is_empty() {
        String::new()
    } else {
        format!(": {}", clean(&g.explanation))
    };
    format!("{} {what} ({sev}{ini}){why}", g.kind.as_str())
}

fn tie_line(t: &TieChange, arrow: &str) -> String {
    let p = pair(&t.from, Some(&t.to), arrow);
    match (t.old, t.new) {
        (None, Some(n)) => format!("{p} {}", num(n)),
        (Some(o), None) => format!("{p} (was {})", num(o)),
        (Some(o), Some(n)) => format!("{p} {} -> {}", num(o), num(n)),
        (None, None) => p,
    }
}

fn target_line(t: &TargetChange) -> String {
    let ini = t.initiative.as_deref().map_or_else(
        || "baseline".to_string(),
        |i| format!("initiative {}", clean(i)),
    );
    format!(
        "{} ({ini}): {} -> {}",
        pair(&t.from, Some(&t.to), "–"),
        opt(t.old),
        opt(t.new)
    )
}

fn ei(x: Option<Option<f64>>) -> String {
    match x {
        None => "absent".into(),
        Some(None) => "undefined".into(),
        Some(Some(v)) => num(v),
    }
}

fn group_line(g: &GroupDelta) -> String {
    let delta = match (g.old, g.new) {
        (Some(Some(a)), Some(Some(b))) => format!(" ({})", signed(b - a)),
        _ => String::new(),
    };
    format!(
        "{}: E-I index {} -> {}{delta}",
        clean(&g.group),
        ei(g.old),
        ei(g.new)
    )
}

/// The lines of every section: (heading, lines, how many were left out).
fn sections(d: &Diff, top: usize, directed: bool) -> Vec<(String, Vec<String>, usize)> {
    let arrow = if directed { "->" } else { "–" };
    let mut out = Vec::new();
    let cap = |lines: Vec<String>| {
        let more = lines.len().saturating_sub(top);
        (lines.into_iter().take(top).collect::<Vec<_>>(), more)
    };
    let gaps = [
        ("opened", &d.gaps_opened),
        ("closed", &d.gaps_closed),
        ("widened", &d.gaps_widened),
        ("narrowed", &d.gaps_narrowed),
    ];
    for (what, list) in gaps {
        if !list.is_empty() {
            out.push((
                format!("Gaps {what} ({})", list.len()),
                list.iter().map(gap_line).collect(),
                0,
            ));
        }
    }
    if let Some((o, n)) = d.scale {
        out.push((
            "Scale changed".into(),
            vec![format!(
                "{}:{} -> {}:{}",
                num(o.min),
                num(o.max),
                num(n.min),
                num(n.max)
            )],
            0,
        ));
    }
    if let Some((o, n)) = d.directed {
        out.push((
            "Directed changed (ties compared as pair strengths)".into(),
            vec![format!("{o} -> {n}")],
            0,
        ));
    }
    for (what, list) in [("added", &d.units_added), ("removed", &d.units_removed)] {
        if !list.is_empty() {
            let (lines, more) = cap(list.iter().map(|s| clean(s)).collect());
            out.push((format!("Units {what} ({})", list.len()), lines, more));
        }
    }
    let ties = [
        ("added", &d.ties_added),
        ("removed", &d.ties_removed),
        ("re-weighted", &d.ties_reweighted),
    ];
    for (what, list) in ties {
        if !list.is_empty() {
            let (lines, more) = cap(list.iter().map(|t| tie_line(t, arrow)).collect());
            out.push((format!("Ties {what} ({})", list.len()), lines, more));
        }
    }
    let targets = [
        ("added", &d.targets_added),
        ("removed", &d.targets_removed),
        ("changed", &d.targets_changed),
    ];
    for (what, list) in targets {
        if !list.is_empty() {
            let (lines, more) = cap(list.iter().map(target_line).collect());
            out.push((format!("Targets {what} ({})", list.len()), lines, more));
        }
    }
    let actions = [
        ("added", &d.actions_added),
        ("done", &d.actions_done),
        ("changed", &d.actions_changed),
        ("removed", &d.actions_removed),
    ];
    for (what, list) in actions {
        if !list.is_empty() {
            let (lines, more) = cap(list.iter().map(super::actions::line).collect());
            out.push((format!("Actions {what} ({})", list.len()), lines, more));
        }
    }
    if !d.movers.is_empty() {
        let lines = d
            .movers
            .iter()
            .map(|u| {
                format!(
                    "{}: betweenness {} -> {} ({}), strength {} -> {} ({})",
                    clean(&u.id),
                    num(u.betweenness.0),
                    num(u.betweenness.1),
                    signed(u.betweenness.1 - u.betweenness.0),
                    num(u.strength.0),
                    num(u.strength.1),
                    signed(u.strength.1 - u.strength.0)
                )
            })
            .collect();
        let (lines, more) = cap(lines);
        out.push(("Units that moved most".into(), lines, more));
    }
    if !d.groups.is_empty() {
        out.push((
            format!("Groups' E-I index ({})", d.groups.len()),
            d.groups.iter().map(group_line).collect(),
            0,
        ));
    }
    out
}

fn summary(d: &Diff) -> String {
    format!(
        "gaps: {} opened, {} closed, {} widened, {} narrowed; units: +{} -{}; ties: +{} -{} ~{}; targets: +{} -{} ~{}{}",
        d.gaps_opened.len(),
        d.gaps_closed.len(),
        d.gaps_widened.len(),
        d.gaps_narrowed.len(),
        d.units_added.len(),
        d.units_removed.len(),
        d.ties_added.len(),
        d.ties_removed.len(),
        d.ties_reweighted.len(),
        d.targets_added.len(),
        d.targets_removed.len(),
        d.targets_changed.len(),
        super::actions::summary(d)
    )
}

/// Plain text for a terminal; every string from the files is cleaned.
pub fn text(d: &Diff, old: &str, new: &str, top: usize, directed: bool) -> String {
    let mut s = format!("{} -> {}\n", clean(old), clean(new));
    if d.is_empty() {
        s.push_str("no differences\n");
        return s;
    }
    let _ = writeln!(s, "{}", summary(d));
    for (head, lines, more) in sections(d, top, directed) {
        let _ = writeln!(s, "\n{head}:");
        for l in lines {
            let _ = writeln!(s, "  {l}");
        }
        if more > 0 {
            let _ = writeln!(s, "  ... and {more} more (--top)");
        }
    }
    s
}

/// Escapes text for Markdown: control characters cleaned, markup characters escaped.
fn md(text: &str) -> String {
    let mut out = String::new();
    for c in clean(text).chars() {
        if "\\`*_[]<|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Markdown for a wiki or a pull request: a heading per section, bullet lists.
pub fn markdown(d: &Diff, old: &str, new: &str, top: usize, directed: bool) -> String {
    let mut s = format!("## Changes from {} to {}\n\n", md(old), md(new));
    if d.is_empty() {
        s.push_str("No differences.\n");
        return s;
    }
    let _ = writeln!(s, "{}", md(&summary(d)));
    for (head, lines, more) in sections(d, top, directed) {
        let _ = writeln!(s, "\n### {}\n", md(&head));
        for l in lines {
            let _ = writeln!(s, "- {}", md(&l));
        }
        if more > 0 {
            let _ = writeln!(s, "- ... and {more} more");
        }
    }
    s
}

fn tie_json(t: &TieChange) -> Value {
    json!({"from": t.from, "to": t.to, "old": t.old, "new": t.new,
           "old_normalized": t.old_s, "new_normalized": t.new_s})
}

fn target_json(t: &TargetChange) -> Value {
    json!({"from": t.from, "to": t.to, "initiative": t.initiative, "old": t.old, "new": t.new,
           "old_normalized": t.old_s, "new_normalized": t.new_s})
}

fn gap_json(g: &GapChange) -> Value {
    json!({"kind": g.kind.as_str(), "from": if g.group.is_some() && g.from.is_empty() { Value::Null } else { Value::from(g.from.clone()) },
           "to": g.to, "group": g.group, "initiative": g.initiative,
           "old_severity": g.old, "new_severity": g.new, "explanation": g.explanation})
}

/// JSON: every list in full (see docs/import-export.md for the shape).
pub fn json(d: &Diff, old: &str, new: &str) -> String {
    let mut m = Map::new();
    m.insert("diff".into(), json!(1));
    m.insert("old".into(), json!(old));
    m.insert("new".into(), json!(new));
    m.insert("empty".into(), json!(d.is_empty()));
    m.insert(
        "scale".into(),
        d.scale.map_or(Value::Null, |(o, n)| {
            json!({"old": {"min": o.min, "max": o.max}, "new": {"min": n.min, "max": n.max}})
        }),
    );
    m.insert(
        "directed".into(),
        d.directed
            .map_or(Value::Null, |(o, n)| json!({"old": o, "new": n})),
    );
    m.insert("units_added".into(), json!(d.units_added));
    m.insert("units_removed".into(), json!(d.units_removed));
    let ties = |l: &[TieChange]| Value::Array(l.iter().map(tie_json).collect());
    m.insert("ties_added".into(), ties(&d.ties_added));
    m.insert("ties_removed".into(), ties(&d.ties_removed));
    m.insert("ties_reweighted".into(), ties(&d.ties_reweighted));
    let targets = |l: &[TargetChange]| Value::Array(l.iter().map(target_json).collect());
    m.insert("targets_added".into(), targets(&d.targets_added));
    m.insert("targets_removed".into(), targets(&d.targets_removed));
    m.insert("targets_changed".into(), targets(&d.targets_changed));
    let gaps = |l: &[GapChange]| Value::Array(l.iter().map(gap_json).collect());
    m.insert("gaps_opened".into(), gaps(&d.gaps_opened));
    m.insert("gaps_closed".into(), gaps(&d.gaps_closed));
    m.insert("gaps_widened".into(), gaps(&d.gaps_widened));
    m.insert("gaps_narrowed".into(), gaps(&d.gaps_narrowed));
    let movers = d
        .movers
        .iter()
        .map(|u| {
            json!({"id": u.id,
                   "betweenness": {"old": u.betweenness.0, "new": u.betweenness.1, "delta": u.betweenness.1 - u.betweenness.0},
                   "strength": {"old": u.strength.0, "new": u.strength.1, "delta": u.strength.1 - u.strength.0}})
        })
        .collect();
    m.insert("movers".into(), Value::Array(movers));
    let groups = d
        .groups
        .iter()
        .map(|g| {
            let v = |x: Option<Option<f64>>| x.flatten().map_or(Value::Null, Value::from);
            json!({"group": g.group, "old_present": g.old.is_some(), "new_present": g.new.is_some(),
                   "old_ei_index": v(g.old), "new_ei_index": v(g.new)})
        })
        .collect();
    m.insert("groups".into(), Value::Array(groups));
    let actions = |l: &[ActionChange]| {
        let list = l.iter().map(|a| {
            json!({"from": a.from, "to": a.to, "initiative": a.initiative, "what": a.what,
                   "owner": a.owner,
                   "old_status": a.old_status.map(|s| s.as_str()),
                   "new_status": a.new_status.map(|s| s.as_str()),
                   "changed": a.fields})
        });
        Value::Array(list.collect())
    };
    m.insert("actions_added".into(), actions(&d.actions_added));
    m.insert("actions_done".into(), actions(&d.actions_done));
    m.insert("actions_changed".into(), actions(&d.actions_changed));
    m.insert("actions_removed".into(), actions(&d.actions_removed));
    let mut text = serde_json::to_string_pretty(&Value::Object(m)).unwrap_or_default();
    text.push('\n');
    text
}

//! The text report: a summary and tables for a terminal, coloured only when asked.

use std::io::{self, Write};

use super::Report;
use super::markdown::capped;
use crate::analysis::GapKind;
use crate::analysis::needs::number;
use crate::text::clean;

const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Wraps `text` in an ANSI style when colour is on.
fn paint(on: bool, style: &str, text: &str) -> String {
    if on {
        format!("{style}{text}{RESET}")
    } else {
        text.to_string()
    }
}

/// Writes the text report.
pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let a = r.analysis;
    let on = r.settings.color;
    writeln!(out, "{}", paint(on, BOLD, &clean(r.title())))?;
    writeln!(out, "{}", r.size_line())?;
    writeln!(out, "Targets: {}", clean(&r.scope()))?;
    writeln!(out, "{}", r.structure_line())?;
    if let Some(line) = r.plan_line() {
        writeln!(out, "{}", clean(&line))?;
    }

    writeln!(out)?;
    let heading = format!("Gaps: {} of {}", r.gaps.len(), a.gaps.len());
    writeln!(out, "{}", paint(on, BOLD, &heading))?;
    if r.gaps.is_empty() {
        writeln!(out, "  none")?;
    } else {
        let width = r
            .gaps
            .iter()
            .map(|g| clean(&r.subject_ids(g)).chars().count())
            .max()
            .unwrap_or(0)
            .max(5);
        writeln!(
            out,
            "  {:<8} {:<13} {:<width$}  why",
            "severity", "kind", "units"
        )?;
        for g in &r.gaps {
            let sev = format!("{:<8}", format!("{:.2}", g.severity));
            let style = if g.severity >= 0.75 {
                RED
            } else if g.severity >= 0.5 {
                YELLOW
            } else {
                ""
            };
            let sev = if style.is_empty() {
                sev
            } else {
                paint(on, style, &sev)
            };
            writeln!(
                out,
                "  {sev} {:<13} {:<width$}  {}",
                g.kind.as_str(),
                clean(&r.subject_ids(g)),
                clean(&g.explanation)
            )?;
            for i in r.actions_of(g) {
                let line = format!("action {}: {}", i, clean(&r.action_line(i)));
                let line = if r.overdue(i) {
                    paint(on, RED, &line)
                } else {
                    line
                };
                writeln!(out, "  {:<8} {:<13} {:<width$}  {line}", "", "", "")?;
            }
        }
    }

    let (open, late) = r.open_actions();
    if !r.org.actions.is_empty() {
        writeln!(out)?;
        let heading = format!(
            "Actions: {} open, {} overdue, of {}",
            open.len(),
            late,
            r.org.actions.len()
        );
        writeln!(out, "{}", paint(on, BOLD, &heading))?;
        if open.is_empty() {
            writeln!(out, "  none open")?;
        }
        for i in open {
            let line = format!(
                "  {:<3} {}  {}",
                i,
                clean(&r.action_pair(i)),
                clean(&r.action_line(i))
            );
            let line = if r.overdue(i) {
                paint(on, RED, &line)
            } else {
                line
            };
            writeln!(out, "{line}")?;
        }
    }

    let brokers = r.brokers(5);
    if !brokers.is_empty() {
        writeln!(out)?;
        let heading = format!("Top brokers (betweenness{})", r.betweenness_note());
        writeln!(out, "{}", paint(on, BOLD, &heading))?;
        for u in brokers {
            let s = &a.nodes[u];
            writeln!(
                out,
                "  {:<8} {}  (degree {}, constraint {})",
                format!("{:.4}", s.betweenness),
                clean(r.name(u)),
                s.degree,
                s.constraint.map_or("-".into(), |c| format!("{c:.3}"))
            )?;
        }
    }

    if !a.groups.is_empty() {
        writeln!(out)?;
        // The same content as the Markdown report: silos counted here, listed as gaps.
        let silos = a.gaps.iter().filter(|g| g.kind == GapKind::Silo).count();
        let heading = format!(
            "Groups and silos ({})",
            super::count(silos, "silo", "silos")
        );
        writeln!(out, "{}", paint(on, BOLD, &heading))?;
        writeln!(
            out,
            "  {:<20} {:>5} {:>7} {:>7} {:>6}  communities",
            "group", "units", "inside", "outside", "E-I"
        )?;
        for (g, spread) in a.groups.iter().zip(&a.group_communities) {
            writeln!(
                out,
                "  {:<20} {:>5} {:>7} {:>7} {:>6}  {}",
                clean(&g.group),
                g.units,
                g.internal,
                g.external,
                g.ei_index.map_or("-".into(), number),
                spread.counts.len()
            )?;
        }
    }
    single_points_of_failure(r, on, out)
}

/// The units and ties whose loss splits the network, as the Markdown report lists them.
fn single_points_of_failure(r: &Report, on: bool, out: &mut dyn Write) -> io::Result<()> {
    let a = r.analysis;
    if a.articulation_points.is_empty() && a.bridges.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{}", paint(on, BOLD, "Single points of failure"))?;
    let units: Vec<String> = a
        .articulation_points
        .iter()
        .map(|&u| clean(r.name(u)))
        .collect();
    if !units.is_empty() {
        writeln!(
            out,
            "  units whose loss splits the network: {}",
            capped(&units)
        )?;
    }
    let ties: Vec<String> = a
        .bridges
        .iter()
        .map(|&(x, y)| format!("{}–{}", clean(r.name(x)), clean(r.name(y))))
        .collect();
    if !ties.is_empty() {
        writeln!(
            out,
            "  ties whose loss splits the network: {}",
            capped(&ties)
        )?;
    }
    Ok(())
}

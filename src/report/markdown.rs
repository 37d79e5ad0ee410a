//! The Markdown report: meeting notes a team can paste (summary, gaps, brokers, silos).

use std::io::{self, Write};

use super::Report;
use crate::analysis::GapKind;
use crate::analysis::needs::number;
use crate::text::clean;

/// Cleans file text and escapes characters that Markdown would act on inside a line, so a
/// name shows as written and never breaks a table (`|`) or starts a link, emphasis, code or
/// HTML. (Line-start markers such as `#` or `-` cannot occur: file text never starts a line.)
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Writes the Markdown report.
pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let a = r.analysis;
    writeln!(out, "# Collaboration gaps: {}", escape(r.title()))?;
    writeln!(out)?;
    writeln!(out, "- {}", r.size_line())?;
    writeln!(out, "- Targets: {}", escape(&r.scope()))?;
    writeln!(out, "- {}", r.structure_line())?;
    if let Some(line) = r.plan_line() {
        writeln!(out, "- {}", escape(&line))?;
    }
    writeln!(out)?;
    writeln!(out, "## Gaps ({} of {})", r.gaps.len(), a.gaps.len())?;
    writeln!(out)?;
    if r.gaps.is_empty() {
        writeln!(out, "No gaps.")?;
    } else {
        writeln!(
            out,
            "| Severity | Kind | Units | Initiative | Why | Actions |"
        )?;
        writeln!(out, "|---:|---|---|---|---|---|")?;
        for g in &r.gaps {
            let actions: Vec<String> = r
                .actions_of(g)
                .into_iter()
                .map(|i| action_cell(r, i))
                .collect();
            writeln!(
                out,
                "| {:.2} | {} | {} | {} | {} | {} |",
                g.severity,
                escape(g.kind.as_str()),
                escape(&r.subject_ids(g)),
                escape(g.initiative.as_deref().unwrap_or("")),
                escape(&g.explanation),
                actions.join("<br>")
            )?;
        }
    }
    let (open, late) = r.open_actions();
    if !r.org.actions.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "## Actions ({} open, {late} overdue, of {})",
            open.len(),
            r.org.actions.len()
        )?;
        writeln!(out)?;
        if open.is_empty() {
            writeln!(out, "No open actions.")?;
        } else {
            writeln!(out, "| # | Units | What | Owner | Due | Expect | Status |")?;
            writeln!(out, "|---:|---|---|---|---|---:|---|")?;
            for i in open {
                let a = &r.org.actions[i];
                let status = if r.overdue(i) {
                    "**overdue**"
                } else {
                    a.status().as_str()
                };
                writeln!(
                    out,
                    "| {i} | {} | {} | {} | {} | {} | {status} |",
                    escape(&r.action_pair(i)),
                    escape(&a.what),
                    escape(a.owner.as_deref().unwrap_or("")),
                    a.due.map(|d| d.to_string()).unwrap_or_default(),
                    a.expect
                        .map(crate::export::short_number)
                        .unwrap_or_default(),
                )?;
            }
        }
    }
    let brokers = r.brokers(5);
    if !brokers.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Top brokers{}", paren(&r.betweenness_note()))?;
        writeln!(out)?;
        writeln!(out, "| Unit | Group | Betweenness | Constraint | Degree |")?;
        writeln!(out, "|---|---|---:|---:|---:|")?;
        for u in brokers {
            let s = &a.nodes[u];
            writeln!(
                out,
                "| {} | {} | {:.4} | {} | {} |",
                escape(r.name(u)),
                escape(r.org.units[u].group.as_deref().unwrap_or("")),
                s.betweenness,
                s.constraint.map_or("".into(), |c| format!("{c:.3}")),
                s.degree
            )?;
        }
    }
    if !a.groups.is_empty() {
        let silos = a.gaps.iter().filter(|g| g.kind == GapKind::Silo).count();
        writeln!(out)?;
        let silos = super::count(silos, "silo", "silos");
        writeln!(out, "## Groups and silos ({silos})")?;
        writeln!(out)?;
        writeln!(
            out,
            "| Group | Units | Ties inside | Ties outside | E-I index | Spread over |"
        )?;
        writeln!(out, "|---|---:|---:|---:|---:|---:|")?;
        for (g, spread) in a.groups.iter().zip(&a.group_communities) {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                escape(&g.group),
                g.units,
                g.internal,
                g.external,
                g.ei_index.map_or("–".into(), number),
                super::count(spread.counts.len(), "community", "communities")
            )?;
        }
    }
    if !a.articulation_points.is_empty() || !a.bridges.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Single points of failure")?;
        writeln!(out)?;
        let names: Vec<String> = a
            .articulation_points
            .iter()
            .map(|&u| escape(r.name(u)))
            .collect();
        if !names.is_empty() {
            writeln!(
                out,
                "- Units whose loss splits the network: {}",
                capped(&names)
            )?;
        }
        let ties: Vec<String> = a
            .bridges
            .iter()
            .map(|&(x, y)| format!("{}–{}", escape(r.name(x)), escape(r.name(y))))
            .collect();
        if !ties.is_empty() {
            writeln!(
                out,
                "- Ties whose loss splits the network: {}",
                capped(&ties)
            )?;
        }
    }
    Ok(())
}

/// " (estimated from 256 sampled sources)" from ", estimated from ...", or nothing.
fn paren(note: &str) -> String {
    note.strip_prefix(", ")
        .map(|n| format!(" ({n})"))
        .unwrap_or_default()
}

/// An action in a table cell: "#2 what (owner, due …, status)", overdue ones in bold.
fn action_cell(r: &Report, i: usize) -> String {
    let text = format!("#{i} {}", escape(&r.action_line(i)));
    if r.overdue(i) {
        format!("**{text}**")
    } else {
        text
    }
}

/// Most items listed in one line of notes.
const LIST_CAP: usize = 20;

/// Joins the first [`LIST_CAP`] items, saying how many more there are.
pub(super) fn capped(items: &[String]) -> String {
    let shown = items[..items.len().min(LIST_CAP)].join(", ");
    match items.len().saturating_sub(LIST_CAP) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn table_breaking_and_active_characters_are_escaped() {
        assert_eq!(escape("R&D | Ops"), "R\\&D \\| Ops");
        assert_eq!(
            escape("*bold* _x_ `c` [l](u) <b>"),
            "\\*bold\\* \\_x\\_ \\`c\\` \\[l\\](u) \\<b\\>"
        );
        assert_eq!(escape("a\u{1b}[2Jb"), "a\\\\u{1b}\\[2Jb");
        assert_eq!(escape("Security (CISO)"), "Security (CISO)");
    }
}

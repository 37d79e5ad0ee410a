//! The detail pane: a unit (group, attributes, metrics, ties, gaps) or a pair (both ratings,
//! targets, the best indirect route).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::analysis::BetweennessDone;
use crate::text::clean;
use crate::tui::app::{App, Pending};

use super::gaps::who;
use super::symbols::is_alarm;
use super::{on_scale, prose, since, wrap};

type Lines = Vec<(Style, String)>;

/// Draws the detail pane, scrolled by `app.detail_scroll` lines; returns the largest scroll.
pub(crate) fn render(app: &App, area: Rect, buf: &mut Buffer) -> u16 {
    let t = &app.theme;
    let block = Block::bordered()
        .border_set(t.sym.border)
        .border_style(t.dim)
        .title(" Detail ");
    let inner = block.inner(area);
    if app.n() == 0 || inner.width < 4 {
        block.render(area, buf);
        return 0;
    }
    // Pre-wrapped (continuation lines indented under their first), so the scroll range is
    // exact; the paragraph draws, clips and scrolls them.
    let wrapped: Vec<Line> = lines(app)
        .into_iter()
        .flat_map(|(style, text)| {
            wrap(&text, inner.width as usize)
                .into_iter()
                .map(move |l| Line::from(Span::styled(l, style)))
        })
        .collect();
    let rows = inner.height as usize;
    let max = wrapped.len().saturating_sub(rows);
    let scroll = (app.detail_scroll as usize).min(max);
    let block = if max > 0 {
        let last = (scroll + rows).min(wrapped.len());
        block.title_bottom(format!(
            " {}-{last} of {} (Ctrl-d/Ctrl-u) ",
            scroll + 1,
            wrapped.len()
        ))
    } else {
        block
    };
    Paragraph::new(wrapped)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((scroll as u16, 0))
        .render(area, buf);
    max as u16
}

/// The lines of what is selected: a gap, a group, a pair or a unit.
fn lines(app: &App) -> Lines {
    let t = &app.theme;
    let gap = app
        .current_gap()
        .filter(|_| app.view == crate::tui::app::View::Gaps);
    if let Some(g) = gap {
        let mut lines = match g.to {
            Some(to) if to < app.n() => pair_lines(app, g.from.min(app.n() - 1), to, false),
            _ => unit_lines(app, g.from.min(app.n() - 1)),
        };
        lines.push((t.dim, "Enter jumps to it".into()));
        return lines;
    }
    if app.view == crate::tui::app::View::Gaps {
        // Nothing listed, nothing selected: no pair or unit from another view stands in.
        return vec![(t.dim, "No gap selected: none is listed.".into())];
    }
    if app.view == crate::tui::app::View::Matrix && app.matrix.groups() {
        let (r, _) = app.matrix.cell();
        if r < app.derived.groups.len() {
            return group_lines(app, r);
        }
    }
    match (
        app.graph
            .on_group()
            .filter(|_| app.view == crate::tui::app::View::Graph),
        app.pair_with,
    ) {
        (Some(g), _) => group_lines(app, g),
        (None, Some(b)) => pair_lines(app, app.selected, b, true),
        (None, None) => unit_lines(app, app.selected),
    }
}

/// Pads text with spaces to `w` display cells (names with wide characters line up).
fn pad(text: &str, w: usize) -> String {
    let have = ratatui::text::Span::raw(text).width();
    format!("{text}{}", " ".repeat(w.saturating_sub(have)))
}

/// The notes of the ties between two units, cleaned.
fn notes(app: &App, a: usize, b: usize) -> Vec<String> {
    let (x, y) = (&app.org.units[a].id, &app.org.units[b].id);
    app.org
        .ties
        .iter()
        .filter(|t| (&t.from == x && &t.to == y) || (&t.from == y && &t.to == x))
        .filter_map(|t| t.note.as_deref())
        .map(clean)
        .fold(Vec::new(), |mut out, n| {
            if !out.contains(&n) {
                out.push(n);
            }
            out
        })
}

fn group_lines(app: &App, g: usize) -> Lines {
    let t = &app.theme;
    let units: Vec<usize> = app
        .derived
        .order
        .iter()
        .copied()
        .filter(|&u| app.derived.unit_group[u] == g)
        .collect();
    let mut out = vec![
        (t.heading, app.derived.groups[g].clone()),
        (t.text, format!("{} units (Enter shows them)", units.len())),
    ];
    if let Some(s) = app.analysis.as_deref().and_then(|a| {
        a.groups
            .iter()
            .find(|s| clean(&s.group) == app.derived.groups[g])
    }) {
        out.push((
            t.text,
            format!(
                "ties inside {}{}outside {}",
                s.internal, t.sym.sep, s.external
            ),
        ));
        if let Some(ei) = s.ei_index {
            let words = if ei <= -0.5 {
                "most ties stay inside the group (a silo)"
            } else if ei < -0.1 {
                "more ties inside the group than outside"
            } else if ei <= 0.1 {
                "as many ties inside the group as outside"
            } else if ei < 0.5 {
                "more ties outside the group than inside"
            } else {
                "most ties reach outside the group"
            };
            out.push((
                t.text,
                format!("E-I index {ei:+.2}: {words} (-1 all inside, +1 all outside)"),
            ));
        }
    }
    for u in units {
        out.push((t.dim, format!("  {}", app.derived.labels[u])));
    }
    out
}

fn unit_lines(app: &App, u: usize) -> Lines {
    let t = &app.theme;
    let sym = t.sym;
    let unit = &app.org.units[u];
    let mut out = vec![(t.heading, app.derived.labels[u].clone())];
    out.push((
        t.dim,
        format!(
            "id {}{}{}",
            clean(&unit.id),
            sym.sep,
            app.derived
                .groups
                .get(app.derived.unit_group[u])
                .cloned()
                .unwrap_or_default()
        ),
    ));
    if let Some(size) = unit.size {
        out.push((t.dim, format!("size {size}")));
    }
    for (k, v) in &unit.attrs {
        out.push((t.dim, format!("{}: {}", clean(k), clean(&v.to_string()))));
    }
    match app
        .analysis
        .as_deref()
        .and_then(|a| a.nodes.get(u).map(|s| (a, s)))
    {
        Some((a, s)) => {
            let btw = match a.betweenness {
                BetweennessDone::Skipped => sym.ellipsis.to_string(),
                BetweennessDone::Exact => format!("{:.3}", s.betweenness),
                BetweennessDone::Sampled(k) => {
                    format!("{}{:.3} ({k} sources)", sym.approx, s.betweenness)
                }
            };
            let (was_strength, was_btw) = since::unit(app, u, s, a.betweenness);
            out.push((
                t.text,
                format!(
                    "degree {}{}strength {:.2}{was_strength}",
                    s.degree, sym.sep, s.strength
                ),
            ));
            out.push((t.text, format!("betweenness {btw}{was_btw}")));
        }
        None => out.push((t.dim, format!("metrics: computing{}", sym.ellipsis))),
    }
    if let Some(c) = &app.session.compare
        && app.session.old_index(&unit.id).is_none()
    {
        out.push((t.emphasis, format!("new since {}", c.label)));
    }
    // Gaps before ties: a unit found by search shows its gaps without scrolling.
    let gaps: Vec<_> = app
        .gaps()
        .iter()
        .filter(|g| g.from == u || g.to == Some(u))
        .collect();
    out.push((t.heading, format!("Gaps ({})", gaps.len())));
    for g in gaps.iter().take(8) {
        let style = if is_alarm(g.kind) { t.alarm } else { t.warn };
        out.push((
            style,
            format!(
                "{} {}: {}",
                sym.gap(g.kind),
                super::gaps::kind_words(g.kind),
                who(app, g)
            ),
        ));
    }
    let mut ties = app.derived.adj[u].clone();
    ties.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let arrows = if app.derived.net.directed {
        format!("; {} its rating, {} theirs", sym.right, sym.left)
    } else {
        String::new()
    };
    out.push((
        t.heading,
        format!("Ties ({}), strongest first{arrows}", ties.len()),
    ));
    let r = |x, y| {
        app.derived
            .net
            .rating(x, y)
            .map_or("?".to_string(), |s| on_scale(app, s))
    };
    let name_w = ties
        .iter()
        .map(|(v, _)| ratatui::text::Span::raw(app.derived.labels[*v].as_str()).width())
        .max()
        .unwrap_or(0)
        .min(24);
    // A longer name is cut with the ellipsis, so the ratings stay in one column.
    let name = |v: usize| {
        pad(
            &super::cut(&app.derived.labels[v], name_w, sym.ellipsis),
            name_w,
        )
    };
    for (v, _) in &ties {
        let mark = app.pair_gap(u, *v).map(|k| sym.gap(k)).unwrap_or(" ");
        let text = if app.derived.net.directed {
            format!(
                "{mark} {} {}{} {}{}",
                name(*v),
                r(u, *v),
                sym.right,
                r(*v, u),
                sym.left
            )
        } else {
            format!("{mark} {} {}", name(*v), r(u, *v))
        };
        out.push((t.text, text));
        for note in notes(app, u, *v) {
            out.push((t.dim, format!("    note: {note}")));
        }
    }
    out
}

pub(crate) fn pair_lines(app: &App, a: usize, b: usize, with_route: bool) -> Lines {
    let t = &app.theme;
    let sym = t.sym;
    let (la, lb) = (&app.derived.labels[a], &app.derived.labels[b]);
    // A tie with `strength: null` is an unknown rating; no tie from a non-respondent is a
    // missing answer. Both are unknown, never 0.
    let net = &app.derived.net;
    let r = |x, y| match net.rating(x, y) {
        Some(s) => on_scale(app, s),
        None if net.has_tie(x, y) => "unknown".to_string(),
        None => "unknown (did not answer)".to_string(),
    };
    let mut out = vec![(t.heading, format!("{la} {} {lb}", sym.both))];
    if app.derived.net.directed {
        let (ab, ba) = (since::rating(app, a, b), since::rating(app, b, a));
        out.push((t.text, format!("{la} rates {lb}: {}{ab}", r(a, b))));
        out.push((t.text, format!("{lb} rates {la}: {}{ba}", r(b, a))));
    } else if app.derived.net.has_tie(a, b) && app.derived.net.rating(a, b).is_none() {
        out.push((t.text, "rating: unknown".to_string()));
    }
    out.push((
        t.text,
        format!(
            "pair strength {}{} (scale {}-{})",
            on_scale(app, app.derived.net.pair(a, b)),
            since::pair(app, a, b),
            on_scale(app, 0.0),
            on_scale(app, 1.0)
        ),
    ));
    for note in notes(app, a, b) {
        out.push((t.dim, format!("note: {note}")));
    }
    if let Some(c) = &app.session.compare {
        let new: Vec<&str> = [a, b]
            .into_iter()
            .filter(|&u| app.session.old_index(&app.org.units[u].id).is_none())
            .map(|u| app.derived.labels[u].as_str())
            .collect();
        if !new.is_empty() {
            out.push((
                t.emphasis,
                format!("new since {}: {}", c.label, new.join(", ")),
            ));
        }
    }
    let chosen = app.initiative_id();
    let ids = (&app.org.units[a].id, &app.org.units[b].id);
    for target in &app.org.targets {
        let same = (&target.from, &target.to) == ids || (&target.to, &target.from) == ids;
        let applies =
            target.initiative.is_none() || chosen.is_none() || target.initiative == chosen;
        if same && applies {
            let who = target
                .initiative
                .as_deref()
                .map_or("baseline".to_string(), clean);
            out.push((
                t.text,
                format!(
                    "target {} ({who})",
                    on_scale(app, app.org.normalize(target.min))
                ),
            ));
            if let Some(why) = &target.why {
                out.push((t.dim, format!("  {}", clean(why))));
            }
        }
    }
    for g in app.gaps().iter().filter(|g| {
        g.to.is_some()
            && (g.from.min(g.to.unwrap_or(0)), g.from.max(g.to.unwrap_or(0)))
                == (a.min(b), a.max(b))
    }) {
        let style = if is_alarm(g.kind) { t.alarm } else { t.warn };
        out.push((
            style,
            format!("{} {}", sym.gap(g.kind), super::gaps::kind_words(g.kind)),
        ));
        out.push((t.text, format!("  {}", prose(app, &clean(&g.explanation)))));
    }
    if !with_route {
        return out;
    }
    out.push((t.heading, "Best route (strongest weakest link)".into()));
    match &app.route {
        Some((_, Some(p))) => {
            let names: Vec<&str> = p
                .units
                .iter()
                .filter_map(|&u| app.derived.labels.get(u).map(String::as_str))
                .collect();
            out.push((t.text, names.join(&format!(" {} ", sym.right))));
            out.push((t.text, format!("weakest link {}", on_scale(app, p.weakest))));
            if p.units.len() == 2 {
                out.push((t.dim, "(the direct tie is the best route)".into()));
            }
        }
        Some((_, None)) if app.pending == Some(Pending::Analysis) => {
            out.push((t.dim, format!("computing{}", sym.ellipsis)))
        }
        _ => out.push((t.dim, "none found".into())),
    }
    out
}

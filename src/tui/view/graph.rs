//! The graph view: ties as lines on a Canvas (braille, or the theme's line characters),
//! units and groups as labelled nodes on top, gaps marked with symbols at the middle of lines.

use std::collections::HashMap;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::Canvas;

use crate::analysis::GapKind;
use crate::tui::app::{App, VisNode};
use crate::tui::nav;

use super::labels::place_labels;
use super::lines::{Seg, Segs, char_lines};
use super::symbols::{LineGlyphs, is_alarm};
use super::{FrameInfo, Hit, put};

/// Widest label of a node, in display cells.
pub(super) const LABEL_CELLS: usize = 28;

/// Most lines drawn in one frame.
const MAX_LINES: usize = 1500;

/// Worst first: which gap kind an aggregated line shows.
fn gap_rank(k: GapKind) -> u8 {
    match k {
        GapKind::MissingTie => 0,
        GapKind::BelowTarget => 1,
        GapKind::SinglePoint => 2,
        GapKind::Asymmetric => 3,
        GapKind::Isolated | GapKind::Silo => 4,
    }
}

/// Draws the graph view.
pub(super) fn render(app: &App, area: Rect, buf: &mut Buffer, info: &mut FrameInfo) {
    if area.height < 3 || area.width < 10 {
        return;
    }
    let t = &app.theme;
    // The legend wraps to two lines where the graph keeps room enough, else it ends with
    // the ellipsis; it never runs into the detail pane.
    let legend = legend_lines(app, area.width, if area.height >= 16 { 2 } else { 1 });
    let h = legend.len() as u16;
    for (k, line) in legend.iter().enumerate() {
        let y = area.bottom() - h + k as u16;
        put(buf, area.x, y, line, area.width, t.dim);
    }
    let area = Rect {
        height: area.height - h,
        ..area
    };
    if app.n() == 0 {
        put(
            buf,
            area.x + 1,
            area.y + 1,
            "This org has no units yet.",
            area.width - 1,
            t.dim,
        );
        return;
    }
    if nav::waiting_for_layout(app) {
        let msg = format!(
            "laying out {} units{} (g shows the groups)",
            app.n(),
            t.sym.ellipsis
        );
        put(
            buf,
            area.x + 1,
            area.y + area.height / 2,
            &msg,
            area.width - 1,
            t.dim,
        );
        return;
    }
    let nodes = nav::visible(app);
    let cell = |p: (f64, f64)| -> (u16, u16) {
        let c = area.x + (p.0.clamp(0.0, 1.0) * (area.width - 1) as f64).round() as u16;
        let r = area.y + (p.1.clamp(0.0, 1.0) * (area.height - 1) as f64).round() as u16;
        (c, r)
    };
    let index: HashMap<VisNode, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, (v, _))| (*v, i))
        .collect();
    let mut size = vec![1usize; nodes.len()];
    let mut members = vec![0usize; app.derived.groups.len()];
    app.derived.unit_group.iter().for_each(|&g| members[g] += 1);
    for (i, (v, _)) in nodes.iter().enumerate() {
        if let VisNode::Group(g) = v {
            size[i] = members[*g].max(1);
        }
    }
    // Which visible node stands for each unit: itself, or its collapsed group.
    let mut shown_as: Vec<Option<usize>> = vec![None; app.n()];
    let mut group_node: Vec<Option<usize>> = vec![None; app.derived.groups.len()];
    for (i, (v, _)) in nodes.iter().enumerate() {
        match *v {
            VisNode::Unit(u) => shown_as[u] = Some(i),
            VisNode::Group(g) => group_node[g] = Some(i),
        }
    }
    for (u, slot) in shown_as.iter_mut().enumerate() {
        if slot.is_none() {
            *slot = group_node[app.derived.unit_group[u]];
        }
    }
    let node_of = |u: usize| shown_as.get(u).copied().flatten();
    // Aggregate ties and gaps onto the visible nodes.
    let mut edges: HashMap<(usize, usize), (f64, Option<GapKind>)> = HashMap::new();
    for &(a, b, p) in &app.derived.net.pairs {
        if let (Some(x), Some(y)) = (node_of(a), node_of(b))
            && x != y
        {
            edges.entry((x.min(y), x.max(y))).or_insert((0.0, None)).0 += p;
        }
    }
    let is_group = |i: usize| matches!(nodes[i].0, VisNode::Group(_));
    for g in app.gaps() {
        if let Some(to) = g.to
            && let (Some(x), Some(y)) = (node_of(g.from), node_of(to))
            && x != y
            // One-sided ratings are common in survey data; between groups they would mark
            // every line, so only target gaps are carried up to groups.
            && !(g.kind == GapKind::Asymmetric && (is_group(x) || is_group(y)))
        {
            let e = edges.entry((x.min(y), x.max(y))).or_insert((0.0, None));
            if e.1.is_none_or(|k| gap_rank(g.kind) < gap_rank(k)) {
                e.1 = Some(g.kind);
            }
        }
    }
    let cursor = nav::cursor(app).and_then(|c| index.get(&c).copied());
    let other = app.pair_with.and_then(node_of);
    let min = app.graph.threshold() as f64 * 0.2;
    let mut near = vec![false; nodes.len()];
    // In a crowded graph, lines are drawn sparser so that nodes and gaps stay readable; the
    // pattern never depends on the selection, so moving it repaints little.
    let crowded = nodes.len() > 12;
    let mut segs = Vec::new();
    let mut marks = Vec::new();
    // Lines worth drawing: above the threshold, or a gap. A crowded screen keeps gaps, the
    // selection's ties and the strongest others, so a frame stays cheap at any size.
    let mut lines: Vec<(usize, usize, f64, Option<GapKind>)> = edges
        .iter()
        .map(|(&(x, y), &(sum, gap))| (x, y, sum / (size[x] * size[y]) as f64, gap))
        .filter(|&(_, _, s, gap)| gap.is_some() || s >= min)
        .collect();
    if lines.len() > MAX_LINES {
        let keep = |l: &(usize, usize, f64, Option<GapKind>)| {
            l.3.is_some() || cursor.is_some_and(|c| c == l.0 || c == l.1)
        };
        lines.sort_by(|a, b| {
            keep(b)
                .cmp(&keep(a))
                .then(b.2.total_cmp(&a.2))
                .then((a.0, a.1).cmp(&(b.0, b.1)))
        });
        lines.truncate(MAX_LINES);
    }
    // Same order every frame (the map's is not), so the picture does not flicker.
    lines.sort_unstable_by_key(|l| (l.0, l.1));
    for (x, y, s, gap) in lines {
        let touches = cursor.is_some_and(|c| c == x || c == y);
        if touches {
            near[x] = true;
            near[y] = true;
        }
        let level = if s >= 0.67 {
            0
        } else if s >= 0.34 {
            1
        } else {
            2
        };
        let pattern = match (gap, level) {
            (Some(GapKind::MissingTie), _) => (3, 3),
            (_, 0) if crowded => (1, 1),
            (_, 1) if crowded => (1, 2),
            (_, _) if crowded => (1, 4),
            (_, 0) => (1, 0),
            (_, 1) => (2, 1),
            _ => (1, 2),
        };
        let color = match gap {
            Some(k) if is_alarm(k) => t.line_alarm,
            Some(_) => t.line_warn,
            None if touches => t.tie[level],
            None => t.faint,
        };
        let (a, b) = (cell(nodes[x].1), cell(nodes[y].1));
        segs.push(Seg {
            from: a,
            to: b,
            color,
            pattern,
        });
        if let Some(k) = gap {
            marks.push((((a.0 + b.0) / 2, (a.1 + b.1) / 2), k));
        }
    }
    if let (Some(c), Some(o)) = (cursor, other)
        && c != o
        && !edges.contains_key(&(c.min(o), c.max(o)))
    {
        segs.push(Seg {
            from: cell(nodes[c].1),
            to: cell(nodes[o].1),
            color: t.tie[0],
            pattern: (1, 3),
        });
    }
    if let LineGlyphs::Chars { .. } = t.sym.lines {
        char_lines(&segs, t.sym.lines, buf);
    } else {
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds([0.0, 1.0])
            .y_bounds([0.0, 1.0])
            .paint(|ctx| ctx.draw(&Segs { segs: &segs, area }))
            .render(area, buf);
    }
    for ((c, r), k) in marks {
        let style = if is_alarm(k) { t.alarm } else { t.warn };
        put(buf, c, r, t.sym.gap(k), 1, style);
    }
    // Nodes: dimmed first, then neighbours, then the selection on top.
    let labels_for_all = nodes.len() <= 40;
    let mut ordered: Vec<usize> = (0..nodes.len()).collect();
    let weight = |i: usize| {
        if Some(i) == cursor || Some(i) == other {
            2
        } else {
            near[i] as u8
        }
    };
    ordered.sort_by_key(|&i| weight(i));
    let labelled = place_labels(app, &nodes, &cell, area, &weight, labels_for_all, &members);
    for i in ordered {
        let (v, p) = nodes[i];
        let (c, r) = cell(p);
        let w = weight(i);
        let (marker, text, group, unit_gap) = match v {
            VisNode::Unit(u) => (
                t.sym.unit,
                app.derived.labels[u].clone(),
                app.derived.unit_group[u],
                app.unit_gaps
                    .get(&u)
                    .and_then(|&g| app.gaps().get(g))
                    .map(|g| g.kind),
            ),
            VisNode::Group(g) => (
                t.sym.group,
                format!("{} ({})", app.derived.groups[g], members[g]),
                g,
                None,
            ),
        };
        let label_style = match w {
            2 => t.selected,
            1 => t.emphasis,
            _ if cursor.is_some() => t.dim,
            _ => t.text,
        };
        let marker_style = if w == 2 {
            t.selected
        } else {
            Style::new().fg(t.group(group)).add_modifier(Modifier::BOLD)
        };
        let text = if labelled[i] {
            super::cut(&text, LABEL_CELLS, "")
        } else {
            String::new()
        };
        let len = ratatui::text::Span::raw(text.as_str()).width() as u16;
        let right = area.right();
        let x0 = if c + 1 + len > right {
            c.saturating_sub(len + 1).max(area.x)
        } else {
            c
        };
        if x0 == c {
            put(buf, c, r, marker, 1, marker_style);
            put(buf, c + 1, r, &text, right - c - 1, label_style);
        } else {
            put(buf, x0, r, &text, len, label_style);
            put(buf, c, r, marker, 1, marker_style);
        }
        if let Some(k) = unit_gap {
            let gx = (x0.max(c) + len + 1).min(right - 1);
            put(
                buf,
                gx,
                r,
                t.sym.gap(k),
                1,
                if is_alarm(k) { t.alarm } else { t.warn },
            );
        }
        let hit_w = (len + 1).min(right - x0.min(c));
        info.hits.push((
            Rect {
                x: x0.min(c),
                y: r,
                width: hit_w.max(1),
                height: 1,
            },
            Hit::Node(v),
        ));
    }
    // A collapsed group's marker stays on top of any label that runs under it (many groups
    // open), so it can always be seen and clicked.
    for &(v, p) in &nodes {
        if let VisNode::Group(g) = v {
            let (c, r) = cell(p);
            if info.hit(c, r) == Some(Hit::Node(v)) {
                continue;
            }
            let style = Style::new().fg(t.group(g)).add_modifier(Modifier::BOLD);
            put(buf, c, r, t.sym.group, 1, style);
            info.hits.push((Rect::new(c, r, 1, 1), Hit::Node(v)));
        }
    }
}

/// The legend's lines: focus, weak-tie filter and grouping first (they change what is
/// shown), then every gap mark in its words, then the line styles.
fn legend_lines(app: &App, width: u16, lines: usize) -> Vec<String> {
    let t = &app.theme;
    let kinds = GapKind::ALL;
    let mut parts: Vec<String> = Vec::new();
    if app.graph.grouped() {
        parts.push("grouped: Enter expands, Esc collapses".to_string());
    }
    if app.graph.threshold() > 0 {
        // On the file's scale, as the user knows the ratings.
        let min = super::on_scale(app, app.graph.threshold() as f64 * 0.2);
        parts.push(format!("ties >= {min}"));
    }
    if app.graph.hops() > 0 {
        parts.push(format!(
            "focus {} hop{}",
            app.graph.hops(),
            if app.graph.hops() > 1 { "s" } else { "" }
        ));
    }
    parts.extend(kinds.iter().map(|&k| super::gaps::kind_mark(t.sym, k)));
    parts.push("solid strong, dotted weak".to_string());
    super::legend::pack(&parts, width as usize, lines, "  ", t.sym.ellipsis)
}

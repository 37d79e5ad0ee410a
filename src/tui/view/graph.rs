//! The graph view: ties as lines on a Canvas (braille, or plain characters with `--ascii`),
//! units and groups as labelled nodes on top, gaps marked with symbols at the middle of lines.

use std::collections::{BTreeMap, HashMap};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Painter, Shape};

use crate::analysis::GapKind;
use crate::tui::app::{App, VisNode};
use crate::tui::nav;

use super::symbols::{gap_symbol, is_alarm};
use super::{FrameInfo, Hit, put};

/// A line between two cells, drawn with a dash pattern.
struct Seg {
    from: (u16, u16),
    to: (u16, u16),
    color: Color,
    /// Points on, points off (off = 0: solid).
    pattern: (usize, usize),
}

/// The lines, as a Canvas shape in the canvas's own coordinates.
struct Segs<'a> {
    segs: &'a [Seg],
    area: Rect,
}

impl Shape for Segs<'_> {
    fn draw(&self, painter: &mut Painter) {
        let (w, h) = (self.area.width as f64, self.area.height as f64);
        let to_canvas = |(c, r): (u16, u16)| {
            let x = (2.0 * (c - self.area.x) as f64 + 0.5) / (2.0 * w - 1.0).max(1.0);
            let y = 1.0 - (4.0 * (r - self.area.y) as f64 + 1.5) / (4.0 * h - 1.0).max(1.0);
            (x.clamp(0.0, 1.0), y.clamp(0.0, 1.0))
        };
        for s in self.segs {
            let (a, b) = (to_canvas(s.from), to_canvas(s.to));
            let (Some(p), Some(q)) = (painter.get_point(a.0, a.1), painter.get_point(b.0, b.1))
            else {
                continue;
            };
            for (i, (x, y)) in line(p, q).enumerate() {
                if s.pattern.1 == 0 || i % (s.pattern.0 + s.pattern.1) < s.pattern.0 {
                    painter.paint(x, y, s.color);
                }
            }
        }
    }
}

/// Points of a Bresenham line.
fn line(p: (usize, usize), q: (usize, usize)) -> impl Iterator<Item = (usize, usize)> {
    let (x0, y0, x1, y1) = (p.0 as i64, p.1 as i64, q.0 as i64, q.1 as i64);
    let (dx, dy) = ((x1 - x0).abs(), -(y1 - y0).abs());
    let (sx, sy) = (if x0 < x1 { 1 } else { -1 }, if y0 < y1 { 1 } else { -1 });
    let steps = dx.max(-dy) as usize;
    let (mut x, mut y, mut err) = (x0, y0, dx + dy);
    (0..=steps).map(move |_| {
        let out = (x.max(0) as usize, y.max(0) as usize);
        let e2 = 2 * err;
        if e2 >= dy {
            err += dy;
            x += sx;
        }
        if e2 <= dx {
            err += dx;
            y += sy;
        }
        out
    })
}

/// Draws lines with plain characters, for `--ascii`.
fn ascii_lines(segs: &[Seg], buf: &mut Buffer) {
    for s in segs {
        let (dx, dy) = (
            s.to.0 as i64 - s.from.0 as i64,
            s.to.1 as i64 - s.from.1 as i64,
        );
        let ch = if dy == 0 || dx.abs() > 2 * dy.abs() {
            "-"
        } else if dx == 0 || dy.abs() > 2 * dx.abs() {
            "|"
        } else if (dx > 0) == (dy > 0) {
            "\\"
        } else {
            "/"
        };
        let ch = if s.pattern.1 > 0 { "." } else { ch };
        for (i, (x, y)) in line(
            (s.from.0 as usize, s.from.1 as usize),
            (s.to.0 as usize, s.to.1 as usize),
        )
        .enumerate()
        {
            let on = s.pattern.1 == 0 || i % 2 == 0;
            if let Some(cell) = buf.cell_mut((x as u16, y as u16))
                && on
                && cell.symbol() == " "
            {
                cell.set_symbol(ch).set_fg(s.color);
            }
        }
    }
}

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
pub fn render(app: &App, area: Rect, buf: &mut Buffer, info: &mut FrameInfo) {
    if area.height < 3 || area.width < 10 {
        return;
    }
    let t = &app.theme;
    let legend = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let area = Rect {
        height: area.height - 1,
        ..area
    };
    draw_legend(app, legend, buf);
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
        let msg = format!("laying out {} units… (g shows the groups)", app.n());
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
    let mut members = vec![0usize; app.groups.len()];
    app.unit_group.iter().for_each(|&g| members[g] += 1);
    for (i, (v, _)) in nodes.iter().enumerate() {
        if let VisNode::Group(g) = v {
            size[i] = members[*g].max(1);
        }
    }
    let node_of = |u: usize| -> Option<usize> {
        index
            .get(&VisNode::Unit(u))
            .or_else(|| {
                let g = app.unit_group[u];
                index.get(&VisNode::Group(g))
            })
            .copied()
    };
    // Aggregate ties and gaps onto the visible nodes.
    let mut edges: BTreeMap<(usize, usize), (f64, Option<GapKind>)> = BTreeMap::new();
    for &(a, b, p) in &app.net.pairs {
        if let (Some(x), Some(y)) = (node_of(a), node_of(b))
            && x != y
        {
            edges.entry((x.min(y), x.max(y))).or_insert((0.0, None)).0 += p;
        }
    }
    for g in app.gaps() {
        if let Some(to) = g.to
            && let (Some(x), Some(y)) = (node_of(g.from), node_of(to))
            && x != y
        {
            let e = edges.entry((x.min(y), x.max(y))).or_insert((0.0, None));
            if e.1.is_none_or(|k| gap_rank(g.kind) < gap_rank(k)) {
                e.1 = Some(g.kind);
            }
        }
    }
    let cursor = nav::cursor(app).and_then(|c| index.get(&c).copied());
    let other = app.pair_with.and_then(node_of);
    let min = app.graph.threshold as f64 * 0.2;
    let mut near = vec![false; nodes.len()];
    // In a crowded graph, ties away from the selection are drawn faintly (every 4th point).
    let crowded = nodes.len() > 12 && cursor.is_some();
    let mut segs = Vec::new();
    let mut marks = Vec::new();
    for (&(x, y), &(sum, gap)) in &edges {
        let s = sum / (size[x] * size[y]) as f64;
        if gap.is_none() && s < min {
            continue;
        }
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
            (None, _) if crowded && !touches => (1, 3),
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
    if app.ascii {
        ascii_lines(&segs, buf);
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
        put(buf, c, r, gap_symbol(k, app.ascii), 1, style);
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
    for i in ordered {
        let (v, p) = nodes[i];
        let (c, r) = cell(p);
        let w = weight(i);
        let (marker, text, group, unit_gap) = match v {
            VisNode::Unit(u) => (
                if app.ascii { "o" } else { "●" },
                app.labels[u].clone(),
                app.unit_group[u],
                app.unit_gaps
                    .get(&u)
                    .and_then(|&g| app.gaps().get(g))
                    .map(|g| g.kind),
            ),
            VisNode::Group(g) => (
                if app.ascii { "#" } else { "◆" },
                format!("{} ({})", app.groups[g], members[g]),
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
        let text: String = text.chars().take(22).collect();
        let text = if w > 0 || labels_for_all {
            text
        } else {
            String::new()
        };
        let len = text.chars().count() as u16;
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
                gap_symbol(k, app.ascii),
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
}

fn draw_legend(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let a = app.ascii;
    let mut parts = vec![
        format!("{} below target", gap_symbol(GapKind::BelowTarget, a)),
        format!("{} missing tie", gap_symbol(GapKind::MissingTie, a)),
        format!("{} one-sided", gap_symbol(GapKind::Asymmetric, a)),
        "solid strong, dotted weak".to_string(),
    ];
    if app.graph.hops > 0 {
        parts.insert(
            0,
            format!(
                "focus {} hop{}",
                app.graph.hops,
                if app.graph.hops > 1 { "s" } else { "" }
            ),
        );
    }
    if app.graph.threshold > 0 {
        parts.insert(
            0,
            format!("ties >= {:.1}", app.graph.threshold as f64 * 0.2),
        );
    }
    if app.graph.grouped {
        parts.insert(0, "grouped: Enter expands, Esc collapses".to_string());
    }
    let text = format!(" {}", parts.join(if a { " | " } else { " · " }));
    put(buf, area.x, area.y, &text, area.width, t.dim);
}

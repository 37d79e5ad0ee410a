//! The matrix by groups: group × group block density (the pair strengths between two groups
//! over the pairs they could have), with each group's E-I index; `Enter` drills into the
//! units of a block.

use std::collections::HashMap;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::text::clean;
use crate::tui::app::App;

use super::matrix::{CELL, cells, cut_all, per_row};
use super::{FrameInfo, Hit, on_scale, put};

/// Block densities between groups, in [0, 1]: `(row, col) -> density`; the diagonal is the
/// density inside a group.
pub(super) fn densities(app: &App) -> HashMap<(usize, usize), f64> {
    let d = &app.derived;
    let count = d.groups.len();
    let mut sizes = vec![0usize; count];
    d.unit_group.iter().for_each(|&g| sizes[g] += 1);
    let mut sums: HashMap<(usize, usize), f64> = HashMap::new();
    for &(a, b, p) in &d.net.pairs {
        let (ga, gb) = (d.unit_group[a], d.unit_group[b]);
        *sums.entry((ga.min(gb), ga.max(gb))).or_insert(0.0) += p;
    }
    sums.into_iter()
        .flat_map(|((a, b), s)| {
            let pairs = if a == b {
                sizes[a] * sizes[a].saturating_sub(1) / 2
            } else {
                sizes[a] * sizes[b]
            };
            let v = s / pairs.max(1) as f64;
            [((a, b), v), ((b, a), v)]
        })
        .collect()
}

/// The E-I index of a group from the analysis, if known.
fn ei(app: &App, g: usize) -> Option<f64> {
    let name = app.derived.groups.get(g)?;
    app.analysis
        .as_deref()?
        .groups
        .iter()
        .find(|s| &clean(&s.group) == name)?
        .ei_index
}

/// Draws the group × group matrix.
pub(super) fn render(app: &App, area: Rect, buf: &mut Buffer, info: &mut FrameInfo) {
    let t = &app.theme;
    let sym = t.sym;
    let d = &app.derived;
    let count = d.groups.len();
    if area.height < 6 || area.width < 20 || count == 0 {
        return;
    }
    let dens = densities(app);
    let (row, col) = app.matrix.cell();
    let (row, col) = (row.min(count - 1), col.min(count - 1));
    let mut sizes = vec![0usize; count];
    d.unit_group.iter().for_each(|&g| sizes[g] += 1);
    let density = dens.get(&(row, col)).copied().unwrap_or(0.0);
    let what = if row == col {
        format!(
            " {} ({} units) inside: block density {}{}Enter shows its units",
            d.groups[row],
            sizes[row],
            on_scale(app, density),
            sym.sep
        )
    } else {
        format!(
            " {} ({}) {} {} ({}): block density {}{}Enter shows their units",
            d.groups[row],
            sizes[row],
            sym.both,
            d.groups[col],
            sizes[col],
            on_scale(app, density),
            sym.sep
        )
    };
    put(buf, area.x, area.y, &what, area.width, t.heading);
    let ramp = sym.ramp;
    let label_w = (d
        .groups
        .iter()
        .map(|g| ratatui::text::Span::raw(g.as_str()).width())
        .max()
        .unwrap_or(4) as u16
        + 1)
    .clamp(5, 24)
    .min(area.width / 3);
    let head_h = 4u16.min(area.height / 4);
    let top = area.y + 2 + head_h;
    let rows = area.bottom().saturating_sub(top) as usize;
    // The E-I column at the right: " +0.56".
    let ei_w = 7u16;
    let cols = (area.width.saturating_sub(label_w + ei_w) / CELL) as usize;
    if rows == 0 || cols == 0 {
        return;
    }
    info.page = rows as u16;
    let (r0, c0) = ((row / rows) * rows, (col / cols) * cols);
    // The position first (it must stay visible), then the legend as far as it fits.
    let parts = [
        format!("columns {}-{} of {}", c0 + 1, (c0 + cols).min(count), count),
        format!(
            "groups: {}{}{}{} weak{}strong block density",
            ramp[0], ramp[1], ramp[2], ramp[3], sym.right
        ),
        "E-I -1 all inside, +1 all outside".to_string(),
        "g units".to_string(),
    ];
    let legend = super::legend::pack(&parts, area.width as usize, 1, "  ", sym.ellipsis);
    let legend = legend.first().map_or("", String::as_str);
    put(buf, area.x, area.y + 1, legend, area.width, t.dim);
    let heads = cut_all(&d.groups, head_h as usize, sym.ellipsis, per_row);
    let names = cut_all(&d.groups, label_w as usize - 1, sym.ellipsis, cells);
    for (k, c) in (c0..(c0 + cols).min(count)).enumerate() {
        let x = area.x + label_w + k as u16 * CELL;
        let style = if c == col { t.selected } else { t.dim };
        for (i, ch) in heads[c].chars().enumerate() {
            put(buf, x, area.y + 2 + i as u16, &ch.to_string(), CELL, style);
        }
    }
    let ei_x = area.x + label_w + (((c0 + cols).min(count) - c0) as u16) * CELL + 1;
    put(buf, ei_x, top - 1, "E-I", ei_w, t.dim);
    for (k, r) in (r0..(r0 + rows).min(count)).enumerate() {
        let y = top + k as u16;
        let style = if r == row { t.selected } else { t.text };
        put(buf, area.x, y, &names[r], label_w - 1, style);
        for (j, c) in (c0..(c0 + cols).min(count)).enumerate() {
            let x = area.x + label_w + j as u16 * CELL;
            let v = dens.get(&(r, c)).copied().unwrap_or(0.0);
            let glyph = if v <= 0.0 {
                sym.none
            } else {
                ramp[((v * 4.0).ceil() as usize).clamp(1, 4) - 1]
            };
            let mut cell_style = if v <= 0.0 {
                t.dim
            } else {
                t.ramp[((v * 4.0).ceil() as usize).clamp(1, 4) - 1]
            };
            if r == row && c == col {
                cell_style = cell_style.patch(t.selected);
            }
            put(buf, x, y, &glyph.repeat(2), CELL, cell_style);
            info.hits.push((
                Rect {
                    x,
                    y,
                    width: CELL,
                    height: 1,
                },
                Hit::Block(r, c),
            ));
        }
        if let Some(e) = ei(app, r) {
            put(buf, ei_x, y, &format!("{e:+.2}"), ei_w, t.text);
        }
    }
}

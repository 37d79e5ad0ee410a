//! The matrix view: a heat map of ratings, row -> column, with gap cells marked by symbol.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::app::App;

use super::symbols::is_alarm;
use super::{FrameInfo, Hit, on_scale, put};

/// Width of one cell in columns.
pub(super) const CELL: u16 = 2;

/// The cell text and style of the rating `row -> col`.
fn cell(app: &App, a: usize, b: usize) -> (String, ratatui::style::Style) {
    let t = &app.theme;
    let sym = t.sym;
    if a == b {
        return (format!("{} ", sym.diagonal), t.dim);
    }
    let (glyph, style) = match app.derived.net.rating(a, b) {
        None => ("?", t.dim),
        Some(s) if s <= 0.0 => (sym.none, t.dim),
        Some(s) => {
            let level = ((s * 4.0).ceil() as usize).clamp(1, 4) - 1;
            (sym.ramp[level], t.ramp[level])
        }
    };
    match app.pair_gap(a, b) {
        Some(k) => (
            format!("{glyph}{}", sym.gap(k)),
            if is_alarm(k) { t.alarm } else { t.warn },
        ),
        None => (format!("{glyph}{glyph}"), style),
    }
}

/// How wide a character is: one row of a header written downwards, or its display cells.
pub(super) type Measure = fn(char) -> usize;

/// One row per character (headers written downwards).
pub(super) fn per_row(_: char) -> usize {
    1
}

/// Display cells (labels written across).
pub(super) fn cells(c: char) -> usize {
    ratatui::text::Span::raw(c.encode_utf8(&mut [0; 4]).to_string()).width()
}

/// The longest start of `text` at most `w` wide.
fn start(text: &str, w: usize, m: Measure) -> String {
    let mut used = 0;
    text.chars()
        .take_while(|&c| {
            used += m(c);
            used <= w
        })
        .collect()
}

/// A label cut to `w` (by `m`) in the middle (with the ellipsis `ell`), keeping its end:
/// units of one group often share the start of their names and differ at the end
/// ("Operations 5 team 12").
pub(super) fn keep_ends(label: &str, w: usize, ell: &str, m: Measure) -> String {
    let width = |t: &str| t.chars().map(m).sum::<usize>();
    let e = width(ell);
    if width(label) <= w {
        return label.to_string();
    }
    if w < e + 2 {
        return start(label, w, m);
    }
    let head = (w - e) / 2;
    let tail = w - e - head;
    let mut end: Vec<char> = Vec::new();
    let mut used = 0;
    for c in label.chars().rev() {
        if used + m(c) > tail {
            break;
        }
        used += m(c);
        end.push(c);
    }
    let mut out = start(label, head, m);
    out.push_str(ell);
    out.extend(end.into_iter().rev());
    out
}

/// Every label cut to `w` (by `m`): its start, unless another label has the same start,
/// then both ends (`keep_ends`).
pub(super) fn cut_all(labels: &[String], w: usize, ell: &str, m: Measure) -> Vec<String> {
    let starts: Vec<String> = labels.iter().map(|l| start(l, w, m)).collect();
    let mut count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for s in &starts {
        *count.entry(s.as_str()).or_insert(0) += 1;
    }
    labels
        .iter()
        .zip(&starts)
        .map(|(l, s)| {
            if count.get(s.as_str()).copied().unwrap_or(0) > 1 && s != l {
                keep_ends(l, w, ell, m)
            } else {
                s.clone()
            }
        })
        .collect()
}

/// Draws the matrix view.
pub(super) fn render(app: &App, area: Rect, buf: &mut Buffer, info: &mut FrameInfo) {
    let t = &app.theme;
    let sym = t.sym;
    let n = app.n();
    if area.height < 4 || area.width < 12 {
        return;
    }
    if n == 0 {
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
    let label_w = (app
        .derived
        .labels
        .iter()
        .map(|l| ratatui::text::Span::raw(l.as_str()).width())
        .max()
        .unwrap_or(4) as u16
        + 1)
    .clamp(5, 24)
    .min(area.width / 3);
    let head_h = (app
        .derived
        .labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(1) as u16)
        .clamp(1, 5)
        .min(area.height / 4);
    let top = area.y + 2 + head_h;
    let rows = area.bottom().saturating_sub(top) as usize;
    let cols = ((area.width - label_w) / CELL) as usize;
    if rows == 0 || cols == 0 {
        return;
    }
    info.page = rows as u16;
    let row = app.derived.rank[app.selected];
    let col = app.derived.rank[app.pair_with.unwrap_or(app.selected)];
    let (r0, c0) = app.matrix.window(row, col, rows, cols, n);
    // Line 1: what the selected cell says; line 2: a legend.
    let (a, b) = (app.derived.order[row], app.derived.order[col]);
    let what = if a == b {
        format!(
            " {}: pick a column with {}/{} to see a pair",
            app.derived.labels[a], sym.left, sym.right
        )
    } else {
        let r = |x, y| {
            app.derived
                .net
                .rating(x, y)
                .map_or("unknown".to_string(), |s| on_scale(app, s))
        };
        let (to, range) = (sym.right, sym.range);
        let (la, lb) = (&app.derived.labels[a], &app.derived.labels[b]);
        let (x, y) = (r(a, b), r(b, a));
        let scale = format!(
            "   (scale {}{range}{})",
            on_scale(app, 0.0),
            on_scale(app, 1.0)
        );
        // Both ratings always: the scale goes first, then the names are cut alike.
        let line = |la: &str, lb: &str| format!(" {la} {to} {lb}: {x}   {lb} {to} {la}: {y}");
        let cells = |s: &str| ratatui::text::Span::raw(s).width();
        let w = area.width as usize;
        let both = line(la, lb);
        if cells(&both) + cells(&scale) <= w {
            format!("{both}{scale}")
        } else if cells(&both) <= w {
            both
        } else {
            let fixed = cells(&both) - 2 * (cells(la) + cells(lb));
            let (ra, rb) = super::gaps::share(cells(la), cells(lb), w.saturating_sub(fixed) / 2);
            // Names that start alike keep the ends that tell them apart.
            let tell = |l: &str, w: usize| super::gaps::tell_apart(app, l, w);
            line(&tell(la, ra), &tell(lb, rb))
        }
    };
    put(buf, area.x, area.y, &what, area.width, t.heading);
    // The legend: the position first when the columns do not all fit (it must stay
    // visible), then what cells and marks mean, as far as the width allows (the ellipsis
    // says that more is in the help).
    let ramp = sym.ramp;
    use crate::analysis::GapKind;
    let mut parts = Vec::new();
    if cols < n {
        parts.push(format!(
            "columns {}-{} of {}",
            c0 + 1,
            (c0 + cols).min(n),
            n
        ));
    }
    parts.push(format!(
        "row rates column: {}{}{}{} weak{}strong",
        ramp[0], ramp[1], ramp[2], ramp[3], sym.right
    ));
    // "none" beside the ramp: in ASCII its mark and the weakest shade look alike.
    parts.push(format!("{} none", sym.none));
    parts.extend(
        [
            GapKind::BelowTarget,
            GapKind::MissingTie,
            GapKind::Asymmetric,
        ]
        .iter()
        .map(|&k| super::gaps::kind_mark(sym, k)),
    );
    parts.push("? unknown".to_string());
    let legend = super::legend::pack(&parts, area.width as usize, 1, "  ", sym.ellipsis);
    let legend = legend.first().map_or("", String::as_str);
    put(buf, area.x, area.y + 1, legend, area.width, t.dim);
    // Labels cut at the end, or in the middle where that would make two look alike.
    let heads = cut_all(&app.derived.labels, head_h as usize, sym.ellipsis, per_row);
    let rows_cut = cut_all(
        &app.derived.labels,
        label_w as usize - 1,
        sym.ellipsis,
        cells,
    );
    // Column headers, written downwards.
    for (k, c) in (c0..(c0 + cols).min(n)).enumerate() {
        let x = area.x + label_w + k as u16 * CELL;
        let style = if c == col { t.selected } else { t.dim };
        let head = &heads[app.derived.order[c]];
        // One character a row; a wide one fills the column's two cells.
        for (i, ch) in head.chars().enumerate() {
            put(buf, x, area.y + 2 + i as u16, &ch.to_string(), CELL, style);
        }
    }
    for (k, r) in (r0..(r0 + rows).min(n)).enumerate() {
        let y = top + k as u16;
        let u = app.derived.order[r];
        let style = if r == row { t.selected } else { t.text };
        let label = &rows_cut[u];
        put(buf, area.x, y, label, label_w - 1, style);
        for (j, c) in (c0..(c0 + cols).min(n)).enumerate() {
            let x = area.x + label_w + j as u16 * CELL;
            let (text, mut style) = cell(app, u, app.derived.order[c]);
            if r == row && c == col {
                style = style.patch(t.selected);
            }
            put(buf, x, y, &text, CELL, style);
        }
    }
    let grid = Rect {
        x: area.x + label_w,
        y: top,
        width: (((c0 + cols).min(n) - c0) as u16) * CELL,
        height: ((r0 + rows).min(n) - r0) as u16,
    };
    for dr in 0..grid.height {
        for dc in 0..grid.width / CELL {
            let rect = Rect {
                x: grid.x + dc * CELL,
                y: grid.y + dr,
                width: CELL,
                height: 1,
            };
            info.hits
                .push((rect, Hit::Cell(r0 + dr as usize, c0 + dc as usize)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{cells, keep_ends};

    #[test]
    fn cut_labels_keep_the_end_that_tells_units_apart() {
        assert_eq!(
            keep_ends("Operations 5 team 12", 20, "…", cells),
            "Operations 5 team 12"
        );
        assert_eq!(
            keep_ends("Operations 5 team 12", 11, "…", cells),
            "Opera…am 12"
        );
        assert_ne!(
            keep_ends("Operations 5 team 12", 11, "…", cells),
            keep_ends("Operations 5 team 13", 11, "…", cells)
        );
        assert_eq!(keep_ends("abcdef", 2, "…", cells), "ab");
        let labels: Vec<String> = ["Operations 5 team 12", "Operations 5 team 13", "Finance"]
            .map(String::from)
            .to_vec();
        let cut = super::cut_all(&labels, 11, "…", cells);
        assert_eq!(cut, ["Opera…am 12", "Opera…am 13", "Finance"]);
        assert_eq!(
            super::cut_all(&labels, 11, "...", cells),
            ["Oper...m 12", "Oper...m 13", "Finance"]
        );
        // Wide characters count two cells: the cut labels stay within the width.
        let wide: Vec<String> = ["営業部門チーム一", "営業部門チーム二"]
            .map(String::from)
            .to_vec();
        let cut = super::cut_all(&wide, 9, "…", cells);
        assert_eq!(cut, ["営業…ム一", "営業…ム二"]);
        assert_eq!(
            super::cut_all(&wide, 3, "…", super::per_row),
            ["営…一", "営…二"]
        );
    }
}

//! The gap list: every gap ranked by severity, with the pair, actual vs target and why.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::analysis::Gap;
use crate::tui::app::{App, Pending};
use crate::tui::whatif::Change;

use super::symbols::{gap_symbol, is_alarm};
use super::{FrameInfo, Hit, on_scale, put};

/// A severity bar of `width` cells.
pub fn bar(severity: f64, width: usize, ascii: bool) -> String {
    let filled = (severity.clamp(0.0, 1.0) * width as f64).round() as usize;
    let (on, off) = if ascii { ("#", ".") } else { ("█", "·") };
    format!("{}{}", on.repeat(filled), off.repeat(width - filled))
}

/// "CIO office ↔ Security" or the unit (or group) of a unit gap.
pub fn who(app: &App, g: &Gap) -> String {
    let name = |u: usize| app.labels.get(u).cloned().unwrap_or_else(|| "?".into());
    match (g.to, &g.group) {
        (Some(to), _) => format!(
            "{} {} {}",
            name(g.from),
            if app.ascii { "<->" } else { "↔" },
            name(to)
        ),
        (None, Some(group)) => format!("group {}", crate::text::clean(group)),
        (None, None) => name(g.from),
    }
}

/// How a gap changed since OLD (`--compare`): "new", "▲0.15" (widened by that severity),
/// "▼0.10" (narrowed), or nothing.
pub fn mark(app: &App, g: &Gap) -> String {
    let Some((change, (before, now))) = app.session.diff.as_ref().and_then(|d| d.mark(&app.org, g))
    else {
        return String::new();
    };
    let (up, down) = if app.ascii {
        ("^", "v")
    } else {
        ("▲", "▼")
    };
    match change {
        Change::Opened => "new".into(),
        Change::Widened => format!("{up}{:.2}", now - before),
        Change::Narrowed => format!("{down}{:.2}", before - now),
        Change::Closed => String::new(),
    }
}

/// Draws the gap list.
pub fn render(app: &App, area: Rect, buf: &mut Buffer, info: &mut FrameInfo) {
    let t = &app.theme;
    if area.height < 3 || area.width < 20 {
        return;
    }
    let gaps = app.gaps();
    if gaps.is_empty() {
        let msg = match app.pending {
            Some(Pending::Analysis) => "Looking for gaps…".to_string(),
            _ if app.org.targets.is_empty() => {
                "No gaps found. This org has no targets: add targets (the collaboration pairs need) to see gaps below target.".to_string()
            }
            _ => format!("No gaps under {}.", app.initiative_label()),
        };
        put(buf, area.x + 1, area.y + 1, &msg, area.width - 1, t.dim);
        return;
    }
    let longest = gaps
        .iter()
        .map(|g| who(app, g).chars().count())
        .max()
        .unwrap_or(4);
    // Narrow screens leave the pair out: the explanation names it too.
    let pair_w = if area.width < 100 {
        0
    } else {
        longest.clamp(4, ((area.width as usize) * 3 / 10).max(14))
    };
    // With `--compare`, a column says how each gap changed since OLD.
    let comparing = app.session.compare.is_some();
    let header = format!(
        " {:<8} {}{:<15}{:<pair_w$} {:>11}  why",
        "severity",
        if comparing { "since  " } else { "" },
        "kind",
        if pair_w > 0 { "pair" } else { "" },
        "actual/need"
    );
    put(buf, area.x, area.y, &header, area.width, t.heading);
    let rows = (area.height - 1) as usize;
    info.page = rows as u16;
    let first = (app.gap_cursor / rows) * rows;
    for (k, (i, g)) in gaps.iter().enumerate().skip(first).take(rows).enumerate() {
        let y = area.y + 1 + k as u16;
        let style = if is_alarm(g.kind) { t.alarm } else { t.warn };
        let values = match (g.actual, g.target) {
            (Some(a), Some(b)) => format!("{}/{}", on_scale(app, a), on_scale(app, b)),
            (None, Some(b)) => format!("-/{}", on_scale(app, b)),
            (Some(a), None) => on_scale(app, a),
            (None, None) => String::new(),
        };
        let pair: String = who(app, g).chars().take(pair_w).collect();
        let kind = format!("{} {}", gap_symbol(g.kind, app.ascii), g.kind.as_str());
        let row_style = if i == app.gap_cursor {
            t.selected
        } else {
            t.text
        };
        let mut x = put(buf, area.x, y, " ", 1, row_style);
        x = put(
            buf,
            x,
            y,
            &bar(g.severity, 8, app.ascii),
            8,
            if i == app.gap_cursor {
                t.selected
            } else {
                style
            },
        );
        x = put(buf, x, y, " ", 1, row_style);
        if comparing {
            x = put(buf, x, y, &format!("{:<6} ", mark(app, g)), 7, row_style);
        }
        x = put(
            buf,
            x,
            y,
            &format!("{kind:<15}"),
            15,
            if i == app.gap_cursor {
                t.selected
            } else {
                style
            },
        );
        let rest = format!(
            " {pair:<pair_w$} {values:>11}  {}",
            crate::text::clean(&g.explanation)
        );
        put(buf, x, y, &rest, area.right().saturating_sub(x), row_style);
        info.hits.push((
            Rect {
                x: area.x,
                y,
                width: area.width,
                height: 1,
            },
            Hit::Gap(i),
        ));
    }
}

//! The gap list: every gap ranked by severity, with the pair, actual vs target and why.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::analysis::Gap;
use crate::tui::app::{App, Pending};
use crate::tui::whatif::Change;

use super::symbols::is_alarm;
use super::{FrameInfo, Hit, cut, on_scale, prose, put};

/// "CIO office ↔ Security" or the unit (or group) of a unit gap.
pub(crate) fn who(app: &App, g: &Gap) -> String {
    let name = |u: usize| {
        app.derived
            .labels
            .get(u)
            .cloned()
            .unwrap_or_else(|| "?".into())
    };
    match (g.to, &g.group) {
        (Some(to), _) => format!("{} {} {}", name(g.from), app.theme.sym.both, name(to)),
        (None, Some(group)) => format!("group {}", crate::text::clean(group)),
        (None, None) => name(g.from),
    }
}

/// How a gap changed since OLD (`--compare`): "new", "▲0.15" (widened by that severity),
/// "▼0.10" (narrowed), or nothing.
pub(crate) fn mark(app: &App, g: &Gap) -> String {
    let Some((change, (before, now))) = app.session.diff.as_ref().and_then(|d| d.mark(&app.org, g))
    else {
        return String::new();
    };
    let (up, down) = (app.theme.sym.up, app.theme.sym.down);
    match change {
        Change::Opened => "new".into(),
        Change::Widened => format!("{up}{:.2}", now - before),
        Change::Narrowed => format!("{down}{:.2}", before - now),
        Change::Closed => String::new(),
    }
}

/// Draws the gap list: a title line with the position, the count and the filters, then one
/// row per gap that the filters let through.
pub(crate) fn render(app: &App, area: Rect, buf: &mut Buffer, info: &mut FrameInfo) {
    let t = &app.theme;
    if area.height < 4 || area.width < 20 {
        return;
    }
    let gaps = app.gaps();
    let visible = app.visible_gaps();
    let cursor = app.gap_list.cursor();
    let filters = app.gap_list.describe(&app.org, &app.derived);
    let sym = t.sym;
    let sep = sym.sep;
    let mut title = if visible.is_empty() {
        format!(" 0 of {} gaps", gaps.len())
    } else if app.gap_list.filtered() {
        format!(
            " {} of {}{sep}{} of {} gaps",
            cursor + 1,
            visible.len(),
            visible.len(),
            gaps.len()
        )
    } else {
        format!(" {} of {} gaps", cursor + 1, gaps.len())
    };
    if !filters.is_empty() {
        title.push_str(sep);
        title.push_str(&prose(app, &filters));
    }
    title.push_str(&format!("{sep}{}", app.initiative_label()));
    if let Some((now, with)) = crate::tui::review::plan::counts(app) {
        title.push_str(&format!(
            "{sep}{now} now, {with} with the plan ({} it closes)",
            sym.check
        ));
    }
    put(buf, area.x, area.y, &title, area.width, t.heading);
    let area = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    if visible.is_empty() {
        let msg = match app.pending {
            Some(Pending::Analysis) => format!("Looking for gaps{}", sym.ellipsis),
            _ if !gaps.is_empty() => "No gap passes the filters (Esc clears them).".to_string(),
            _ if app.org.targets.is_empty() => {
                "No gaps found. This org has no targets: add targets (the collaboration pairs need) to see gaps below target.".to_string()
            }
            _ => format!("No gaps under {}.", app.initiative_label()),
        };
        put(buf, area.x + 1, area.y + 1, &msg, area.width - 1, t.dim);
        return;
    }
    let longest = visible
        .iter()
        .map(|&i| Span::raw(who(app, &gaps[i])).width())
        .max()
        .unwrap_or(4);
    // The pair always has its own column; narrow screens give it less room.
    let pair_w = longest.clamp(4, ((area.width as usize) * 3 / 10).max(14));
    // With `--compare`, a column says how each gap changed since OLD.
    let comparing = app.session.compare.is_some();
    let header = format!(
        " {:<13} {}{:<15}{} {:>11}  why",
        "severity",
        if comparing { "since  " } else { "" },
        "kind",
        pad("pair", pair_w),
        "actual/need"
    );
    put(buf, area.x, area.y, &header, area.width, t.heading);
    let rows = (area.height - 1) as usize;
    info.page = rows as u16;
    let first = (cursor / rows) * rows;
    for (k, (row, &i)) in visible
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let g = &gaps[i];
        let y = area.y + 1 + k as u16;
        let here = row == cursor;
        let style = if is_alarm(g.kind) { t.alarm } else { t.warn };
        let values = match (g.actual, g.target) {
            // A one-sided pair: the two ratings, not an actual and a need.
            (Some(a), Some(b)) if g.kind == crate::analysis::GapKind::Asymmetric => {
                format!("{} vs {}", on_scale(app, a), on_scale(app, b))
            }
            (Some(a), Some(b)) => format!("{}/{}", on_scale(app, a), on_scale(app, b)),
            (None, Some(b)) => format!("-/{}", on_scale(app, b)),
            (Some(a), None) => on_scale(app, a),
            (None, None) => String::new(),
        };
        let pair = cut(&who(app, g), pair_w, sym.ellipsis);
        let kind = format!("{} {}", sym.gap(g.kind), kind_words(g.kind));
        // The plan shown (p): a gap it closes is marked before its pair.
        let pair = if crate::tui::review::plan::closes(app, g) {
            cut(
                &format!("{} {}", sym.check, who(app, g)),
                pair_w,
                sym.ellipsis,
            )
        } else {
            pair
        };
        let row_style = if here { t.selected } else { t.text };
        let mut x = put(buf, area.x, y, " ", 1, row_style);
        x = put(
            buf,
            x,
            y,
            &sym.bar(g.severity, 8),
            8,
            if here { t.selected } else { style },
        );
        x = put(buf, x, y, &format!(" {:.2} ", g.severity), 6, row_style);
        if comparing {
            x = put(buf, x, y, &format!("{:<6} ", mark(app, g)), 7, row_style);
        }
        x = put(
            buf,
            x,
            y,
            &pad(&kind, 15),
            15,
            if here { t.selected } else { style },
        );
        let rest = format!(
            "{} {values:>11}  {}",
            pad(&pair, pair_w),
            prose(app, &crate::text::clean(&g.explanation))
        );
        put(buf, x, y, &rest, area.right().saturating_sub(x), row_style);
        info.hits.push((
            Rect {
                x: area.x,
                y,
                width: area.width,
                height: 1,
            },
            Hit::Gap(row),
        ));
    }
}

/// A gap kind in words, as in the changes list ("missing tie").
pub(crate) fn kind_words(k: crate::analysis::GapKind) -> String {
    k.as_str().replace('_', " ")
}

/// Pads text with spaces to `w` display cells.
fn pad(text: &str, w: usize) -> String {
    let have = Span::raw(text).width();
    format!("{text}{}", " ".repeat(w.saturating_sub(have)))
}

//! The gap list: every gap ranked by severity, with the pair, actual vs target and why.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Cell, HighlightSpacing, Paragraph, Row, StatefulWidget, Table, TableState, Widget,
};

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
    let [head, area] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    Paragraph::new(Span::styled(title, t.heading)).render(head, buf);
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
    let pair_w = longest.clamp(4, ((area.width as usize) * 3 / 10).max(14)) as u16;
    // With `--compare`, a column says how each gap changed since OLD.
    let comparing = app.session.compare.is_some();
    // Columns: severity bar, severity, [since], kind, pair, actual/need, why; one cell
    // between columns and one before the bar (the table's selection column).
    let mut widths = vec![8, 4];
    let mut heads = vec![Cell::from("severity"), Cell::from("")];
    if comparing {
        widths.push(6);
        heads.push(Cell::from("since"));
    }
    widths.extend([14, pair_w, 11]);
    heads.extend([
        Cell::from("kind"),
        Cell::from("pair"),
        Cell::from(Line::from("actual/need").right_aligned()),
        Cell::from(" why"),
    ]);
    let rows = area.height.saturating_sub(1) as usize;
    info.page = rows as u16;
    let first = app.gap_list.window(rows, visible.len());
    let page: Vec<(usize, &Gap)> = visible
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(row, &i)| (row, &gaps[i]))
        .collect();
    let table_rows = page.iter().map(|&(row, g)| {
        let here = row == cursor;
        let gap_style = if here {
            t.selected
        } else if is_alarm(g.kind) {
            t.alarm
        } else {
            t.warn
        };
        let mut cells = vec![
            Cell::from(sym.bar(g.severity, 8)).style(gap_style),
            Cell::from(format!("{:.2}", g.severity)),
        ];
        if comparing {
            cells.push(Cell::from(mark(app, g)));
        }
        // The plan shown (p): a gap it closes is marked before its pair.
        let pair = if crate::tui::review::plan::closes(app, g) {
            format!("{} {}", sym.check, who(app, g))
        } else {
            who(app, g)
        };
        cells.extend([
            Cell::from(format!("{} {}", sym.gap(g.kind), kind_words(g.kind))).style(gap_style),
            Cell::from(cut(&pair, pair_w as usize, sym.ellipsis)),
            Cell::from(Line::from(values(app, g)).right_aligned()),
            Cell::from(format!(
                " {}",
                prose(app, &crate::text::clean(&g.explanation))
            )),
        ]);
        Row::new(cells).style(if here { t.selected } else { t.text })
    });
    let mut state = TableState::new().with_selected(cursor.checked_sub(first));
    let table = Table::new(table_rows, fit(&widths, area.width))
        .header(Row::new(heads).style(t.heading))
        .column_spacing(1)
        .highlight_symbol(" ")
        .highlight_spacing(HighlightSpacing::Always);
    StatefulWidget::render(table, area, buf, &mut state);
    for (k, &(row, _)) in page.iter().enumerate() {
        let y = area.y + 1 + k as u16;
        let rect = Rect {
            y,
            height: 1,
            ..area
        };
        info.hits.push((rect, Hit::Gap(row)));
    }
}

/// Column widths that fit in `width` after the selection column: each fixed column as far
/// as it fits (a narrow screen cuts the right-most first, as text runs off the edge), the
/// explanation taking the rest.
fn fit(widths: &[u16], width: u16) -> Vec<Constraint> {
    let mut left = width.saturating_sub(1);
    let mut out: Vec<Constraint> = widths
        .iter()
        .map(|&w| {
            let w = w.min(left);
            left = left.saturating_sub(w + 1);
            Constraint::Length(w)
        })
        .collect();
    out.push(Constraint::Length(left));
    out
}

/// "actual/need" of a gap: `1.5/4`, `-/4` without a tie, `1 vs 3` for a one-sided pair
/// (the two ratings).
fn values(app: &App, g: &Gap) -> String {
    match (g.actual, g.target) {
        (Some(a), Some(b)) if g.kind == crate::analysis::GapKind::Asymmetric => {
            format!("{} vs {}", on_scale(app, a), on_scale(app, b))
        }
        (Some(a), Some(b)) => format!("{}/{}", on_scale(app, a), on_scale(app, b)),
        (None, Some(b)) => format!("-/{}", on_scale(app, b)),
        (Some(a), None) => on_scale(app, a),
        (None, None) => String::new(),
    }
}

/// A gap kind in words, as in the changes list ("missing tie").
pub(crate) fn kind_words(k: crate::analysis::GapKind) -> String {
    k.as_str().replace('_', " ")
}

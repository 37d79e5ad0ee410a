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
    who_in(app, g, usize::MAX)
}

/// [`who`] in at most `w` display cells: each name of a pair cut with the ellipsis on its
/// own, the shorter kept whole where it fits, so both units stay recognisable.
pub(crate) fn who_in(app: &App, g: &Gap, w: usize) -> String {
    let ell = app.theme.sym.ellipsis;
    let name = |u: usize| {
        app.derived
            .labels
            .get(u)
            .cloned()
            .unwrap_or_else(|| "?".into())
    };
    match (g.to, &g.group) {
        (Some(to), _) => {
            let (a, b) = (name(g.from), name(to));
            let both = app.theme.sym.both;
            let cells = |s: &str| Span::raw(s).width();
            let room = w.saturating_sub(cells(both) + 2);
            let (ra, rb) = share(cells(&a), cells(&b), room);
            let (ca, cb) = (tell_apart(app, &a, ra), tell_apart(app, &b, rb));
            cut(&format!("{ca} {both} {cb}"), w, ell)
        }
        (None, Some(group)) => cut(&format!("group {}", crate::text::clean(group)), w, ell),
        (None, None) => cut(&name(g.from), w, ell),
    }
}

/// A unit's name cut to `w` cells with the ellipsis at its end, or in its middle when
/// another unit's name starts like what would be left ("Platfor…" for "Platform 11 team
/// 7824" and "… 7843"): then both ends stay ("Pla…7824"), which tell them apart.
pub(crate) fn tell_apart(app: &App, name: &str, w: usize) -> String {
    let ell = app.theme.sym.ellipsis;
    let c = cut(name, w, ell);
    if c == name {
        return c;
    }
    let stem = c.trim_end_matches(ell);
    if app
        .derived
        .labels
        .iter()
        .any(|l| l != name && l.starts_with(stem))
    {
        super::matrix::keep_ends(name, w, ell, super::matrix::cells)
    } else {
        c
    }
}

/// How two names of `wa` and `wb` cells share `room` cells: both whole where they fit, else
/// the shorter whole and the longer cut to the rest, else half each.
pub(crate) fn share(wa: usize, wb: usize, room: usize) -> (usize, usize) {
    if wa + wb <= room {
        (wa, wb)
    } else if wa.min(wb) <= room / 2 {
        if wa <= wb {
            (wa, room - wa)
        } else {
            (room - wb, wb)
        }
    } else {
        (room / 2, room - room / 2)
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
    // The pair as shown: with the plan shown (p), a gap it closes is marked before it.
    let pair_of = |g: &Gap, w: usize| {
        if crate::tui::review::plan::closes(app, g) {
            format!("{} {}", sym.check, who_in(app, g, w.saturating_sub(2)))
        } else {
            who_in(app, g, w)
        }
    };
    let longest = visible
        .iter()
        .map(|&i| Span::raw(pair_of(&gaps[i], usize::MAX)).width())
        .max()
        .unwrap_or(4) as u16;
    // With `--compare`, a column says how each gap changed since OLD.
    let comparing = app.session.compare.is_some();
    let cols = Columns::plan(area.width, comparing, longest);
    let mut widths = Vec::new();
    let mut heads = Vec::new();
    if cols.bar {
        widths.push(8);
        heads.push(Cell::from("severity"));
    }
    widths.push(4);
    heads.push(Cell::from(if cols.bar { "" } else { "sev." }));
    if comparing {
        widths.push(6);
        heads.push(Cell::from("since"));
    }
    widths.extend([cols.kind, cols.pair, 11]);
    heads.extend([
        Cell::from("kind"),
        Cell::from("pair"),
        Cell::from(Line::from("actual/need").right_aligned()),
    ]);
    if cols.why > 0 {
        widths.push(cols.why);
        heads.push(Cell::from(" why"));
    }
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
        let mut cells = Vec::new();
        if cols.bar {
            cells.push(Cell::from(sym.bar(g.severity, 8)).style(gap_style));
        }
        cells.push(Cell::from(format!("{:.2}", g.severity)));
        if comparing {
            cells.push(Cell::from(mark(app, g)));
        }
        let kind = if cols.kind >= 14 {
            format!("{} {}", sym.gap(g.kind), kind_words(g.kind))
        } else {
            sym.gap(g.kind).to_string()
        };
        cells.extend([
            Cell::from(kind).style(gap_style),
            Cell::from(pair_of(g, cols.pair as usize)),
            Cell::from(Line::from(values(app, g)).right_aligned()),
        ]);
        if cols.why > 0 {
            let text = prose(app, &why(app, g)).into_owned();
            let text = cut(&text, cols.why.saturating_sub(1) as usize, sym.ellipsis);
            cells.push(Cell::from(format!(" {text}")));
        }
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

/// Fewest cells the "why" column gets when shown; with less it would show a useless
/// fragment, so it gives its room to the pair (the detail pane and `d` show the why).
const MIN_WHY: u16 = 24;

/// Fewest cells for the pair before the bar and then the kind's words give way.
const MIN_PAIR: u16 = 20;

/// Which columns the list shows at a width and how wide the pair and "why" are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    /// The severity bar (given up first on a narrow screen; the number stays).
    bar: bool,
    /// Width of the kind column: 14 with words, 1 for the mark alone (narrowest screens).
    kind: u16,
    pair: u16,
    /// 0: no "why" column.
    why: u16,
}

impl Columns {
    /// The columns in `width` cells (one selection cell, one cell between columns): the
    /// pair first, as wide as its longest name (`longest`) if it can be; the "why" the rest,
    /// or nothing below [`MIN_WHY`]. Below [`MIN_PAIR`] for the pair, the bar goes, then the
    /// kind's words.
    fn plan(width: u16, comparing: bool, longest: u16) -> Columns {
        let mut c = Columns {
            bar: true,
            kind: 14,
            pair: 0,
            why: 0,
        };
        loop {
            let fixed = [
                if c.bar { 9 } else { 0 },
                5,
                if comparing { 7 } else { 0 },
                c.kind + 1,
                12,
            ];
            let room = width.saturating_sub(1 + fixed.iter().sum::<u16>());
            if room < MIN_PAIR.min(longest) && c.bar {
                c.bar = false;
                continue;
            }
            if room < MIN_PAIR.min(longest) && c.kind > 1 {
                c.kind = 1;
                continue;
            }
            c.pair = longest.max(4).min(room);
            let why = room.saturating_sub(c.pair + 1);
            if why >= MIN_WHY {
                c.why = why;
            } else {
                c.pair = room;
            }
            return c;
        }
    }
}

/// Column widths that fit in `width` after the selection column: each column as far as it
/// fits (a screen narrower than the fixed columns cuts the right-most first).
fn fit(widths: &[u16], width: u16) -> Vec<Constraint> {
    let mut left = width.saturating_sub(1);
    widths
        .iter()
        .map(|&w| {
            let w = w.min(left);
            left = left.saturating_sub(w + 1);
            Constraint::Length(w)
        })
        .collect()
}

/// Why a gap is a gap, without the pair's names in front (the pair column shows them).
fn why(app: &App, g: &Gap) -> String {
    let text = crate::text::clean(&g.explanation);
    let label = |u: usize| app.org.units.get(u).map(|x| crate::text::clean(x.label()));
    if let (Some(a), Some(b)) = (label(g.from), g.to.and_then(label)) {
        for head in [format!("{a}–{b} "), format!("{b}–{a} ")] {
            if let Some(rest) = text.strip_prefix(&head) {
                return rest.to_string();
            }
        }
    }
    text
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

/// A gap kind in words, the one name the screen gives it everywhere (gap list, legends,
/// detail, changes list, review card, filter, help): "missing tie", "one-sided".
pub(crate) fn kind_words(k: crate::analysis::GapKind) -> &'static str {
    use crate::analysis::GapKind;
    match k {
        GapKind::BelowTarget => "below target",
        GapKind::MissingTie => "missing tie",
        GapKind::Asymmetric => "one-sided",
        GapKind::Isolated => "isolated",
        GapKind::Silo => "silo",
        GapKind::SinglePoint => "single point",
    }
}

/// A gap's mark and its kind in words, as legends show it: "✗ missing tie".
pub(crate) fn kind_mark(sym: &super::symbols::Symbols, k: crate::analysis::GapKind) -> String {
    format!("{} {}", sym.gap(k), kind_words(k))
}

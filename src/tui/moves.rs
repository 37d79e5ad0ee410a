//! What the view actions do: moving the cursor in each view, clicks, Enter and Esc, jumps
//! from the gap list, drilling into a block of the group matrix, the first screen's
//! selection, and the best route of the selected pair. Called by `update`.

use crate::analysis::GapKind;

use super::action::Action;
use super::analysis_task::best_route;
use super::app::{App, View, VisNode};
use super::nav::{self, Dir};
use super::review;
use super::update::refilter;
use super::view::Hit;

/// Enter on a block of the group matrix: its units, the row group's first unit rating the
/// column group's first.
fn drill(app: &mut App) {
    let (r, c) = app.matrix.cell();
    let d = app.derived.clone();
    let first = |g: usize| d.order.iter().copied().find(|&u| d.unit_group[u] == g);
    app.matrix.show_units();
    if let Some(a) = first(r) {
        let b = if r == c {
            d.order
                .iter()
                .copied()
                .filter(|&u| d.unit_group[u] == c)
                .nth(1)
        } else {
            first(c)
        };
        app.selected = a;
        app.pair_with = b.filter(|&b| b != a);
        app.graph.leave_group();
        let which = if r == c {
            format!("units of {}", d.groups[r])
        } else {
            format!("units of {} and {}", d.groups[r], d.groups[c])
        };
        app.message = Some(format!("{which} (g shows the groups again)"));
    }
}

/// The first screen: the worst target gap (below target or missing tie) is selected, in
/// the graph or matrix and in the gap list, and the status line names it.
pub(crate) fn tell_the_story(app: &mut App) {
    let n = app.n();
    let gaps = app.gaps().to_vec();
    let Some((i, g)) = gaps.iter().enumerate().find(|(_, g)| {
        matches!(g.kind, GapKind::BelowTarget | GapKind::MissingTie)
            && g.from < n
            && g.to.is_some_and(|t| t < n)
    }) else {
        return;
    };
    app.selected = g.from;
    app.pair_with = g.to;
    app.graph.leave_group();
    nav::reveal(app);
    let visible = app.visible_gaps();
    if let Some(row) = visible.iter().position(|&v| v == i) {
        app.gap_list.put(row, &visible, &gaps, &app.org);
    }
    if app.message.is_none() {
        let d = &app.derived;
        let name = |u: usize| d.labels.get(u).cloned().unwrap_or_default();
        // The pair first (a narrow status line cuts the end), the initiative's description
        // after it.
        let (scope, about) = match app.initiative.and_then(|k| app.org.initiatives.get(k)) {
            Some(init) => (
                format!(" for {}", app.initiative_label()),
                init.description
                    .as_deref()
                    .map(|s| format!("{}{}", app.theme.sym.sep, crate::text::clean(s)))
                    .unwrap_or_default(),
            ),
            None => (String::new(), String::new()),
        };
        app.message = Some(format!(
            "worst gap{scope}: {} ↔ {}, {} {:.2}{about}",
            name(g.from),
            name(g.to.unwrap_or(g.from)),
            crate::tui::view::gaps::kind_words(g.kind),
            g.severity
        ));
    }
}

pub(crate) fn show(app: &mut App, v: View) {
    app.view = v;
    if v != View::Gaps {
        app.pair_view = v;
    }
}

pub(crate) fn select_unit(app: &mut App, u: usize) {
    if u < app.n() {
        app.selected = u;
        app.pair_with = None;
        app.graph.leave_group();
        nav::reveal(app);
    }
}

pub(crate) fn back(app: &mut App) {
    if app.view == View::Review {
        // Esc leaves the review for the gap list, its cursor on the gap shown.
        if let Some((_, i, _)) = review::walk::current(app) {
            let visible = app.visible_gaps();
            if let Some(row) = visible.iter().position(|&v| v == i) {
                let gaps = app.gaps().to_vec();
                app.gap_list.put(row, &visible, &gaps, &app.org);
            }
        }
        show(app, View::Gaps);
        return;
    }
    if app.view == View::Matrix && app.matrix.groups() {
        app.matrix.show_units();
        return;
    }
    if app.view == View::Gaps {
        if app.gap_list.clear() {
            app.message = Some("filters cleared".into());
            refilter(app);
        }
        return;
    }
    if app.pair_with.take().is_some() {
        return;
    }
    if app.graph.clear_filters() {
        return;
    }
    if app.view == View::Graph && app.graph.grouped() && app.graph.on_group().is_none() {
        let g = app.derived.unit_group[app.selected];
        app.graph.collapse(g);
    }
}

pub(crate) fn activate(app: &mut App) {
    match app.view {
        // Enter on the review card shows its pair in the graph or matrix.
        View::Review => show(app, app.pair_view),
        View::Gaps => {
            let Some(g) = app.current_gap().cloned() else {
                return;
            };
            app.selected = g.from.min(app.n() - 1);
            app.pair_with = g.to.filter(|&t| t < app.n() && t != g.from);
            app.graph.leave_group();
            nav::reveal(app);
            show(app, app.pair_view);
        }
        View::Graph => {
            if let Some(g) = app.graph.on_group() {
                app.graph.expand(g);
                app.graph.leave_group();
            }
        }
        View::Matrix if app.matrix.groups() => drill(app),
        View::Matrix => {
            if app.pair_with.is_none() {
                app.message = Some("move left or right to pick the other unit of a pair".into());
            }
        }
    }
}

pub(crate) fn move_cursor(app: &mut App, a: Action) {
    let n = app.n();
    let page = app.frame.page.max(1) as usize;
    let step = |pos: usize, len: usize| -> usize {
        let last = len.saturating_sub(1);
        match a {
            Action::Up | Action::Left => pos.saturating_sub(1),
            Action::Down | Action::Right => (pos + 1).min(last),
            Action::PageUp => pos.saturating_sub(page),
            Action::PageDown => (pos + page).min(last),
            Action::First => 0,
            _ => last,
        }
    };
    match app.view {
        View::Review => match a {
            Action::Down | Action::Right | Action::PageDown => review::walk::step(app, 1),
            Action::Up | Action::Left | Action::PageUp => review::walk::step(app, -1),
            Action::First => review::walk::put(app, 0),
            _ => review::walk::put(app, usize::MAX),
        },
        View::Gaps => {
            let visible = app.visible_gaps();
            let row = step(app.gap_list.cursor(), visible.len());
            let gaps = app.gaps().to_vec();
            app.gap_list.put(row, &visible, &gaps, &app.org);
        }
        View::Matrix if app.matrix.groups() => {
            let count = app.derived.groups.len();
            let (row, col) = app.matrix.cell();
            let (row, col) = match a {
                Action::Left | Action::Right => (row, step(col, count)),
                Action::First | Action::Last => (step(row, count), step(col, count)),
                _ => (step(row, count), col),
            };
            app.matrix.put(row, col, count);
        }
        View::Matrix => {
            let d = app.derived.clone();
            let row = d.rank[app.selected];
            let col = d.rank[app.pair_with.unwrap_or(app.selected)];
            let (row, col) = match a {
                Action::Left | Action::Right => (row, step(col, n)),
                Action::First | Action::Last => (step(row, n), step(col, n)),
                _ => (step(row, n), col),
            };
            app.selected = d.order[row];
            app.pair_with = (row != col).then(|| d.order[col]);
            app.graph.leave_group();
        }
        View::Graph => {
            let nodes = nav::visible(app);
            let Some(cur) = nav::cursor(app) else { return };
            let target = match a {
                Action::Up => nav::step(&nodes, cur, Dir::Up),
                Action::Down => nav::step(&nodes, cur, Dir::Down),
                Action::Left => nav::step(&nodes, cur, Dir::Left),
                Action::Right => nav::step(&nodes, cur, Dir::Right),
                _ => {
                    // Page keys and Home/End walk the units in matrix order.
                    let r = step(app.derived.rank[app.selected], n);
                    Some(VisNode::Unit(app.derived.order[r]))
                }
            };
            match target {
                Some(t) if nodes.iter().any(|(v, _)| *v == t) => nav::put_cursor(app, t),
                Some(VisNode::Unit(u)) => select_unit(app, u),
                Some(t) => nav::put_cursor(app, t),
                None if !nodes.iter().any(|(v, _)| *v == cur) => {
                    if let Some(&(v, _)) = nodes.first() {
                        nav::put_cursor(app, v);
                    }
                }
                None => {}
            }
            app.pair_with = None;
        }
    }
}

pub(crate) fn click(app: &mut App, col: u16, row: u16) {
    // A modal takes every click: one on it never reaches the view under it.
    if app.modal.is_some() {
        return;
    }
    match app.frame.hit(col, row) {
        Some(Hit::Node(v)) => match v {
            VisNode::Unit(u) => select_unit(app, u),
            VisNode::Group(_) => nav::put_cursor(app, v),
        },
        Some(Hit::Cell(r, c)) => {
            let d = app.derived.clone();
            if let (Some(&a), Some(&b)) = (d.order.get(r), d.order.get(c)) {
                app.selected = a;
                app.pair_with = (a != b).then_some(b);
            }
        }
        Some(Hit::Gap(row)) => {
            let visible = app.visible_gaps();
            if row < visible.len() {
                let gaps = app.gaps().to_vec();
                app.gap_list.put(row, &visible, &gaps, &app.org);
            }
        }
        Some(Hit::Block(r, c)) => {
            let count = app.derived.groups.len();
            app.matrix.put(r, c, count);
        }
        Some(Hit::Overlay) | None => {}
    }
}

pub(crate) fn refresh_route(app: &mut App) {
    let want = app.pair_with.map(|b| (app.selected, b));
    match want {
        None => app.route = None,
        Some((a, b)) if app.route.as_ref().map(|r| r.0) != want => {
            app.route = Some(((a, b), best_route(&app.derived.net, a, b)));
        }
        Some(_) => {}
    }
}

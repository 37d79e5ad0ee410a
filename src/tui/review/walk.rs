//! The walk: which gaps the review shows and in what order (the chosen initiative's target
//! gaps first, worst first, then the other kinds; the gap list's filters apply), the gap
//! shown (kept by gap key, like the gap list's cursor), and the headline.

use crate::analysis::{Gap, GapKind, plan};
use crate::diff::gap_key;
use crate::text::clean;
use crate::tui::app::{App, View};
use crate::tui::nav;

/// Whether a gap is a target gap of the chosen initiative (any initiative when none is).
pub(crate) fn is_target(app: &App, g: &Gap) -> bool {
    matches!(g.kind, GapKind::BelowTarget | GapKind::MissingTie) && {
        let chosen = app.initiative_id();
        chosen.is_none() || g.initiative == chosen
    }
}

/// The walk: indices into [`App::gaps`], target gaps of the chosen initiative first (the
/// analysis lists gaps worst first, and the order is kept within each part).
pub(crate) fn walk(app: &App) -> Vec<usize> {
    let gaps = app.gaps();
    let (mut first, rest): (Vec<usize>, Vec<usize>) = app
        .visible_gaps()
        .into_iter()
        .partition(|&i| is_target(app, &gaps[i]));
    first.extend(rest);
    first
}

/// The gap shown: (position in the walk, index into [`App::gaps`], length of the walk).
pub(crate) fn current(app: &App) -> Option<(usize, usize, usize)> {
    let w = walk(app);
    if w.is_empty() {
        return None;
    }
    let by_key = app.review.key.as_ref().and_then(|k| {
        w.iter()
            .position(|&i| gap_key(&app.org, &app.gaps()[i]).as_ref() == Some(k))
    });
    let pos = by_key.unwrap_or(app.review.pos.min(w.len() - 1));
    Some((pos, w[pos], w.len()))
}

/// Moves along the walk by `delta` gaps (stops at either end, saying so).
pub(crate) fn step(app: &mut App, delta: isize) {
    let Some((pos, _, len)) = current(app) else {
        app.message = Some("no gaps to review".into());
        return;
    };
    let to = pos.saturating_add_signed(delta).min(len - 1);
    if to == pos {
        app.message = Some(if delta > 0 {
            format!("that was the last gap ({len} of {len}); M writes the minutes")
        } else {
            "this is the first gap".into()
        });
    }
    put(app, to);
}

/// Shows the gap at a position of the walk.
pub(crate) fn put(app: &mut App, pos: usize) {
    let w = walk(app);
    if let Some(&i) = w.get(pos.min(w.len().saturating_sub(1))) {
        let pos = pos.min(w.len() - 1);
        app.review.pos = pos;
        app.review.key = gap_key(&app.org, &app.gaps()[i]);
        app.review.action = 0;
    }
    sync(app);
}

/// Keeps the shown gap's key and selects its pair (or unit), so that the pair edits (`+`,
/// `-`, `e`, `n`, `t`) and the other views act on what the card shows.
pub(crate) fn sync(app: &mut App) {
    let Some((pos, i, _)) = current(app) else {
        return;
    };
    let g = app.gaps()[i].clone();
    app.review.pos = pos;
    app.review.key = gap_key(&app.org, &g);
    let n = app.n();
    if g.from < n && app.view == View::Review {
        app.selected = g.from;
        app.pair_with = g.to.filter(|&t| t < n && t != g.from);
        app.graph.leave_group();
        nav::reveal(app);
    }
}

/// Indices into `org.actions` of the actions on the shown gap's pair (REPORT.md's rule).
pub(crate) fn card_actions(app: &App) -> Vec<usize> {
    match current(app) {
        Some((_, i, _)) => plan::gap_actions(&app.org, &app.gaps()[i]),
        None => Vec::new(),
    }
}

/// The one-line summary of the review: "AI rollout: 5 gaps, 3 involve CIO office; worst:
/// Chief Data Office – Security (CISO)" (the unit in most gaps of the walk; the worst gap).
pub(crate) fn headline(app: &App) -> String {
    let gaps = app.gaps();
    let w = walk(app);
    let scope = app.initiative_label();
    if w.is_empty() {
        return format!("{scope}: no gaps");
    }
    let mut count = vec![0usize; app.n()];
    for &i in &w {
        let g = &gaps[i];
        if g.group.is_some() {
            continue;
        }
        for u in [Some(g.from), g.to].into_iter().flatten() {
            if let Some(c) = count.get_mut(u) {
                *c += 1;
            }
        }
    }
    let mut text = format!(
        "{scope}: {} gap{}",
        w.len(),
        if w.len() == 1 { "" } else { "s" }
    );
    // Ties go to the unit first in the matrix order, so the line is stable.
    let most = app
        .derived
        .order
        .iter()
        .copied()
        .filter(|&u| count.get(u).copied().unwrap_or(0) > 0)
        .max_by_key(|&u| (count[u], std::cmp::Reverse(app.derived.rank[u])));
    if let Some(u) = most.filter(|&u| count[u] > 1) {
        text.push_str(&format!(", {} involve {}", count[u], app.derived.labels[u]));
    }
    let worst = &gaps[w[0]];
    text.push_str(&format!("; worst: {}", subject(app, worst)));
    text
}

/// "A – B", a unit, or "group G", cleaned.
pub(crate) fn subject(app: &App, g: &Gap) -> String {
    let name = |u: usize| app.derived.labels.get(u).cloned().unwrap_or_default();
    match (&g.group, g.to) {
        (Some(group), _) => format!("group {}", clean(group)),
        (None, Some(to)) => format!("{} – {}", name(g.from), name(to)),
        (None, None) => name(g.from),
    }
}

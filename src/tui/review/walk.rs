//! The walk: which gaps the review shows and in what order (what the last meeting left
//! first, then the chosen initiative's target gaps, then the other kinds, each worst first;
//! the gap list's filters apply), the gap shown (kept by gap key, like the gap list's cursor), and the headline.

use crate::analysis::{Gap, GapKind, plan};
use crate::diff::gap_key;
use crate::report::discussed;
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

/// The walk: indices into [`App::gaps`]. The review starts with what the last meeting left
/// (gaps it did not reach, carried over, and gaps with overdue actions on their pair), then
/// the chosen initiative's target gaps, then the other kinds; the analysis lists gaps worst
/// first, and that order is kept within each part.
pub(crate) fn walk(app: &App) -> Vec<usize> {
    let gaps = app.gaps();
    let left = left_over(app);
    let mut parts: [Vec<usize>; 3] = Default::default();
    for i in app.visible_gaps() {
        let g = &gaps[i];
        let part = if left(g) {
            0
        } else if is_target(app, g) {
            1
        } else {
            2
        };
        parts[part].push(i);
    }
    parts.concat()
}

/// Whether a gap is left over from the last meeting: not reached by it (when it recorded
/// what it discussed), or with an overdue action on its pair. Overdue rather than any open
/// action, so that recording an action during this meeting does not move the gap shown.
fn left_over(app: &App) -> impl Fn(&Gap) -> bool + '_ {
    let org = &app.org;
    let chosen = app.initiative_id();
    let today = app.review.today();
    // One look at the reviews and the actions, not one per gap.
    let carried: Option<std::collections::HashSet<String>> = today.and_then(|day| {
        org.reviews
            .iter()
            .filter(|r| r.date < day && r.initiative == chosen)
            .filter(|r| r.extra.contains_key(discussed::KEY))
            .max_by_key(|r| r.date)
            .map(|r| discussed::listed(r).into_iter().collect())
    });
    // Overdue actions by pair and initiative: an action is on a gap when its initiative is
    // none or the gap's (REPORT.md's rule, `plan::gap_actions`).
    let late: std::collections::HashSet<((&str, &str), Option<&str>)> = match today {
        Some(day) => org
            .actions
            .iter()
            .filter(|a| a.overdue(day))
            .map(|a| (pair(&a.from, &a.to), a.initiative.as_deref()))
            .collect(),
        None => Default::default(),
    };
    move |g: &Gap| {
        let not_reached = carried
            .as_ref()
            .is_some_and(|set| discussed::name(org, g).is_some_and(|n| !set.contains(&n)));
        let overdue = g.group.is_none()
            && g.to
                .is_some_and(|to| match (org.units.get(g.from), org.units.get(to)) {
                    (Some(a), Some(b)) => {
                        let p = pair(&a.id, &b.id);
                        late.contains(&(p, None)) || late.contains(&(p, g.initiative.as_deref()))
                    }
                    _ => false,
                });
        not_reached || overdue
    }
}

/// An unordered pair of ids, smaller first.
fn pair<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    if a <= b { (a, b) } else { (b, a) }
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
    // The worst target gap (the analysis lists gaps worst first), else the worst gap.
    let worst = w
        .iter()
        .copied()
        .filter(|&i| is_target(app, &gaps[i]))
        .min()
        .or_else(|| w.iter().copied().min())
        .map_or(&gaps[w[0]], |i| &gaps[i]);
    text.push_str(&format!("; worst: {}", subject(app, worst)));
    text
}

/// "A ↔ B" (the pair as every view writes it), a unit, or "group G", cleaned.
pub(crate) fn subject(app: &App, g: &Gap) -> String {
    let name = |u: usize| app.derived.labels.get(u).cloned().unwrap_or_default();
    match (&g.group, g.to) {
        (Some(group), _) => format!("group {}", clean(group)),
        (None, Some(to)) => format!("{} {} {}", name(g.from), app.theme.sym.both, name(to)),
        (None, None) => name(g.from),
    }
}

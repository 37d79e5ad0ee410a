//! The detail pane's values since OLD (`--compare`): a unit's strength and betweenness change,
//! a pair's old ratings. Units are matched by id; old values are shown on the current scale.

use crate::analysis::{BetweennessDone, NodeStats};
use crate::tui::app::App;

use super::on_scale;

/// Values closer than this are equal.
const EPS: f64 = 1e-9;

/// Index in OLD of a unit of the document now.
fn old(app: &App, u: usize) -> Option<usize> {
    app.session.old_index(&app.org.units.get(u)?.id)
}

/// A unit's strength and betweenness changes since OLD, e.g. (" (+0.10)", " (-0.050)"); empty
/// when not comparing, when OLD lacks the unit, or while a betweenness is not computed yet.
pub(super) fn unit(
    app: &App,
    u: usize,
    now: &NodeStats,
    mode: BetweennessDone,
) -> (String, String) {
    let was = old(app, u).and_then(|o| {
        let a = app.session.baseline.get(&app.initiative_id())?;
        Some((a.nodes.get(o)?.clone(), a.betweenness))
    });
    let Some((was, was_mode)) = was else {
        return (String::new(), String::new());
    };
    let strength = format!(" ({:+.2})", now.strength - was.strength);
    let known = |m| !matches!(m, BetweennessDone::Skipped);
    let betweenness = if known(mode) && known(was_mode) {
        format!(" ({:+.3})", now.betweenness - was.betweenness)
    } else {
        String::new()
    };
    (strength, betweenness)
}

/// " (was 1)" after `x`'s rating of `y` when it changed since OLD
/// ("was unknown" when OLD had no answer); empty when unchanged or not comparing.
pub(super) fn rating(app: &App, x: usize, y: usize) -> String {
    let (Some(c), Some(ox), Some(oy)) = (&app.session.compare, old(app, x), old(app, y)) else {
        return String::new();
    };
    match (app.derived.net.rating(x, y), c.net.rating(ox, oy)) {
        (Some(a), Some(b)) if (a - b).abs() <= EPS => String::new(),
        (None, None) => String::new(),
        (_, Some(b)) => format!(" (was {})", on_scale(app, b)),
        (_, None) => " (was unknown)".into(),
    }
}

/// " (was 1)" after a pair strength that changed since OLD; empty otherwise.
pub(super) fn pair(app: &App, a: usize, b: usize) -> String {
    let (Some(c), Some(oa), Some(ob)) = (&app.session.compare, old(app, a), old(app, b)) else {
        return String::new();
    };
    let (now, was) = (app.derived.net.pair(a, b), c.net.pair(oa, ob));
    if (now - was).abs() <= EPS {
        String::new()
    } else {
        format!(" (was {})", on_scale(app, was))
    }
}

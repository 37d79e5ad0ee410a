//! Edits of the selected pair: ratings, the tie's strength and note, the pair's target.

use crate::model::Org;
use crate::model::edit::Edit;
use crate::text::clean;

use super::super::action::Action;
use super::super::app::{App, View};
use super::super::modal::Modal;
use super::super::prompt::{Field, Input};
use super::super::update::Effect;
use super::{edit, id, pair, step};

/// The strength of `from`'s tie to `to` (either order in an undirected file).
fn tie_value(org: &Org, from: &str, to: &str) -> Option<f64> {
    org.ties
        .iter()
        .find(|t| (t.from == from && t.to == to) || (!org.directed && t.from == to && t.to == from))
        .and_then(|t| t.strength)
}

fn tie_note(org: &Org, from: &str, to: &str) -> Option<Option<String>> {
    org.ties
        .iter()
        .find(|t| (t.from == from && t.to == to) || (!org.directed && t.from == to && t.to == from))
        .map(|t| t.note.clone())
}

fn target_value(org: &Org, a: &str, b: &str, initiative: &Option<String>) -> Option<f64> {
    org.targets
        .iter()
        .find(|t| {
            &t.initiative == initiative
                && ((t.from == a && t.to == b) || (t.from == b && t.to == a))
        })
        .map(|t| t.min)
}

/// Whose target `t` and `T` edit: the target behind the selected gap where the screen
/// shows one (gap list, review card: "need 4/5 for AI rollout" is the AI rollout's target,
/// also under "all targets"), else the chosen initiative's (or the baseline).
fn target_scope(app: &App) -> Option<String> {
    use crate::analysis::GapKind;
    match app.current_gap() {
        Some(g)
            if app.view == View::Gaps
                && matches!(g.kind, GapKind::BelowTarget | GapKind::MissingTie) =>
        {
            g.initiative.clone()
        }
        _ => app.initiative_id(),
    }
}

fn shown(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

pub(super) fn pair_action(app: &mut App, a: Action) -> Vec<Effect> {
    // The listed gaps are of an earlier revision or initiative until the new ones arrive.
    if app.view == View::Gaps && app.pending == Some(crate::tui::app::Pending::Analysis) {
        app.message = Some("the gaps are being recounted: try again in a moment".into());
        return Vec::new();
    }
    let Some((x, y)) = pair(app) else {
        app.message = Some(match app.view {
            View::Gaps | View::Review => "this gap is not about a pair".into(),
            View::Matrix => "move to a cell of another unit first (Left/Right)".into(),
            View::Graph => "pick a pair first: a cell in the matrix (2) or a gap (3)".into(),
        });
        return Vec::new();
    };
    let (from, to) = (id(app, x), id(app, y));
    let (lx, ly) = (app.derived.labels[x].clone(), app.derived.labels[y].clone());
    let between = if app.org.directed {
        format!("{lx} rates {ly}")
    } else {
        format!("{lx}–{ly}")
    };
    let scale = app.org.scale;
    let range = format!("{}–{}", shown(scale.min), shown(scale.max));
    let current = tie_value(&app.org, &from, &to);
    match a {
        Action::RatingUp | Action::RatingDown => {
            let up = a == Action::RatingUp;
            let new = match (current, up) {
                (None, false) => {
                    app.message = Some(format!("no tie to lower: {between}"));
                    return Vec::new();
                }
                (None, true) => scale.min + step(&app.org),
                (Some(v), true) if v >= scale.max => {
                    app.message = Some(format!("{between} is at the top of the scale"));
                    return Vec::new();
                }
                (Some(v), false) if v <= scale.min => {
                    app.message = Some(format!(
                        "{between} is at the bottom of the scale (x removes the tie)"
                    ));
                    return Vec::new();
                }
                (Some(v), true) => (v + step(&app.org)).min(scale.max),
                (Some(v), false) => (v - step(&app.org)).max(scale.min),
            };
            edit(
                app,
                Edit::SetTie {
                    from,
                    to,
                    strength: Some(new),
                },
            )
        }
        Action::EditStrength => {
            let label = format!("strength {between} ({range})");
            let text = current.map(shown).unwrap_or_default();
            app.modal = Some(Modal::Prompt(Input::new(
                Field::Strength { from, to },
                label,
                text,
            )));
            Vec::new()
        }
        Action::RemoveTie => edit(app, Edit::RemoveTie { from, to }),
        Action::EditNote => match tie_note(&app.org, &from, &to) {
            None => {
                app.message = Some(format!("no tie {between} to note (e or + adds one)"));
                Vec::new()
            }
            Some(note) => {
                let label = format!("note on {between} (empty clears)");
                let text = note.as_deref().map(clean).unwrap_or_default();
                app.modal = Some(Modal::Prompt(Input::new(
                    Field::Note { from, to },
                    label,
                    text,
                )));
                Vec::new()
            }
        },
        Action::SetTarget => {
            let initiative = target_scope(app);
            let scope = initiative.as_ref().map_or("baseline".to_string(), |id| {
                app.org
                    .initiatives
                    .iter()
                    .find(|i| &i.id == id)
                    .map_or_else(|| clean(id), |i| clean(i.label()))
            });
            let label = format!("target {lx}–{ly} ({scope}; {range})");
            let text = target_value(&app.org, &from, &to, &initiative)
                .map(shown)
                .unwrap_or_default();
            app.modal = Some(Modal::Prompt(Input::new(
                Field::Target {
                    from,
                    to,
                    initiative,
                },
                label,
                text,
            )));
            Vec::new()
        }
        _ => {
            let initiative = target_scope(app);
            edit(
                app,
                Edit::RemoveTarget {
                    from,
                    to,
                    initiative,
                },
            )
        }
    }
}

//! Editing in the screen: the edit actions (ratings, ties, targets, notes, units), undo and
//! redo, and bringing the derived state and the analysis up to date after each change.

use std::sync::Arc;

use crate::model::edit::Edit;
use crate::model::{Org, Unit};
use crate::text::clean;

use super::action::Action;
use super::app::{App, View};
use super::modal::Modal;
use super::prompt::{Field, Input, Question};
pub(crate) use super::revision::{after_analysis, changed, take_baseline};
use super::update::Effect;

mod pair;
use pair::pair_action;

/// Whether an action changes the document (refused in read-only mode).
pub(crate) fn changes_document(a: Action) -> bool {
    matches!(
        a,
        Action::RatingUp
            | Action::RatingDown
            | Action::EditStrength
            | Action::RemoveTie
            | Action::EditNote
            | Action::SetTarget
            | Action::ClearTarget
            | Action::AddUnit
            | Action::RenameUnit
            | Action::RegroupUnit
            | Action::RemoveUnit
            | Action::Undo
            | Action::Redo
    )
}

/// One step of the scale for `+`/`-`: 1 on scales at least 2 wide (1–5, 0–10), else a tenth.
pub(crate) fn step(org: &Org) -> f64 {
    let span = org.scale.max - org.scale.min;
    if span >= 2.0 { 1.0 } else { span / 10.0 }
}

/// Runs an edit action; `None` when the action is not one.
pub(crate) fn act(app: &mut App, a: Action) -> Option<Vec<Effect>> {
    if !changes_document(a) {
        return None;
    }
    if app.session.read_only {
        app.message = Some("read-only (--read-only): edits are off".into());
        return Some(Vec::new());
    }
    let fx = match a {
        Action::Undo | Action::Redo => undo_redo(app, a == Action::Undo),
        Action::AddUnit => {
            app.modal = Some(Modal::Prompt(Input::new(
                Field::NewUnit,
                "id of the new unit".into(),
                String::new(),
            )));
            Vec::new()
        }
        Action::RenameUnit | Action::RegroupUnit | Action::RemoveUnit => unit_action(app, a),
        _ => pair_action(app, a),
    };
    Some(fx)
}

/// The selected pair as unit indices: (row, column) in the matrix, the gap's pair in the gap
/// list, the picked pair in the graph.
pub(crate) fn pair(app: &App) -> Option<(usize, usize)> {
    let n = app.n();
    let p = match app.view {
        View::Gaps => app.current_gap().and_then(|g| g.to.map(|t| (g.from, t))),
        _ => app.pair_with.map(|b| (app.selected, b)),
    };
    p.filter(|&(a, b)| a < n && b < n && a != b)
}

fn id(app: &App, u: usize) -> String {
    app.org.units[u].id.clone()
}

/// A unit action acts on the unit the screen shows as selected: the selected unit in the
/// graph and matrix (the row), the unit of a unit gap in the gap list, and for a pair gap
/// the user picks one of its two units.
fn unit_action(app: &mut App, a: Action) -> Vec<Effect> {
    let n = app.n();
    let unit = match app.view {
        _ if n == 0 => None,
        View::Graph if app.graph.on_group().is_some() => None,
        View::Gaps => match app.current_gap() {
            None => None,
            Some(g) if g.kind == crate::analysis::GapKind::Silo => {
                app.message = Some(
                    "this gap is about a group: pick a unit in the graph (1) or the matrix (2)"
                        .into(),
                );
                return Vec::new();
            }
            Some(g) => match g.to {
                Some(t) if t < n && g.from < n => {
                    let (x, y) = (g.from, t);
                    app.modal = Some(Modal::Dialog(Question::PickUnit {
                        action: a,
                        units: (x, y),
                    }));
                    return Vec::new();
                }
                Some(_) => None,
                None => (g.from < n).then_some(g.from),
            },
        },
        _ => Some(app.selected),
    };
    match unit {
        Some(u) => unit_action_on(app, a, u),
        None => {
            app.message = Some("select a unit first".into());
            Vec::new()
        }
    }
}

/// A unit action on a given unit: rename and regroup ask for the value; remove asks to
/// confirm, naming the unit and what goes with it.
pub(crate) fn unit_action_on(app: &mut App, a: Action, u: usize) -> Vec<Effect> {
    let Some(unit) = app.org.units.get(u) else {
        return Vec::new();
    };
    let (uid, label) = (unit.id.clone(), app.derived.labels[u].clone());
    match a {
        Action::RenameUnit => {
            let text = unit.name.as_deref().map(clean).unwrap_or_default();
            app.modal = Some(Modal::Prompt(Input::new(
                Field::Rename { id: uid },
                format!("name of {label} (empty shows the id)"),
                text,
            )));
        }
        Action::RegroupUnit => {
            let text = unit.group.as_deref().map(clean).unwrap_or_default();
            let groups: Vec<String> = app.org.groups().into_iter().map(clean).collect();
            app.modal = Some(Modal::Prompt(Input::new(
                Field::Regroup { id: uid },
                format!(
                    "group of {label} (empty: none; groups: {})",
                    groups.join(", ")
                ),
                text,
            )));
        }
        _ => {
            // The review's actions on the unit's pairs go with it too: the question names them.
            let o = &app.org;
            let on = |f: &str, t: &str| f == uid || t == uid;
            let ties = o.ties.iter().filter(|x| on(&x.from, &x.to)).count();
            let targets = o.targets.iter().filter(|x| on(&x.from, &x.to)).count();
            let actions = o.actions.iter().filter(|x| on(&x.from, &x.to)).count();
            let plural = |k: usize, w: &str| format!("{k} {w}{}", if k == 1 { "" } else { "s" });
            let with = match actions {
                0 => format!("{} and {}", plural(ties, "tie"), plural(targets, "target")),
                _ => format!(
                    "{}, {} and {}",
                    plural(ties, "tie"),
                    plural(targets, "target"),
                    plural(actions, "action")
                ),
            };
            app.modal = Some(Modal::Dialog(Question::RemoveUnit {
                id: uid,
                label,
                with,
            }));
        }
    }
    Vec::new()
}

/// Applies an edit through the history; the status line says what happened or why not.
pub(crate) fn edit(app: &mut App, e: Edit) -> Vec<Effect> {
    match try_edit(app, e) {
        Ok(fx) => fx,
        Err(msg) => {
            app.message = Some(msg);
            Vec::new()
        }
    }
}

/// Applies an edit; on error nothing changes and the message says why.
pub(crate) fn try_edit(app: &mut App, e: Edit) -> Result<Vec<Effect>, String> {
    let org = Arc::make_mut(&mut app.org);
    let pair = tie_pair(&e);
    let desc = app
        .session
        .history
        .apply(org, e)
        .map_err(|err| clean(&err.to_string()))?;
    app.message = Some(desc);
    app.retied = pair;
    Ok(changed(app))
}

/// The one pair an edit of a tie changes (its network can then be updated in place).
fn tie_pair(e: &Edit) -> Option<(String, String)> {
    match e {
        Edit::SetTie { from, to, .. }
        | Edit::RemoveTie { from, to }
        | Edit::SetTieNote { from, to, .. } => Some((from.clone(), to.clone())),
        Edit::AddTie { tie, .. } => Some((tie.from.clone(), tie.to.clone())),
        _ => None,
    }
}

fn undo_redo(app: &mut App, undo: bool) -> Vec<Effect> {
    let org = Arc::make_mut(&mut app.org);
    let h = &mut app.session.history;
    let pair = if undo { h.next_undo() } else { h.next_redo() }.and_then(tie_pair);
    let done = if undo { h.undo(org) } else { h.redo(org) };
    match done {
        Ok(Some(desc)) => {
            app.message = Some(desc);
            app.retied = pair;
            changed(app)
        }
        Ok(None) => {
            app.message = Some(
                if undo {
                    "nothing to undo"
                } else {
                    "nothing to redo"
                }
                .into(),
            );
            Vec::new()
        }
        Err(e) => {
            app.message = Some(clean(&e.to_string()));
            Vec::new()
        }
    }
}

/// Adds a unit typed in the prompt and selects it.
pub(crate) fn add_unit(app: &mut App, uid: &str) -> Result<Vec<Effect>, String> {
    let unit = Unit {
        id: uid.to_string(),
        ..Unit::default()
    };
    let fx = try_edit(app, Edit::AddUnit { unit, at: None })?;
    if let Some(u) = app.org.units.iter().position(|u| u.id == uid) {
        super::update::select_unit(app, u);
    }
    Ok(fx)
}

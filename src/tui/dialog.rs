//! Prompts and dialogs in `update`: typing, accepting a value (checked, with the error shown in
//! place), quitting with unsaved edits, saving, overwriting, and restoring a recovery file.

use std::path::PathBuf;
use std::sync::Arc;

use crate::model::edit::Edit;
use crate::model::history::History;
use crate::store::SourceStatus;
use crate::text::clean;

use super::action::Action;
use super::app::App;
use super::edit;
use super::line::LineEdit;
use super::modal::Modal;
use super::prompt::{self, Field, Question};
use super::session::Origin;
use super::update::Effect;

mod save;

pub(crate) use save::{save, saved};
use save::{save_to, shown, typed_path};

/// Edits the open prompt's line; clears its error.
pub(crate) fn edit_line(app: &mut App, e: LineEdit) {
    if let Some(Modal::Prompt(input)) = &mut app.modal
        && input.line.apply(e)
    {
        input.error = None;
    }
}

/// Runs a prompt, dialog or file action; `None` when the action is not one.
pub(crate) fn act(app: &mut App, a: Action) -> Option<Vec<Effect>> {
    let fx = match a {
        Action::PromptAccept => accept(app),
        Action::PromptCancel => {
            app.modal = None;
            app.message = Some("cancelled: nothing changed".into());
            Vec::new()
        }
        Action::AnswerSave
        | Action::AnswerDiscard
        | Action::AnswerOverwrite
        | Action::AnswerRestore
        | Action::AnswerKeep
        | Action::AnswerCancel
        | Action::AnswerYes
        | Action::AnswerFirst
        | Action::AnswerSecond => answer(app, a),
        Action::Save => save(app, false, false),
        Action::SaveAs => save(app, true, false),
        Action::Quit => quit(app),
        other => match super::update::line_edit(other) {
            Some(e) if matches!(app.modal, Some(Modal::Prompt(_))) => {
                edit_line(app, e);
                Vec::new()
            }
            _ => return None,
        },
    };
    Some(fx)
}

/// `q`: leaves at once when nothing is unsaved, else asks save / discard / cancel.
pub(crate) fn quit(app: &mut App) -> Vec<Effect> {
    if unsaved(app) {
        app.modal = Some(Modal::Dialog(Question::Quit));
        return Vec::new();
    }
    app.quit = true;
    vec![Effect::Quit]
}

/// Whether quitting now would lose work: a file differs from what was saved; the built-in
/// example or standard input has edits (unedited, they are not worth asking about).
pub(crate) fn unsaved(app: &App) -> bool {
    let s = &app.session;
    s.history.is_dirty() && (matches!(s.origin, Origin::File(_)) || s.edited())
}

fn accept(app: &mut App) -> Vec<Effect> {
    let Some(Modal::Prompt(input)) = app.modal.clone() else {
        return Vec::new();
    };
    let text = input.text().to_string();
    let field = input.field;
    let result = match field {
        Field::Strength { from, to } => prompt::number(&text).and_then(|strength| {
            edit::try_edit(
                app,
                Edit::SetTie {
                    from,
                    to,
                    strength: Some(strength),
                },
            )
        }),
        Field::Target {
            from,
            to,
            initiative,
        } => prompt::number(&text).and_then(|min| {
            edit::try_edit(
                app,
                Edit::SetTarget {
                    from,
                    to,
                    initiative,
                    min,
                },
            )
        }),
        Field::Note { from, to } => edit::try_edit(
            app,
            Edit::SetTieNote {
                from,
                to,
                note: prompt::optional(&text),
            },
        ),
        Field::NewUnit => edit::add_unit(app, text.trim()),
        Field::Rename { id } => edit::try_edit(
            app,
            Edit::RenameUnit {
                id,
                name: prompt::optional(&text),
            },
        ),
        Field::Regroup { id } => {
            let group = prompt::optional(&text);
            let groups = app.org.groups();
            // A new group close to an existing one is likely a typo: ask once.
            // A start of an existing name ("Technol") counts as close too.
            let typo = group
                .as_deref()
                .filter(|g| !groups.contains(g))
                .and_then(|g| {
                    let low = g.to_lowercase();
                    groups
                        .iter()
                        .copied()
                        .find(|x| low.chars().count() >= 2 && x.to_lowercase().starts_with(&low))
                        .or_else(|| crate::model::suggest::did_you_mean(g, groups.iter().copied()))
                });
            match typo {
                Some(near) if input.error.is_none() => Err(format!(
                    "no group \"{}\" yet; did you mean \"{}\"? (Enter again creates it)",
                    clean(group.as_deref().unwrap_or_default()),
                    clean(near)
                )),
                _ => edit::try_edit(app, Edit::RegroupUnit { id, group }),
            }
        }
        Field::SavePath { quit } => match prompt::optional(&text) {
            None => Err("type a file name".into()),
            Some(p) => {
                app.modal = None;
                let path = typed_path(app, &p);
                return save_to(app, path, Some(p), false, quit);
            }
        },
    };
    match result {
        Ok(fx) => {
            if matches!(app.modal, Some(Modal::Prompt(_))) {
                app.modal = None;
            }
            fx
        }
        Err(msg) => {
            if let Some(Modal::Prompt(input)) = &mut app.modal {
                input.error = Some(msg);
            }
            Vec::new()
        }
    }
}

fn answer(app: &mut App, a: Action) -> Vec<Effect> {
    let Some(Modal::Dialog(q)) = app.modal.take() else {
        return Vec::new();
    };
    match (q, a) {
        (_, Action::AnswerCancel) => {
            app.message = Some("cancelled: nothing changed".into());
            Vec::new()
        }
        (Question::Quit, Action::AnswerSave) => save(app, false, true),
        (Question::Quit, Action::AnswerDiscard) => vec![Effect::DiscardRecovery {
            recoveries: app.session.recoveries.clone(),
            for_file: app.session.origin.for_file().map(PathBuf::from),
            quit: true,
            done: None,
        }],
        (Question::Overwrite { path, quit, .. }, Action::AnswerOverwrite) => {
            save_to(app, path, None, true, quit)
        }
        (Question::Restore(rec), Action::AnswerRestore) => {
            // The restored file becomes this session's own: the next save removes it.
            app.session.recoveries.adopt(rec.path.clone());
            let fx = restore(app, rec.org);
            let more = std::mem::take(&mut app.session.more_recoveries).len();
            if more > 0 {
                app.message = Some(format!(
                    "restored the unsaved edits (s saves them); {more} more kept for a later start"
                ));
            }
            fx
        }
        (Question::Restore(rec), Action::AnswerDiscard) => {
            // The discarded file is the one asked about, not this session's own.
            let mut recoveries = app.session.recoveries.clone();
            recoveries.adopt(rec.path.clone());
            ask_next_recovery(app);
            let done = app
                .modal
                .is_none()
                .then(|| "discarded the recovered edits".to_string());
            vec![Effect::DiscardRecovery {
                recoveries,
                for_file: app.session.origin.for_file().map(PathBuf::from),
                quit: false,
                done,
            }]
        }
        (Question::Restore(rec), Action::AnswerKeep) => {
            app.message = Some(format!("kept {} for later", shown(&rec.path)));
            ask_next_recovery(app);
            Vec::new()
        }
        (Question::PickUnit { action, units }, Action::AnswerFirst | Action::AnswerSecond) => {
            let u = if a == Action::AnswerFirst {
                units.0
            } else {
                units.1
            };
            edit::unit_action_on(app, action, u)
        }
        (Question::RemoveUnit { id, .. }, Action::AnswerYes) => {
            let fx = edit::edit(app, Edit::RemoveUnit { id });
            if let Some(m) = &mut app.message {
                m.push_str(" (u undoes)");
            }
            fx
        }
        (q, _) => {
            app.modal = Some(Modal::Dialog(q));
            app.message = Some("answer with one of the keys shown".into());
            Vec::new()
        }
    }
}

/// Replaces the document with recovered edits: unsaved, compared with the file as loaded.
pub(crate) fn restore(app: &mut App, org: crate::model::Org) -> Vec<Effect> {
    app.org = Arc::new(org);
    app.session.history = History::unsaved();
    app.session.original_rev = None;
    app.session.cache.clear();
    app.message = Some("restored the unsaved edits (s saves them)".into());
    edit::changed(app)
}

/// Restores recovered edits before the screen starts (`--recover`); the start effects
/// analyse the document, and the baseline is asked for once that analysis is in.
pub(crate) fn restore_at_start(app: &mut App, org: crate::model::Org) {
    let _ = restore(app, org);
    app.session.baseline_pending = None;
    app.pending = Some(super::app::Pending::Analysis);
}

/// Asks about the next recovery file left by another session, if any.
fn ask_next_recovery(app: &mut App) {
    if let Some(next) = app.session.more_recoveries.pop() {
        ask_restore(app, next);
    }
}

/// The start-up question for a recovery file, telling whether the file changed since.
pub(crate) fn ask_restore(app: &mut App, rec: crate::store::Recovery) {
    let note = match rec.source_status() {
        SourceStatus::Changed(_) => " — the file changed since; restoring drops that",
        _ => "",
    };
    app.message = Some(format!("unsaved edits were found{note}"));
    app.modal = Some(Modal::Dialog(Question::Restore(Box::new(rec))));
}

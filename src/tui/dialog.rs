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
use super::io::SaveOutcome;
use super::prompt::{self, Field, Prompt, Question};
use super::session::Origin;
use super::update::Effect;

/// Types a character into an open line prompt.
pub fn type_char(app: &mut App, c: char) {
    if let Some(Prompt::Input { text, error, .. }) = &mut app.prompt
        && !c.is_control()
    {
        text.push(c);
        *error = None;
    }
}

/// Runs a prompt or dialog action; `None` when the action is not one.
pub fn act(app: &mut App, a: Action) -> Option<Vec<Effect>> {
    let fx = match a {
        Action::PromptAccept => accept(app),
        Action::PromptCancel => {
            app.prompt = None;
            app.message = Some("cancelled: nothing changed".into());
            Vec::new()
        }
        Action::PromptBackspace => {
            if let Some(Prompt::Input { text, error, .. }) = &mut app.prompt {
                text.pop();
                *error = None;
            }
            Vec::new()
        }
        Action::AnswerSave
        | Action::AnswerDiscard
        | Action::AnswerOverwrite
        | Action::AnswerRestore
        | Action::AnswerKeep
        | Action::AnswerCancel => answer(app, a),
        Action::Save => save(app, false, false),
        Action::SaveAs => save(app, true, false),
        Action::Quit => quit(app),
        _ => return None,
    };
    Some(fx)
}

/// `q`: leaves at once when nothing is unsaved, else asks save / discard / cancel.
pub fn quit(app: &mut App) -> Vec<Effect> {
    if unsaved(app) {
        app.prompt = Some(Prompt::Ask(Question::Quit));
        return Vec::new();
    }
    app.quit = true;
    vec![Effect::Quit]
}

/// Whether quitting now would lose work: a file differs from what was saved; the built-in
/// example or standard input has edits (unedited, they are not worth asking about).
pub fn unsaved(app: &App) -> bool {
    let s = &app.session;
    s.history.is_dirty() && (matches!(s.origin, Origin::File(_)) || s.edited())
}

/// Starts a save: to the file, or asks for a path (always with `ask`).
pub fn save(app: &mut App, ask: bool, quit: bool) -> Vec<Effect> {
    if app.session.read_only {
        app.message = Some("read-only (--read-only): saving is off".into());
        return Vec::new();
    }
    match (&app.session.path, ask) {
        (Some(path), false) => {
            let path = path.clone();
            save_to(app, path, false, quit)
        }
        (path, _) => {
            let text = path
                .as_ref()
                .map(|p| clean(&p.display().to_string()))
                .unwrap_or_default();
            app.prompt = Some(Prompt::input(
                Field::SavePath { quit },
                "save to file".into(),
                text,
            ));
            Vec::new()
        }
    }
}

/// The path typed at the save prompt. The prompt is pre-filled with the current file's name
/// made safe to show (control characters escaped); that text, left as it is, stands for the
/// current file, not for a new file literally named with the escapes.
fn typed_path(current: Option<&std::path::Path>, typed: &str) -> PathBuf {
    match current {
        Some(c) if clean(&c.display().to_string()) == typed => c.to_path_buf(),
        _ => PathBuf::from(typed),
    }
}

/// The save effect: checked against the fingerprint when saving to the loaded file, or
/// refusing to replace an existing file when saving under a new name, unless `force`.
fn save_to(app: &mut App, path: PathBuf, force: bool, quit: bool) -> Vec<Effect> {
    let same_file = app.session.path.as_ref() == Some(&path);
    let check = if force || !same_file {
        None
    } else {
        app.session.fingerprint
    };
    app.message = Some(format!("saving {}…", clean(&path.display().to_string())));
    vec![Effect::Save {
        path,
        org: app.org.clone(),
        check,
        new_file: !force && !same_file,
        quit,
        recoveries: app.session.recoveries.clone(),
    }]
}

/// The answer to a save.
pub fn saved(app: &mut App, path: PathBuf, quit: bool, outcome: SaveOutcome) -> Vec<Effect> {
    let shown = clean(&path.display().to_string());
    match outcome {
        SaveOutcome::Saved(s) => {
            app.session.history.mark_saved();
            app.session.fingerprint = Some(s.fingerprint);
            let old = app.session.origin.clone();
            app.session.origin = Origin::File(path.clone());
            app.session.path = Some(path);
            let backup = s
                .backup
                .map(|b| format!(" (previous version: {})", clean(&b.display().to_string())))
                .unwrap_or_default();
            app.message = Some(match s.warning {
                Some(w) => clean(&w),
                None => format!("saved {shown}{backup}"),
            });
            if old != app.session.origin {
                // Saved under a new name: the old origin's recovery file is superseded.
                return vec![Effect::DiscardRecovery {
                    recoveries: app.session.recoveries.clone(),
                    for_file: old.for_file().map(PathBuf::from),
                    quit,
                }];
            }
            if quit {
                app.quit = true;
                return vec![Effect::Quit];
            }
            Vec::new()
        }
        SaveOutcome::Exists => {
            app.prompt = Some(Prompt::Ask(Question::Overwrite {
                path,
                reason: format!("{shown} already exists"),
                quit,
            }));
            Vec::new()
        }
        SaveOutcome::Changed(why) => {
            app.prompt = Some(Prompt::Ask(Question::Overwrite {
                path,
                reason: clean(&why),
                quit,
            }));
            Vec::new()
        }
        SaveOutcome::Failed(why) => {
            app.message = Some(format!("edits kept, not saved: {}", clean(&why)));
            Vec::new()
        }
    }
}

fn accept(app: &mut App) -> Vec<Effect> {
    let Some(Prompt::Input { field, text, .. }) = app.prompt.clone() else {
        return Vec::new();
    };
    let result = match field {
        Field::Strength { from, to } => prompt::number(&text)
            .and_then(|strength| edit::try_edit(app, Edit::SetTie { from, to, strength })),
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
        Field::Regroup { id } => edit::try_edit(
            app,
            Edit::RegroupUnit {
                id,
                group: prompt::optional(&text),
            },
        ),
        Field::SavePath { quit } => match prompt::optional(&text) {
            None => Err("type a file name".into()),
            Some(p) => {
                app.prompt = None;
                let path = typed_path(app.session.path.as_deref(), &p);
                return save_to(app, path, false, quit);
            }
        },
    };
    match result {
        Ok(fx) => {
            app.prompt = None;
            fx
        }
        Err(msg) => {
            if let Some(Prompt::Input { error, .. }) = &mut app.prompt {
                *error = Some(msg);
            }
            Vec::new()
        }
    }
}

fn answer(app: &mut App, a: Action) -> Vec<Effect> {
    let Some(Prompt::Ask(q)) = app.prompt.clone() else {
        return Vec::new();
    };
    match (q, a) {
        (_, Action::AnswerCancel) => {
            app.prompt = None;
            app.message = Some("cancelled".into());
            Vec::new()
        }
        (Question::Quit, Action::AnswerSave) => {
            app.prompt = None;
            save(app, false, true)
        }
        (Question::Quit, Action::AnswerDiscard) => {
            app.prompt = None;
            vec![Effect::DiscardRecovery {
                recoveries: app.session.recoveries.clone(),
                for_file: app.session.origin.for_file().map(PathBuf::from),
                quit: true,
            }]
        }
        (Question::Overwrite { path, quit, .. }, Action::AnswerOverwrite) => {
            app.prompt = None;
            save_to(app, path, true, quit)
        }
        (Question::Restore(rec), Action::AnswerRestore) => {
            app.prompt = None;
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
            app.prompt = None;
            // The discarded file is the one asked about, not this session's own.
            let mut recoveries = app.session.recoveries.clone();
            recoveries.adopt(rec.path.clone());
            ask_next_recovery(app);
            vec![Effect::DiscardRecovery {
                recoveries,
                for_file: app.session.origin.for_file().map(PathBuf::from),
                quit: false,
            }]
        }
        (Question::Restore(rec), Action::AnswerKeep) => {
            app.prompt = None;
            app.message = Some(format!(
                "kept {} for later",
                clean(&rec.path.display().to_string())
            ));
            ask_next_recovery(app);
            Vec::new()
        }
        (q, _) => {
            app.prompt = Some(Prompt::Ask(q));
            app.message = Some("answer with one of the keys shown".into());
            Vec::new()
        }
    }
}

/// Replaces the document with recovered edits: unsaved, compared with the file as loaded.
pub fn restore(app: &mut App, org: crate::model::Org) -> Vec<Effect> {
    app.org = Arc::new(org);
    app.session.history = History::unsaved();
    app.session.original_rev = None;
    app.session.cache.clear();
    app.message = Some("restored the unsaved edits (s saves them)".into());
    edit::changed(app)
}

/// Restores recovered edits before the screen starts (`--recover`); the start effects
/// analyse the document, and the baseline is asked for once that analysis is in.
pub fn restore_at_start(app: &mut App, org: crate::model::Org) {
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
pub fn ask_restore(app: &mut App, rec: crate::store::Recovery) {
    let note = match rec.source_status() {
        SourceStatus::Changed(_) => " — the file changed since; restoring drops that",
        _ => "",
    };
    app.message = Some(format!("unsaved edits were found{note}"));
    app.prompt = Some(Prompt::Ask(Question::Restore(Box::new(rec))));
}

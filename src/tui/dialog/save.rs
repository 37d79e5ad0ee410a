//! Saving from the screen: to the file, or to a path typed at the prompt (relative to the
//! session's base folder; the pre-filled escaped name stands for the current file), and what
//! the screen says and does when a save ends.

use std::path::PathBuf;

use crate::text::clean;

use super::super::app::App;
use super::super::io::SaveOutcome;
use super::super::line::LineEdit;
use super::super::modal::Modal;
use super::super::prompt::{Field, Input, Question};
use super::super::session::Origin;
use super::super::update::Effect;

/// Starts a save: to the file, or asks for a path (always with `ask`).
pub(crate) fn save(app: &mut App, ask: bool, quit: bool) -> Vec<Effect> {
    if app.session.read_only {
        app.message = Some("read-only (--read-only): saving is off".into());
        return Vec::new();
    }
    match (&app.session.path, ask) {
        (Some(path), false) => {
            let path = path.clone();
            save_to(app, path, None, false, quit)
        }
        (path, _) => {
            let text = path
                .as_ref()
                .map(|p| clean(&p.display().to_string()))
                .unwrap_or_default();
            let label = format!("save to file (relative to {})", shown(&app.session.base));
            app.modal = Some(Modal::Prompt(Input::new(
                Field::SavePath { quit },
                label,
                text,
            )));
            Vec::new()
        }
    }
}

pub(super) fn shown(p: &std::path::Path) -> String {
    clean(&p.display().to_string())
}

/// The path typed at the save prompt. The prompt is pre-filled with the current file's name
/// made safe to show (control characters escaped); that text, left as it is, stands for the
/// current file, not for a new file literally named with the escapes.
pub(super) fn typed_path(app: &App, typed: &str) -> PathBuf {
    match app.session.path.as_deref() {
        Some(c) if shown(c) == typed => c.to_path_buf(),
        _ => app.session.resolve(typed),
    }
}

/// The save effect: checked against the fingerprint when saving to the loaded file, or
/// refusing to replace an existing file when saving under a new name, unless `force`.
pub(super) fn save_to(
    app: &mut App,
    path: PathBuf,
    typed: Option<String>,
    force: bool,
    quit: bool,
) -> Vec<Effect> {
    let same_file = app.session.path.as_ref() == Some(&path);
    let check = if force || !same_file {
        None
    } else {
        app.session.fingerprint
    };
    app.message = Some(format!("saving {}…", shown(&path)));
    vec![Effect::Save {
        path,
        org: app.org.clone(),
        check,
        new_file: !force && !same_file,
        quit,
        typed,
        recoveries: app.session.recoveries.clone(),
    }]
}

/// The answer to a save. A success says where, and the document as saved becomes what the
/// what-if compares with (the "edited" marker clears); a failure of a typed path opens the
/// prompt again with the text as typed and the whole reason.
pub(crate) fn saved(
    app: &mut App,
    path: PathBuf,
    typed: Option<String>,
    quit: bool,
    outcome: SaveOutcome,
) -> Vec<Effect> {
    let name = typed
        .clone()
        .map(|t| clean(&t))
        .unwrap_or_else(|| shown(&path));
    // "saving …" is over, whatever happened.
    app.message = None;
    match outcome {
        SaveOutcome::Saved(s) => {
            app.session.history.mark_saved();
            app.session.fingerprint = Some(s.fingerprint);
            let old = app.session.origin.clone();
            app.session.origin = Origin::File(path.clone());
            app.session.path = Some(path);
            let current = app
                .analysis
                .clone()
                .filter(|_| app.pending != Some(super::super::app::Pending::Analysis));
            app.session
                .saved_as_baseline(&app.org, current, app.initiative_id());
            let backup = s
                .backup
                .map(|b| format!(" (previous version: {})", shown(&b)))
                .unwrap_or_default();
            app.message = Some(match s.warning {
                Some(w) => clean(&w),
                None => format!("saved to {name}{backup}"),
            });
            if old != app.session.origin {
                // Saved under a new name: the old origin's recovery file is superseded.
                return vec![Effect::DiscardRecovery {
                    recoveries: app.session.recoveries.clone(),
                    for_file: old.for_file().map(PathBuf::from),
                    quit,
                    done: None,
                }];
            }
            if quit {
                app.quit = true;
                return vec![Effect::Quit];
            }
            Vec::new()
        }
        SaveOutcome::Exists => {
            app.modal = Some(Modal::Dialog(Question::Overwrite {
                path,
                reason: format!("{name} already exists"),
                quit,
            }));
            Vec::new()
        }
        SaveOutcome::Changed(why) => {
            app.modal = Some(Modal::Dialog(Question::Overwrite {
                path,
                reason: clean(&why),
                quit,
            }));
            Vec::new()
        }
        SaveOutcome::Failed(why) => {
            let why = format!("not saved (the edits are kept): {}", clean(&why));
            match typed {
                Some(text) => {
                    let label = format!("save to file (relative to {})", shown(&app.session.base));
                    let mut input = Input::new(Field::SavePath { quit }, label, String::new());
                    text.chars().for_each(|c| {
                        input.line.apply(LineEdit::Insert(c));
                    });
                    input.error = Some(why);
                    app.modal = Some(Modal::Prompt(input));
                }
                None => app.message = Some(why),
            }
            Vec::new()
        }
    }
}

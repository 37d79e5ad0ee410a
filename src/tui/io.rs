//! The file effects of the screen (saving, discarding a recovery file), performed by the
//! terminal loop and by scripted runs alike; each answers with a message for `update`.

use std::path::Path;

use crate::store::{self, SaveError, Saved};

use super::update::{Effect, Msg};

/// How a save ended.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    /// Written.
    Saved(Saved),
    /// Saving under a new name would replace an existing file.
    Exists,
    /// The file changed on disk since it was loaded; why.
    Changed(String),
    /// The save failed (the file is untouched); why.
    Failed(String),
}

/// Performs a file effect; `None` for effects that are not file effects.
pub fn perform(fx: &Effect) -> Option<Msg> {
    match fx {
        Effect::Save {
            path,
            org,
            check,
            new_file,
            quit,
            typed,
            recoveries,
        } => {
            let outcome = if *new_file && exists(path) {
                SaveOutcome::Exists
            } else {
                match store::save_org(path, org, check.as_ref(), recoveries) {
                    Ok(saved) => SaveOutcome::Saved(saved),
                    Err(e @ SaveError::ChangedOnDisk { .. }) => SaveOutcome::Changed(e.to_string()),
                    Err(e) => SaveOutcome::Failed(e.to_string()),
                }
            };
            Some(Msg::Saved {
                path: path.clone(),
                typed: typed.clone(),
                quit: *quit,
                outcome,
            })
        }
        Effect::DiscardRecovery {
            recoveries,
            for_file,
            quit,
            done,
        } => {
            let error = recoveries.discard(for_file.as_deref()).err().map(|e| {
                format!(
                    "cannot remove the recovery file {}: {e}",
                    recoveries.path_for(for_file.as_deref()).display()
                )
            });
            Some(Msg::Discarded {
                quit: *quit,
                error,
                done: done.clone(),
            })
        }
        Effect::WriteMinutes { path, text } => {
            let shown = crate::text::clean(&path.display().to_string());
            Some(Msg::Wrote(
                match store::save_atomic(path, text.as_bytes()) {
                    Ok(_) => format!("minutes written to {shown}"),
                    Err(e) => format!(
                        "minutes not written to {shown}: {}",
                        crate::text::clean(&e.to_string())
                    ),
                },
            ))
        }
        _ => None,
    }
}

fn exists(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

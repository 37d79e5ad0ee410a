//! The kept half-done form: written to the state folder (`rate/` under the folder of the
//! recovery files, `store::state_dir`) after every change, so a dropped link or a killed
//! process loses nothing; the next `gapscope rate` of the same respondent, unit and org file
//! reopens it. A submission removes it.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::form::{Answer, Form};
use crate::store::{
    SaveOptions, check_trusted, create_private_dir, fnv1a, save_atomic_with, state_dir,
};

/// One kept answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptAnswer {
    /// The rated unit's id.
    pub rated: String,
    /// The rating; `null` with `dont_know` false: not rated (only a comment).
    pub rating: Option<f64>,
    /// "Don't know".
    #[serde(default)]
    pub dont_know: bool,
    /// The comment.
    #[serde(default)]
    pub comment: String,
}

/// A kept form, as written to the state folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    /// The org file (canonical path).
    pub org: String,
    /// The respondent.
    pub respondent: String,
    /// The respondent's unit.
    pub unit: String,
    /// The highlighted unit.
    pub at: Option<String>,
    /// The answers given so far.
    pub answers: Vec<KeptAnswer>,
}

/// Where the kept forms of one state folder are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keeper {
    path: PathBuf,
    org: String,
    respondent: String,
    unit: String,
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

impl Keeper {
    /// The kept form of (org file, respondent, unit) in the state folder named by the
    /// environment.
    pub fn from_env(org: &Path, respondent: &str, unit: &str) -> Keeper {
        let dir = state_dir(std::env::var_os("XDG_STATE_HOME"), std::env::var_os("HOME"));
        Keeper::in_dir(&dir, org, respondent, unit)
    }

    /// The kept form of (org file, respondent, unit) under the state folder `dir`.
    pub fn in_dir(dir: &Path, org: &Path, respondent: &str, unit: &str) -> Keeper {
        let org = canonical(org).display().to_string();
        let key = format!("{org}\0{respondent}\0{unit}");
        let name: String = unit
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .take(24)
            .collect();
        let file = format!("{name}-{:016x}.json", fnv1a(key.as_bytes()));
        Keeper {
            path: dir.join("rate").join(file),
            org,
            respondent: respondent.to_string(),
            unit: unit.to_string(),
        }
    }

    /// The kept form's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Keeps the form (atomically, readable by the owner only).
    pub fn write(&self, form: &Form) -> io::Result<()> {
        let kept = Kept {
            org: self.org.clone(),
            respondent: self.respondent.clone(),
            unit: self.unit.clone(),
            at: form.rows.get(form.cursor()).map(|r| r.id.clone()),
            answers: form
                .rows
                .iter()
                .filter(|r| r.answer != Answer::Unrated || !r.comment.is_empty())
                .map(|r| KeptAnswer {
                    rated: r.id.clone(),
                    rating: match r.answer {
                        Answer::Rated(v) => Some(v),
                        _ => None,
                    },
                    dont_know: r.answer == Answer::DontKnow,
                    comment: r.comment.clone(),
                })
                .collect(),
        };
        let text = serde_json::to_string_pretty(&kept).map_err(io::Error::other)?;
        if let Some(dir) = self.path.parent() {
            create_private_dir(dir)?;
        }
        let options = SaveOptions {
            backup: false,
            new_file_mode: 0o600,
            replace: true,
        };
        save_atomic_with(&self.path, text.as_bytes(), &options, &mut |_| Ok(()))
            .map(|_| ())
            .map_err(|e| io::Error::other(e.to_string()))
    }

    /// The kept form, if there is one for the same org, respondent and unit. A file that
    /// cannot be read is an error (never silently dropped).
    /// The folder and the file must be the user's own and writable by nobody else (a form
    /// planted by another user is refused; the caller names the path).
    pub fn read(&self) -> io::Result<Option<Kept>> {
        if !self.path.exists() {
            return Ok(None);
        }
        for (path, folder) in [
            (self.path.parent(), true),
            (Some(self.path.as_path()), false),
        ] {
            if let Some(path) = path {
                check_trusted(path, folder)?;
            }
        }
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let kept: Kept = serde_json::from_str(&text).map_err(io::Error::other)?;
        let same =
            kept.org == self.org && kept.respondent == self.respondent && kept.unit == self.unit;
        Ok(same.then_some(kept))
    }

    /// Removes the kept form; `Ok(false)` when there was none.
    pub fn discard(&self) -> io::Result<bool> {
        match std::fs::remove_file(&self.path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }
}

/// Puts kept answers back into a form (units no longer in the org are skipped; ratings
/// now off the scale are dropped). Returns how many were restored.
pub fn restore(form: &mut Form, kept: &Kept) -> usize {
    let mut n = 0;
    for a in &kept.answers {
        let Some(row) = form.rows.iter_mut().find(|r| r.id == a.rated) else {
            continue;
        };
        row.answer = match a.rating {
            Some(v) if form.scale.scale.contains(v) => Answer::Rated(v),
            _ if a.dont_know => Answer::DontKnow,
            _ => Answer::Unrated,
        };
        row.comment = a.comment.clone();
        n += 1;
    }
    if let Some(at) = &kept.at {
        form.select(at);
    }
    n
}

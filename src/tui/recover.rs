//! Leaving unsaved edits behind when the session ends without a save: the latest document is
//! published after each change so a panic hook can write it without blocking, and signals
//! write it from the loop.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, TryLockError};

use crate::model::Org;
use crate::store::{Fingerprint, Recoveries, SaveError};

use super::app::App;
use super::dialog;

/// What a recovery file needs: the document, whose it is, and where recovery files go.
#[derive(Debug, Clone)]
pub struct Unsaved {
    /// The edited document.
    pub org: Arc<Org>,
    /// Its origin's `for_file` (see `Recoveries::path_for`).
    pub for_file: Option<PathBuf>,
    /// The fingerprint of the file the edits started from.
    pub source: Option<Fingerprint>,
    /// The recovery folder.
    pub recoveries: Recoveries,
}

impl Unsaved {
    /// The unsaved work of the app, if any.
    pub fn of(app: &App) -> Option<Unsaved> {
        dialog::unsaved(app).then(|| Unsaved {
            org: app.org.clone(),
            for_file: app.session.origin.for_file().map(PathBuf::from),
            source: app.session.fingerprint,
            recoveries: app.session.recoveries.clone(),
        })
    }

    /// Writes the recovery file.
    pub fn write(&self) -> Result<PathBuf, SaveError> {
        self.recoveries
            .write(self.for_file.as_deref(), &self.org, self.source.as_ref())
    }
}

/// The latest unsaved work, for the panic hook.
static LATEST: OnceLock<Mutex<Option<Unsaved>>> = OnceLock::new();

/// Publishes the app's unsaved work (or that there is none) for the panic hook.
pub fn publish(app: &App) {
    let cell = LATEST.get_or_init(|| Mutex::new(None));
    let value = Unsaved::of(app);
    match cell.lock() {
        Ok(mut g) => *g = value,
        Err(poisoned) => *poisoned.into_inner() = value,
    }
}

/// Writes the published unsaved work, from a panic hook: never blocks (a busy lock is skipped).
pub fn write_latest() -> Option<Result<PathBuf, SaveError>> {
    let cell = LATEST.get()?;
    let guard = match cell.try_lock() {
        Ok(g) => g,
        Err(TryLockError::Poisoned(p)) => p.into_inner(),
        Err(TryLockError::WouldBlock) => return None,
    };
    guard.as_ref().map(Unsaved::write)
}

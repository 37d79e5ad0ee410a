//! Keeping documents on disk safely: atomic saves with a backup, detecting changes made by
//! other writers since a file was loaded, and recovery files for unsaved edits.
//!
//! docs/editing.md describes the save procedure, the change check and the recovery files.

mod atomic;
mod fingerprint;
mod output;
mod private;
mod recovery;
mod temp;

use std::path::Path;

pub use atomic::{
    SaveError, SaveOptions, Saved, Stage, backup_path, ignore_file_size_signal, kind_of,
    save_atomic, save_atomic_stream, save_atomic_with, shown,
};
pub use fingerprint::{
    Changed, FNV1A_START, Fingerprint, check_unchanged, fnv1a, fnv1a_more, load_tracked,
    read_tracked,
};
pub use output::{Written, write_output_file, write_output_with, wrote_line};
pub use private::{check_trusted, create_private_dir, user_id};
pub use recovery::{
    RECOVERY_KEY, Recoveries, Recovery, SourceStatus, discard_recovery, find_recovery,
    recovery_path, state_dir, write_recovery,
};

use crate::model::{Org, save};

/// Saves a document to its file: refuses when the file changed on disk since `loaded` was
/// taken (pass `None` to overwrite regardless, or for a new file), writes atomically with a
/// backup, then removes the document's recovery file, which the save supersedes.
///
/// On success, remember [`Saved::fingerprint`] as the new `loaded` and mark the history saved.
pub fn save_org(
    path: &Path,
    org: &Org,
    loaded: Option<&Fingerprint>,
    recoveries: &Recoveries,
) -> Result<Saved, SaveError> {
    if let Some(fp) = loaded
        && let Err(change) = check_unchanged(path, fp)
    {
        return Err(SaveError::ChangedOnDisk {
            path: path.to_path_buf(),
            change,
        });
    }
    // Streamed into the temporary file: the document's text is never held whole (an `x-`
    // value of 100 MB goes out as it is kept).
    let mut saved = save_atomic_stream(path, &SaveOptions::default(), &mut |_| Ok(()), &mut |w| {
        save::write(org, None, w)
    })?;
    if let Err(e) = recoveries.discard(Some(path)) {
        saved.warning.get_or_insert_with(|| {
            format!(
                "saved, but the old recovery file {} could not be removed: {e}",
                atomic::shown(&recoveries.path_for(Some(path)))
            )
        });
    }
    Ok(saved)
}

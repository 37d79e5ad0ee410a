//! `gapscope sample`: print the built-in example org.

use std::io::Write;

use super::{CliError, Status};

/// Writes the built-in org file text.
pub(super) fn run(out: &mut dyn Write) -> Result<Status, CliError> {
    out.write_all(crate::model::seed::SEED_JSON.as_bytes())?;
    Ok(0)
}

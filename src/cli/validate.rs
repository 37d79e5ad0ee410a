//! `gapscope validate`: check files and list every problem.

use std::io::Write;

use super::{CliError, Status, ValidateArgs};
use crate::model;

/// Checks each file; prints problems to `err`, a line per valid file to `out` unless quiet.
pub fn run(
    args: &ValidateArgs,
    max_bytes: u64,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status, CliError> {
    let mut bad = 0;
    for file in &args.files {
        match model::load(file, max_bytes) {
            Ok(org) => {
                if !args.quiet {
                    let name = if file == "-" {
                        "<stdin>".to_string()
                    } else {
                        crate::text::clean(file)
                    };
                    writeln!(
                        out,
                        "{name}: ok ({} units, {} ties, {} targets)",
                        org.units.len(),
                        org.ties.len(),
                        org.targets.len()
                    )?;
                }
            }
            Err(e) => {
                bad += 1;
                writeln!(err, "{e}")?;
            }
        }
    }
    if bad > 0 {
        return Err(CliError::Usage(format!(
            "{bad} of {} file{} invalid",
            args.files.len(),
            if args.files.len() == 1 {
                " is"
            } else {
                "s are"
            }
        )));
    }
    Ok(0)
}

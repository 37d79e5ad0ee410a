//! `gapscope generate`: write a synthetic org (departments, heavy-tailed ties, targets).

use std::io::Write;

use super::{CliError, GenerateArgs, Status};
use crate::generate::{Params, generate};
use crate::model::save;

/// Most units `generate` accepts: far above any real org, below what exhausts memory.
pub const MAX_UNITS: usize = 2_000_000;

/// Generates the org and writes it to `-o FILE` (never over an existing file) or to `out`.
pub fn run(
    args: &GenerateArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status, CliError> {
    if args.units > MAX_UNITS {
        return Err(CliError::Usage(format!(
            "--units {} is more than gapscope generates ({MAX_UNITS})",
            args.units
        )));
    }
    if !args.mean_degree.is_finite() || args.mean_degree < 0.0 {
        return Err(CliError::Usage(format!(
            "--mean-degree must be a number of at least 0, not {}",
            args.mean_degree
        )));
    }
    if args.groups == Some(0) {
        return Err(CliError::Usage("--groups must be at least 1".into()));
    }
    let params = Params {
        units: args.units,
        seed: args.seed,
        groups: args.groups,
        mean_degree: args.mean_degree,
    };
    let org = generate(&params);
    let text = save::to_string(&org);
    match &args.output {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            let shown = crate::model::quote(path);
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .map_err(|e| {
                    CliError::Usage(if e.kind() == std::io::ErrorKind::AlreadyExists {
                        format!("{shown} exists; gapscope generate never overwrites a file")
                    } else {
                        format!("cannot create {shown}: {e}")
                    })
                })?;
            file.write_all(text.as_bytes())
                .and_then(|()| file.sync_all())
                .map_err(|e| CliError::Usage(format!("cannot write {shown}: {e}")))?;
            writeln!(
                err,
                "wrote {shown}: {} units, {} ties, {} targets",
                org.units.len(),
                org.ties.len(),
                org.targets.len()
            )?;
        }
    }
    Ok(0)
}

//! `gapscope generate`: write a synthetic org (departments, heavy-tailed ties, targets).

use std::io::Write;

use super::{CliError, GenerateArgs, Status};
use crate::generate::{Params, generate};
use crate::model::save;

/// Most units `generate` accepts: far above any real org, below what exhausts memory.
pub(super) const MAX_UNITS: usize = 2_000_000;

/// Most collaborating pairs (`units × mean degree / 2`) `generate` draws: each becomes up to
/// two ties of about 60 bytes of JSON, so this keeps the file and the memory to a few GB.
pub(super) const MAX_PAIRS: f64 = 10_000_000.0;

/// Generates the org and writes it to `-o FILE` (an existing file only with `--force`) or to
/// `out`.
pub(super) fn run(
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
    let others = args.units.saturating_sub(1);
    if args.mean_degree > others as f64 {
        return Err(CliError::Usage(format!(
            "--mean-degree {} is more than the {others} other unit{} each unit can collaborate with",
            crate::text::number(args.mean_degree),
            if others == 1 { "" } else { "s" }
        )));
    }
    let pairs = args.units as f64 * args.mean_degree / 2.0;
    if pairs > MAX_PAIRS {
        return Err(CliError::Usage(format!(
            "--units {} with --mean-degree {} asks for {} collaborating pairs, more than gapscope generates ({}); lower one of them",
            args.units,
            crate::text::number(args.mean_degree),
            pairs.round(),
            MAX_PAIRS
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
    let target = super::export::Output::new(args.output.as_deref(), args.force);
    target.write(text.as_bytes(), (org.units.len(), org.ties.len()), out, err)?;
    Ok(0)
}

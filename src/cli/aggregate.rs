//! `gapscope aggregate`: one unit per group, by block density (also `import --group-by`).

use std::io::Write;

use clap::Args;

use super::export::Output;
use super::import::import_error;
use super::{CliError, Status};
use crate::import::{self, AggregateOptions};
use crate::model;

/// Options of aggregation shared by `import --group-by` and `aggregate`.
#[derive(Debug, Args)]
pub struct AggregateFlags {
    /// Sum normalized strengths instead of counting ties (weighted block density).
    #[arg(long)]
    pub weighted: bool,
    /// Unit attribute that names each group, where all its members agree.
    #[arg(long, value_name = "ATTR")]
    pub group_name_attr: Option<String>,
}

/// Arguments of `aggregate`.
#[derive(Debug, Args)]
pub struct AggregateArgs {
    /// The org file ("-" reads standard input).
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Aggregate by the unit's group or by a unit attribute.
    #[arg(long, value_name = "group|ATTR", default_value = "group")]
    pub by: String,
    #[command(flatten)]
    pub aggregate: AggregateFlags,
    /// Write the org file here (atomically) instead of to standard output; an existing
    /// file is kept unless --force is given.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
    /// Replace the --output file when it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Title of the result.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

/// Runs `aggregate`.
pub(super) fn run(
    args: &AggregateArgs,
    max_bytes: u64,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status, CliError> {
    let org = model::load(&args.file, max_bytes)?;
    let opts = aggregate_options(&args.by, &args.aggregate, args.title.clone());
    let grouped = import::aggregate(&org, &opts).map_err(import_error)?;
    warn(&grouped.warnings, err)?;
    let text = import::to_checked_string(&grouped.org).map_err(import_error)?;
    let target = Output::new(args.output.as_deref(), args.force);
    target.write(
        text.as_bytes(),
        (grouped.org.units.len(), grouped.org.ties.len()),
        out,
        err,
    )?;
    Ok(0)
}

pub(super) fn aggregate_options(
    by: &str,
    flags: &AggregateFlags,
    title: Option<String>,
) -> AggregateOptions {
    AggregateOptions {
        by: by.to_string(),
        weighted: flags.weighted,
        name_attr: flags.group_name_attr.clone(),
        title,
    }
}

pub(super) fn warn(warnings: &[String], err: &mut dyn Write) -> Result<(), CliError> {
    for w in warnings {
        writeln!(err, "gapscope: warning: {w}")?;
    }
    Ok(())
}

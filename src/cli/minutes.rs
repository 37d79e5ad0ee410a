//! `gapscope minutes`: a review meeting's minutes in Markdown, from the command line.

use std::io::Write;

use clap::Args;

use super::export::{Output, check_initiative};
use super::report::{date, today};
use super::{CliError, Status, load_org};
use crate::analysis::{self, Options, plan};
use crate::model::Date;
use crate::report::minutes::{self, Meeting};

/// Examples shown by `gapscope minutes --help`.
pub(super) const MINUTES_HELP: &str = "\
Examples:
  gapscope minutes examples/seed.json --initiative ai --date 2026-11-30
  gapscope minutes org.json -o /tmp/minutes.md

The minutes list the date, who took part (from the file's review of that date), the
initiative, every gap with its actions (owner, due, expect), the open and overdue actions
(overdue: due before the date), and the gaps the plan closes. --date defaults to
GAPSCOPE_TODAY, else today (UTC).

Exit status: 0 ok, 2 bad input.";

/// Arguments of `minutes`.
#[derive(Debug, Args)]
pub struct MinutesArgs {
    /// Org file ("-" reads standard input); none uses the built-in example.
    #[arg(value_name = "FILE")]
    pub file: Option<String>,
    /// The meeting's date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub date: Option<Date>,
    /// The initiative reviewed: its targets and the baseline (default: all targets).
    #[arg(short, long, value_name = "ID")]
    pub initiative: Option<String>,
    /// Write here (atomically) instead of to standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<String>,
    /// Replace the --output file when it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// Runs `minutes`.
pub(super) fn run(
    args: &MinutesArgs,
    max_bytes: u64,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status, CliError> {
    let (org, _) = load_org(args.file.as_deref(), max_bytes)?;
    check_initiative(&org, args.initiative.as_deref())?;
    let Some(day) = today(args.date)? else {
        return Err(CliError::Usage(
            "the system clock gives no date; pass --date YYYY-MM-DD".into(),
        ));
    };
    let opts = Options {
        initiative: args.initiative.clone(),
        ..Options::default()
    };
    let now = analysis::analyse(&org, &opts);
    let planned_org = plan::planned(&org);
    let planned = analysis::analyse(&planned_org, &opts);
    let text = minutes::write(&Meeting {
        org: &org,
        now: &now,
        planned: &planned,
        planned_org: &planned_org,
        date: day,
        edits: None,
    });
    Output::new(args.output.as_deref(), args.force).write(
        text.as_bytes(),
        (org.units.len(), org.ties.len()),
        out,
        err,
    )?;
    Ok(0)
}

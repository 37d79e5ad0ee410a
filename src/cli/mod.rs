//! The command line: argument definitions (clap derive) and one module per command.
//!
//! Each command writes to the writers it is given, so tests can run it in memory.

mod generate;
mod sample;
mod validate;

use std::io::Write;

use clap::{Args, Parser, Subcommand};

use crate::model::{self, LoadError, Org};

const EXAMPLES: &str = "\
Examples:
  gapscope                          open the built-in example org
  gapscope org.json                 open an org file
  gapscope validate org.json        check a file; errors say line, column and JSON path
  gapscope sample > my-org.json     start a new org from the example
  cat org.json | gapscope validate -

Exit status: 0 ok, 1 a check failed, 2 bad input or usage.";

/// Find and work on collaboration gaps between the units of an organisation.
///
/// gapscope reads an org file (units, the strength of their collaboration, and the
/// collaboration that pairs need per initiative), finds the gaps, and shows them.
#[derive(Debug, Parser)]
#[command(name = "gapscope", version, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Org file to open ("-" reads standard input); none opens the built-in example.
    pub file: Option<String>,

    /// Refuse files larger than this many bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = model::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,

    /// What to do; none opens FILE.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check org files; print every problem with its line, column and JSON path.
    #[command(
        after_help = "Examples:\n  gapscope validate org.json\n  gapscope validate --quiet a.json b.json && echo ok\n\nExit status: 0 when every file is valid, 2 otherwise."
    )]
    Validate(ValidateArgs),
    /// Print the built-in example org as an org file.
    #[command(after_help = "Example:\n  gapscope sample > my-org.json")]
    Sample,
    /// Write a synthetic org: departments, heavy-tailed ties, one-sided ratings, targets.
    #[command(
        after_help = "Examples:\n  gapscope generate --units 10000 -o big.json\n  gapscope generate --units 500 --groups 8 --mean-degree 6 --seed 7 > small.json\n\nThe same options always give the same file."
    )]
    Generate(GenerateArgs),
}

/// Arguments of `generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Number of units.
    #[arg(long, value_name = "N")]
    pub units: usize,
    /// Seed of every random choice.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// Number of departments (default: one per 40 units).
    #[arg(long, value_name = "G")]
    pub groups: Option<usize>,
    /// Mean number of collaborators per unit.
    #[arg(long, value_name = "D", default_value_t = 10.0)]
    pub mean_degree: f64,
    /// Write to this file (never overwritten) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
}

/// Arguments of `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files to check ("-" reads standard input).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    /// Print nothing for valid files; only errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Why a command failed, and so its exit status.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A file could not be loaded (exit 2); the message is already printed if `reported`.
    #[error("{0}")]
    Load(#[from] LoadError),
    /// Bad usage or input not covered by a load error (exit 2).
    #[error("{0}")]
    Usage(String),
    /// Writing the output failed (exit 2; a closed pipe is not reported).
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
}

/// Exit status of a successful run or of a failed check.
pub type Status = u8;

/// Loads the org named on the command line, or the built-in one when none is given.
pub fn load_org(file: Option<&str>, max_bytes: u64) -> Result<(Org, String), LoadError> {
    match file {
        None => Ok((model::seed::seed(), model::seed::SEED_NAME.to_string())),
        Some(path) => {
            let name = if path == "-" { "<stdin>" } else { path };
            Ok((model::load(path, max_bytes)?, name.to_string()))
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, CliError> {
    match cli.command {
        Some(Command::Validate(args)) => validate::run(&args, cli.max_bytes, out, err),
        Some(Command::Sample) => sample::run(out),
        Some(Command::Generate(args)) => generate::run(&args, out, err),
        None => {
            let (org, name) = load_org(cli.file.as_deref(), cli.max_bytes)?;
            summary(&org, &name, out)?;
            Ok(0)
        }
    }
}

/// A short plain-text summary of an org.
fn summary(org: &Org, name: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let title = org.title.as_deref().unwrap_or(name);
    writeln!(out, "{}", crate::text::clean(title))?;
    writeln!(
        out,
        "{} units, {} ties, {} targets, {} initiatives ({})",
        org.units.len(),
        org.ties.len(),
        org.targets.len(),
        org.initiatives.len(),
        if org.directed {
            "directed"
        } else {
            "undirected"
        }
    )
}

//! `gapscope diff`: what changed between two snapshots of an org.

use std::io::Write;

use clap::{Args, ValueEnum};

use super::export::{analyse, check_initiative};
use super::{CliError, Status};
use crate::diff::{self, Snapshot, render};
use crate::model;

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Plain text.
    Text,
    /// Markdown, for a wiki page or a pull request.
    Markdown,
    /// JSON, every list in full.
    Json,
}

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older snapshot ("-" reads standard input).
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The newer snapshot.
    #[arg(value_name = "NEW")]
    pub new: String,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Compare the gaps of this initiative's targets (default: all targets).
    #[arg(long, value_name = "ID")]
    pub initiative: Option<String>,
    /// Text and Markdown: list at most N ties, targets and units per section.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
}

/// Runs `diff`. Exit status 0 whether or not there are differences.
pub(super) fn run(
    args: &DiffArgs,
    max_bytes: u64,
    out: &mut dyn Write,
) -> Result<Status, CliError> {
    if args.old == "-" && args.new == "-" {
        return Err(CliError::Usage(
            "only one of OLD and NEW can be \"-\"".into(),
        ));
    }
    let old = model::load(&args.old, max_bytes)?;
    let new = model::load(&args.new, max_bytes)?;
    let name = |p: &str| {
        if p == "-" {
            "<stdin>".to_string()
        } else {
            p.to_string()
        }
    };
    let (old_name, new_name) = (name(&args.old), name(&args.new));
    if let Some(id) = args.initiative.as_deref()
        && old.initiative(id).is_none()
    {
        check_initiative(&new, Some(id))?;
    }
    let (oa, na) = (
        analyse(&old, args.initiative.as_deref(), true),
        analyse(&new, args.initiative.as_deref(), true),
    );
    let d = diff::diff(
        Snapshot {
            org: &old,
            analysis: &oa,
        },
        Snapshot {
            org: &new,
            analysis: &na,
        },
    );
    let directed = old.directed && new.directed;
    let text = match args.format {
        DiffFormat::Text => render::text(&d, &old_name, &new_name, args.top, directed),
        DiffFormat::Markdown => render::markdown(&d, &old_name, &new_name, args.top, directed),
        DiffFormat::Json => render::json(&d, &old_name, &new_name),
    };
    out.write_all(text.as_bytes())?;
    Ok(0)
}

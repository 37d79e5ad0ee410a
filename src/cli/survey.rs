//! `gapscope survey status`: how far the answers have come, without showing anyone's
//! ratings: respondents per unit, ordered pairs below the privacy minimum (which the import
//! would withhold) and the units that have not answered.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use clap::{Args, Subcommand};

use super::{CliError, Status};
use crate::model::{self, quote};
use crate::rate::answers;
use crate::text::clean;

/// Examples shown by `gapscope survey status --help`.
pub(super) const STATUS_HELP: &str = "\
Examples:
  gapscope survey status answers.csv --org org.json
  gapscope survey status answers.csv --org org.json --min-rate 80 || echo 'remind them'

Never shows an individual's ratings. Exit status: 0 ok, 1 when --min-rate is not met,
2 bad input.";

/// The survey commands.
#[derive(Debug, Subcommand)]
pub enum SurveyCommand {
    /// Response counts per unit, pairs below the privacy minimum, units not answered.
    #[command(after_help = STATUS_HELP)]
    Status(StatusArgs),
}

/// Arguments of `survey status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The answers file (written by `gapscope rate`).
    #[arg(value_name = "ANSWERS")]
    pub answers: String,
    /// The org file the answers are about.
    #[arg(long, value_name = "ORG")]
    pub org: String,
    /// The privacy minimum: pairs rated by fewer respondents are withheld by the import.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub min_respondents: usize,
    /// Exit 1 unless at least this percentage of the org's units has answered.
    #[arg(long, value_name = "PCT")]
    pub min_rate: Option<f64>,
}

/// Runs a survey command.
pub(super) fn run(
    cmd: &SurveyCommand,
    max_bytes: u64,
    out: &mut dyn Write,
) -> Result<Status, CliError> {
    match cmd {
        SurveyCommand::Status(args) => status(args, max_bytes, out),
    }
}

fn status(args: &StatusArgs, max_bytes: u64, out: &mut dyn Write) -> Result<Status, CliError> {
    if let Some(r) = args.min_rate
        && !(0.0..=100.0).contains(&r)
    {
        return Err(CliError::Usage(format!(
            "--min-rate {r}: give a percentage from 0 to 100"
        )));
    }
    let org = model::load(&args.org, max_bytes)?;
    let path = Path::new(&args.answers);
    if !path.exists() {
        return Err(CliError::Usage(format!(
            "{}: no such answers file",
            quote(&args.answers)
        )));
    }
    let rows = answers::read(path).map_err(|e| CliError::Usage(e.to_string()))?;
    // respondent -> unit; unit -> respondents; (unit, rated) -> respondents who rated it.
    let mut unit_of: BTreeMap<&str, &str> = BTreeMap::new();
    let mut pairs: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
    for r in &rows {
        unit_of.entry(&r[0]).or_insert(&r[1]);
        if !r[3].is_empty() && r[1] != r[2] {
            pairs.entry((&r[1], &r[2])).or_default().insert(&r[0]);
        }
    }
    let mut per_unit: BTreeMap<&str, usize> = BTreeMap::new();
    for unit in unit_of.values() {
        *per_unit.entry(unit).or_default() += 1;
    }
    let answered = org
        .units
        .iter()
        .filter(|u| per_unit.contains_key(u.id.as_str()))
        .count();
    let total = org.units.len();
    let rate = if total == 0 {
        0.0
    } else {
        100.0 * answered as f64 / total as f64
    };
    writeln!(
        out,
        "{}: {} respondent{} from {answered} of {total} units ({rate:.0}%)",
        clean(&args.answers),
        unit_of.len(),
        if unit_of.len() == 1 { "" } else { "s" }
    )?;
    writeln!(out, "\nRespondents per unit:")?;
    let width = org
        .units
        .iter()
        .map(|u| clean(&u.id).len())
        .max()
        .unwrap_or(0);
    for u in &org.units {
        let n = per_unit.get(u.id.as_str()).copied().unwrap_or(0);
        let of = match u.size {
            Some(size) if n as u64 > size => {
                format!(" of {size}: more respondents than the unit's size; check the org")
            }
            Some(size) if size > 0 => {
                format!(" of {size} ({:.0}%)", 100.0 * n as f64 / size as f64)
            }
            _ => String::new(),
        };
        writeln!(out, "  {:<width$}  {n}{of}", clean(&u.id))?;
    }
    let strangers: Vec<&str> = per_unit
        .keys()
        .copied()
        .filter(|id| org.unit(id).is_none())
        .collect();
    if !strangers.is_empty() {
        let list: Vec<String> = strangers.iter().map(|s| quote(s)).collect();
        writeln!(
            out,
            "  answers from units not in the org (the import reports them): {}",
            list.join(", ")
        )?;
    }
    let min = args.min_respondents.max(1);
    // In the org's unit order (units not in the org last, by id).
    let index = org.unit_index();
    let place = |id: &str| (index.get(id).copied().unwrap_or(usize::MAX), id.to_string());
    let mut below: Vec<(&str, &str)> = pairs
        .iter()
        .filter(|(_, who)| who.len() < min)
        .map(|(k, _)| *k)
        .collect();
    below.sort_by_key(|(a, b)| (place(a), place(b)));
    writeln!(
        out,
        "\nOrdered pairs below the privacy minimum of {min} (the import writes them as unknown): {}",
        below.len()
    )?;
    for (a, b) in &below {
        writeln!(out, "  {} -> {}", clean(a), clean(b))?;
    }
    let silent: Vec<String> = org
        .units
        .iter()
        .filter(|u| !per_unit.contains_key(u.id.as_str()))
        .map(|u| clean(&u.id))
        .collect();
    writeln!(out, "\nUnits that have not answered: {}", silent.len())?;
    if !silent.is_empty() {
        writeln!(out, "  {}", silent.join(", "))?;
    }
    if let Some(want) = args.min_rate
        && rate < want
    {
        writeln!(
            out,
            "\nresponse rate {rate:.0}% is below --min-rate {want}%"
        )?;
        return Ok(1);
    }
    Ok(0)
}

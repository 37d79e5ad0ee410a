//! `gapscope report`: analyse an org and print gaps and metrics as text, Markdown, JSON or CSV.

use std::io::{IsTerminal, Write};

use clap::{Args, ValueEnum};

use super::{CliError, Status, load_org};
use crate::analysis::{self, BetweennessMode, Options};
use crate::model::suggest::did_you_mean;
use crate::report::{self, Format, Report, Settings};

/// Examples and exit status shown by `gapscope report --help`.
pub const EXAMPLES: &str = "\
Examples:
  gapscope report                                 the built-in example org, as text
  gapscope report org.json --initiative ai        gaps under the AI initiative (and baseline)
  gapscope report org.json --format markdown --top 10 > notes.md
  gapscope report org.json --format json | jq '.gaps[0]'
  gapscope report org.json --format csv > gaps.csv
  gapscope report org.json --fail-on 0.5          exit 1 when any gap has severity >= 0.5
  cat org.json | gapscope report - --betweenness sampled:200

--top and --min-severity filter the gap list in every format; --fail-on looks at all gaps.
Exit status: 0 ok, 1 a gap reached --fail-on, 2 bad input or usage.";

/// When to colour the text report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When standard output is a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Org file ("-" reads standard input); none reports on the built-in example.
    pub file: Option<String>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Apply the baseline targets and this initiative's (default: all targets).
    #[arg(short, long, value_name = "ID")]
    pub initiative: Option<String>,
    /// Show only the N most severe gaps.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Show only gaps with at least this severity (0 to 1).
    #[arg(long, value_name = "X", value_parser = fraction)]
    pub min_severity: Option<f64>,
    /// Rating difference (normalized, above 0 up to 1) that makes a pair `asymmetric`.
    #[arg(long, value_name = "X", default_value_t = 0.25, value_parser = positive_fraction)]
    pub asymmetry: f64,
    /// E-I index (-1 to 1) below which a group of two or more units is a `silo`.
    #[arg(long, value_name = "X", default_value_t = -0.5, value_parser = ei_value, allow_hyphen_values = true)]
    pub silo: f64,
    /// Exit with status 1 when any gap has at least this severity (0 to 1).
    #[arg(long, value_name = "X", value_parser = fraction)]
    pub fail_on: Option<f64>,
    /// Betweenness: exact, auto (exact while units × ties is at most 10^9, else sampled), skip, or sampled:K sources.
    #[arg(long, value_name = "MODE", default_value = "auto", value_parser = betweenness_mode)]
    pub betweenness: BetweennessMode,
    /// Colour the text report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

fn number(s: &str) -> Result<f64, String> {
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("\"{s}\" is not a number"))
}

fn fraction(s: &str) -> Result<f64, String> {
    let v = number(s)?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is outside 0 to 1"))
    }
}

fn positive_fraction(s: &str) -> Result<f64, String> {
    let v = fraction(s)?;
    if v > 0.0 {
        Ok(v)
    } else {
        Err("must be above 0 (0 would make every pair asymmetric)".into())
    }
}

fn ei_value(s: &str) -> Result<f64, String> {
    let v = number(s)?;
    if (-1.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is outside -1 to 1"))
    }
}

/// Parses `exact`, `auto`, `skip` or `sampled:K`.
pub fn betweenness_mode(s: &str) -> Result<BetweennessMode, String> {
    match s {
        "exact" => Ok(BetweennessMode::Exact),
        "auto" => Ok(BetweennessMode::Auto),
        "skip" => Ok(BetweennessMode::Skip),
        _ => match s.strip_prefix("sampled:").map(str::parse::<usize>) {
            Some(Ok(k)) if k > 0 => Ok(BetweennessMode::Sampled {
                sources: k,
                seed: 0,
            }),
            _ => Err(format!(
                "\"{s}\": expected exact, auto, skip or sampled:K with K > 0"
            )),
        },
    }
}

/// Runs the report; status 1 when `--fail-on` is reached.
pub fn run(args: &ReportArgs, max_bytes: u64, out: &mut dyn Write) -> Result<Status, CliError> {
    let (org, name) = load_org(args.file.as_deref(), max_bytes)?;
    if let Some(id) = &args.initiative
        && org.initiative(id).is_none()
    {
        let ids = org.initiatives.iter().map(|i| i.id.as_str());
        let hint = match did_you_mean(id, ids) {
            Some(s) => format!("; did you mean \"{s}\"?"),
            None if org.initiatives.is_empty() => "; the file defines no initiatives".into(),
            None => format!(
                "; known: {}",
                org.initiatives
                    .iter()
                    .map(|i| i.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        return Err(CliError::Usage(format!(
            "{name}: unknown initiative \"{}\"{}",
            crate::text::clean(id),
            crate::text::clean(&hint)
        )));
    }
    let opts = Options {
        initiative: args.initiative.clone(),
        asymmetry: args.asymmetry,
        betweenness: args.betweenness,
        silo_threshold: args.silo,
    };
    let analysis = analysis::analyse(&org, &opts);
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let settings = Settings {
        top: args.top,
        min_severity: args.min_severity,
        color,
    };
    report::write(args.format, &Report::new(&org, &analysis, settings), out)?;
    let failed = args
        .fail_on
        .is_some_and(|x| analysis.gaps.iter().any(|g| report::reaches(g.severity, x)));
    Ok(u8::from(failed))
}

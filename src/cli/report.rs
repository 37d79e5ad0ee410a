//! `gapscope report`: analyse an org and print gaps and metrics as text, Markdown, JSON or CSV.

use std::io::{IsTerminal, Write};

use clap::{Args, ValueEnum};

use super::{CliError, Status, load_org};
use crate::analysis::{self, BetweennessMode, Options, plan};
use crate::model::Date;
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
  gapscope report org.json --plan                 the gaps left if every open action with an
                                                  expected strength reaches it
  gapscope report org.json --today 2026-12-01     actions overdue as of that day
  cat org.json | gapscope report - --betweenness sampled:200

--top and --min-severity filter the gap list in every format; --fail-on looks at all gaps
(of the plan with --plan). \"Today\" for overdue actions is --today, else the environment
variable GAPSCOPE_TODAY, else the system clock (UTC).
Exit status: 0 ok, 1 a gap reached --fail-on (standard error says how many), 2 bad input
or usage.";

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
    #[arg(long, value_name = "X", value_parser = fraction, allow_hyphen_values = true)]
    pub min_severity: Option<f64>,
    /// Rating difference (normalized, above 0 up to 1) that makes a pair `asymmetric`.
    #[arg(long, value_name = "X", default_value_t = 0.25, value_parser = positive_fraction)]
    pub asymmetry: f64,
    /// E-I index (-1 to 1) below which a group of two or more units is a `silo`.
    #[arg(long, value_name = "X", default_value_t = -0.5, value_parser = ei_value, allow_hyphen_values = true)]
    pub silo: f64,
    /// Exit with status 1 when any gap has at least this severity (0 to 1), saying how many
    /// on standard error.
    #[arg(long, value_name = "X", value_parser = fraction, allow_hyphen_values = true)]
    pub fail_on: Option<f64>,
    /// Betweenness: exact, auto (exact while units × ties is at most 10^9, else sampled), skip, or sampled:K sources.
    #[arg(long, value_name = "MODE", default_value = "auto", value_parser = betweenness_mode)]
    pub betweenness: BetweennessMode,
    /// Colour the text report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Report the org as planned: every open action with an `expect` assumed reached.
    #[arg(long)]
    pub plan: bool,
    /// The day actions are overdue against (YYYY-MM-DD; default GAPSCOPE_TODAY or the clock).
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub today: Option<Date>,
    /// Write the report here (atomically) instead of to standard output; an existing file
    /// is kept unless --force is given.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
    /// Replace the --output file when it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// Parses a `YYYY-MM-DD` date that exists.
pub fn date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| {
        format!(
            "{} is not a date (expected YYYY-MM-DD, e.g. 2026-12-01)",
            crate::model::quote(s)
        )
    })
}

/// "Today" for overdue actions: the flag, else `GAPSCOPE_TODAY`, else the clock (UTC).
pub fn today(flag: Option<Date>) -> Result<Option<Date>, CliError> {
    if flag.is_some() {
        return Ok(flag);
    }
    match std::env::var("GAPSCOPE_TODAY") {
        Ok(text) if !text.is_empty() => date(&text)
            .map(Some)
            .map_err(|e| CliError::Usage(format!("GAPSCOPE_TODAY: {e}"))),
        _ => Ok(Date::today_utc()),
    }
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
        Err(format!("{} is outside 0 to 1", crate::text::number(v)))
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
        Err(format!("{} is outside -1 to 1", crate::text::number(v)))
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
pub fn run(
    args: &ReportArgs,
    max_bytes: u64,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status, CliError> {
    let (org, _) = load_org(args.file.as_deref(), max_bytes)?;
    if let Some(id) = &args.initiative
        && org.initiative(id).is_none()
    {
        return Err(super::unknown_initiative(&org, id));
    }
    let opts = Options {
        initiative: args.initiative.clone(),
        asymmetry: args.asymmetry,
        betweenness: args.betweenness,
        silo_threshold: args.silo,
    };
    let analysis = if args.plan {
        analysis::analyse(&plan::planned(&org), &opts)
    } else {
        analysis::analyse(&org, &opts)
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let settings = Settings {
        top: args.top,
        min_severity: args.min_severity,
        color,
        plan: args.plan,
        today: today(args.today)?,
    };
    let target = super::export::Output::new(args.output.as_deref(), args.force);
    let shown = Report::new(&org, &analysis, settings);
    // Written as it is made, to standard output or the file: at 100,000 units the JSON
    // report is nearly as large as the org file, and holding it whole doubled that.
    target.write_with((org.units.len(), org.ties.len()), out, err, &mut |w| {
        report::write(args.format, &shown, w)
    })?;
    let Some(limit) = args.fail_on else {
        return Ok(0);
    };
    let reached = analysis
        .gaps
        .iter()
        .filter(|g| report::reaches(g.severity, limit))
        .count();
    if reached > 0 {
        // Status 1 alone would leave a cron job's log silent about why.
        writeln!(
            err,
            "gapscope: {reached} gap{} of severity {limit} or more (--fail-on {limit})",
            if reached == 1 { "" } else { "s" }
        )?;
    }
    let failed = reached > 0;
    Ok(u8::from(failed))
}

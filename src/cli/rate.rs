//! `gapscope rate`: one respondent rates how their unit works with every other unit, in a
//! form in the terminal (or from `--ratings` in scripts), and submits to an answers file.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

use clap::Args;

use super::open::{AsciiArgs, ThemeArg};
use super::{CliError, Status};
use crate::model::{self, Org, quote, suggest::did_you_mean};
use crate::rate::keep::{self, Keeper};
use crate::rate::view::Look;
use crate::rate::{Answer, Form, answers, prefill, rows_of, term};
use crate::tui::theme::{self, Theme, ThemeName};

/// Examples shown by `gapscope rate --help`.
pub(super) const RATE_HELP: &str = "\
Examples:
  gapscope rate org.json --as sales -o answers.csv
  gapscope rate org.json --as sales --respondent r17 -o /shared/answers.csv
  gapscope rate org.json --as sales -o answers.csv --ratings 'it=4,hr=?,legal=1'
  gapscope survey status answers.csv --org org.json
  gapscope import --from survey answers.csv -o rated.json

In the form: a digit rates the highlighted unit, ? is \"don't know\", n a comment,
/ finds a unit, s (or Ctrl-s) submits, q leaves. A form left before submitting (or cut
off by a dropped link) is kept and reopened by the same command. Exit status: 0 ok,
2 bad input or a file that stayed locked (nothing written).";

/// Arguments of `rate`.
#[derive(Debug, Args)]
pub struct RateArgs {
    /// The org file whose units are rated.
    #[arg(value_name = "ORG")]
    pub org: String,
    /// Your unit: the one whose collaboration with the others you rate (a unit id).
    #[arg(long = "as", value_name = "UNIT")]
    pub unit: String,
    /// Your respondent id, written to the answers file only (default: your login name).
    #[arg(long, value_name = "ID")]
    pub respondent: Option<String>,
    /// The answers file (shared by all respondents; created when missing).
    #[arg(short, long, value_name = "FILE")]
    pub output: String,
    /// Submit these ratings without the form: UNIT=RATING,... (RATING ? for don't know).
    #[arg(long, value_name = "LIST")]
    pub ratings: Option<String>,
    /// Start from a blank form: remove a kept half-done form and do not fill in your earlier
    /// answers (they are replaced when you submit).
    #[arg(long)]
    pub fresh: bool,
    /// Seconds to wait while another respondent's submission holds the answers file.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub lock_timeout: u64,
    /// Colours: dark, light or mono (wins over the config file; without either, NO_COLOR set
    /// chooses mono).
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeArg>,
    /// `--ascii` and `--no-ascii`.
    #[command(flatten)]
    pub ascii: AsciiArgs,
}

/// The respondent id: `--respondent`, else the login name (`USER`, then `LOGNAME`).
fn respondent(given: Option<&str>) -> Result<String, CliError> {
    let id = match given {
        Some(id) => id.trim().to_string(),
        None => ["USER", "LOGNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
            .map(|s| s.trim().to_string())
            .ok_or_else(|| {
                CliError::Usage(
                    "cannot tell who is answering (USER is not set); give --respondent ID".into(),
                )
            })?,
    };
    if id.is_empty() || id.chars().any(char::is_control) {
        return Err(CliError::Usage(format!(
            "--respondent {}: give a non-empty id without control characters",
            quote(&id)
        )));
    }
    Ok(id)
}

/// The error for a unit id the org does not have: the closest id when one is close.
fn unknown_unit(org: &Org, id: &str, what: &str) -> CliError {
    let ids = || org.units.iter().map(|u| u.id.as_str());
    let by_name = org.units.iter().find(|u| {
        u.name
            .as_deref()
            .is_some_and(|n| n.eq_ignore_ascii_case(id.trim()))
    });
    let hint = match by_name
        .map(|u| u.id.as_str())
        .or_else(|| did_you_mean(id, ids()))
    {
        Some(c) => format!("; did you mean {}?", quote(c)),
        None => {
            let known: Vec<String> = ids().take(12).map(quote).collect();
            let more = if org.units.len() > 12 { ", ..." } else { "" };
            format!("; the units are {}{more}", known.join(", "))
        }
    };
    CliError::Usage(format!(
        "{what} {}: no such unit in the org{hint}",
        quote(id)
    ))
}

/// Runs `rate`.
pub(super) fn run(
    args: &RateArgs,
    max_bytes: u64,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status, CliError> {
    if args.org == "-" {
        return Err(CliError::Usage(
            "rate needs the org as a file (a kept form is tied to it), not standard input".into(),
        ));
    }
    let org = model::load(&args.org, max_bytes)?;
    if org.unit(&args.unit).is_none() {
        return Err(unknown_unit(&org, &args.unit, "--as"));
    }
    let output = Path::new(&args.output);
    let earlier = answers::read(output).map_err(|e| CliError::Usage(e.to_string()))?;
    if args.ratings.is_none() && !std::io::stdout().is_terminal() {
        return Err(CliError::Usage(
            "standard output is not a terminal, so the form cannot open; use --ratings UNIT=N,... in scripts".into(),
        ));
    }
    let who = respondent(args.respondent.as_deref())?;
    let mut form = Form::new(&org, &args.unit, &who, &args.output);
    if form.rows.is_empty() {
        return Err(CliError::Usage("the org has no other unit to rate".into()));
    }
    let keeper = Keeper::from_env(Path::new(&args.org), &who, &args.unit);
    let timeout = Duration::from_secs(args.lock_timeout);
    if let Some(list) = &args.ratings {
        set_ratings(&org, &mut form, list)?;
        let done = submit(&form, output, timeout).map_err(CliError::Usage)?;
        let _ = keeper.discard();
        writeln!(out, "{done}")?;
        return Ok(0);
    }
    if args.fresh {
        let _ = keeper.discard();
    } else {
        let from_file = prefill(&mut form, &earlier);
        let kept = keeper.read().map_err(|e| {
            CliError::Usage(format!(
                "cannot read the kept form {}: {e} (--fresh starts over)",
                crate::store::shown(keeper.path())
            ))
        })?;
        if let Some(kept) = kept {
            let n = keep::restore(&mut form, &kept);
            form.say(
                format!("reopened your form as you left it ({n} answers); s submits"),
                false,
            );
        } else if from_file > 0 {
            form.say(
                format!("your {from_file} submitted answers are filled in; s submits again"),
                false,
            );
        }
    }
    // The form looks as the screen does: the config file's theme and `ascii`, under the flags.
    let file = crate::config::from_env()
        .map_err(|e| CliError::Usage(e.to_string()))?
        .settings;
    let name = theme::choose(
        args.theme
            .map(|t| match t {
                ThemeArg::Dark => ThemeName::Dark,
                ThemeArg::Light => ThemeName::Light,
                ThemeArg::Mono => ThemeName::Mono,
            })
            .or(file.theme),
        std::env::var("NO_COLOR").ok().as_deref(),
    );
    if name != ThemeName::Mono {
        // A theme asked for wins over NO_COLOR (no-color.org), which crossterm also reads.
        ratatui::crossterm::style::force_color_output(true);
    }
    let look = Look {
        theme: Theme::new(name).ascii(args.ascii.choose(file.ascii).0),
    };
    let mut send = |f: &Form| submit(f, output, timeout);
    let ended = term::run(form, &look, &keeper, &mut send)?;
    if ended.submitted {
        writeln!(
            err,
            "gapscope: your answers are in {}",
            crate::text::clean(&args.output)
        )?;
    } else if keeper.path().exists() {
        writeln!(
            err,
            "gapscope: not submitted; your answers are kept and the same `gapscope rate` reopens them"
        )?;
    }
    Ok(0)
}

/// Submits a form's rows; says what was done, or why not (nothing written then).
fn submit(form: &Form, output: &Path, timeout: Duration) -> Result<String, String> {
    let rows = rows_of(form);
    let done =
        answers::submit(output, &form.respondent, &rows, timeout).map_err(|e| e.to_string())?;
    let replaced = match done.replaced {
        0 => String::new(),
        n => format!(" (replacing your {n} earlier)"),
    };
    Ok(format!(
        "submitted {} answer{}{replaced} to {}",
        done.written,
        if done.written == 1 { "" } else { "s" },
        crate::text::clean(&output.display().to_string())
    ))
}

/// Applies `--ratings UNIT=RATING,...`.
fn set_ratings(org: &Org, form: &mut Form, list: &str) -> Result<(), CliError> {
    for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let Some((id, value)) = item.rsplit_once('=') else {
            return Err(CliError::Usage(format!(
                "--ratings: {} is not UNIT=RATING",
                quote(item)
            )));
        };
        let (id, value) = (id.trim(), value.trim());
        let answer = if value == "?" {
            Answer::DontKnow
        } else {
            let v = value
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| {
                    CliError::Usage(format!(
                        "--ratings: {} is not a number (or ?)",
                        quote(value)
                    ))
                })?;
            if !form.scale.scale.contains(v) {
                return Err(CliError::Usage(format!(
                    "--ratings: {v} for {} is off the scale {} to {}",
                    quote(id),
                    form.scale.scale.min,
                    form.scale.scale.max
                )));
            }
            Answer::Rated(v)
        };
        let Some(row) = form.rows.iter_mut().find(|r| r.id == id) else {
            if id == form.unit.0 {
                return Err(CliError::Usage(format!(
                    "--ratings: {} is your own unit",
                    quote(id)
                )));
            }
            return Err(unknown_unit(org, id, "--ratings:"));
        };
        row.answer = answer;
    }
    Ok(())
}

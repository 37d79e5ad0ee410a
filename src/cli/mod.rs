//! The command line: argument definitions (clap derive) and one module per command.
//!
//! Each command writes to the writers it is given, so tests can run it in memory.

mod aggregate;
pub mod config;
mod diff;
mod export;
mod generate;
mod import;
mod minutes;
pub mod open;
mod rate;
pub mod report;
mod review;
mod sample;
mod shell;
mod survey;
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
  gapscope report org.json          list the gaps and key metrics (also markdown, json, csv)
  gapscope report org.json --plan   the gaps left if the open actions reach their aim
  gapscope review org.json          walk the gaps in a meeting: actions, plan, minutes
  gapscope minutes org.json         a review meeting's minutes (Markdown)
  gapscope rate org.json --as sales -o answers.csv   rate your unit's collaboration
  gapscope config                   the config file (~/.config/gapscope) and its settings
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
    #[arg(long, value_name = "BYTES", default_value_t = model::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,

    /// Options of the screen (when no command is given).
    #[command(flatten)]
    pub screen: ScreenArgs,

    /// What to do; none opens FILE.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options of the interactive screen.
#[derive(Debug, Args, Default)]
pub struct ScreenArgs {
    /// Start with this initiative's targets (default: all targets).
    #[arg(long, value_name = "ID")]
    pub initiative: Option<String>,
    /// The first view.
    #[arg(long, value_enum, value_name = "VIEW")]
    pub view: Option<open::ViewArg>,
    /// Colours: dark, light or mono (wins over the config file; without either, NO_COLOR set
    /// chooses mono).
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<open::ThemeArg>,
    /// `--ascii` and `--no-ascii`.
    #[command(flatten)]
    pub ascii: open::AsciiArgs,
    /// Look only: edits and saving are refused.
    #[arg(long, conflicts_with = "recover")]
    pub read_only: bool,
    /// Restore the unsaved edits of an earlier session without asking.
    #[arg(long, conflicts_with = "discard_recovery")]
    pub recover: bool,
    /// Throw away the unsaved edits of an earlier session without asking.
    #[arg(long)]
    pub discard_recovery: bool,
    /// Show what changed since an older snapshot OLD of the same org: gaps new, widened (▲),
    /// narrowed (▼) and closed, metrics and ratings then and now (units matched by id).
    #[arg(long, value_name = "OLD")]
    pub compare: Option<String>,
}

/// The subcommands.
// The `args` and `limit` fields are flattened option groups: their options carry the docs
// (clap turns them into `--help`), the fields themselves have nothing to add.
#[allow(missing_docs)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check org files; print every problem with its line, column and JSON path.
    #[command(
        after_help = "Examples:\n  gapscope validate org.json\n  gapscope validate --quiet a.json b.json && echo ok\n\nExit status: 0 when every file is valid, 2 otherwise."
    )]
    Validate {
        #[command(flatten)]
        args: ValidateArgs,
        #[command(flatten)]
        limit: FileLimit,
    },
    /// Analyse an org: gaps by severity, brokers, silos, components (text, markdown, json, csv).
    #[command(after_help = report::EXAMPLES)]
    Report {
        #[command(flatten)]
        args: report::ReportArgs,
        #[command(flatten)]
        limit: FileLimit,
    },
    /// Print the built-in example org as an org file.
    #[command(after_help = "Example:\n  gapscope sample > my-org.json")]
    Sample,
    /// Build an org file from survey answers, an edge list or node-link JSON.
    #[command(after_help = import::IMPORT_HELP)]
    Import {
        #[command(flatten)]
        args: Box<import::ImportArgs>,
        #[command(flatten)]
        limit: FileLimit,
    },
    /// Aggregate an org to one unit per group (block density).
    #[command(
        after_help = "Examples:\n  gapscope aggregate people.json --by group -o departments.json\n  gapscope aggregate people.json --by office --weighted\n\nExit status: 0 ok, 2 bad input."
    )]
    Aggregate {
        #[command(flatten)]
        args: aggregate::AggregateArgs,
        #[command(flatten)]
        limit: FileLimit,
    },
    /// Write an org and its gaps as DOT, Mermaid, GraphML, JSON, CSV or node-link JSON.
    #[command(after_help = export::EXPORT_HELP)]
    Export {
        #[command(flatten)]
        args: export::ExportArgs,
        #[command(flatten)]
        limit: FileLimit,
    },
    /// Show what changed between two snapshots of an org: gaps, ties, targets, metrics.
    #[command(
        after_help = "Examples:\n  gapscope diff q1.json q2.json\n  gapscope diff q1.json q2.json --initiative ai --format markdown > changes.md\n\nExit status: 0 ok (with or without differences), 2 bad input."
    )]
    Diff {
        #[command(flatten)]
        args: diff::DiffArgs,
        #[command(flatten)]
        limit: FileLimit,
    },
    /// Write a review meeting's minutes (Markdown): gaps with their actions, open and overdue
    /// actions, the gaps the plan closes.
    #[command(after_help = minutes::MINUTES_HELP)]
    Minutes {
        #[command(flatten)]
        args: minutes::MinutesArgs,
        #[command(flatten)]
        limit: FileLimit,
    },
    /// Collect ratings in the terminal: rate how your unit works with every other unit and
    /// submit to an answers file that `import --from survey` reads.
    #[command(after_help = rate::RATE_HELP)]
    Rate {
        #[command(flatten)]
        args: Box<rate::RateArgs>,
        #[command(flatten)]
        limit: FileLimit,
    },
    /// Follow a survey's answers: `survey status`.
    #[command(after_help = survey::STATUS_HELP)]
    Survey {
        #[command(subcommand)]
        command: survey::SurveyCommand,
        #[command(flatten)]
        limit: FileLimit,
    },
    /// Open the screen in review mode: walk the gaps one at a time, record actions, see the
    /// plan, write the minutes.
    #[command(after_help = review::REVIEW_HELP)]
    Review {
        #[command(flatten)]
        args: review::ReviewArgs,
        #[command(flatten)]
        limit: FileLimit,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  gapscope completions bash > ~/.local/share/bash-completion/completions/gapscope\n  gapscope completions zsh > ~/.zfunc/_gapscope\n  gapscope completions fish > ~/.config/fish/completions/gapscope.fish"
    )]
    Completions(shell::CompletionsArgs),
    /// Print the man page (roff), or write one page per command into a folder.
    #[command(
        after_help = "Examples:\n  gapscope man > gapscope.1 && man ./gapscope.1\n  gapscope man --dir ~/.local/share/man/man1   # gapscope.1, gapscope-report.1, ..."
    )]
    Man(shell::ManArgs),
    /// Print where the config file is and the settings in force (theme, view, keys, ...).
    #[command(after_help = config::CONFIG_HELP)]
    Config {
        #[command(flatten)]
        ascii: open::AsciiArgs,
    },
    /// Print the JSON Schema (draft 2020-12) of the org file, for editors.
    #[command(after_help = "Example:\n  gapscope schema > gapscope.schema.json")]
    Schema,
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
    /// Write to this file instead of standard output; an existing file is kept unless
    /// --force is given.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
    /// Replace the --output file when it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// The size limit of the files a command reads (only on commands that read a file).
#[derive(Debug, Args, Clone, Copy)]
pub struct FileLimit {
    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = model::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
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

/// The names of the commands, for "did you mean" when a file argument names none.
fn command_names() -> Vec<String> {
    use clap::CommandFactory;
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|n| n != "help")
        .collect()
}

/// Refuses a file argument that does not exist and reads as a misspelt command
/// (`gapscope reprot`): "no such file or command; did you mean `gapscope report`?".
pub fn misspelt_command(file: &str) -> Result<(), CliError> {
    if file == "-" || std::path::Path::new(file).exists() {
        return Ok(());
    }
    let names = command_names();
    if names.iter().any(|n| n == file) {
        return Ok(());
    }
    let mut prefixed = names
        .iter()
        .filter(|n| file.len() >= 2 && n.starts_with(file));
    let by_prefix = match (prefixed.next(), prefixed.next()) {
        (Some(only), None) => Some(only.as_str()),
        _ => None,
    };
    let close = crate::model::suggest::did_you_mean(file, names.iter().map(String::as_str));
    match close.or(by_prefix) {
        Some(name) => Err(CliError::Usage(format!(
            "{}: no such file or command; did you mean `gapscope {name}`?",
            crate::model::quote(file)
        ))),
        None => Ok(()),
    }
}

/// The error for an `--initiative` the org does not define, the same for every command
/// and the screen: the closest id when one is close, else the ids there are.
pub fn unknown_initiative(org: &Org, id: &str) -> CliError {
    let ids: Vec<&str> = org.initiatives.iter().map(|i| i.id.as_str()).collect();
    let hint = match crate::model::suggest::did_you_mean(id, ids.iter().copied()) {
        Some(s) => format!("; did you mean {}?", crate::model::quote(s)),
        None if ids.is_empty() => "; the org defines no initiatives".to_string(),
        None => format!(
            "; known: {}",
            ids.iter()
                .map(|i| crate::model::quote(i))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    CliError::Usage(format!(
        "unknown initiative {}{hint}",
        crate::model::quote(id)
    ))
}

/// A hint after a load error when the file is plainly not an org file but CSV (survey
/// answers or an edge list), which `import` turns into one.
pub fn load_hint(e: &LoadError) -> Option<String> {
    let LoadError::Invalid { file, problems, .. } = e else {
        return None;
    };
    let lower = file.to_lowercase();
    let csv_name = [".csv", ".tsv", ".txt"].iter().any(|x| lower.ends_with(x));
    // JSON never starts with a letter; a CSV header row does.
    let at_start = problems
        .first()
        .is_some_and(|p| p.pos.line == 1 && p.pos.col == 1 && p.path.is_empty());
    (csv_name && at_start).then(|| {
        let f = crate::text::clean(file);
        format!(
            "gapscope: {f} looks like CSV, not an org file (JSON); make one with \
             `gapscope import --from survey {f} -o org.json` (survey answers) \
             or `--from edges` (an edge list)"
        )
    })
}

/// Runs a parsed command line.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, CliError> {
    match cli.command {
        Some(Command::Validate { args, limit }) => validate::run(&args, limit.max_bytes, out, err),
        Some(Command::Sample) => sample::run(out),
        Some(Command::Generate(args)) => generate::run(&args, out, err),
        Some(Command::Import { args, limit }) => import::run(&args, limit.max_bytes, out, err),
        Some(Command::Aggregate { args, limit }) => {
            aggregate::run(&args, limit.max_bytes, out, err)
        }
        Some(Command::Export { args, limit }) => export::run(&args, limit.max_bytes, out, err),
        Some(Command::Diff { args, limit }) => diff::run(&args, limit.max_bytes, out),
        Some(Command::Minutes { args, limit }) => minutes::run(&args, limit.max_bytes, out, err),
        Some(Command::Rate { args, limit }) => rate::run(&args, limit.max_bytes, out, err),
        Some(Command::Survey { command, limit }) => survey::run(&command, limit.max_bytes, out),
        Some(Command::Review { args, limit }) => review::run(args, limit.max_bytes),
        Some(Command::Completions(args)) => shell::completions(&args, out),
        Some(Command::Man(args)) => shell::man(&args, out),
        Some(Command::Schema) => shell::schema(out),
        Some(Command::Config { ascii }) => config::run(ascii, out),
        Some(Command::Report { args, limit }) => report::run(&args, limit.max_bytes, out, err),
        None => {
            if let Some(file) = cli.file.as_deref() {
                misspelt_command(file)?;
            }
            open::run(&cli)
        }
    }
}

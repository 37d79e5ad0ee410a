//! The default command: `gapscope [FILE]` opens the interactive screen.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::config::Settings;
use crate::store::{self, Recoveries};
use crate::tui::session::Origin;
use crate::tui::{self, App, AtStart, Config};

use super::{Cli, CliError, ScreenArgs, Status, load_org};

/// Checks the options, loads the org and runs the screen.
pub fn run(cli: &Cli) -> Result<Status, CliError> {
    // The config file, the org file and the options are checked first, so their errors show
    // even in a pipe; a bad config file stops here, before the screen starts.
    let user = crate::config::from_env().map_err(|e| CliError::Usage(e.to_string()))?;
    // Keys typed while a large file loads are not echoed over the shell.
    let quiet = tui::terminal::quiet_input();
    let doc = load_document_with(cli, &user.settings);
    drop(quiet);
    let mut doc = doc?;
    if let Some(bindings) = user.bindings {
        doc.config.keys = tui::keymap::Keymap::new(bindings);
    }
    if doc.config.theme != tui::ThemeName::Mono {
        // crossterm drops every colour when NO_COLOR is set; a theme asked for by a flag or
        // the config file wins over NO_COLOR (no-color.org), so colours are turned back on.
        ratatui::crossterm::style::force_color_output(true);
    }
    if !std::io::stdout().is_terminal() {
        return Err(CliError::Usage(
            "standard output is not a terminal, so the screen cannot open; for text or JSON output use `gapscope report FILE`".into(),
        ));
    }
    let app = finish(cli, doc, Recoveries::from_env())?;
    tui::terminal::run(app)?;
    Ok(0)
}

/// Loads the document (with its fingerprint when it is a file) and checks the screen options;
/// recovery files and the save folder are [`finish`]'s. Reads standard input once; has no
/// other effect.
pub fn load_document(cli: &Cli) -> Result<tui::Document, CliError> {
    load_document_with(cli, &Settings::default())
}

/// [`load_document`] with the settings of a config file under the command line's options.
pub fn load_document_with(cli: &Cli, file: &Settings) -> Result<tui::Document, CliError> {
    let (org, name, origin, fingerprint) = match cli.file.as_deref() {
        Some(path) if path != "-" => {
            let (org, fp) = store::load_tracked(Path::new(path), cli.max_bytes)?;
            (org, path.to_string(), Origin::File(path.into()), Some(fp))
        }
        file => {
            let (org, name) = load_org(file, cli.max_bytes)?;
            let origin = if file.is_some() {
                Origin::Stdin
            } else {
                Origin::Builtin
            };
            (org, name, origin, None)
        }
    };
    let no_color = std::env::var("NO_COLOR").ok();
    let config = config_with(&cli.screen, &org, no_color.as_deref(), file)?;
    let compare = match cli.screen.compare.as_deref() {
        None => None,
        Some("-") if cli.file.as_deref() == Some("-") => {
            return Err(CliError::Usage(
                "FILE and --compare cannot both be standard input (-)".into(),
            ));
        }
        Some(path) => Some(load_old(path, cli.max_bytes)?),
    };
    Ok(tui::Document {
        origin,
        fingerprint,
        compare,
        ..tui::Document::new(org, &name).config(config)
    })
}

/// Loads OLD of `--compare` with the same loader and size limit as FILE; returns it with the
/// name the screen shows ("since NAME"): its file name, cleaned.
fn load_old(path: &str, max_bytes: u64) -> Result<(crate::model::Org, String), CliError> {
    let (old, _) = load_org(Some(path), max_bytes)?;
    let label = match path {
        "-" => "standard input".to_string(),
        _ => Path::new(path)
            .file_name()
            .map_or(path.into(), |n| n.to_string_lossy().into_owned()),
    };
    Ok((old, crate::text::clean(&label)))
}

/// Loads the document (with its fingerprint when it is a file), builds the screen's state and
/// deals with a recovery file left by an earlier session: `--recover` restores it,
/// `--discard-recovery` removes it, otherwise the screen starts by asking.
pub fn prepare(cli: &Cli, recoveries: Recoveries) -> Result<App, CliError> {
    let doc = load_document(cli)?;
    finish(cli, doc, recoveries)
}

/// Builds the screen's state for a loaded document and decides what to do about a recovery
/// file (the screen does it: [`App::from_document`]).
fn finish(cli: &Cli, doc: tui::Document, recoveries: Recoveries) -> Result<App, CliError> {
    let recoveries = match doc.origin {
        // Standard input has no name: its recovery is keyed by what was read.
        Origin::Stdin => {
            recoveries.for_stdin_content(crate::model::save::to_string(&doc.org).as_bytes())
        }
        _ => recoveries,
    };
    let for_file = doc.origin.for_file().map(PathBuf::from);
    let shown = |p: &Path| crate::text::clean(&p.display().to_string());
    let at_start = if cli.screen.discard_recovery {
        let gone = recoveries
            .discard_all(for_file.as_deref())
            .map_err(|e| CliError::Usage(format!("cannot remove the recovery file: {e}")))?;
        if gone > 0 {
            AtStart::Note("discarded the unsaved edits of the last session".into())
        } else {
            AtStart::Nothing
        }
    } else {
        let mut all = recoveries.find_all(for_file.as_deref()).map_err(|e| {
            CliError::Usage(format!(
                "cannot use a recovery file: {e} (move it away, or start with --discard-recovery)"
            ))
        })?;
        // Newest first; the others are asked about in turn (kept when --recover restores one).
        all.reverse();
        let found = all.pop();
        match found {
            None if cli.screen.recover => AtStart::Note("no unsaved edits to recover".into()),
            None => AtStart::Nothing,
            Some(rec) if doc.config.read_only => AtStart::Note(format!(
                "unsaved edits are kept in {} (open without --read-only to restore them)",
                shown(&rec.path)
            )),
            Some(rec) if cli.screen.recover => AtStart::Restore {
                rec: Box::new(rec),
                more: all.len(),
            },
            Some(rec) => AtStart::Ask {
                rec: Box::new(rec),
                more: all,
            },
        }
    };
    let base = std::env::current_dir()
        .map_err(|e| CliError::Usage(format!("cannot read the working folder: {e}")))?;
    Ok(App::from_document(tui::Document {
        recoveries,
        base,
        at_start,
        ..doc
    }))
}

/// The screen's start-up choices from the command line and `NO_COLOR`.
pub fn config(
    args: &ScreenArgs,
    org: &crate::model::Org,
    no_color: Option<&str>,
) -> Result<Config, CliError> {
    config_with(args, org, no_color, &Settings::default())
}

/// The screen's start-up choices: a flag wins over the config file, which wins over
/// `NO_COLOR` (a theme asked for, as no-color.org says), which wins over the defaults.
pub fn config_with(
    args: &ScreenArgs,
    org: &crate::model::Org,
    no_color: Option<&str>,
    file: &Settings,
) -> Result<Config, CliError> {
    let initiative = match &args.initiative {
        None => None,
        Some(id) => match org.initiatives.iter().position(|i| &i.id == id) {
            Some(i) => Some(i),
            None => return Err(super::unknown_initiative(org, id)),
        },
    };
    Ok(Config {
        initiative,
        view: args
            .view
            .map(|v| match v {
                ViewArg::Graph => tui::View::Graph,
                ViewArg::Matrix => tui::View::Matrix,
                ViewArg::Gaps => tui::View::Gaps,
                ViewArg::Review => tui::View::Review,
            })
            .or(file.view),
        theme: tui::theme::choose(
            args.theme
                .map(|t| match t {
                    ThemeArg::Dark => tui::ThemeName::Dark,
                    ThemeArg::Light => tui::ThemeName::Light,
                    ThemeArg::Mono => tui::ThemeName::Mono,
                })
                .or(file.theme),
            no_color,
        ),
        ascii: args.ascii.choose(file.ascii).0,
        read_only: args.read_only,
        asymmetry: file.asymmetry,
        keys: tui::keymap::Keymap::default(),
    })
}

/// `--ascii` and `--no-ascii`: plain ASCII symbols or Unicode ones, over the config file's
/// `ascii` setting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::Args)]
pub struct AsciiArgs {
    /// Only ASCII symbols (no box drawing, braille, arrows), for old terminals and serial
    /// consoles; wins over the config file.
    #[arg(long, conflicts_with = "no_ascii")]
    pub ascii: bool,
    /// Unicode symbols even when the config file sets `ascii = true`.
    #[arg(long)]
    pub no_ascii: bool,
}

/// Where a setting in force came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A command-line flag.
    Flag,
    /// The config file.
    File,
    /// Neither: the default.
    Default,
}

impl AsciiArgs {
    /// Whether to draw in ASCII, and why: a flag wins over the config file's `ascii`, which
    /// wins over the default (Unicode).
    pub fn choose(self, file: Option<bool>) -> (bool, Source) {
        match (self.ascii, self.no_ascii, file) {
            (true, _, _) => (true, Source::Flag),
            (_, true, _) => (false, Source::Flag),
            (_, _, Some(b)) => (b, Source::File),
            (_, _, None) => (false, Source::Default),
        }
    }
}

/// `--view`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ViewArg {
    /// The node-link graph.
    Graph,
    /// The heat map of ratings.
    Matrix,
    /// The ranked gap list.
    Gaps,
    /// Review mode: one gap at a time (as `gapscope review`).
    Review,
}

/// `--theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    /// For dark terminals.
    Dark,
    /// For light terminals.
    Light,
    /// No colour (also chosen by NO_COLOR).
    Mono,
}

//! The default command: `gapscope [FILE]` opens the interactive screen.

use std::io::IsTerminal;

use crate::model::suggest;
use crate::tui::{self, App, Config};

use super::{Cli, CliError, ScreenArgs, Status, load_org};

/// Checks the options, loads the org and runs the screen.
pub fn run(cli: &Cli) -> Result<Status, CliError> {
    if !std::io::stdout().is_terminal() {
        return Err(CliError::Usage(
            "standard output is not a terminal, so the screen cannot open; for text or JSON output use `gapscope report FILE`".into(),
        ));
    }
    let (org, name) = load_org(cli.file.as_deref(), cli.max_bytes)?;
    let config = config(&cli.screen, &org, std::env::var("NO_COLOR").ok().as_deref())?;
    let app = App::new(org, &name, &config);
    tui::terminal::run(app)?;
    Ok(0)
}

/// The screen's start-up choices from the command line and `NO_COLOR`.
pub fn config(
    args: &ScreenArgs,
    org: &crate::model::Org,
    no_color: Option<&str>,
) -> Result<Config, CliError> {
    let initiative = match &args.initiative {
        None => None,
        Some(id) => match org.initiatives.iter().position(|i| &i.id == id) {
            Some(i) => Some(i),
            None => {
                let ids: Vec<&str> = org.initiatives.iter().map(|i| i.id.as_str()).collect();
                let hint = suggest::did_you_mean(id, ids.iter().copied())
                    .map(|s| format!("; did you mean \"{s}\"?"))
                    .unwrap_or_default();
                let known = if ids.is_empty() {
                    "the org has none".to_string()
                } else {
                    format!("known: {}", ids.join(", "))
                };
                return Err(CliError::Usage(format!(
                    "unknown initiative {}{hint} ({known})",
                    crate::model::quote(id)
                )));
            }
        },
    };
    Ok(Config {
        initiative,
        view: args.view.map(|v| match v {
            ViewArg::Graph => tui::View::Graph,
            ViewArg::Matrix => tui::View::Matrix,
            ViewArg::Gaps => tui::View::Gaps,
        }),
        theme: tui::theme::choose(
            args.theme.map(|t| match t {
                ThemeArg::Dark => tui::ThemeName::Dark,
                ThemeArg::Light => tui::ThemeName::Light,
                ThemeArg::Mono => tui::ThemeName::Mono,
            }),
            no_color,
        ),
        ascii: args.ascii,
    })
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

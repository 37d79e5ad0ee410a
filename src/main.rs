//! The `gapscope` binary: parse the command line, dispatch, map errors to exit codes.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use gapscope::cli::{self, Cli, CliError};

fn main() -> ExitCode {
    let parsed = match Cli::try_parse() {
        Ok(parsed) => parsed,
        Err(e) => {
            // `gapscope reprot FILE`: clap sees two files; say which command was meant.
            let first = std::env::args_os().nth(1).unwrap_or_default();
            let first = first
                .to_str()
                .filter(|a| !a.starts_with('-'))
                .unwrap_or("-");
            if e.kind() != clap::error::ErrorKind::DisplayHelp
                && e.kind() != clap::error::ErrorKind::DisplayVersion
                && let Err(hint) = cli::misspelt_command(first)
            {
                let _ = writeln!(std::io::stderr(), "gapscope: {hint}");
                return ExitCode::from(2);
            }
            e.exit()
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut err = std::io::stderr();
    let result = cli::run(parsed, &mut out, &mut err).and_then(|s| {
        out.flush()?;
        Ok(s)
    });
    match result {
        Ok(status) => ExitCode::from(status),
        Err(CliError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        // Load problems already name their file on every line (as `validate` prints them).
        Err(CliError::Load(e)) => {
            let _ = writeln!(err, "{e}");
            if let Some(hint) = cli::load_hint(&e) {
                let _ = writeln!(err, "{hint}");
            }
            ExitCode::from(2)
        }
        Err(e) => {
            let _ = writeln!(err, "gapscope: {}", anyhow::Error::from(e));
            ExitCode::from(2)
        }
    }
}

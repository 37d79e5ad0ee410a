//! The `gapscope` binary: parse the command line, dispatch, map errors to exit codes.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use gapscope::cli::{self, Cli, CliError};

fn main() -> ExitCode {
    let parsed = Cli::parse();
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
            ExitCode::from(2)
        }
        Err(e) => {
            let _ = writeln!(err, "gapscope: {}", anyhow::Error::from(e));
            ExitCode::from(2)
        }
    }
}

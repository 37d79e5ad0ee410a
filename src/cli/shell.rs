//! `gapscope completions`, `gapscope man` and `gapscope schema`: shell and editor integration.

use std::io::Write;

use clap::{Args, CommandFactory};

use super::{Cli, CliError, Status};

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// The JSON Schema (draft 2020-12) of the org file, format 1.
pub const ORG_SCHEMA: &str = include_str!("../export/org.schema.json");

/// Writes a completion script for a shell.
pub fn completions(args: &CompletionsArgs, out: &mut dyn Write) -> Result<Status, CliError> {
    let mut cmd = Cli::command();
    // clap_complete panics when its writer fails (`> /dev/full`): it writes to memory, and
    // the one write to `out` reports an error like every other command.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "gapscope", &mut script);
    out.write_all(&script)?;
    Ok(0)
}

/// Writes the man page (roff) of gapscope and its commands.
pub fn man(out: &mut dyn Write) -> Result<Status, CliError> {
    let cmd = Cli::command();
    clap_mangen::Man::new(cmd).render(out)?;
    Ok(0)
}

/// Writes the JSON Schema of the org file.
pub fn schema(out: &mut dyn Write) -> Result<Status, CliError> {
    out.write_all(ORG_SCHEMA.as_bytes())?;
    Ok(0)
}

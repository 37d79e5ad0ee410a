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

/// Arguments of `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write gapscope.1 and one page per command (gapscope-report.1, ...) into this folder
    /// (made when missing) instead of printing gapscope.1.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<std::path::PathBuf>,
}

/// The JSON Schema (draft 2020-12) of the org file, format 1.
pub(super) const ORG_SCHEMA: &str = include_str!("../export/org.schema.json");

/// Writes a completion script for a shell.
pub(super) fn completions(args: &CompletionsArgs, out: &mut dyn Write) -> Result<Status, CliError> {
    let mut cmd = Cli::command();
    // clap_complete panics when its writer fails (`> /dev/full`): it writes to memory, and
    // the one write to `out` reports an error like every other command.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "gapscope", &mut script);
    out.write_all(&script)?;
    Ok(0)
}

/// Prints the man page (roff) of gapscope, or writes it and the pages its "SEE ALSO"
/// names (`gapscope-report(1)`, ...) into a folder.
pub(super) fn man(args: &ManArgs, out: &mut dyn Write) -> Result<Status, CliError> {
    let cmd = Cli::command();
    let Some(dir) = &args.dir else {
        clap_mangen::Man::new(cmd).render(out)?;
        return Ok(0);
    };
    let fail = |e: std::io::Error| {
        CliError::Usage(format!(
            "cannot write the man pages into {}: {}",
            crate::model::quote(&dir.to_string_lossy()),
            crate::model::io_reason(&e)
        ))
    };
    std::fs::create_dir_all(dir).map_err(fail)?;
    // One page per command, nested ones (`survey status`) included, and gapscope.1.
    fn count(cmd: &clap::Command) -> usize {
        cmd.get_subcommands()
            .filter(|c| !c.is_hide_set() && c.get_name() != "help")
            .map(|c| 1 + count(c))
            .sum()
    }
    let pages = 1 + count(&cmd);
    clap_mangen::generate_to(cmd, dir).map_err(fail)?;
    let shown = crate::text::clean(&dir.to_string_lossy());
    writeln!(
        out,
        "wrote {pages} man pages into {shown}; read one with: man -l {shown}/gapscope.1"
    )?;
    Ok(0)
}

/// Writes the JSON Schema of the org file.
pub(super) fn schema(out: &mut dyn Write) -> Result<Status, CliError> {
    out.write_all(ORG_SCHEMA.as_bytes())?;
    Ok(0)
}

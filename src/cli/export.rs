//! `gapscope export`: write an org and its gaps for other tools.

use std::io::Write;

use clap::{Args, ValueEnum};

use super::{CliError, Status, load_org};
use crate::analysis::{self, Analysis, BetweennessMode, Options};
use crate::export::{dot, graphml, mermaid, nodelink, table};
use crate::model::Org;
use crate::store::{Written, write_output_with, wrote_line};

/// Examples shown by `gapscope export --help`.
pub(super) const EXPORT_HELP: &str = "\
Examples:
  gapscope export org.json --format dot | dot -Tsvg > org.svg
  gapscope export org.json --format mermaid --initiative ai >> wiki-page.md
  gapscope export org.json --format graphml -o org.graphml
  gapscope export org.json --format csv --table units
  gapscope export org.json --format csv --table actions > actions.csv

Exit status: 0 ok, 2 bad input.";

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Graphviz DOT, gaps styled, one cluster per group.
    Dot,
    /// Mermaid flowchart for Markdown wikis.
    Mermaid,
    /// GraphML for Gephi, yEd, igraph and NetworkX.
    Graphml,
    /// The org file, normalized.
    Json,
    /// One CSV table (see --table).
    Csv,
    /// NetworkX node-link JSON.
    NodeLink,
}

/// The CSV tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableArg {
    /// id,name,group,size and the unit attributes.
    Units,
    /// from,to,strength,normalized,gap,note.
    Ties,
    /// from,to,min,initiative,why.
    Targets,
    /// from,to,what,initiative,owner,due,status,decided,expect,note.
    Actions,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Org file ("-" reads standard input); none exports the built-in example.
    #[arg(value_name = "FILE")]
    pub file: Option<String>,
    /// Output format.
    #[arg(short, long, value_enum)]
    pub format: Format,
    /// Write here (atomically) instead of to standard output; an existing file is kept
    /// unless --force is given.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
    /// Replace the --output file when it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Style the gaps of this initiative's targets (default: all targets).
    #[arg(long, value_name = "ID")]
    pub initiative: Option<String>,
    /// CSV: which table to write.
    #[arg(long, value_enum, default_value_t = TableArg::Ties)]
    pub table: TableArg,
}

/// Checks that an initiative exists; the error is the one every command gives.
pub(super) fn check_initiative(org: &Org, id: Option<&str>) -> Result<(), CliError> {
    match id {
        Some(id) if org.initiative(id).is_none() => Err(super::unknown_initiative(org, id)),
        _ => Ok(()),
    }
}

/// Analyses an org: gaps under the chosen initiative; betweenness only when `metrics`
/// (exports draw gaps, not centrality, and large orgs would wait for it).
pub(super) fn analyse(org: &Org, initiative: Option<&str>, metrics: bool) -> Analysis {
    let opts = Options {
        initiative: initiative.map(str::to_string),
        betweenness: if metrics {
            BetweennessMode::Auto
        } else {
            BetweennessMode::Skip
        },
        ..Options::default()
    };
    analysis::analyse(org, &opts)
}

/// Runs `export`.
pub(super) fn run(
    args: &ExportArgs,
    max_bytes: u64,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status, CliError> {
    let (org, _) = load_org(args.file.as_deref(), max_bytes)?;
    check_initiative(&org, args.initiative.as_deref())?;
    let analysis = analyse(&org, args.initiative.as_deref(), false);
    let table = match args.table {
        TableArg::Units => table::Table::Units,
        TableArg::Ties => table::Table::Ties,
        TableArg::Targets => table::Table::Targets,
        TableArg::Actions => table::Table::Actions,
    };
    let target = Output::new(args.output.as_deref(), args.force);
    let counts = (org.units.len(), org.ties.len());
    if args.format == Format::Csv {
        // Written as it is made, to standard output or the file: a huge table (40,000 units
        // with one distinct attribute each is 1.6 GB) is never held whole.
        target.write_with(counts, out, err, &mut |w| {
            table::write_csv(&org, &analysis, table, w)
        })?;
        return Ok(0);
    }
    let text = match args.format {
        Format::Dot => dot::to_dot(&org, &analysis),
        Format::Mermaid => mermaid::to_mermaid(&org, &analysis),
        Format::Graphml => graphml::to_graphml(&org, &analysis),
        Format::Json => crate::model::save::to_string(&org),
        Format::NodeLink => nodelink::to_node_link(&org),
        Format::Csv => table::to_csv(&org, &analysis, table),
    };
    target.write(text.as_bytes(), counts, out, err)?;
    Ok(0)
}

/// Where a command's output goes: standard output, or `-o FILE` (with `--force`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Output<'a> {
    path: Option<&'a str>,
    force: bool,
}

impl<'a> Output<'a> {
    /// `-o FILE` (`-` or none is standard output) and `--force`.
    pub(super) fn new(path: Option<&'a str>, force: bool) -> Output<'a> {
        Output {
            path: path.filter(|p| *p != "-"),
            force,
        }
    }

    /// Writes to standard output, or to the file through `store::write_output_file` (atomic,
    /// an existing file kept unless `--force`, a FIFO or device written through), then says
    /// on `err`: `wrote FILE (N units, M ties)`, with `counts` = (units, ties).
    pub(super) fn write(
        &self,
        bytes: &[u8],
        counts: (usize, usize),
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<(), CliError> {
        self.write_with(counts, out, err, &mut |w| w.write_all(bytes))
    }

    /// Writes what `write` writes, as it writes it (through a 64 KiB buffer), to standard
    /// output or to the file (`store::write_output_with`: every guarantee of [`Output::write`],
    /// which is this with one `write_all`), then says `wrote FILE (N units, M ties)` on `err`.
    pub(super) fn write_with(
        &self,
        counts: (usize, usize),
        out: &mut dyn Write,
        err: &mut dyn Write,
        write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), CliError> {
        let Some(path) = self.path else {
            let mut buffered = std::io::BufWriter::with_capacity(1 << 16, out);
            write(&mut buffered)?;
            buffered.flush()?;
            return Ok(());
        };
        let path = std::path::Path::new(path);
        let written = write_output_with(path, self.force, write)
            .map_err(|e| CliError::Usage(e.to_string()))?;
        if let Written::File(_) = written {
            writeln!(err, "{}", wrote_line(path, counts.0, counts.1))?;
        }
        Ok(())
    }
}

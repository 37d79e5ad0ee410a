//! `gapscope import` and `gapscope aggregate`: build org files from other formats.

use std::io::Write;

use clap::{Args, ValueEnum};

use super::aggregate::{AggregateFlags, aggregate_options, warn};
use super::export::Output;
use super::{CliError, Status};
use crate::import::{
    self, ImportError, Imported, edges::EdgeOptions, nodelink::NodeLinkOptions,
    survey::SurveyOptions,
};
use crate::model;

/// Examples shown by `gapscope import --help`.
pub(super) const IMPORT_HELP: &str = "\
Examples:
  gapscope import --from survey answers.csv -o org.json
  gapscope import --from survey answers.csv --units units.csv --scale 1:7 --min-respondents 5
  gapscope import --from edges ties.csv --directed --scale 0:10
  gapscope import --from node-link graph.json --group-attr department --group-by group

Bad rows are listed as FILE:LINE: message; a file with bad rows is refused (nothing is
written) unless --skip-bad-rows is given. Exit status: 0 ok, 2 bad input.";

/// The input formats of `import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Source {
    /// Survey answers, one row per answer: respondent, unit, rated unit, rating.
    Survey,
    /// An edge list: from, to, strength (optional), from_group and to_group (optional).
    Edges,
    /// NetworkX / d3 node-link JSON.
    NodeLink,
}

/// Arguments of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The input format.
    #[arg(long = "from", value_enum, value_name = "FORMAT")]
    pub from: Source,
    /// The input file ("-" reads standard input).
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Write the org file here (atomically) instead of to standard output; an existing
    /// file is kept unless --force is given.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
    /// Replace the --output file when it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Units CSV (id,name,group,size, more columns become attributes); survey and edges.
    #[arg(long, value_name = "FILE")]
    pub units: Option<String>,
    /// Rating scale MIN:MAX. Survey default 0:5; edges and node-link default 0 to the
    /// largest strength (at least 1).
    #[arg(long, value_name = "MIN:MAX", allow_hyphen_values = true)]
    pub scale: Option<String>,
    /// Edges: treat from -> to as one party's rating of the other.
    #[arg(long)]
    pub directed: bool,
    /// Survey: leave out pairs rated by fewer people than this (privacy).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub min_respondents: usize,
    /// Survey: column of the respondent id (never written out).
    #[arg(long, value_name = "NAME", default_value = "respondent")]
    pub respondent_col: String,
    /// Survey: column of the respondent's unit.
    #[arg(long, value_name = "NAME", default_value = "unit")]
    pub unit_col: String,
    /// Survey: column of the rated unit.
    #[arg(long, value_name = "NAME", default_value = "rated")]
    pub rated_col: String,
    /// Survey: column of the rating.
    #[arg(long, value_name = "NAME", default_value = "rating")]
    pub rating_col: String,
    /// Node-link: link attribute holding the strength (missing = 1).
    #[arg(long, value_name = "KEY", default_value = "weight")]
    pub weight_key: String,
    /// Node-link: node attribute that becomes the unit's group.
    #[arg(long, value_name = "ATTR", default_value = "group")]
    pub group_attr: String,
    /// Node-link: node attribute that becomes the unit's name.
    #[arg(long, value_name = "ATTR", default_value = "name")]
    pub name_attr: String,
    /// Aggregate the result to one unit per group (or per value of a unit attribute).
    #[arg(long, value_name = "group|ATTR")]
    pub group_by: Option<String>,
    #[command(flatten)]
    pub aggregate: AggregateFlags,
    /// Leave out bad rows (each is listed) instead of refusing the file.
    #[arg(long)]
    pub skip_bad_rows: bool,
    /// Title of the org file.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

/// Maps an import error to the CLI's error (exit 2).
pub(super) fn import_error(e: ImportError) -> CliError {
    match e {
        ImportError::Load(e) => CliError::Load(e),
        other => CliError::Usage(other.to_string()),
    }
}

fn display_name(path: &str) -> &str {
    if path == "-" { "<stdin>" } else { path }
}

/// Runs `import`.
pub(super) fn run(
    args: &ImportArgs,
    max_bytes: u64,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status, CliError> {
    let scale = match args.scale.as_deref() {
        None => None,
        Some(text) => Some(import::parse_scale(text).map_err(CliError::Usage)?),
    };
    if args.file == "-" && args.units.as_deref() == Some("-") {
        return Err(CliError::Usage(
            "FILE and --units cannot both be standard input (-): standard input can be read once"
                .into(),
        ));
    }
    let units = match &args.units {
        Some(path) => {
            let bytes = model::read_limited(path, max_bytes)?;
            let (table, bad) =
                import::units::read(display_name(path), &bytes).map_err(import_error)?;
            Some((table, bad))
        }
        None => None,
    };
    if units.is_some() && args.from == Source::NodeLink {
        return Err(CliError::Usage(
            "--units applies to survey and edges imports; node-link files carry their nodes".into(),
        ));
    }
    let bytes = model::read_limited(&args.file, max_bytes)?;
    let name = display_name(&args.file);
    let table = units.as_ref().map(|(t, _)| t);
    let mut imported = match args.from {
        Source::Survey => {
            let opts = SurveyOptions {
                respondent_col: args.respondent_col.clone(),
                unit_col: args.unit_col.clone(),
                rated_col: args.rated_col.clone(),
                rating_col: args.rating_col.clone(),
                scale: scale.unwrap_or(model::Scale { min: 0.0, max: 5.0 }),
                min_respondents: args.min_respondents,
                title: args.title.clone(),
            };
            import::survey::import(name, &bytes, table, &opts)
        }
        Source::Edges => {
            let opts = EdgeOptions {
                directed: args.directed,
                scale,
                title: args.title.clone(),
            };
            import::edges::import(name, &bytes, table, &opts)
        }
        Source::NodeLink => {
            let opts = NodeLinkOptions {
                weight_key: args.weight_key.clone(),
                group_attr: args.group_attr.clone(),
                name_attr: args.name_attr.clone(),
                scale,
                title: args.title.clone(),
            };
            import::nodelink::import(name, &bytes, &opts)
        }
    }
    .map_err(import_error)?;
    if let Some((_, bad)) = units {
        let mut all = bad;
        all.append(&mut imported.bad_rows);
        imported.bad_rows = all;
    }
    report_rows(&imported, args.skip_bad_rows, err)?;
    let mut org = imported.org;
    if let Some(by) = &args.group_by {
        let opts = aggregate_options(by, &args.aggregate, args.title.clone());
        let grouped = import::aggregate(&org, &opts).map_err(import_error)?;
        warn(&grouped.warnings, err)?;
        org = grouped.org;
    }
    let text = import::to_checked_string(&org).map_err(import_error)?;
    let target = Output::new(args.output.as_deref(), args.force);
    target.write(text.as_bytes(), (org.units.len(), org.ties.len()), out, err)?;
    Ok(0)
}

/// Lists bad rows; refuses the input when there are any and skipping was not asked for.
fn report_rows(imported: &Imported, skip: bool, err: &mut dyn Write) -> Result<(), CliError> {
    let bad = &imported.bad_rows;
    if !bad.is_empty() && !skip {
        for row in bad {
            writeln!(err, "{row}")?;
        }
        return Err(CliError::Usage(format!(
            "{} bad row{}; nothing written (--skip-bad-rows leaves them out)",
            bad.len(),
            if bad.len() == 1 { "" } else { "s" }
        )));
    }
    for row in bad {
        writeln!(err, "{row} (skipped)")?;
    }
    if !bad.is_empty() {
        writeln!(
            err,
            "gapscope: warning: {} bad row{} skipped",
            bad.len(),
            if bad.len() == 1 { "" } else { "s" }
        )?;
    }
    warn(&imported.warnings, err)
}

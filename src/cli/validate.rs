//! `gapscope validate`: check files and list every problem.

use std::io::Write;

use super::{CliError, Status, ValidateArgs};
use crate::model;

/// Pairs of unit ids that differ only by letter case (the first id seen, then the other),
/// at most 10: accepted by the format, but a likely mistake and a trap for case-insensitive
/// tools and file systems.
fn case_twins(org: &model::Org) -> Vec<(&str, &str)> {
    let mut first: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    let mut twins = Vec::new();
    for u in &org.units {
        let folded = u.id.to_lowercase();
        match first.get(&folded) {
            Some(&a) if a != u.id => twins.push((a, u.id.as_str())),
            Some(_) => {}
            None => {
                first.insert(folded, &u.id);
            }
        }
        if twins.len() == 10 {
            break;
        }
    }
    twins
}

/// Checks each file; prints problems to `err`, a line per valid file to `out` unless quiet.
pub fn run(
    args: &ValidateArgs,
    max_bytes: u64,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status, CliError> {
    let mut bad = 0;
    for file in &args.files {
        match model::load(file, max_bytes) {
            Ok(org) => {
                let shown = if file == "-" {
                    "<stdin>".to_string()
                } else {
                    crate::text::clean(file)
                };
                for (a, b) in case_twins(&org) {
                    writeln!(
                        err,
                        "gapscope: warning: {shown}: unit ids {} and {} differ only by case",
                        crate::model::quote(a),
                        crate::model::quote(b)
                    )?;
                }
                if !args.quiet {
                    let name = if file == "-" {
                        "<stdin>".to_string()
                    } else {
                        crate::text::clean(file)
                    };
                    writeln!(
                        out,
                        "{name}: ok ({} units, {} ties, {} targets)",
                        org.units.len(),
                        org.ties.len(),
                        org.targets.len()
                    )?;
                }
            }
            Err(e) => {
                bad += 1;
                writeln!(err, "{e}")?;
            }
        }
    }
    if bad > 0 {
        return Err(CliError::Usage(format!(
            "{bad} of {} file{} invalid",
            args.files.len(),
            if args.files.len() == 1 {
                " is"
            } else {
                "s are"
            }
        )));
    }
    Ok(0)
}

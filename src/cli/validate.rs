//! `gapscope validate`: check files and list every problem.

use std::io::Write;

use super::{CliError, Status, ValidateArgs};
use crate::model;

/// Pairs of unit ids that are different strings but look alike: the same after Unicode
/// normalisation (NFC: `é` written as one character or as `e` and an accent) or after that
/// and case folding. Accepted by the format, but a likely mistake and a trap for tools and
/// file systems that fold them. At most 10, each with how the two differ.
fn look_alikes(org: &model::Org) -> Vec<(&str, &str, &'static str)> {
    use unicode_normalization::UnicodeNormalization;
    let mut by_nfc: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    let mut by_folded: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    let mut twins = Vec::new();
    for u in &org.units {
        let nfc: String = u.id.nfc().collect();
        let folded = nfc.to_lowercase();
        match (by_nfc.get(&nfc), by_folded.get(&folded)) {
            (Some(&a), _) if a != u.id => twins.push((a, u.id.as_str(), "Unicode normalisation")),
            (None, Some(&a)) => twins.push((a, u.id.as_str(), "case")),
            _ => {}
        }
        by_nfc.entry(nfc).or_insert(&u.id);
        by_folded.entry(folded).or_insert(&u.id);
        if twins.len() == 10 {
            break;
        }
    }
    twins
}

/// An id quoted with every character outside printable ASCII as `\u{..}`, so two ids that
/// look the same on screen are told apart.
fn code_points(id: &str) -> String {
    let mut out = String::from("\"");
    for c in id.chars().take(80) {
        if c.is_ascii_graphic() || c == ' ' {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        } else {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        }
    }
    out.push('"');
    out
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
                for (a, b, how) in look_alikes(&org) {
                    writeln!(
                        err,
                        "gapscope: warning: {shown}: unit ids {} and {} differ only by {how}",
                        code_points(a),
                        code_points(b)
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

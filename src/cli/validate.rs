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
pub(super) fn run(
    args: &ValidateArgs,
    max_bytes: u64,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status, CliError> {
    let (mut bad, mut unread) = (0, 0);
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
                    // Actions and reviews are counted only when the file has any.
                    let mut review = String::new();
                    for (n, one, many) in [
                        (org.actions.len(), "action", "actions"),
                        (org.reviews.len(), "review", "reviews"),
                    ] {
                        if n > 0 {
                            review.push_str(&format!(", {}", crate::report::count(n, one, many)));
                        }
                    }
                    writeln!(
                        out,
                        "{name}: ok ({} units, {} ties, {} targets{review})",
                        org.units.len(),
                        org.ties.len(),
                        org.targets.len()
                    )?;
                }
            }
            Err(e) => {
                if matches!(e, model::LoadError::Invalid { .. }) {
                    bad += 1;
                } else {
                    unread += 1;
                }
                writeln!(err, "{e}")?;
                if let Some(hint) = super::load_hint(&e) {
                    writeln!(err, "{hint}")?;
                }
            }
        }
    }
    if bad + unread > 0 {
        return Err(CliError::Usage(failure_summary(
            args.files.len(),
            bad,
            unread,
        )));
    }
    Ok(0)
}

/// "1 of 3 files is invalid, 1 could not be read": a missing file is not an invalid one.
fn failure_summary(files: usize, bad: usize, unread: usize) -> String {
    let verb = |n: usize, one: &str, many: &str| if n == 1 { one } else { many }.to_string();
    let of = format!("of {files} file{}", if files == 1 { "" } else { "s" });
    match (bad, unread) {
        (0, u) => format!(
            "{u} {of} {}",
            verb(u, "could not be read", "could not be read")
        ),
        (b, 0) => format!("{b} {of} {}", verb(b, "is invalid", "are invalid")),
        (b, u) => format!(
            "{b} {of} {}, {u} could not be read",
            verb(b, "is invalid", "are invalid")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::failure_summary;

    #[test]
    fn the_summary_tells_unreadable_from_invalid() {
        assert_eq!(failure_summary(1, 0, 1), "1 of 1 file could not be read");
        assert_eq!(failure_summary(3, 2, 0), "2 of 3 files are invalid");
        assert_eq!(
            failure_summary(4, 1, 2),
            "1 of 4 files is invalid, 2 could not be read"
        );
    }
}

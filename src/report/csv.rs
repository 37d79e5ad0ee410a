//! The CSV report: the gap list, one row per gap (RFC 4180).
//!
//! Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab
//! or carriage return) get a leading `'`; control characters in file text are shown as
//! escapes (`\n`, `\u{1b}`), so a cell never holds a raw line break; cells with commas or
//! quotes are quoted, quotes doubled. Lines end with CRLF as RFC 4180 asks.

use std::io::{self, Write};

use super::Report;

/// Column names of the CSV report.
pub const HEADER: [&str; 11] = [
    "severity",
    "kind",
    "from",
    "to",
    "from_name",
    "to_name",
    "group",
    "actual",
    "target",
    "initiative",
    "explanation",
];

/// One text cell: the project's one CSV cell escaper (`export::csv::cell`).
pub use crate::export::csv::cell;

/// Writes the gap list.
pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    write!(out, "{}\r\n", HEADER.join(","))?;
    let num = |v: Option<f64>| v.map_or(String::new(), |x| x.to_string());
    for g in &r.gaps {
        let row = [
            g.severity.to_string(),
            g.kind.as_str().to_string(),
            r.id(g.from).to_string(),
            g.to.map_or(String::new(), |t| r.id(t).to_string()),
            r.name(g.from).to_string(),
            g.to.map_or(String::new(), |t| r.name(t).to_string()),
            g.group.clone().unwrap_or_default(),
            num(g.actual),
            num(g.target),
            g.initiative.clone().unwrap_or_default(),
            g.explanation.clone(),
        ];
        // Numbers (severity, actual, target) are ours and may be negative (a silo's E-I
        // index): they are written as they are; every other cell is text and is disarmed.
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if matches!(i, 0 | 7 | 8) {
                    c.clone()
                } else {
                    cell(c)
                }
            })
            .collect();
        write!(out, "{}\r\n", cells.join(","))?;
    }
    Ok(())
}

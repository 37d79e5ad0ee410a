//! CSV tables of an org: units, ties, targets or actions, one table per run (`--table`).
//!
//! The units table reads back with `import --units`, the ties table with
//! `import --from edges` (extra columns are ignored there).

use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::model::Org;

use super::Marks;
use super::csv::{LineEnd, Writer, cell, number};

/// Which table to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// `id,name,group,size` and one column per unit attribute.
    Units,
    /// `from,to,strength,normalized,gap,note`.
    Ties,
    /// `from,to,min,initiative,why`.
    Targets,
    /// `from,to,what,initiative,owner,due,status,decided,expect,note`.
    Actions,
}

/// One table of the org as CSV (RFC 4180, `\n` line ends, header first), through the
/// project's one CSV writer (`export::csv`: formula guard, escapes, quoting). Linear in the
/// size of the table.
pub fn to_csv(org: &Org, analysis: &Analysis, table: Table) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write_csv(org, analysis, table, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes one table as [`to_csv`] does, to `sink` as it goes: memory stays bounded by one
/// row and a 64 KiB buffer, however large the table.
pub fn write_csv(
    org: &Org,
    analysis: &Analysis,
    table: Table,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let marks = Marks::new(analysis);
    let num = |x: f64| number(&x.to_string());
    let mut w = Writer::new(LineEnd::Lf);
    match table {
        Table::Units => {
            // Attribute columns in order of first appearance, found through an index.
            const FIXED: [&str; 4] = ["id", "name", "group", "size"];
            let mut names: Vec<&str> = Vec::new();
            let mut column: HashMap<&str, usize> = HashMap::new();
            for u in &org.units {
                for (n, _) in &u.attrs {
                    if !FIXED.contains(&n.as_str()) && !column.contains_key(n.as_str()) {
                        column.insert(n, names.len());
                        names.push(n);
                    }
                }
            }
            w.text_row(FIXED.iter().copied().chain(names.iter().copied()));
            let mut attrs: Vec<String> = vec![String::new(); names.len()];
            let mut set: Vec<usize> = Vec::new();
            for u in &org.units {
                // Only the cells this unit sets are filled (and cleared after): a row costs
                // its unit's attributes, not the number of columns times them.
                for (n, v) in &u.attrs {
                    if let Some(&c) = column.get(n.as_str())
                        && attrs[c].is_empty()
                    {
                        attrs[c] = cell(&v.to_string());
                        set.push(c);
                    }
                }
                let fixed = [
                    cell(&u.id),
                    cell(u.name.as_deref().unwrap_or_default()),
                    cell(u.group.as_deref().unwrap_or_default()),
                    u.size.map(|s| number(&s.to_string())).unwrap_or_default(),
                ];
                w.row(fixed.iter().chain(attrs.iter()));
                w.spill(sink)?;
                for c in set.drain(..) {
                    attrs[c].clear();
                }
            }
        }
        Table::Ties => {
            w.text_row(["from", "to", "strength", "normalized", "gap", "note"]);
            let index = org.unit_index();
            for t in &org.ties {
                let gap = match (index.get(t.from.as_str()), index.get(t.to.as_str())) {
                    (Some(&a), Some(&b)) => marks.pair_kinds(a, b),
                    _ => String::new(),
                };
                w.row([
                    cell(&t.from),
                    cell(&t.to),
                    t.strength.map(num).unwrap_or_default(),
                    t.strength
                        .map(|v| num(org.normalize(v)))
                        .unwrap_or_default(),
                    cell(&gap),
                    cell(t.note.as_deref().unwrap_or_default()),
                ]);
                w.spill(sink)?;
            }
        }
        Table::Targets => {
            w.text_row(["from", "to", "min", "initiative", "why"]);
            for t in &org.targets {
                w.row([
                    cell(&t.from),
                    cell(&t.to),
                    num(t.min),
                    cell(t.initiative.as_deref().unwrap_or_default()),
                    cell(t.why.as_deref().unwrap_or_default()),
                ]);
                w.spill(sink)?;
            }
        }
        Table::Actions => {
            w.text_row(crate::model::ACTION_KEYS.iter().copied());
            let date = |d: Option<crate::model::Date>| d.map(|d| d.to_string()).unwrap_or_default();
            for a in &org.actions {
                w.row([
                    cell(&a.from),
                    cell(&a.to),
                    cell(&a.what),
                    cell(a.initiative.as_deref().unwrap_or_default()),
                    cell(a.owner.as_deref().unwrap_or_default()),
                    date(a.due),
                    a.status().as_str().to_string(),
                    date(a.decided),
                    a.expect.map(num).unwrap_or_default(),
                    cell(a.note.as_deref().unwrap_or_default()),
                ]);
                w.spill(sink)?;
            }
        }
    }
    sink.write_all(w.finish().as_bytes())
}

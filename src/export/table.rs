//! CSV tables of an org: units, ties, targets or actions, one table per run (`--table`).
//!
//! The units table reads back with `import --units`, the ties table with
//! `import --from edges` (extra columns are ignored there).

use crate::analysis::Analysis;
use crate::model::Org;

use super::Marks;

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

fn write_rows(rows: Vec<Vec<String>>) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// One table of the org as CSV (RFC 4180, `\n` line ends, header first).
pub fn to_csv(org: &Org, analysis: &Analysis, table: Table) -> String {
    let marks = Marks::new(analysis);
    let num = |x: f64| x.to_string();
    let mut rows: Vec<Vec<String>> = Vec::new();
    match table {
        Table::Units => {
            let mut names: Vec<&str> = Vec::new();
            for u in &org.units {
                for (n, _) in &u.attrs {
                    if !names.contains(&n.as_str())
                        && !["id", "name", "group", "size"].contains(&n.as_str())
                    {
                        names.push(n);
                    }
                }
            }
            let mut header: Vec<String> =
                ["id", "name", "group", "size"].map(String::from).to_vec();
            header.extend(names.iter().map(|n| n.to_string()));
            rows.push(header);
            for u in &org.units {
                let mut row = vec![
                    u.id.clone(),
                    u.name.clone().unwrap_or_default(),
                    u.group.clone().unwrap_or_default(),
                    u.size.map(|s| s.to_string()).unwrap_or_default(),
                ];
                for n in &names {
                    row.push(
                        u.attrs
                            .iter()
                            .find(|(k, _)| k == n)
                            .map(|(_, v)| v.to_string())
                            .unwrap_or_default(),
                    );
                }
                rows.push(row);
            }
        }
        Table::Ties => {
            rows.push(
                ["from", "to", "strength", "normalized", "gap", "note"]
                    .map(String::from)
                    .to_vec(),
            );
            let index = org.unit_index();
            for t in &org.ties {
                let gap = match (index.get(t.from.as_str()), index.get(t.to.as_str())) {
                    (Some(&a), Some(&b)) => marks.pair_kinds(a, b),
                    _ => String::new(),
                };
                rows.push(vec![
                    t.from.clone(),
                    t.to.clone(),
                    t.strength.map(num).unwrap_or_default(),
                    t.strength
                        .map(|v| num(org.normalize(v)))
                        .unwrap_or_default(),
                    gap,
                    t.note.clone().unwrap_or_default(),
                ]);
            }
        }
        Table::Targets => {
            rows.push(
                ["from", "to", "min", "initiative", "why"]
                    .map(String::from)
                    .to_vec(),
            );
            for t in &org.targets {
                rows.push(vec![
                    t.from.clone(),
                    t.to.clone(),
                    num(t.min),
                    t.initiative.clone().unwrap_or_default(),
                    t.why.clone().unwrap_or_default(),
                ]);
            }
        }
        Table::Actions => {
            rows.push(
                [
                    "from",
                    "to",
                    "what",
                    "initiative",
                    "owner",
                    "due",
                    "status",
                    "decided",
                    "expect",
                    "note",
                ]
                .map(String::from)
                .to_vec(),
            );
            let date = |d: Option<crate::model::Date>| d.map(|d| d.to_string());
            for a in &org.actions {
                rows.push(vec![
                    a.from.clone(),
                    a.to.clone(),
                    a.what.clone(),
                    a.initiative.clone().unwrap_or_default(),
                    a.owner.clone().unwrap_or_default(),
                    date(a.due).unwrap_or_default(),
                    a.status().as_str().to_string(),
                    date(a.decided).unwrap_or_default(),
                    a.expect.map(num).unwrap_or_default(),
                    a.note.clone().unwrap_or_default(),
                ]);
            }
        }
    }
    write_rows(rows)
}

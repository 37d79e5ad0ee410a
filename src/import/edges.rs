//! Edge lists: `from,to[,strength][,from_group,to_group]` rows, one tie each.

use std::collections::HashMap;

use crate::model::{Org, Scale, Tie, Unit, quote, suggest::did_you_mean};

use super::csvread::Table;
use super::units::UnitTable;
use super::{ImportError, Imported, base_name, parse_number};

/// How an edge list is read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EdgeOptions {
    /// Whether `from -> to` is one party's rating of the other.
    pub directed: bool,
    /// The scale of `strength`; `None` means 0 to the largest strength (at least 1).
    pub scale: Option<Scale>,
    /// Title of the org; default "Edges: FILE".
    pub title: Option<String>,
}

/// Imports an edge list. Without a `strength` column every edge has strength 1. With
/// `units`, the units come from it and edges naming other units are bad rows; without,
/// units are the ids in order of first appearance, grouped by `from_group`/`to_group` when
/// those columns exist.
pub fn import(
    file: &str,
    bytes: &[u8],
    units: Option<&UnitTable>,
    opts: &EdgeOptions,
) -> Result<Imported, ImportError> {
    let (table, mut bad) = Table::read(file, bytes)?;
    let c_from = table.require("from", "a column named from")?;
    let c_to = table.require("to", "a column named to")?;
    let c_strength = table.column("strength");
    let c_from_group = table.column("from_group");
    let c_to_group = table.column("to_group");

    let mut list: Vec<Unit> = units.map(|t| t.units.clone()).unwrap_or_default();
    let mut index: HashMap<String, usize> = list
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.clone(), i))
        .collect();
    let mut group_line: HashMap<usize, u64> = HashMap::new();
    let mut pairs: HashMap<(usize, usize), u64> = HashMap::new();
    let mut edges: Vec<(usize, usize, f64, u64)> = Vec::new();
    'rows: for row in &table.rows {
        let from = row.get(Some(c_from));
        let to = row.get(Some(c_to));
        if from.is_empty() || to.is_empty() {
            let which = if from.is_empty() { "from" } else { "to" };
            bad.push(table.bad(row.line, format!("empty unit in column {which}")));
            continue;
        }
        if from == to {
            bad.push(table.bad(row.line, format!("a tie from {} to itself", quote(from))));
            continue;
        }
        let strength = match c_strength.map(|c| row.get(Some(c))) {
            None => 1.0,
            Some("") => {
                bad.push(table.bad(row.line, "empty strength"));
                continue;
            }
            Some(text) => match parse_number(text) {
                Some(x) => x,
                None => {
                    bad.push(table.bad(
                        row.line,
                        format!("strength {} is not a number", quote(text)),
                    ));
                    continue;
                }
            },
        };
        if let Some(scale) = opts.scale
            && !scale.contains(strength)
        {
            bad.push(table.bad(
                row.line,
                format!(
                    "strength {} is off the scale {}:{} (set it with --scale MIN:MAX)",
                    crate::text::number(strength),
                    crate::text::number(scale.min),
                    crate::text::number(scale.max)
                ),
            ));
            continue;
        }
        if opts.scale.is_none() && strength < 0.0 {
            bad.push(table.bad(
                row.line,
                format!("strength {strength} is negative (give the scale with --scale MIN:MAX)"),
            ));
            continue;
        }
        let mut ends = [0usize; 2];
        for (k, (id, gcol)) in [(from, c_from_group), (to, c_to_group)]
            .into_iter()
            .enumerate()
        {
            let i = match (index.get(id), units) {
                (Some(&i), _) => i,
                (None, Some(t)) => {
                    let hint = did_you_mean(id, t.units.iter().map(|u| u.id.as_str()))
                        .map(|c| format!(" (did you mean {}?)", quote(c)))
                        .unwrap_or_default();
                    bad.push(table.bad(
                        row.line,
                        format!("unknown unit {} (not in the units file){hint}", quote(id)),
                    ));
                    continue 'rows;
                }
                (None, None) => {
                    index.insert(id.to_string(), list.len());
                    list.push(Unit {
                        id: id.to_string(),
                        ..Unit::default()
                    });
                    list.len() - 1
                }
            };
            let group = row.get(gcol);
            if !group.is_empty() {
                match &list[i].group {
                    Some(g) if g != group => {
                        let first = group_line
                            .get(&i)
                            .map_or(String::new(), |l| format!(" at line {l}"));
                        bad.push(table.bad(
                            row.line,
                            format!(
                                "unit {} is in group {}{first}, here in {}",
                                quote(id),
                                quote(g),
                                quote(group)
                            ),
                        ));
                        continue 'rows;
                    }
                    Some(_) => {}
                    None => {
                        list[i].group = Some(group.to_string());
                        group_line.insert(i, row.line);
                    }
                }
            }
            ends[k] = i;
        }
        let [a, b] = ends;
        let key = if opts.directed {
            (a, b)
        } else {
            (a.min(b), a.max(b))
        };
        if let Some(first) = pairs.get(&key) {
            let sep = if opts.directed { "->" } else { "-" };
            bad.push(table.bad(
                row.line,
                format!(
                    "duplicate edge {} {sep} {} (first at line {first})",
                    quote(from),
                    quote(to)
                ),
            ));
            continue;
        }
        pairs.insert(key, row.line);
        edges.push((a, b, strength, row.line));
    }
    bad.sort_by_key(|b| b.line);
    let scale = opts.scale.unwrap_or_else(|| Scale {
        min: 0.0,
        max: edges.iter().map(|e| e.2).fold(1.0, f64::max),
    });
    let ties = edges
        .iter()
        .map(|&(a, b, strength, _)| Tie {
            from: list[a].id.clone(),
            to: list[b].id.clone(),
            strength: Some(strength),
            ..Tie::default()
        })
        .collect();
    let org = Org {
        title: Some(
            opts.title
                .clone()
                .unwrap_or_else(|| format!("Edges: {}", base_name(file))),
        ),
        scale,
        directed: opts.directed,
        units: list,
        ties,
        ..Org::default()
    };
    Ok(Imported {
        org,
        bad_rows: bad,
        warnings: Vec::new(),
    })
}

//! The units CSV (`id,name,group,size`, more columns become attributes) used by the
//! survey and edge imports to name units, group them and give their sizes.

use std::collections::HashMap;

use crate::model::{AttrValue, Unit, quote};

use super::csvread::Table;
use super::{BadRow, ImportError, MAX_SIZE, parse_number};

/// Units read from a units CSV, in file order, with a lookup by id.
#[derive(Debug, Clone, Default)]
pub struct UnitTable {
    /// The units, in file order.
    pub units: Vec<Unit>,
    index: HashMap<String, usize>,
}

impl UnitTable {
    /// The position of a unit by id.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Whether every unit has a size.
    pub fn all_sized(&self) -> bool {
        self.units.iter().all(|u| u.size.is_some())
    }
}

/// Reads a units CSV. Columns: `id` (required), `name`, `group`, `size` (a whole number),
/// any other column becomes an attribute (a number or `true`/`false` where it reads as one;
/// empty cells are left out).
pub fn read(file: &str, bytes: &[u8]) -> Result<(UnitTable, Vec<BadRow>), ImportError> {
    let (table, mut bad) = Table::read(file, bytes)?;
    let id_col = table.require("id", "a column named id")?;
    let name_col = table.column("name");
    let group_col = table.column("group");
    let size_col = table.column("size");
    let known = [Some(id_col), name_col, group_col, size_col];
    let attr_cols: Vec<usize> = (0..table.header.len())
        .filter(|c| !known.contains(&Some(*c)))
        .collect();
    let mut out = UnitTable::default();
    let mut first_line: HashMap<String, u64> = HashMap::new();
    for row in &table.rows {
        let id = row.get(Some(id_col));
        if id.is_empty() {
            bad.push(table.bad(row.line, "empty unit id"));
            continue;
        }
        if let Some(prev) = first_line.get(id) {
            bad.push(table.bad(
                row.line,
                format!("unit {} is already listed at line {prev}", quote(id)),
            ));
            continue;
        }
        let size = match row.get(size_col) {
            "" => None,
            text => match text.parse::<u64>() {
                Ok(n) if n <= MAX_SIZE => Some(n),
                _ => {
                    bad.push(table.bad(
                        row.line,
                        format!(
                            "size {} is not a whole number from 0 to 2^53 - 1",
                            quote(text)
                        ),
                    ));
                    continue;
                }
            },
        };
        let opt = |col| Some(row.get(col).to_string()).filter(|s| !s.is_empty());
        let attrs = attr_cols
            .iter()
            .filter(|&&c| !row.get(Some(c)).is_empty())
            .map(|&c| (table.header[c].clone(), attr_value(row.get(Some(c)))))
            .collect();
        first_line.insert(id.to_string(), row.line);
        out.index.insert(id.to_string(), out.units.len());
        out.units.push(Unit {
            id: id.to_string(),
            name: opt(name_col),
            group: opt(group_col),
            size,
            attrs,
            ..Unit::default()
        });
    }
    bad.sort_by_key(|b| b.line);
    Ok((out, bad))
}

/// An attribute value from a CSV cell: a number, a bool, or text.
pub fn attr_value(text: &str) -> AttrValue {
    match text {
        "true" => AttrValue::Bool(true),
        "false" => AttrValue::Bool(false),
        _ => match parse_number(text) {
            Some(x) => AttrValue::Number(x),
            None => AttrValue::Text(text.to_string()),
        },
    }
}

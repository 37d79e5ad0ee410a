//! Survey answers (one row per answer) aggregated to directed unit-level ties.
//!
//! Each row says: respondent R, who works in unit A, rates unit B with a rating. The tie
//! `A -> B` gets the mean rating over A's respondents who rated B; its note gives how many
//! they were and, when unit sizes are known, A's response rate. Pairs rated by fewer than
//! `min_respondents` people are written as unknown (`strength: null`, never 0), so no answer
//! can be traced to a person and no false one-sided pair appears; the respondent ids never
//! leave this module.

use std::collections::HashMap;

use crate::model::{Org, Scale, Tie, Unit, quote, suggest::did_you_mean};

use super::csvread::Table;
use super::units::UnitTable;
use super::{ImportError, Imported, base_name, parse_number};

/// Column names and rules of a survey import.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyOptions {
    /// Column of the respondent's id (never written out).
    pub respondent_col: String,
    /// Column of the respondent's unit.
    pub unit_col: String,
    /// Column of the unit being rated.
    pub rated_col: String,
    /// Column of the rating.
    pub rating_col: String,
    /// The rating scale; ratings outside it are bad rows.
    pub scale: Scale,
    /// Pairs rated by fewer people are written as unknown (`strength: null`).
    pub min_respondents: usize,
    /// Title of the org; default "Survey: FILE".
    pub title: Option<String>,
}

impl Default for SurveyOptions {
    fn default() -> Self {
        SurveyOptions {
            respondent_col: "respondent".into(),
            unit_col: "unit".into(),
            rated_col: "rated".into(),
            rating_col: "rating".into(),
            scale: Scale { min: 0.0, max: 5.0 },
            min_respondents: 3,
            title: None,
        }
    }
}

#[derive(Default)]
struct Units {
    order: Vec<String>,
    index: HashMap<String, usize>,
}

impl Units {
    fn add(&mut self, id: &str) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        self.index.insert(id.to_string(), self.order.len());
        self.order.push(id.to_string());
        self.order.len() - 1
    }
}

/// Imports survey answers. `units`, when given, fixes the units (and their order, names,
/// groups and sizes); answers naming other units are bad rows.
pub fn import(
    file: &str,
    bytes: &[u8],
    units: Option<&UnitTable>,
    opts: &SurveyOptions,
) -> Result<Imported, ImportError> {
    let (table, mut bad) = Table::read(file, bytes)?;
    let c_resp = table.require(&opts.respondent_col, "--respondent-col")?;
    let c_unit = table.require(&opts.unit_col, "--unit-col")?;
    let c_rated = table.require(&opts.rated_col, "--rated-col")?;
    let c_rating = table.require(&opts.rating_col, "--rating-col")?;
    let scale = opts.scale;

    let mut seen = Units::default();
    if let Some(t) = units {
        for u in &t.units {
            seen.add(&u.id);
        }
    }
    // respondent -> (unit, line first seen); (respondent, rated) -> line
    let mut respondent_unit: HashMap<&str, (&str, u64)> = HashMap::new();
    let mut answered: HashMap<(&str, &str), u64> = HashMap::new();
    let mut sums: HashMap<(usize, usize), (f64, usize)> = HashMap::new();
    let mut own_unit = 0usize;
    let mut unanswered = 0usize;
    let check = |id: &str| match units {
        Some(t) if t.get(id).is_none() => {
            let hint = did_you_mean(id, t.units.iter().map(|u| u.id.as_str()))
                .map(|c| format!(" (did you mean {}?)", quote(c)))
                .unwrap_or_default();
            Err(format!(
                "unknown unit {} (not in the units file){hint}",
                quote(id)
            ))
        }
        _ => Ok(()),
    };
    for row in &table.rows {
        let resp = row.get(Some(c_resp));
        let unit = row.get(Some(c_unit));
        let rated = row.get(Some(c_rated));
        let rating = row.get(Some(c_rating));
        let empty = [(resp, "respondent"), (unit, "unit"), (rated, "rated unit")]
            .into_iter()
            .find(|(v, _)| v.is_empty());
        if let Some((_, what)) = empty {
            bad.push(table.bad(row.line, format!("empty {what}")));
            continue;
        }
        if let Err(m) = check(unit).and_then(|()| check(rated)) {
            bad.push(table.bad(row.line, m));
            continue;
        }
        if rating.is_empty() {
            seen.add(unit);
            seen.add(rated);
            unanswered += 1;
            continue;
        }
        let Some(value) = parse_number(rating) else {
            bad.push(table.bad(
                row.line,
                format!("rating {} is not a number", quote(rating)),
            ));
            continue;
        };
        if !scale.contains(value) {
            bad.push(table.bad(
                row.line,
                format!(
                    "rating {} is off the scale {}:{} (set it with --scale MIN:MAX)",
                    crate::text::number(value),
                    crate::text::number(scale.min),
                    crate::text::number(scale.max)
                ),
            ));
            continue;
        }
        if let Some(&(first_unit, first)) = respondent_unit.get(resp)
            && first_unit != unit
        {
            bad.push(table.bad(
                row.line,
                format!(
                    "this respondent answered for unit {} at line {first}, here for {}",
                    quote(first_unit),
                    quote(unit)
                ),
            ));
            continue;
        }
        if let Some(first) = answered.get(&(resp, rated)) {
            bad.push(table.bad(
                row.line,
                format!(
                    "duplicate answer: this respondent already rated {} at line {first}",
                    quote(rated)
                ),
            ));
            continue;
        }
        let (a, b) = (seen.add(unit), seen.add(rated));
        respondent_unit.entry(resp).or_insert((unit, row.line));
        answered.insert((resp, rated), row.line);
        if a == b {
            own_unit += 1;
            continue;
        }
        let e = sums.entry((a, b)).or_insert((0.0, 0));
        e.0 += value;
        e.1 += 1;
    }
    bad.sort_by_key(|b| b.line);

    let mut per_unit = vec![0usize; seen.order.len()];
    for (unit, _) in respondent_unit.values() {
        if let Some(&u) = seen.index.get(*unit) {
            per_unit[u] += 1;
        }
    }
    let unit_list: Vec<Unit> = match units {
        Some(t) => t.units.clone(),
        None => seen
            .order
            .iter()
            .map(|id| Unit {
                id: id.clone(),
                ..Unit::default()
            })
            .collect(),
    };
    let min = opts.min_respondents.max(1);
    let mut keys: Vec<(usize, usize)> = sums.keys().copied().collect();
    keys.sort_unstable();
    let mut ties = Vec::new();
    let mut dropped = 0usize;
    for (a, b) in keys {
        let (sum, n) = sums[&(a, b)];
        if n < min {
            // Withheld for privacy: an unknown rating, never a 0 (which would make a
            // false one-sided pair). The note must not say how few answered.
            dropped += 1;
            ties.push(Tie {
                from: unit_list[a].id.clone(),
                to: unit_list[b].id.clone(),
                strength: None,
                note: Some(format!(
                    "withheld: rated by fewer than {min} respondents (privacy minimum)"
                )),
                ..Tie::default()
            });
            continue;
        }
        let mean = (sum / n as f64).clamp(scale.min, scale.max);
        let note = match unit_list[a].size {
            Some(size) if size > 0 => format!(
                "mean of {n} respondents; response rate of {} {} of {size} ({:.0}%)",
                unit_list[a].label(),
                per_unit[a],
                100.0 * per_unit[a] as f64 / size as f64
            ),
            _ => format!("mean of {n} respondents (unit size unknown)"),
        };
        ties.push(Tie {
            from: unit_list[a].id.clone(),
            to: unit_list[b].id.clone(),
            strength: Some(mean),
            note: Some(note),
            ..Tie::default()
        });
    }

    let mut warnings = Vec::new();
    if dropped > 0 {
        warnings.push(format!(
            "{dropped} unit pair{} rated by fewer than {min} respondents written as unknown (strength null; privacy minimum, --min-respondents)",
            if dropped == 1 { "" } else { "s" }
        ));
    }
    if own_unit > 0 {
        warnings.push(format!(
            "{own_unit} answer{} about the respondent's own unit ignored (a tie needs two units)",
            if own_unit == 1 { "" } else { "s" }
        ));
    }
    if unanswered > 0 {
        warnings.push(format!(
            "{unanswered} row{} with an empty rating counted as not answered",
            if unanswered == 1 { "" } else { "s" }
        ));
    }
    for (i, u) in unit_list.iter().enumerate() {
        if let Some(size) = u.size
            && per_unit[i] as u64 > size
        {
            warnings.push(format!(
                "unit {} has {} respondents but size {size}; check the units file",
                quote(&u.id),
                per_unit[i]
            ));
        }
    }
    let org = Org {
        title: Some(
            opts.title
                .clone()
                .unwrap_or_else(|| format!("Survey: {}", base_name(file))),
        ),
        scale,
        directed: true,
        units: unit_list,
        ties,
        ..Org::default()
    };
    Ok(Imported {
        org,
        bad_rows: bad,
        warnings,
    })
}

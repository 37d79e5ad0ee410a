//! Aggregating a people- or team-level org to groups by block density.
//!
//! The strength of `A -> B` is `ties(A->B) / (|A|·|B|)`: the share of the possible
//! unit pairs between the groups that have a tie (an edge, `s > 0`), so that large groups
//! do not look strong merely for being large. With `weighted`, the sum of the normalized
//! strengths replaces the count. Inside a group the same share is the unit's
//! `internal_density` attribute (`ties / (|A|·(|A|-1))`, halved pairs when undirected).
//! This is how the shared department-level data files were made (shared/data/README.md).

use std::collections::HashMap;

use crate::model::{AttrValue, Network, Org, Scale, Target, Tie, Unit, quote};

use super::{ImportError, Imported, MAX_SIZE, natural_cmp};

/// What to aggregate by and how.
#[derive(Debug, Clone, PartialEq)]
pub struct AggregateOptions {
    /// `group`, or the name of a unit attribute.
    pub by: String,
    /// Sum normalized strengths instead of counting ties.
    pub weighted: bool,
    /// A unit attribute that names the group (used when all members agree).
    pub name_attr: Option<String>,
    /// Title of the result; default the input's title with " (by BY)".
    pub title: Option<String>,
}

impl Default for AggregateOptions {
    fn default() -> Self {
        AggregateOptions {
            by: "group".into(),
            weighted: false,
            name_attr: None,
            title: None,
        }
    }
}

fn key_of(unit: &Unit, by: &str) -> Option<String> {
    if by == "group" {
        // An empty group is no group, as an empty attribute is (a unit id is never empty).
        return unit.group.clone().filter(|g| !g.is_empty());
    }
    unit.attrs
        .iter()
        .find(|(k, _)| k == by)
        .map(|(_, v)| v.to_string())
        .filter(|s| !s.is_empty())
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Aggregates an org to one unit per group (scale 0-1, same directedness).
pub fn aggregate(org: &Org, opts: &AggregateOptions) -> Result<Imported, ImportError> {
    let keys: Vec<Option<String>> = org.units.iter().map(|u| key_of(u, &opts.by)).collect();
    let mut groups: Vec<&str> = keys.iter().flatten().map(String::as_str).collect();
    groups.sort_by(|a, b| natural_cmp(a, b));
    groups.dedup();
    if groups.is_empty() && !org.units.is_empty() {
        let what = if opts.by == "group" {
            "a group".to_string()
        } else {
            format!("the attribute {}", quote(&opts.by))
        };
        return Err(ImportError::Options(format!(
            "no unit has {what}; nothing to aggregate by"
        )));
    }
    let gindex: HashMap<&str, usize> = groups.iter().enumerate().map(|(i, g)| (*g, i)).collect();
    let member: Vec<Option<usize>> = keys
        .iter()
        .map(|k| k.as_deref().and_then(|k| gindex.get(k).copied()))
        .collect();
    let k = groups.len();
    let mut count = vec![0usize; k];
    for g in member.iter().flatten() {
        count[*g] += 1;
    }
    let level = if org.units.iter().any(|u| u.size.is_some_and(|s| s > 1)) {
        "unit-level"
    } else {
        "person-level"
    };

    let net = Network::new(org);
    let mut ties_n: HashMap<(usize, usize), usize> = HashMap::new();
    let mut ties_s: HashMap<(usize, usize), f64> = HashMap::new();
    let mut lost_ties = 0usize;
    for &(a, b, s) in &net.arcs {
        let (Some(ga), Some(gb)) = (member[a], member[b]) else {
            lost_ties += 1;
            continue;
        };
        let key = if org.directed {
            (ga, gb)
        } else {
            (ga.min(gb), ga.max(gb))
        };
        *ties_n.entry(key).or_default() += 1;
        *ties_s.entry(key).or_default() += s;
    }
    let possible = |a: usize, b: usize| -> usize {
        match (a == b, org.directed) {
            (false, _) => count[a] * count[b],
            (true, true) => count[a] * count[a].saturating_sub(1),
            (true, false) => count[a] * count[a].saturating_sub(1) / 2,
        }
    };
    let density = |key: (usize, usize)| -> f64 {
        let p = possible(key.0, key.1);
        if p == 0 {
            return 0.0;
        }
        let v = if opts.weighted {
            ties_s.get(&key).copied().unwrap_or(0.0)
        } else {
            ties_n.get(&key).copied().unwrap_or(0) as f64
        };
        (v / p as f64).clamp(0.0, 1.0)
    };

    let mut lists: Vec<Vec<&Unit>> = vec![Vec::new(); k];
    for (u, g) in org.units.iter().zip(&member) {
        if let Some(g) = g {
            lists[*g].push(u);
        }
    }
    // Without --group-name-attr, an attribute such as `department_name` on which every
    // group's members agree names the groups (else they would be called "0".."4").
    let guessed = match &opts.name_attr {
        Some(_) => None,
        None => guess_name_attr(org, &lists),
    };
    let name_attr = opts.name_attr.as_deref().or(guessed.as_deref());
    let mut units = Vec::with_capacity(k);
    let mut overflowed: Vec<&str> = Vec::new();
    for (g, id) in groups.iter().enumerate() {
        let members = &lists[g];
        let name = name_attr
            .and_then(|attr| agreed_name(members, attr))
            .unwrap_or_else(|| id.to_string());
        let total = members
            .iter()
            .try_fold(0u64, |sum, u| u.size.map(|s| sum.saturating_add(s)));
        let size = match total {
            Some(sum) if sum <= MAX_SIZE => sum,
            Some(_) => {
                overflowed.push(id);
                members.len() as u64
            }
            None => members.len() as u64,
        };
        let mut attrs = Vec::new();
        if count[g] >= 2 {
            attrs.push((
                "internal_density".to_string(),
                AttrValue::Number(density((g, g))),
            ));
        }
        units.push(Unit {
            id: id.to_string(),
            name: Some(name),
            size: Some(size),
            attrs,
            ..Unit::default()
        });
    }

    let mut keys: Vec<(usize, usize)> = ties_n.keys().copied().filter(|(a, b)| a != b).collect();
    keys.sort_unstable();
    let ties = keys
        .into_iter()
        .map(|key| {
            let n = ties_n[&key];
            let p = possible(key.0, key.1);
            let note = if opts.weighted {
                format!(
                    "strength sum {} over {p} possible {level} ties ({})",
                    round6(ties_s[&key]),
                    plural(n, "tie")
                )
            } else {
                format!("{n} of {p} possible {level} ties")
            };
            Tie {
                from: groups[key.0].to_string(),
                to: groups[key.1].to_string(),
                strength: Some(density(key)),
                note: Some(note),
                ..Tie::default()
            }
        })
        .collect();

    let (targets, inside, lost_targets) = aggregate_targets(org, &member, &groups, level);
    let mut warnings = Vec::new();
    let dropped_units = member.iter().filter(|m| m.is_none()).count();
    if dropped_units > 0 {
        warnings.push(format!(
            "{} without {} left out, with {} and {}",
            plural(dropped_units, "unit"),
            if opts.by == "group" {
                "a group".into()
            } else {
                quote(&opts.by)
            },
            plural(lost_ties, "tie"),
            plural(lost_targets, "target")
        ));
    }
    if let Some(attr) = &guessed {
        warnings.push(format!(
            "groups named by their units' {} attribute (choose another with --group-name-attr)",
            quote(attr)
        ));
    }
    if !overflowed.is_empty() {
        let shown: Vec<String> = overflowed.iter().take(5).map(|g| quote(g)).collect();
        warnings.push(format!(
            "the sizes of {} add up to more than 2^53 - 1 (the largest exact size); {} member count{} used instead: {}{}",
            plural(overflowed.len(), "group"),
            if overflowed.len() == 1 { "its" } else { "their" },
            if overflowed.len() == 1 { " is" } else { "s are" },
            shown.join(", "),
            if overflowed.len() > 5 { ", …" } else { "" }
        ));
    }
    if inside > 0 {
        warnings.push(format!(
            "{} inside one group left out (a target needs two units)",
            plural(inside, "target")
        ));
    }
    let title = opts.title.clone().or_else(|| {
        Some(match &org.title {
            Some(t) => format!("{t} (by {})", opts.by),
            None => format!("Aggregated by {}", opts.by),
        })
    });
    let out = Org {
        title,
        scale: Scale::default(),
        directed: org.directed,
        units,
        ties,
        targets,
        initiatives: org
            .initiatives
            .iter()
            .map(|i| crate::model::Initiative {
                extra: Default::default(),
                ..i.clone()
            })
            .collect(),
        ..Org::default()
    };
    Ok(Imported {
        org: out,
        bad_rows: Vec::new(),
        warnings,
    })
}

/// A unit attribute that names groups: called `name` or ending in `name`, and present and
/// agreed on by the members of every group; the first such in name order.
pub(crate) fn guess_name_attr(org: &Org, groups: &[Vec<&Unit>]) -> Option<String> {
    let mut keys: Vec<&str> = org
        .units
        .iter()
        .flat_map(|u| u.attrs.iter().map(|(k, _)| k.as_str()))
        .filter(|k| k.to_lowercase().ends_with("name"))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
        .find(|attr| {
            !groups.is_empty()
                && groups.iter().all(|members| {
                    members.iter().all(|u| key_of(u, attr).is_some())
                        && agreed_name(members, attr).is_some()
                })
        })
        .map(str::to_string)
}

/// The value of `attr` when every member that has it agrees.
pub(crate) fn agreed_name(members: &[&Unit], attr: &str) -> Option<String> {
    let mut values = members.iter().filter_map(|u| key_of(u, attr));
    let first = values.next()?;
    values.all(|v| v == first).then_some(first)
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Group-level targets: per group pair and initiative, the highest normalized minimum of the
/// unit-level targets between the groups. Returns the targets, how many lay inside one
/// group, and how many named a unit without a group.
fn aggregate_targets(
    org: &Org,
    member: &[Option<usize>],
    groups: &[&str],
    level: &str,
) -> (Vec<Target>, usize, usize) {
    let index = org.unit_index();
    // (group, group, initiative) -> (highest normalized min, how many, its why)
    type Best = HashMap<(usize, usize, Option<String>), (f64, usize, Option<String>)>;
    let mut best: Best = HashMap::new();
    let (mut inside, mut lost) = (0, 0);
    for t in &org.targets {
        let ga = index.get(t.from.as_str()).and_then(|&i| member[i]);
        let gb = index.get(t.to.as_str()).and_then(|&i| member[i]);
        let (Some(ga), Some(gb)) = (ga, gb) else {
            lost += 1;
            continue;
        };
        if ga == gb {
            inside += 1;
            continue;
        }
        let min = org.normalize(t.min);
        let e = best
            .entry((ga.min(gb), ga.max(gb), t.initiative.clone()))
            .or_insert((min, 0, t.why.clone()));
        if min > e.0 {
            e.0 = min;
            e.2 = t.why.clone();
        }
        e.1 += 1;
    }
    let mut keys: Vec<_> = best.keys().cloned().collect();
    keys.sort();
    let targets = keys
        .into_iter()
        .map(|key| {
            let (min, n, why) = best[&key].clone();
            let why = if n == 1 {
                why
            } else {
                Some(format!("highest of {n} {level} targets"))
            };
            Target {
                from: groups[key.0].to_string(),
                to: groups[key.1].to_string(),
                min,
                initiative: key.2,
                why,
                ..Target::default()
            }
        })
        .collect();
    (targets, inside, lost)
}

//! E-I index of the formal groups (REPORT.md `groups`), plain and weighted.

use std::collections::BTreeMap;

use super::GroupStats;
use crate::model::{Network, Org};

/// Group statistics, one per distinct `unit.group`, sorted by group name.
pub fn group_stats(org: &Org, net: &Network) -> Vec<GroupStats> {
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for g in org.units.iter().filter_map(|u| u.group.as_deref()) {
        index.insert(g, 0);
    }
    let mut stats: Vec<GroupStats> = index
        .keys()
        .map(|g| GroupStats {
            group: (*g).to_string(),
            units: 0,
            internal: 0,
            external: 0,
            ei_index: None,
            weighted_ei_index: None,
        })
        .collect();
    for (i, slot) in index.values_mut().enumerate() {
        *slot = i;
    }
    let of: Vec<Option<usize>> = org
        .units
        .iter()
        .map(|u| u.group.as_deref().and_then(|g| index.get(g).copied()))
        .collect();
    for g in of.iter().flatten() {
        stats[*g].units += 1;
    }
    let mut weights = vec![(0.0f64, 0.0f64); stats.len()];
    for &(a, b, p) in &net.pairs {
        match (of[a], of[b]) {
            (Some(x), Some(y)) if x == y => {
                stats[x].internal += 1;
                weights[x].0 += p;
            }
            (ga, gb) => {
                for g in [ga, gb].into_iter().flatten() {
                    stats[g].external += 1;
                    weights[g].1 += p;
                }
            }
        }
    }
    for (s, (wi, we)) in stats.iter_mut().zip(weights) {
        s.ei_index = ei(s.external as f64, s.internal as f64);
        s.weighted_ei_index = ei(we, wi);
    }
    stats
}

/// `(external - internal) / (external + internal)`, `None` when both are 0.
fn ei(external: f64, internal: f64) -> Option<f64> {
    let total = external + internal;
    (total > 0.0).then(|| (external - internal) / total)
}

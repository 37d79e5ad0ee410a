//! Values derived from the document (network, labels, groups, matrix order, group layout),
//! computed when the screen starts and again after each edit.

use std::collections::HashMap;

use crate::layout::Point;
use crate::model::{Network, Org};
use crate::text::clean;

use super::app::{group_positions, ring_positions};

/// Values derived from the document, recomputed after each edit.
pub(super) struct Derived {
    pub(super) net: Network,
    pub(super) adj: Vec<Vec<(usize, f64)>>,
    pub(super) labels: Vec<String>,
    pub(super) title: String,
    pub(super) groups: Vec<String>,
    pub(super) unit_group: Vec<usize>,
    pub(super) order: Vec<usize>,
    pub(super) rank: Vec<usize>,
    pub(super) group_layout: Vec<Point>,
    pub(super) ring_layout: Vec<Point>,
}

impl Derived {
    pub(super) fn of(org: &Org, source: &str) -> Derived {
        let net = Network::new(org);
        let adj = net.undirected_adjacency();
        let labels: Vec<String> = org.units.iter().map(|u| clean(u.label())).collect();
        let title = clean(org.title.as_deref().unwrap_or(source));
        let mut groups: Vec<String> = org.groups().into_iter().map(String::from).collect();
        let none = org.units.iter().any(|u| u.group.is_none());
        let index: HashMap<&str, usize> = groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.as_str(), i))
            .collect();
        let unit_group: Vec<usize> = org
            .units
            .iter()
            .map(|u| match u.group.as_deref() {
                Some(g) => index.get(g).copied().unwrap_or(0),
                None => groups.len(),
            })
            .collect();
        if none {
            groups.push("(no group)".into());
        }
        let groups: Vec<String> = groups.iter().map(|g| clean(g)).collect();
        let n = org.units.len();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            (unit_group[a], &labels[a], &org.units[a].id).cmp(&(
                unit_group[b],
                &labels[b],
                &org.units[b].id,
            ))
        });
        let mut rank = vec![0; n];
        for (r, &u) in order.iter().enumerate() {
            rank[u] = r;
        }
        let group_layout = group_positions(&net, &unit_group, groups.len());
        let ring_layout = ring_positions(&unit_group, &group_layout, groups.len());
        Derived {
            net,
            adj,
            labels,
            title,
            groups,
            unit_group,
            order,
            rank,
            group_layout,
            ring_layout,
        }
    }
}

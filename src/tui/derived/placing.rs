//! Where the grouped graph puts groups: expanded groups side by side (their rings apart),
//! and groups kept in their places across edits.

use std::collections::HashMap;

use super::{Derived, ring_positions};
use crate::layout::{self, Point};

/// Where the grouped graph draws groups and units when some groups are expanded.
#[derive(Debug, Clone, PartialEq)]
pub struct Expanded {
    /// Centre of each group.
    pub centres: Vec<Point>,
    /// Radius of the rings of expanded groups.
    pub radius: f64,
    /// Position of each unit on its group's ring.
    pub units: Vec<Point>,
}

impl Derived {
    /// The grouped graph with the `expanded` groups open: their rings pushed apart so that
    /// no two share any part of the view (`layout::spread`), and each unit of an expanded
    /// group on its ring. Collapsed groups keep their centres (the graph moves them out of
    /// the rings).
    pub fn expanded_layout(&self, expanded: &[bool]) -> Expanded {
        let spread = layout::spread(&self.group_layout, expanded, self.ring_radius);
        let moved: Vec<bool> = (0..self.groups.len())
            .map(|g| {
                expanded.get(g).copied().unwrap_or(false)
                    && (spread.centres[g] != self.group_layout[g]
                        || spread.radius != self.ring_radius)
            })
            .collect();
        let mut units = self.ring_layout.clone();
        if moved.iter().any(|&m| m) {
            let mut members: Vec<Vec<usize>> = vec![Vec::new(); self.groups.len()];
            for (u, &g) in self.unit_group.iter().enumerate() {
                if moved[g] {
                    members[g].push(u);
                }
            }
            for (g, list) in members.iter().enumerate() {
                let ring = layout::ring(spread.centres[g], spread.radius, list.len());
                for (&u, p) in list.iter().zip(ring) {
                    units[u] = p;
                }
            }
        }
        Expanded {
            centres: spread.centres,
            radius: spread.radius,
            units,
        }
    }

    /// After an edit: groups that were there before keep their centres (matched by name),
    /// so adding a unit (or a group) does not move every other node; a new group goes to
    /// the free spot furthest from the others. The rings follow.
    pub fn keep_groups(&mut self, before: &Derived) {
        let old: HashMap<&str, Point> = before
            .groups
            .iter()
            .map(String::as_str)
            .zip(before.group_layout.iter().copied())
            .collect();
        let kept: Vec<Option<Point>> = self
            .groups
            .iter()
            .map(|name| old.get(name.as_str()).copied())
            .collect();
        if kept.iter().all(Option::is_none) {
            return;
        }
        let mut placed: Vec<Point> = kept.iter().flatten().copied().collect();
        for (g, k) in kept.iter().enumerate() {
            self.group_layout[g] = match k {
                Some(p) => *p,
                None => {
                    let p = free_spot(&placed);
                    placed.push(p);
                    p
                }
            };
        }
        self.ring_layout = ring_positions(&self.unit_group, &self.group_layout, self.groups.len());
    }
}

/// The point of a 17 x 17 grid over the groups' part of the square that is furthest from
/// every point of `placed`.
fn free_spot(placed: &[Point]) -> Point {
    let mut best = ((0.5, 0.5), f64::MIN);
    for i in 0..17 {
        for j in 0..17 {
            let p = (0.1 + 0.05 * f64::from(j), 0.1 + 0.05 * f64::from(i));
            let d = placed
                .iter()
                .map(|q| (p.0 - q.0).powi(2) + (p.1 - q.1).powi(2))
                .fold(f64::MAX, f64::min);
            if d > best.1 {
                best = (p, d);
            }
        }
    }
    best.0
}

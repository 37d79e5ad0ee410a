//! State of the graph view: grouping, which groups are open, the cursor on a collapsed
//! group, ego focus, the tie filter, and the unit positions. Private fields; the update
//! changes it through the intent methods below.

use std::collections::HashMap;
use std::sync::Arc;

use crate::layout::Point;

use super::derived::Derived;

/// Most hops of the ego focus.
const MAX_HOPS: u8 = 5;
/// Highest step of the tie filter (ties below `step / 5` of the scale are hidden).
const MAX_THRESHOLD: u8 = 4;

/// State of the graph view.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphState {
    /// One node per group (with some groups expanded) instead of every unit.
    grouped: bool,
    /// Per group, whether it shows its units in the grouped view.
    expanded: Vec<bool>,
    /// The cursor is on this collapsed group (else on the selected unit).
    on_group: Option<usize>,
    /// Ego focus: show only units this many hops from the selection (0: all).
    hops: u8,
    /// Ties weaker than `threshold / 5` are hidden.
    threshold: u8,
    /// Positions of all units for the ungrouped view; `None` until computed.
    layout: Option<Arc<Vec<Point>>>,
}

impl GraphState {
    /// A graph view, grouped or not, over `groups` groups (all collapsed).
    pub fn new(
        grouped: bool,
        groups: usize,
        on_group: Option<usize>,
        layout: Option<Arc<Vec<Point>>>,
    ) -> GraphState {
        GraphState {
            grouped,
            expanded: vec![false; groups],
            on_group,
            hops: 0,
            threshold: 0,
            layout,
        }
    }

    /// Whether the graph shows groups.
    pub fn grouped(&self) -> bool {
        self.grouped
    }

    /// Per group, whether it shows its units.
    pub fn expanded(&self) -> &[bool] {
        &self.expanded
    }

    /// Whether a group shows its units.
    pub fn is_expanded(&self, g: usize) -> bool {
        self.expanded.get(g).copied().unwrap_or(false)
    }

    /// The collapsed group under the cursor (only while grouped).
    pub fn on_group(&self) -> Option<usize> {
        self.on_group.filter(|_| self.grouped)
    }

    /// Ego focus in hops (0: everyone).
    pub fn hops(&self) -> u8 {
        self.hops
    }

    /// Strength threshold step (ties below `threshold / 5` hidden).
    pub fn threshold(&self) -> u8 {
        self.threshold
    }

    /// The unit positions, once computed.
    pub fn layout(&self) -> Option<&Arc<Vec<Point>>> {
        self.layout.as_ref()
    }

    /// Whether every unit has its position.
    pub fn laid_out(&self) -> bool {
        self.layout.is_some()
    }

    /// Sets (or forgets) the unit positions.
    pub fn set_layout(&mut self, points: Option<Arc<Vec<Point>>>) {
        self.layout = points;
    }

    /// One more hop of ego focus.
    pub fn focus_more(&mut self) {
        self.hops = (self.hops + 1).min(MAX_HOPS);
    }

    /// One hop less (0: everyone).
    pub fn focus_less(&mut self) {
        self.hops = self.hops.saturating_sub(1);
    }

    /// Hides weaker ties.
    pub fn threshold_up(&mut self) {
        self.threshold = (self.threshold + 1).min(MAX_THRESHOLD);
    }

    /// Shows weaker ties.
    pub fn threshold_down(&mut self) {
        self.threshold = self.threshold.saturating_sub(1);
    }

    /// Clears the focus and the tie filter; returns whether one was on.
    pub fn clear_filters(&mut self) -> bool {
        let was = self.hops > 0 || self.threshold > 0;
        self.hops = 0;
        self.threshold = 0;
        was
    }

    /// Groups or ungroups (never grouped without groups); a group cursor lands on
    /// `group_of_selected` unless it is open. Returns whether it is grouped now.
    pub fn toggle_grouping(&mut self, has_groups: bool, group_of_selected: usize) -> bool {
        self.grouped = !self.grouped && has_groups;
        self.on_group = None;
        if self.grouped && !self.is_expanded(group_of_selected) {
            self.on_group = Some(group_of_selected);
        }
        self.grouped
    }

    /// The cursor leaves a collapsed group (it is on a unit).
    pub fn leave_group(&mut self) {
        self.on_group = None;
    }

    /// The cursor goes to a collapsed group.
    pub fn put_on_group(&mut self, g: usize) {
        self.on_group = Some(g);
    }

    /// Opens a group (its units show).
    pub fn expand(&mut self, g: usize) {
        if let Some(e) = self.expanded.get_mut(g) {
            *e = true;
        }
    }

    /// Closes a group and puts the cursor on it.
    pub fn collapse(&mut self, g: usize) {
        if let Some(e) = self.expanded.get_mut(g) {
            *e = false;
        }
        self.on_group = Some(g);
    }

    /// After an edit: as many groups as the document has now.
    pub fn fit_groups(&mut self, groups: usize) {
        self.expanded.resize(groups, false);
        if self.on_group.is_some_and(|g| g >= groups) {
            self.on_group = None;
        }
        if groups == 0 {
            self.grouped = false;
            self.on_group = None;
        }
    }
}

/// Positions for the units of `now` from the positions `old` of the units of `before`: a
/// unit keeps its place; a new one sits by its placed neighbours (or near the middle), a
/// little apart so it does not cover them.
pub(crate) fn keep_positions(before: &Derived, old: &[Point], now: &Derived) -> Vec<Point> {
    let at: HashMap<&str, Point> = before
        .ids
        .iter()
        .zip(old)
        .map(|(id, p)| (id.as_str(), *p))
        .collect();
    let mut pos: Vec<Option<Point>> = now
        .ids
        .iter()
        .map(|id| at.get(id.as_str()).copied())
        .collect();
    for u in 0..pos.len() {
        if pos[u].is_some() {
            continue;
        }
        let near: Vec<Point> = now.adj[u].iter().filter_map(|&(v, _)| pos[v]).collect();
        let (cx, cy) = if near.is_empty() {
            (0.5, 0.5)
        } else {
            let k = near.len() as f64;
            (
                near.iter().map(|p| p.0).sum::<f64>() / k,
                near.iter().map(|p| p.1).sum::<f64>() / k,
            )
        };
        // A small step aside, different for each new unit.
        let turn = u as f64 * 2.399;
        pos[u] = Some((
            (cx + 0.06 * turn.cos()).clamp(0.0, 1.0),
            (cy + 0.06 * turn.sin()).clamp(0.0, 1.0),
        ));
    }
    pos.into_iter().map(|p| p.unwrap_or((0.5, 0.5))).collect()
}

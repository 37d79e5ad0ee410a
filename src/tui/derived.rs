//! Values derived from the document (network, labels, groups, matrix order, group layout),
//! computed when the screen starts and again after each edit, and held whole (shared, in an
//! `Arc`) by the screen: never unpacked into loose fields.

use std::collections::HashMap;
use std::sync::Arc;

use crate::import::aggregate;
use crate::layout::{self, Point};
use crate::model::{Network, Org};
use crate::text::clean;

mod placing;

pub use placing::Expanded;

/// Values derived from one revision of the document.
#[derive(Debug)]
pub struct Derived {
    /// Ratings and pair strengths.
    pub net: Arc<Network>,
    /// Undirected neighbours with pair strengths.
    pub adj: Vec<Vec<(usize, f64)>>,
    /// Cleaned labels of the units.
    pub labels: Vec<String>,
    /// Unit ids, by index (to keep positions across edits that add or remove units).
    pub ids: Vec<String>,
    /// Cleaned title (the source's name when the org has none).
    pub title: String,
    /// Group names (cleaned), sorted; "(no group)" last when some unit has none.
    pub groups: Vec<String>,
    /// Group index of each unit.
    pub unit_group: Vec<usize>,
    /// Units sorted by group then label: the matrix order.
    pub order: Vec<usize>,
    /// Position of each unit in `order`.
    pub rank: Vec<usize>,
    /// Positions of the groups.
    pub group_layout: Vec<Point>,
    /// Positions of units around their group, for expanded groups.
    pub ring_layout: Vec<Point>,
    /// Radius of those rings.
    pub ring_radius: f64,
}

impl Derived {
    /// Everything derived from `org` (`source` names it when it has no title).
    pub fn of(org: &Org, source: &str) -> Derived {
        // The network (the ties) and the labels and groups (the units) are independent:
        // on a large org they are derived at once, on two cores, for the first frame.
        if org.units.len() + org.ties.len() < PARALLEL_FROM {
            let net = Network::new(org);
            let adj = net.undirected_adjacency();
            return Units::of(org, source).with(net, adj);
        }
        std::thread::scope(|scope| {
            let ties = scope.spawn(|| {
                let net = Network::new(org);
                let adj = net.undirected_adjacency();
                (net, adj)
            });
            let units = Units::of(org, source);
            let (net, adj) = ties.join().unwrap_or_else(|_| {
                let net = Network::new(org);
                let adj = net.undirected_adjacency();
                (net, adj)
            });
            units.with(net, adj)
        })
    }
}

/// Units and ties from this many on derive on two threads (a thread costs ~0.1 ms).
const PARALLEL_FROM: usize = 20_000;

/// What is derived from the units alone: labels, groups, the matrix order.
struct Units {
    labels: Vec<String>,
    ids: Vec<String>,
    title: String,
    groups: Vec<String>,
    unit_group: Vec<usize>,
    order: Vec<usize>,
    rank: Vec<usize>,
}

impl Units {
    fn of(org: &Org, source: &str) -> Units {
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
        name_numbered_groups(org, &mut groups, &unit_group);
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
        Units {
            labels,
            ids: org.units.iter().map(|u| u.id.clone()).collect(),
            title,
            groups,
            unit_group,
            order,
            rank,
        }
    }

    /// Everything derived, with the network.
    fn with(self, net: Network, adj: Vec<Vec<(usize, f64)>>) -> Derived {
        let Units {
            labels,
            ids,
            title,
            groups,
            unit_group,
            order,
            rank,
        } = self;
        let group_layout = group_positions(&net, &unit_group, groups.len());
        let ring_layout = ring_positions(&unit_group, &group_layout, groups.len());
        let groups_len = groups.len();
        Derived {
            net: Arc::new(net),
            adj,
            labels,
            ids,
            title,
            groups,
            unit_group,
            order,
            rank,
            group_layout,
            ring_layout,
            ring_radius: ring_radius(groups_len),
        }
    }
}

impl Derived {
    /// The values of `org` after the tie between units `from` and `to` changed, and
    /// nothing else since `self` was derived: the network is updated in place
    /// ([`Network::retie`]) rather than rebuilt, and the values that depend on ties
    /// recomputed; the rest (labels, groups, order) stays. `None` when that is not
    /// possible (a unit unknown); derive anew then. Equal to [`Derived::of`].
    pub fn retie(&self, org: &Org, from: &str, to: &str) -> Option<Derived> {
        let mut net = (*self.net).clone();
        if !net.retie(org, from, to) {
            return None;
        }
        let adj = net.undirected_adjacency();
        let group_layout = group_positions(&net, &self.unit_group, self.groups.len());
        let ring_layout = ring_positions(&self.unit_group, &group_layout, self.groups.len());
        Some(Derived {
            net: Arc::new(net),
            adj,
            group_layout,
            ring_layout,
            ..self.clone_without_ties()
        })
    }

    /// A copy of the values that do not depend on ties (those fields left empty).
    fn clone_without_ties(&self) -> Derived {
        Derived {
            net: self.net.clone(),
            adj: Vec::new(),
            labels: self.labels.clone(),
            ids: self.ids.clone(),
            title: self.title.clone(),
            groups: self.groups.clone(),
            unit_group: self.unit_group.clone(),
            order: self.order.clone(),
            rank: self.rank.clone(),
            group_layout: Vec::new(),
            ring_layout: Vec::new(),
            ring_radius: self.ring_radius,
        }
    }
}

/// Groups named by a number (the email network's departments 0..41) show their name
/// attribute instead, where every group's members agree on one (the rule of `aggregate`:
/// an attribute whose key ends in `name`, such as `department_name`).
fn name_numbered_groups(org: &Org, groups: &mut [String], unit_group: &[usize]) {
    let numbered = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if !groups.iter().any(|g| numbered(g)) {
        return;
    }
    let mut lists: Vec<Vec<&crate::model::Unit>> = vec![Vec::new(); groups.len()];
    for (u, &g) in org.units.iter().zip(unit_group) {
        if let Some(list) = lists.get_mut(g) {
            list.push(u);
        }
    }
    let Some(attr) = aggregate::guess_name_attr(org, &lists) else {
        return;
    };
    for (g, members) in groups.iter_mut().zip(&lists) {
        if numbered(g)
            && let Some(name) = aggregate::agreed_name(members, &attr)
        {
            *g = name;
        }
    }
}

/// Positions of the groups: a layout of the group graph weighted by block density.
fn group_positions(net: &Network, unit_group: &[usize], count: usize) -> Vec<Point> {
    let mut sizes = vec![0usize; count];
    unit_group.iter().for_each(|&g| sizes[g] += 1);
    let mut sums: HashMap<(usize, usize), f64> = HashMap::new();
    for &(a, b, p) in &net.pairs {
        let (ga, gb) = (unit_group[a], unit_group[b]);
        if ga != gb {
            *sums.entry((ga.min(gb), ga.max(gb))).or_insert(0.0) += p;
        }
    }
    let mut edges: Vec<(usize, usize, f64)> = sums
        .into_iter()
        .map(|((a, b), s)| (a, b, s / (sizes[a] * sizes[b]).max(1) as f64))
        .collect();
    // The strongest links are enough to place groups, and keep this quick with many groups.
    edges.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    edges.truncate(4 * count);
    edges.sort_by_key(|e| (e.0, e.1));
    let mut pos = layout::auto(count, &edges);
    // Keep group centres off the edges so their rings fit.
    for p in &mut pos {
        p.0 = 0.1 + 0.8 * p.0;
        p.1 = 0.1 + 0.8 * p.1;
    }
    pos
}

/// The radius of an expanded group's ring among `count` groups.
fn ring_radius(count: usize) -> f64 {
    (0.45 / (count.max(1) as f64).sqrt()).min(0.3)
}

/// Each unit's position on a ring around its group's centre.
fn ring_positions(unit_group: &[usize], centres: &[Point], count: usize) -> Vec<Point> {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (u, &g) in unit_group.iter().enumerate() {
        members[g].push(u);
    }
    let radius = ring_radius(count);
    let mut out = vec![(0.5, 0.5); unit_group.len()];
    for (g, list) in members.iter().enumerate() {
        let centre = centres.get(g).copied().unwrap_or((0.5, 0.5));
        for (u, p) in list.iter().zip(layout::ring(centre, radius, list.len())) {
            out[*u] = p;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Derived;
    use crate::model::from_str;

    fn groups(json: &str) -> Vec<String> {
        let org = from_str("t.json", json).expect("a valid org");
        Derived::of(&org, "t.json").groups
    }

    #[test]
    fn numbered_groups_show_the_name_their_members_agree_on() {
        let g = groups(
            r#"{"gapscope": 1, "units": [
                {"id": "a", "group": "0", "attrs": {"department_name": "Sales"}},
                {"id": "b", "group": "0", "attrs": {"department_name": "Sales"}},
                {"id": "c", "group": "1", "attrs": {"department_name": "Legal"}},
                {"id": "d"}]}"#,
        );
        assert_eq!(g, ["Sales", "Legal", "(no group)"]);
    }

    #[test]
    fn groups_keep_their_names_without_an_agreed_attribute() {
        // The members of group 0 disagree: no attribute names every group.
        let g = groups(
            r#"{"gapscope": 1, "units": [
                {"id": "a", "group": "0", "attrs": {"department_name": "Sales"}},
                {"id": "b", "group": "0", "attrs": {"department_name": "Legal"}},
                {"id": "c", "group": "1", "attrs": {"department_name": "Legal"}}]}"#,
        );
        assert_eq!(g, ["0", "1"]);
        // Groups with names of their own keep them.
        let g = groups(
            r#"{"gapscope": 1, "units": [
                {"id": "a", "group": "Ops", "attrs": {"team_name": "Night shift"}}]}"#,
        );
        assert_eq!(g, ["Ops"]);
    }

    /// Whether two sets of derived values are the same, field by field.
    fn same(x: &Derived, y: &Derived) -> bool {
        x.net == y.net
            && x.adj == y.adj
            && x.labels == y.labels
            && x.ids == y.ids
            && x.title == y.title
            && x.groups == y.groups
            && x.unit_group == y.unit_group
            && x.order == y.order
            && x.rank == y.rank
            && x.group_layout == y.group_layout
            && x.ring_layout == y.ring_layout
            && x.ring_radius == y.ring_radius
    }

    #[test]
    fn a_tie_edit_updates_the_derived_values_as_a_rebuild_would() {
        use crate::model::edit::Edit;
        let text = std::fs::read_to_string("tests/fixtures/email-eu-core-people.json")
            .expect("the email fixture");
        let mut org = from_str("email.json", &text).expect("a valid org");
        let mut d = Derived::of(&org, "email.json");
        let id = |u: usize| org.units[u].id.clone();
        let (a, b, c) = (id(0), id(1), id(7));
        let tied = (org.ties[3].from.clone(), org.ties[3].to.clone());
        let edits = [
            Edit::SetTie {
                from: a.clone(),
                to: b.clone(),
                strength: Some(1.0),
            },
            Edit::SetTie {
                from: b.clone(),
                to: c.clone(),
                strength: None,
            },
            Edit::SetTie {
                from: tied.0.clone(),
                to: tied.1.clone(),
                strength: Some(0.0),
            },
            Edit::RemoveTie {
                from: a.clone(),
                to: b.clone(),
            },
            Edit::RemoveTie {
                from: tied.0,
                to: tied.1,
            },
        ];
        for e in edits {
            let (from, to) = match &e {
                Edit::SetTie { from, to, .. } | Edit::RemoveTie { from, to } => {
                    (from.clone(), to.clone())
                }
                _ => unreachable!(),
            };
            e.apply(&mut org).expect("a valid edit");
            let quick = d.retie(&org, &from, &to).expect("known units");
            assert!(
                same(&quick, &Derived::of(&org, "email.json")),
                "{from} {to}"
            );
            d = quick;
        }
        assert!(d.retie(&org, "nobody", &a).is_none());
    }

    #[test]
    fn the_email_network_shows_department_names() {
        let text = std::fs::read_to_string("tests/fixtures/email-eu-core-people.json")
            .expect("the email fixture");
        let org = from_str("email.json", &text).expect("a valid org");
        let d = Derived::of(&org, "email.json");
        assert_eq!(d.groups.len(), 42);
        assert!(
            d.groups.iter().all(|g| g.starts_with("Dept ")),
            "{:?}",
            d.groups
        );
    }
}

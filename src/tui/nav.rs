//! What the graph view shows and where: visible nodes, their positions, ego focus, and moving
//! the cursor between nodes by direction.

use std::collections::VecDeque;

use crate::layout::Point;

use super::app::{App, VisNode};

/// A direction of cursor movement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// Towards the top.
    Up,
    /// Towards the bottom.
    Down,
    /// Towards the left.
    Left,
    /// Towards the right.
    Right,
}

/// Units within `hops` of `from` in the undirected view (all units when hops is 0).
pub(crate) fn within(app: &App, from: usize, hops: u8) -> Vec<bool> {
    let n = app.n();
    if hops == 0 || from >= n {
        return vec![true; n];
    }
    let mut seen = vec![false; n];
    let mut queue = VecDeque::from([(from, 0u8)]);
    seen[from] = true;
    while let Some((u, d)) = queue.pop_front() {
        if d == hops {
            continue;
        }
        for &(v, _) in &app.derived.adj[u] {
            if !seen[v] {
                seen[v] = true;
                queue.push_back((v, d + 1));
            }
        }
    }
    seen
}

/// The cursor's node in the graph view.
pub(crate) fn cursor(app: &App) -> Option<VisNode> {
    if app.n() == 0 {
        return None;
    }
    match app.graph.on_group() {
        Some(g) => Some(VisNode::Group(g)),
        _ => Some(VisNode::Unit(app.selected)),
    }
}

/// Whether the ungrouped view is waiting for its layout.
pub(crate) fn waiting_for_layout(app: &App) -> bool {
    !app.graph.grouped() && !app.graph.laid_out() && app.n() > 0
}

/// The nodes the graph view shows, with their positions.
pub(crate) fn visible(app: &App) -> Vec<(VisNode, Point)> {
    let n = app.n();
    let focus = within(app, app.selected, app.graph.hops());
    let mut out = Vec::new();
    if app.graph.grouped() {
        let open = app.derived.expanded_layout(app.graph.expanded());
        let rings: Vec<Point> = (0..open.centres.len())
            .filter(|&g| app.graph.is_expanded(g))
            .map(|g| open.centres[g])
            .collect();
        for (g, &centre) in app.derived.group_layout.iter().enumerate() {
            if !app.graph.is_expanded(g) {
                let at = clear_of(centre, &rings, CLEAR * open.radius);
                out.push((VisNode::Group(g), at));
            }
        }
        for (u, &shown) in focus.iter().enumerate() {
            let g = app.derived.unit_group[u];
            if app.graph.is_expanded(g) && shown {
                out.push((VisNode::Unit(u), open.units[u]));
            }
        }
    } else if let Some(layout) = app.graph.layout() {
        for u in 0..n.min(layout.len()) {
            if focus[u] || Some(u) == app.pair_with {
                out.push((VisNode::Unit(u), layout[u]));
            }
        }
        if app.graph.hops() > 0 {
            fit(&mut out);
        }
    }
    out
}

/// How far outside an expanded group's ring (in ring radii) its collapsed neighbours stay.
const CLEAR: f64 = 1.3;

/// `p` moved straight away from each expanded group's centre in `rings` that it lies closer
/// to than `clear`, so an expanded group does not overlap its neighbours (issue 9, point 11).
/// When moving away from one ring lands it in another (many groups open), it takes the
/// nearest point that is clear of every ring instead.
fn clear_of(p: Point, rings: &[Point], clear: f64) -> Point {
    let is_clear = |q: Point| {
        rings
            .iter()
            .all(|c| (q.0 - c.0).powi(2) + (q.1 - c.1).powi(2) >= clear * clear - 1e-12)
    };
    if is_clear(p) {
        return p;
    }
    let mut q = p;
    for &c in rings {
        let (dx, dy) = (q.0 - c.0, q.1 - c.1);
        let d = (dx * dx + dy * dy).sqrt();
        if d < clear {
            let (ux, uy) = if d > 1e-12 {
                (dx / d, dy / d)
            } else {
                (1.0, 0.0)
            };
            q = (
                (c.0 + ux * clear).clamp(0.0, 1.0),
                (c.1 + uy * clear).clamp(0.0, 1.0),
            );
        }
    }
    if is_clear(q) {
        return q;
    }
    // The nearest clear point of a fine grid over the view (ties: the first in row order).
    const STEPS: usize = 40;
    let dist = |a: Point| (a.0 - p.0).powi(2) + (a.1 - p.1).powi(2);
    (0..=STEPS)
        .flat_map(|y| (0..=STEPS).map(move |x| (x as f64 / STEPS as f64, y as f64 / STEPS as f64)))
        .filter(|&c| is_clear(c))
        .min_by(|a, b| dist(*a).total_cmp(&dist(*b)))
        .unwrap_or(q)
}

/// Stretches the nodes' positions to fill the view (after an ego focus left a few).
fn fit(nodes: &mut [(VisNode, Point)]) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (_, p) in nodes.iter() {
        x0 = x0.min(p.0);
        y0 = y0.min(p.1);
        x1 = x1.max(p.0);
        y1 = y1.max(p.1);
    }
    let scale = |v: f64, lo: f64, hi: f64| {
        if hi - lo < 1e-9 {
            0.5
        } else {
            0.05 + 0.9 * (v - lo) / (hi - lo)
        }
    };
    for (_, p) in nodes.iter_mut() {
        *p = (scale(p.0, x0, x1), scale(p.1, y0, y1));
    }
}

/// The node under the cursor's neighbour in a direction: the closest node whose offset
/// points that way, preferring nodes straight ahead.
pub(crate) fn step(nodes: &[(VisNode, Point)], from: VisNode, dir: Dir) -> Option<VisNode> {
    let &(_, p) = nodes.iter().find(|(v, _)| *v == from)?;
    let (dx, dy) = match dir {
        Dir::Up => (0.0, -1.0),
        Dir::Down => (0.0, 1.0),
        Dir::Left => (-1.0, 0.0),
        Dir::Right => (1.0, 0.0),
    };
    // Within 45 degrees of the way asked first (a node further straight ahead beats a
    // nearer one mostly to the side: Left from the right edge goes to the unit at the
    // left, not to the one below), then within about 63 degrees.
    let best = |cone: f64| {
        nodes
            .iter()
            .filter(|(v, _)| *v != from)
            .filter_map(|&(v, q)| {
                let (ox, oy) = (q.0 - p.0, q.1 - p.1);
                let ahead = ox * dx + oy * dy;
                let side = (ox * dy - oy * dx).abs();
                (ahead > 1e-9 && side <= cone * ahead).then_some((ahead + 2.0 * side, v))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, v)| v)
    };
    best(1.0).or_else(|| best(2.0))
}

/// Puts the cursor on a node.
pub(crate) fn put_cursor(app: &mut App, node: VisNode) {
    match node {
        VisNode::Unit(u) => {
            app.selected = u;
            app.graph.leave_group();
        }
        VisNode::Group(g) => {
            app.graph.put_on_group(g);
            if let Some(&u) = app
                .derived
                .order
                .iter()
                .find(|&&u| app.derived.unit_group[u] == g)
            {
                app.selected = u;
            }
        }
    }
}

/// Makes the selected unit (and the other unit of a pair) visible in the grouped view by
/// expanding their groups.
pub(crate) fn reveal(app: &mut App) {
    if !app.graph.grouped() || app.n() == 0 {
        return;
    }
    for u in std::iter::once(app.selected).chain(app.pair_with) {
        let g = app.derived.unit_group[u];
        app.graph.expand(g);
    }
    app.graph.leave_group();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_expanded_group_does_not_overlap_its_neighbours() {
        let text = std::fs::read_to_string("tests/fixtures/email-eu-core-people.json")
            .expect("the email fixture");
        let org = crate::model::from_str("email.json", &text).expect("a valid org");
        let app = App::new(org, "email.json", &crate::tui::Config::default());
        assert!(app.graph.grouped());
        let r = app.derived.ring_radius;
        let mut moved = 0;
        for g in 0..app.derived.groups.len() {
            let mut one = app.clone();
            one.graph.expand(g);
            let c = app.derived.group_layout[g];
            for (node, p) in visible(&one) {
                if let VisNode::Group(h) = node {
                    let d = ((p.0 - c.0).powi(2) + (p.1 - c.1).powi(2)).sqrt();
                    let on_border = [p.0, p.1].iter().any(|&v| v == 0.0 || v == 1.0);
                    assert!(
                        d >= CLEAR * r - 1e-9 || on_border,
                        "group {h} at {d} from group {g}, whose ring is {r}"
                    );
                    moved += usize::from(p != app.derived.group_layout[h]);
                }
            }
        }
        assert!(moved > 0, "some neighbour had to move");
    }

    #[test]
    fn steps_go_the_asked_way() {
        let nodes = vec![
            (VisNode::Unit(0), (0.5, 0.5)),
            (VisNode::Unit(1), (0.9, 0.5)),
            (VisNode::Unit(2), (0.5, 0.1)),
            (VisNode::Unit(3), (0.1, 0.9)),
        ];
        assert_eq!(
            step(&nodes, VisNode::Unit(0), Dir::Right),
            Some(VisNode::Unit(1))
        );
        assert_eq!(
            step(&nodes, VisNode::Unit(0), Dir::Up),
            Some(VisNode::Unit(2))
        );
        assert_eq!(
            step(&nodes, VisNode::Unit(0), Dir::Left),
            Some(VisNode::Unit(3))
        );
        assert_eq!(step(&nodes, VisNode::Unit(1), Dir::Right), None);
        assert_eq!(step(&nodes, VisNode::Unit(9), Dir::Right), None);
    }

    #[test]
    fn a_unit_straight_ahead_beats_a_nearer_one_mostly_to_the_side() {
        // The built-in org's circle: Security (CISO) at the right, Marketing straight
        // left across the circle, Finance below and a little to the left.
        let nodes = vec![
            (VisNode::Unit(0), (0.97, 0.6)),
            (VisNode::Unit(1), (0.03, 0.6)),
            (VisNode::Unit(2), (0.75, 0.95)),
        ];
        assert_eq!(
            step(&nodes, VisNode::Unit(0), Dir::Left),
            Some(VisNode::Unit(1))
        );
        assert_eq!(
            step(&nodes, VisNode::Unit(0), Dir::Down),
            Some(VisNode::Unit(2))
        );
        // Only a diagonal neighbour: the wider cone still finds it.
        let nodes = vec![
            (VisNode::Unit(0), (0.5, 0.5)),
            (VisNode::Unit(1), (0.2, 0.9)),
        ];
        assert_eq!(
            step(&nodes, VisNode::Unit(0), Dir::Left),
            Some(VisNode::Unit(1))
        );
    }
}

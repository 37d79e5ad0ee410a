//! Routes between two units through the undirected view: shortest and widest.
//!
//! Distances are `1/p`. Two routes whose lengths agree within a relative 1e-9 are equally
//! short (sums of `1/p` differ in the last bits where the mathematics says equal); among
//! those the one with fewer hops wins, and remaining ties go by the order in which Dijkstra
//! settles units (index order at equal keys), so a network always gives the same route.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use super::Path;
use super::graph::Adjacency;
use crate::model::Network;

/// Relative difference under which two route lengths count as equal.
const REL_TOLERANCE: f64 = 1e-9;

/// Whether two route lengths are equal within [`REL_TOLERANCE`] (never for an unreached unit).
fn same_length(x: f64, y: f64) -> bool {
    y.is_finite() && (x - y).abs() <= REL_TOLERANCE * x.max(y)
}

/// The shortest route from `a` to `b` by total distance `1/p`; `None` when they are not
/// connected or an index is out of range. `a == b` gives a route of one unit, length 0,
/// weakest link 1.
pub fn shortest(net: &Network, a: usize, b: usize) -> Option<Path> {
    shortest_in(&Adjacency::undirected(net), a, b, 0.0)
}

/// The widest route from `a` to `b`: the one whose weakest tie is strongest; among those,
/// the shortest by total distance. `None` when they are not connected.
pub fn widest(net: &Network, a: usize, b: usize) -> Option<Path> {
    widest_in(&Adjacency::undirected(net), a, b)
}

/// [`widest`] on prepared adjacency lists.
pub fn widest_in(adj: &Adjacency, a: usize, b: usize) -> Option<Path> {
    let bottleneck = bottleneck(adj, a, b)?;
    shortest_in(adj, a, b, bottleneck)
}

/// The largest weakest-link strength over all routes from `a` to `b` (1 when `a == b`).
pub fn bottleneck(adj: &Adjacency, a: usize, b: usize) -> Option<f64> {
    let n = adj.len();
    if a >= n || b >= n {
        return None;
    }
    let mut best = vec![0.0f64; n];
    let mut done = vec![false; n];
    let mut heap = BinaryHeap::new();
    best[a] = 1.0;
    heap.push((Key(1.0), Reverse(a)));
    while let Some((Key(w), Reverse(u))) = heap.pop() {
        if done[u] {
            continue;
        }
        done[u] = true;
        if u == b {
            return Some(w);
        }
        for (v, p) in adj.neighbours(u) {
            let cand = w.min(p);
            if !done[v] && cand > best[v] {
                best[v] = cand;
                heap.push((Key(cand), Reverse(v)));
            }
        }
    }
    None
}

/// Shortest route from `a` to `b` using only ties with `p >= floor`.
pub fn shortest_in(adj: &Adjacency, a: usize, b: usize, floor: f64) -> Option<Path> {
    let n = adj.len();
    if a >= n || b >= n {
        return None;
    }
    let mut dist = vec![f64::INFINITY; n];
    let mut hops = vec![usize::MAX; n];
    let mut prev = vec![usize::MAX; n];
    let mut done = vec![false; n];
    let mut heap = BinaryHeap::new();
    dist[a] = 0.0;
    hops[a] = 0;
    heap.push(Reverse((Key(0.0), 0usize, a)));
    while let Some(Reverse((Key(d), h, u))) = heap.pop() {
        if done[u] {
            continue;
        }
        done[u] = true;
        if u == b {
            break;
        }
        for (v, p) in adj.neighbours(u) {
            if done[v] || p < floor {
                continue;
            }
            let alt = d + 1.0 / p;
            let same = same_length(alt, dist[v]);
            if (alt < dist[v] && !same) || (same && h + 1 < hops[v]) {
                dist[v] = alt;
                hops[v] = h + 1;
                prev[v] = u;
                heap.push(Reverse((Key(alt), h + 1, v)));
            }
        }
    }
    if !done[b] {
        return None;
    }
    let mut units = vec![b];
    while let Some(&last) = units.last() {
        if last == a {
            break;
        }
        units.push(prev[last]);
    }
    units.reverse();
    Some(path_of(adj, units))
}

/// Builds a [`Path`] from its units, reading hop strengths from the adjacency lists.
fn path_of(adj: &Adjacency, units: Vec<usize>) -> Path {
    let strengths: Vec<f64> = units
        .windows(2)
        .map(|w| {
            adj.neighbours(w[0])
                .find(|&(v, _)| v == w[1])
                .map_or(0.0, |(_, p)| p)
        })
        .collect();
    let length = strengths.iter().map(|p| 1.0 / p).sum();
    let weakest = strengths.iter().copied().fold(1.0, f64::min);
    Path {
        units,
        strengths,
        length,
        weakest,
    }
}

/// A total order on finite f64 for heaps.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key(f64);
impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// A maximum spanning forest of the undirected view: one widest route for every connected
/// pair, answered in O(route length) after an O(m log m) build.
///
/// The route through the forest has the largest possible weakest link (the maximin property
/// of maximum spanning trees), so its `weakest` equals that of [`widest`]; where several
/// routes share that weakest link, the forest's may be longer than [`widest`]'s. Gap
/// explanations use it so that a large org with many targets stays fast.
#[derive(Debug, Clone)]
pub struct WidestForest {
    parent: Vec<usize>,
    strength: Vec<f64>,
    depth: Vec<usize>,
    root: Vec<usize>,
}

impl WidestForest {
    /// Builds the forest (Kruskal, strongest ties first, ties broken by index).
    pub fn new(adj: &Adjacency) -> WidestForest {
        let n = adj.len();
        let mut edges: Vec<(usize, usize, f64)> = (0..n)
            .flat_map(|u| {
                adj.neighbours(u)
                    .filter(move |&(v, _)| u < v)
                    .map(move |(v, p)| (u, v, p))
            })
            .collect();
        edges.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
        let mut set: Vec<usize> = (0..n).collect();
        fn find(set: &mut [usize], mut x: usize) -> usize {
            while set[x] != x {
                set[x] = set[set[x]];
                x = set[x];
            }
            x
        }
        let mut tree = vec![Vec::new(); n];
        for (a, b, p) in edges {
            let (ra, rb) = (find(&mut set, a), find(&mut set, b));
            if ra != rb {
                set[ra] = rb;
                tree[a].push((b, p));
                tree[b].push((a, p));
            }
        }
        let mut forest = WidestForest {
            parent: vec![usize::MAX; n],
            strength: vec![1.0; n],
            depth: vec![0; n],
            root: vec![usize::MAX; n],
        };
        let mut queue = Vec::new();
        for r in 0..n {
            if forest.root[r] != usize::MAX {
                continue;
            }
            forest.root[r] = r;
            queue.clear();
            queue.push(r);
            let mut head = 0;
            while head < queue.len() {
                let u = queue[head];
                head += 1;
                for &(v, p) in &tree[u] {
                    if forest.root[v] == usize::MAX {
                        forest.root[v] = r;
                        forest.parent[v] = u;
                        forest.strength[v] = p;
                        forest.depth[v] = forest.depth[u] + 1;
                        queue.push(v);
                    }
                }
            }
        }
        forest
    }

    /// The forest's route from `a` to `b`; `None` when they are not connected.
    pub fn route(&self, a: usize, b: usize) -> Option<Path> {
        let n = self.parent.len();
        if a >= n || b >= n || self.root[a] != self.root[b] {
            return None;
        }
        let (mut x, mut y) = (a, b);
        let (mut up, mut down) = (vec![a], vec![b]);
        let (mut up_s, mut down_s) = (Vec::new(), Vec::new());
        while x != y {
            if self.depth[x] >= self.depth[y] {
                up_s.push(self.strength[x]);
                x = self.parent[x];
                up.push(x);
            } else {
                down_s.push(self.strength[y]);
                y = self.parent[y];
                down.push(y);
            }
        }
        down.pop();
        let units: Vec<usize> = up.into_iter().chain(down.into_iter().rev()).collect();
        let strengths: Vec<f64> = up_s.into_iter().chain(down_s.into_iter().rev()).collect();
        Some(Path {
            length: strengths.iter().map(|p| 1.0 / p).sum(),
            weakest: strengths.iter().copied().fold(1.0, f64::min),
            units,
            strengths,
        })
    }
}

//! Routes between two units through the undirected view: shortest and widest.
//!
//! Distances are `1/p`. Ties between equally good routes are broken deterministically:
//! fewer hops first, then the route whose units come first in index order at the first
//! difference (Dijkstra pops equal distances in index order).

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use super::Path;
use super::graph::Adjacency;
use crate::model::Network;

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
            if alt < dist[v] || (alt == dist[v] && h + 1 < hops[v]) {
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

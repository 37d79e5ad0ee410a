//! Weighted betweenness centrality (Brandes), with distances `1/s` compared with a tolerance.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::{AUTO_EXACT_LIMIT, BetweennessDone, BetweennessMode};
use crate::model::Network;

/// Relative tolerance under which two path lengths count as equal.
pub const REL_TOLERANCE: f64 = 1e-9;

/// Betweenness of every unit as REPORT.md defines it, and how it was computed.
pub fn compute(net: &Network, mode: BetweennessMode) -> (Vec<f64>, BetweennessDone) {
    let n = net.n;
    let adj = adjacency(net);
    let sources: Vec<usize> = match mode {
        BetweennessMode::Skip => return (vec![0.0; n], BetweennessDone::Skipped),
        BetweennessMode::Exact => (0..n).collect(),
        BetweennessMode::Auto if n <= AUTO_EXACT_LIMIT => (0..n).collect(),
        BetweennessMode::Auto => sample(n, 256.min(n), 0),
        BetweennessMode::Sampled { sources, seed } => sample(n, sources.min(n), seed),
    };
    let mut raw = vec![0.0; n];
    for &s in &sources {
        single_source(&adj, s, &mut raw);
    }
    let mut scale = if n > 2 {
        1.0 / ((n - 1) as f64 * (n - 2) as f64)
    } else {
        1.0
    };
    let done = if sources.len() == n {
        BetweennessDone::Exact
    } else {
        scale *= n as f64 / sources.len().max(1) as f64;
        BetweennessDone::Sampled(sources.len())
    };
    raw.iter_mut().for_each(|x| *x *= scale);
    (raw, done)
}

/// Out-neighbours with distances: arcs in a directed file, both directions of each pair otherwise.
fn adjacency(net: &Network) -> Vec<Vec<(usize, f64)>> {
    let mut adj = vec![Vec::new(); net.n];
    if net.directed {
        for &(a, b, s) in &net.arcs {
            adj[a].push((b, 1.0 / s));
        }
    } else {
        for &(a, b, p) in &net.pairs {
            adj[a].push((b, 1.0 / p));
            adj[b].push((a, 1.0 / p));
        }
    }
    adj
}

/// A deterministic sample of `k` distinct sources (splitmix64 partial shuffle).
fn sample(n: usize, k: usize, seed: u64) -> Vec<usize> {
    let mut all: Vec<usize> = (0..n).collect();
    let mut state = seed ^ 0x9E37_79B9_7F4A_7C15;
    for i in 0..k {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let j = i + (z % (n - i) as u64) as usize;
        all.swap(i, j);
    }
    all.truncate(k);
    all.sort_unstable();
    all
}

#[derive(PartialEq)]
struct Entry(f64, usize);
impl Eq for Entry {}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Whether `a` and `b` are equal within the relative tolerance.
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= REL_TOLERANCE * a.abs().max(b.abs())
}

/// Adds the dependencies of one source to `raw`.
fn single_source(adj: &[Vec<(usize, f64)>], s: usize, raw: &mut [f64]) {
    let n = adj.len();
    let mut dist = vec![f64::INFINITY; n];
    let mut sigma = vec![0.0f64; n];
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut done = vec![false; n];
    let mut order = Vec::new();
    let mut heap = BinaryHeap::new();
    dist[s] = 0.0;
    sigma[s] = 1.0;
    heap.push(Entry(0.0, s));
    while let Some(Entry(d, u)) = heap.pop() {
        if done[u] || d > dist[u] {
            continue;
        }
        done[u] = true;
        order.push(u);
        for &(v, w) in &adj[u] {
            let alt = d + w;
            if done[v] {
                continue;
            }
            if dist[v].is_infinite() || (alt < dist[v] && !close(alt, dist[v])) {
                dist[v] = alt;
                sigma[v] = sigma[u];
                preds[v].clear();
                preds[v].push(u);
                heap.push(Entry(alt, v));
            } else if close(alt, dist[v]) {
                sigma[v] += sigma[u];
                preds[v].push(u);
            }
        }
    }
    let mut delta = vec![0.0f64; n];
    while let Some(w) = order.pop() {
        for &v in &preds[w] {
            delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
        }
        if w != s {
            raw[w] += delta[w];
        }
    }
}

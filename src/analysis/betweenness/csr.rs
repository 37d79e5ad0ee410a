//! Compact adjacency (CSR) of the graph that betweenness runs on: `u32` targets, `f64` distances.

use crate::model::Network;

/// Out-arcs of every node in three flat arrays: the arcs of node `u` are
/// `targets[offsets[u]..offsets[u + 1]]` with lengths `lengths[..]` at the same positions.
#[derive(Debug, Clone)]
pub struct Csr {
    /// Start of each node's arcs; `n + 1` entries.
    pub offsets: Vec<usize>,
    /// Head of each arc.
    pub targets: Vec<u32>,
    /// Length `1/s` of each arc; always `>= 1` because `0 < s <= 1`.
    pub lengths: Vec<f64>,
    /// The largest arc length (0 without arcs).
    pub max_length: f64,
}

impl Csr {
    /// The graph of REPORT.md: arcs with `s > 0` for a directed file, both directions of
    /// every undirected-view edge otherwise; the length of an arc is `1/s` (or `1/p`).
    /// `None` when the node count does not fit in `u32` (no real org comes close).
    pub fn of(net: &Network) -> Option<Csr> {
        u32::try_from(net.n).ok()?;
        let mut arcs: Vec<(usize, usize, f64)> = Vec::new();
        if net.directed {
            arcs.extend(net.arcs.iter().map(|&(a, b, s)| (a, b, 1.0 / s)));
        } else {
            arcs.reserve(net.pairs.len() * 2);
            for &(a, b, p) in &net.pairs {
                arcs.push((a, b, 1.0 / p));
                arcs.push((b, a, 1.0 / p));
            }
        }
        arcs.retain(|&(a, b, w)| a < net.n && b < net.n && a != b && w.is_finite() && w >= 1.0);
        Some(Csr::from_arcs(net.n, &arcs))
    }

    /// Builds the arrays from `(from, to, length)` arcs (counting sort by `from`, stable, so
    /// each node's arcs keep their input order). Every index must be below `n`.
    fn from_arcs(n: usize, arcs: &[(usize, usize, f64)]) -> Csr {
        let mut offsets = vec![0usize; n + 1];
        for &(a, _, _) in arcs {
            offsets[a + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut next = offsets.clone();
        let mut targets = vec![0u32; arcs.len()];
        let mut lengths = vec![0.0f64; arcs.len()];
        let mut max_length = 0.0f64;
        for &(a, b, w) in arcs {
            let at = next[a];
            next[a] += 1;
            // `b < n <= u32::MAX` was checked by `of`.
            targets[at] = b as u32;
            lengths[at] = w;
            max_length = max_length.max(w);
        }
        Csr {
            offsets,
            targets,
            lengths,
            max_length,
        }
    }

    /// Number of nodes.
    pub fn n(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Positions of the arcs of `u` in `targets` and `lengths`.
    #[inline]
    pub fn arcs(&self, u: usize) -> std::ops::Range<usize> {
        self.offsets[u]..self.offsets[u + 1]
    }
}

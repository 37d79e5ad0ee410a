//! Compact adjacency (CSR) of the graph that betweenness runs on: `u32` targets, `f64` distances.

use std::collections::HashMap;

use crate::model::Network;

/// Largest node count for packed arcs (the target takes the upper 24 bits of a `u32`).
const PACKED_NODES: usize = 1 << 24;

/// Most distinct arc lengths for packed arcs (the lower 8 bits index a table).
const PACKED_LENGTHS: usize = 256;

/// Out-arcs of every node: the arcs of node `u` are at positions
/// `offsets[u]..offsets[u + 1]` of `arcs`.
#[derive(Debug, Clone)]
pub(super) struct Csr {
    /// Start of each node's arcs; `n + 1` entries.
    pub offsets: Vec<u32>,
    /// The arcs, packed where possible.
    pub arcs: Arcs,
    /// The largest arc length (0 without arcs).
    pub max_length: f64,
    /// Whether the lengths are exact stand-ins ([`super::exact`]), compared with `==`;
    /// else they are the floats `1/s`, compared with the tolerance.
    pub exact: bool,
}

/// Arc storage. Survey data has few distinct strengths, so an arc usually fits in 4 bytes
/// (target and an index into a table of lengths), which keeps a 10,000-unit graph in L2.
#[derive(Debug, Clone)]
pub(super) enum Arcs {
    /// `target << 8 | length index` per arc.
    Packed(Packed),
    /// Separate arrays, for more than 256 distinct lengths or 2^24 nodes.
    Wide(Wide),
}

/// Arcs packed in one `u32` each.
#[derive(Debug, Clone)]
pub(super) struct Packed {
    arcs: Vec<u32>,
    table: Box<[f64; PACKED_LENGTHS]>,
    /// Distinct lengths in use (the first entries of `table`).
    used: usize,
}

/// Arcs as a target array and a length array.
#[derive(Debug, Clone)]
pub(super) struct Wide {
    targets: Vec<u32>,
    lengths: Vec<f64>,
}

/// Read access to arc `e`: its head and its length (always `>= 1`, since `0 < s <= 1`).
pub(super) trait ArcList: Sync {
    /// Head and length of arc `e`.
    fn arc(&self, e: usize) -> (u32, f64);
}

impl ArcList for Packed {
    #[inline(always)]
    fn arc(&self, e: usize) -> (u32, f64) {
        let a = self.arcs[e];
        (a >> 8, self.table[(a & 0xFF) as usize])
    }
}

impl ArcList for Wide {
    #[inline(always)]
    fn arc(&self, e: usize) -> (u32, f64) {
        (self.targets[e], self.lengths[e])
    }
}

impl Csr {
    /// The graph of REPORT.md: arcs with `s > 0` for a directed file, both directions of
    /// every undirected-view edge otherwise; the length of an arc is `1/s` (or `1/p`).
    /// `None` when the node or arc count does not fit in `u32` (no real org comes close).
    pub(super) fn of(net: &Network) -> Option<Csr> {
        Csr::build(net, true)
    }

    /// [`Csr::of`], with exact lengths only when `try_exact` (tests compare both kernels).
    pub(super) fn build(net: &Network, try_exact: bool) -> Option<Csr> {
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
        u32::try_from(arcs.len()).ok()?;
        Some(Csr::from_arcs(net.n, &arcs, try_exact))
    }

    /// Builds the arrays from `(from, to, length)` arcs (counting sort by `from`, stable, so
    /// each node's arcs keep their input order). Indices are below `n`, counts fit in u32.
    fn from_arcs(n: usize, arcs: &[(usize, usize, f64)], try_exact: bool) -> Csr {
        let mut offsets = vec![0u32; n + 1];
        for &(a, _, _) in arcs {
            offsets[a + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut next = offsets.clone();
        let mut order = vec![0usize; arcs.len()];
        for (i, &(a, _, _)) in arcs.iter().enumerate() {
            order[next[a] as usize] = i;
            next[a] += 1;
        }
        let max_length = arcs.iter().fold(0.0f64, |m, &(_, _, w)| m.max(w));
        let sorted = order.iter().map(|&i| arcs[i]);
        let mut csr = Csr {
            offsets,
            arcs: match pack(n, sorted.clone()) {
                Some(packed) => Arcs::Packed(packed),
                None => Arcs::Wide(Wide {
                    targets: sorted.clone().map(|(_, b, _)| b as u32).collect(),
                    lengths: sorted.map(|(_, _, w)| w).collect(),
                }),
            },
            max_length,
            exact: false,
        };
        // Few distinct lengths (survey ratings): try exact lengths.
        if let (Arcs::Packed(packed), true) = (&mut csr.arcs, try_exact) {
            let used = &mut packed.table[..packed.used];
            if let Some(exact) = super::exact::dyadic(used, n) {
                used.copy_from_slice(&exact);
                csr.max_length = exact.iter().copied().fold(0.0, f64::max);
                csr.exact = true;
            }
        }
        csr
    }

    /// Number of nodes.
    pub(super) fn n(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Number of arcs.
    pub(super) fn arc_count(&self) -> usize {
        self.offsets.last().map_or(0, |&m| m as usize)
    }

    /// Most arcs of one node.
    pub(super) fn max_degree(&self) -> usize {
        self.offsets
            .windows(2)
            .map(|w| (w[1] - w[0]) as usize)
            .max()
            .unwrap_or(0)
    }

    /// Positions of the arcs of `u`.
    #[inline(always)]
    pub(super) fn range(&self, u: u32) -> std::ops::Range<usize> {
        self.offsets[u as usize] as usize..self.offsets[u as usize + 1] as usize
    }
}

/// Packs arcs when the nodes and the distinct lengths are few enough.
fn pack(n: usize, arcs: impl Iterator<Item = (usize, usize, f64)>) -> Option<Packed> {
    if n > PACKED_NODES {
        return None;
    }
    let mut table = Box::new([0.0; PACKED_LENGTHS]);
    let mut index: HashMap<u64, u32> = HashMap::new();
    let mut out = Vec::with_capacity(arcs.size_hint().0);
    for (_, b, w) in arcs {
        let next = index.len() as u32;
        let i = *index.entry(w.to_bits()).or_insert(next);
        let slot = table.get_mut(i as usize)?;
        *slot = w;
        out.push((b as u32) << 8 | i);
    }
    Some(Packed {
        arcs: out,
        table,
        used: index.len(),
    })
}

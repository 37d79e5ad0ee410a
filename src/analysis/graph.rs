//! The org's graph: as petgraph graphs (the model a library user runs petgraph's
//! algorithms on), and the undirected view as compact adjacency lists for gapscope's own
//! kernels where those are measured faster (docs/benchmarks.md, "petgraph and the kernels").
//!
//! Node `i` is unit `i` of `Org::units` in every form, so unit ids map to node indices
//! through `Org::unit_index`. One graph per document revision: build it from the revision's
//! [`Network`] (or take [`Analysis::graph`](crate::analysis::Analysis::graph)); it is
//! derived, never stored beside the document.
//!
//! ```
//! use gapscope::analysis::graph;
//! use gapscope::model::{Network, seed};
//! use petgraph::algo::{connected_components, dijkstra};
//! use petgraph::graph::NodeIndex;
//!
//! let org = seed::seed();
//! let g = graph::ungraph(&Network::new(&org));
//! assert_eq!(g.node_count(), org.units.len());
//! // Edge weights are pair strengths in (0, 1]; a distance of 1/p makes weak ties long.
//! let from = NodeIndex::new(org.unit_index()["cio"]);
//! let far = dijkstra(&g, from, None, |e| 1.0 / *e.weight());
//! assert!(far.len() <= org.units.len());
//! assert!(connected_components(&g) >= 1);
//! ```

use petgraph::graph::{DiGraph, NodeIndex, UnGraph};

use crate::model::Network;

/// Neighbour lists of the undirected view in compressed form (CSR), sorted by neighbour.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Adjacency {
    offsets: Vec<usize>,
    targets: Vec<usize>,
    weights: Vec<f64>,
}

impl Adjacency {
    /// The undirected view of a network: one entry per direction of each pair with `p > 0`.
    pub fn undirected(net: &Network) -> Adjacency {
        Adjacency::from_pairs(net.n, &net.pairs)
    }

    /// Builds adjacency lists of `n` nodes from undirected weighted pairs `(a, b, w)`, `a != b`.
    pub fn from_pairs(n: usize, pairs: &[(usize, usize, f64)]) -> Adjacency {
        let mut offsets = vec![0usize; n + 1];
        for &(a, b, _) in pairs {
            offsets[a + 1] += 1;
            offsets[b + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0usize; offsets[n]];
        let mut weights = vec![0.0f64; offsets[n]];
        for &(a, b, w) in pairs {
            targets[fill[a]] = b;
            weights[fill[a]] = w;
            fill[a] += 1;
            targets[fill[b]] = a;
            weights[fill[b]] = w;
            fill[b] += 1;
        }
        let mut adj = Adjacency {
            offsets,
            targets,
            weights,
        };
        adj.sort_lists();
        adj
    }

    fn sort_lists(&mut self) {
        for u in 0..self.len() {
            let range = self.offsets[u]..self.offsets[u + 1];
            if self.targets[range.clone()].is_sorted() {
                continue;
            }
            let mut list: Vec<(usize, f64)> = self.neighbours(u).collect();
            list.sort_unstable_by_key(|&(v, _)| v);
            for (k, (v, w)) in range.zip(list) {
                self.targets[k] = v;
                self.weights[k] = w;
            }
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of neighbours of `u`.
    pub fn degree(&self, u: usize) -> usize {
        self.offsets[u + 1] - self.offsets[u]
    }

    /// The neighbours of `u` with the pair strengths, sorted by neighbour.
    pub fn neighbours(&self, u: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let range = self.offsets[u]..self.offsets[u + 1];
        self.targets[range.clone()]
            .iter()
            .copied()
            .zip(self.weights[range].iter().copied())
    }

    /// The neighbour ids of `u`, sorted.
    pub fn neighbour_ids(&self, u: usize) -> &[usize] {
        &self.targets[self.offsets[u]..self.offsets[u + 1]]
    }
}

/// The undirected view as a petgraph graph: node `i` is unit `i`, edge weights are `p(a,b)`.
pub fn ungraph(net: &Network) -> UnGraph<usize, f64> {
    let mut g = UnGraph::with_capacity(net.n, net.pairs.len());
    for i in 0..net.n {
        g.add_node(i);
    }
    for &(a, b, p) in &net.pairs {
        g.add_edge(NodeIndex::new(a), NodeIndex::new(b), p);
    }
    g
}

/// The ratings graph as a petgraph graph: node `i` is unit `i`; an edge `a -> b` with weight
/// `s` for every tie with `s > 0` (a directed file's ratings; both directions of each tie in
/// an undirected file).
pub fn digraph(net: &Network) -> DiGraph<usize, f64> {
    let both = if net.directed { 1 } else { 2 };
    let mut g = DiGraph::with_capacity(net.n, net.arcs.len() * both);
    for i in 0..net.n {
        g.add_node(i);
    }
    for &(a, b, s) in &net.arcs {
        g.add_edge(NodeIndex::new(a), NodeIndex::new(b), s);
        if !net.directed {
            g.add_edge(NodeIndex::new(b), NodeIndex::new(a), s);
        }
    }
    g
}

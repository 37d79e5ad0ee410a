//! Burt's constraint of each unit on the undirected view, weighted by pair strength.
//!
//! Same as networkx `constraint(G, weight="weight")` on the undirected view: with
//! `p(i,j) = w(i,j) / Σ_k w(i,k)`, `c(i) = Σ_{j∈N(i)} (p(i,j) + Σ_{q∈N(i)} p(i,q) p(q,j))²`.
//! High constraint (up to 1 and a little above) means a unit's contacts all know each other
//! or hang on one contact; low means it bridges otherwise unconnected contacts (a broker).
//! Undefined (`None`) for a unit without neighbours.

use rayon::prelude::*;

use super::graph::Adjacency;

/// Constraint of every unit; `None` where it has no neighbour.
///
/// Time: Σ over units of degree², touching only neighbours of neighbours; units are
/// independent, so they are spread over threads (each with its own scratch row).
pub fn constraint(adj: &Adjacency) -> Vec<Option<f64>> {
    let n = adj.len();
    let strength: Vec<f64> = (0..n)
        .map(|u| adj.neighbours(u).map(|(_, w)| w).sum())
        .collect();
    (0..n)
        .into_par_iter()
        .with_min_len(256)
        .map_init(
            || vec![0.0f64; n],
            |indirect, i| of_unit(adj, &strength, indirect, i),
        )
        .collect()
}

/// Constraint of unit `i`; `indirect` is an all-zero scratch row, left all zero.
fn of_unit(adj: &Adjacency, strength: &[f64], indirect: &mut [f64], i: usize) -> Option<f64> {
    if adj.degree(i) == 0 || strength[i] <= 0.0 {
        return None;
    }
    for (q, w_iq) in adj.neighbours(i) {
        let p_iq = w_iq / strength[i];
        for (j, w_qj) in adj.neighbours(q) {
            if j != i {
                indirect[j] += p_iq * w_qj / strength[q];
            }
        }
    }
    let mut total = 0.0;
    for (j, w_ij) in adj.neighbours(i) {
        let local = w_ij / strength[i] + indirect[j];
        total += local * local;
    }
    for &q in adj.neighbour_ids(i) {
        for &j in adj.neighbour_ids(q) {
            indirect[j] = 0.0;
        }
    }
    Some(total)
}

//! Burt's constraint of each unit on the undirected view, weighted by pair strength.
//!
//! Same as networkx `constraint(G, weight="weight")` on the undirected view: with
//! `p(i,j) = w(i,j) / Σ_k w(i,k)`, `c(i) = Σ_{j∈N(i)} (p(i,j) + Σ_{q∈N(i)} p(i,q) p(q,j))²`.
//! High constraint (up to 1 and a little above) means a unit's contacts all know each other
//! or hang on one contact; low means it bridges otherwise unconnected contacts (a broker).
//! Undefined (`None`) for a unit without neighbours.

use super::graph::Adjacency;

/// Constraint of every unit; `None` where it has no neighbour.
///
/// Time: Σ over units of degree², touching only neighbours of neighbours.
pub fn constraint(adj: &Adjacency) -> Vec<Option<f64>> {
    let n = adj.len();
    let strength: Vec<f64> = (0..n)
        .map(|u| adj.neighbours(u).map(|(_, w)| w).sum())
        .collect();
    let mut indirect = vec![0.0f64; n];
    let mut out = vec![None; n];
    for (i, slot) in out.iter_mut().enumerate() {
        if adj.degree(i) == 0 || strength[i] <= 0.0 {
            continue;
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
        for q in adj.neighbour_ids(i) {
            for &j in adj.neighbour_ids(*q) {
                indirect[j] = 0.0;
            }
        }
        *slot = Some(total);
    }
    out
}

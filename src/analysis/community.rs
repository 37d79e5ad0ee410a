//! Communities of the undirected view (Louvain, weighted, seeded) and their modularity.
//!
//! Louvain (Blondel et al. 2008) with resolution 1: units move to the neighbouring
//! community with the best modularity gain until no move helps, then communities are merged
//! into single nodes and the process repeats. Moves use a queue (the "fast local moving" of
//! Traag et al. 2019): every unit is visited once in an order shuffled with the fixed seed
//! [`SEED`], and afterwards only the neighbours of a unit that moved are visited again. So
//! the result is the same on every run, and a level costs little more than one pass over
//! its edges.

use std::collections::VecDeque;

use super::graph::Adjacency;
use crate::rng::Rng;

/// Seed of the visiting order.
pub const SEED: u64 = 0x6761_7073_636f_7065;

/// Gains at or below this count as no improvement (guards against rounding loops).
const EPS: f64 = 1e-12;

/// Visits per node and level after which a level stops regardless (a guard; moves raise
/// modularity strictly, so the queue empties long before in practice).
const MAX_VISITS_PER_NODE: usize = 64;

/// A partition of the units into communities.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Communities {
    /// Communities (unit indices sorted by id), largest first, ties broken by smallest id.
    pub members: Vec<Vec<usize>>,
    /// Index into `members` for each unit.
    pub of_unit: Vec<usize>,
    /// Newman's weighted modularity of the partition; `None` when there are no edges.
    pub modularity: Option<f64>,
}

/// One level of the Louvain hierarchy: adjacency without self loops plus self-loop weights.
struct Level {
    adj: Vec<Vec<(usize, f64)>>,
    self_w: Vec<f64>,
}

/// Louvain communities of the undirected view. `rank[u]` is the position of `u` in id order.
pub fn louvain(adj: &Adjacency, rank: &[usize]) -> Communities {
    let n = adj.len();
    let mut level = Level {
        adj: (0..n).map(|u| adj.neighbours(u).collect()).collect(),
        self_w: vec![0.0; n],
    };
    let mut of_unit: Vec<usize> = (0..n).collect();
    let mut seed = Rng::new(SEED);
    loop {
        let (comm, count) = local_moves(&level, &mut seed);
        if count == level.adj.len() {
            break;
        }
        for c in &mut of_unit {
            *c = comm[*c];
        }
        level = aggregate(&level, &comm, count);
    }
    finish(adj, rank, &of_unit)
}

/// Moves nodes between communities while modularity improves; returns dense labels and count.
fn local_moves(level: &Level, seed: &mut Rng) -> (Vec<usize>, usize) {
    let n = level.adj.len();
    let k: Vec<f64> = (0..n)
        .map(|i| level.adj[i].iter().map(|&(_, w)| w).sum::<f64>() + 2.0 * level.self_w[i])
        .collect();
    let m2: f64 = k.iter().sum();
    let mut comm: Vec<usize> = (0..n).collect();
    if m2 > 0.0 {
        let mut tot = k.clone();
        let mut queue: VecDeque<usize> = (0..n).collect();
        shuffle(queue.make_contiguous(), seed);
        let mut queued = vec![true; n];
        let mut weight_to = vec![0.0f64; n];
        let mut seen = vec![false; n];
        let mut touched: Vec<usize> = Vec::new();
        let mut visits = 0usize;
        while let Some(i) = queue.pop_front() {
            queued[i] = false;
            visits += 1;
            if visits > MAX_VISITS_PER_NODE * n {
                break;
            }
            let ci = comm[i];
            for &(j, w) in &level.adj[i] {
                let c = comm[j];
                if !seen[c] {
                    seen[c] = true;
                    touched.push(c);
                }
                weight_to[c] += w;
            }
            tot[ci] -= k[i];
            let mut best = ci;
            let mut best_gain = weight_to[ci] - tot[ci] * k[i] / m2;
            for &c in &touched {
                let gain = weight_to[c] - tot[c] * k[i] / m2;
                if gain > best_gain + EPS {
                    best = c;
                    best_gain = gain;
                }
            }
            tot[best] += k[i];
            for &c in &touched {
                seen[c] = false;
                weight_to[c] = 0.0;
            }
            touched.clear();
            if best != ci {
                comm[i] = best;
                // Only the neighbours outside the new community may now prefer to move.
                for &(j, _) in &level.adj[i] {
                    if !queued[j] && comm[j] != best {
                        queued[j] = true;
                        queue.push_back(j);
                    }
                }
            }
        }
    }
    let mut label = vec![usize::MAX; n];
    let mut count = 0;
    for c in &mut comm {
        if label[*c] == usize::MAX {
            label[*c] = count;
            count += 1;
        }
        *c = label[*c];
    }
    (comm, count)
}

/// Merges each community into one node.
fn aggregate(level: &Level, comm: &[usize], count: usize) -> Level {
    let mut self_w = vec![0.0f64; count];
    let mut triples: Vec<(usize, usize, f64)> = Vec::new();
    for (i, list) in level.adj.iter().enumerate() {
        let ci = comm[i];
        self_w[ci] += level.self_w[i];
        for &(j, w) in list {
            let cj = comm[j];
            if ci == cj {
                self_w[ci] += w / 2.0;
            } else {
                triples.push((ci, cj, w));
            }
        }
    }
    triples.sort_unstable_by_key(|&(a, b, _)| (a, b));
    let mut adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); count];
    for (a, b, w) in triples {
        match adj[a].last_mut() {
            Some(last) if last.0 == b => last.1 += w,
            _ => adj[a].push((b, w)),
        }
    }
    Level { adj, self_w }
}

/// Orders communities, and computes modularity on the original graph.
fn finish(adj: &Adjacency, rank: &[usize], raw: &[usize]) -> Communities {
    let n = adj.len();
    let count = raw.iter().map(|&c| c + 1).max().unwrap_or(0);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for u in 0..n {
        members[raw[u]].push(u);
    }
    for m in &mut members {
        m.sort_unstable_by_key(|&u| rank[u]);
    }
    members.retain(|m| !m.is_empty());
    members.sort_by(|a, b| b.len().cmp(&a.len()).then(rank[a[0]].cmp(&rank[b[0]])));
    let mut of_unit = vec![0usize; n];
    for (c, m) in members.iter().enumerate() {
        for &u in m {
            of_unit[u] = c;
        }
    }
    let modularity = modularity(adj, &of_unit, members.len());
    Communities {
        members,
        of_unit,
        modularity,
    }
}

/// Weighted modularity `Σ_c (in_c / 2m − (tot_c / 2m)²)`; `None` when there is no edge.
pub fn modularity(adj: &Adjacency, of_unit: &[usize], count: usize) -> Option<f64> {
    let mut inside = vec![0.0f64; count];
    let mut tot = vec![0.0f64; count];
    let mut m2 = 0.0;
    for u in 0..adj.len() {
        for (v, w) in adj.neighbours(u) {
            m2 += w;
            tot[of_unit[u]] += w;
            if of_unit[u] == of_unit[v] {
                inside[of_unit[u]] += w;
            }
        }
    }
    (m2 > 0.0).then(|| {
        inside
            .iter()
            .zip(&tot)
            .map(|(i, t)| i / m2 - (t / m2) * (t / m2))
            .sum()
    })
}

/// Fisher–Yates shuffle driven by the crate's generator.
fn shuffle(items: &mut [usize], rng: &mut Rng) {
    for i in (1..items.len()).rev() {
        let z = rng.next_u64();
        items.swap(i, (z % (i as u64 + 1)) as usize);
    }
}

/// How one formal group spreads over the communities.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupSpread {
    /// The group name.
    pub group: String,
    /// `(community index, units of the group in it)`, most units first, then by index.
    pub counts: Vec<(usize, usize)>,
}

/// The cross-tab of formal groups against communities, sorted by group name.
pub fn group_spread(groups: &[Option<&str>], of_unit: &[usize]) -> Vec<GroupSpread> {
    let mut map: std::collections::BTreeMap<&str, std::collections::BTreeMap<usize, usize>> =
        std::collections::BTreeMap::new();
    for (g, &c) in groups.iter().zip(of_unit) {
        if let Some(g) = g {
            *map.entry(g).or_default().entry(c).or_default() += 1;
        }
    }
    map.into_iter()
        .map(|(g, counts)| {
            let mut counts: Vec<(usize, usize)> = counts.into_iter().collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            GroupSpread {
                group: g.to_string(),
                counts,
            }
        })
        .collect()
}

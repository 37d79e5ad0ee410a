//! Property tests: structure and paths agree with brute force on random small graphs.

use std::collections::BTreeSet;

use gapscope::analysis::graph::{Adjacency, ungraph};
use gapscope::analysis::structure::{Dfs, Separator};
use gapscope::analysis::{BetweennessMode, Options, analyse, paths};

use gapscope::model::{Network, Org, Tie, Unit};
use petgraph::visit::EdgeRef;
use proptest::prelude::*;

/// A random undirected graph: `n` units and weighted edges among them.
fn graph() -> impl Strategy<Value = (usize, Vec<(usize, usize, f64)>)> {
    (1usize..9).prop_flat_map(|n| {
        let pairs: Vec<(usize, usize)> = (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .collect();
        let len = pairs.len();
        (
            Just(n),
            Just(pairs),
            proptest::collection::vec(prop_oneof![Just(0u8), 1u8..=4], len),
        )
            .prop_map(|(n, pairs, w)| {
                let edges = pairs
                    .into_iter()
                    .zip(w)
                    .filter(|&(_, w)| w > 0)
                    .map(|((a, b), w)| (a, b, f64::from(w) / 4.0))
                    .collect();
                (n, edges)
            })
    })
}

fn org_of(n: usize, edges: &[(usize, usize, f64)]) -> Org {
    Org {
        // Ids whose string order differs from index order ("u10" < "u2").
        units: (0..n)
            .map(|i| Unit {
                id: format!("u{}", (n - i) * 3),
                ..Unit::default()
            })
            .collect(),
        ties: edges
            .iter()
            .map(|&(a, b, s)| Tie {
                from: format!("u{}", (n - a) * 3),
                to: format!("u{}", (n - b) * 3),
                strength: Some(s),
                ..Tie::default()
            })
            .collect(),
        ..Org::default()
    }
}

/// Component label of every node, ignoring a removed node and a removed edge.
fn labels(
    n: usize,
    edges: &[(usize, usize, f64)],
    node: Option<usize>,
    edge: Option<usize>,
) -> Vec<usize> {
    let mut label: Vec<usize> = (0..n).collect();
    loop {
        let mut changed = false;
        for (i, &(a, b, _)) in edges.iter().enumerate() {
            if Some(i) == edge || Some(a) == node || Some(b) == node {
                continue;
            }
            let m = label[a].min(label[b]);
            if label[a] != m || label[b] != m {
                label[a] = m;
                label[b] = m;
                changed = true;
            }
        }
        if !changed {
            return label;
        }
    }
}

fn count(
    n: usize,
    edges: &[(usize, usize, f64)],
    node: Option<usize>,
    edge: Option<usize>,
) -> usize {
    let l = labels(n, edges, node, edge);
    (0..n).filter(|&u| Some(u) != node && l[u] == u).count()
}

/// All-pairs matrix closed under `combine` along paths and `better` choice (Floyd–Warshall).
fn closure(
    n: usize,
    edges: &[(usize, usize, f64)],
    edge_value: impl Fn(f64) -> f64,
    none: f64,
    combine: impl Fn(f64, f64) -> f64,
    better: impl Fn(f64, f64) -> bool,
) -> Vec<Vec<f64>> {
    let mut m = vec![vec![none; n]; n];
    for &(a, b, p) in edges {
        m[a][b] = edge_value(p);
        m[b][a] = edge_value(p);
    }
    for k in 0..n {
        for i in 0..n {
            for j in 0..n {
                let via = combine(m[i][k], m[k][j]);
                if i != j && better(via, m[i][j]) {
                    m[i][j] = via;
                }
            }
        }
    }
    m
}

proptest! {
    #[test]
    fn components_bridges_and_cut_units_match_brute_force((n, edges) in graph()) {
        let org = org_of(n, &edges);
        let a = analyse(&org, &Options { betweenness: BetweennessMode::Skip, ..Options::default() });
        let l = labels(n, &edges, None, None);
        prop_assert_eq!(a.components.len(), count(n, &edges, None, None));
        for (c, members) in a.components.iter().enumerate() {
            for &u in members {
                prop_assert_eq!(a.nodes[u].component, c);
                prop_assert_eq!(l[u], l[members[0]]);
            }
        }
        let base = count(n, &edges, None, None);
        let bridges: BTreeSet<(usize, usize)> =
            a.bridges.iter().map(|&(x, y)| (x.min(y), x.max(y))).collect();
        let brute: BTreeSet<(usize, usize)> = edges
            .iter()
            .enumerate()
            .filter(|&(i, _)| count(n, &edges, None, Some(i)) > base)
            .map(|(_, &(x, y, _))| (x, y))
            .collect();
        prop_assert_eq!(&bridges, &brute);
        let cuts: BTreeSet<usize> = a.articulation_points.iter().copied().collect();
        let brute_cuts: BTreeSet<usize> =
            (0..n).filter(|&v| count(n, &edges, Some(v), None) > base).collect();
        prop_assert_eq!(&cuts, &brute_cuts);

        // petgraph agrees on the same undirected view.
        let net = Network::new(&org);
        let g = ungraph(&net);
        let pg_cuts: BTreeSet<usize> =
            petgraph::algo::articulation_points::articulation_points(&g).into_iter().map(|x| x.index()).collect();
        prop_assert_eq!(&pg_cuts, &brute_cuts);
        let pg_bridges: BTreeSet<(usize, usize)> = petgraph::algo::bridges(&g)
            .map(|e| (e.source().index().min(e.target().index()), e.source().index().max(e.target().index())))
            .collect();
        prop_assert_eq!(&pg_bridges, &brute);
    }

    #[test]
    fn separators_match_brute_force((n, edges) in graph(), x in 0usize..9, y in 0usize..9) {
        let (a, b) = (x % n, y % n);
        let net = Network::new(&org_of(n, &edges));
        let dfs = Dfs::new(&Adjacency::undirected(&net));
        let seps = dfs.separators(a, b);
        let l = labels(n, &edges, None, None);
        if a == b || l[a] != l[b] {
            prop_assert!(seps.is_empty());
            return Ok(());
        }
        let mut units = BTreeSet::new();
        let mut ties = BTreeSet::new();
        for s in &seps {
            match *s {
                Separator::Unit(u) => { units.insert(u); }
                Separator::Tie(p, q) => { ties.insert((p.min(q), p.max(q))); }
            }
        }
        let brute_units: BTreeSet<usize> = (0..n)
            .filter(|&v| v != a && v != b && { let l = labels(n, &edges, Some(v), None); l[a] != l[b] })
            .collect();
        let brute_ties: BTreeSet<(usize, usize)> = edges
            .iter()
            .enumerate()
            .filter(|&(i, _)| { let l = labels(n, &edges, None, Some(i)); l[a] != l[b] })
            .map(|(_, &(p, q, _))| (p, q))
            .collect();
        prop_assert_eq!(units, brute_units);
        prop_assert_eq!(ties, brute_ties);
    }

    #[test]
    fn shortest_and_widest_match_floyd_warshall((n, edges) in graph()) {
        let net = Network::new(&org_of(n, &edges));
        let forest = paths::WidestForest::new(&Adjacency::undirected(&net));
        let dist = closure(n, &edges, |p| 1.0 / p, f64::INFINITY, |x, y| x + y, |x, y| x < y);
        let wide = closure(n, &edges, |p| p, 0.0, f64::min, |x, y| x > y);
        let has = |u: usize, v: usize, p: f64| {
            edges.iter().any(|&(a, b, w)| ((a, b) == (u, v) || (a, b) == (v, u)) && w == p)
        };
        for a in 0..n {
            for b in 0..n {
                if a == b {
                    continue;
                }
                let short = paths::shortest(&net, a, b);
                let widest = paths::widest(&net, a, b);
                if dist[a][b].is_infinite() {
                    prop_assert!(short.is_none() && widest.is_none());
                    continue;
                }
                let (Some(s), Some(w), Some(f)) = (short, widest, forest.route(a, b)) else {
                    return Err(TestCaseError::fail("a connected pair has no path"));
                };
                prop_assert_eq!(f.weakest, wide[a][b]);
                for path in [&s, &w, &f] {
                    prop_assert_eq!(path.units.first(), Some(&a));
                    prop_assert_eq!(path.units.last(), Some(&b));
                    for (hop, &p) in path.units.windows(2).zip(&path.strengths) {
                        prop_assert!(has(hop[0], hop[1], p));
                    }
                }
                prop_assert!((s.length - dist[a][b]).abs() < 1e-9);
                prop_assert_eq!(w.weakest, wide[a][b]);
                // Among the widest routes, the shortest one.
                let floor = wide[a][b];
                let kept: Vec<(usize, usize, f64)> =
                    edges.iter().copied().filter(|&(_, _, p)| p >= floor).collect();
                let within = closure(n, &kept, |p| 1.0 / p, f64::INFINITY, |x, y| x + y, |x, y| x < y);
                prop_assert!((w.length - within[a][b]).abs() < 1e-9);
            }
        }
    }
}

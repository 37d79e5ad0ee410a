//! Betweenness under float ties: path lengths that are equal as rationals but not as floats
//! (4/3 + 4/3 + 4/3 against 4) must count as equal, checked against exact rational values.
//!
//! The org has the shape where this went wrong: directed, about 1,500 units, integer
//! ratings 2-5 on a 1-5 scale (arc lengths 4, 2, 4/3 and 1), dense groups and a tree-like
//! periphery. The reference works in exact arithmetic: distances are integers (every
//! length times 3), path counts are big integers and the dependencies big rationals, so
//! only the final per-unit value is rounded to a float.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use gapscope::analysis::BetweennessMode;
use gapscope::analysis::betweenness;
use gapscope::generate::Rng;
use gapscope::model::{self, Network};
use num_bigint::BigUint;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};

/// A directed org of `groups` dense groups of `size` units and `periphery` units hung on
/// them like a tree, as org file text (so the test follows the file format, not the types).
fn tie_org(seed: u64, groups: usize, size: usize, periphery: usize) -> String {
    let mut rng = Rng::new(seed);
    let core = groups * size;
    let n = core + periphery;
    let mut ties: Vec<(usize, usize, usize)> = Vec::new();
    let rating = |rng: &mut Rng| 2 + rng.below(4);
    for g in 0..groups {
        let base = g * size;
        for a in base..base + size {
            for b in base..base + size {
                if a != b && rng.chance(0.35) {
                    ties.push((a, b, rating(&mut rng)));
                }
            }
        }
    }
    // A few ties between groups, so the core is one strongly connected piece.
    for g in 0..groups {
        for _ in 0..6 {
            let a = g * size + rng.below(size);
            let b = rng.below(core);
            if a / size != b / size {
                ties.push((a, b, rating(&mut rng)));
                ties.push((b, a, rating(&mut rng)));
            }
        }
    }
    // The periphery: each unit hangs on an earlier one, rated both ways or one way.
    for u in core..n {
        let parent = rng.below(u);
        ties.push((parent, u, rating(&mut rng)));
        if rng.chance(0.8) {
            ties.push((u, parent, rating(&mut rng)));
        }
    }
    ties.sort_unstable();
    ties.dedup_by_key(|t| (t.0, t.1));
    let units: Vec<String> = (0..n)
        .map(|i| {
            let group = if i < core {
                format!("g{}", i / size)
            } else {
                "edge".into()
            };
            format!(r#"{{"id": "u{i:04}", "group": "{group}"}}"#)
        })
        .collect();
    let ties: Vec<String> = ties
        .iter()
        .map(|(a, b, r)| format!(r#"{{"from": "u{a:04}", "to": "u{b:04}", "strength": {r}}}"#))
        .collect();
    format!(
        r#"{{"gapscope": 1, "directed": true, "scale": {{"min": 1, "max": 5}},
"units": [{}],
"ties": [{}]}}"#,
        units.join(",\n"),
        ties.join(",\n")
    )
}

/// Exact normalized betweenness: integer distances (`3/s`: the lengths 12, 6, 4, 3), path
/// counts as big integers, dependencies as big rationals.
fn exact(net: &Network) -> Vec<f64> {
    let n = net.n;
    let mut out: Vec<Vec<(usize, u64)>> = vec![Vec::new(); n];
    for &(a, b, s) in &net.arcs {
        let scaled = 3.0 / s;
        let len = scaled.round() as u64;
        assert!(
            (scaled - len as f64).abs() < 1e-9,
            "length 3/{s} is not whole"
        );
        out[a].push((b, len));
    }
    let mut total: Vec<BigRational> = vec![BigRational::zero(); n];
    for s in 0..n {
        let mut dist = vec![u64::MAX; n];
        let mut sigma = vec![BigUint::zero(); n];
        let mut order = Vec::with_capacity(n);
        let mut heap = BinaryHeap::new();
        dist[s] = 0;
        sigma[s] = BigUint::from(1u32);
        heap.push(Reverse((0u64, s)));
        while let Some(Reverse((d, u))) = heap.pop() {
            if d != dist[u] {
                continue;
            }
            order.push(u);
            for &(v, len) in &out[u] {
                let alt = d + len;
                if alt < dist[v] {
                    dist[v] = alt;
                    heap.push(Reverse((alt, v)));
                }
            }
        }
        // Path counts in distance order: every predecessor is strictly closer.
        for &u in &order {
            let su = sigma[u].clone();
            for &(v, len) in &out[u] {
                if dist[u] + len == dist[v] {
                    sigma[v] += &su;
                }
            }
        }
        // coef(v) = (1 + delta(v)) / sigma(v); delta(v) = sigma(v) * sum of coef(successors).
        let mut coef: Vec<BigRational> = vec![BigRational::zero(); n];
        for &v in order.iter().rev() {
            let mut sum = BigRational::zero();
            for &(w, len) in &out[v] {
                if dist[v] + len == dist[w] {
                    sum += &coef[w];
                }
            }
            let sv = BigRational::from_integer(sigma[v].clone().into());
            let delta = &sv * &sum;
            coef[v] = (BigRational::from_integer(1.into()) + &delta) / &sv;
            if v != s {
                total[v] += delta;
            }
        }
    }
    let scale = ((n - 1) * (n - 2)) as f64;
    total
        .iter()
        .map(|x| x.to_f64().expect("finite") / scale)
        .collect()
}

#[test]
fn betweenness_is_exact_when_float_path_lengths_tie() {
    let text = tie_org(5, 16, 40, 860);
    let org = model::from_str("ties.json", &text).expect("the generated org is valid");
    assert_eq!(org.units.len(), 1500);
    let net = Network::new(&org);
    let (fast, _) = betweenness::compute(&net, BetweennessMode::Exact);
    let want = exact(&net);
    let off: Vec<(usize, f64, f64)> = fast
        .iter()
        .zip(&want)
        .enumerate()
        .filter(|(_, (f, w))| (*f - *w).abs() > 1e-9)
        .map(|(i, (f, w))| (i, *f, *w))
        .collect();
    assert!(
        off.is_empty(),
        "{} of {} units off, first: {:?}",
        off.len(),
        fast.len(),
        &off[..off.len().min(5)]
    );
}

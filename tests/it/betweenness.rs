//! Betweenness: the fast parallel implementation against the shared expected values and
//! against a plain reference implementation of REPORT.md's definition.

use std::cmp::Ordering;
use std::collections::{BTreeSet, BinaryHeap};

use gapscope::analysis::betweenness::{self, close};
use gapscope::analysis::{BetweennessDone, BetweennessMode};
use gapscope::model::{self, Network, Org, Tie, Unit};
use proptest::prelude::*;

const ORGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

// ---- the reference: Brandes with a binary heap and predecessor lists, no tricks ----

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

/// Normalized exact betweenness, computed the simple way.
fn reference(net: &Network) -> Vec<f64> {
    let n = net.n;
    let mut adj = vec![Vec::new(); n];
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
    let mut raw = vec![0.0; n];
    for s in 0..n {
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
                    preds[v] = vec![u];
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
    let scale = if n > 2 {
        1.0 / ((n - 1) as f64 * (n - 2) as f64)
    } else {
        1.0
    };
    raw.iter().map(|x| x * scale).collect()
}

fn assert_close(got: &[f64], want: &[f64], tol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).abs() <= tol,
            "{what}: node {i}: got {g}, want {w} (diff {})",
            (g - w).abs()
        );
    }
}

// ---- the shared fixtures ----

fn fixture(name: &str) -> (Org, Vec<(String, f64)>) {
    let org = model::load(&format!("{ORGS}/{name}.json"), model::DEFAULT_MAX_BYTES)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let text = std::fs::read_to_string(format!("{ORGS}/{name}.expected.json"))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let json: serde_json::Value = serde_json::from_str(&text).expect("expected file is JSON");
    let nodes = json["nodes"].as_array().expect("nodes array");
    let expected = nodes
        .iter()
        .map(|node| {
            let id = node["id"].as_str().expect("id").to_string();
            (id, node["betweenness"].as_f64().expect("betweenness"))
        })
        .collect();
    (org, expected)
}

fn check_fixture(name: &str) {
    let (org, expected) = fixture(name);
    let net = Network::new(&org);
    let (values, done) = betweenness::compute(&net, BetweennessMode::Exact);
    assert_eq!(done, BetweennessDone::Exact);
    assert_eq!(expected.len(), org.units.len(), "{name}: node count");
    let index = org.unit_index();
    for (id, want) in &expected {
        let got = values[index[id.as_str()]];
        assert!(
            (got - want).abs() <= 1e-9,
            "{name}: {id}: got {got}, want {want}"
        );
    }
}

#[test]
fn krackhardt_people_matches_expected() {
    check_fixture("krackhardt-advice-people");
}

#[test]
fn krackhardt_departments_matches_expected() {
    check_fixture("krackhardt-advice-departments");
}

#[test]
fn lazega_people_matches_expected() {
    check_fixture("lazega-advice-people");
}

#[test]
fn lazega_teams_match_expected() {
    check_fixture("lazega-advice-teams");
    check_fixture("lazega-cowork-teams");
}

#[test]
fn ukfaculty_people_matches_exact_values_despite_float_ties() {
    check_fixture("ukfaculty-friendship-people");
}

#[test]
fn ukfaculty_schools_matches_expected() {
    check_fixture("ukfaculty-friendship-schools");
}

#[test]
fn email_departments_with_tiny_strengths_match_expected() {
    // Block densities down to about 1e-4: arc lengths in the thousands, the heap path.
    check_fixture("email-eu-core-departments");
}

#[test]
fn email_people_matches_expected() {
    check_fixture("email-eu-core-people");
}

// ---- modes ----

/// A small org from `(from, to, strength)` ties on the scale 0-1.
fn org(n: usize, directed: bool, ties: &[(usize, usize, f64)]) -> Org {
    Org {
        directed,
        units: (0..n)
            .map(|i| Unit {
                id: format!("u{i:03}"),
                ..Unit::default()
            })
            .collect(),
        ties: ties
            .iter()
            .map(|&(a, b, s)| Tie {
                from: format!("u{a:03}"),
                to: format!("u{b:03}"),
                strength: Some(s),
                ..Tie::default()
            })
            .collect(),
        ..Org::default()
    }
}

fn lazega() -> Network {
    Network::new(&fixture("lazega-advice-people").0)
}

#[test]
fn skip_returns_zeros() {
    let net = lazega();
    let (values, done) = betweenness::compute(&net, BetweennessMode::Skip);
    assert_eq!(done, BetweennessDone::Skipped);
    assert_eq!(values, vec![0.0; net.n]);
}

#[test]
fn sampled_is_deterministic_for_a_seed_and_varies_with_it() {
    let net = lazega();
    let mode = |seed| BetweennessMode::Sampled { sources: 20, seed };
    let (a, done) = betweenness::compute(&net, mode(7));
    let (b, _) = betweenness::compute(&net, mode(7));
    let (c, _) = betweenness::compute(&net, mode(8));
    assert_eq!(done, BetweennessDone::Sampled(20));
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn sampled_with_all_sources_is_exact() {
    let net = lazega();
    let (exact, _) = betweenness::compute(&net, BetweennessMode::Exact);
    let all = BetweennessMode::Sampled {
        sources: net.n,
        seed: 3,
    };
    let (sampled, done) = betweenness::compute(&net, all);
    assert_eq!(done, BetweennessDone::Exact);
    assert_eq!(sampled, exact);
}

#[test]
fn sampled_estimate_is_scaled_to_the_exact_expectation() {
    let net = lazega();
    let (exact, _) = betweenness::compute(&net, BetweennessMode::Exact);
    let half = BetweennessMode::Sampled {
        sources: net.n / 2,
        seed: 1,
    };
    let (sampled, _) = betweenness::compute(&net, half);
    let total = |v: &[f64]| v.iter().sum::<f64>();
    let ratio = total(&sampled) / total(&exact);
    assert!((0.7..1.3).contains(&ratio), "sampled/exact total = {ratio}");
}

#[test]
fn sample_draws_distinct_sorted_sources() {
    let s = betweenness::sample(1000, 100, 42);
    assert_eq!(s.len(), 100);
    assert!(s.windows(2).all(|w| w[0] < w[1]));
    assert!(s.iter().all(|&x| x < 1000));
    assert_eq!(s, betweenness::sample(1000, 100, 42));
}

#[test]
fn one_and_two_threads_give_bit_identical_values() {
    let net = lazega();
    let run = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool")
            .install(|| betweenness::compute(&net, BetweennessMode::Exact).0)
    };
    let one = run(1);
    let two = run(2);
    let three = run(3);
    assert_eq!(one, two);
    assert_eq!(one, three);
    // A generated org, sampled: many chunks, the bucket queue, packed arcs.
    let org = gapscope::generate::generate(&gapscope::generate::Params {
        units: 1500,
        ..Default::default()
    });
    let big = Network::new(&org);
    let mode = BetweennessMode::Sampled {
        sources: 300,
        seed: 9,
    };
    let sampled = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool")
            .install(|| betweenness::compute(&big, mode).0)
    };
    assert_eq!(sampled(1), sampled(2));
}

#[test]
fn a_star_centre_carries_all_paths() {
    // Undirected star: the centre lies on every path between two leaves: normalized 1.
    let ties: Vec<_> = (1..6).map(|i| (0, i, 0.5)).collect();
    let net = Network::new(&org(6, false, &ties));
    let (values, _) = betweenness::compute(&net, BetweennessMode::Exact);
    assert_close(&values, &[1.0, 0.0, 0.0, 0.0, 0.0, 0.0], 1e-12, "star");
}

#[test]
fn two_equal_routes_share_the_credit() {
    // Two routes a->b->d and a->c->d of length 20: 1/0.1 + 1/0.1 and 1/0.2 + 1/(1/15),
    // equal only up to float rounding.
    let ties = [(0, 1, 0.1), (1, 3, 0.1), (0, 2, 0.2), (2, 3, 1.0 / 15.0)];
    let net = Network::new(&org(4, true, &ties));
    let (values, _) = betweenness::compute(&net, BetweennessMode::Exact);
    // Each middle node carries half of the one a->d pair: 0.5 / (3 * 2).
    assert_close(&values, &[0.0, 0.5 / 6.0, 0.5 / 6.0, 0.0], 1e-12, "tie");
}

// ---- random graphs against the reference ----

fn graph_strategy() -> impl Strategy<Value = (usize, bool, Vec<(usize, usize, f64)>)> {
    let strengths = prop::sample::select(vec![1.0, 0.5, 0.25, 0.2, 0.1, 0.3, 0.0]);
    let tiny = prop::sample::select(vec![0.004, 0.002, 0.001, 0.5]);
    (2usize..24, any::<bool>(), any::<bool>()).prop_flat_map(move |(n, directed, small)| {
        let s = if small {
            tiny.clone().boxed()
        } else {
            strengths.clone().boxed()
        };
        let ties = prop::collection::vec((0..n, 0..n, s), 0..(n * 3));
        (Just(n), Just(directed), ties)
    })
}

fn dedup(directed: bool, ties: Vec<(usize, usize, f64)>) -> Vec<(usize, usize, f64)> {
    let mut seen = BTreeSet::new();
    ties.into_iter()
        .filter(|&(a, b, _)| {
            let key = if directed {
                (a, b)
            } else {
                (a.min(b), a.max(b))
            };
            a != b && seen.insert(key)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn fast_equals_reference((n, directed, ties) in graph_strategy()) {
        let net = Network::new(&org(n, directed, &dedup(directed, ties)));
        let (fast, _) = betweenness::compute(&net, BetweennessMode::Exact);
        let slow = reference(&net);
        for (i, (f, s)) in fast.iter().zip(&slow).enumerate() {
            prop_assert!((f - s).abs() <= 1e-9, "node {}: fast {} reference {}", i, f, s);
        }
    }
}

#[test]
fn many_distinct_strengths_match_the_reference() {
    // More than 256 distinct lengths: the arcs are stored unpacked. Strengths in (0.5, 1]
    // keep the bucket queue; a second run with tiny strengths takes the heap.
    for (base, spread) in [(0.5, 0.5), (0.001, 0.002)] {
        let n = 120;
        let mut ties = Vec::new();
        let mut x = 7u64;
        for a in 0..n {
            for step in [1, 7, 31] {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let s = base + spread * ((x >> 33) % 1000 + 1) as f64 / 1000.0;
                ties.push((a, (a + step) % n, s));
            }
        }
        let net = Network::new(&org(n, true, &ties));
        let (fast, _) = betweenness::compute(&net, BetweennessMode::Exact);
        assert_close(&fast, &reference(&net), 1e-9, "distinct strengths");
    }
}

//! The two kernels against each other: exact lengths ([`super::exact`], compared with `==`)
//! and float lengths compared with the tolerance must find the same shortest paths on
//! survey data, where float sums of `1/s` tie in the last bits all the time.

use super::csr::Csr;
use super::{accumulate, sample};
use crate::generate::{Params, generate};
use crate::model::Network;

/// Raw betweenness of `net` from `sources`, with exact lengths allowed or not; and
/// whether they were used.
fn raw(net: &Network, sources: &[usize], try_exact: bool) -> (Vec<f64>, bool) {
    let graph = Csr::build(net, try_exact).expect("a small graph");
    let values = accumulate(&graph, sources, &|| false).expect("not cancelled");
    (values, graph.exact)
}

fn assert_kernels_agree(net: &Network) {
    let sources = sample(net.n, 120, 7);
    let (exact, used) = raw(net, &sources, true);
    assert!(used, "ratings on a 0-5 scale give exact lengths");
    let (tolerant, used) = raw(net, &sources, false);
    assert!(!used);
    let worst = exact
        .iter()
        .zip(&tolerant)
        .map(|(a, b)| (a - b).abs() / a.abs().max(1.0))
        .fold(0.0, f64::max);
    assert!(worst <= 1e-12, "kernels differ by {worst}");
    assert!(exact.iter().any(|&x| x > 0.0));
}

#[test]
fn exact_and_tolerant_kernels_agree_on_a_directed_org() {
    let org = generate(&Params {
        units: 600,
        seed: 11,
        ..Params::default()
    });
    assert!(org.directed);
    assert_kernels_agree(&Network::new(&org));
}

#[test]
fn exact_and_tolerant_kernels_agree_on_an_undirected_org() {
    let mut org = generate(&Params {
        units: 600,
        seed: 12,
        ..Params::default()
    });
    // Pair strengths are means of two ratings: lengths such as 10/7.
    org.directed = false;
    assert_kernels_agree(&Network::new(&org));
}

#[test]
fn lengths_without_small_denominators_use_the_tolerant_kernel() {
    let mut org = generate(&Params {
        units: 50,
        seed: 13,
        ..Params::default()
    });
    for (i, tie) in org.ties.iter_mut().enumerate() {
        if let Some(s) = tie.strength.as_mut() {
            *s = 1.0 + (i % 7) as f64 * std::f64::consts::FRAC_1_PI;
        }
    }
    let graph = Csr::of(&Network::new(&org)).expect("a small graph");
    assert!(!graph.exact);
}

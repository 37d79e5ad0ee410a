//! The analysis in two stages: the gaps first, the slow metrics after, and `Auto`
//! betweenness chosen by the work rather than the unit count.

use gapscope::analysis::betweenness::{self, AUTO_SOURCES, AUTO_WORK};
use gapscope::analysis::{self, BetweennessDone, BetweennessMode, Options};
use gapscope::generate::{Params, generate};

fn org() -> gapscope::model::Org {
    generate(&Params {
        units: 400,
        ..Params::default()
    })
}

#[test]
fn the_quick_stage_has_every_gap_of_the_full_analysis() {
    let org = org();
    for initiative in [None, Some("ai-rollout".to_string())] {
        let opts = Options {
            initiative,
            ..Options::default()
        };
        let quick = analysis::gaps_first(&org, &opts);
        let full = analysis::analyse(&org, &opts);
        assert!(!quick.complete);
        assert!(full.complete);
        assert_eq!(quick.gaps, full.gaps);
        assert_eq!(quick.components, full.components);
        assert_eq!(quick.bridges, full.bridges);
        assert_eq!(quick.groups, full.groups);
        assert_eq!(quick.betweenness, BetweennessDone::Skipped);
        assert!(quick.communities.members.is_empty());
    }
}

#[test]
fn completing_the_quick_stage_gives_the_full_analysis() {
    let org = org();
    let opts = Options::default();
    let quick = analysis::gaps_first(&org, &opts);
    let done = analysis::complete(&org, quick, &opts, &|| false).expect("not cancelled");
    assert_eq!(done, analysis::analyse(&org, &opts));
    assert_eq!(done.betweenness, BetweennessDone::Exact);
    assert!(done.nodes.iter().any(|n| n.betweenness > 0.0));
}

#[test]
fn a_cancelled_slow_stage_gives_nothing() {
    let org = org();
    let opts = Options::default();
    let quick = analysis::gaps_first(&org, &opts);
    assert_eq!(analysis::complete(&org, quick, &opts, &|| true), None);
    let net = gapscope::model::Network::new(&org);
    let run = betweenness::compute_until(&net, BetweennessMode::Exact, &|| true);
    assert_eq!(run, None);
}

#[test]
fn auto_is_exact_while_the_work_is_small_and_sampled_when_dense() {
    // 10,000 units of mean degree 10 (about 93,000 arcs): exact, as before.
    assert_eq!(betweenness::auto_sources(10_000, 93_115), 10_000);
    // 1,000 units, sparse or dense up to a million arcs: exact.
    assert_eq!(betweenness::auto_sources(1_000, 999_000), 1_000);
    // A complete graph of 3,000 units (9 million arcs) is no longer exact: ~111 sources.
    let k = betweenness::auto_sources(3_000, 3_000 * 2_999);
    assert!(k < 3_000 && k * 3_000 * 2_999 <= AUTO_WORK, "{k} sources");
    // 100,000 sparse units: the usual 256-source sample.
    assert_eq!(betweenness::auto_sources(100_000, 931_954), AUTO_SOURCES);
    // Huge and dense: never fewer than the floor, never more than the units.
    assert_eq!(betweenness::auto_sources(1_000, usize::MAX / 2), 16);
    assert_eq!(betweenness::auto_sources(10, usize::MAX / 2), 10);
    assert_eq!(betweenness::auto_sources(10, 0), 10);
}

#[test]
fn auto_stays_exact_on_a_small_dense_org_and_says_so() {
    // 1,100 units with every pair tied (1.2 million arcs) would be sampled ...
    let n = 1_100;
    assert!(betweenness::auto_sources(n, n * (n - 1)) < n);
    // ... but a complete graph of 60 units is little work.
    let org = generate(&Params {
        units: 60,
        mean_degree: 59.0,
        ..Params::default()
    });
    let net = gapscope::model::Network::new(&org);
    let (_, done) = betweenness::compute(&net, BetweennessMode::Auto);
    assert_eq!(done, BetweennessDone::Exact);
}

//! `analyse`: runs every metric and gap finder over one document, in two stages: the gaps
//! and the quick metrics first ([`gaps_first`]), then the slow metrics ([`complete`]).

use super::community::{group_spread, louvain};
use super::constraint::constraint;
use super::gaps::{self, Inputs};
use super::graph::Adjacency;
use super::structure::{Dfs, components};
use super::{
    Analysis, BetweennessDone, Communities, NodeStats, Options, betweenness, groups, needs,
};
use crate::model::{Network, Org};

/// Analyses a document under the given options: [`gaps_first`] and [`complete`]'s
/// betweenness run at the same time (the quick stage is one thread's work, betweenness
/// takes every thread it finds idle), then communities and constraint.
pub fn analyse(org: &Org, opts: &Options) -> Analysis {
    let network = Network::new(org);
    let plan = betweenness::Plan::new(&network, opts.betweenness);
    let (mut analysis, between) = rayon::join(|| quick(org, network, opts), || plan.run(&|| false));
    if let Some(between) = between {
        finish(org, &mut analysis, between, &|| false);
    }
    analysis
}

/// The quick stage: every gap, the counts, degrees and strengths, components, bridges,
/// articulation points, groups, density and reciprocity. The slow metrics are left out
/// (`complete` is false): betweenness is `Skipped` (all 0), communities are empty and
/// constraint is `None`. Costs a few tens of milliseconds at 10,000 units.
pub fn gaps_first(org: &Org, opts: &Options) -> Analysis {
    quick(org, Network::new(org), opts)
}

/// [`gaps_first`] on the document's network.
fn quick(org: &Org, network: Network, opts: &Options) -> Analysis {
    let n = network.n;
    let mut by_id: Vec<usize> = (0..n).collect();
    by_id.sort_by(|&a, &b| org.units[a].id.cmp(&org.units[b].id));
    let mut rank = vec![0usize; n];
    for (r, &u) in by_id.iter().enumerate() {
        rank[u] = r;
    }
    let adj = Adjacency::undirected(&network);
    let components = components(&adj, &rank);
    let dfs = Dfs::new(&adj);

    let mut nodes = vec![NodeStats::default(); n];
    for (u, node) in nodes.iter_mut().enumerate() {
        node.degree = adj.degree(u);
        node.strength = adj.neighbours(u).map(|(_, p)| p).sum();
    }
    for (c, members) in components.iter().enumerate() {
        for &u in members {
            nodes[u].component = c;
        }
    }
    if network.directed {
        let (mut ins, mut outs) = (vec![0.0; n], vec![0.0; n]);
        for &(a, b, s) in &network.arcs {
            outs[a] += s;
            ins[b] += s;
        }
        for ((node, i), o) in nodes.iter_mut().zip(ins).zip(outs) {
            node.in_strength = Some(i);
            node.out_strength = Some(o);
        }
    }

    let mut bridges: Vec<(usize, usize)> = dfs
        .bridges()
        .into_iter()
        .map(|(a, b)| if rank[a] < rank[b] { (a, b) } else { (b, a) })
        .collect();
    bridges.sort_unstable_by_key(|&(a, b)| (rank[a], rank[b]));
    let mut articulation_points = dfs.articulation_points();
    articulation_points.sort_unstable_by_key(|&u| rank[u]);

    let groups = groups::group_stats(org, &network);

    let needs = needs::needs(org, opts.initiative.as_deref(), &rank);
    let inputs = Inputs {
        org,
        net: &network,
        adj: &adj,
        rank: &rank,
        needs: &needs,
    };
    let mut gaps = gaps::target_gaps(&inputs);
    gaps.extend(gaps::asymmetric_gaps(&inputs, opts.asymmetry));
    gaps.extend(gaps::isolated_gaps(&inputs));
    gaps.extend(gaps::silo_gaps(&inputs, &groups, opts.silo_threshold));
    gaps.extend(gaps::single_point_gaps(&inputs, &dfs));
    gaps::sort(&mut gaps, &rank);

    let pairs = network.pairs.len();
    let density = if n < 2 {
        0.0
    } else {
        pairs as f64 / (n as f64 * (n - 1) as f64 / 2.0)
    };
    let arcs = network.arcs.len();
    let reciprocity = (network.directed && arcs > 0)
        .then(|| 2.0 * arcs.saturating_sub(pairs) as f64 / arcs as f64);

    Analysis {
        network,
        initiative: opts.initiative.clone(),
        nodes,
        betweenness: BetweennessDone::Skipped,
        components,
        bridges,
        articulation_points,
        density,
        groups,
        gaps,
        by_id,
        reciprocity,
        communities: Communities::default(),
        group_communities: Vec::new(),
        complete: false,
    }
}

/// The slow stage on top of `quick` (the result of [`gaps_first`] for the same document
/// and options): betweenness, Louvain communities and constraint. Returns `None` soon
/// after `cancelled` returns true (it is asked between betweenness sources), so a result
/// nobody waits for any more stops costing CPU.
pub fn complete(
    org: &Org,
    mut quick: Analysis,
    opts: &Options,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Analysis> {
    fill(org, &mut quick, opts, cancelled).then_some(quick)
}

/// Adds the slow metrics to `quick` in place; false (and `quick` unchanged) when cancelled.
fn fill(
    org: &Org,
    quick: &mut Analysis,
    opts: &Options,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> bool {
    match betweenness::compute_until(&quick.network, opts.betweenness, cancelled) {
        Some(between) => finish(org, quick, between, cancelled),
        None => false,
    }
}

/// Adds `between` (the betweenness values and how they were computed), communities and
/// constraint to `quick` in place; false (and `quick` unchanged) when cancelled.
fn finish(
    org: &Org,
    quick: &mut Analysis,
    (values, done): (Vec<f64>, BetweennessDone),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> bool {
    let network = &quick.network;
    let mut rank = vec![0usize; network.n];
    for (r, &u) in quick.by_id.iter().enumerate() {
        rank[u] = r;
    }
    let adj = Adjacency::undirected(network);
    let communities = louvain(&adj, &rank);
    if cancelled() {
        return false;
    }
    let constraints = constraint(&adj);
    for (u, node) in quick.nodes.iter_mut().enumerate() {
        node.betweenness = values.get(u).copied().unwrap_or(0.0);
        node.constraint = constraints.get(u).copied().flatten();
        node.community = communities.of_unit.get(u).copied().unwrap_or(0);
    }
    let unit_groups: Vec<Option<&str>> = org.units.iter().map(|u| u.group.as_deref()).collect();
    quick.group_communities = group_spread(&unit_groups, &communities.of_unit);
    quick.communities = communities;
    quick.betweenness = done;
    quick.complete = true;
    true
}

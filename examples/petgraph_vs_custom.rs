//! Times petgraph's algorithms on the org's petgraph graph against gapscope's own kernels,
//! on one generated org (`--units`, default 100,000). See docs/benchmarks.md.
//!
//!     cargo run --release --example petgraph_vs_custom -- --units 100000

use std::time::Instant;

use clap::Parser;
use gapscope::analysis::graph::{self, Adjacency};
use gapscope::analysis::{betweenness, paths, structure};
use gapscope::generate::{Params, generate};
use gapscope::model::Network;

/// Times petgraph against the custom kernels.
#[derive(Parser)]
struct Args {
    /// Units of the generated org.
    #[arg(long, default_value_t = 100_000)]
    units: usize,
    /// Betweenness sources (sampled) for the Brandes comparison.
    #[arg(long, default_value_t = 16)]
    sources: usize,
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let args = Args::parse();
    let org = generate(&Params {
        units: args.units,
        ..Params::default()
    });
    let net = Network::new(&org);
    println!("{} units, {} edges", net.n, net.pairs.len());
    let t = Instant::now();
    let g = graph::ungraph(&net);
    let build_pg = ms(t);
    let t = Instant::now();
    let adj = Adjacency::undirected(&net);
    let build_adj = ms(t);
    println!("{:<28} {:>10} {:>10}", "", "petgraph", "custom");
    let row = |what: &str, pg: f64, own: f64| println!("{what:<28} {pg:>8.1} ms {own:>7.1} ms");
    row("build the graph", build_pg, build_adj);

    let t = Instant::now();
    let count = petgraph::algo::connected_components(&g);
    let pg = ms(t);
    let t = Instant::now();
    let rank: Vec<usize> = (0..net.n).collect();
    let comps = structure::components(&adj, &rank);
    let own = ms(t);
    assert_eq!(count, comps.len());
    row("connected components", pg, own);

    let t = Instant::now();
    let pg_bridges = petgraph::algo::bridges(&g).count();
    let pg_cuts = petgraph::algo::articulation_points::articulation_points(&g).len();
    let pg = ms(t);
    let t = Instant::now();
    let dfs = structure::Dfs::new(&adj);
    let own_bridges = dfs.bridges().len();
    let own_cuts = dfs.articulation_points().len();
    let own = ms(t);
    assert_eq!((pg_bridges, pg_cuts), (own_bridges, own_cuts));
    row("bridges + articulation pts", pg, own);

    let d = graph::digraph(&net);
    let t = Instant::now();
    let sccs = petgraph::algo::tarjan_scc(&d).len();
    let pg = ms(t);
    row("strongly connected (tarjan)", pg, f64::NAN);
    println!("  ({sccs} strongly connected components; gapscope has no kernel of its own)");

    // One shortest route between two far units: petgraph's Dijkstra (distances from the
    // source, stopping at the goal) against paths::shortest (which also rebuilds the route).
    let (a, b) = (comps[0][0], comps[0][comps[0].len() - 1]);
    let t = Instant::now();
    let goal = petgraph::graph::NodeIndex::new(b);
    let dist = petgraph::algo::dijkstra(&g, petgraph::graph::NodeIndex::new(a), Some(goal), |e| {
        1.0 / *e.weight()
    });
    let pg = ms(t);
    let t = Instant::now();
    let route = paths::shortest_in(&adj, a, b, 0.0);
    let own = ms(t);
    let (x, y) = (dist.get(&goal).copied(), route.map(|r| r.length));
    assert!(matches!((x, y), (Some(x), Some(y)) if (x - y).abs() < 1e-9 * x.max(1.0)));
    row("Dijkstra, one pair", pg, own);

    // Brandes: petgraph has unweighted betweenness only; time its weighted building block
    // (one Dijkstra per source) against the CSR kernel's whole weighted Brandes per source.
    let k = args.sources.min(net.n);
    let t = Instant::now();
    for s in 0..k {
        let _ = petgraph::algo::dijkstra(&g, petgraph::graph::NodeIndex::new(s), None, |e| {
            1.0 / *e.weight()
        });
    }
    let pg = ms(t) / k as f64;
    let t = Instant::now();
    let mode = gapscope::analysis::BetweennessMode::Sampled {
        sources: k,
        seed: 0,
    };
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .map(|pool| pool.install(|| betweenness::compute(&net, mode)));
    let own = ms(t) / k as f64;
    row("per source: Dijkstra / Brandes", pg, own);
}

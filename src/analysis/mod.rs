//! Everything computed from a document: metrics, gaps and paths. Pure: no terminal, no IO.
//!
//! Units are referred to by their index in `Org::units`; reports map indices to ids.

pub mod betweenness;

use crate::model::{Network, Org};

/// How betweenness is computed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BetweennessMode {
    /// Exact Brandes over all sources.
    Exact,
    /// Estimated from `sources` sources drawn with `seed`, scaled to the exact expectation.
    Sampled {
        /// Number of sources used.
        sources: usize,
        /// Seed of the source sample.
        seed: u64,
    },
    /// Exact up to [`AUTO_EXACT_LIMIT`] units, sampled above.
    Auto,
    /// Not computed: all values are 0 (used for a quick first analysis).
    Skip,
}

/// Largest org for which `BetweennessMode::Auto` computes exact betweenness.
pub const AUTO_EXACT_LIMIT: usize = 20_000;

/// Choices that change what the analysis reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Which initiative's targets apply: `None` = all targets (baseline and every initiative).
    pub initiative: Option<String>,
    /// Threshold of `|r(a->b) - r(b->a)|` for an `asymmetric` gap (normalized).
    pub asymmetry: f64,
    /// How betweenness is computed.
    pub betweenness: BetweennessMode,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            initiative: None,
            asymmetry: 0.25,
            betweenness: BetweennessMode::Auto,
        }
    }
}

/// The per-unit metrics.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NodeStats {
    /// Neighbours in the undirected view.
    pub degree: usize,
    /// Sum of pair strengths over neighbours (undirected view).
    pub strength: f64,
    /// Normalized betweenness as REPORT.md defines it.
    pub betweenness: f64,
    /// Index into `Analysis::components`.
    pub component: usize,
}

/// What was computed for betweenness.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BetweennessDone {
    /// Exact values.
    Exact,
    /// Estimated from this many sources.
    Sampled(usize),
    /// Not computed (all zero).
    Skipped,
}

/// The result of analysing one document under one set of options.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The derived network the analysis was computed from.
    pub network: Network,
    /// The initiative whose targets applied (`None`: all targets).
    pub initiative: Option<String>,
    /// Per unit, indexed like `Org::units`.
    pub nodes: Vec<NodeStats>,
    /// How betweenness was computed.
    pub betweenness: BetweennessDone,
}

/// Analyses a document.
pub fn analyse(org: &Org, opts: &Options) -> Analysis {
    let network = Network::new(org);
    let (values, done) = betweenness::compute(&network, opts.betweenness);
    let mut nodes = vec![NodeStats::default(); network.n];
    for (a, list) in network.undirected_adjacency().iter().enumerate() {
        nodes[a].degree = list.len();
        nodes[a].strength = list.iter().map(|&(_, p)| p).sum();
        nodes[a].betweenness = values[a];
    }
    Analysis {
        network,
        initiative: opts.initiative.clone(),
        nodes,
        betweenness: done,
    }
}

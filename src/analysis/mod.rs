//! Everything computed from a document: metrics, gaps and paths. Pure: no terminal, no IO.
//!
//! Units are referred to by their index in `Org::units`; reports map indices to ids.

pub mod betweenness;
pub mod community;
mod compute;
pub mod constraint;
pub mod gaps;
pub mod graph;
pub mod groups;
pub mod needs;
pub mod paths;
pub mod plan;
pub mod structure;

pub use community::{Communities, GroupSpread};
pub use compute::{analyse, complete, gaps_first};

use crate::model::Network;

impl Analysis {
    /// The undirected view of the analysed revision as a petgraph graph: node `i` is unit
    /// `i` of `Org::units`, edge weights are pair strengths `p(a,b)` (see [`graph::ungraph`]).
    ///
    /// ```
    /// use gapscope::analysis::{Options, analyse};
    /// use gapscope::model::seed;
    ///
    /// let org = seed::seed();
    /// let analysis = analyse(&org, &Options::default());
    /// let g = analysis.graph();
    /// // petgraph's own algorithms agree with the analysis.
    /// let cuts = petgraph::algo::articulation_points::articulation_points(&g);
    /// assert_eq!(cuts.len(), analysis.articulation_points.len());
    /// ```
    pub fn graph(&self) -> petgraph::graph::UnGraph<usize, f64> {
        graph::ungraph(&self.network)
    }

    /// The ratings as a directed petgraph graph: an edge `a -> b` weighted `s` for every
    /// tie with `s > 0` (both directions of an undirected file's ties; see
    /// [`graph::digraph`]). E.g. `petgraph::algo::tarjan_scc` on it finds who can reach whom.
    pub fn ratings_graph(&self) -> petgraph::graph::DiGraph<usize, f64> {
        graph::digraph(&self.network)
    }
}

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
    /// Exact while the work (units × arcs) is at most [`betweenness::AUTO_WORK`], else
    /// sampled from as many sources as that work allows (see [`betweenness::auto_sources`]).
    Auto,
    /// Not computed: all values are 0 (used for a quick first analysis).
    Skip,
}

/// Choices that change what the analysis reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Which initiative's targets apply: `None` = all targets (baseline and every initiative).
    pub initiative: Option<String>,
    /// Threshold of `|r(a->b) - r(b->a)|` for an `asymmetric` gap (normalized).
    pub asymmetry: f64,
    /// How betweenness is computed.
    pub betweenness: BetweennessMode,
    /// A group of two or more units whose E-I index is below this is a `silo` gap.
    pub silo_threshold: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            initiative: None,
            asymmetry: 0.25,
            betweenness: BetweennessMode::Auto,
            silo_threshold: -0.5,
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
    /// Directed files: sum of the unit's ratings of others (arcs with `s > 0`).
    pub out_strength: Option<f64>,
    /// Directed files: sum of the others' ratings of the unit.
    pub in_strength: Option<f64>,
    /// Burt's constraint on the undirected view (see `constraint`); `None` without neighbours.
    pub constraint: Option<f64>,
    /// Index into `Analysis::communities.members`.
    pub community: usize,
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

/// The kind of a gap. The first four are defined by REPORT.md; the rest are gapscope's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GapKind {
    /// A target applies, the pair collaborates, but less than the target.
    BelowTarget,
    /// A target applies and the pair does not collaborate at all.
    MissingTie,
    /// Directed files: the two sides rate each other very differently.
    Asymmetric,
    /// A unit with no edge at all.
    Isolated,
    /// A group that mostly talks to itself (E-I index below a threshold).
    Silo,
    /// A targeted pair whose only connection runs through one unit or one tie.
    SinglePoint,
}

impl GapKind {
    /// Every kind, in the order legends and help list them.
    pub const ALL: [GapKind; 6] = [
        GapKind::BelowTarget,
        GapKind::MissingTie,
        GapKind::Asymmetric,
        GapKind::Isolated,
        GapKind::Silo,
        GapKind::SinglePoint,
    ];

    /// The name used in reports (`below_target`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            GapKind::BelowTarget => "below_target",
            GapKind::MissingTie => "missing_tie",
            GapKind::Asymmetric => "asymmetric",
            GapKind::Isolated => "isolated",
            GapKind::Silo => "silo",
            GapKind::SinglePoint => "single_point",
        }
    }

    /// The kind under which gaps of two versions of a document are matched. A missing tie
    /// and a pair below target are the same shortfall against one target, so a new weak tie
    /// narrows that gap instead of closing one gap and opening another.
    pub fn matching(self) -> GapKind {
        match self {
            GapKind::MissingTie => GapKind::BelowTarget,
            other => other,
        }
    }
}

/// One gap: a pair or a unit (or a group, for `Silo`) that falls short.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// What kind of gap.
    pub kind: GapKind,
    /// The unit (the smaller id of a pair). For `Silo`, a unit of the group.
    pub from: usize,
    /// The other unit of a pair gap; `None` for unit and group gaps.
    pub to: Option<usize>,
    /// The group of a `Silo` gap.
    pub group: Option<String>,
    /// Normalized actual value (pair strength, or the smaller rating for `Asymmetric`).
    pub actual: Option<f64>,
    /// Normalized target value (target minimum, or the larger rating for `Asymmetric`).
    pub target: Option<f64>,
    /// In [0, 1], larger is worse.
    pub severity: f64,
    /// The initiative of the target behind the gap.
    pub initiative: Option<String>,
    /// One line a person can read, e.g. "CIO office rates Security 4/5; Security rates CIO office 1/5".
    pub explanation: String,
}

/// Counts of one formal group (REPORT.md `groups`).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupStats {
    /// The group name.
    pub group: String,
    /// Units in the group.
    pub units: usize,
    /// Undirected-view edges with both ends in the group.
    pub internal: usize,
    /// Undirected-view edges with exactly one end in the group.
    pub external: usize,
    /// `(external - internal) / (external + internal)`; `None` when both are 0.
    pub ei_index: Option<f64>,
    /// The same with pair strengths summed instead of edges counted.
    pub weighted_ei_index: Option<f64>,
}

/// A route between two units through the undirected view.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// The units from start to end.
    pub units: Vec<usize>,
    /// Pair strength of each hop (`units.len() - 1` values).
    pub strengths: Vec<f64>,
    /// Sum of `1/p` over the hops.
    pub length: f64,
    /// The smallest hop strength (1 for a route of one unit, which has no hop).
    pub weakest: f64,
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
    /// Connected components of the undirected view (unit indices sorted by id), largest first.
    pub components: Vec<Vec<usize>>,
    /// Bridges of the undirected view, as `(a, b)` pairs with `a` the smaller id, sorted by ids.
    pub bridges: Vec<(usize, usize)>,
    /// Articulation points of the undirected view, sorted by id.
    pub articulation_points: Vec<usize>,
    /// Undirected-view edges / (n(n-1)/2); 0 when n < 2.
    pub density: f64,
    /// Per formal group, sorted by group name.
    pub groups: Vec<GroupStats>,
    /// All gaps, sorted by severity (descending), then kind, then ids.
    pub gaps: Vec<Gap>,
    /// Unit indices in id order (plain string order), the order of reports.
    pub by_id: Vec<usize>,
    /// Directed files: the share of arcs whose reverse arc also exists; `None` otherwise
    /// or without arcs (networkx `overall_reciprocity`).
    pub reciprocity: Option<f64>,
    /// Louvain communities of the undirected view and their modularity.
    pub communities: Communities,
    /// How each formal group spreads over the communities, parallel to `groups`.
    pub group_communities: Vec<GroupSpread>,
    /// Whether the slow metrics (betweenness, communities, constraint) are in: false for
    /// the quick stage ([`gaps_first`]), whose gaps and counts are final all the same.
    pub complete: bool,
}

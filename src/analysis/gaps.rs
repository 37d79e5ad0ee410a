//! The gaps of a document: REPORT.md's four kinds and gapscope's `silo` and `single_point`.
//!
//! Each finder returns gaps with a one-line explanation in unit names and the file's scale;
//! [`sort`] puts them in report order.

use super::needs::{Need, ScaleFmt, number};
use super::paths;
use super::structure::{Dfs, Separator};
use super::{Gap, GapKind, GroupStats, graph::Adjacency};
use crate::model::{Network, Org};

/// Slack for comparing a rating difference with the asymmetry threshold, so that
/// differences that equal it mathematically count despite rounding (0.7 - 0.45 = 0.2499…).
const THRESHOLD_SLACK: f64 = 1e-12;

/// What the gap finders read.
pub struct Inputs<'a> {
    /// The document.
    pub org: &'a Org,
    /// Its derived network.
    pub net: &'a Network,
    /// The undirected view.
    pub adj: &'a Adjacency,
    /// Position of each unit in id order.
    pub rank: &'a [usize],
    /// Resolved needs under the chosen initiative.
    pub needs: &'a [Need],
}

impl Inputs<'_> {
    fn name(&self, u: usize) -> &str {
        self.org.units[u].label()
    }

    fn need_label(&self, need: &Need) -> String {
        let shown = ScaleFmt::new(self.org).show(need.min);
        match &need.initiative {
            None => format!("{shown} (baseline)"),
            Some(id) => {
                let label = self.org.initiative(id).map_or(id.as_str(), |i| i.label());
                format!("{shown} for {label}")
            }
        }
    }

    fn pair_gap(&self, kind: GapKind, need: &Need, actual: f64, severity: f64) -> Gap {
        Gap {
            kind,
            from: need.a,
            to: Some(need.b),
            group: None,
            actual: Some(actual),
            target: Some(need.min),
            severity: severity.clamp(0.0, 1.0),
            initiative: need.initiative.clone(),
            explanation: String::new(),
        }
    }
}

/// Most path work (missing ties × (ties + units) of the undirected view) spent on exact
/// widest routes for explanations; above it, routes come from the maximum spanning forest.
pub const EXACT_ROUTE_WORK: usize = 20_000_000;

/// Finds the route that a missing tie's explanation names.
struct Router {
    forest: paths::WidestForest,
    exact: bool,
}

impl Router {
    fn new(inp: &Inputs) -> Router {
        let missing = inp
            .needs
            .iter()
            .filter(|n| inp.net.pair(n.a, n.b) == 0.0)
            .count();
        Router {
            forest: paths::WidestForest::new(inp.adj),
            exact: missing.saturating_mul(inp.net.pairs.len() + inp.adj.len()) <= EXACT_ROUTE_WORK,
        }
    }

    /// The widest route; the shortest of those within the work budget, else the forest's.
    fn route(&self, adj: &Adjacency, a: usize, b: usize) -> Option<super::Path> {
        let wide = self.forest.route(a, b)?;
        if !self.exact {
            return Some(wide);
        }
        paths::shortest_in(adj, a, b, wide.weakest).or(Some(wide))
    }
}

/// Longest route spelled out in full; longer ones show their ends and the hop count.
const ROUTE_SHOWN: usize = 6;

/// `below_target` and `missing_tie` gaps of the needs. A missing tie's explanation names
/// the widest route between the pair (the maximum spanning forest's on very large orgs,
/// see [`EXACT_ROUTE_WORK`]); in a directed file a shortfall also gives both ratings.
pub fn target_gaps(inp: &Inputs) -> Vec<Gap> {
    let fmt = ScaleFmt::new(inp.org);
    let router = inp
        .needs
        .iter()
        .any(|n| inp.net.pair(n.a, n.b) == 0.0)
        .then(|| Router::new(inp));
    let mut out = Vec::new();
    for need in inp.needs {
        let p = inp.net.pair(need.a, need.b);
        let (a, b) = (inp.name(need.a), inp.name(need.b));
        let head = format!("{a}–{b} need {}", inp.need_label(need));
        if p == 0.0 {
            let found = router
                .as_ref()
                .and_then(|r| r.route(inp.adj, need.a, need.b));
            let route = match found {
                Some(path) => format!(
                    "the best route runs {}, weakest link {}",
                    inp.route_names(&path.units),
                    fmt.show(path.weakest)
                ),
                None => "no route connects them".to_string(),
            };
            let mut gap = inp.pair_gap(GapKind::MissingTie, need, 0.0, need.min);
            // "0" would read as a rating, which a 1-5 scale does not have.
            gap.explanation = format!("{head}; they have no direct tie; {route}");
            out.push(gap);
        } else if p < need.min {
            let mut gap = inp.pair_gap(GapKind::BelowTarget, need, p, need.min - p);
            gap.explanation = format!(
                "{head}; they have {}{}",
                fmt.show(p),
                inp.ratings_note(need.a, need.b)
            );
            out.push(gap);
        }
    }
    out
}

impl Inputs<'_> {
    /// "A → B → C", or "A → B → … → Y → Z (12 hops)" for long routes.
    fn route_names(&self, units: &[usize]) -> String {
        let names = |list: &[usize]| -> Vec<&str> { list.iter().map(|&u| self.name(u)).collect() };
        if units.len() <= ROUTE_SHOWN {
            return names(units).join(" → ");
        }
        format!(
            "{} → … → {} ({} hops)",
            names(&units[..2]).join(" → "),
            names(&units[units.len() - 2..]).join(" → "),
            units.len() - 1
        )
    }

    /// Directed files: " (A rates B x; B rates A y)", or who did not answer. Else empty.
    fn ratings_note(&self, a: usize, b: usize) -> String {
        if !self.net.directed {
            return String::new();
        }
        let fmt = ScaleFmt::new(self.org);
        let (na, nb) = (self.name(a), self.name(b));
        match (self.net.rating(a, b), self.net.rating(b, a)) {
            (Some(x), Some(y)) => format!(
                " ({na} rates {nb} {}; {nb} rates {na} {})",
                fmt.show(x),
                fmt.show(y)
            ),
            (Some(x), None) => format!(" ({na} rates {nb} {}; {nb} did not answer)", fmt.show(x)),
            (None, Some(y)) => format!(" ({nb} rates {na} {}; {na} did not answer)", fmt.show(y)),
            (None, None) => String::new(),
        }
    }
}

/// `asymmetric` gaps: directed files, both respondents, ratings differing by `threshold` or more.
pub fn asymmetric_gaps(inp: &Inputs, threshold: f64) -> Vec<Gap> {
    if !inp.net.directed {
        return Vec::new();
    }
    let fmt = ScaleFmt::new(inp.org);
    let mut out = Vec::new();
    for &(x, y, _) in &inp.net.pairs {
        let (a, b) = if inp.rank[x] < inp.rank[y] {
            (x, y)
        } else {
            (y, x)
        };
        let (Some(ab), Some(ba)) = (inp.net.rating(a, b), inp.net.rating(b, a)) else {
            continue;
        };
        let diff = (ab - ba).abs();
        if diff + THRESHOLD_SLACK < threshold {
            continue;
        }
        out.push(Gap {
            kind: GapKind::Asymmetric,
            from: a,
            to: Some(b),
            group: None,
            actual: Some(ab.min(ba)),
            target: Some(ab.max(ba)),
            severity: diff.clamp(0.0, 1.0),
            initiative: None,
            explanation: format!(
                "{} rates {} {}; {} rates {} {}",
                inp.name(a),
                inp.name(b),
                fmt.show(ab),
                inp.name(b),
                inp.name(a),
                fmt.show(ba)
            ),
        });
    }
    out
}

/// `isolated` gaps: units with no edge; severity 1 when a need names the unit, else 0.5.
pub fn isolated_gaps(inp: &Inputs) -> Vec<Gap> {
    let mut named = vec![0usize; inp.adj.len()];
    for need in inp.needs {
        named[need.a] += 1;
        named[need.b] += 1;
    }
    (0..inp.adj.len())
        .filter(|&u| inp.adj.degree(u) == 0)
        .map(|u| {
            let name = inp.name(u);
            let (severity, explanation) = match named[u] {
                0 => (0.5, format!("{name} has no tie to any unit")),
                1 => (
                    1.0,
                    format!("{name} has no tie to any unit, yet a target needs it"),
                ),
                k => (
                    1.0,
                    format!("{name} has no tie to any unit, yet {k} targets need it"),
                ),
            };
            Gap {
                kind: GapKind::Isolated,
                from: u,
                to: None,
                group: None,
                actual: None,
                target: None,
                severity,
                initiative: None,
                explanation,
            }
        })
        .collect()
}

/// `silo` gaps: groups of two or more units whose E-I index is below `threshold`.
/// severity = −E-I index, clamped to [0, 1]; actual = the E-I index, target = the threshold.
pub fn silo_gaps(inp: &Inputs, groups: &[GroupStats], threshold: f64) -> Vec<Gap> {
    let mut first: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (u, unit) in inp.org.units.iter().enumerate() {
        if let Some(g) = unit.group.as_deref() {
            let slot = first.entry(g).or_insert(u);
            if inp.rank[u] < inp.rank[*slot] {
                *slot = u;
            }
        }
    }
    groups
        .iter()
        .filter(|g| g.units >= 2)
        .filter_map(|g| {
            let ei = g.ei_index?;
            let from = *first.get(g.group.as_str())?;
            (ei < threshold).then(|| Gap {
                kind: GapKind::Silo,
                from,
                to: None,
                group: Some(g.group.clone()),
                actual: Some(ei),
                target: Some(threshold),
                severity: (-ei).clamp(0.0, 1.0),
                initiative: None,
                explanation: format!(
                    "group {}: {} ties inside, {} to other groups (E-I index {})",
                    g.group,
                    g.internal,
                    g.external,
                    number(ei)
                ),
            })
        })
        .collect()
}

/// `single_point` gaps: targeted pairs whose every route runs through one unit or one tie.
/// severity = half the need (the pair is connected today, but fragile).
pub fn single_point_gaps(inp: &Inputs, dfs: &Dfs) -> Vec<Gap> {
    let mut out = Vec::new();
    for need in inp.needs {
        let seps = dfs.separators(need.a, need.b);
        if seps.is_empty() {
            continue;
        }
        let named: Vec<String> = seps
            .iter()
            .take(3)
            .map(|s| match *s {
                Separator::Unit(u) => inp.name(u).to_string(),
                Separator::Tie(x, y) => format!("the tie {}–{}", inp.name(x), inp.name(y)),
            })
            .collect();
        let more = match seps.len().saturating_sub(3) {
            0 => String::new(),
            k => format!(" and {k} more"),
        };
        let p = inp.net.pair(need.a, need.b);
        let mut gap = inp.pair_gap(GapKind::SinglePoint, need, p, need.min / 2.0);
        gap.explanation = format!(
            "{}–{} need {}; every route between them depends on {}{more}",
            inp.name(need.a),
            inp.name(need.b),
            inp.need_label(need),
            named.join(", ")
        );
        out.push(gap);
    }
    out
}

/// Sorts gaps by severity (descending), then kind name, then `from` id, then `to` id.
pub fn sort(gaps: &mut [Gap], rank: &[usize]) {
    gaps.sort_by(|x, y| {
        y.severity
            .total_cmp(&x.severity)
            .then_with(|| x.kind.as_str().cmp(y.kind.as_str()))
            .then_with(|| rank[x.from].cmp(&rank[y.from]))
            .then_with(|| x.to.map(|t| rank[t]).cmp(&y.to.map(|t| rank[t])))
    });
}

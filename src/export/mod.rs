//! Writing an org and its gaps in other tools' formats: Graphviz DOT, Mermaid, GraphML,
//! CSV tables and node-link JSON. Pure functions from `(&Org, &Analysis)` to text;
//! output is deterministic (units and ties in file order, gaps in analysis order).

pub mod csv;
pub mod dot;
pub mod graphml;
pub mod mermaid;
pub mod nodelink;
pub mod table;

use std::collections::HashMap;

/// A unit id as a node id in DOT and GraphML: printable and injective (two ids never give
/// one node). A backslash is doubled; control and invisible formatting characters become
/// `\u{..}`, which a doubled backslash can never produce. Ordinary ids are unchanged.
pub fn node_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if c == '\\' {
            out.push_str("\\\\");
        } else if c.is_control() || crate::model::error::is_format_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

use crate::analysis::{Analysis, Gap, GapKind};

/// The gaps of an analysis indexed for drawing: by unordered pair and by unit.
#[derive(Debug, Default)]
pub struct Marks<'a> {
    /// Pair gaps keyed by `(smaller index, larger index)`, in analysis order.
    pub pairs: HashMap<(usize, usize), Vec<&'a Gap>>,
    /// Unit gaps (isolated and the like) by unit index.
    pub units: HashMap<usize, Vec<&'a Gap>>,
    /// Groups marked as silos.
    pub silos: Vec<&'a str>,
}

impl<'a> Marks<'a> {
    /// Indexes the gaps of an analysis.
    pub fn new(analysis: &'a Analysis) -> Marks<'a> {
        let mut marks = Marks::default();
        for gap in &analysis.gaps {
            if gap.kind == GapKind::Silo {
                if let Some(g) = gap.group.as_deref() {
                    marks.silos.push(g);
                }
                continue;
            }
            match gap.to {
                Some(to) => marks
                    .pairs
                    .entry((gap.from.min(to), gap.from.max(to)))
                    .or_default()
                    .push(gap),
                None => marks.units.entry(gap.from).or_default().push(gap),
            }
        }
        marks
    }

    /// The gaps of the pair `a`, `b` (either order).
    pub fn pair(&self, a: usize, b: usize) -> &[&'a Gap] {
        self.pairs
            .get(&(a.min(b), a.max(b)))
            .map_or(&[], Vec::as_slice)
    }

    /// The first gap of a kind on the pair.
    pub fn pair_kind(&self, a: usize, b: usize, kind: GapKind) -> Option<&'a Gap> {
        self.pair(a, b).iter().find(|g| g.kind == kind).copied()
    }

    /// The normalized target of the pair's below-target or missing-tie gap.
    pub fn target(&self, a: usize, b: usize) -> Option<f64> {
        self.pair(a, b)
            .iter()
            .find(|g| matches!(g.kind, GapKind::BelowTarget | GapKind::MissingTie))
            .and_then(|g| g.target)
    }

    /// The label of an edge of the pair: its value on the scale, and for a pair below its
    /// target the target (and, in a directed file, the pair strength it is compared with).
    pub fn edge_label(&self, org: &crate::model::Org, a: usize, b: usize, s: f64) -> String {
        let mut label = short_number(org.scale.denormalize(s));
        if let Some(g) = self.pair_kind(a, b, GapKind::BelowTarget) {
            let target = short_number(org.scale.denormalize(g.target.unwrap_or(0.0)));
            match g.actual {
                Some(p) if org.directed => {
                    let p = short_number(org.scale.denormalize(p));
                    label = format!("{label} (pair {p} < target {target})");
                }
                _ => label = format!("{label} (target {target})"),
            }
        }
        if self.pair_kind(a, b, GapKind::Asymmetric).is_some() {
            label.push_str(" one-sided");
        }
        label
    }

    /// The gaps of a unit.
    pub fn unit(&self, a: usize) -> &[&'a Gap] {
        self.units.get(&a).map_or(&[], Vec::as_slice)
    }

    /// Gap kinds of a pair as `kind;kind` (empty when none).
    pub fn pair_kinds(&self, a: usize, b: usize) -> String {
        kinds(self.pair(a, b))
    }

    /// Gap kinds of a unit as `kind;kind`.
    pub fn unit_kinds(&self, a: usize) -> String {
        kinds(self.unit(a))
    }

    /// Pair gaps whose pair has no tie at all in the file (drawn as extra edges).
    pub fn missing_without_tie(&self, analysis: &Analysis) -> Vec<&'a Gap> {
        let mut out: Vec<&Gap> = self
            .pairs
            .values()
            .flatten()
            .filter(|g| g.kind == GapKind::MissingTie)
            .filter(|g| {
                let b = g.to.unwrap_or(g.from);
                !analysis.network.has_tie(g.from, b) && !analysis.network.has_tie(b, g.from)
            })
            .copied()
            .collect();
        out.sort_by_key(|g| (g.from, g.to));
        out.dedup_by_key(|g| (g.from, g.to));
        out
    }
}

fn kinds(gaps: &[&Gap]) -> String {
    let mut k: Vec<&str> = gaps.iter().map(|g| g.kind.as_str()).collect();
    k.dedup();
    k.join(";")
}

/// A value for a label: whole numbers plainly, others with up to 3 decimals.
pub fn short_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return format!("{}", x as i64);
    }
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

impl<'a> Marks<'a> {
    /// All pair gaps of one kind, sorted by pair.
    pub fn pair_gaps_of(&self, kind: GapKind) -> Vec<&'a Gap> {
        let mut out: Vec<&Gap> = self
            .pairs
            .values()
            .flatten()
            .filter(|g| g.kind == kind)
            .copied()
            .collect();
        out.sort_by_key(|g| (g.from, g.to));
        out.dedup_by_key(|g| (g.from, g.to));
        out
    }
}

//! The JSON report: docs/report.md (REPORT.md version 1), plus gapscope's added fields.
//!
//! The report is serialized straight to the writer ([`write`]): at 100,000 units a
//! `serde_json::Value` of it took 500 MB, several times the org file. [`value`] gives the
//! same report as a `Value` (for tests and library users); both come from one `Serialize`
//! implementation, so they cannot drift.

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use super::Report;
use crate::analysis::{BetweennessDone, Gap, GroupSpread, GroupStats};

/// The report object as a `serde_json::Value`.
pub fn value(r: &Report) -> Value {
    // Serializing plain data into a `Value` cannot fail (string keys, no non-string maps).
    serde_json::to_value(Whole(r)).unwrap_or(Value::Null)
}

/// Writes the report as pretty-printed JSON and a final newline, without building it in
/// memory first.
pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut ser = serde_json::Serializer::pretty(&mut *out);
    Whole(r).serialize(&mut ser)?;
    writeln!(out)
}

/// The whole report, keys in REPORT.md's order.
struct Whole<'r, 'a>(&'r Report<'a>);

/// A list of units, written as their ids.
struct Ids<'r, 'a>(&'r Report<'a>, &'r [usize]);

/// A list of lists of units (components, communities), written as ids.
struct IdLists<'r, 'a>(&'r Report<'a>, &'r [Vec<usize>]);

/// The `nodes` array, in id order.
struct Nodes<'r, 'a>(&'r Report<'a>);

/// The `groups` array.
struct Groups<'r, 'a>(&'r Report<'a>);

/// The `communities` of one group: `{"community": c, "units": k}` per community.
struct Spread<'r>(&'r GroupSpread);

/// The gaps shown.
struct Gaps<'r, 'a>(&'r Report<'a>);

/// The `bridges` array: pairs of ids.
struct Bridges<'r, 'a>(&'r Report<'a>);

impl Serialize for Ids<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.1.iter().map(|&u| self.0.id(u)))
    }
}

impl Serialize for IdLists<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.1.iter().map(|list| Ids(self.0, list)))
    }
}

impl Serialize for Bridges<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        s.collect_seq(r.analysis.bridges.iter().map(|&(x, y)| [r.id(x), r.id(y)]))
    }
}

impl Serialize for Nodes<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        s.collect_seq(r.analysis.by_id.iter().map(|&u| Node(r, u)))
    }
}

/// One entry of `nodes`.
struct Node<'r, 'a>(&'r Report<'a>, usize);

impl Serialize for Node<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let unit = &self.0.org.units[self.1];
        let st = &self.0.analysis.nodes[self.1];
        let mut m = s.serialize_map(Some(11))?;
        m.serialize_entry("id", &unit.id)?;
        m.serialize_entry("group", &unit.group)?;
        m.serialize_entry("degree", &st.degree)?;
        m.serialize_entry("strength", &st.strength)?;
        m.serialize_entry("betweenness", &st.betweenness)?;
        m.serialize_entry("component", &st.component)?;
        m.serialize_entry("name", unit.label())?;
        m.serialize_entry("in_strength", &st.in_strength)?;
        m.serialize_entry("out_strength", &st.out_strength)?;
        m.serialize_entry("constraint", &st.constraint)?;
        m.serialize_entry("community", &st.community)?;
        m.end()
    }
}

impl Serialize for Groups<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = self.0.analysis;
        s.collect_seq(a.groups.iter().zip(&a.group_communities).map(Group))
    }
}

/// One entry of `groups`.
struct Group<'r>((&'r GroupStats, &'r GroupSpread));

impl Serialize for Group<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (g, spread) = self.0;
        let mut m = s.serialize_map(Some(7))?;
        m.serialize_entry("group", &g.group)?;
        m.serialize_entry("units", &g.units)?;
        m.serialize_entry("internal", &g.internal)?;
        m.serialize_entry("external", &g.external)?;
        m.serialize_entry("ei_index", &g.ei_index)?;
        m.serialize_entry("weighted_ei_index", &g.weighted_ei_index)?;
        m.serialize_entry("communities", &Spread(spread))?;
        m.end()
    }
}

impl Serialize for Spread<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.counts.iter().map(|&(c, k)| Count(c, k)))
    }
}

/// `{"community": c, "units": k}`.
struct Count(usize, usize);

impl Serialize for Count {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("community", &self.0)?;
        m.serialize_entry("units", &self.1)?;
        m.end()
    }
}

impl Serialize for Gaps<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.gaps.iter().map(|g| OneGap(self.0, g)))
    }
}

/// One entry of `gaps`.
struct OneGap<'r, 'a>(&'r Report<'a>, &'r Gap);

impl Serialize for OneGap<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (r, g) = (self.0, self.1);
        let mut m = s.serialize_map(Some(10))?;
        m.serialize_entry("kind", g.kind.as_str())?;
        m.serialize_entry("from", r.id(g.from))?;
        m.serialize_entry("to", &g.to.map(|t| r.id(t)))?;
        m.serialize_entry("actual", &g.actual)?;
        m.serialize_entry("target", &g.target)?;
        m.serialize_entry("severity", &g.severity)?;
        m.serialize_entry("initiative", &g.initiative)?;
        m.serialize_entry("group", &g.group)?;
        m.serialize_entry("explanation", &g.explanation)?;
        m.serialize_entry("actions", &r.actions_of(g))?;
        m.end()
    }
}

/// `{"min": .., "max": ..}` of the scale, or `gaps_filter`'s two settings.
struct Pair<'k, A, B>((&'k str, A), (&'k str, B));

impl<A: Serialize, B: Serialize> Serialize for Pair<'_, A, B> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry(self.0.0, &self.0.1)?;
        m.serialize_entry(self.1.0, &self.1.1)?;
        m.end()
    }
}

impl Serialize for Whole<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let a = r.analysis;
        let (mut open, _) = r.open_actions();
        let overdue: Vec<usize> = open.iter().copied().filter(|&i| r.overdue(i)).collect();
        open.sort_unstable();
        let (mode, sources) = match a.betweenness {
            BetweennessDone::Exact => ("exact", None),
            BetweennessDone::Sampled(k) => ("sampled", Some(k)),
            BetweennessDone::Skipped => ("skipped", None),
        };
        let mut m = s.serialize_map(Some(26))?;
        m.serialize_entry("report", &1)?;
        m.serialize_entry("title", &r.org.title)?;
        m.serialize_entry("units", &r.org.units.len())?;
        m.serialize_entry("ties", &r.org.ties.len())?;
        m.serialize_entry("edges", &a.network.pairs.len())?;
        m.serialize_entry("directed", &a.network.directed)?;
        m.serialize_entry("initiative", &a.initiative)?;
        m.serialize_entry("density", &a.density)?;
        m.serialize_entry("nodes", &Nodes(r))?;
        m.serialize_entry("components", &IdLists(r, &a.components))?;
        m.serialize_entry("bridges", &Bridges(r))?;
        m.serialize_entry("articulation_points", &Ids(r, &a.articulation_points))?;
        m.serialize_entry("groups", &Groups(r))?;
        m.serialize_entry("gaps", &Gaps(r))?;
        m.serialize_entry("gaps_total", &a.gaps.len())?;
        m.serialize_entry(
            "gaps_filter",
            &Pair(
                ("top", r.settings.top),
                ("min_severity", r.settings.min_severity),
            ),
        )?;
        m.serialize_entry(
            "scale",
            &Pair(("min", r.org.scale.min), ("max", r.org.scale.max)),
        )?;
        m.serialize_entry("betweenness_mode", mode)?;
        m.serialize_entry("betweenness_sources", &sources)?;
        m.serialize_entry("reciprocity", &a.reciprocity)?;
        m.serialize_entry("modularity", &a.communities.modularity)?;
        m.serialize_entry("communities", &IdLists(r, &a.communities.members))?;
        m.serialize_entry("plan", &r.settings.plan)?;
        m.serialize_entry("today", &r.settings.today.map(|d| d.to_string()))?;
        m.serialize_entry("open_actions", &open)?;
        m.serialize_entry("overdue_actions", &overdue)?;
        m.end()
    }
}

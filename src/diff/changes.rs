//! Computing a [`Diff`] from two snapshots.

use std::collections::BTreeMap;

use crate::analysis::{Gap, GapKind};
use crate::model::{Network, Org};

use super::{Diff, EPSILON, GapChange, GroupDelta, Snapshot, TargetChange, TieChange, UnitDelta};

type PairKey = (String, String);

fn ordered(a: &str, b: &str) -> PairKey {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// Ties keyed by pair: `(strength on the scale, normalized)`. With `as_pairs`, a directed
/// file is reduced to its pair strengths so that it compares with an undirected one.
fn ties(snap: Snapshot, as_pairs: bool) -> BTreeMap<PairKey, (f64, f64)> {
    let org = snap.org;
    let mut map = BTreeMap::new();
    if as_pairs && org.directed {
        let net: &Network = &snap.analysis.network;
        for &(a, b, p) in &net.pairs {
            let key = ordered(&org.units[a].id, &org.units[b].id);
            map.insert(key, (org.scale.denormalize(p), p));
        }
        return map;
    }
    // An unknown rating (`strength: null`) has no value to compare: it reads as no tie.
    for t in &org.ties {
        let Some(v) = t.strength else { continue };
        let key = if org.directed {
            (t.from.clone(), t.to.clone())
        } else {
            ordered(&t.from, &t.to)
        };
        map.insert(key, (v, org.normalize(v)));
    }
    map
}

type TargetKey = (String, String, Option<String>);

fn targets(snap: Snapshot) -> BTreeMap<TargetKey, (f64, f64)> {
    let org = snap.org;
    org.targets
        .iter()
        .map(|t| {
            let (a, b) = ordered(&t.from, &t.to);
            ((a, b, t.initiative.clone()), (t.min, org.normalize(t.min)))
        })
        .collect()
}

/// What identifies a gap across two revisions of a document: its kind (a missing tie and a
/// pair below target count as one), its units by id (a pair in id order; none for a silo,
/// which is its group's), its group and its initiative.
pub(crate) type GapKey = (
    GapKind,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The key of a gap of `org`'s analysis; `None` when it names a unit `org` lacks.
pub(crate) fn gap_key(org: &Org, g: &Gap) -> Option<GapKey> {
    let units = &org.units;
    let from = units.get(g.from).map(|u| u.id.as_str())?;
    let to = g.to.and_then(|t| units.get(t)).map(|u| u.id.as_str());
    let (from, to) = match (g.kind, to) {
        (GapKind::Silo, _) => (String::new(), None),
        (_, Some(to)) => {
            let (a, b) = ordered(from, to);
            (a, Some(b))
        }
        (_, None) => (from.to_string(), None),
    };
    // A missing tie that becomes a weak tie is the same gap, narrowed.
    Some((
        g.kind.matching(),
        from,
        to,
        g.group.clone(),
        g.initiative.clone(),
    ))
}

/// The gaps of an analysis by key. When two gaps share a key, the first (the more severe:
/// analyses list gaps worst first) stands for both.
pub(crate) fn gaps_by_key<'a>(org: &Org, gaps: &'a [Gap]) -> BTreeMap<GapKey, &'a Gap> {
    let mut map = BTreeMap::new();
    for g in gaps {
        if let Some(key) = gap_key(org, g) {
            map.entry(key).or_insert(g);
        }
    }
    map
}

fn gaps(snap: Snapshot) -> BTreeMap<GapKey, (f64, String, GapKind)> {
    gaps_by_key(snap.org, &snap.analysis.gaps)
        .into_iter()
        .map(|(k, g)| (k, (g.severity, g.explanation.clone(), g.kind)))
        .collect()
}

/// Compares two snapshots. `old` and `new` should be analysed under the same options.
pub fn diff(old: Snapshot, new: Snapshot) -> Diff {
    let mut d = Diff::default();
    if old.org.scale != new.org.scale {
        d.scale = Some((old.org.scale, new.org.scale));
    }
    if old.org.directed != new.org.directed {
        d.directed = Some((old.org.directed, new.org.directed));
    }
    let old_ids: BTreeMap<&str, usize> = old.org.unit_index().into_iter().collect();
    let new_ids: BTreeMap<&str, usize> = new.org.unit_index().into_iter().collect();
    d.units_added = new_ids
        .keys()
        .filter(|id| !old_ids.contains_key(*id))
        .map(|s| s.to_string())
        .collect();
    d.units_removed = old_ids
        .keys()
        .filter(|id| !new_ids.contains_key(*id))
        .map(|s| s.to_string())
        .collect();

    let as_pairs = d.directed.is_some();
    let (ot, nt) = (ties(old, as_pairs), ties(new, as_pairs));
    let change = |k: &PairKey, o: Option<&(f64, f64)>, n: Option<&(f64, f64)>| TieChange {
        from: k.0.clone(),
        to: k.1.clone(),
        old: o.map(|v| v.0),
        new: n.map(|v| v.0),
        old_s: o.map(|v| v.1),
        new_s: n.map(|v| v.1),
    };
    for (k, o) in &ot {
        match nt.get(k) {
            None => d.ties_removed.push(change(k, Some(o), None)),
            Some(n) if (n.1 - o.1).abs() > EPSILON => {
                d.ties_reweighted.push(change(k, Some(o), Some(n)));
            }
            Some(_) => {}
        }
    }
    for (k, n) in &nt {
        if !ot.contains_key(k) {
            d.ties_added.push(change(k, None, Some(n)));
        }
    }
    d.ties_reweighted.sort_by(|a, b| {
        let da = (a.new_s.unwrap_or(0.0) - a.old_s.unwrap_or(0.0)).abs();
        let db = (b.new_s.unwrap_or(0.0) - b.old_s.unwrap_or(0.0)).abs();
        db.total_cmp(&da)
            .then_with(|| (&a.from, &a.to).cmp(&(&b.from, &b.to)))
    });

    let (og, ng) = (targets(old), targets(new));
    let tchange = |k: &TargetKey, o: Option<(f64, f64)>, n: Option<(f64, f64)>| TargetChange {
        from: k.0.clone(),
        to: k.1.clone(),
        initiative: k.2.clone(),
        old: o.map(|v| v.0),
        new: n.map(|v| v.0),
        old_s: o.map(|v| v.1),
        new_s: n.map(|v| v.1),
    };
    for (k, &o) in &og {
        match ng.get(k) {
            None => d.targets_removed.push(tchange(k, Some(o), None)),
            Some(&n) if (n.1 - o.1).abs() > EPSILON => {
                d.targets_changed.push(tchange(k, Some(o), Some(n)))
            }
            Some(_) => {}
        }
    }
    for (k, &n) in &ng {
        if !og.contains_key(k) {
            d.targets_added.push(tchange(k, None, Some(n)));
        }
    }

    compare_gaps(&mut d, old, new);
    d.movers = movers(old, new, &old_ids, &new_ids);
    d.groups = groups(old, new);
    (
        d.actions_added,
        d.actions_done,
        d.actions_changed,
        d.actions_removed,
    ) = super::actions::compare(old.org, new.org);
    d
}

fn compare_gaps(d: &mut Diff, old: Snapshot, new: Snapshot) {
    let (og, ng) = (gaps(old), gaps(new));
    let change = |k: &GapKey, kind: GapKind, o: Option<f64>, n: Option<f64>, why: &str| GapChange {
        kind,
        from: k.1.clone(),
        to: k.2.clone(),
        group: k.3.clone(),
        initiative: k.4.clone(),
        old: o,
        new: n,
        explanation: why.to_string(),
    };
    for (k, (o, why, okind)) in &og {
        match ng.get(k) {
            None => d.gaps_closed.push(change(k, *okind, Some(*o), None, why)),
            Some((n, nwhy, nkind)) if *n > o + EPSILON => {
                d.gaps_widened
                    .push(change(k, *nkind, Some(*o), Some(*n), nwhy));
            }
            Some((n, nwhy, nkind)) if *n < o - EPSILON => {
                d.gaps_narrowed
                    .push(change(k, *nkind, Some(*o), Some(*n), nwhy));
            }
            Some(_) => {}
        }
    }
    for (k, (n, why, nkind)) in &ng {
        if !og.contains_key(k) {
            d.gaps_opened.push(change(k, *nkind, None, Some(*n), why));
        }
    }
    let by_size = |a: &GapChange, b: &GapChange| {
        b.delta()
            .abs()
            .total_cmp(&a.delta().abs())
            .then_with(|| (a.kind, &a.from, &a.to).cmp(&(b.kind, &b.from, &b.to)))
    };
    for list in [
        &mut d.gaps_opened,
        &mut d.gaps_closed,
        &mut d.gaps_widened,
        &mut d.gaps_narrowed,
    ] {
        list.sort_by(by_size);
    }
}

fn movers(
    old: Snapshot,
    new: Snapshot,
    old_ids: &BTreeMap<&str, usize>,
    new_ids: &BTreeMap<&str, usize>,
) -> Vec<UnitDelta> {
    let all = old.analysis.nodes.iter().chain(&new.analysis.nodes);
    let (mut max_b, mut max_s) = (0.0f64, 0.0f64);
    for n in all {
        max_b = max_b.max(n.betweenness);
        max_s = max_s.max(n.strength);
    }
    let (max_b, max_s) = (max_b.max(EPSILON), max_s.max(EPSILON));
    let mut out: Vec<(f64, UnitDelta)> = Vec::new();
    for (id, &i) in old_ids {
        let Some(&j) = new_ids.get(id) else { continue };
        let (Some(o), Some(n)) = (old.analysis.nodes.get(i), new.analysis.nodes.get(j)) else {
            continue;
        };
        let db = (n.betweenness - o.betweenness).abs();
        let ds = (n.strength - o.strength).abs();
        if db <= EPSILON && ds <= EPSILON {
            continue;
        }
        let score = (db / max_b).max(ds / max_s);
        out.push((
            score,
            UnitDelta {
                id: id.to_string(),
                betweenness: (o.betweenness, n.betweenness),
                strength: (o.strength, n.strength),
            },
        ));
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    out.into_iter().map(|(_, u)| u).collect()
}

fn groups(old: Snapshot, new: Snapshot) -> Vec<GroupDelta> {
    let o: BTreeMap<&str, Option<f64>> = old
        .analysis
        .groups
        .iter()
        .map(|g| (g.group.as_str(), g.ei_index))
        .collect();
    let n: BTreeMap<&str, Option<f64>> = new
        .analysis
        .groups
        .iter()
        .map(|g| (g.group.as_str(), g.ei_index))
        .collect();
    let mut names: Vec<&str> = o.keys().chain(n.keys()).copied().collect();
    names.sort_unstable();
    names.dedup();
    names
        .into_iter()
        .filter_map(|g| {
            let (a, b) = (o.get(g).copied(), n.get(g).copied());
            let same = match (a, b) {
                (Some(Some(x)), Some(Some(y))) => (x - y).abs() <= EPSILON,
                (x, y) => x == y,
            };
            (!same).then(|| GroupDelta {
                group: g.to_string(),
                old: a,
                new: b,
            })
        })
        .collect()
}

//! The plan (docs/format.md, "The plan"): the org as it would be if every open action with
//! an `expect` reached it, and which actions belong to a gap. Pure functions.

use std::collections::{BTreeMap, HashSet};

use super::Gap;
use crate::model::{Action, ActionStatus, Date, Org, Tie};

/// The actions the plan counts: open, with an `expect`.
pub fn counts(action: &Action) -> bool {
    action.status() == ActionStatus::Open && action.expect.is_some()
}

/// The highest `expect` of the counted actions per unordered pair (ids sorted), on the scale.
fn raises(org: &Org) -> BTreeMap<(&str, &str), f64> {
    let mut out: BTreeMap<(&str, &str), f64> = BTreeMap::new();
    for a in org.actions.iter().filter(|a| counts(a)) {
        let Some(x) = a.expect else { continue };
        let key = if a.from <= a.to {
            (a.from.as_str(), a.to.as_str())
        } else {
            (a.to.as_str(), a.from.as_str())
        };
        let slot = out.entry(key).or_insert(x);
        *slot = slot.max(x);
    }
    out
}

/// The org with the plan applied: for each pair with a counted action, the pair strength
/// (undirected) or both ratings (directed) become at least the highest `expect`.
///
/// A known rating below it is raised to it. An unknown rating (`strength: null`, or a
/// non-respondent's) becomes the pair's other planned rating, or the `expect` when both are
/// unknown: at least the `expect`, and the pair strength never falls (setting it to the
/// `expect` alone would lower the mean when the other side rates the pair higher).
/// Only those ratings change. A unit that rated nobody gets its planned rating and
/// `strength: null` for every other unit it has no tie to, so that its other ratings stay
/// unknown instead of turning into 0s.
pub fn planned(org: &Org) -> Org {
    let mut out = org.clone();
    let raises = raises(org);
    if raises.is_empty() {
        return out;
    }
    let respondents: HashSet<&str> = org
        .ties
        .iter()
        .filter(|t| t.strength.is_some())
        .map(|t| t.from.as_str())
        .collect();
    let same = |t: &Tie, from: &str, to: &str| {
        (t.from == from && t.to == to) || (!org.directed && t.from == to && t.to == from)
    };
    // A rating on the scale as the file gives it: `None` where unknown.
    let current = |from: &str, to: &str| match org.ties.iter().find(|t| same(t, from, to)) {
        Some(t) => t.strength,
        None if !org.directed || respondents.contains(from) => Some(org.scale.min),
        None => None,
    };
    let mut silent: Vec<&str> = Vec::new();
    for (&(a, b), &x) in &raises {
        let directions: &[(&str, &str)] = if org.directed {
            &[(a, b), (b, a)]
        } else {
            &[(a, b)]
        };
        let raised: Vec<Option<f64>> = directions
            .iter()
            .map(|&(f, t)| current(f, t).map(|v| v.max(x)))
            .collect();
        let known = raised.iter().flatten().copied().reduce(f64::max);
        for (&(from, to), value) in directions.iter().zip(&raised) {
            let value = value.or(known).unwrap_or(x);
            // A known rating makes its rater a respondent: keep a silent rater's other
            // ratings unknown (below), whether its tie is new or was a null.
            if org.directed && !respondents.contains(from) {
                silent.push(from);
            }
            match out.ties.iter_mut().find(|t| same(t, from, to)) {
                Some(t) => t.strength = Some(value),
                None => {
                    out.ties.push(Tie {
                        from: from.to_string(),
                        to: to.to_string(),
                        strength: Some(value),
                        note: Some("planned".into()),
                        ..Tie::default()
                    });
                }
            }
        }
    }
    silent.sort_unstable();
    silent.dedup();
    for from in silent {
        let rated: HashSet<String> = out
            .ties
            .iter()
            .filter(|t| t.from == from)
            .map(|t| t.to.clone())
            .collect();
        for u in &org.units {
            if u.id != from && !rated.contains(&u.id) {
                out.ties.push(Tie {
                    from: from.to_string(),
                    to: u.id.clone(),
                    strength: None,
                    ..Tie::default()
                });
            }
        }
    }
    out
}

/// REPORT.md's `actions` of a gap: indices into `org.actions` of the actions on the gap's
/// unordered pair whose initiative is none or the gap's, in file order; none for unit and
/// group gaps. Every status counts.
pub fn gap_actions(org: &Org, gap: &Gap) -> Vec<usize> {
    let Some(to) = gap.to else {
        return Vec::new();
    };
    let (Some(a), Some(b)) = (org.units.get(gap.from), org.units.get(to)) else {
        return Vec::new();
    };
    org.actions
        .iter()
        .enumerate()
        .filter(|(_, x)| x.is_on(&a.id, &b.id))
        .filter(|(_, x)| x.initiative.is_none() || x.initiative == gap.initiative)
        .map(|(i, _)| i)
        .collect()
}

/// Indices of the open actions, overdue ones (due before `today`) first, each group in
/// file order.
pub fn open_actions(org: &Org, today: Date) -> Vec<usize> {
    let open = |i: &usize| org.actions[*i].status() == ActionStatus::Open;
    let (mut late, rest): (Vec<usize>, Vec<usize>) = (0..org.actions.len())
        .filter(open)
        .partition(|&i| org.actions[i].overdue(today));
    late.extend(rest);
    late
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::from_str;

    fn org(text: &str) -> Org {
        match from_str("t.json", text) {
            Ok(o) => o,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn a_silent_unit_keeps_its_other_ratings_unknown() {
        let o = org(
            r#"{"directed": true, "units": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
                "ties": [{"from": "a", "to": "c", "strength": 0.5}],
                "actions": [{"from": "b", "to": "a", "what": "x", "expect": 0.8},
                            {"from": "a", "to": "b", "what": "y", "expect": 0.6},
                            {"from": "a", "to": "b", "what": "z", "expect": 1, "status": "done"}]}"#,
        );
        let p = planned(&o);
        let net = crate::model::Network::new(&p);
        assert_eq!(net.rating(0, 1), Some(0.8), "the highest open expect");
        assert_eq!(net.rating(1, 0), Some(0.8));
        assert_eq!(net.rating(1, 2), None, "b's view of c is still unknown");
        assert_eq!(net.rating(0, 2), Some(0.5));
    }
}

//! Edits of units: adding, renaming, regrouping, removing with their ties, targets and
//! actions.

use std::collections::HashSet;

use super::describe;
use super::{Applied, Edit, EditError, check};
use crate::model::types::{Action, Org, Target, Tie, Unit};

/// Inserts a new unit.
pub(super) fn add(org: &mut Org, unit: Unit, at: Option<usize>) -> Result<Applied, EditError> {
    check::new_unit(org, &unit)?;
    let at = at.unwrap_or(org.units.len());
    check::position("units", at, org.units.len())?;
    let description = format!("add unit {}", crate::text::clean(unit.label()));
    let inverse = Edit::RemoveUnit {
        id: unit.id.clone(),
    };
    org.units.insert(at, unit);
    Ok(Applied::new(inverse, description))
}

fn index(org: &Org, id: &str) -> Result<usize, EditError> {
    check::unit_known(org, id)?;
    org.units
        .iter()
        .position(|u| u.id == id)
        .ok_or_else(|| EditError::Invalid(format!("unknown unit {}", crate::model::quote(id))))
}

/// Sets or clears a unit's display name.
pub(super) fn rename(
    org: &mut Org,
    id: String,
    name: Option<String>,
) -> Result<Applied, EditError> {
    let i = index(org, &id)?;
    let before = describe::unit(org, &id);
    let old = std::mem::replace(&mut org.units[i].name, name);
    let description = format!("rename {before} → {}", describe::unit(org, &id));
    Ok(Applied {
        changed: old != org.units[i].name,
        inverse: Edit::RenameUnit { id, name: old },
        description,
    })
}

/// Moves a unit to another group or out of any group.
pub(super) fn regroup(
    org: &mut Org,
    id: String,
    group: Option<String>,
) -> Result<Applied, EditError> {
    let i = index(org, &id)?;
    let shown = |g: &Option<String>| {
        g.as_deref()
            .map_or_else(|| "no group".to_string(), crate::text::clean)
    };
    let description = format!(
        "group of {}: {} → {}",
        describe::unit(org, &id),
        shown(&org.units[i].group),
        shown(&group)
    );
    let old = std::mem::replace(&mut org.units[i].group, group);
    Ok(Applied {
        changed: old != org.units[i].group,
        inverse: Edit::RegroupUnit { id, group: old },
        description,
    })
}

/// Removes a unit and every tie and target naming it, remembering their positions.
pub(super) fn remove(org: &mut Org, id: &str) -> Result<Applied, EditError> {
    let at = index(org, id)?;
    let ties = take_where(&mut org.ties, |t| t.from == id || t.to == id);
    let targets = take_where(&mut org.targets, |t| t.from == id || t.to == id);
    let actions = take_where(&mut org.actions, |a| a.from == id || a.to == id);
    let description = format!(
        "remove unit {} ({}, {}{})",
        describe::unit(org, id),
        describe::count(ties.len(), "tie"),
        describe::count(targets.len(), "target"),
        actions_note(actions.len())
    );
    let unit = org.units.remove(at);
    let inverse = Edit::RestoreUnit {
        unit,
        at,
        ties,
        targets,
        actions,
    };
    Ok(Applied::new(inverse, description))
}

/// ", 2 actions" when a unit's removal takes actions with it; empty otherwise.
fn actions_note(n: usize) -> String {
    if n == 0 {
        String::new()
    } else {
        format!(", {}", describe::count(n, "action"))
    }
}

/// Removes the items matching `pred`, returning them with their original positions, ascending.
fn take_where<T>(list: &mut Vec<T>, pred: impl Fn(&T) -> bool) -> Vec<(usize, T)> {
    let old = std::mem::take(list);
    let mut taken = Vec::new();
    for (i, item) in old.into_iter().enumerate() {
        if pred(&item) {
            taken.push((i, item));
        } else {
            list.push(item);
        }
    }
    taken
}

/// Checks that positions are ascending and that each fits when inserted in that order.
fn positions<T>(list: &'static str, items: &[(usize, T)], len: usize) -> Result<(), EditError> {
    for (k, (at, _)) in items.iter().enumerate() {
        check::position(list, *at, len + k)?;
        if k > 0 && items[k - 1].0 >= *at {
            return Err(EditError::Invalid(format!(
                "positions of restored {list} must be ascending"
            )));
        }
    }
    Ok(())
}

/// Puts a removed unit back with its ties and targets at their old positions.
pub(super) fn restore(
    org: &mut Org,
    unit: Unit,
    at: usize,
    ties: Vec<(usize, Tie)>,
    targets: Vec<(usize, Target)>,
    actions: Vec<(usize, Action)>,
) -> Result<Applied, EditError> {
    check::new_unit(org, &unit)?;
    check::position("units", at, org.units.len())?;
    positions("ties", &ties, org.ties.len())?;
    positions("targets", &targets, org.targets.len())?;
    positions("actions", &actions, org.actions.len())?;
    let id = unit.id.clone();
    let names_unit = |from: &str, to: &str| from == id || to == id;
    if let Some((_, t)) = ties.iter().find(|(_, t)| !names_unit(&t.from, &t.to)) {
        return Err(EditError::Invalid(format!(
            "a restored tie {} - {} does not name the unit {}",
            crate::model::quote(&t.from),
            crate::model::quote(&t.to),
            crate::model::quote(&id)
        )));
    }
    if let Some((_, t)) = targets.iter().find(|(_, t)| !names_unit(&t.from, &t.to)) {
        return Err(EditError::Invalid(format!(
            "a restored target {} - {} does not name the unit {}",
            crate::model::quote(&t.from),
            crate::model::quote(&t.to),
            crate::model::quote(&id)
        )));
    }
    if let Some((_, a)) = actions.iter().find(|(_, a)| !names_unit(&a.from, &a.to)) {
        return Err(EditError::Invalid(format!(
            "a restored action {} - {} does not name the unit {}",
            crate::model::quote(&a.from),
            crate::model::quote(&a.to),
            crate::model::quote(&id)
        )));
    }
    org.units.insert(at, unit);
    let checked = check_restored(org, &id, &ties, &targets)
        .and_then(|()| actions.iter().try_for_each(|(_, a)| check::action(org, a)));
    if let Err(e) = checked {
        org.units.remove(at);
        return Err(e);
    }
    let unit = &org.units[at];
    let description = format!(
        "restore unit {} ({}, {}{})",
        crate::text::clean(unit.label()),
        describe::count(ties.len(), "tie"),
        describe::count(targets.len(), "target"),
        actions_note(actions.len())
    );
    merge_in(&mut org.ties, ties);
    merge_in(&mut org.targets, targets);
    merge_in(&mut org.actions, actions);
    Ok(Applied::new(Edit::RemoveUnit { id }, description))
}

/// Checks restored ties and targets against a document that has the unit `id` back: each
/// on its own, and none for a pair that already has one. Only ties and targets naming the
/// unit can clash (a valid document has none), so only those are looked at: one pass.
fn check_restored(
    org: &Org,
    id: &str,
    ties: &[(usize, Tie)],
    targets: &[(usize, Target)],
) -> Result<(), EditError> {
    let names = |from: &str, to: &str| from == id || to == id;
    let mut seen: HashSet<(&str, &str)> = org
        .ties
        .iter()
        .filter(|t| names(&t.from, &t.to))
        .map(|t| tie_key(org, t))
        .collect();
    for (_, tie) in ties {
        check::pair(org, "tie", &tie.from, &tie.to)?;
        if let Some(v) = tie.strength {
            check::on_scale(org, v)?;
        }
        check::extra(&tie.extra)?;
        if !seen.insert(tie_key(org, tie)) {
            return Err(EditError::TieExists {
                from: tie.from.clone(),
                to: tie.to.clone(),
            });
        }
    }
    let key = |t: &Target| {
        let (a, b) = ordered(&t.from, &t.to);
        (a.to_string(), b.to_string(), t.initiative.clone())
    };
    let mut seen: HashSet<_> = org
        .targets
        .iter()
        .filter(|t| names(&t.from, &t.to))
        .map(key)
        .collect();
    for (_, target) in targets {
        check::pair(org, "target", &target.from, &target.to)?;
        check::on_scale(org, target.min)?;
        check::initiative_known(org, target.initiative.as_deref())?;
        check::extra(&target.extra)?;
        if !seen.insert(key(target)) {
            return Err(EditError::TargetExists {
                from: target.from.clone(),
                to: target.to.clone(),
                initiative: target.initiative.clone(),
            });
        }
    }
    Ok(())
}

/// The key of a tie's pair: ordered in a directed file, sorted otherwise.
fn tie_key<'a>(org: &Org, tie: &'a Tie) -> (&'a str, &'a str) {
    if org.directed {
        (tie.from.as_str(), tie.to.as_str())
    } else {
        ordered(&tie.from, &tie.to)
    }
}

/// Inserts items at their final positions (ascending) in one pass over the list.
fn merge_in<T>(list: &mut Vec<T>, items: Vec<(usize, T)>) {
    if items.is_empty() {
        return;
    }
    let old = std::mem::take(list);
    let mut out = Vec::with_capacity(old.len() + items.len());
    let mut rest = old.into_iter();
    for (at, item) in items {
        while out.len() < at {
            match rest.next() {
                Some(x) => out.push(x),
                None => break,
            }
        }
        out.push(item);
    }
    out.extend(rest);
    *list = out;
}

fn ordered<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    if a <= b { (a, b) } else { (b, a) }
}

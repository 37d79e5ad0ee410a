//! Edits of units: adding, renaming, regrouping, removing with their ties and targets.

use std::collections::HashSet;

use super::describe;
use super::{Applied, Edit, EditError, check};
use crate::model::types::{Org, Target, Tie, Unit};

/// Inserts a new unit.
pub fn add(org: &mut Org, unit: Unit, at: Option<usize>) -> Result<Applied, EditError> {
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
pub fn rename(org: &mut Org, id: String, name: Option<String>) -> Result<Applied, EditError> {
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
pub fn regroup(org: &mut Org, id: String, group: Option<String>) -> Result<Applied, EditError> {
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
pub fn remove(org: &mut Org, id: &str) -> Result<Applied, EditError> {
    let at = index(org, id)?;
    let ties = take_where(&mut org.ties, |t| t.from == id || t.to == id);
    let targets = take_where(&mut org.targets, |t| t.from == id || t.to == id);
    let description = format!(
        "remove unit {} ({}, {})",
        describe::unit(org, id),
        describe::count(ties.len(), "tie"),
        describe::count(targets.len(), "target")
    );
    let unit = org.units.remove(at);
    let inverse = Edit::RestoreUnit {
        unit,
        at,
        ties,
        targets,
    };
    Ok(Applied::new(inverse, description))
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
pub fn restore(
    org: &mut Org,
    unit: Unit,
    at: usize,
    ties: Vec<(usize, Tie)>,
    targets: Vec<(usize, Target)>,
) -> Result<Applied, EditError> {
    check::new_unit(org, &unit)?;
    check::position("units", at, org.units.len())?;
    positions("ties", &ties, org.ties.len())?;
    positions("targets", &targets, org.targets.len())?;
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
    org.units.insert(at, unit);
    if let Err(e) = check_restored(org, &ties, &targets) {
        org.units.remove(at);
        return Err(e);
    }
    let unit = &org.units[at];
    let description = format!(
        "restore unit {} ({}, {})",
        crate::text::clean(unit.label()),
        describe::count(ties.len(), "tie"),
        describe::count(targets.len(), "target")
    );
    for (i, tie) in ties {
        org.ties.insert(i, tie);
    }
    for (i, target) in targets {
        org.targets.insert(i, target);
    }
    Ok(Applied::new(Edit::RemoveUnit { id }, description))
}

/// Checks restored ties and targets against a document that has the unit back: each on its
/// own, and no two of them for the same pair (the document's own ties cannot name the unit).
fn check_restored(
    org: &Org,
    ties: &[(usize, Tie)],
    targets: &[(usize, Target)],
) -> Result<(), EditError> {
    let mut seen = HashSet::new();
    for (_, tie) in ties {
        check::new_tie(org, tie)?;
        let key = if org.directed {
            (tie.from.as_str(), tie.to.as_str())
        } else {
            ordered(&tie.from, &tie.to)
        };
        if !seen.insert(key) {
            return Err(EditError::TieExists {
                from: tie.from.clone(),
                to: tie.to.clone(),
            });
        }
    }
    let mut seen = HashSet::new();
    for (_, target) in targets {
        check::new_target(org, target)?;
        let (a, b) = ordered(&target.from, &target.to);
        if !seen.insert((a, b, target.initiative.as_deref())) {
            return Err(EditError::TargetExists {
                from: target.from.clone(),
                to: target.to.clone(),
                initiative: target.initiative.clone(),
            });
        }
    }
    Ok(())
}

fn ordered<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    if a <= b { (a, b) } else { (b, a) }
}

//! Checks an edit must pass before it touches the document: the rules of the file format.

use super::EditError;
use crate::model::suggest::did_you_mean;
use crate::model::types::{Action, AttrValue, Extra, Org, Review, Target, Tie, Unit};

/// Fails unless a unit with this id exists.
pub(super) fn unit_known(org: &Org, id: &str) -> Result<(), EditError> {
    if org.units.iter().any(|u| u.id == id) {
        return Ok(());
    }
    Err(EditError::UnknownUnit {
        id: id.to_string(),
        suggestion: did_you_mean(id, org.units.iter().map(|u| u.id.as_str())).map(String::from),
    })
}

/// Fails unless both ends exist and differ.
pub(super) fn pair(org: &Org, what: &'static str, from: &str, to: &str) -> Result<(), EditError> {
    unit_known(org, from)?;
    unit_known(org, to)?;
    if from == to {
        return Err(EditError::SelfPair {
            what,
            id: from.to_string(),
        });
    }
    Ok(())
}

/// Fails unless the value is finite and on the scale, bounds included.
pub(super) fn on_scale(org: &Org, value: f64) -> Result<(), EditError> {
    if org.scale.contains(value) {
        return Ok(());
    }
    Err(EditError::OffScale {
        value,
        min: org.scale.min,
        max: org.scale.max,
    })
}

/// Fails unless the initiative (when given) exists.
pub(super) fn initiative_known(org: &Org, initiative: Option<&str>) -> Result<(), EditError> {
    match initiative {
        Some(id) if org.initiative(id).is_none() => Err(EditError::UnknownInitiative {
            id: id.to_string(),
            suggestion: did_you_mean(id, org.initiatives.iter().map(|i| i.id.as_str()))
                .map(String::from),
        }),
        _ => Ok(()),
    }
}

/// Fails unless every extension key starts with `x-` (other keys would make the file invalid).
pub(super) fn extra(extra: &Extra) -> Result<(), EditError> {
    match extra.keys().find(|k| !k.starts_with("x-")) {
        Some(k) => Err(EditError::Invalid(format!(
            "extension key {} must start with \"x-\"",
            crate::model::quote(k)
        ))),
        None => Ok(()),
    }
}

/// Fails when a position is past the end of a list of `len` items.
pub(super) fn position(list: &'static str, at: usize, len: usize) -> Result<(), EditError> {
    if at > len {
        return Err(EditError::BadPosition { list, at, len });
    }
    Ok(())
}

/// Index of the tie for a pair: the ordered pair in a directed file, either order otherwise.
pub(super) fn find_tie(org: &Org, from: &str, to: &str) -> Option<usize> {
    org.ties.iter().position(|t| {
        (t.from == from && t.to == to) || (!org.directed && t.from == to && t.to == from)
    })
}

/// Index of the target for an unordered pair and initiative.
pub(super) fn find_target(
    org: &Org,
    from: &str,
    to: &str,
    initiative: Option<&str>,
) -> Option<usize> {
    org.targets.iter().position(|t| {
        t.initiative.as_deref() == initiative
            && ((t.from == from && t.to == to) || (t.from == to && t.to == from))
    })
}

/// Checks a whole tie as it would be added to the document.
pub(super) fn new_tie(org: &Org, tie: &Tie) -> Result<(), EditError> {
    pair(org, "tie", &tie.from, &tie.to)?;
    if let Some(v) = tie.strength {
        on_scale(org, v)?;
    }
    extra(&tie.extra)?;
    if find_tie(org, &tie.from, &tie.to).is_some() {
        return Err(EditError::TieExists {
            from: tie.from.clone(),
            to: tie.to.clone(),
        });
    }
    Ok(())
}

/// Checks a whole target as it would be added to the document.
pub(super) fn new_target(org: &Org, target: &Target) -> Result<(), EditError> {
    pair(org, "target", &target.from, &target.to)?;
    on_scale(org, target.min)?;
    initiative_known(org, target.initiative.as_deref())?;
    extra(&target.extra)?;
    let initiative = target.initiative.as_deref();
    if find_target(org, &target.from, &target.to, initiative).is_some() {
        return Err(EditError::TargetExists {
            from: target.from.clone(),
            to: target.to.clone(),
            initiative: target.initiative.clone(),
        });
    }
    Ok(())
}

/// Checks a whole action as it would be in the document: a pair of known units, `what`
/// not empty, a known initiative, `expect` on the scale, `x-` extension keys.
pub(super) fn action(org: &Org, action: &Action) -> Result<(), EditError> {
    pair(org, "action", &action.from, &action.to)?;
    if action.what.is_empty() {
        return Err(EditError::Invalid(
            "an action must say what is to be done (\"what\" is empty)".into(),
        ));
    }
    initiative_known(org, action.initiative.as_deref())?;
    if let Some(x) = action.expect {
        on_scale(org, x)?;
    }
    extra(&action.extra)
}

/// Checks a whole review as it would be in the document.
pub(super) fn review(org: &Org, review: &Review) -> Result<(), EditError> {
    initiative_known(org, review.initiative.as_deref())?;
    extra(&review.extra)
}

/// Checks a whole unit as it would be added to the document.
pub(super) fn new_unit(org: &Org, unit: &Unit) -> Result<(), EditError> {
    if unit.id.is_empty() {
        return Err(EditError::EmptyId);
    }
    if org.units.iter().any(|u| u.id == unit.id) {
        return Err(EditError::DuplicateUnit(unit.id.clone()));
    }
    for (i, (key, value)) in unit.attrs.iter().enumerate() {
        if unit.attrs[..i].iter().any(|(k, _)| k == key) {
            return Err(EditError::Invalid(format!(
                "attribute {} appears twice",
                crate::model::quote(key)
            )));
        }
        if let AttrValue::Number(x) = value
            && !x.is_finite()
        {
            return Err(EditError::Invalid(format!(
                "attribute {} is not a finite number",
                crate::model::quote(key)
            )));
        }
    }
    extra(&unit.extra)
}

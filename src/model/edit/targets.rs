//! Edits of targets: setting, changing and clearing a minimum, adding, and their `why`.

use super::describe;
use super::{Applied, Edit, EditError, check};
use crate::model::types::{Org, Target};

fn no_target(from: &str, to: &str, initiative: Option<&str>) -> EditError {
    EditError::NoTarget {
        from: from.to_string(),
        to: to.to_string(),
        initiative: initiative.map(String::from),
    }
}

/// Sets a target's minimum, creating the target at the end when the pair has none there.
pub(super) fn set(
    org: &mut Org,
    from: String,
    to: String,
    initiative: Option<String>,
    min: f64,
) -> Result<Applied, EditError> {
    check::pair(org, "target", &from, &to)?;
    check::on_scale(org, min)?;
    check::initiative_known(org, initiative.as_deref())?;
    let what = describe::target(org, &from, &to, initiative.as_deref());
    match check::find_target(org, &from, &to, initiative.as_deref()) {
        Some(i) => {
            let old = org.targets[i].min;
            org.targets[i].min = min;
            Ok(Applied {
                description: format!(
                    "target {what} {} → {}",
                    describe::value(old),
                    describe::value(min)
                ),
                changed: old.to_bits() != min.to_bits(),
                inverse: Edit::SetTarget {
                    from,
                    to,
                    initiative,
                    min: old,
                },
            })
        }
        None => {
            org.targets.push(Target {
                from: from.clone(),
                to: to.clone(),
                min,
                initiative: initiative.clone(),
                ..Target::default()
            });
            let description = format!("target {what} none → {}", describe::value(min));
            let inverse = Edit::RemoveTarget {
                from,
                to,
                initiative,
            };
            Ok(Applied::new(inverse, description))
        }
    }
}

/// Inserts a whole target.
pub(super) fn add(org: &mut Org, target: Target, at: Option<usize>) -> Result<Applied, EditError> {
    check::new_target(org, &target)?;
    let at = at.unwrap_or(org.targets.len());
    check::position("targets", at, org.targets.len())?;
    let description = format!(
        "add target {} {}",
        describe::target(org, &target.from, &target.to, target.initiative.as_deref()),
        describe::value(target.min)
    );
    let inverse = Edit::RemoveTarget {
        from: target.from.clone(),
        to: target.to.clone(),
        initiative: target.initiative.clone(),
    };
    org.targets.insert(at, target);
    Ok(Applied::new(inverse, description))
}

/// Clears the target of a pair in the baseline or an initiative.
pub(super) fn remove(
    org: &mut Org,
    from: &str,
    to: &str,
    initiative: Option<&str>,
) -> Result<Applied, EditError> {
    check::pair(org, "target", from, to)?;
    check::initiative_known(org, initiative)?;
    let Some(i) = check::find_target(org, from, to, initiative) else {
        return Err(no_target(from, to, initiative));
    };
    let target = org.targets.remove(i);
    let description = format!(
        "clear target {} (was {})",
        describe::target(org, &target.from, &target.to, initiative),
        describe::value(target.min)
    );
    Ok(Applied::new(
        Edit::AddTarget {
            target,
            at: Some(i),
        },
        description,
    ))
}

/// Sets or clears the `why` of an existing target.
pub(super) fn why(
    org: &mut Org,
    from: String,
    to: String,
    initiative: Option<String>,
    why: Option<String>,
) -> Result<Applied, EditError> {
    check::pair(org, "target", &from, &to)?;
    check::initiative_known(org, initiative.as_deref())?;
    let Some(i) = check::find_target(org, &from, &to, initiative.as_deref()) else {
        return Err(no_target(&from, &to, initiative.as_deref()));
    };
    let what = describe::target(org, &from, &to, initiative.as_deref());
    let description = match &why {
        Some(text) => format!("why of target {what}: {}", describe::text(text)),
        None => format!("why of target {what} cleared"),
    };
    let old = std::mem::replace(&mut org.targets[i].why, why);
    Ok(Applied {
        changed: old != org.targets[i].why,
        inverse: Edit::SetTargetWhy {
            from,
            to,
            initiative,
            why: old,
        },
        description,
    })
}

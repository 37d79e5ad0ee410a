//! Edits of the review record: actions on pairs (add, change, set status, remove) and
//! reviews (add, remove). Actions and reviews are named by their position in the file.

use super::describe;
use super::{Applied, Edit, EditError, check};
use crate::model::types::{Action, ActionStatus, Org, Review};

/// "CIO office–Security: \"weekly stand-up\"", for the status line.
fn label(org: &Org, a: &Action) -> String {
    format!(
        "{}–{}: {}",
        describe::unit(org, &a.from),
        describe::unit(org, &a.to),
        describe::text(&a.what)
    )
}

fn existing(org: &Org, list: &'static str, at: usize) -> Result<(), EditError> {
    let len = match list {
        "actions" => org.actions.len(),
        _ => org.reviews.len(),
    };
    if at < len {
        Ok(())
    } else {
        Err(EditError::BadPosition { list, at, len })
    }
}

/// Inserts an action.
pub(super) fn add(org: &mut Org, action: Action, at: Option<usize>) -> Result<Applied, EditError> {
    check::action(org, &action)?;
    let at = at.unwrap_or(org.actions.len());
    check::position("actions", at, org.actions.len())?;
    let description = format!("add action {}", label(org, &action));
    org.actions.insert(at, action);
    Ok(Applied::new(Edit::RemoveAction { at }, description))
}

/// Replaces an action with another.
pub(super) fn update(org: &mut Org, at: usize, action: Action) -> Result<Applied, EditError> {
    existing(org, "actions", at)?;
    check::action(org, &action)?;
    let description = format!("change action {}", label(org, &action));
    let old = std::mem::replace(&mut org.actions[at], action);
    Ok(Applied {
        changed: old != org.actions[at],
        inverse: Edit::UpdateAction { at, action: old },
        description,
    })
}

/// Sets the status of an action.
pub(super) fn status(
    org: &mut Org,
    at: usize,
    status: Option<ActionStatus>,
) -> Result<Applied, EditError> {
    existing(org, "actions", at)?;
    let a = &org.actions[at];
    let description = format!(
        "action {} {} → {}",
        label(org, a),
        a.status().as_str(),
        status.unwrap_or_default().as_str()
    );
    let old = std::mem::replace(&mut org.actions[at].status, status);
    Ok(Applied {
        changed: old != status,
        inverse: Edit::SetActionStatus { at, status: old },
        description,
    })
}

/// Removes an action.
pub(super) fn remove(org: &mut Org, at: usize) -> Result<Applied, EditError> {
    existing(org, "actions", at)?;
    let action = org.actions.remove(at);
    let description = format!("remove action {}", label(org, &action));
    Ok(Applied::new(
        Edit::AddAction {
            action,
            at: Some(at),
        },
        description,
    ))
}

/// Inserts a review.
pub(super) fn add_review(
    org: &mut Org,
    review: Review,
    at: Option<usize>,
) -> Result<Applied, EditError> {
    check::review(org, &review)?;
    let at = at.unwrap_or(org.reviews.len());
    check::position("reviews", at, org.reviews.len())?;
    let description = format!("add review of {}", review.date);
    org.reviews.insert(at, review);
    Ok(Applied::new(Edit::RemoveReview { at }, description))
}

/// Removes a review.
pub(super) fn remove_review(org: &mut Org, at: usize) -> Result<Applied, EditError> {
    existing(org, "reviews", at)?;
    let review = org.reviews.remove(at);
    let description = format!("remove review of {}", review.date);
    Ok(Applied::new(
        Edit::AddReview {
            review,
            at: Some(at),
        },
        description,
    ))
}

//! Edits of a document: each checked as the file format demands, each returning its inverse.
//!
//! An [`Edit`] applied to a valid [`Org`] either leaves a valid document and returns an
//! [`Applied`] (its inverse edit and a description for the status line), or returns an
//! [`EditError`] and changes nothing. Applying the inverse restores the document exactly,
//! order of units, ties and targets included, which is what [`super::history::History`]
//! builds undo and redo on. docs/editing.md describes every edit.

mod actions;
mod check;
mod describe;
mod error;
mod targets;
mod ties;
mod units;

pub use error::EditError;

use super::types::{Action, ActionStatus, Org, Review, Target, Tie, Unit};

/// One change to a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Sets the strength of the tie `from`–`to` (in a directed file, `from`'s rating of `to`;
    /// in an undirected file whichever order the file has). Creates the tie at the end of
    /// the list when there is none. Setting `scale.min` keeps the tie as a recorded "no
    /// collaboration"; [`Edit::RemoveTie`] drops it.
    SetTie {
        /// Rating unit (directed) or one end.
        from: String,
        /// Rated unit (directed) or the other end.
        to: String,
        /// New strength on the file's scale; `None` records an unknown rating.
        strength: Option<f64>,
    },
    /// Inserts a whole tie at a position of `ties` (`None`: at the end).
    AddTie {
        /// The tie, note and `x-` keys included.
        tie: Tie,
        /// Its position.
        at: Option<usize>,
    },
    /// Removes the tie of a pair (ordered in a directed file).
    RemoveTie {
        /// Rating unit (directed) or one end.
        from: String,
        /// Rated unit (directed) or the other end.
        to: String,
    },
    /// Sets or clears (`None`) the note of an existing tie.
    SetTieNote {
        /// Rating unit (directed) or one end.
        from: String,
        /// Rated unit (directed) or the other end.
        to: String,
        /// The new note.
        note: Option<String>,
    },
    /// Sets the minimum of the target of an unordered pair in the baseline (`initiative:
    /// None`) or in an initiative, creating the target at the end of the list when missing.
    SetTarget {
        /// One end.
        from: String,
        /// The other end.
        to: String,
        /// The initiative, `None` for the baseline.
        initiative: Option<String>,
        /// New minimum on the file's scale.
        min: f64,
    },
    /// Inserts a whole target at a position of `targets` (`None`: at the end).
    AddTarget {
        /// The target, `why` and `x-` keys included.
        target: Target,
        /// Its position.
        at: Option<usize>,
    },
    /// Clears (removes) the target of a pair in the baseline or an initiative.
    RemoveTarget {
        /// One end.
        from: String,
        /// The other end.
        to: String,
        /// The initiative, `None` for the baseline.
        initiative: Option<String>,
    },
    /// Sets or clears (`None`) the `why` of an existing target.
    SetTargetWhy {
        /// One end.
        from: String,
        /// The other end.
        to: String,
        /// The initiative, `None` for the baseline.
        initiative: Option<String>,
        /// The new reason.
        why: Option<String>,
    },
    /// Inserts a new unit (no ties yet) at a position of `units` (`None`: at the end).
    AddUnit {
        /// The unit.
        unit: Unit,
        /// Its position.
        at: Option<usize>,
    },
    /// Sets or clears (`None`: the id is shown) a unit's display name.
    RenameUnit {
        /// The unit.
        id: String,
        /// The new name.
        name: Option<String>,
    },
    /// Moves a unit to another group, or out of any group (`None`).
    RegroupUnit {
        /// The unit.
        id: String,
        /// The new group.
        group: Option<String>,
    },
    /// Removes a unit together with every tie and target that names it.
    RemoveUnit {
        /// The unit.
        id: String,
    },
    /// Puts back a removed unit with its ties and targets, each at its old position
    /// (the inverse of [`Edit::RemoveUnit`]). Positions are ascending; every tie and target
    /// names the unit.
    RestoreUnit {
        /// The unit.
        unit: Unit,
        /// Its position in `units`.
        at: usize,
        /// Its ties with their positions in `ties`, ascending.
        ties: Vec<(usize, Tie)>,
        /// Its targets with their positions in `targets`, ascending.
        targets: Vec<(usize, Target)>,
        /// Its actions with their positions in `actions`, ascending.
        actions: Vec<(usize, Action)>,
    },
    /// Inserts an action at a position of `actions` (`None`: at the end).
    AddAction {
        /// The action, `x-` keys included.
        action: Action,
        /// Its position.
        at: Option<usize>,
    },
    /// Replaces the action at a position with another (what, owner, due, expect, ...).
    UpdateAction {
        /// Its position in `actions`.
        at: usize,
        /// The new action.
        action: Action,
    },
    /// Sets the status of the action at a position (`None`: absent in the file, i.e. open).
    SetActionStatus {
        /// Its position in `actions`.
        at: usize,
        /// The new status.
        status: Option<ActionStatus>,
    },
    /// Removes the action at a position.
    RemoveAction {
        /// Its position in `actions`.
        at: usize,
    },
    /// Inserts a review (a meeting) at a position of `reviews` (`None`: at the end).
    AddReview {
        /// The review.
        review: Review,
        /// Its position.
        at: Option<usize>,
    },
    /// Removes the review at a position.
    RemoveReview {
        /// Its position in `reviews`.
        at: usize,
    },
    /// Several edits applied in order as one step: all of them or none.
    Batch {
        /// Description for the status line; `None` joins the parts' descriptions.
        label: Option<String>,
        /// The edits.
        edits: Vec<Edit>,
    },
}

/// The result of an edit that was applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// The edit that undoes this one.
    pub inverse: Edit,
    /// What happened, for the status line (names cleaned for the terminal).
    pub description: String,
    /// Whether the document changed (setting a value to what it was changes nothing).
    pub changed: bool,
}

impl Applied {
    fn new(inverse: Edit, description: String) -> Applied {
        Applied {
            inverse,
            description,
            changed: true,
        }
    }
}

impl Edit {
    /// Applies the edit to a valid document: on success the document is still valid and the
    /// result holds the inverse; on error the document is unchanged.
    pub fn apply(self, org: &mut Org) -> Result<Applied, EditError> {
        match self {
            Edit::SetTie { from, to, strength } => ties::set(org, from, to, strength),
            Edit::AddTie { tie, at } => ties::add(org, tie, at),
            Edit::RemoveTie { from, to } => ties::remove(org, &from, &to),
            Edit::SetTieNote { from, to, note } => ties::note(org, from, to, note),
            Edit::SetTarget {
                from,
                to,
                initiative,
                min,
            } => targets::set(org, from, to, initiative, min),
            Edit::AddTarget { target, at } => targets::add(org, target, at),
            Edit::RemoveTarget {
                from,
                to,
                initiative,
            } => targets::remove(org, &from, &to, initiative.as_deref()),
            Edit::SetTargetWhy {
                from,
                to,
                initiative,
                why,
            } => targets::why(org, from, to, initiative, why),
            Edit::AddUnit { unit, at } => units::add(org, unit, at),
            Edit::RenameUnit { id, name } => units::rename(org, id, name),
            Edit::RegroupUnit { id, group } => units::regroup(org, id, group),
            Edit::RemoveUnit { id } => units::remove(org, &id),
            Edit::RestoreUnit {
                unit,
                at,
                ties,
                targets,
                actions,
            } => units::restore(org, unit, at, ties, targets, actions),
            Edit::AddAction { action, at } => actions::add(org, action, at),
            Edit::UpdateAction { at, action } => actions::update(org, at, action),
            Edit::SetActionStatus { at, status } => actions::status(org, at, status),
            Edit::RemoveAction { at } => actions::remove(org, at),
            Edit::AddReview { review, at } => actions::add_review(org, review, at),
            Edit::RemoveReview { at } => actions::remove_review(org, at),
            Edit::Batch { label, edits } => batch(org, label, edits),
        }
    }
}

/// Applies edits in order; when one fails, undoes the ones before it and returns its error.
fn batch(org: &mut Org, label: Option<String>, edits: Vec<Edit>) -> Result<Applied, EditError> {
    let mut inverses: Vec<Edit> = Vec::with_capacity(edits.len());
    let mut parts = Vec::with_capacity(edits.len());
    let mut changed = false;
    for edit in edits {
        match edit.apply(org) {
            Ok(applied) => {
                inverses.push(applied.inverse);
                changed |= applied.changed;
                parts.push(applied.description);
            }
            Err(e) => {
                // Each inverse applies to exactly the document its edit produced.
                for inverse in inverses.into_iter().rev() {
                    inverse.apply(org)?;
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(Applied {
        inverse: Edit::Batch {
            label: None,
            edits: inverses,
        },
        description: label.unwrap_or_else(|| parts.join("; ")),
        changed,
    })
}

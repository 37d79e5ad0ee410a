//! Undo and redo across a session, a revision id for caches, and the saved/dirty state.
//!
//! Every document state gets a revision id. A new edit makes a fresh id; undo and redo go
//! back to the ids the states had before, so the id names the document exactly (an
//! analysis cached under it stays right after undo). A save marks the current id; the
//! document is dirty whenever the current id differs from the saved one.

use super::edit::{Edit, EditError};
use super::types::Org;

/// One step that can be undone or redone.
#[derive(Debug, Clone)]
struct Step {
    /// The edit that takes the document across this step (the inverse on the undo stack).
    edit: Edit,
    /// Revision before the step was taken the first time.
    before: u64,
    /// Revision after.
    after: u64,
}

/// The undo and redo stacks of a session.
#[derive(Debug, Clone)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    revision: u64,
    next: u64,
    saved: Option<u64>,
}

impl Default for History {
    fn default() -> Self {
        History::new()
    }
}

impl History {
    /// An empty history of a document that is as loaded (clean, revision 0).
    pub fn new() -> History {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            next: 1,
            saved: Some(0),
        }
    }

    /// An empty history of a document that has never been saved (a built-in example, or
    /// a document read from standard input): dirty until it is saved.
    pub fn unsaved() -> History {
        History {
            saved: None,
            ..History::new()
        }
    }

    /// Applies an edit and records its inverse; clears the redo stack. Returns the edit's
    /// description. An edit that changes nothing is not recorded.
    pub fn apply(&mut self, org: &mut Org, edit: Edit) -> Result<String, EditError> {
        let applied = edit.apply(org)?;
        if applied.changed {
            let after = self.next;
            self.next += 1;
            self.undo.push(Step {
                edit: applied.inverse,
                before: self.revision,
                after,
            });
            self.redo.clear();
            self.revision = after;
        }
        Ok(applied.description)
    }

    /// Undoes the last step: `Ok(None)` when there is nothing to undo, else
    /// `"undo: <what the undo did>"`. On error nothing changes.
    pub fn undo(&mut self, org: &mut Org) -> Result<Option<String>, EditError> {
        let Some(step) = self.undo.pop() else {
            return Ok(None);
        };
        match step.edit.clone().apply(org) {
            Ok(applied) => {
                self.revision = step.before;
                self.redo.push(Step {
                    edit: applied.inverse,
                    ..step
                });
                Ok(Some(format!("undo: {}", applied.description)))
            }
            Err(e) => {
                self.undo.push(step);
                Err(e)
            }
        }
    }

    /// Redoes the last undone step: `Ok(None)` when there is nothing to redo, else
    /// `"redo: <what it did>"`. On error nothing changes.
    pub fn redo(&mut self, org: &mut Org) -> Result<Option<String>, EditError> {
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        match step.edit.clone().apply(org) {
            Ok(applied) => {
                self.revision = step.after;
                self.undo.push(Step {
                    edit: applied.inverse,
                    ..step
                });
                Ok(Some(format!("redo: {}", applied.description)))
            }
            Err(e) => {
                self.redo.push(step);
                Err(e)
            }
        }
    }

    /// The edit an undo would apply next (the inverse of the last step).
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last().map(|s| &s.edit)
    }

    /// The edit a redo would apply next.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|s| &s.edit)
    }

    /// Marks the current document as saved.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.revision);
    }

    /// Whether the document differs from the last saved (or loaded) one.
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.revision)
    }

    /// Id of the current document state: equal ids mean equal documents.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Number of steps that can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Number of steps that can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }
}

//! The review mode's own actions: each with its one-line doc and its help group, like every
//! other action of the keymap (`Action::Review` wraps them).

use crate::tui::action::Group;

/// What the review mode can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewAction {
    /// Show the review: one gap at a time.
    Open,
    /// The next gap of the walk.
    Next,
    /// The previous gap of the walk.
    Prev,
    /// Record an action on the gap's pair (a short form).
    Record,
    /// Change the selected action's status (open, done, dropped).
    Status,
    /// Select the next action on the card.
    NextAction,
    /// Select the previous action on the card.
    PrevAction,
    /// Mark the gap discussed in today's meeting, or not.
    Discussed,
    /// Who took part in today's meeting.
    Who,
    /// Show the gaps with the plan beside the gaps now, or stop.
    Plan,
    /// Write the meeting's minutes (Markdown) to a file.
    Minutes,
    /// Form: the next field.
    FormNext,
    /// Form: the previous field.
    FormPrev,
}

impl ReviewAction {
    /// The one-line description shown in help, the status bar and README.
    pub fn doc(self) -> &'static str {
        match self {
            ReviewAction::Open => "review: one gap at a time",
            ReviewAction::Next => "next gap",
            ReviewAction::Prev => "previous gap",
            ReviewAction::Record => "record an action on the pair",
            ReviewAction::Status => "selected action: open → done → dropped",
            ReviewAction::NextAction => "select the next action",
            ReviewAction::PrevAction => "select the previous action",
            ReviewAction::Discussed => "mark the gap discussed today / not",
            ReviewAction::Who => "who took part (today's review)",
            ReviewAction::Plan => "show the gaps with the plan / hide",
            ReviewAction::Minutes => "write the meeting's minutes (Markdown)",
            ReviewAction::FormNext => "next field",
            ReviewAction::FormPrev => "previous field",
        }
    }

    /// The help group.
    pub fn group(self) -> Group {
        match self {
            ReviewAction::Open | ReviewAction::Plan => Group::Views,
            ReviewAction::Next
            | ReviewAction::Prev
            | ReviewAction::NextAction
            | ReviewAction::PrevAction => Group::Move,
            ReviewAction::Record
            | ReviewAction::Status
            | ReviewAction::Discussed
            | ReviewAction::Who => Group::Edit,
            ReviewAction::Minutes => Group::File,
            ReviewAction::FormNext | ReviewAction::FormPrev => Group::Answer,
        }
    }

    /// Whether the action changes the document (refused in read-only mode).
    pub fn changes_document(self) -> bool {
        matches!(
            self,
            ReviewAction::Record
                | ReviewAction::Status
                | ReviewAction::Discussed
                | ReviewAction::Who
        )
    }
}

//! What the user can ask for: every action has a one-line doc and a group for the help overlay.

/// Something the screen can do in answer to a key, a click or a finished computation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave gapscope.
    Quit,
    /// Suspend to the shell (resume with `fg`).
    Suspend,
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// Move the selection left.
    Left,
    /// Move the selection right.
    Right,
    /// Move a page up.
    PageUp,
    /// Move a page down.
    PageDown,
    /// Go to the first item.
    First,
    /// Go to the last item.
    Last,
    /// Show the next view.
    NextView,
    /// Show the previous view.
    PrevView,
    /// Show the graph view.
    ShowGraph,
    /// Show the matrix view.
    ShowMatrix,
    /// Show the gap list.
    ShowGaps,
    /// Select: expand a group, pick a pair, or jump to a gap.
    Activate,
    /// Back out: close the pair, collapse a group, clear filters.
    Back,
    /// Search units by name or id.
    Search,
    /// Next initiative (the gaps recompute).
    NextInitiative,
    /// Previous initiative.
    PrevInitiative,
    /// Group units by department, or show every unit.
    ToggleGrouping,
    /// Show more hops around the selected unit (ego focus).
    FocusMore,
    /// Show fewer hops around the selected unit (0 shows all).
    FocusLess,
    /// Hide weaker ties (raise the strength threshold).
    ThresholdUp,
    /// Show weaker ties (lower the strength threshold).
    ThresholdDown,
    /// Show or hide the detail pane.
    ToggleDetail,
    /// Scroll the detail pane down.
    DetailDown,
    /// Scroll the detail pane up.
    DetailUp,
    /// Open or close this help.
    Help,
    /// Search: accept the match and close the search line.
    SearchAccept,
    /// Search: give up and return to the previous selection.
    SearchCancel,
    /// Search: delete the last character.
    SearchBackspace,
    /// Search: next match.
    SearchNext,
    /// Search: previous match.
    SearchPrev,
    /// Raise the selected rating by one step of the scale.
    RatingUp,
    /// Lower the selected rating by one step of the scale.
    RatingDown,
    /// Type the selected tie's strength.
    EditStrength,
    /// Remove the selected tie.
    RemoveTie,
    /// Edit the selected tie's note.
    EditNote,
    /// Set the selected pair's target (current initiative, or the baseline).
    SetTarget,
    /// Clear the selected pair's target.
    ClearTarget,
    /// Add a unit.
    AddUnit,
    /// Rename the selected unit.
    RenameUnit,
    /// Move the selected unit to another group.
    RegroupUnit,
    /// Remove the selected unit with its ties, targets and the actions on its pairs.
    RemoveUnit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Save to the file (asks for a path when there is none).
    Save,
    /// Save under another name.
    SaveAs,
    /// Open or close the list of changed gaps.
    Changes,
    /// Open or close what the file says about the org (source, initiatives, facts).
    About,
    /// Prompt: accept the value.
    PromptAccept,
    /// Prompt: give up.
    PromptCancel,
    /// Prompt: delete the last character.
    PromptBackspace,
    /// Line: cursor one character left.
    LineLeft,
    /// Line: cursor one character right.
    LineRight,
    /// Line: cursor to the start.
    LineHome,
    /// Line: cursor to the end.
    LineEnd,
    /// Line: delete the character under the cursor.
    LineDelete,
    /// Line: delete to the start.
    LineKillStart,
    /// Line: delete the word before the cursor.
    LineKillWord,
    /// Gap list: cycle the kind filter (all, target gaps, one-sided, structure).
    FilterKind,
    /// Gap list: cycle the minimum severity (none, 0.25, 0.50, 0.75).
    FilterSeverity,
    /// Gap list: only the gaps of the selected unit, or all again.
    FilterUnit,
    /// Dialog: save.
    AnswerSave,
    /// Dialog: discard.
    AnswerDiscard,
    /// Dialog: overwrite.
    AnswerOverwrite,
    /// Dialog: restore the recovered edits.
    AnswerRestore,
    /// Dialog: keep the recovery file for later.
    AnswerKeep,
    /// Dialog: cancel.
    AnswerCancel,
    /// Dialog: yes, go ahead.
    AnswerYes,
    /// Dialog: the first of two choices.
    AnswerFirst,
    /// Dialog: the second of two choices.
    AnswerSecond,
    /// Review mode (src/tui/review/keys.rs).
    Review(super::review::ReviewAction),
}

/// Where an action is listed in the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// Moving the selection.
    Move,
    /// Switching views and panes.
    Views,
    /// Filters and focus.
    Filter,
    /// Searching.
    Search,
    /// Changing the document.
    Edit,
    /// Undo, redo, saving, what changed.
    File,
    /// Answering prompts and dialogs.
    Answer,
    /// Leaving, suspending, help.
    General,
}

impl Group {
    /// The heading shown in the help overlay and README.
    pub fn title(self) -> &'static str {
        match self {
            Group::Move => "Moving",
            Group::Views => "Views",
            Group::Filter => "Focus and filters",
            Group::Search => "Search",
            Group::Edit => "Editing (matrix cell, gap, or selected unit)",
            Group::File => "Undo, save, what changed",
            Group::Answer => "Prompts and dialogs",
            Group::General => "General",
        }
    }
}

impl Action {
    /// The one-line description shown in help, the status bar and README.
    pub fn doc(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Suspend => "suspend to the shell (fg resumes)",
            Action::Up => "move up",
            Action::Down => "move down",
            Action::Left => "move left",
            Action::Right => "move right",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::First => "first",
            Action::Last => "last",
            Action::NextView => "next view",
            Action::PrevView => "previous view",
            Action::ShowGraph => "graph view",
            Action::ShowMatrix => "matrix view",
            Action::ShowGaps => "gap list",
            Action::Activate => "select / expand group / jump to gap",
            Action::Back => "back out (close pair, collapse, clear)",
            Action::Search => "search units by name or id",
            Action::NextInitiative => "next initiative (gaps recompute)",
            Action::PrevInitiative => "previous initiative",
            Action::ToggleGrouping => "group by department / show all units",
            Action::FocusMore => "ego focus: one more hop",
            Action::FocusLess => "ego focus: one hop less (0 = all)",
            Action::ThresholdUp => "hide weaker ties",
            Action::ThresholdDown => "show weaker ties",
            Action::ToggleDetail => "show / hide the detail pane",
            Action::DetailDown => "scroll the detail pane down",
            Action::DetailUp => "scroll the detail pane up",
            Action::Help => "open / close this help",
            Action::SearchAccept => "accept the match",
            Action::SearchCancel => "cancel the search",
            Action::SearchBackspace => "delete a character",
            Action::SearchNext => "next match",
            Action::SearchPrev => "previous match",
            Action::RatingUp => "rating one step up (row rates column)",
            Action::RatingDown => "rating one step down",
            Action::EditStrength => "type the tie's strength",
            Action::RemoveTie => "remove the tie",
            Action::EditNote => "edit the tie's note",
            Action::SetTarget => "set the gap's or the pair's target",
            Action::ClearTarget => "clear the pair's target",
            Action::AddUnit => "add a unit",
            Action::RenameUnit => "rename the selected unit",
            Action::RegroupUnit => "move the unit to a group",
            Action::RemoveUnit => "remove the unit (ties, targets, actions too)",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::Save => "save (asks for a path if none)",
            Action::SaveAs => "save as another file",
            Action::Changes => "gaps changed (edits or --compare OLD)",
            Action::About => "about this org: source, initiatives, facts",
            Action::PromptAccept => "accept the value",
            Action::PromptCancel => "cancel (nothing changes)",
            Action::PromptBackspace => "delete a character",
            Action::LineLeft => "cursor left",
            Action::LineRight => "cursor right",
            Action::LineHome => "cursor to the start",
            Action::LineEnd => "cursor to the end",
            Action::LineDelete => "delete under the cursor",
            Action::LineKillStart => "delete to the start",
            Action::LineKillWord => "delete the word before the cursor",
            Action::FilterKind => "filter by kind (all, target, one-sided, structure)",
            Action::FilterSeverity => "filter by minimum severity (none, 0.25, 0.50, 0.75)",
            Action::FilterUnit => "the selected unit's gaps (in the gap list: all again)",
            Action::AnswerSave => "save",
            Action::AnswerDiscard => "discard",
            Action::AnswerOverwrite => "overwrite",
            Action::AnswerRestore => "restore the recovered edits",
            Action::AnswerKeep => "keep the recovery file for later",
            Action::AnswerCancel => "cancel",
            Action::AnswerYes => "yes",
            Action::AnswerFirst => "the first",
            Action::AnswerSecond => "the second",
            Action::Review(r) => r.doc(),
        }
    }

    /// The help group of the action.
    pub fn group(self) -> Group {
        use Action::*;
        match self {
            Up | Down | Left | Right | PageUp | PageDown | First | Last | Activate | Back => {
                Group::Move
            }
            NextView | PrevView | ShowGraph | ShowMatrix | ShowGaps | ToggleDetail | DetailDown
            | DetailUp => Group::Views,
            NextInitiative | PrevInitiative | ToggleGrouping | FocusMore | FocusLess
            | ThresholdUp | ThresholdDown | FilterKind | FilterSeverity | FilterUnit => {
                Group::Filter
            }
            Search | SearchAccept | SearchCancel | SearchBackspace | SearchNext | SearchPrev => {
                Group::Search
            }
            RatingUp | RatingDown | EditStrength | RemoveTie | EditNote | SetTarget
            | ClearTarget | AddUnit | RenameUnit | RegroupUnit | RemoveUnit => Group::Edit,
            Undo | Redo | Save | SaveAs | Changes => Group::File,
            PromptAccept | PromptCancel | PromptBackspace | LineLeft | LineRight | LineHome
            | LineEnd | LineDelete | LineKillStart | LineKillWord | AnswerSave | AnswerDiscard
            | AnswerOverwrite | AnswerRestore | AnswerKeep | AnswerCancel | AnswerYes
            | AnswerFirst | AnswerSecond => Group::Answer,
            Quit | Suspend | Help | About => Group::General,
            Review(r) => r.group(),
        }
    }
}

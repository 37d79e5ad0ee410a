//! Prompts and dialogs: an editable line to type a value into (with its error shown in place), and the
//! questions that must be answered before going on (quit, overwrite, restore).

use std::path::PathBuf;

use crate::store::Recovery;

use super::action::Action;
use super::line::LineEditor;

/// What a typed line is for.
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    /// The strength of `from`'s tie to `to` (directed: `from` rates `to`).
    Strength {
        /// Unit id.
        from: String,
        /// Unit id.
        to: String,
    },
    /// The target minimum of a pair in an initiative (`None`: baseline).
    Target {
        /// Unit id.
        from: String,
        /// Unit id.
        to: String,
        /// Initiative id.
        initiative: Option<String>,
    },
    /// The note of a tie (empty clears it).
    Note {
        /// Unit id.
        from: String,
        /// Unit id.
        to: String,
    },
    /// The id of a new unit.
    NewUnit,
    /// A unit's display name (empty clears it).
    Rename {
        /// Unit id.
        id: String,
    },
    /// A unit's group (empty: no group).
    Regroup {
        /// Unit id.
        id: String,
    },
    /// Where to save; then quit when `quit`.
    SavePath {
        /// Quit after the save.
        quit: bool,
    },
}

/// A question with fixed answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// Quitting with unsaved edits: save, discard or cancel.
    Quit,
    /// The file exists or changed on disk: overwrite or cancel.
    Overwrite {
        /// The file.
        path: PathBuf,
        /// Why we ask, for the dialog.
        reason: String,
        /// Quit after the save.
        quit: bool,
    },
    /// A recovery file was found at start: restore, discard, or keep it for later.
    Restore(Box<Recovery>),
    /// A unit action in the gap list, whose gap names two units: which one.
    PickUnit {
        /// The unit action (rename, regroup, remove).
        action: Action,
        /// The two units of the gap.
        units: (usize, usize),
    },
    /// Removing a unit: confirm, naming it and what goes with it.
    RemoveUnit {
        /// Unit id.
        id: String,
        /// Its label.
        label: String,
        /// What goes with it, e.g. "3 ties and 1 target".
        with: String,
    },
}

/// An open line prompt: what it is for, its label, the line being edited, and why the last
/// Enter was refused. A form of several fields would hold several of these.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// What it is for.
    pub field: Field,
    /// The question, cleaned.
    pub label: String,
    /// The line being edited.
    pub line: LineEditor,
    /// Why the last Enter was refused (shown whole, wrapped).
    pub error: Option<String>,
}

impl Input {
    /// A line prompt with a label and a pre-filled value (replaced by the first typed key).
    pub fn new(field: Field, label: String, text: String) -> Input {
        Input {
            field,
            label,
            line: LineEditor::prefilled(&text),
            error: None,
        }
    }

    /// The text typed.
    pub fn text(&self) -> &str {
        self.line.text()
    }
}

/// Parses a number as the file format writes it: finite, plain decimal.
pub fn number(text: &str) -> Result<f64, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("type a number".into());
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && !t.contains(['i', 'I', 'n', 'N']) => Ok(v),
        _ => Err(format!(
            "not a number: \"{}\"",
            crate::text::clean(t).chars().take(20).collect::<String>()
        )),
    }
}

/// Empty text means "none".
pub fn optional(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_finite_decimals() {
        assert_eq!(number(" 3 "), Ok(3.0));
        assert_eq!(number("2.5"), Ok(2.5));
        assert!(number("").is_err());
        assert!(number("abc").expect_err("refused").contains("not a number"));
        assert!(number("inf").is_err());
        assert!(number("NaN").is_err());
        assert!(number("1e400").is_err());
    }
}

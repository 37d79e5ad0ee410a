//! Prompts and dialogs: a line to type a value into (with its error shown in place), and the
//! questions that must be answered before going on (quit, overwrite, restore).

use std::path::PathBuf;

use crate::store::Recovery;

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
}

/// An open prompt or dialog.
#[derive(Debug, Clone, PartialEq)]
pub enum Prompt {
    /// A line to type into.
    Input {
        /// What it is for.
        field: Field,
        /// The question, cleaned.
        label: String,
        /// What has been typed.
        text: String,
        /// Why the last Enter was refused.
        error: Option<String>,
    },
    /// A question.
    Ask(Question),
}

impl Prompt {
    /// A line prompt with a label and a starting text.
    pub fn input(field: Field, label: String, text: String) -> Prompt {
        Prompt::Input {
            field,
            label,
            text,
            error: None,
        }
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
        assert!(number("abc").unwrap_err().contains("not a number"));
        assert!(number("inf").is_err());
        assert!(number("NaN").is_err());
        assert!(number("1e400").is_err());
    }
}

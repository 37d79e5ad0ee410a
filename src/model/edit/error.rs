//! Why an edit was refused.

use crate::model::error::quote;

/// Why an edit was refused. A refused edit changes nothing.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    /// A unit id that the document does not have.
    #[error("unknown unit {}{}", quote(.id), hint(.suggestion))]
    UnknownUnit {
        /// The id asked for.
        id: String,
        /// A close existing id, if any.
        suggestion: Option<String>,
    },
    /// An initiative id that the document does not have.
    #[error("unknown initiative {}{}", quote(.id), hint(.suggestion))]
    UnknownInitiative {
        /// The id asked for.
        id: String,
        /// A close existing id, if any.
        suggestion: Option<String>,
    },
    /// A tie or target from a unit to itself.
    #[error("{} {what} from {} to itself; {} {what} joins two different units", article(what), quote(.id), article(what))]
    SelfPair {
        /// "tie" or "target".
        what: &'static str,
        /// The unit.
        id: String,
    },
    /// A value that is not a finite number on the file's scale.
    #[error("{value} is outside the scale {min}..{max}")]
    OffScale {
        /// The value asked for.
        value: f64,
        /// Lowest value of the scale.
        min: f64,
        /// Highest value of the scale.
        max: f64,
    },
    /// A unit id that is empty.
    #[error("a unit id must not be empty")]
    EmptyId,
    /// A unit id that is already taken.
    #[error("there is already a unit with id {}", quote(.0))]
    DuplicateUnit(String),
    /// A tie for a pair that already has one.
    #[error("there is already a tie {} - {}; set its strength instead", quote(.from), quote(.to))]
    TieExists {
        /// One end.
        from: String,
        /// The other end.
        to: String,
    },
    /// A target for a pair and initiative that already has one.
    #[error("there is already a target for {} - {} in {}", quote(.from), quote(.to), scope(.initiative))]
    TargetExists {
        /// One end.
        from: String,
        /// The other end.
        to: String,
        /// Its initiative, `None` for the baseline.
        initiative: Option<String>,
    },
    /// No tie for the pair.
    #[error("there is no tie {} - {}", quote(.from), quote(.to))]
    NoTie {
        /// One end.
        from: String,
        /// The other end.
        to: String,
    },
    /// No target for the pair and initiative.
    #[error("there is no target for {} - {} in {}", quote(.from), quote(.to), scope(.initiative))]
    NoTarget {
        /// One end.
        from: String,
        /// The other end.
        to: String,
        /// Its initiative, `None` for the baseline.
        initiative: Option<String>,
    },
    /// A position past the end of a list.
    #[error("position {at} is past the end of the {list} (length {len})")]
    BadPosition {
        /// "units", "ties" or "targets".
        list: &'static str,
        /// The position asked for.
        at: usize,
        /// The length of the list at that point.
        len: usize,
    },
    /// Something else the file format forbids (an extension key without `x-`, a repeated
    /// attribute, a non-finite attribute, a restored tie that does not touch its unit).
    #[error("{0}")]
    Invalid(String),
}

/// "an" before "action", "a" before "tie" and "target".
fn article(what: &str) -> &'static str {
    if what.starts_with('a') { "an" } else { "a" }
}

fn hint(suggestion: &Option<String>) -> String {
    suggestion
        .as_deref()
        .map(|s| format!(" (did you mean {}?)", quote(s)))
        .unwrap_or_default()
}

fn scope(initiative: &Option<String>) -> String {
    match initiative {
        Some(id) => format!("initiative {}", quote(id)),
        None => "the baseline (no initiative)".into(),
    }
}

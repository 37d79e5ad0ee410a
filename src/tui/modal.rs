//! What sits on top of the views: at most one modal at a time, each with its own state and
//! its own keys (the keymap mode it returns).

use super::keymap::Mode;
use super::prompt::{Input, Question};
use super::search::SearchState;

/// The one thing on top of the view, if any; it takes every key and click.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    /// The help overlay, scrolled by this many lines.
    Help(u16),
    /// The search line (units in the graph and matrix; a live filter in the gap list).
    Search(SearchState),
    /// A line prompt: a value, a name, a path.
    Prompt(Input),
    /// A question with fixed answers.
    Dialog(Question),
    /// The list of changed gaps, scrolled by this many lines.
    Changes(u16),
    /// The review's action form (several lines, Tab between them).
    Form(super::review::ActionForm),
    /// What the file says about the org, scrolled by this many lines.
    About(u16),
}

impl Modal {
    /// Lines scrolled off the top of a scrolling overlay (help, changes, about); 0 else.
    pub fn scroll(&self) -> u16 {
        match self {
            Modal::Help(s) | Modal::Changes(s) | Modal::About(s) => *s,
            _ => 0,
        }
    }

    /// The keymap mode of the modal.
    pub fn mode(&self) -> Mode {
        match self {
            Modal::Help(_) => Mode::Help,
            Modal::Search(_) => Mode::Search,
            Modal::Prompt(_) => Mode::Prompt,
            Modal::Dialog(_) => Mode::Dialog,
            Modal::Changes(_) => Mode::Changes,
            Modal::Form(_) => Mode::Form,
            Modal::About(_) => Mode::About,
        }
    }
}

//! What `update` is given (`Msg`: keys, clicks, finished work, finished file effects) and
//! what it asks the loop to do (`Effect`: quit, analyse, lay out, save, discard a recovery).

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use crate::model::Org;
use crate::store::{Fingerprint, Recoveries};

use super::action::Action;
use super::analysis_task::Done;
use super::io::SaveOutcome;

/// Something that happened: a key, a click, a finished computation.
#[derive(Debug)]
pub enum Msg {
    /// A key from the terminal, mapped through the keymap.
    Key(KeyEvent),
    /// An action, already mapped.
    Act(Action),
    /// A mouse click at a cell.
    Click {
        /// Column.
        col: u16,
        /// Row.
        row: u16,
    },
    /// The mouse wheel.
    Wheel {
        /// Down (else up).
        down: bool,
    },
    /// The spinner's clock while something is computed.
    Tick,
    /// Work of the background thread.
    Done(Done),
    /// A save finished.
    Saved {
        /// The file.
        path: PathBuf,
        /// The path as typed in the prompt, if it was.
        typed: Option<String>,
        /// Quit after it, if it worked.
        quit: bool,
        /// How it went.
        outcome: SaveOutcome,
    },
    /// A file other than the document was written, or not: what the status line says.
    Wrote(String),
    /// A recovery file was discarded (or could not be).
    Discarded {
        /// Quit after it.
        quit: bool,
        /// Why it could not be removed.
        error: Option<String>,
        /// What to say when it was (`None`: the status line keeps what it says).
        done: Option<String>,
    },
}

/// IO the loop performs for `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Leave, restoring the terminal.
    Quit,
    /// Restore the terminal, stop, and come back on resume.
    Suspend,
    /// Analyse for an initiative (two passes).
    Analyse {
        /// Generation to tag the results with.
        generation: u64,
        /// Initiative id.
        initiative: Option<String>,
    },
    /// Lay out every unit in the background.
    Layout,
    /// Analyse the document as loaded, or OLD of `--compare` (the what-if baseline).
    Baseline {
        /// Generation to tag the result with.
        generation: u64,
        /// Initiative id.
        initiative: Option<String>,
        /// Which pass: quick for the what-if, full for `--compare` (betweenness).
        stage: super::analysis_task::Stage,
    },
    /// Save the document atomically (see `io::perform`).
    Save {
        /// The file.
        path: PathBuf,
        /// The document.
        org: Arc<Org>,
        /// Refuse if the file no longer matches this fingerprint.
        check: Option<Fingerprint>,
        /// Refuse to replace an existing file (a new name).
        new_file: bool,
        /// Quit after a successful save.
        quit: bool,
        /// The path as the user typed it, to show it again in the prompt if the save fails
        /// (`None`: saved without a prompt).
        typed: Option<String>,
        /// Recovery files, one of which the save supersedes.
        recoveries: Recoveries,
    },
    /// Analyse the document as planned (review mode's plan key), on the worker.
    Plan {
        /// The document revision (the answer is dropped when the document moved on).
        revision: u64,
        /// Initiative id.
        initiative: Option<String>,
    },
    /// Write the review's minutes (Markdown) to a file, atomically.
    WriteMinutes {
        /// The file.
        path: PathBuf,
        /// The minutes.
        text: String,
    },
    /// Remove the recovery file of a document.
    DiscardRecovery {
        /// Recovery files.
        recoveries: Recoveries,
        /// The document's `for_file`.
        for_file: Option<PathBuf>,
        /// Quit afterwards.
        quit: bool,
        /// What the status line says when it is done (`None`: keep its message).
        done: Option<String>,
    },
}

//! The interactive screen: state (`app`), keymap, one mutator (`update`), pure views, and the
//! edges that do IO: the terminal (`terminal`) and the file effects (`io`, `recover`).

pub mod action;
pub mod analysis_task;
pub mod app;
pub mod derived;
pub(crate) mod dialog;
pub mod document;
pub(crate) mod edit;
pub mod effect;
pub mod event_loop;
pub mod gaplist;
pub mod graph_state;
pub mod io;
pub mod keymap;
pub mod line;
pub mod matrix_state;
pub mod modal;
pub(crate) mod moves;
pub(crate) mod nav;
pub mod output;
pub mod prompt;
pub mod recover;
pub mod review;
pub(crate) mod revision;
pub mod script;
pub(crate) mod scroll;
pub mod search;
pub mod session;
pub(crate) mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod whatif;

pub use app::{App, Config, View};
pub use document::{AtStart, Document};
pub use theme::ThemeName;

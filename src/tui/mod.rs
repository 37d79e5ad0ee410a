//! The interactive screen: state (`app`), keymap, one mutator (`update`), pure views, and the
//! terminal edge (`terminal`), which alone does IO.

pub mod action;
pub mod analysis_task;
pub mod app;
pub mod dialog;
pub mod edit;
pub mod io;
pub mod keymap;
pub mod nav;
pub mod prompt;
pub mod recover;
pub mod script;
pub mod session;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod whatif;

pub use app::{App, Config, View};
pub use theme::ThemeName;

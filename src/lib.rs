//! gapscope: find and work on collaboration gaps between the units of an organisation.
//!
//! `model` is the org document, `analysis` everything computed from it, `report` the
//! headless reports, `cli` the commands.

pub mod analysis;
pub mod cli;
pub mod config;
pub mod diff;
pub mod export;
pub mod generate;
pub mod import;
pub mod layout;
pub mod model;
pub mod rate;
pub mod report;
pub mod rng;
pub mod store;
pub mod text;
pub mod tui;

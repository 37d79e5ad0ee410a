//! gapscope: find and work on collaboration gaps between the units of an organisation.
//!
//! `model` is the org document, `analysis` everything computed from it, `cli` the commands.

pub mod analysis;
pub mod cli;
pub mod generate;
pub mod model;
pub mod text;

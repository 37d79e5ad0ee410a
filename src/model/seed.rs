//! The built-in example org, opened when no file is given.

use super::types::Org;

/// The built-in org as file text (the same as `examples/seed.json`).
pub const SEED_JSON: &str = include_str!("../../examples/seed.json");

/// Name under which the built-in org appears in messages.
pub const SEED_NAME: &str = "<built-in example>";

/// The built-in example org.
pub fn seed() -> Org {
    // The seed file is checked by the test suite; an error here cannot come from user input.
    super::load::from_str(SEED_NAME, SEED_JSON).unwrap_or_default()
}

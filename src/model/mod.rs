//! The org document: types, loading with located errors, saving, and derived values.

mod decode;
pub mod edit;
pub mod error;
mod extra;
mod fields;
pub mod history;
mod ids;
pub mod json;
mod links;
mod load;
pub mod network;
mod review;
mod review_types;
pub mod save;
pub mod seed;
pub mod suggest;
pub mod types;

pub use error::{DEFAULT_MAX_BYTES, LoadError, Problem, io_reason, quote};
pub use load::{foreign_encoding, from_bytes, from_bytes_located, from_str, load, read_limited};
pub use network::Network;
pub(crate) use review::ACTION_KEYS;
pub use types::{
    Action, ActionStatus, AttrValue, Date, Extra, Initiative, Org, Review, Scale, Target, Tie, Unit,
};

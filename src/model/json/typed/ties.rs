//! The ties on the fast path, the file's bulk: serde's derived reader (`TieIn`), and for a
//! file with `x-` keys on its ties the reader that keeps them (`objects::TieXIn`).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::Obj;
use super::objects::TieXIn;
use crate::model::types::{Extra, Tie};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TieIn {
    from: String,
    to: String,
    strength: Strength,
    #[serde(default, deserialize_with = "present")]
    note: Option<String>,
}

/// An optional member that, when present, must hold a value (`null` is refused).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// A tie's `strength`: required, a number or `null` (an unknown rating).
pub(in crate::model::json) struct Strength(Option<f64>);

impl<'de> Deserialize<'de> for Strength {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // `deserialize_any`, not `Option`: serde reads a missing `Option` field as `None`,
        // and a tie without `strength` is an error (the locating parser says where).
        d.deserialize_any(StrengthVisitor)
    }
}

struct StrengthVisitor;

impl<'de> Visitor<'de> for StrengthVisitor {
    type Value = Strength;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number or null")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Strength, E> {
        Ok(Strength(None))
    }
    fn visit_none<E: de::Error>(self) -> Result<Strength, E> {
        Ok(Strength(None))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Strength, E> {
        Ok(Strength(Some(v as f64)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Strength, E> {
        Ok(Strength(Some(v as f64)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Strength, E> {
        Ok(Strength(Some(v)))
    }
}

/// The ties, each turned into a [`Tie`] as soon as it is read, so the file's largest array
/// never exists twice in memory.
pub(super) struct Ties(pub(super) Vec<Tie>);

/// How to read the ties: `extended` takes `x-` keys on them too (a reader made by
/// `object_in!`, about 8% slower on the whole file than serde's derived one, so it is used
/// only for a file whose first read stopped at an `x-` key on a tie).
#[derive(Clone, Copy)]
pub(super) struct TiesSeed {
    pub(super) extended: bool,
}

impl<'de> de::DeserializeSeed<'de> for TiesSeed {
    type Value = Ties;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Ties, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for TiesSeed {
    type Value = Ties;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of ties")
    }

    fn visit_seq<S: de::SeqAccess<'de>>(self, mut seq: S) -> Result<Ties, S::Error> {
        let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        if self.extended {
            while let Some(Obj(t)) = seq.next_element::<Obj<TieXIn>>()? {
                list.push(tie(t.from, t.to, t.strength, t.note, t.extra));
            }
        } else {
            while let Some(Obj(t)) = seq.next_element::<Obj<TieIn>>()? {
                list.push(tie(t.from, t.to, t.strength, t.note, Extra::new()));
            }
        }
        Ok(Ties(list))
    }
}

fn tie(from: String, to: String, strength: Strength, note: Option<String>, extra: Extra) -> Tie {
    Tie {
        from,
        to,
        // `+ 0.0` makes -0 plain 0, as the locating parser does.
        strength: strength.0.map(|v| v + 0.0),
        note,
        extra,
    }
}

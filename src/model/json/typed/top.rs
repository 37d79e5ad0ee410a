//! The top-level object and the scale on the fast path: the format's members, each at most
//! once, and their `x-` keys (gapscope writes `x-labels` into the scale itself), kept as
//! their text once the locating parser's rules accept them (`json::is_kept_value`), so an
//! `x-` value is kept the same on both paths.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::super::typed_reviews::AnyNode;
use super::objects::{Key, extension, no_repeated_key};
use super::{InitiativeIn, Obj, TargetIn, Ties, TiesSeed, UnitIn};
use crate::model::types::Extra;

/// The members of the top-level object (`null` is refused for every one of them).
#[derive(Default)]
pub(super) struct FileIn {
    pub(super) gapscope: Option<f64>,
    pub(super) title: Option<String>,
    pub(super) scale: Option<ScaleIn>,
    pub(super) directed: Option<bool>,
    pub(super) units: Option<Vec<Obj<UnitIn>>>,
    pub(super) ties: Option<Ties>,
    pub(super) targets: Option<Vec<Obj<TargetIn>>>,
    pub(super) initiatives: Option<Vec<Obj<InitiativeIn>>>,
    pub(super) actions: Option<AnyNode>,
    pub(super) reviews: Option<AnyNode>,
    /// `x-` keys in file order.
    pub(super) extra: Extra,
}

/// Reads the file's top level; `extended`: ties may carry `x-` keys (see `TiesSeed`).
pub(super) fn read(bytes: &[u8], extended: bool) -> serde_json::Result<FileIn> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let file = de.deserialize_map(FileVisitor { extended })?;
    de.end()?;
    Ok(file)
}

struct FileVisitor {
    extended: bool,
}

impl<'de> Visitor<'de> for FileVisitor {
    type Value = FileIn;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an org object")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<FileIn, M::Error> {
        let mut f = FileIn::default();
        while let Some(Key(key)) = map.next_key::<Key>()? {
            match key.as_ref() {
                "gapscope" => once(&mut f.gapscope, &mut map)?,
                "title" => once(&mut f.title, &mut map)?,
                "scale" => once(&mut f.scale, &mut map)?,
                "directed" => once(&mut f.directed, &mut map)?,
                "units" => once(&mut f.units, &mut map)?,
                "ties" => {
                    if f.ties.is_some() {
                        return Err(de::Error::custom("duplicate key"));
                    }
                    let seed = TiesSeed {
                        extended: self.extended,
                    };
                    f.ties = Some(map.next_value_seed(seed)?);
                }
                "targets" => once(&mut f.targets, &mut map)?,
                "initiatives" => once(&mut f.initiatives, &mut map)?,
                "actions" => once(&mut f.actions, &mut map)?,
                "reviews" => once(&mut f.reviews, &mut map)?,
                _ => extension(&mut map, &mut f.extra, key, 1)?,
            }
        }
        no_repeated_key(&f.extra)?;
        Ok(f)
    }
}

/// The scale object: `min`, `max` (required, numbers) and `x-` keys.
pub(super) struct ScaleIn {
    pub(super) min: f64,
    pub(super) max: f64,
    /// `x-` keys in file order.
    pub(super) extra: Extra,
}

impl<'de> Deserialize<'de> for ScaleIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(ScaleVisitor)
    }
}

struct ScaleVisitor;

impl<'de> Visitor<'de> for ScaleVisitor {
    type Value = ScaleIn;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a scale object")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<ScaleIn, M::Error> {
        let (mut min, mut max, mut extra) = (None, None, Extra::new());
        while let Some(Key(key)) = map.next_key::<Key>()? {
            match key.as_ref() {
                "min" => once::<f64, M>(&mut min, &mut map)?,
                "max" => once::<f64, M>(&mut max, &mut map)?,
                _ => extension(&mut map, &mut extra, key, 2)?,
            }
        }
        no_repeated_key(&extra)?;
        match (min, max) {
            (Some(min), Some(max)) => Ok(ScaleIn { min, max, extra }),
            _ => Err(de::Error::custom("min and max are required")),
        }
    }
}

/// Reads a member's value into `slot`; a member given twice is refused.
fn once<'de, T: Deserialize<'de>, M: MapAccess<'de>>(
    slot: &mut Option<T>,
    map: &mut M,
) -> Result<(), M::Error> {
    if slot.is_some() {
        return Err(de::Error::custom("duplicate key"));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

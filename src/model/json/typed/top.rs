//! The top-level object and the scale on the fast path: the format's members, each at most
//! once, and their `x-` keys (gapscope writes `x-labels` into the scale itself), read straight into `serde_json::Value`s by the locating parser's own rules
//! (`json::extension::Tree`), so an `x-` value is kept the same on both paths.

use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::super::typed_reviews::{Any, AnyNode};
use super::{InitiativeIn, Obj, TargetIn, Ties, UnitIn};
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

impl<'de> Deserialize<'de> for FileIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(FileVisitor)
    }
}

struct FileVisitor;

impl<'de> Visitor<'de> for FileVisitor {
    type Value = FileIn;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an org object")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<FileIn, M::Error> {
        let mut f = FileIn::default();
        let mut seen: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom("duplicate key"));
            }
            match key.as_str() {
                "gapscope" => f.gapscope = Some(map.next_value()?),
                "title" => f.title = Some(map.next_value()?),
                "scale" => f.scale = Some(map.next_value()?),
                "directed" => f.directed = Some(map.next_value()?),
                "units" => f.units = Some(map.next_value()?),
                "ties" => f.ties = Some(map.next_value()?),
                "targets" => f.targets = Some(map.next_value()?),
                "initiatives" => f.initiatives = Some(map.next_value()?),
                "actions" => f.actions = Some(map.next_value()?),
                "reviews" => f.reviews = Some(map.next_value()?),
                k if k.starts_with("x-") => {
                    let Any(value) = map.next_value::<Any<serde_json::Value>>()?;
                    f.extra.insert(key, value);
                }
                _ => return Err(de::Error::custom("unknown key")),
            }
        }
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
        let mut seen: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom("duplicate key"));
            }
            match key.as_str() {
                "min" => min = Some(map.next_value::<f64>()?),
                "max" => max = Some(map.next_value::<f64>()?),
                k if k.starts_with("x-") => {
                    let Any(value) = map.next_value::<Any<serde_json::Value>>()?;
                    extra.insert(key, value);
                }
                _ => return Err(de::Error::custom("unknown key")),
            }
        }
        match (min, max) {
            (Some(min), Some(max)) => Ok(ScaleIn { min, max, extra }),
            _ => Err(de::Error::custom("min and max are required")),
        }
    }
}

//! The fast path of loading: serde's typed parse straight into an [`Org`], for valid files.
//!
//! It accepts only what the locating parser and `decode` accept, and gives the same `Org`:
//! any doubt (an unknown key, a wrong type, `null`, a duplicate key, a broken rule of the
//! format) gives `None`, and the caller
//! runs the locating parser, which says what is wrong and where. So a valid file costs one
//! typed parse, and a bad one costs both (the typed parse stops at the first doubt).
//! `actions` and `reviews` are read as plain nodes and checked by the locating path's own
//! functions (`typed_reviews`), and `x-` values are kept as the text
//! serde read once the locating parser's own rules accept it (`json::is_kept_value`): one
//! rule, one place.
//! `tests/it/load_fast.rs` checks on mutated files that whatever this path accepts, the
//! locating one accepts as the same `Org`.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

mod objects;
mod ties;
mod top;

pub(super) use objects::kept;
use objects::{InitiativeIn, TargetIn, UnitIn};
use ties::{Strength, Ties, TiesSeed};

use super::typed_reviews;
use crate::model::ids::IdIndex;
use crate::model::types::Extra;
use crate::model::types::{AttrValue, Initiative, Org, Scale, Target, Tie, Unit};

/// Sizes from this on are refused (2^53: no longer exact in every JSON reader), as in `decode`.
const MAX_COUNT: u64 = 1 << 53;

/// A JSON object decoded into `T`. serde's derived structs also take arrays (fields by
/// position); the format does not, so the object is asked for as a map.
struct Obj<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(MapOnly(d)).map(Obj)
    }
}

/// A deserializer that reads only objects: every request becomes `deserialize_map`.
struct MapOnly<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for MapOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

/// Unit attributes in file order; a duplicate key is refused.
struct Attrs(Vec<(String, AttrValue)>);

impl<'de> Deserialize<'de> for Attrs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(AttrsVisitor)
    }
}

struct AttrsVisitor;

impl<'de> Visitor<'de> for AttrsVisitor {
    type Value = Attrs;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of attributes")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Attrs, M::Error> {
        let mut list: Vec<(String, AttrValue)> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom("duplicate attribute"));
            }
            let value = map.next_value::<AttrIn>()?;
            list.push((key, value.0));
        }
        Ok(Attrs(list))
    }
}

/// One attribute value: a string, a number or a boolean.
struct AttrIn(AttrValue);

impl<'de> Deserialize<'de> for AttrIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AttrVisitor)
    }
}

struct AttrVisitor;

impl Visitor<'_> for AttrVisitor {
    type Value = AttrIn;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, number or boolean")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<AttrIn, E> {
        Ok(AttrIn(AttrValue::Bool(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<AttrIn, E> {
        Ok(AttrIn(AttrValue::Number(v as f64)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<AttrIn, E> {
        Ok(AttrIn(AttrValue::Number(v as f64)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<AttrIn, E> {
        if v.is_finite() {
            Ok(AttrIn(AttrValue::Number(v + 0.0)))
        } else {
            Err(E::custom("not finite"))
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<AttrIn, E> {
        Ok(AttrIn(AttrValue::Text(v.to_string())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<AttrIn, E> {
        Ok(AttrIn(AttrValue::Text(v)))
    }
}

/// The org of a valid file, or `None` when the file is not plainly valid (then the
/// locating parser decides and explains).
pub fn load(bytes: &[u8]) -> Option<Org> {
    let file = match top::read(bytes, false) {
        Ok(file) => file,
        // An `x-` key on a tie: read again with the reader that keeps it.
        Err(e) if e.to_string().contains("unknown field `x-") => top::read(bytes, true).ok()?,
        Err(_) => return None,
    };
    if file.gapscope.is_some_and(|v| v != 1.0) {
        return None;
    }
    let mut scale_extra = Extra::new();
    let scale = match file.scale {
        None => Scale::default(),
        Some(top::ScaleIn { min, max, extra }) => {
            scale_extra = extra;
            let ordered = min < max && (max - min).is_finite();
            if !ordered || !min.is_finite() || !max.is_finite() {
                return None;
            }
            // `+ 0.0` makes -0 plain 0, as the locating parser does (`fields::finite`).
            Scale {
                min: min + 0.0,
                max: max + 0.0,
            }
        }
    };
    let directed = file.directed.unwrap_or(false);
    let units = units(file.units?)?;
    let initiatives = initiatives(file.initiatives.unwrap_or_default())?;
    let ids = IdIndex::new(units.iter().map(|u| u.id.as_str()))?;
    let ties = file.ties.map(|t| t.0).unwrap_or_default();
    check_ties(&ties, &ids, scale, directed)?;
    let targets = targets(file.targets.unwrap_or_default(), &ids, scale, &initiatives)?;
    drop(ids);
    let (actions, reviews) = if file.actions.is_none() && file.reviews.is_none() {
        (Vec::new(), Vec::new())
    } else {
        // The locating path's functions take its map of ids.
        let ids: HashMap<&str, usize> = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.as_str(), i))
            .collect();
        typed_reviews::decode(
            file.actions,
            file.reviews,
            &units,
            &ids,
            scale,
            &initiatives,
        )?
    };
    // Every field is set today; a field added to `Org` later starts empty here, and
    // `tests/it/load_fast.rs` (both paths compared) says when that is wrong.
    #[allow(clippy::needless_update)]
    Some(Org {
        title: file.title,
        scale,
        directed,
        units,
        ties,
        targets,
        initiatives,
        actions,
        reviews,
        extra: file.extra,
        scale_extra,
        ..Org::default()
    })
}

fn units(list: Vec<Obj<UnitIn>>) -> Option<Vec<Unit>> {
    let mut seen: HashSet<&str> = HashSet::with_capacity(list.len());
    for Obj(u) in &list {
        if u.id.is_empty() || !seen.insert(u.id.as_str()) {
            return None;
        }
        if u.size.is_some_and(|s| s >= MAX_COUNT) {
            return None;
        }
    }
    drop(seen);
    Some(
        list.into_iter()
            .map(|Obj(u)| Unit {
                id: u.id,
                name: u.name,
                group: u.group,
                size: u.size,
                attrs: u.attrs.map(|a| a.0).unwrap_or_default(),
                extra: u.extra,
            })
            .collect(),
    )
}

fn initiatives(list: Vec<Obj<InitiativeIn>>) -> Option<Vec<Initiative>> {
    let mut seen: HashSet<&str> = HashSet::with_capacity(list.len());
    for Obj(i) in &list {
        if i.id.is_empty() || !seen.insert(i.id.as_str()) {
            return None;
        }
    }
    drop(seen);
    Some(
        list.into_iter()
            .map(|Obj(i)| Initiative {
                id: i.id,
                name: i.name,
                description: i.description,
                extra: i.extra,
            })
            .collect(),
    )
}

/// Indices of two different known units.
fn pair(ids: &IdIndex, from: &str, to: &str) -> Option<(usize, usize)> {
    let (a, b) = (ids.get(from)?, ids.get(to)?);
    (a != b).then_some((a, b))
}

/// The format's rules for ties: known units, no self-tie, on the scale, one per pair.
fn check_ties(list: &[Tie], ids: &IdIndex, scale: Scale, directed: bool) -> Option<()> {
    // One pair key per tie, sorted: a duplicate is two equal neighbours. (8 bytes a tie,
    // a third of a hash set's, while the file's bytes are still held.)
    let mut keys: Vec<u64> = Vec::with_capacity(list.len());
    let (mut last_from, mut last_to) = (None, None);
    for t in list {
        let a = ids.get_after(&t.from, &mut last_from)?;
        let b = ids.get_after(&t.to, &mut last_to)?;
        if a == b {
            return None;
        }
        let (a, b) = if directed {
            (a, b)
        } else {
            (a.min(b), a.max(b))
        };
        let (a, b) = (u32::try_from(a).ok()?, u32::try_from(b).ok()?);
        if t.strength.is_some_and(|v| !scale.contains(v)) {
            return None;
        }
        keys.push(u64::from(a) << 32 | u64::from(b));
    }
    keys.sort_unstable();
    keys.windows(2).all(|w| w[0] != w[1]).then_some(())
}

fn targets(
    list: Vec<Obj<TargetIn>>,
    ids: &IdIndex,
    scale: Scale,
    initiatives: &[Initiative],
) -> Option<Vec<Target>> {
    let mut seen: HashSet<(usize, usize, Option<String>)> = HashSet::new();
    let mut out = Vec::with_capacity(list.len());
    for Obj(t) in list {
        let (a, b) = pair(ids, &t.from, &t.to)?;
        if let Some(id) = &t.initiative
            && !initiatives.iter().any(|i| &i.id == id)
        {
            return None;
        }
        if !scale.contains(t.min) || !seen.insert((a.min(b), a.max(b), t.initiative.clone())) {
            return None;
        }
        out.push(Target {
            from: t.from,
            to: t.to,
            min: t.min + 0.0,
            initiative: t.initiative,
            why: t.why,
            extra: t.extra,
        });
    }
    Some(out)
}

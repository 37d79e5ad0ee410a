//! `actions` and `reviews` on the fast path: read as plain nodes, then checked and decoded
//! by the locating path's own functions (`decode_actions`, `decode_reviews`), so the format's
//! rules for them exist once. Any problem gives `None` and the locating parser explains it.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::extension::Tree;
use super::{Json, Node, Pos};
use crate::model::fields::Problems;
use crate::model::links::Refs;
use crate::model::review::{decode_actions, decode_reviews};
use crate::model::types::{Action, Initiative, Review, Scale, Unit};

/// Any JSON value as a `T` (a node without positions, or a `serde_json::Value`), built by
/// the locating parser's own [`Tree`] functions; positions only matter in messages, and a
/// file with a problem leaves the fast path. A duplicate key is refused, as the locating
/// parser refuses it, and so is `-0` (serde reads it as a float, the locating parser as an
/// integer: they would keep it differently in an `x-` value), and a number too large.
pub(super) struct Any<T>(pub(super) T);

/// Any JSON value as a node.
pub(super) type AnyNode = Any<Node>;

impl<'de, T: Tree> Deserialize<'de> for Any<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AnyVisitor(std::marker::PhantomData))
    }
}

fn scalar<T: Tree, E: de::Error>(value: Json) -> Result<Any<T>, E> {
    T::scalar(Pos::default(), value)
        .map(Any)
        .map_err(|_| E::custom("a number too large"))
}

struct AnyVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Tree> Visitor<'de> for AnyVisitor<T> {
    type Value = Any<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Any<T>, E> {
        scalar(Json::Null)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Any<T>, E> {
        scalar(Json::Bool(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Any<T>, E> {
        scalar(Json::Number {
            value: v as f64,
            integral: true,
        })
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Any<T>, E> {
        scalar(Json::Number {
            value: v as f64,
            integral: true,
        })
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Any<T>, E> {
        if v == 0.0 && v.is_sign_negative() {
            return Err(E::custom("-0: leave it to the locating parser"));
        }
        // serde reads integers beyond 64 bits as floats; the locating parser calls them
        // integral. Both keep such a number (at least 2^53) as a float.
        scalar(Json::Number {
            value: v,
            integral: false,
        })
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Any<T>, E> {
        scalar(Json::String(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Any<T>, E> {
        scalar(Json::String(v))
    }
    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Any<T>, S::Error> {
        let mut items = Vec::new();
        while let Some(Any(item)) = seq.next_element::<Any<T>>()? {
            items.push(item);
        }
        Ok(Any(T::array(Pos::default(), items)))
    }
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Any<T>, M::Error> {
        let mut members = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom("duplicate key"));
            }
            let Any(value) = map.next_value::<Any<T>>()?;
            members.push((key, Pos::default(), value));
        }
        Ok(Any(T::object(Pos::default(), members)))
    }
}

/// The file's `actions` and `reviews`, decoded and checked by the locating path's rules;
/// `None` on any problem.
pub(super) fn decode(
    actions: Option<AnyNode>,
    reviews: Option<AnyNode>,
    units: &[Unit],
    ids: &HashMap<&str, usize>,
    scale: Scale,
    initiatives: &[Initiative],
) -> Option<(Vec<Action>, Vec<Review>)> {
    let (action_items, review_items) = (items(&actions)?, items(&reviews)?);
    let refs = Refs {
        ids,
        units,
        units_known: true,
        suggest: std::cell::OnceCell::new(),
    };
    let mut out = Problems::default();
    let actions = action_items
        .map(|list| decode_actions(list, &refs, Some(scale), initiatives, &mut out))
        .unwrap_or_default();
    let reviews = review_items
        .map(|list| decode_reviews(list, initiatives, &mut out))
        .unwrap_or_default();
    out.is_empty().then_some((actions, reviews))
}

/// The items of an optional array; `None` when it is not an array (`Some(None)`: absent).
fn items(list: &Option<AnyNode>) -> Option<Option<&[Node]>> {
    match list {
        None => Some(None),
        Some(Any(Node {
            value: Json::Array(items),
            ..
        })) => Some(Some(items)),
        Some(_) => None,
    }
}

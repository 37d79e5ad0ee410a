//! `actions` and `reviews` on the fast path: read as plain nodes, then checked and decoded
//! by the locating path's own functions (`decode_actions`, `decode_reviews`), so the format's
//! rules for them exist once. Any problem gives `None` and the locating parser explains it.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use serde_json::value::RawValue;

use super::extension::Tree;
use super::typed::kept;
use super::{Json, Kept, Node, Pos};
use crate::model::fields::Problems;
use crate::model::links::Refs;
use crate::model::review::{decode_actions, decode_reviews};
use crate::model::types::{Action, Initiative, Review, Scale, Unit};

/// Any JSON value as a node without positions, built by the locating parser's own [`Tree`]
/// functions; positions only matter in messages, and a file with a problem leaves the fast
/// path. A duplicate key is refused, as the locating parser refuses it, and so is a number
/// too large. The value of an `x-` key is kept as its text, as [`super::parse_org`] keeps it.
pub(super) struct AnyNode(pub(super) Node);

impl<'de> Deserialize<'de> for AnyNode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AnyVisitor)
    }
}

fn scalar<E: de::Error>(value: Json) -> Result<AnyNode, E> {
    Node::scalar(Pos::default(), value)
        .map(AnyNode)
        .map_err(|_| E::custom("a number too large"))
}

struct AnyVisitor;

impl<'de> Visitor<'de> for AnyVisitor {
    type Value = AnyNode;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<AnyNode, E> {
        scalar(Json::Null)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<AnyNode, E> {
        scalar(Json::Bool(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<AnyNode, E> {
        scalar(Json::Number {
            value: v as f64,
            integral: true,
        })
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<AnyNode, E> {
        scalar(Json::Number {
            value: v as f64,
            integral: true,
        })
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<AnyNode, E> {
        if !v.is_finite() || (v == 0.0 && v.is_sign_negative()) {
            // -0: serde reads it as a float, the locating parser as an integer; leave it to
            // the locating parser.
            return Err(E::custom("a number too large, or -0"));
        }
        scalar(Json::Number {
            value: v,
            integral: false,
        })
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<AnyNode, E> {
        scalar(Json::String(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<AnyNode, E> {
        scalar(Json::String(v))
    }
    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<AnyNode, S::Error> {
        let mut items = Vec::new();
        while let Some(AnyNode(item)) = seq.next_element::<AnyNode>()? {
            items.push(item);
        }
        Ok(AnyNode(Node::array(Pos::default(), items)))
    }
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<AnyNode, M::Error> {
        let mut members = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom("duplicate key"));
            }
            let value = if key.starts_with("x-") {
                // An action's or a review's own key: the file, `actions`, the action.
                let raw = kept::<M::Error>(map.next_value::<&RawValue>()?, 3)?;
                Node {
                    pos: Pos::default(),
                    value: Json::Extension(Box::new(Kept(std::cell::RefCell::new(Some(raw))))),
                }
            } else {
                map.next_value::<AnyNode>()?.0
            };
            members.push((key, Pos::default(), value));
        }
        Ok(AnyNode(Node::object(Pos::default(), members)))
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
        Some(AnyNode(Node {
            value: Json::Array(items),
            ..
        })) => Some(Some(items)),
        Some(_) => None,
    }
}

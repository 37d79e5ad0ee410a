//! Units, targets and initiatives on the fast path, with their `x-` keys: each member at
//! most once, unknown keys refused, `null` refused, `x-` values kept as their text once the
//! locating parser's rules accept them (`json::is_kept_value`). Ties keep serde's derived
//! reader (they are the file's bulk, and this reader made the 10,000-unit parse 8% slower);
//! a file whose first read stops at an `x-` key on a tie is read again with `TieXIn`.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::{Attrs, Strength};
use crate::model::types::Extra;
use serde_json::value::RawValue;

/// Defines an object type with required and optional members and `x-` keys, read as a map.
macro_rules! object_in {
    ($name:ident, $visitor:ident, $what:literal, depth $depth:literal,
     required { $($req:ident : $rty:ty),* },
     optional { $($opt:ident : $oty:ty),* }) => {
        pub(in crate::model::json) struct $name {
            $(pub(in crate::model::json) $req: $rty,)*
            $(pub(in crate::model::json) $opt: Option<$oty>,)*
            /// `x-` keys in file order.
            pub(in crate::model::json) extra: Extra,
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_map($visitor)
            }
        }

        struct $visitor;

        impl<'de> Visitor<'de> for $visitor {
            type Value = $name;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str($what)
            }

            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<$name, M::Error> {
                $(let mut $req: Option<$rty> = None;)*
                $(let mut $opt: Option<$oty> = None;)*
                let mut extra = Extra::new();
                while let Some(Key(key)) = map.next_key::<Key>()? {
                    match key.as_ref() {
                        $(stringify!($req) => {
                            if $req.is_some() {
                                return Err(de::Error::custom("duplicate key"));
                            }
                            $req = Some(map.next_value()?);
                        })*
                        $(stringify!($opt) => {
                            if $opt.is_some() {
                                return Err(de::Error::custom("duplicate key"));
                            }
                            $opt = Some(map.next_value()?);
                        })*
                        _ => extension(&mut map, &mut extra, key, $depth)?,
                    }
                }
                no_repeated_key(&extra)?;
                Ok($name {
                    $($req: $req.ok_or_else(|| de::Error::custom("a required key is missing"))?,)*
                    $($opt,)*
                    extra,
                })
            }
        }
    };
}

object_in!(
    UnitIn,
    UnitVisitor,
    "a unit object",
    depth 3,
    required { id: String },
    optional {
        name: String,
        group: String,
        size: u64,
        attrs: Attrs
    }
);

object_in!(
    TieXIn,
    TieXVisitor,
    "a tie object",
    depth 3,
    required {
        from: String,
        to: String,
        strength: Strength
    },
    optional { note: String }
);

object_in!(
    TargetIn,
    TargetVisitor,
    "a target object",
    depth 3,
    required {
        from: String,
        to: String,
        min: f64
    },
    optional {
        initiative: String,
        why: String
    }
);

object_in!(
    InitiativeIn,
    InitiativeVisitor,
    "an initiative object",
    depth 3,
    required { id: String },
    optional {
        name: String,
        description: String
    }
);

/// An object's key: borrowed from the file when it has no escapes (no allocation for the
/// format's own keys, which are most keys of a file).
pub(in crate::model::json) struct Key<'de>(pub(in crate::model::json) Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(v.to_string())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(v)))
    }
}

/// The value of a key that is none of the object's own: kept as its text when the key
/// starts with `x-`, refused otherwise. `depth` is the nesting of the value in the file.
/// (A repeated `x-` key is refused once the object is read: [`no_repeated_key`].)
pub(in crate::model::json) fn extension<'de, M: MapAccess<'de>>(
    map: &mut M,
    extra: &mut Extra,
    key: Cow<'de, str>,
    depth: usize,
) -> Result<(), M::Error> {
    if !key.starts_with("x-") {
        return Err(de::Error::custom("unknown key"));
    }
    extra.push_new(
        key.into_owned(),
        kept::<M::Error>(map.next_value()?, depth)?,
    );
    Ok(())
}

/// Refuses an object whose `x-` keys repeat one (checked once the object is read, in
/// linear time however many keys it has).
pub(in crate::model::json) fn no_repeated_key<E: de::Error>(extra: &Extra) -> Result<(), E> {
    if extra.has_repeated_key() {
        Err(E::custom("duplicate key"))
    } else {
        Ok(())
    }
}

/// The text of an `x-` value as serde read it, owned, once the locating parser's rules
/// accept it too (duplicate keys, lone surrogates, numbers too large, nesting).
pub(in crate::model::json) fn kept<E: de::Error>(
    raw: &RawValue,
    depth: usize,
) -> Result<Box<RawValue>, E> {
    if super::super::is_kept_value(raw.get(), depth) {
        Ok(raw.to_owned())
    } else {
        Err(E::custom("an x- value the locating parser refuses"))
    }
}

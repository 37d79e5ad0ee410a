//! Units, targets and initiatives on the fast path, with their `x-` keys: each member at
//! most once, unknown keys refused, `null` refused, `x-` values built by the locating
//! parser's own rules (`json::extension`). (Ties keep serde's derived reader: they are the
//! file's bulk, and a tie with `x-` keys takes the locating path.)

use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::super::typed_reviews::Any;
use super::Attrs;
use crate::model::types::Extra;

/// Defines an object type with required and optional members and `x-` keys, read as a map.
macro_rules! object_in {
    ($name:ident, $visitor:ident, $what:literal,
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
                let mut seen: HashSet<String> = HashSet::new();
                while let Some(key) = map.next_key::<String>()? {
                    if !seen.insert(key.clone()) {
                        return Err(de::Error::custom("duplicate key"));
                    }
                    $(if key == stringify!($req) {
                        $req = Some(map.next_value()?);
                        continue;
                    })*
                    $(if key == stringify!($opt) {
                        $opt = Some(map.next_value()?);
                        continue;
                    })*
                    if key.starts_with("x-") {
                        let Any(value) = map.next_value::<Any<serde_json::Value>>()?;
                        extra.insert(key, value);
                        continue;
                    }
                    return Err(de::Error::custom("unknown key"));
                }
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
    required { id: String },
    optional {
        name: String,
        group: String,
        size: u64,
        attrs: Attrs
    }
);

object_in!(
    TargetIn,
    TargetVisitor,
    "a target object",
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
    required { id: String },
    optional {
        name: String,
        description: String
    }
);

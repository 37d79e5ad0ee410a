//! Extension keys (`x-...`) of one object, each value kept as the JSON text it was read as.
//!
//! gapscope does not interpret these values (but for a few keys it reads, through
//! [`Extra::value`]), so it keeps their text: no tree of values (a 100 MB array of zeros
//! held as `serde_json::Value`s took 36 times the file), and a save writes each value back
//! byte for byte as it was read (`1.0e3`, `"\u00e9"` and the spacing inside included).

use serde_json::Value;
use serde_json::value::RawValue;

/// The `x-` keys of one object in file order, each with its value's JSON text.
///
/// Empty, it is one null pointer (ties are the bulk of a file and rarely carry `x-` keys).
#[derive(Clone, Default)]
pub struct Extra(Option<Box<Entries>>);

/// The keys and their values' text, in order.
type Entries = Vec<(String, Box<RawValue>)>;

impl Extra {
    /// No keys.
    pub fn new() -> Extra {
        Extra(None)
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|list| list.is_empty())
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |list| list.len())
    }

    /// The keys and their JSON text, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.0
            .iter()
            .flat_map(|list| list.iter())
            .map(|(k, v)| (k.as_str(), &**v))
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(k, _)| k)
    }

    /// The JSON text of a key's value.
    pub fn get(&self, key: &str) -> Option<&RawValue> {
        self.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// A key's value, parsed (for the few keys gapscope reads).
    pub fn value(&self, key: &str) -> Option<Value> {
        serde_json::from_str(self.get(key)?.get()).ok()
    }

    /// Whether the key is there.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Appends a key that is not there yet (a loader's parser refuses repeated keys, or the
    /// loader checks [`Extra::has_repeated_key`] afterwards): no search, so an object with
    /// 100,000 `x-` keys loads in linear time.
    pub(crate) fn push_new(&mut self, key: String, value: Box<RawValue>) {
        self.0.get_or_insert_with(Box::default).push((key, value));
    }

    /// Whether some key appears twice.
    pub(crate) fn has_repeated_key(&self) -> bool {
        let Some(list) = &self.0 else {
            return false;
        };
        let mut seen = std::collections::HashSet::with_capacity(list.len());
        !list.iter().all(|(k, _)| seen.insert(k.as_str()))
    }

    /// Sets a key to a value's JSON text: in place when the key is there, else last (a
    /// search through the keys: for the few keys a program sets, not for loading).
    pub fn insert_raw(&mut self, key: String, value: Box<RawValue>) {
        let list = self.0.get_or_insert_with(Box::default);
        match list.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => list.push((key, value)),
        }
    }

    /// Sets a key to a value (written as compact JSON).
    pub fn insert(&mut self, key: String, value: Value) {
        if let Ok(raw) = serde_json::value::to_raw_value(&value) {
            self.insert_raw(key, raw);
        }
    }

    /// Takes a key out, keeping the order of the others; its value's JSON text.
    pub fn remove(&mut self, key: &str) -> Option<Box<RawValue>> {
        let list = self.0.as_mut()?;
        let at = list.iter().position(|(k, _)| k == key)?;
        let (_, value) = list.remove(at);
        if list.is_empty() {
            self.0 = None;
        }
        Some(value)
    }
}

impl<'a> IntoIterator for &'a Extra {
    type Item = (&'a str, &'a RawValue);
    type IntoIter = Box<dyn Iterator<Item = (&'a str, &'a RawValue)> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl PartialEq for Extra {
    /// Same keys in the same order with the same text.
    fn eq(&self, other: &Extra) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .zip(other.iter())
                .all(|((k, v), (l, w))| k == l && v.get() == w.get())
    }
}

impl std::fmt::Debug for Extra {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map()
            .entries(self.iter().map(|(k, v)| (k, v.get())))
            .finish()
    }
}

impl FromIterator<(String, Value)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Extra {
        let mut out = Extra::new();
        for (k, v) in iter {
            out.insert(k, v);
        }
        out
    }
}

impl FromIterator<(String, Box<RawValue>)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, Box<RawValue>)>>(iter: I) -> Extra {
        let list: Vec<_> = iter.into_iter().collect();
        Extra((!list.is_empty()).then(|| Box::new(list)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_text_order_and_replaces_in_place() {
        let raw = |s: &str| RawValue::from_string(s.to_string()).unwrap();
        let mut e = Extra::new();
        assert!(e.is_empty());
        e.insert_raw("x-a".into(), raw("1.0e3"));
        e.insert_raw("x-b".into(), raw(r#""\u00e9""#));
        e.insert("x-a".into(), json!([1, 2]));
        assert_eq!(e.keys().collect::<Vec<_>>(), ["x-a", "x-b"]);
        assert_eq!(e.get("x-a").unwrap().get(), "[1,2]");
        assert_eq!(e.get("x-b").unwrap().get(), r#""\u00e9""#);
        assert_eq!(e.value("x-b"), Some(json!("é")));
        assert_eq!(e.remove("x-a").unwrap().get(), "[1,2]");
        assert_eq!(e.len(), 1);
        e.remove("x-b");
        assert_eq!(e, Extra::new());
        e.push_new("x-a".into(), raw("1"));
        e.push_new("x-b".into(), raw("2"));
        assert!(!e.has_repeated_key());
        e.push_new("x-a".into(), raw("3"));
        assert!(e.has_repeated_key());
        assert!(std::mem::size_of::<Extra>() <= 8);
    }
}

//! Unit ids to unit indices, for the loops that resolve every tie of a file.
//!
//! A `HashMap<&str, usize>` over `Org::units` costs a SipHash and a string compare whose
//! bytes sit in the unit's own heap block, far from the others: at 10,000 units and 93,000
//! ties the look-ups took a third of deriving the network. Here the ids are copied once into
//! one buffer, hashed with a fast seeded hash, and found in an open-addressing table of
//! indices; a look-up touches the table and that compact buffer only.

use std::hash::{BuildHasher, Hasher};

/// An empty slot of the table.
const EMPTY: u32 = u32::MAX;

/// Unit id -> index of the unit (the last unit of an id, as a map built by `collect`).
pub(crate) struct IdIndex {
    /// Every id, one after the other.
    text: String,
    /// Per unit: the hash of its id, and where the id lies in `text`.
    entries: Vec<(u64, u32, u32)>,
    /// Open addressing (linear probing) over `entries`; a power of two, at most half full.
    table: Vec<u32>,
    /// Per process: a crafted file cannot choose ids that all collide.
    seed: u64,
}

impl IdIndex {
    /// The index of these ids; `None` beyond `u32::MAX` units or bytes of ids.
    pub(crate) fn new<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> Option<IdIndex> {
        let n = ids.len();
        let size = (n.max(4) * 2).next_power_of_two();
        let mut index = IdIndex {
            text: String::new(),
            entries: Vec::with_capacity(n),
            table: vec![EMPTY; size],
            seed: std::collections::hash_map::RandomState::new()
                .build_hasher()
                .finish()
                | 1,
        };
        for (i, id) in ids.enumerate() {
            let i = u32::try_from(i).ok().filter(|&i| i != EMPTY)?;
            let start = u32::try_from(index.text.len()).ok()?;
            let len = u32::try_from(id.len()).ok()?;
            start.checked_add(len)?;
            index.text.push_str(id);
            let hash = index.hash(id);
            index.entries.push((hash, start, len));
            let slot = index.slot(id, hash);
            index.table[slot] = i;
        }
        Some(index)
    }

    /// The index of the unit with this id.
    pub(crate) fn get(&self, id: &str) -> Option<usize> {
        let at = self.table[self.slot(id, self.hash(id))];
        (at != EMPTY).then_some(at as usize)
    }

    /// As [`IdIndex::get`], remembering the id asked last in `last`: ties are mostly listed
    /// by their `from` unit, so the same id comes many times in a row, and comparing it with
    /// the last one costs less than a look-up.
    pub(crate) fn get_after<'a>(
        &self,
        id: &'a str,
        last: &mut Option<(&'a str, Option<usize>)>,
    ) -> Option<usize> {
        match *last {
            Some((was, found)) if was == id => found,
            _ => {
                let found = self.get(id);
                *last = Some((id, found));
                found
            }
        }
    }

    /// The slot that holds `id`, or the empty slot where it would go.
    fn slot(&self, id: &str, hash: u64) -> usize {
        let mask = self.table.len() - 1;
        let mut slot = (hash >> 32) as usize & mask;
        loop {
            let at = self.table[slot];
            if at == EMPTY {
                return slot;
            }
            let (h, start, len) = self.entries[at as usize];
            if h == hash && self.text.as_bytes()[start as usize..][..len as usize] == *id.as_bytes()
            {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// A multiply-rotate hash of the bytes (8 at a time), seeded, with a final mix.
    fn hash(&self, id: &str) -> u64 {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut h = self.seed ^ id.len() as u64;
        let mut chunks = id.as_bytes().chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        h ^= h >> 29;
        h = h.wrapping_mul(K);
        h ^ (h >> 32)
    }
}

#[cfg(test)]
mod tests {
    use super::IdIndex;

    #[test]
    fn finds_every_id_and_nothing_else() {
        let ids: Vec<String> = (0..5000).map(|i| format!("unit-{i}")).collect();
        let mut with_odd = ids.clone();
        with_odd.extend([
            "".into(),
            "é".into(),
            "a much longer id of many bytes".into(),
        ]);
        let index = IdIndex::new(with_odd.iter().map(String::as_str)).unwrap();
        for (i, id) in with_odd.iter().enumerate() {
            assert_eq!(index.get(id), Some(i), "{id}");
        }
        for missing in [
            "unit-5000",
            "unit-",
            "unit-00",
            "e",
            "a much longer id of many byte",
        ] {
            assert_eq!(index.get(missing), None, "{missing}");
        }
    }

    #[test]
    fn a_repeated_id_names_its_last_unit() {
        let index = IdIndex::new(["a", "b", "a"].into_iter()).unwrap();
        assert_eq!(index.get("a"), Some(2));
        assert_eq!(index.get("b"), Some(1));
        let empty = IdIndex::new(std::iter::empty::<&str>()).unwrap();
        assert_eq!(empty.get("a"), None);
    }
}

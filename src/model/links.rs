//! Ties and targets: the parts of a document that refer to units (and initiatives).

use std::collections::HashMap;

use super::error::quote;
use super::fields::{Fields, Problems, index};
use super::json::{Json, Node};
use super::suggest::did_you_mean;
use super::types::{Initiative, Scale, Target, Tie, Unit};

const TIE_KEYS: &[&str] = &["from", "to", "strength", "note"];
const TARGET_KEYS: &[&str] = &["from", "to", "min", "initiative", "why"];

/// What ties and targets refer to.
pub(super) struct Refs<'a> {
    /// Unit id to index.
    pub ids: &'a HashMap<&'a str, usize>,
    /// The units, for names in messages.
    pub units: &'a [Unit],
    /// Whether the unit list could be read (if not, references are not checked).
    pub units_known: bool,
    /// The unit ids laid out for "did you mean", built at the first unknown id.
    pub suggest: std::cell::OnceCell<super::suggest::Index>,
}

impl Refs<'_> {
    /// Resolves the `from` and `to` members of a tie, target or action to unit indices.
    pub(super) fn pair(
        &self,
        f: &Fields,
        what: &str,
        out: &mut Problems,
    ) -> Option<(usize, usize)> {
        let from = self.unit(f, "from", out);
        let to = self.unit(f, "to", out);
        let (a, b) = (from?, to?);
        if a == b {
            let an = if what.starts_with('a') { "an" } else { "a" };
            out.add(
                f.pos,
                &f.path,
                format!(
                    "{an} {what} from {} to itself; {an} {what} joins two different units",
                    quote(&self.units[a].id)
                ),
            );
            return None;
        }
        Some((a, b))
    }

    fn unit(&self, f: &Fields, key: &str, out: &mut Problems) -> Option<usize> {
        let id = f.required_string(key, out)?;
        if let Some(&i) = self.ids.get(id.as_str()) {
            return Some(i);
        }
        if !self.units_known {
            return None;
        }
        let pos = f.get(key).map_or(f.pos, |n| n.pos);
        // Only the first problems are printed: past twice that many, no suggestion is
        // looked for (each is a pass over every unit id).
        if out.list.len() >= 2 * super::error::MAX_PROBLEMS {
            out.add(pos, &f.path_of(key), format!("unknown unit {}", quote(&id)));
            return None;
        }
        let index = self
            .suggest
            .get_or_init(|| super::suggest::Index::new(self.units.iter().map(|u| u.id.as_str())));
        let hint = match index.did_you_mean(&id) {
            Some(s) => format!(" (did you mean {}?)", quote(s)),
            None => match self
                .units
                .iter()
                .find(|u| u.name.as_deref() == Some(id.as_str()))
            {
                Some(u) => format!(
                    " ({} is the name of unit {}; ties and targets use ids)",
                    quote(&id),
                    quote(&u.id)
                ),
                None => String::new(),
            },
        };
        out.add(
            pos,
            &f.path_of(key),
            format!("unknown unit {}{hint}", quote(&id)),
        );
        None
    }
}

/// Checks that a value lies on the scale.
pub(super) fn on_scale(
    f: &Fields,
    key: &str,
    value: f64,
    scale: Option<Scale>,
    out: &mut Problems,
) -> bool {
    match scale {
        Some(s) if !s.contains(value) => {
            let pos = f.get(key).map_or(f.pos, |n| n.pos);
            out.add(
                pos,
                &f.path_of(key),
                format!("{value} is outside the scale {}..{}", s.min, s.max),
            );
            false
        }
        _ => true,
    }
}

/// Checks that the `initiative` member (when given) names a listed initiative.
pub(super) fn initiative_known(
    f: &Fields,
    initiative: Option<&str>,
    initiatives: &[Initiative],
    out: &mut Problems,
) -> bool {
    match initiative {
        Some(id) if !initiatives.iter().any(|x| x.id == id) => {
            let hint = did_you_mean(id, initiatives.iter().map(|x| x.id.as_str()))
                .map(|s| format!(" (did you mean {}?)", quote(s)))
                .unwrap_or_else(|| " (list it under \"initiatives\")".into());
            let pos = f.get("initiative").map_or(f.pos, |n| n.pos);
            out.add(
                pos,
                &f.path_of("initiative"),
                format!("unknown initiative {}{hint}", quote(id)),
            );
            false
        }
        _ => true,
    }
}

/// Decodes the `ties` array: known units, no self-ties, no duplicates, strengths on the scale.
pub(super) fn decode_ties(
    items: &[Node],
    refs: &Refs,
    scale: Option<Scale>,
    directed: bool,
    out: &mut Problems,
) -> Vec<Tie> {
    let mut ties = Vec::with_capacity(items.len());
    let mut seen: HashMap<(usize, usize), usize> = HashMap::with_capacity(items.len());
    for (i, node) in items.iter().enumerate() {
        let path = index("ties", i);
        let Some(mut f) = Fields::of(node, &path, "a tie object", TIE_KEYS, out) else {
            continue;
        };
        let pair = refs.pair(&f, "tie", out);
        // `strength: null` is an unknown rating (FORMAT.md): kept, never read as 0.
        let strength = match f.get("strength").map(|n| &n.value) {
            Some(Json::Null) => Some(None),
            _ => f
                .required_number("strength", out)
                .filter(|&v| on_scale(&f, "strength", v, scale, out))
                .map(Some),
        };
        let note = f.string("note", out);
        let (Some((a, b)), Some(strength)) = (pair, strength) else {
            continue;
        };
        let key = if directed {
            (a, b)
        } else {
            (a.min(b), a.max(b))
        };
        let first = first_time(&mut seen, key, i, &f, &path, out, |j| {
            let how = if directed {
                "the same rating twice"
            } else {
                "in an undirected file a-b and b-a are the same pair"
            };
            format!(
                "duplicate tie {} - {} (first at ties[{j}]; {how})",
                quote(&refs.units[a].id),
                quote(&refs.units[b].id)
            )
        });
        if !first {
            continue;
        }
        ties.push(Tie {
            from: refs.units[a].id.clone(),
            to: refs.units[b].id.clone(),
            strength,
            note,
            extra: std::mem::take(&mut f.extra),
        });
    }
    ties
}

/// Remembers where each key (a pair, or a pair and its scope) was first seen: a repeat is
/// reported at the object `f` with `message(first index)`, and gives `false`.
fn first_time<K: Eq + std::hash::Hash>(
    seen: &mut HashMap<K, usize>,
    key: K,
    i: usize,
    f: &Fields,
    path: &str,
    out: &mut Problems,
    message: impl FnOnce(usize) -> String,
) -> bool {
    if let Some(&j) = seen.get(&key) {
        out.add(f.pos, path, message(j));
        return false;
    }
    seen.insert(key, i);
    true
}

/// Decodes the `targets` array: known units and initiatives, one target per pair and scope.
pub(super) fn decode_targets(
    items: &[Node],
    refs: &Refs,
    scale: Option<Scale>,
    initiatives: &[Initiative],
    out: &mut Problems,
) -> Vec<Target> {
    let mut targets = Vec::with_capacity(items.len());
    let mut seen: HashMap<(usize, usize, Option<String>), usize> = HashMap::new();
    for (i, node) in items.iter().enumerate() {
        let path = index("targets", i);
        let Some(mut f) = Fields::of(node, &path, "a target object", TARGET_KEYS, out) else {
            continue;
        };
        let pair = refs.pair(&f, "target", out);
        let min = f
            .required_number("min", out)
            .filter(|&v| on_scale(&f, "min", v, scale, out));
        let why = f.string("why", out);
        let initiative = f.string("initiative", out);
        let known = initiative_known(&f, initiative.as_deref(), initiatives, out);
        let (Some((a, b)), Some(min)) = (pair, min) else {
            continue;
        };
        if !known {
            continue;
        }
        let key = (a.min(b), a.max(b), initiative.clone());
        let first = first_time(&mut seen, key, i, &f, &path, out, |j| {
            let scope = match &initiative {
                Some(id) => format!("initiative {}", quote(id)),
                None => "the baseline (no initiative)".into(),
            };
            format!(
                "a second target for {} - {} in {scope} (first at targets[{j}])",
                quote(&refs.units[a].id),
                quote(&refs.units[b].id)
            )
        });
        if !first {
            continue;
        }
        targets.push(Target {
            from: refs.units[a].id.clone(),
            to: refs.units[b].id.clone(),
            min,
            initiative,
            why,
            extra: std::mem::take(&mut f.extra),
        });
    }
    targets
}

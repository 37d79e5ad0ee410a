//! What-if: the gaps now against the gaps of the file as loaded, matched by the diff's rule
//! (`diff::gap_key`: kind, pair of unit ids, group, initiative; a missing tie and a pair below
//! target count as one kind), so adding or removing a unit does not confuse them.

use std::collections::BTreeMap;

use crate::analysis::{Analysis, Gap};
use crate::diff::{GapKey, gap_key, gaps_by_key};
use crate::model::Org;
use crate::text::clean;

/// Severities closer than this are equal.
const EPS: f64 = 1e-9;

/// How a gap changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// It was there and is gone.
    Closed,
    /// It is new.
    Opened,
    /// It is worse.
    Widened,
    /// It is smaller but still there.
    Narrowed,
}

impl Change {
    /// The word shown in the changes list.
    pub fn word(self) -> &'static str {
        match self {
            Change::Closed => "closed",
            Change::Opened => "opened",
            Change::Widened => "widened",
            Change::Narrowed => "narrowed",
        }
    }
}

/// One changed gap, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// How it changed.
    pub change: Change,
    /// The gap's explanation (now, or as loaded for a closed gap), cleaned.
    pub text: String,
    /// Severity as loaded and now (0 when absent), in [0, 1].
    pub severity: (f64, f64),
}

/// The gaps that changed against the file as loaded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diff {
    /// Changed gaps: closed, opened, widened, narrowed, each by severity.
    pub items: Vec<Item>,
    /// The gaps there now that changed, by key: how, and their severity before and now.
    marks: BTreeMap<Key, (Change, (f64, f64))>,
    /// Names of the units there now and not before, cleaned, in document order.
    pub units_added: Vec<String>,
    /// Names of the units there before and not now, cleaned, in document order.
    pub units_removed: Vec<String>,
}

impl Diff {
    /// How many gaps changed this way.
    pub fn count(&self, change: Change) -> usize {
        self.items.iter().filter(|i| i.change == change).count()
    }

    /// How a gap of the document now (`org`) changed: opened, widened or narrowed, with its
    /// severity before and now; `None` when it did not change.
    pub fn mark(&self, org: &Org, g: &Gap) -> Option<(Change, (f64, f64))> {
        self.marks.get(&gap_key(org, g)?).copied()
    }

    /// The title-bar summary, e.g. "2 closed, 1 opened" ("no gap changed" when none).
    pub fn summary(&self) -> String {
        let parts: Vec<String> = [
            Change::Closed,
            Change::Opened,
            Change::Widened,
            Change::Narrowed,
        ]
        .into_iter()
        .filter(|&c| self.count(c) > 0)
        .map(|c| format!("{} {}", self.count(c), c.word()))
        .collect();
        if parts.is_empty() {
            "no gap changed".into()
        } else {
            parts.join(", ")
        }
    }
}

type Key = GapKey;

/// The gap's kind and explanation, cleaned: "below target: …".
fn describe(g: &Gap) -> String {
    format!(
        "{}: {}",
        crate::tui::view::gaps::kind_words(g.kind),
        clean(&g.explanation)
    )
}

/// Compares the gaps of the document as loaded with the gaps now.
pub fn diff(before_org: &Org, before: &Analysis, now_org: &Org, now: &Analysis) -> Diff {
    // The diff's rule: gaps matched by key, the first of two with one key standing for both.
    let old = gaps_by_key(before_org, &before.gaps);
    let new = gaps_by_key(now_org, &now.gaps);
    let mut items = Vec::new();
    let mut marks = BTreeMap::new();
    for (k, g) in &old {
        let change = match new.get(k) {
            None => {
                items.push(Item {
                    change: Change::Closed,
                    text: describe(g),
                    severity: (g.severity, 0.0),
                });
                continue;
            }
            Some(n) if n.severity > g.severity + EPS => (Change::Widened, n),
            Some(n) if n.severity + EPS < g.severity => (Change::Narrowed, n),
            Some(_) => continue,
        };
        let (change, n) = change;
        let severity = (g.severity, n.severity);
        marks.insert(k.clone(), (change, severity));
        items.push(Item {
            change,
            text: describe(n),
            severity,
        });
    }
    for (k, n) in &new {
        if !old.contains_key(k) {
            let severity = (0.0, n.severity);
            marks.insert(k.clone(), (Change::Opened, severity));
            items.push(Item {
                change: Change::Opened,
                text: describe(n),
                severity,
            });
        }
    }
    items.sort_by(|a, b| {
        a.change.cmp(&b.change).then(
            b.severity
                .0
                .max(b.severity.1)
                .total_cmp(&a.severity.0.max(a.severity.1)),
        )
    });
    let only = |a: &Org, b: &Org| -> Vec<String> {
        let ids: std::collections::HashSet<&str> = b.units.iter().map(|u| u.id.as_str()).collect();
        a.units
            .iter()
            .filter(|u| !ids.contains(u.id.as_str()))
            // By name, as the screen names units everywhere (the id when it has none).
            .map(|u| clean(u.label()))
            .collect()
    };
    Diff {
        items,
        marks,
        units_added: only(now_org, before_org),
        units_removed: only(before_org, now_org),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyse};
    use crate::model::edit::Edit;
    use crate::model::seed::seed;

    #[test]
    fn gaps_are_matched_by_unit_ids_when_positions_shift() {
        let before = seed();
        let mut after = before.clone();
        // A new unit first shifts every other unit's index by one; it is isolated.
        let unit = crate::model::Unit {
            id: "new".into(),
            ..Default::default()
        };
        Edit::AddUnit { unit, at: Some(0) }
            .apply(&mut after)
            .expect("adds");
        let (a, b) = (
            analyse(&before, &Options::default()),
            analyse(&after, &Options::default()),
        );
        let d = diff(&before, &a, &after, &b);
        assert_eq!(d.count(Change::Closed), 0, "{d:?}");
        assert_eq!(
            d.count(Change::Widened) + d.count(Change::Narrowed),
            0,
            "{d:?}"
        );
        assert_eq!(d.summary(), "1 opened", "{d:?}");
        assert!(d.items[0].text.starts_with("isolated"), "{d:?}");
        assert_eq!(diff(&before, &a, &before, &a), Diff::default());
        assert_eq!(Diff::default().summary(), "no gap changed");
    }

    #[test]
    fn a_first_weak_tie_narrows_the_missing_tie_gap() {
        let before = seed();
        let mut after = before.clone();
        Edit::SetTie {
            from: "cdo".into(),
            to: "ciso".into(),
            strength: Some(1.0),
        }
        .apply(&mut after)
        .expect("sets");
        let (a, b) = (
            analyse(&before, &Options::default()),
            analyse(&after, &Options::default()),
        );
        let d = diff(&before, &a, &after, &b);
        assert_eq!(d.summary(), "1 narrowed", "{d:?}");
        assert!(d.items[0].text.starts_with("below target"), "{d:?}");
    }
}

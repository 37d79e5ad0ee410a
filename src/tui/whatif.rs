//! What-if: the gaps now against the gaps of the file as loaded, matched by (kind, pair,
//! initiative) with units named by id, so adding or removing a unit does not confuse them.

use std::collections::BTreeMap;

use crate::analysis::{Analysis, Gap, GapKind};
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
}

impl Diff {
    /// How many gaps changed this way.
    pub fn count(&self, change: Change) -> usize {
        self.items.iter().filter(|i| i.change == change).count()
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

type Key = (
    GapKind,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The gap's kind and explanation, cleaned: "below target: …".
fn describe(g: &Gap) -> String {
    format!(
        "{}: {}",
        g.kind.as_str().replace('_', " "),
        clean(&g.explanation)
    )
}

fn key(org: &Org, g: &Gap) -> Key {
    let id = |i: usize| org.units.get(i).map(|u| u.id.clone()).unwrap_or_default();
    let (a, b) = match g.to {
        Some(t) => {
            let (x, y) = (id(g.from), id(t));
            if x <= y { (x, Some(y)) } else { (y, Some(x)) }
        }
        // A silo is its group's; which unit stands for it does not matter.
        None if g.kind == GapKind::Silo => (String::new(), None),
        None => (id(g.from), None),
    };
    (g.kind, a, b, g.group.clone(), g.initiative.clone())
}

/// Compares the gaps of the document as loaded with the gaps now.
pub fn diff(before_org: &Org, before: &Analysis, now_org: &Org, now: &Analysis) -> Diff {
    let old: BTreeMap<Key, &Gap> = before
        .gaps
        .iter()
        .map(|g| (key(before_org, g), g))
        .collect();
    let new: BTreeMap<Key, &Gap> = now.gaps.iter().map(|g| (key(now_org, g), g)).collect();
    let mut items = Vec::new();
    for (k, g) in &old {
        match new.get(k) {
            None => items.push(Item {
                change: Change::Closed,
                text: describe(g),
                severity: (g.severity, 0.0),
            }),
            Some(n) if n.severity > g.severity + EPS => items.push(Item {
                change: Change::Widened,
                text: describe(n),
                severity: (g.severity, n.severity),
            }),
            Some(n) if n.severity + EPS < g.severity => items.push(Item {
                change: Change::Narrowed,
                text: describe(n),
                severity: (g.severity, n.severity),
            }),
            Some(_) => {}
        }
    }
    for (k, n) in &new {
        if !old.contains_key(k) {
            items.push(Item {
                change: Change::Opened,
                text: describe(n),
                severity: (0.0, n.severity),
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
    Diff { items }
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
}

//! Actions between two snapshots: added, done, otherwise changed, removed.
//!
//! Actions have no ids: an action is matched by its unordered pair, initiative and `what`
//! (the k-th such action of OLD with the k-th of NEW). An edit of `what` therefore shows as
//! one action removed and one added.

use std::collections::BTreeMap;

use super::{ActionChange, Diff};
use crate::model::{Action, ActionStatus, Org};
use crate::text::clean;

type Key = (String, String, Option<String>, String);

fn key(a: &Action) -> Key {
    let (x, y) = if a.from <= a.to {
        (&a.from, &a.to)
    } else {
        (&a.to, &a.from)
    };
    (x.clone(), y.clone(), a.initiative.clone(), a.what.clone())
}

fn grouped(org: &Org) -> BTreeMap<Key, Vec<&Action>> {
    let mut map: BTreeMap<Key, Vec<&Action>> = BTreeMap::new();
    for a in &org.actions {
        map.entry(key(a)).or_default().push(a);
    }
    map
}

/// Names of the members that differ (status excluded), in format order.
fn fields(o: &Action, n: &Action) -> Vec<&'static str> {
    let mut out = Vec::new();
    if o.owner != n.owner {
        out.push("owner");
    }
    if o.due != n.due {
        out.push("due");
    }
    if o.status() != n.status() {
        out.push("status");
    }
    if o.decided != n.decided {
        out.push("decided");
    }
    if o.expect.map(f64::to_bits) != n.expect.map(f64::to_bits) {
        out.push("expect");
    }
    if o.note != n.note {
        out.push("note");
    }
    out
}

fn change(k: &Key, o: Option<&Action>, n: Option<&Action>) -> ActionChange {
    ActionChange {
        from: k.0.clone(),
        to: k.1.clone(),
        initiative: k.2.clone(),
        what: k.3.clone(),
        owner: n.or(o).and_then(|a| a.owner.clone()),
        old_status: o.map(Action::status),
        new_status: n.map(Action::status),
        fields: match (o, n) {
            (Some(o), Some(n)) => fields(o, n),
            _ => Vec::new(),
        },
    }
}

/// (added, done, changed, removed), each sorted by pair, initiative and what.
pub(super) fn compare(
    old: &Org,
    new: &Org,
) -> (
    Vec<ActionChange>,
    Vec<ActionChange>,
    Vec<ActionChange>,
    Vec<ActionChange>,
) {
    let (og, ng) = (grouped(old), grouped(new));
    let (mut added, mut done, mut changed, mut removed) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (k, olds) in &og {
        let news = ng.get(k).map_or(&[][..], Vec::as_slice);
        for (i, o) in olds.iter().enumerate() {
            match news.get(i) {
                None => removed.push(change(k, Some(o), None)),
                Some(n) => {
                    let c = change(k, Some(o), Some(n));
                    if o.status() != ActionStatus::Done && n.status() == ActionStatus::Done {
                        done.push(c);
                    } else if !c.fields.is_empty() {
                        changed.push(c);
                    }
                }
            }
        }
    }
    for (k, news) in &ng {
        let had = og.get(k).map_or(0, Vec::len);
        for n in news.iter().skip(had) {
            added.push(change(k, None, Some(n)));
        }
    }
    (added, done, changed, removed)
}

/// One action change for text and Markdown: pair, what, initiative, owner, status, and the
/// other members that changed.
pub(crate) fn line(a: &ActionChange) -> String {
    let ini = a
        .initiative
        .as_deref()
        .map_or(String::new(), |i| format!(", initiative {}", clean(i)));
    let owner = a
        .owner
        .as_deref()
        .map_or(String::new(), |o| format!(", owner {}", clean(o)));
    let status = match (a.old_status, a.new_status) {
        (Some(o), Some(n)) if o != n => format!(", {} -> {}", o.as_str(), n.as_str()),
        (_, Some(n)) | (Some(n), None) => format!(", {}", n.as_str()),
        (None, None) => String::new(),
    };
    let others: Vec<&str> = a
        .fields
        .iter()
        .copied()
        .filter(|f| *f != "status")
        .collect();
    let fields = if others.is_empty() {
        String::new()
    } else {
        format!("; changed: {}", others.join(", "))
    };
    format!(
        "{} – {}: {}{ini}{owner}{status}{fields}",
        clean(&a.from),
        clean(&a.to),
        clean(&a.what)
    )
}

/// "; actions: +1 done 2 ~0 -0" for the summary line, only when any action changed (so
/// summaries of files without actions read as before).
pub(super) fn summary(d: &Diff) -> String {
    let n = d.actions_added.len()
        + d.actions_done.len()
        + d.actions_changed.len()
        + d.actions_removed.len();
    if n == 0 {
        return String::new();
    }
    format!(
        "; actions: +{} done {} ~{} -{}",
        d.actions_added.len(),
        d.actions_done.len(),
        d.actions_changed.len(),
        d.actions_removed.len()
    )
}

//! Which gaps a review meeting discussed: recorded in the meeting's review entry under the
//! extension key `x-discussed` (an array of gap names such as `below_target: cdo – ciso`),
//! one rule for the screen (which writes it) and the minutes (which read it).

use serde_json::Value;

use crate::analysis::Gap;
use crate::diff::gap_key;
use crate::model::{Date, Org, Review};

/// The extension key of a review that lists the gaps it discussed.
pub const KEY: &str = "x-discussed";

/// The name of a gap in `x-discussed`: its kind (a missing tie counts as below target, as in
/// `gapscope diff`) and its units by id, e.g. `below_target: cdo – ciso`, `isolated: legal`,
/// `silo: group Finance`. `None` when the gap names a unit the org lacks.
pub fn name(org: &Org, g: &Gap) -> Option<String> {
    let (kind, from, to, group, _) = gap_key(org, g)?;
    let subject = match (group, to) {
        (Some(group), _) => format!("group {group}"),
        (None, Some(to)) => format!("{from} – {to}"),
        (None, None) => from,
    };
    Some(format!("{}: {subject}", kind.as_str()))
}

/// The gap names a review lists as discussed (empty when it lists none).
pub fn listed(review: &Review) -> Vec<String> {
    match review.extra.value(KEY) {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// The position in `org.reviews` of the meeting held on `date` for `initiative` (exactly
/// that initiative; `None` is the meeting about all targets).
pub fn meeting(org: &Org, date: Date, initiative: Option<&str>) -> Option<usize> {
    org.reviews
        .iter()
        .position(|r| r.date == date && r.initiative.as_deref() == initiative)
}

/// Whether the meeting of `date` for `initiative` discussed a gap.
pub fn was_discussed(org: &Org, date: Date, initiative: Option<&str>, g: &Gap) -> bool {
    let Some(at) = meeting(org, date, initiative) else {
        return false;
    };
    name(org, g).is_some_and(|n| listed(&org.reviews[at]).contains(&n))
}

/// The date of the last meeting before `date` for `initiative` that recorded what it
/// discussed, when it did not reach this gap (the gap was carried over from it).
pub fn carried_over(org: &Org, date: Date, initiative: Option<&str>, g: &Gap) -> Option<Date> {
    let last = org
        .reviews
        .iter()
        .filter(|r| r.date < date && r.initiative.as_deref() == initiative)
        .filter(|r| r.extra.contains_key(KEY))
        .max_by_key(|r| r.date)?;
    let n = name(org, g)?;
    (!listed(last).contains(&n)).then_some(last.date)
}

/// A copy of `review` with a gap added to (`on`) or taken from its discussed list; the key
/// is dropped when the list becomes empty.
pub fn with(review: &Review, gap: &str, on: bool) -> Review {
    let mut list = listed(review);
    list.retain(|n| n != gap);
    if on {
        list.push(gap.to_string());
    }
    let mut out = review.clone();
    if list.is_empty() {
        out.extra.remove(KEY);
    } else {
        out.extra.insert(
            KEY.to_string(),
            Value::Array(list.into_iter().map(Value::String).collect()),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(extra: serde_json::Value) -> Review {
        Review {
            date: Date::new(2026, 11, 30).unwrap_or_else(|| unreachable!()),
            initiative: None,
            who: None,
            notes: None,
            extra: extra
                .as_object()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn marks_are_added_once_and_taken_off_to_nothing() {
        let r = review(serde_json::json!({"x-other": 1}));
        let one = with(&r, "isolated: legal", true);
        let twice = with(&one, "isolated: legal", true);
        assert_eq!(listed(&twice), vec!["isolated: legal".to_string()]);
        let off = with(&twice, "isolated: legal", false);
        assert_eq!(
            off, r,
            "the key goes when the list empties; other keys stay"
        );
    }

    #[test]
    fn odd_values_list_nothing() {
        assert!(listed(&review(serde_json::json!({KEY: "cdo"}))).is_empty());
        assert_eq!(
            listed(&review(serde_json::json!({KEY: [1, "a"]}))),
            vec!["a".to_string()]
        );
    }
}

//! Decoding `actions` and `reviews`: known units and initiatives, real dates, a status
//! from the list, `expect` on the scale, every problem located.

use super::error::quote;
use super::fields::{Fields, Problems, index};
use super::json::{Json, Node};
use super::links::{Refs, initiative_known, on_scale};
use super::suggest::did_you_mean;
use super::types::{Action, ActionStatus, Date, Initiative, Review, Scale};

/// The keys of an action, in the format's order (also the columns of `export --table actions`).
pub(crate) const ACTION_KEYS: &[&str] = &[
    "from",
    "to",
    "what",
    "initiative",
    "owner",
    "due",
    "status",
    "decided",
    "expect",
    "note",
];
const REVIEW_KEYS: &[&str] = &["date", "initiative", "who", "notes"];

/// Text from a file shown in a message: as is when it is plainly a date-like word,
/// else quoted (so that it can never drive the terminal).
fn shown(text: &str) -> String {
    let plain = !text.is_empty()
        && text.len() <= 20
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if plain { text.to_string() } else { quote(text) }
}

/// Why text that looks like `YYYY-MM-DD` is not a date, for a person.
fn why_not(text: &str) -> &'static str {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return " (expected YYYY-MM-DD, e.g. 2026-12-01)";
    }
    match (&text[5..7], &text[8..10]) {
        _ if &text[..4] == "0000" => " (there is no year 0; years start at 0001)",
        ("02", "29") => " (that year has no 29 February)",
        (m, _) if !("01"..="12").contains(&m) => " (there is no such month)",
        _ => " (that month has fewer days)",
    }
}

/// An optional date member.
pub(super) fn date(f: &Fields, key: &str, out: &mut Problems) -> Option<Date> {
    let text = f.string(key, out)?;
    match Date::parse(&text) {
        Some(d) => Some(d),
        None => {
            let pos = f.get(key).map_or(f.pos, |n| n.pos);
            out.add(
                pos,
                &f.path_of(key),
                format!("{} is not a date{}", shown(&text), why_not(&text)),
            );
            None
        }
    }
}

fn status(f: &Fields, out: &mut Problems) -> Option<ActionStatus> {
    let text = f.string("status", out)?;
    if let Some(s) = ActionStatus::parse(&text) {
        return Some(s);
    }
    let names = ActionStatus::ALL.map(ActionStatus::as_str);
    let hint = match did_you_mean(&text, names.iter().copied()) {
        Some(s) => format!("did you mean {}?", quote(s)),
        None => format!("expected one of: {}", names.join(", ")),
    };
    let pos = f.get("status").map_or(f.pos, |n| n.pos);
    out.add(
        pos,
        &f.path_of("status"),
        format!("unknown status {} ({hint})", quote(&text)),
    );
    None
}

/// Decodes the `actions` array. An action with any problem is left out (the file is
/// refused anyway); the problems of all actions are reported.
pub(super) fn decode_actions(
    items: &[Node],
    refs: &Refs,
    scale: Option<Scale>,
    initiatives: &[Initiative],
    out: &mut Problems,
) -> Vec<Action> {
    let mut actions = Vec::with_capacity(items.len());
    for (i, node) in items.iter().enumerate() {
        let path = index("actions", i);
        let Some(mut f) = Fields::of(node, &path, "an action object", ACTION_KEYS, out) else {
            continue;
        };
        let before = out.list.len();
        let pair = refs.pair(&f, "action", out);
        let what = f.required_string("what", out);
        if what.as_deref() == Some("") {
            let pos = f.get("what").map_or(f.pos, |n| n.pos);
            out.add(
                pos,
                &f.path_of("what"),
                "\"what\" must not be empty: say what is to be done",
            );
        }
        let initiative = f.string("initiative", out);
        initiative_known(&f, initiative.as_deref(), initiatives, out);
        let expect = f
            .number("expect", out)
            .filter(|&v| on_scale(&f, "expect", v, scale, out));
        let action = Action {
            from: String::new(),
            to: String::new(),
            what: what.unwrap_or_default(),
            initiative,
            owner: f.string("owner", out),
            due: date(&f, "due", out),
            status: status(&f, out),
            decided: date(&f, "decided", out),
            expect,
            note: f.string("note", out),
            extra: std::mem::take(&mut f.extra),
        };
        let Some((a, b)) = pair else { continue };
        if out.list.len() == before {
            actions.push(Action {
                from: refs.units[a].id.clone(),
                to: refs.units[b].id.clone(),
                ..action
            });
        }
    }
    actions
}

fn who(f: &Fields, out: &mut Problems) -> Option<Vec<String>> {
    let node = f.get("who")?;
    let path = f.path_of("who");
    let Json::Array(items) = &node.value else {
        out.wrong_type(node, &path, "an array of names");
        return None;
    };
    let mut names = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match &item.value {
            Json::String(s) => names.push(s.clone()),
            _ => out.wrong_type(item, &index(&path, i), "a name (a string)"),
        }
    }
    Some(names)
}

/// Decodes the `reviews` array.
pub(super) fn decode_reviews(
    items: &[Node],
    initiatives: &[Initiative],
    out: &mut Problems,
) -> Vec<Review> {
    let mut reviews = Vec::with_capacity(items.len());
    for (i, node) in items.iter().enumerate() {
        let path = index("reviews", i);
        let Some(mut f) = Fields::of(node, &path, "a review object", REVIEW_KEYS, out) else {
            continue;
        };
        let before = out.list.len();
        if f.get("date").is_none() {
            f.missing("date", out);
        }
        let date = date(&f, "date", out);
        let initiative = f.string("initiative", out);
        initiative_known(&f, initiative.as_deref(), initiatives, out);
        let who = who(&f, out);
        let notes = f.string("notes", out);
        if let (Some(date), true) = (date, out.list.len() == before) {
            reviews.push(Review {
                date,
                initiative,
                who,
                notes,
                extra: std::mem::take(&mut f.extra),
            });
        }
    }
    reviews
}

#[cfg(test)]
mod tests {
    use super::why_not;
    use crate::model::types::Date;

    #[test]
    fn dates_exist_or_are_refused() {
        assert!(Date::parse("2028-02-29").is_some());
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("1900-02-29").is_none());
        assert!(Date::parse("2027-02-29").is_none());
        assert!(Date::parse("2027-02-30").is_none());
        assert!(Date::parse("2026-04-31").is_none());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("2026-00-10").is_none());
        assert!(Date::parse("2026-1-01").is_none());
        assert!(Date::parse("2026-01-01T00:00").is_none());
        assert!(Date::parse("+026-01-01").is_none());
        assert_eq!(
            Date::parse("2026-12-31").map(|d| d.to_string()),
            Some("2026-12-31".into())
        );
        assert_eq!(why_not("2027-02-29"), " (that year has no 29 February)");
        assert_eq!(why_not("2027-14-01"), " (there is no such month)");
        assert_eq!(why_not("2027-02-30"), " (that month has fewer days)");
        assert!(why_not("0000-01-01").contains("no year 0"));
        assert!(Date::parse("0001-01-01").is_some());
        assert!(Date::parse("9999-12-31").is_some());
    }

    #[test]
    fn unix_days_give_calendar_dates() {
        let d = |n| Date::from_unix_days(n).map(|d| d.to_string());
        assert_eq!(d(0), Some("1970-01-01".into()));
        assert_eq!(d(19_782), Some("2024-02-29".into()));
        assert_eq!(d(20_422), Some("2025-11-30".into()));
        assert_eq!(d(-1), Some("1969-12-31".into()));
    }
}

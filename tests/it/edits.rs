//! Edits of a document: each edit, its description, its inverse, its refusals, and undo/redo.

#[path = "edits/actions.rs"]
mod actions;
#[path = "edits/history.rs"]
mod history;
#[path = "edits/prop.rs"]
mod prop;
#[path = "edits/targets.rs"]
mod targets;
#[path = "edits/ties.rs"]
mod ties;
#[path = "edits/units.rs"]
mod units;

use gapscope::model::edit::{Edit, EditError};
use gapscope::model::{self, Org};

const UNDIRECTED: &str = r#"{
  "title": "IT",
  "scale": {"min": 1, "max": 5},
  "units": [
    {"id": "cio", "name": "CIO office", "group": "IT"},
    {"id": "sec", "name": "Security (CISO)", "group": "IT"},
    {"id": "hr", "name": "HR"},
    {"id": "fin", "group": "Finance", "x-cost": 12}
  ],
  "ties": [
    {"from": "cio", "to": "sec", "strength": 1, "note": "survey"},
    {"from": "hr", "to": "cio", "strength": 3},
    {"from": "sec", "to": "fin", "strength": 2, "x-src": "mail"},
    {"from": "hr", "to": "fin", "strength": 4}
  ],
  "targets": [
    {"from": "cio", "to": "sec", "min": 4, "why": "AI risk"},
    {"from": "hr", "to": "cio", "min": 3, "initiative": "ai"},
    {"from": "fin", "to": "hr", "min": 2}
  ],
  "initiatives": [{"id": "ai", "name": "AI rollout"}],
  "x-owner": "cio"
}"#;

fn org() -> Org {
    model::from_str("test.json", UNDIRECTED).unwrap()
}

fn directed() -> Org {
    let text = UNDIRECTED.replace(
        "\"title\": \"IT\",",
        "\"title\": \"IT\", \"directed\": true,",
    );
    model::from_str("test.json", &text).unwrap()
}

/// Applies an edit, checks the result reloads as a valid file and that the inverse restores
/// the document exactly; returns the description.
fn apply_and_invert(org: &mut Org, edit: Edit) -> String {
    let before = org.clone();
    let applied = edit.apply(org).unwrap();
    let text = model::save::to_string(org);
    assert_eq!(&model::from_str("after.json", &text).unwrap(), org);
    let mut undone = org.clone();
    applied.inverse.apply(&mut undone).unwrap();
    assert_eq!(undone, before);
    assert_eq!(
        model::save::to_string(&undone),
        model::save::to_string(&before)
    );
    applied.description
}

/// Checks an edit is refused with the expected error and leaves the document as it was.
fn refused(org: &Org, edit: Edit) -> EditError {
    let mut copy = org.clone();
    let err = edit.apply(&mut copy).unwrap_err();
    assert_eq!(&copy, org);
    err
}

fn set_tie(from: &str, to: &str, strength: f64) -> Edit {
    Edit::SetTie {
        from: from.into(),
        to: to.into(),
        strength: Some(strength),
    }
}

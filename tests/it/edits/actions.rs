//! Edits of the review record: actions and reviews, each with its inverse; a unit's removal
//! takes its actions along and its restoration puts them back.

use super::{apply_and_invert, org, refused};
use gapscope::model::edit::{Edit, EditError};
use gapscope::model::history::History;
use gapscope::model::{Action, ActionStatus, Date, Review};

fn action(from: &str, to: &str, what: &str) -> Action {
    Action {
        from: from.into(),
        to: to.into(),
        what: what.into(),
        ..Action::default()
    }
}

#[test]
fn actions_are_added_changed_closed_and_removed_with_their_inverses() {
    let mut org = org();
    let mut a = action("sec", "cio", "security architect on the AI board");
    a.initiative = Some("ai".into());
    a.expect = Some(4.0);
    a.due = Date::new(2026, 12, 15);
    let d = apply_and_invert(
        &mut org,
        Edit::AddAction {
            action: a.clone(),
            at: None,
        },
    );
    assert_eq!(
        d,
        "add action Security (CISO)–CIO office: \"security architect on the AI board\""
    );
    Edit::AddAction {
        action: a.clone(),
        at: None,
    }
    .apply(&mut org)
    .unwrap();
    let d = apply_and_invert(
        &mut org,
        Edit::SetActionStatus {
            at: 0,
            status: Some(ActionStatus::Done),
        },
    );
    assert_eq!(
        d,
        "action Security (CISO)–CIO office: \"security architect on the AI board\" open → done"
    );
    let mut b = a.clone();
    b.owner = Some("CIO".into());
    apply_and_invert(&mut org, Edit::UpdateAction { at: 0, action: b });
    let d = apply_and_invert(&mut org, Edit::RemoveAction { at: 0 });
    assert!(
        d.starts_with("remove action Security (CISO)–CIO office"),
        "{d}"
    );
    let r = Review {
        date: Date::new(2026, 11, 30).unwrap(),
        initiative: Some("ai".into()),
        who: Some(vec!["CIO".into(), "CISO".into()]),
        notes: None,
        extra: Default::default(),
    };
    assert_eq!(
        apply_and_invert(
            &mut org,
            Edit::AddReview {
                review: r,
                at: None
            }
        ),
        "add review of 2026-11-30"
    );
}

#[test]
fn actions_that_break_the_format_are_refused() {
    let org = org();
    let err = refused(
        &org,
        Edit::AddAction {
            action: action("cio", "cio", "x"),
            at: None,
        },
    );
    assert_eq!(
        err.to_string(),
        "an action from \"cio\" to itself; an action joins two different units"
    );
    let err = refused(
        &org,
        Edit::AddAction {
            action: action("cio", "sek", "x"),
            at: None,
        },
    );
    assert!(matches!(err, EditError::UnknownUnit { .. }), "{err}");
    let err = refused(
        &org,
        Edit::AddAction {
            action: action("cio", "sec", ""),
            at: None,
        },
    );
    assert!(err.to_string().contains("\"what\" is empty"), "{err}");
    let mut off = action("cio", "sec", "x");
    off.expect = Some(6.0);
    let err = refused(
        &org,
        Edit::AddAction {
            action: off,
            at: None,
        },
    );
    assert_eq!(err.to_string(), "6 is outside the scale 1..5");
    let mut unknown = action("cio", "sec", "x");
    unknown.initiative = Some("aii".into());
    let err = refused(
        &org,
        Edit::AddAction {
            action: unknown,
            at: None,
        },
    );
    assert_eq!(
        err.to_string(),
        "unknown initiative \"aii\" (did you mean \"ai\"?)"
    );
    let err = refused(
        &org,
        Edit::SetActionStatus {
            at: 0,
            status: None,
        },
    );
    assert!(
        matches!(
            err,
            EditError::BadPosition {
                list: "actions",
                ..
            }
        ),
        "{err}"
    );
    let err = refused(&org, Edit::RemoveReview { at: 3 });
    assert!(
        matches!(
            err,
            EditError::BadPosition {
                list: "reviews",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn removing_a_unit_takes_its_actions_and_undo_puts_them_back_in_place() {
    let mut org = org();
    for (f, t, w) in [("cio", "sec", "a"), ("hr", "fin", "b"), ("sec", "hr", "c")] {
        Edit::AddAction {
            action: action(f, t, w),
            at: None,
        }
        .apply(&mut org)
        .unwrap();
    }
    let mut history = History::default();
    let before = org.clone();
    let d = history
        .apply(&mut org, Edit::RemoveUnit { id: "sec".into() })
        .unwrap();
    assert!(d.ends_with("2 actions)"), "{d}");
    assert_eq!(org.actions.len(), 1);
    assert_eq!(org.actions[0].what, "b");
    history.undo(&mut org).unwrap();
    assert_eq!(org, before);
}

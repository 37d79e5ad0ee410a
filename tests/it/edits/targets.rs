//! Target edits: set, change, clear, and their `why`.

use gapscope::model::Target;
use gapscope::model::edit::{Edit, EditError};

use super::{apply_and_invert, org, refused};

fn set_target(from: &str, to: &str, initiative: Option<&str>, min: f64) -> Edit {
    Edit::SetTarget {
        from: from.into(),
        to: to.into(),
        initiative: initiative.map(String::from),
        min,
    }
}

#[test]
fn targets_are_set_changed_and_cleared_per_initiative() {
    let mut org = org();
    let d = apply_and_invert(&mut org, set_target("sec", "cio", None, 5.0));
    assert_eq!(d, "target Security (CISO)–CIO office (baseline) 4 → 5");
    assert_eq!(org.targets[0].min, 5.0);
    let d = apply_and_invert(&mut org, set_target("cio", "sec", Some("ai"), 3.0));
    assert_eq!(d, "target CIO office–Security (CISO) (AI rollout) none → 3");
    assert_eq!(
        org.targets.len(),
        4,
        "an initiative's target is apart from the baseline"
    );
    let d = apply_and_invert(
        &mut org,
        Edit::RemoveTarget {
            from: "hr".into(),
            to: "fin".into(),
            initiative: None,
        },
    );
    assert_eq!(d, "clear target fin–HR (baseline) (was 2)");
    assert_eq!(org.targets.len(), 3);
    let err = refused(&org, set_target("cio", "sec", Some("cloud"), 3.0));
    assert_eq!(err.to_string(), "unknown initiative \"cloud\"");
    let err = refused(
        &org,
        Edit::RemoveTarget {
            from: "hr".into(),
            to: "sec".into(),
            initiative: Some("ai".into()),
        },
    );
    assert_eq!(
        err.to_string(),
        "there is no target for \"hr\" - \"sec\" in initiative \"ai\""
    );
    assert!(matches!(
        refused(&org, set_target("cio", "sec", None, 0.0)),
        EditError::OffScale { .. }
    ));
}

#[test]
fn adding_a_second_target_for_a_pair_and_initiative_is_refused() {
    let org = org();
    let err = refused(
        &org,
        Edit::AddTarget {
            target: Target {
                from: "cio".into(),
                to: "hr".into(),
                min: 2.0,
                initiative: Some("ai".into()),
                ..Target::default()
            },
            at: None,
        },
    );
    assert_eq!(
        err.to_string(),
        "there is already a target for \"cio\" - \"hr\" in initiative \"ai\""
    );
}

#[test]
fn a_targets_why_is_an_editable_note() {
    let mut org = org();
    let d = apply_and_invert(
        &mut org,
        Edit::SetTargetWhy {
            from: "cio".into(),
            to: "hr".into(),
            initiative: Some("ai".into()),
            why: Some("model governance".into()),
        },
    );
    assert_eq!(
        d,
        "why of target CIO office–HR (AI rollout): \"model governance\""
    );
    assert_eq!(org.targets[1].why.as_deref(), Some("model governance"));
}

//! Edits of a document: each edit, its description, its inverse, its refusals, and undo/redo.

#[path = "edits/prop.rs"]
mod prop;

use gapscope::model::edit::{Edit, EditError};
use gapscope::model::history::History;
use gapscope::model::{self, Org, Target, Tie, Unit};

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
        strength,
    }
}

#[test]
fn setting_a_strength_changes_it_and_says_so_with_names_and_scale_values() {
    let mut org = org();
    let d = apply_and_invert(&mut org, set_tie("cio", "sec", 3.0));
    assert_eq!(d, "CIO office–Security (CISO) 1 → 3");
    assert_eq!(org.ties[0].strength, 3.0);
    assert_eq!(org.ties[0].note.as_deref(), Some("survey"));
}

#[test]
fn undirected_files_find_the_tie_in_either_order() {
    let mut org = org();
    let d = apply_and_invert(&mut org, set_tie("cio", "hr", 5.0));
    assert_eq!(d, "CIO office–HR 3 → 5");
    assert_eq!(org.ties.len(), 4);
    assert_eq!(
        (org.ties[1].from.as_str(), org.ties[1].strength),
        ("hr", 5.0)
    );
}

#[test]
fn directed_files_set_each_direction_separately() {
    let mut org = directed();
    let d = apply_and_invert(&mut org, set_tie("cio", "hr", 2.0));
    assert_eq!(d, "CIO office rates HR none → 2");
    assert_eq!(org.ties.len(), 5);
    assert_eq!(org.ties[1].strength, 3.0, "hr's rating of cio is its own");
    let d = apply_and_invert(&mut org, set_tie("hr", "cio", 4.0));
    assert_eq!(d, "HR rates CIO office 3 → 4");
}

#[test]
fn setting_a_strength_where_no_tie_exists_creates_it_at_the_end() {
    let mut org = org();
    let d = apply_and_invert(&mut org, set_tie("fin", "cio", 2.5));
    assert_eq!(d, "fin–CIO office none → 2.5");
    let last = org.ties.last().unwrap();
    assert_eq!((last.from.as_str(), last.to.as_str()), ("fin", "cio"));
    assert_eq!((last.strength, last.note.clone()), (2.5, None));
}

#[test]
fn setting_the_scale_minimum_keeps_the_tie_and_removing_is_its_own_edit() {
    let mut org = org();
    apply_and_invert(&mut org, set_tie("cio", "sec", 1.0));
    apply_and_invert(&mut org, set_tie("hr", "cio", 1.0));
    assert_eq!(
        org.ties.len(),
        4,
        "a tie at scale.min records no collaboration"
    );
    let d = apply_and_invert(
        &mut org,
        Edit::RemoveTie {
            from: "cio".into(),
            to: "hr".into(),
        },
    );
    assert_eq!(d, "remove tie HR–CIO office (was 1)");
    assert_eq!(org.ties.len(), 3);
    assert!(org.ties.iter().all(|t| t.from != "hr" || t.to != "cio"));
}

#[test]
fn removing_a_tie_and_undoing_puts_it_back_in_place_with_note_and_x_keys() {
    let mut org = org();
    let before = org.clone();
    let mut history = History::new();
    let d = history
        .apply(
            &mut org,
            Edit::RemoveTie {
                from: "fin".into(),
                to: "sec".into(),
            },
        )
        .unwrap();
    assert_eq!(d, "remove tie Security (CISO)–fin (was 2)");
    assert_eq!(
        history.undo(&mut org).unwrap().as_deref(),
        Some("undo: add tie Security (CISO)–fin 2")
    );
    assert_eq!(org, before);
    assert_eq!(org.ties[2].extra["x-src"], "mail");
}

#[test]
fn adding_a_tie_checks_it_like_the_file_format() {
    let org = org();
    let tie = |from: &str, to: &str, strength: f64| Edit::AddTie {
        tie: Tie {
            from: from.into(),
            to: to.into(),
            strength,
            ..Tie::default()
        },
        at: None,
    };
    let err = refused(&org, tie("sec", "cio", 2.0));
    assert_eq!(
        err.to_string(),
        "there is already a tie \"sec\" - \"cio\"; set its strength instead"
    );
    assert!(matches!(
        refused(&org, tie("cio", "cio", 2.0)),
        EditError::SelfPair { .. }
    ));
    let err = refused(&org, tie("cio", "secc", 2.0));
    assert_eq!(
        err.to_string(),
        "unknown unit \"secc\" (did you mean \"sec\"?)"
    );
    for bad in [0.5, 5.5, f64::NAN, f64::INFINITY] {
        assert!(matches!(
            refused(&org, tie("cio", "fin", bad)),
            EditError::OffScale { .. }
        ));
    }
    let mut t = Tie {
        from: "cio".into(),
        to: "fin".into(),
        strength: 2.0,
        ..Tie::default()
    };
    t.extra.insert("source".into(), "x".into());
    let err = refused(&org, Edit::AddTie { tie: t, at: None });
    assert!(err.to_string().contains("must start with \"x-\""));
    let mut org = org;
    let d = apply_and_invert(
        &mut org,
        Edit::AddTie {
            tie: Tie {
                from: "cio".into(),
                to: "fin".into(),
                strength: 5.0,
                note: Some("new".into()),
                ..Tie::default()
            },
            at: Some(1),
        },
    );
    assert_eq!(d, "add tie CIO office–fin 5");
    assert_eq!(org.ties[1].to, "fin");
    let err = refused(
        &org,
        Edit::AddTie {
            tie: Tie {
                from: "sec".into(),
                to: "hr".into(),
                strength: 5.0,
                ..Tie::default()
            },
            at: Some(99),
        },
    );
    assert_eq!(
        err.to_string(),
        "position 99 is past the end of the ties (length 5)"
    );
}

#[test]
fn bad_edits_change_nothing() {
    let org = org();
    assert!(matches!(
        refused(&org, set_tie("cio", "sec", 7.0)),
        EditError::OffScale { .. }
    ));
    assert!(matches!(
        refused(&org, set_tie("cio", "nobody", 2.0)),
        EditError::UnknownUnit { .. }
    ));
    assert!(matches!(
        refused(&org, set_tie("hr", "hr", 2.0)),
        EditError::SelfPair { .. }
    ));
    let err = refused(
        &org,
        Edit::RemoveTie {
            from: "cio".into(),
            to: "fin".into(),
        },
    );
    assert_eq!(err.to_string(), "there is no tie \"cio\" - \"fin\"");
    let err = refused(
        &org,
        Edit::SetTieNote {
            from: "cio".into(),
            to: "fin".into(),
            note: Some("x".into()),
        },
    );
    assert!(matches!(err, EditError::NoTie { .. }));
}

#[test]
fn tie_notes_are_set_and_cleared_with_cleaned_text() {
    let mut org = org();
    let note = |note: Option<&str>| Edit::SetTieNote {
        from: "sec".into(),
        to: "cio".into(),
        note: note.map(String::from),
    };
    let d = apply_and_invert(&mut org, note(Some("weekly\u{1b}[2J sync")));
    assert_eq!(
        d,
        "note on Security (CISO)–CIO office: \"weekly\\u{1b}[2J sync\""
    );
    assert_eq!(org.ties[0].note.as_deref(), Some("weekly\u{1b}[2J sync"));
    let d = apply_and_invert(&mut org, note(None));
    assert_eq!(d, "note on Security (CISO)–CIO office cleared");
    assert_eq!(org.ties[0].note, None);
}

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

#[test]
fn units_are_added_renamed_and_regrouped() {
    let mut org = org();
    let unit = Unit {
        id: "legal".into(),
        name: Some("Legal".into()),
        ..Unit::default()
    };
    let d = apply_and_invert(
        &mut org,
        Edit::AddUnit {
            unit: unit.clone(),
            at: Some(1),
        },
    );
    assert_eq!(d, "add unit Legal");
    assert_eq!(org.units[1].id, "legal");
    let err = refused(&org, Edit::AddUnit { unit, at: None });
    assert_eq!(err.to_string(), "there is already a unit with id \"legal\"");
    let empty = Unit::default();
    assert_eq!(
        refused(
            &org,
            Edit::AddUnit {
                unit: empty,
                at: None
            }
        ),
        EditError::EmptyId
    );
    let d = apply_and_invert(
        &mut org,
        Edit::RenameUnit {
            id: "hr".into(),
            name: Some("People".into()),
        },
    );
    assert_eq!(d, "rename HR → People");
    let d = apply_and_invert(
        &mut org,
        Edit::RenameUnit {
            id: "hr".into(),
            name: None,
        },
    );
    assert_eq!(d, "rename People → hr");
    let d = apply_and_invert(
        &mut org,
        Edit::RegroupUnit {
            id: "hr".into(),
            group: Some("Corporate".into()),
        },
    );
    assert_eq!(d, "group of hr: no group → Corporate");
    assert_eq!(org.unit("hr").unwrap().group.as_deref(), Some("Corporate"));
}

#[test]
fn removing_a_unit_takes_its_ties_and_targets_and_undo_puts_them_back_in_place() {
    let mut org = org();
    let before = org.clone();
    let mut history = History::new();
    let d = history
        .apply(&mut org, Edit::RemoveUnit { id: "cio".into() })
        .unwrap();
    assert_eq!(d, "remove unit CIO office (2 ties, 2 targets)");
    assert_eq!(org.units.len(), 3);
    assert_eq!(org.ties.len(), 2);
    assert_eq!(org.targets.len(), 1);
    assert!(org.ties.iter().all(|t| t.from != "cio" && t.to != "cio"));
    model::from_str("after.json", &model::save::to_string(&org)).unwrap();
    let undo = history.undo(&mut org).unwrap();
    assert_eq!(
        undo.as_deref(),
        Some("undo: restore unit CIO office (2 ties, 2 targets)")
    );
    assert_eq!(org, before);
    assert_eq!(
        model::save::to_string(&org),
        model::save::to_string(&before)
    );
    assert_eq!(
        history.redo(&mut org).unwrap().as_deref(),
        Some("redo: remove unit CIO office (2 ties, 2 targets)")
    );
    assert_eq!(org.units.len(), 3);
}

#[test]
fn a_restore_that_does_not_fit_is_refused() {
    let mut org = org();
    let Edit::RestoreUnit {
        unit,
        at,
        mut ties,
        targets,
    } = Edit::RemoveUnit { id: "cio".into() }
        .apply(&mut org)
        .unwrap()
        .inverse
    else {
        panic!("removing a unit is undone by restoring it");
    };
    ties.reverse();
    let err = refused(
        &org,
        Edit::RestoreUnit {
            unit: unit.clone(),
            at,
            ties: ties.clone(),
            targets: targets.clone(),
        },
    );
    assert!(err.to_string().contains("ascending"), "{err}");
    ties.reverse();
    ties[0].1.from = "hr".into();
    ties[0].1.to = "sec".into();
    let err = refused(
        &org,
        Edit::RestoreUnit {
            unit,
            at,
            ties,
            targets,
        },
    );
    assert!(err.to_string().contains("does not name the unit"), "{err}");
}

#[test]
fn a_batch_applies_all_or_nothing() {
    let mut org = directed();
    let both = Edit::Batch {
        label: Some("CIO office ⇄ HR 4".into()),
        edits: vec![set_tie("cio", "hr", 4.0), set_tie("hr", "cio", 4.0)],
    };
    assert_eq!(apply_and_invert(&mut org, both), "CIO office ⇄ HR 4");
    let half_bad = Edit::Batch {
        label: None,
        edits: vec![set_tie("cio", "fin", 4.0), set_tie("fin", "cio", 9.0)],
    };
    assert!(matches!(
        refused(&org, half_bad),
        EditError::OffScale { .. }
    ));
}

#[test]
fn names_from_the_file_are_cleaned_in_descriptions() {
    let mut org = org();
    org.units[0].name = Some("CIO\u{1b}]0;pwned\u{7}".into());
    let d = apply_and_invert(&mut org, set_tie("cio", "sec", 2.0));
    assert_eq!(d, "CIO\\u{1b}]0;pwned\\u{7}–Security (CISO) 1 → 2");
}

#[test]
fn history_tracks_dirty_state_revisions_and_redo() {
    let mut org = org();
    let loaded = org.clone();
    let mut h = History::new();
    assert!(!h.is_dirty());
    assert_eq!(h.undo(&mut org).unwrap(), None);
    h.apply(&mut org, set_tie("cio", "sec", 3.0)).unwrap();
    let r1 = h.revision();
    assert!(h.is_dirty());
    assert_eq!(
        h.undo(&mut org).unwrap().as_deref(),
        Some("undo: CIO office–Security (CISO) 3 → 1")
    );
    assert!(
        !h.is_dirty(),
        "undoing back to the loaded document makes it clean"
    );
    assert_eq!(h.revision(), 0);
    assert_eq!(org, loaded);
    assert_eq!(
        h.redo(&mut org).unwrap().as_deref(),
        Some("redo: CIO office–Security (CISO) 1 → 3")
    );
    assert_eq!(h.revision(), r1, "a redone state has its old revision");
    h.mark_saved();
    assert!(!h.is_dirty());
    h.undo(&mut org).unwrap();
    assert!(h.is_dirty(), "undoing past the save point is a change");
    h.apply(&mut org, set_tie("hr", "fin", 5.0)).unwrap();
    assert!(!h.can_redo(), "a new edit clears the redo stack");
    assert_ne!(h.revision(), r1);
    assert!(h.is_dirty());
    let rev = h.revision();
    h.apply(&mut org, set_tie("hr", "fin", 5.0)).unwrap();
    assert_eq!(
        (h.revision(), h.undo_len()),
        (rev, 1),
        "an edit that changes nothing is not a step"
    );
    assert!(h.apply(&mut org, set_tie("hr", "fin", 50.0)).is_err());
    assert_eq!((h.revision(), h.undo_len()), (rev, 1));
}

#[test]
fn an_unsaved_document_is_dirty_from_the_start() {
    assert!(History::unsaved().is_dirty());
    assert!(!History::new().is_dirty());
}

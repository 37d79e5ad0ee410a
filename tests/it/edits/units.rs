//! Unit edits, restoring a removed unit in place, batches and cleaned descriptions.

use gapscope::model::edit::{Edit, EditError};
use gapscope::model::history::History;
use gapscope::model::{self, Unit};

use super::{apply_and_invert, directed, org, refused, set_tie};

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
        actions,
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
            actions: actions.clone(),
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
            actions,
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
fn removing_every_unit_of_the_example_and_undoing_all_restores_it_exactly() {
    let mut org = model::seed::seed();
    let original = model::save::to_string(&org);
    let mut history = History::new();
    let ids: Vec<String> = org.units.iter().map(|u| u.id.clone()).collect();
    assert!(org.ties.len() > 5 && !org.targets.is_empty());
    for id in ids.iter().step_by(2).chain(ids.iter().skip(1).step_by(2)) {
        history
            .apply(&mut org, Edit::RemoveUnit { id: id.clone() })
            .unwrap();
        model::from_str("edited.json", &model::save::to_string(&org)).unwrap();
    }
    assert!(org.units.is_empty() && org.ties.is_empty() && org.targets.is_empty());
    while history.can_undo() {
        history.undo(&mut org).unwrap();
    }
    assert_eq!(model::save::to_string(&org), original);
    assert!(!history.is_dirty());
}

#[test]
fn removing_the_busiest_unit_of_real_networks_and_undoing_restores_the_file_text() {
    for name in [
        "krackhardt-advice-people",
        "lazega-advice-people",
        "lazega-cowork-teams",
        "ukfaculty-friendship-people",
        "email-eu-core-departments",
    ] {
        let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let mut org = model::load(&path, model::DEFAULT_MAX_BYTES).unwrap();
        let original = model::save::to_string(&org);
        let busiest = org
            .units
            .iter()
            .max_by_key(|u| {
                org.ties
                    .iter()
                    .filter(|t| t.from == u.id || t.to == u.id)
                    .count()
            })
            .map(|u| u.id.clone())
            .unwrap();
        let mut history = History::new();
        history
            .apply(&mut org, Edit::RemoveUnit { id: busiest })
            .unwrap();
        assert_ne!(model::save::to_string(&org), original, "{name}");
        history.undo(&mut org).unwrap();
        assert_eq!(model::save::to_string(&org), original, "{name}");
    }
}

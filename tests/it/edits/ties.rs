//! Tie edits: strength, adding, removing, notes, and their refusals.

use gapscope::model::Tie;
use gapscope::model::edit::{Edit, EditError};
use gapscope::model::history::History;

use super::{apply_and_invert, directed, org, refused, set_tie};

#[test]
fn setting_a_strength_changes_it_and_says_so_with_names_and_scale_values() {
    let mut org = org();
    let d = apply_and_invert(&mut org, set_tie("cio", "sec", 3.0));
    assert_eq!(d, "CIO office–Security (CISO) 1 → 3");
    assert_eq!(org.ties[0].strength, Some(3.0));
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
        ("hr", Some(5.0))
    );
}

#[test]
fn directed_files_set_each_direction_separately() {
    let mut org = directed();
    let d = apply_and_invert(&mut org, set_tie("cio", "hr", 2.0));
    assert_eq!(d, "CIO office rates HR none → 2");
    assert_eq!(org.ties.len(), 5);
    assert_eq!(
        org.ties[1].strength,
        Some(3.0),
        "hr's rating of cio is its own"
    );
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
    assert_eq!((last.strength, last.note.clone()), (Some(2.5), None));
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
    assert_eq!(org.ties[2].extra.value("x-src").unwrap(), "mail");
}

#[test]
fn adding_a_tie_checks_it_like_the_file_format() {
    let org = org();
    let tie = |from: &str, to: &str, strength: f64| Edit::AddTie {
        tie: Tie {
            from: from.into(),
            to: to.into(),
            strength: Some(strength),
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
        strength: Some(2.0),
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
                strength: Some(5.0),
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
                strength: Some(5.0),
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

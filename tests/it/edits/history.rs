//! The undo/redo history: descriptions, dirty state, revisions.

use gapscope::model::history::History;

use super::{org, set_tie};

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

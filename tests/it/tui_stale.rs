//! Gaps first: while the gaps of a new initiative (or revision) are being counted, the list
//! on screen is of the old one and must not take edits as if it were current.

use gapscope::model;
use gapscope::tui::app::Pending;
use gapscope::tui::update::{Msg, update};
use gapscope::tui::{Config, script};

use crate::tui_common::{keys, started};

#[test]
fn a_stale_gap_list_takes_no_edit_until_the_new_gaps_arrive() {
    let (mut app, mut term) = started(model::seed::seed(), &Config::default(), 100, 30);
    keys(&mut app, &mut term, &["3"]);
    assert!(
        app.current_gap().is_some_and(|g| g.to.is_some()),
        "a pair gap is selected"
    );
    let before = app.org().clone();
    // Switch the initiative; hold back its analysis (the worker has not answered yet).
    let fx = update(&mut app, Msg::Key(script::key("i")));
    assert_eq!(app.pending(), Some(Pending::Analysis));
    update(&mut app, Msg::Key(script::key("+")));
    assert_eq!(
        *app.org(),
        before,
        "no edit through the old initiative's list"
    );
    let said = app.message().unwrap_or_default().to_string();
    assert!(said.contains("recounted"), "the status says why: {said}");
    // Once the new gaps are in, the list is current and takes the edit.
    script::run_effects(&mut app, fx);
    script::draw(&mut app, &mut term);
    assert_ne!(app.pending(), Some(Pending::Analysis));
    assert!(
        app.current_gap().is_some_and(|g| g.to.is_some()),
        "the new initiative's list has a pair gap selected"
    );
    update(&mut app, Msg::Key(script::key("+")));
    assert_ne!(*app.org(), before, "the edit applies to the current list");
}

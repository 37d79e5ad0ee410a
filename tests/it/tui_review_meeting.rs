//! A whole meeting through the one real loop, from the keyboard, at 80x24 and 120x40: walk
//! the gaps, record three actions, see the plan close gaps, write the minutes, quit with
//! everything saved; then the minutes and the file on disk are checked.

use crate::tui_common::{keys, type_text};
use crate::tui_review::{day, screen};
use gapscope::model;
use gapscope::report::discussed;
use gapscope::store::Recoveries;
use gapscope::tui::app::View;
use gapscope::tui::session::Origin;
use gapscope::tui::{App, Config, Document, script};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn meeting(w: u16, h: u16) {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("org.json");
    std::fs::write(&file, model::seed::SEED_JSON).expect("write");
    let org = model::load(&file.display().to_string(), model::DEFAULT_MAX_BYTES).expect("loads");
    let before_actions = org.actions.len();
    let ai = org.initiatives.iter().position(|i| i.id == "ai");
    let doc = Document {
        origin: Origin::File(file.clone()),
        ..Document::new(org, "org.json")
    }
    .config(Config {
        initiative: ai,
        view: Some(View::Review),
        ..Config::default()
    })
    .recoveries(Recoveries::in_dir(dir.path().join("state")))
    .base(dir.path().to_path_buf());
    let mut app = App::from_document(doc);
    app.set_today(day());
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    script::play(&mut app, &mut term, Vec::new(), true);
    let total = app.review_walk().len();
    assert!(total >= 4, "the built-in org has gaps to walk");
    assert!(screen(&term).contains(&format!("gap 1 of {total}")));

    // The plan first: what the open actions already promise.
    keys(&mut app, &mut term, &["p"]);
    let (now, with_before) = app.plan_counts().expect("the plan is shown");

    // Three gaps, one action each, each aiming at what the pair needs.
    let owners = ["CISO", "Head of Data", "CIO office"];
    for (k, owner) in owners.iter().enumerate() {
        let (pos, g, _) = app.review_gap().expect("a gap");
        assert_eq!(pos, k, "one gap at a time");
        let need = g
            .target
            .map(|t| app.org().scale.denormalize(t))
            .expect("target gaps come first");
        keys(&mut app, &mut term, &["A"]);
        type_text(
            &mut app,
            &mut term,
            &format!("Joint working group {}", k + 1),
        );
        keys(&mut app, &mut term, &["Tab"]);
        type_text(&mut app, &mut term, owner);
        keys(&mut app, &mut term, &["Tab"]);
        type_text(&mut app, &mut term, "2027-03-31");
        keys(&mut app, &mut term, &["Tab"]);
        type_text(&mut app, &mut term, &format!("{need}"));
        keys(&mut app, &mut term, &["Enter"]);
        assert!(app.modal().is_none(), "recorded: {:?}", app.message());
        assert!(
            screen(&term).contains("the plan closes this gap"),
            "{}",
            screen(&term)
        );
        keys(&mut app, &mut term, &["Space"]);
    }
    let (now_after, with_after) = app.plan_counts().expect("shown");
    assert_eq!(now_after, now, "actions do not close gaps by themselves");
    assert!(
        with_after < with_before && with_after + 3 <= now,
        "the plan closes more gaps, the three among them: {now} now, {with_before} → {with_after} with the plan"
    );
    let s = screen(&term);
    assert!(
        s.contains(&format!("{now} gaps now, {with_after} with the plan")),
        "the title counts:\n{s}"
    );

    // Who took part, then the minutes, named in the status line.
    keys(&mut app, &mut term, &["w"]);
    type_text(&mut app, &mut term, "CIO, CISO, Head of Data");
    keys(&mut app, &mut term, &["Enter", "M"]);
    let minutes = dir.path().join("minutes-2026-11-30.md");
    assert!(
        app.message().is_some_and(
            |m| m.contains("minutes written to") && m.contains("minutes-2026-11-30.md")
        ),
        "{:?}",
        app.message()
    );
    let text = std::fs::read_to_string(&minutes).expect("minutes written");
    assert!(text.contains("- Who: CIO, CISO, Head of Data"), "{text}");
    assert!(text.contains("## Discussed (3)"), "{text}");
    assert!(text.contains(&format!(
        "## Not reached, carried over to the next review ({})",
        total - 3
    )));
    for k in 1..=3 {
        assert!(text.contains(&format!("Joint working group {k}")), "{text}");
    }
    assert!(text.contains("## Open actions"));
    assert!(text.contains("## Gaps the plan closes"));
    assert!(text.contains("## Edits in this session"));

    // Quit: asked, saved, gone.
    let quit = keys(&mut app, &mut term, &["q", "s"]);
    assert!(quit, "{:?}", app.message());
    let saved = model::load(&file.display().to_string(), model::DEFAULT_MAX_BYTES).expect("loads");
    assert_eq!(saved.actions.len(), before_actions + 3);
    let review = saved
        .reviews
        .iter()
        .find(|r| r.date == day())
        .expect("today's review is saved");
    assert_eq!(discussed::listed(review).len(), 3);
}

#[test]
fn a_meeting_runs_from_the_keyboard_at_80x24() {
    meeting(80, 24);
}

#[test]
fn a_meeting_runs_from_the_keyboard_at_120x40() {
    meeting(120, 40);
}

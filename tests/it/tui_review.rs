//! Review mode through the real keymap → update → loop path: the walk's order and keys, the
//! action form (bad values refused in place), statuses, discussed gaps, the plan, read-only.

use crate::tui_common::{keys, text, type_text};
use clap::Parser;
use gapscope::analysis::GapKind;
use gapscope::cli::{Cli, Command};
use gapscope::model::{self, ActionStatus, Date, Org};
use gapscope::report::discussed;
use gapscope::store::Recoveries;
use gapscope::tui::app::View;
use gapscope::tui::modal::Modal;
use gapscope::tui::{App, Config, Document, script};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub(crate) fn day() -> Date {
    Date::parse("2026-11-30").expect("a date")
}

/// The built-in org in review mode for `initiative`, today 2026-11-30, saving and writing
/// minutes into `dir`.
pub(crate) fn review(
    dir: &std::path::Path,
    initiative: Option<&str>,
    config: Config,
    w: u16,
    h: u16,
) -> (App, Terminal<TestBackend>) {
    let org = model::seed::seed();
    let initiative = initiative.and_then(|id| org.initiatives.iter().position(|i| i.id == id));
    let config = Config {
        initiative,
        view: Some(View::Review),
        ..config
    };
    let doc = Document::new(org, "test")
        .config(config)
        .recoveries(Recoveries::in_dir(dir.join("state")))
        .base(dir.to_path_buf());
    let mut app = App::from_document(doc);
    app.set_today(day());
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    script::play(&mut app, &mut term, Vec::new(), true);
    (app, term)
}

/// Walks the review to the gap of the pair `a`, `b` (unit ids, either order) with `j`, as a
/// user would.
pub(crate) fn walk_to(app: &mut App, term: &mut Terminal<TestBackend>, a: &str, b: &str) {
    for _ in 0..=app.review_walk().len() {
        let (_, g, _) = app.review_gap().expect("a gap");
        let id = |u: usize| app.org().units[u].id.clone();
        let (from, to) = (id(g.from), g.to.map(id).unwrap_or_default());
        if (from == a && to == b) || (from == b && to == a) {
            return;
        }
        keys(app, term, &["j"]);
    }
    panic!("no gap of {a} – {b} in the walk");
}

pub(crate) fn screen(term: &Terminal<TestBackend>) -> String {
    text(term.backend().buffer())
}

/// The review's gap as (position, kind, unit ids).
fn at(app: &App) -> (usize, GapKind, String, Option<String>) {
    let (pos, g, _) = app.review_gap().expect("a gap");
    let id = |u: usize| app.org().units[u].id.clone();
    (pos, g.kind, id(g.from), g.to.map(id))
}

#[test]
fn the_review_subcommand_parses_its_options() {
    let cli = Cli::try_parse_from([
        "gapscope",
        "review",
        "org.json",
        "--initiative",
        "ai",
        "--compare",
        "old.json",
    ])
    .expect("parses");
    assert!(matches!(cli.command, Some(Command::Review { .. })));
}

#[test]
fn the_walk_starts_with_what_the_last_meeting_left_then_the_initiatives_target_gaps() {
    let dir = tempfile::tempdir().expect("dir");
    let (app, term) = review(dir.path(), Some("ai"), Config::default(), 80, 24);
    let walk = app.review_walk();
    let gaps = app.gaps();
    let org = app.org();
    // The built-in org's CIO office – Security (CISO) action was due on 2026-11-15.
    let overdue = |i: usize| {
        let g = &gaps[i];
        let (Some(a), Some(b)) = (org.units.get(g.from), g.to.and_then(|t| org.units.get(t)))
        else {
            return false;
        };
        org.actions.iter().any(|x| {
            x.is_on(&a.id, &b.id)
                && x.overdue(day())
                && (x.initiative.is_none() || x.initiative == g.initiative)
        })
    };
    let target = |i: usize| {
        matches!(gaps[i].kind, GapKind::BelowTarget | GapKind::MissingTie)
            && gaps[i].initiative.as_deref() == Some("ai")
    };
    let part = |i: usize| {
        if overdue(i) {
            0
        } else if target(i) {
            1
        } else {
            2
        }
    };
    assert!(overdue(walk[0]), "the overdue action's gap comes first");
    assert!(
        walk.iter().any(|&i| part(i) == 1),
        "the initiative has target gaps"
    );
    for w in walk.windows(2) {
        assert!(
            part(w[0]) <= part(w[1]),
            "left over, then targets, then the rest"
        );
        if part(w[0]) == part(w[1]) {
            assert!(gaps[w[0]].severity >= gaps[w[1]].severity, "worst first");
        }
    }
    assert_eq!(
        walk.len(),
        app.visible_gaps().len(),
        "every listed gap, once"
    );
    let s = screen(&term);
    assert!(s.contains(&format!("gap 1 of {}", walk.len())), "{s}");
    assert!(
        s.contains("AI rollout"),
        "headline names the initiative:\n{s}"
    );
    assert!(
        s.contains("worst: Chief Data Office ↔"),
        "the headline still names the worst target gap:\n{s}"
    );
}

#[test]
fn under_all_targets_the_walk_also_starts_with_the_overdue_action() {
    // The action (AI rollout's, due 2026-11-15) is on the gap whatever initiative is shown:
    // REPORT.md's rule takes actions whose initiative is none or the gap's.
    let dir = tempfile::tempdir().expect("dir");
    let (app, _) = review(dir.path(), None, Config::default(), 80, 24);
    let (_, g, _) = app.review_gap().expect("a gap");
    let ids = [
        &app.org().units[g.from].id,
        &app.org().units[g.to.expect("a pair")].id,
    ];
    assert!(
        ids.contains(&&"cio".to_string()) && ids.contains(&&"ciso".to_string()),
        "{ids:?}"
    );
}

#[test]
fn next_and_back_keys_walk_one_gap_at_a_time() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = review(dir.path(), Some("ai"), Config::default(), 80, 24);
    for (k, want) in [
        ("Right", 1),
        ("Down", 2),
        ("Space", 3),
        ("j", 4),
        ("Left", 3),
        ("Up", 2),
        ("k", 1),
        ("l", 2),
        ("h", 1),
    ] {
        keys(&mut app, &mut term, &[k]);
        assert_eq!(at(&app).0, want, "after {k}");
        assert!(screen(&term).contains(&format!("gap {} of", want + 1)));
    }
    keys(&mut app, &mut term, &["k", "k"]);
    assert_eq!(at(&app).0, 0);
    assert!(app.message().is_some_and(|m| m.contains("first gap")));
    // The card's pair is the selection: pair edits and the other views act on it.
    let (_, _, a, b) = at(&app);
    assert_eq!(app.org().units[app.selected()].id, a);
    assert_eq!(
        app.pair_with().map(|u| app.org().units[u].id.clone()),
        b,
        "the pair is selected"
    );
    keys(&mut app, &mut term, &["Esc"]);
    assert_eq!(app.view(), View::Gaps, "Esc goes to the gap list");
    keys(&mut app, &mut term, &["4"]);
    assert_eq!(app.view(), View::Review, "4 comes back from any view");
    assert_eq!(at(&app).0, 0, "to the same gap");
}

#[test]
fn the_gap_lists_filters_apply_to_the_walk() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = review(dir.path(), None, Config::default(), 80, 24);
    let all = app.review_walk().len();
    keys(&mut app, &mut term, &["3", "f", "4"]);
    let filtered = app.review_walk().len();
    assert!(filtered < all, "{filtered} < {all}");
    assert!(
        screen(&term).contains("gap list filters"),
        "{}",
        screen(&term)
    );
}

fn open_form(app: &mut App, term: &mut Terminal<TestBackend>) {
    keys(app, term, &["A"]);
    assert!(
        matches!(app.modal(), Some(Modal::Form(_))),
        "A opens the form"
    );
}

fn form_error(app: &App) -> Option<(usize, String)> {
    match app.modal() {
        Some(Modal::Form(f)) => f.error().map(|e| (f.focus(), e.to_string())),
        _ => None,
    }
}

#[test]
fn the_form_refuses_bad_values_in_place_with_the_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = review(dir.path(), Some("ai"), Config::default(), 80, 24);
    let before = app.org().clone();
    open_form(&mut app, &mut term);
    keys(&mut app, &mut term, &["Enter"]);
    let (field, why) = form_error(&app).expect("empty what is refused");
    assert_eq!(field, 0);
    assert!(why.contains("what"), "{why}");
    type_text(&mut app, &mut term, "Joint forum");
    keys(&mut app, &mut term, &["Tab", "Tab"]);
    type_text(&mut app, &mut term, "2027-02-30");
    keys(&mut app, &mut term, &["Enter"]);
    let (field, why) = form_error(&app).expect("a bad date is refused");
    assert_eq!(field, 2, "the cursor goes to the bad field");
    assert!(why.contains("2027-02-30 is not a date"), "{why}");
    assert!(screen(&term).contains("2027-02-30 is not a date"));
    keys(&mut app, &mut term, &["Ctrl-u"]);
    type_text(&mut app, &mut term, "2027-01-31");
    keys(&mut app, &mut term, &["Tab"]);
    type_text(&mut app, &mut term, "9");
    keys(&mut app, &mut term, &["Enter"]);
    let (field, why) = form_error(&app).expect("expect off the scale is refused");
    assert_eq!(field, 3);
    assert!(why.contains("off the scale 0–5"), "{why}");
    keys(&mut app, &mut term, &["Backspace"]);
    type_text(&mut app, &mut term, "lots");
    keys(&mut app, &mut term, &["Enter"]);
    let (_, why) = form_error(&app).expect("not a number");
    assert!(why.contains("not a number"), "{why}");
    assert_eq!(app.org(), &before, "nothing changed while refused");
    keys(&mut app, &mut term, &["Esc"]);
    assert!(app.modal().is_none());
    assert_eq!(app.org(), &before, "Esc records nothing");
}

#[test]
fn recording_an_action_marks_the_gap_discussed_and_undo_takes_both_back() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = review(dir.path(), Some("ai"), Config::default(), 80, 24);
    let before = app.org().clone();
    let (_, _, a, b) = at(&app);
    open_form(&mut app, &mut term);
    type_text(&mut app, &mut term, "Monthly security sync");
    keys(&mut app, &mut term, &["Tab"]);
    type_text(&mut app, &mut term, "CISO");
    keys(&mut app, &mut term, &["Tab"]);
    type_text(&mut app, &mut term, "2027-01-31");
    keys(&mut app, &mut term, &["Tab"]);
    type_text(&mut app, &mut term, "4");
    keys(&mut app, &mut term, &["Enter"]);
    assert!(app.modal().is_none(), "{:?}", form_error(&app));
    let added = app.org().actions.last().expect("an action").clone();
    assert_eq!(added.what, "Monthly security sync");
    assert!(added.is_on(&a, b.as_deref().unwrap_or_default()));
    assert_eq!(added.owner.as_deref(), Some("CISO"));
    assert_eq!(added.due, Date::parse("2027-01-31"));
    assert_eq!(added.expect, Some(4.0));
    assert_eq!(added.decided, Some(day()));
    assert_eq!(added.initiative.as_deref(), Some("ai"));
    let (_, g, _) = app.review_gap().expect("gap");
    assert!(discussed::was_discussed(app.org(), day(), Some("ai"), g));
    assert!(screen(&term).contains("Monthly security sync"));
    assert!(screen(&term).contains("discussed on 2026-11-30"));
    keys(&mut app, &mut term, &["u"]);
    assert_eq!(
        app.org(),
        &before,
        "one undo takes the action and the mark back"
    );
    keys(&mut app, &mut term, &["Ctrl-r"]);
    assert_eq!(app.org().actions.len(), before.actions.len() + 1);
}

#[test]
fn status_cycles_and_overdue_actions_are_marked() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = review(dir.path(), None, Config::default(), 120, 40);
    // Find a gap whose pair has an action.
    let walk = app.review_walk().len();
    let mut found = false;
    for _ in 0..walk {
        if screen(&term).contains("Actions on the pair (0)") {
            keys(&mut app, &mut term, &["j"]);
        } else {
            found = true;
            break;
        }
    }
    assert!(found, "the built-in org has actions on some gap");
    let s = screen(&term);
    let idx = gapscope::analysis::plan::gap_actions(app.org(), app.review_gap().expect("gap").1);
    let first = idx[0];
    let was = app.org().actions[first].status();
    keys(&mut app, &mut term, &["S"]);
    let next = app.org().actions[first].status();
    assert_ne!(was, next, "S changes the status:\n{s}");
    let order = [
        ActionStatus::Open,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];
    let k = order.iter().position(|&x| x == was).expect("known");
    assert_eq!(next, order[(k + 1) % 3]);
    keys(&mut app, &mut term, &["u"]);
    assert_eq!(app.org().actions[first].status(), was);
    // An open action due before today reads OVERDUE.
    let overdue = app.org().actions.iter().any(|a| a.overdue(day()));
    if overdue {
        let mut seen = false;
        for _ in 0..walk {
            seen |= screen(&term).contains("OVERDUE");
            keys(&mut app, &mut term, &["j"]);
        }
        assert!(seen, "an overdue action is marked on its card");
    }
}

#[test]
fn discussed_is_recorded_in_todays_review_and_survives_a_save() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = review(dir.path(), Some("ai"), Config::default(), 80, 24);
    let reviews = app.org().reviews.len();
    keys(&mut app, &mut term, &["m"]);
    assert_eq!(
        app.org().reviews.len(),
        reviews + 1,
        "today's review is added"
    );
    let r = app.org().reviews.last().expect("review");
    assert_eq!(r.date, day());
    assert_eq!(r.initiative.as_deref(), Some("ai"));
    assert_eq!(discussed::listed(r).len(), 1);
    keys(&mut app, &mut term, &["j", "m"]);
    assert_eq!(app.org().reviews.len(), reviews + 1, "the same review");
    assert_eq!(
        discussed::listed(app.org().reviews.last().expect("r")).len(),
        2
    );
    keys(&mut app, &mut term, &["m"]);
    assert_eq!(
        discussed::listed(app.org().reviews.last().expect("r")).len(),
        1,
        "m again takes the mark off"
    );
    let path = dir.path().join("saved.json");
    keys(&mut app, &mut term, &["W"]);
    type_text(&mut app, &mut term, &path.display().to_string());
    keys(&mut app, &mut term, &["Enter"]);
    let saved = model::load(&path.display().to_string(), model::DEFAULT_MAX_BYTES).expect("loads");
    assert_eq!(
        saved.reviews,
        app.org().reviews,
        "kept byte for byte in meaning"
    );
}

#[test]
fn the_plan_counts_gaps_with_it_and_marks_what_it_closes() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = review(dir.path(), Some("ai"), Config::default(), 120, 40);
    keys(&mut app, &mut term, &["p"]);
    // The widest gap: its action does not reach the target.
    walk_to(&mut app, &mut term, "cdo", "ciso");
    let (now, with) = app.plan_counts().expect("the plan is shown");
    assert_eq!(now, app.gaps().len());
    let s = screen(&term);
    assert!(
        s.contains(&format!("{now} gaps now, {with} with the plan")),
        "{s}"
    );
    // An action that reaches the target closes the gap shown.
    let (_, g, _) = app.review_gap().expect("gap");
    let need = app.org().scale.denormalize(g.target.expect("a target gap"));
    open_form(&mut app, &mut term);
    type_text(&mut app, &mut term, "Weekly joint stand-up");
    keys(&mut app, &mut term, &["Tab", "Tab", "Tab"]);
    type_text(&mut app, &mut term, &format!("{need}"));
    keys(&mut app, &mut term, &["Enter"]);
    let (now2, with2) = app.plan_counts().expect("shown");
    assert_eq!(now2, now, "the gaps now do not change");
    assert_eq!(with2, with - 1, "one gap fewer with the plan");
    assert!(
        screen(&term).contains("the plan closes this gap"),
        "{}",
        screen(&term)
    );
    keys(&mut app, &mut term, &["3"]);
    let s = screen(&term);
    assert!(s.contains("with the plan (✓ it closes)"), "{s}");
    assert!(s.contains("✓ "), "{s}");
    keys(&mut app, &mut term, &["p"]);
    assert_eq!(app.plan_counts(), None, "p hides it");
}

#[test]
fn read_only_refuses_review_edits() {
    let dir = tempfile::tempdir().expect("dir");
    let config = Config {
        read_only: true,
        ..Config::default()
    };
    let (mut app, mut term) = review(dir.path(), Some("ai"), config, 80, 24);
    let before: Org = app.org().clone();
    for k in ["A", "S", "m"] {
        keys(&mut app, &mut term, &[k]);
        assert!(app.modal().is_none(), "{k} opens nothing");
        assert!(screen(&term).contains("read-only"), "{k}");
    }
    assert_eq!(app.org(), &before);
}

#[test]
fn tiny_terminals_do_not_panic_in_review_mode() {
    let dir = tempfile::tempdir().expect("dir");
    for (w, h) in [(0, 0), (1, 1), (40, 12), (20, 5)] {
        let (mut app, mut term) = review(dir.path(), Some("ai"), Config::default(), w, h);
        keys(
            &mut app,
            &mut term,
            &["A", "x", "Tab", "Enter", "Esc", "p", "j"],
        );
    }
}

#[test]
fn who_took_part_is_recorded_in_todays_review() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = review(dir.path(), Some("ai"), Config::default(), 80, 24);
    let before = app.org().clone();
    keys(&mut app, &mut term, &["w"]);
    assert!(
        matches!(app.modal(), Some(Modal::Form(_))),
        "w opens the form"
    );
    type_text(&mut app, &mut term, "CIO, CISO ,, Head of Data");
    keys(&mut app, &mut term, &["Enter"]);
    assert!(app.modal().is_none());
    let r = app.org().reviews.last().expect("review");
    assert_eq!(r.date, day());
    assert_eq!(
        r.who.as_deref(),
        Some(&["CIO".to_string(), "CISO".into(), "Head of Data".into()][..]),
        "names split at commas, blanks dropped"
    );
    assert!(
        screen(&term).contains("who: CIO, CISO, Head of Data"),
        "{}",
        screen(&term)
    );
    keys(&mut app, &mut term, &["u"]);
    assert_eq!(app.org(), &before, "undo takes it back");
}

#[test]
fn a_plan_for_an_older_revision_is_dropped() {
    use gapscope::tui::analysis_task::{Done, Stage, analyse};
    use gapscope::tui::update::Msg;
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = review(dir.path(), Some("ai"), Config::default(), 80, 24);
    keys(&mut app, &mut term, &["p", "m"]);
    let shown = app.plan_counts().expect("the plan follows the edit");
    // An answer for the document before the edit (revision 0), with no gaps at all.
    let empty = analyse(
        &Org::default(),
        &app.analysis_options(Some("ai".into())),
        Stage::Quick,
    );
    crate::tui_common::run_msgs(
        &mut app,
        &mut term,
        vec![Msg::Done(Done::Planned {
            revision: 0,
            initiative: Some("ai".into()),
            analysis: Box::new(empty),
        })],
    );
    assert_eq!(
        app.plan_counts(),
        Some(shown),
        "the stale answer changed nothing"
    );
}

#[test]
fn minutes_that_cannot_be_written_say_why_and_keep_everything() {
    let dir = tempfile::tempdir().expect("dir");
    let missing = dir.path().join("no").join("such").join("folder");
    let (mut app, mut term) = review(&missing, Some("ai"), Config::default(), 80, 24);
    keys(&mut app, &mut term, &["m", "M"]);
    let m = app.message().unwrap_or_default().to_string();
    assert!(m.contains("minutes not written to"), "{m}");
    assert!(m.contains("minutes-2026-11-30.md"), "{m}");
    assert_eq!(
        app.org().reviews.last().map(|r| r.date),
        Some(day()),
        "the edit stays"
    );
    assert!(
        screen(&term).contains("minutes not written"),
        "{}",
        screen(&term)
    );
}

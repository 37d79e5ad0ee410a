//! What the review leaves in the file is read back: `gapscope minutes` splits the gaps by the
//! meeting's `x-discussed` list, a bad discussed list is ignored rather than fatal, and the
//! card shows what changed since `--compare OLD`; the headline's summary line.

use crate::tui_common::keys;
use crate::tui_review::{day, screen};
use assert_cmd::cargo::cargo_bin_cmd;
use gapscope::model::edit::Edit;
use gapscope::model::{self, Org};
use gapscope::report::discussed;
use gapscope::store::Recoveries;
use gapscope::tui::app::View;
use gapscope::tui::{App, Config, Document, script};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The built-in org with a review on 2026-11-30 for `ai` listing `discussed`.
fn with_review(discussed: &str) -> String {
    let mut v: serde_json::Value = serde_json::from_str(model::seed::SEED_JSON).expect("json");
    let reviews = v["reviews"].as_array_mut().expect("reviews");
    reviews.push(serde_json::json!({
        "date": "2026-11-30",
        "initiative": "ai",
        "who": ["CIO", "CISO"],
        "x-discussed": serde_json::from_str::<serde_json::Value>(discussed).expect("json"),
    }));
    serde_json::to_string_pretty(&v).expect("json")
}

fn minutes_of(text: &str) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("org.json");
    std::fs::write(&file, text).expect("write");
    let out = cargo_bin_cmd!("gapscope")
        .arg("minutes")
        .arg(&file)
        .args(["--initiative", "ai", "--date", "2026-11-30"])
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_minutes_split_discussed_and_carried_over() {
    let (code, text, err) = minutes_of(&with_review(r#"["below_target: cdo – ciso"]"#));
    assert_eq!(code, Some(0), "{err}");
    assert!(text.contains("- Who: CIO, CISO"), "{text}");
    assert!(text.contains("## Discussed (1)"), "{text}");
    let discussed = &text[text.find("## Discussed").expect("section")..];
    let carried = &text[text.find("## Not reached").expect("section")..];
    assert!(discussed.contains("Chief Data Office – Security (CISO)"));
    assert!(
        !carried[..carried.find("## Open actions").expect("next")]
            .contains("Chief Data Office – Security (CISO)**"),
        "a discussed gap is not carried over:\n{text}"
    );
    assert!(carried.contains("CIO office – Security (CISO)"), "{text}");
    assert!(
        !text.contains("## Edits in this session"),
        "the command line has no session"
    );
}

#[test]
fn without_a_discussed_list_the_minutes_read_as_before() {
    let (code, text, err) = minutes_of(model::seed::SEED_JSON);
    assert_eq!(code, Some(0), "{err}");
    assert!(text.contains("## Gaps and their actions"), "{text}");
    assert!(!text.contains("## Discussed"), "{text}");
}

#[test]
fn a_discussed_list_of_other_things_is_ignored_not_fatal() {
    // `x-` keys are free: a list of numbers or a string names no gap.
    for odd in [r#"[1, 2]"#, r#""cdo – ciso""#, r#"["no such gap"]"#] {
        let (code, text, err) = minutes_of(&with_review(odd));
        assert_eq!(code, Some(0), "{odd}: {err}");
        assert!(
            text.contains("## Gaps and their actions") || text.contains("## Discussed (0)"),
            "{odd}:\n{text}"
        );
    }
}

fn compared(old: Org, w: u16, h: u16) -> (App, Terminal<TestBackend>) {
    let dir = tempfile::tempdir().expect("dir");
    let org = model::seed::seed();
    let ai = org.initiatives.iter().position(|i| i.id == "ai");
    let doc = Document {
        compare: Some((old, "old.json".into())),
        ..Document::new(org, "test")
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
    (app, term)
}

#[test]
fn the_card_says_what_changed_since_compare_old() {
    // In OLD, Chief Data Office and Security (CISO) worked together: the gap is new since.
    let mut old = model::seed::seed();
    for (a, b) in [("cdo", "ciso"), ("ciso", "cdo")] {
        Edit::SetTie {
            from: a.into(),
            to: b.into(),
            strength: Some(4.0),
        }
        .apply(&mut old)
        .expect("edit");
    }
    let (mut app, mut term) = compared(old, 120, 40);
    // The first gap, CIO office – Security (CISO), was there in OLD too.
    let s = screen(&term);
    assert!(s.contains("since old.json: unchanged"), "{s}");
    crate::tui_review::walk_to(&mut app, &mut term, "cdo", "ciso");
    let s = screen(&term);
    assert!(s.contains("since old.json: new"), "{s}");
}

#[test]
fn the_headline_names_the_initiative_the_busiest_unit_and_the_worst_gap() {
    let (_, term) = compared(model::seed::seed(), 80, 24);
    let s = screen(&term);
    assert!(
        s.contains("AI rollout: 5 gaps, 3 involve CIO office; worst: Chief Data Office ↔ Security"),
        "{s}"
    );
    assert!(
        s.contains("Bring generative AI into customer service"),
        "the description:\n{s}"
    );
}

#[test]
fn a_gap_the_last_meeting_did_not_reach_says_it_was_carried_over() {
    let mut v: serde_json::Value = serde_json::from_str(model::seed::SEED_JSON).expect("json");
    v["reviews"]
        .as_array_mut()
        .expect("reviews")
        .push(serde_json::json!({
            "date": "2026-11-16",
            "initiative": "ai",
            "x-discussed": ["below_target: cdo – ciso"],
        }));
    let org = model::from_str("org.json", &v.to_string()).expect("valid");
    let ai = org.initiatives.iter().position(|i| i.id == "ai");
    let doc = Document::new(org, "test").config(Config {
        initiative: ai,
        view: Some(View::Review),
        ..Config::default()
    });
    let mut app = App::from_document(doc);
    app.set_today(day());
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    script::play(&mut app, &mut term, Vec::new(), true);
    // The meeting of 2026-11-16 reached only Chief Data Office – Security (CISO): the review
    // starts with what it did not reach.
    assert!(
        screen(&term).contains("carried over: not reached on 2026-11-16"),
        "{}",
        screen(&term)
    );
    let first = app.review_walk()[0];
    assert_ne!(
        discussed::name(app.org(), &app.gaps()[first]).as_deref(),
        Some("below_target: cdo – ciso")
    );
    crate::tui_review::walk_to(&mut app, &mut term, "cdo", "ciso");
    assert!(
        !screen(&term).contains("carried over"),
        "that gap was discussed on 2026-11-16:\n{}",
        screen(&term)
    );
    let (pos, _, len) = app.review_gap().expect("a gap");
    assert_eq!(
        pos + 1,
        len,
        "a gap the last meeting reached comes after the others"
    );
}

#[test]
fn review_edits_survive_in_the_recovery_file_and_come_back() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) =
        crate::tui_review::review(dir.path(), Some("ai"), Config::default(), 80, 24);
    keys(&mut app, &mut term, &["A"]);
    crate::tui_common::type_text(&mut app, &mut term, "Kick-off");
    keys(&mut app, &mut term, &["Enter", "j", "m"]);
    let unsaved = gapscope::tui::recover::Unsaved::of(&app).expect("unsaved edits");
    unsaved.write().expect("recovery written");
    let rec = Recoveries::in_dir(dir.path().join("state"))
        .find(None)
        .expect("readable")
        .expect("found");
    assert_eq!(
        &rec.org,
        app.org(),
        "the recovery file holds the review's edits"
    );
    let ai = rec.org.initiatives.iter().position(|i| i.id == "ai");
    let doc = Document {
        at_start: gapscope::tui::AtStart::Restore {
            rec: Box::new(rec.clone()),
            more: 0,
        },
        ..Document::new(model::seed::seed(), "test")
    }
    .config(Config {
        initiative: ai,
        view: Some(View::Review),
        ..Config::default()
    })
    .recoveries(Recoveries::in_dir(dir.path().join("state")));
    let mut back = App::from_document(doc);
    back.set_today(day());
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    script::play(&mut back, &mut term, Vec::new(), true);
    assert!(screen(&term).contains("Kick-off"), "{}", screen(&term));
    assert!(screen(&term).contains("discussed on 2026-11-30"));
}

fn cli(args: &[&str]) -> (Option<i32>, String) {
    let out = cargo_bin_cmd!("gapscope")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn gapscope_review_checks_its_input_before_the_screen() {
    let (code, err) = cli(&["review", "examples/seed.json", "--initiative", "aii"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("did you mean \"ai\""), "{err}");
    let (code, err) = cli(&["review", "no-such-file.json"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no-such-file.json"), "{err}");
    let (code, err) = cli(&[
        "review",
        "examples/seed.json",
        "--compare",
        "missing-old.json",
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("missing-old.json"), "{err}");
    // Standard output is not a terminal here: the screen cannot open, and says what to use.
    let (code, err) = cli(&["review", "examples/seed.json", "--initiative", "ai"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("not a terminal"), "{err}");
}

#[test]
fn text_from_the_file_reaches_the_card_cleaned() {
    let mut v: serde_json::Value = serde_json::from_str(model::seed::SEED_JSON).expect("json");
    v["actions"]
        .as_array_mut()
        .expect("actions")
        .push(serde_json::json!({
            "from": "cdo", "to": "ciso", "what": "evil \u{1b}[2J\u{1b}]0;title\u{7} text",
            "owner": "o\u{1b}[31mwner",
        }));
    let org = model::from_str("org.json", &v.to_string()).expect("valid");
    let ai = org.initiatives.iter().position(|i| i.id == "ai");
    let doc = Document::new(org, "test").config(Config {
        initiative: ai,
        view: Some(View::Review),
        ..Config::default()
    });
    let mut app = App::from_document(doc);
    app.set_today(day());
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    script::play(&mut app, &mut term, Vec::new(), true);
    crate::tui_review::walk_to(&mut app, &mut term, "cdo", "ciso");
    let s = screen(&term);
    assert!(
        s.contains("evil \\u{1b}[2J"),
        "shown as a visible escape:\n{s}"
    );
    assert!(!s.contains('\u{1b}') && !s.contains('\u{7}'), "{s:?}");
}

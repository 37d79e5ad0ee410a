//! Editing in the screen through the real keymap → update path: a rating edit closes a gap
//! (gap count and what-if marker change), undo, redo, save and reload, the quit dialog's
//! answers, read-only, a bad typed value, the on-disk-changed question, recovery at start.

use std::path::{Path, PathBuf};

use crate::tui_common::{keys, text, unit};
use clap::Parser;
use gapscope::cli::Cli;
use gapscope::cli::open::prepare;
use gapscope::model::{self, Org};
use gapscope::store::Recoveries;
use gapscope::tui::app::View;
use gapscope::tui::modal::Modal;
use gapscope::tui::prompt::Question;
use gapscope::tui::{App, Config, Document, script};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A folder with the built-in org saved as org.json, and a private recovery folder.
struct Place {
    dir: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("org.json"), model::seed::SEED_JSON).expect("write");
        Place { dir }
    }
    fn file(&self) -> PathBuf {
        self.dir.path().join("org.json")
    }
    fn recoveries(&self) -> Recoveries {
        Recoveries::in_dir(self.dir.path().join("state"))
    }
    /// The screen on the file, as `gapscope ARGS FILE` prepares it, analysed and drawn.
    fn open(&self, args: &[&str]) -> (App, Terminal<TestBackend>) {
        let file = self.file();
        let mut argv = vec!["gapscope".to_string()];
        argv.extend(args.iter().map(|s| s.to_string()));
        argv.push(file.display().to_string());
        let cli = Cli::try_parse_from(argv).expect("arguments parse");
        let app = prepare(&cli, self.recoveries()).expect("opens");
        run(app)
    }
    fn on_disk(&self) -> Org {
        model::load(&self.file().display().to_string(), model::DEFAULT_MAX_BYTES).expect("loads")
    }
}

fn run(mut app: App) -> (App, Terminal<TestBackend>) {
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    script::play(&mut app, &mut term, Vec::new(), true);
    (app, term)
}

/// The built-in org in the screen, with recovery files kept in `dir`.
fn builtin(dir: &Path, config: &Config) -> (App, Terminal<TestBackend>) {
    let doc = Document::new(model::seed::seed(), "test")
        .config(config.clone())
        .recoveries(Recoveries::in_dir(dir.join("state")))
        .base(dir.to_path_buf());
    run(App::from_document(doc))
}

fn screen(term: &Terminal<TestBackend>) -> String {
    text(term.backend().buffer())
}

/// Puts the matrix cursor on row `a`, column `b` (the keys move from there).
fn cell(app: &mut App, term: &mut Terminal<TestBackend>, a: &str, b: &str) {
    keys(app, term, &["2"]);
    app.select(unit(app, a), Some(unit(app, b)));
}

fn rating(org: &Org, from: &str, to: &str) -> Option<f64> {
    org.ties
        .iter()
        .find(|t| t.from == from && t.to == to)
        .and_then(|t| t.strength)
}

#[test]
fn a_rating_edit_closes_a_gap_and_undo_redo_bring_it_back_and_away() {
    let place = Place::new();
    let (mut app, mut term) = place.open(&[]);
    let before = app.gaps().len();
    assert_eq!(before, 7);
    assert!(!screen(&term).contains("edited"));
    // Marketing rates the Chief Data Office 2 of 5; the pair needs 3 for the AI rollout.
    cell(&mut app, &mut term, "marketing", "cdo");
    keys(&mut app, &mut term, &["+"]);
    assert_eq!(rating(app.org(), "marketing", "cdo"), Some(3.0));
    assert_eq!(app.gaps().len(), before - 1, "the below-target gap closed");
    let s = screen(&term);
    assert!(s.contains("6 gaps"), "{s}");
    assert!(s.contains("edited: 1 closed"), "title-bar what-if:\n{s}");
    assert!(s.contains("Marketing rates Chief Data Office 2 → 3"), "{s}");
    keys(&mut app, &mut term, &["c"]);
    let s = screen(&term);
    assert!(s.contains("What changed"), "{s}");
    assert!(
        s.contains("closed   below target: Chief Data Office–Marketing"),
        "{s}"
    );
    keys(&mut app, &mut term, &["Esc", "u"]);
    assert_eq!(rating(app.org(), "marketing", "cdo"), Some(2.0));
    assert_eq!(app.gaps().len(), before);
    let s = screen(&term);
    assert!(
        s.contains("undo: Marketing rates Chief Data Office 3 → 2"),
        "{s}"
    );
    assert!(!s.contains("edited"), "back to the file as loaded:\n{s}");
    assert!(!app.session().history.is_dirty());
    keys(&mut app, &mut term, &["Ctrl-r"]);
    assert_eq!(rating(app.org(), "marketing", "cdo"), Some(3.0));
    assert_eq!(app.gaps().len(), before - 1);
    assert!(screen(&term).contains("redo: Marketing rates Chief Data Office 2 → 3"));
}

#[test]
fn saving_writes_the_file_atomically_with_a_backup_and_reloads_equal() {
    let place = Place::new();
    let (mut app, mut term) = place.open(&[]);
    cell(&mut app, &mut term, "marketing", "cdo");
    keys(&mut app, &mut term, &["+", "t"]);
    // The target prompt opens for the pair (baseline when no initiative is chosen).
    keys(&mut app, &mut term, &["4", "Enter", "s"]);
    assert!(!app.session().history.is_dirty(), "{:?}", app.message());
    assert!(screen(&term).contains("saved"), "{}", screen(&term));
    let reloaded = place.on_disk();
    assert_eq!(&reloaded, app.org());
    assert_eq!(rating(&reloaded, "marketing", "cdo"), Some(3.0));
    let backup = model::load(
        &format!("{}~", place.file().display()),
        model::DEFAULT_MAX_BYTES,
    )
    .expect("backup loads");
    assert_eq!(rating(&backup, "marketing", "cdo"), Some(2.0));
    let quit = keys(&mut app, &mut term, &["q"]);
    assert!(quit, "nothing unsaved: q quits at once");
}

#[test]
fn quit_with_unsaved_edits_asks_and_cancel_keeps_editing() {
    let place = Place::new();
    let (mut app, mut term) = place.open(&[]);
    cell(&mut app, &mut term, "marketing", "cdo");
    keys(&mut app, &mut term, &["+"]);
    let quit = keys(&mut app, &mut term, &["q"]);
    assert!(!quit);
    assert!(screen(&term).contains("Quit with unsaved edits?"));
    let quit = keys(&mut app, &mut term, &["Esc"]);
    assert!(!quit && app.modal().is_none());
    assert!(app.session().history.is_dirty());
    let quit = keys(&mut app, &mut term, &["Ctrl-c"]);
    assert!(!quit, "Ctrl-c asks too");
    assert!(matches!(app.modal(), Some(Modal::Dialog(Question::Quit))));
}

#[test]
fn quit_and_discard_leaves_the_file_and_removes_the_recovery() {
    let place = Place::new();
    let (mut app, mut term) = place.open(&[]);
    cell(&mut app, &mut term, "marketing", "cdo");
    keys(&mut app, &mut term, &["+"]);
    // This session's own recovery file (as a hang-up would have left it).
    let rec = app
        .session()
        .recoveries
        .write(Some(&place.file()), app.org(), None)
        .expect("recovery written");
    let quit = keys(&mut app, &mut term, &["q", "d"]);
    assert!(quit);
    assert_eq!(rating(&place.on_disk(), "marketing", "cdo"), Some(2.0));
    assert!(!rec.exists(), "discarding removes the recovery file");
}

#[test]
fn quit_and_save_writes_then_quits() {
    let place = Place::new();
    let (mut app, mut term) = place.open(&[]);
    cell(&mut app, &mut term, "marketing", "cdo");
    keys(&mut app, &mut term, &["+"]);
    let quit = keys(&mut app, &mut term, &["q", "s"]);
    assert!(quit);
    assert_eq!(rating(&place.on_disk(), "marketing", "cdo"), Some(3.0));
}

#[test]
fn the_built_in_org_asks_where_to_save() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(dir.path(), &Config::default());
    assert!(keys(&mut app, &mut term, &["q"]), "unedited: no question");
    let (mut app, mut term) = builtin(dir.path(), &Config::default());
    cell(&mut app, &mut term, "marketing", "cdo");
    keys(&mut app, &mut term, &["+", "q", "s"]);
    assert!(screen(&term).contains("save to file"), "{}", screen(&term));
    let path = dir.path().join("mine.json");
    let typed: Vec<String> = path
        .display()
        .to_string()
        .chars()
        .map(String::from)
        .collect();
    let typed: Vec<&str> = typed.iter().map(String::as_str).collect();
    keys(&mut app, &mut term, &typed);
    let quit = keys(&mut app, &mut term, &["Enter"]);
    assert!(quit, "{:?}", app.message());
    let saved = model::load(&path.display().to_string(), model::DEFAULT_MAX_BYTES).expect("saved");
    assert_eq!(rating(&saved, "marketing", "cdo"), Some(3.0));
}

#[test]
fn read_only_refuses_edits_and_says_why() {
    let dir = tempfile::tempdir().expect("dir");
    let config = Config {
        read_only: true,
        ..Config::default()
    };
    let (mut app, mut term) = builtin(dir.path(), &config);
    let before = app.org().clone();
    cell(&mut app, &mut term, "marketing", "cdo");
    for k in ["+", "e", "t", "x", "a", "X", "u", "s"] {
        keys(&mut app, &mut term, &[k]);
        assert!(app.modal().is_none(), "{k} opens nothing");
        assert!(
            screen(&term).contains("read-only"),
            "{k}:\n{}",
            screen(&term)
        );
    }
    assert_eq!(app.org(), &before);
    assert!(keys(&mut app, &mut term, &["q"]));
}

#[test]
fn a_bad_typed_value_is_refused_in_place_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(dir.path(), &Config::default());
    let before = app.org().clone();
    cell(&mut app, &mut term, "marketing", "cdo");
    keys(&mut app, &mut term, &["e", "Backspace", "x", "y", "Enter"]);
    let s = screen(&term);
    assert!(
        s.contains("strength Marketing rates Chief Data Office (0–5)"),
        "{s}"
    );
    assert!(s.contains("not a number"), "{s}");
    assert!(app.modal().is_some(), "the prompt stays open");
    keys(
        &mut app,
        &mut term,
        &["Backspace", "Backspace", "9", "Enter"],
    );
    let s = screen(&term);
    assert!(s.contains("scale"), "out of the scale:\n{s}");
    assert_eq!(app.org(), &before);
    keys(&mut app, &mut term, &["Esc"]);
    assert!(app.modal().is_none());
    assert_eq!(app.org(), &before);
    assert!(!app.session().history.can_undo());
    keys(
        &mut app,
        &mut term,
        &["e", "Backspace", "4", ".", "5", "Enter"],
    );
    assert_eq!(rating(app.org(), "marketing", "cdo"), Some(4.5));
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let place = Place::new();
    let (mut app, mut term) = place.open(&[]);
    cell(&mut app, &mut term, "marketing", "cdo");
    keys(&mut app, &mut term, &["+"]);
    let theirs = model::seed::SEED_JSON.replace("Example Corp", "Their Corp");
    std::fs::write(place.file(), &theirs).expect("another writer");
    keys(&mut app, &mut term, &["s"]);
    let s = screen(&term);
    assert!(
        s.contains("Overwrite?") && s.contains("changed on disk"),
        "{s}"
    );
    keys(&mut app, &mut term, &["Esc"]);
    assert_eq!(std::fs::read_to_string(place.file()).expect("read"), theirs);
    assert!(app.session().history.is_dirty(), "the edit is kept");
    keys(&mut app, &mut term, &["s", "o"]);
    assert_eq!(rating(&place.on_disk(), "marketing", "cdo"), Some(3.0));
    assert!(!app.session().history.is_dirty());
}

#[test]
fn a_failed_save_keeps_every_edit_and_says_why() {
    let place = Place::new();
    let (mut app, mut term) = place.open(&[]);
    cell(&mut app, &mut term, "marketing", "cdo");
    keys(&mut app, &mut term, &["+"]);
    // A folder where the file should be: the save fails whoever runs the test (root too).
    std::fs::remove_file(place.file()).expect("rm");
    std::fs::create_dir(place.file()).expect("mkdir");
    keys(&mut app, &mut term, &["s"]);
    assert!(
        screen(&term).contains("Overwrite?"),
        "the file is gone: ask first"
    );
    keys(&mut app, &mut term, &["o"]);
    let s = screen(&term);
    assert!(s.contains("cannot save"), "{s}");
    assert!(app.session().history.is_dirty());
    assert_eq!(rating(app.org(), "marketing", "cdo"), Some(3.0));
    assert!(
        app.message()
            .is_some_and(|m| m.starts_with("not saved (the edits are kept): cannot save")),
        "{s}"
    );
}

#[test]
fn units_are_added_renamed_regrouped_removed_and_come_back_on_undo() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(dir.path(), &Config::default());
    let before = app.org().clone();
    keys(&mut app, &mut term, &["a", "l", "a", "b", "Enter"]);
    assert_eq!(app.n(), 8);
    assert_eq!(app.org().units[app.selected()].id, "lab");
    keys(&mut app, &mut term, &["r", "L", "a", "b", "Enter"]);
    assert_eq!(app.org().units[7].name.as_deref(), Some("Lab"));
    keys(&mut app, &mut term, &["G", "R", "&", "D", "Enter"]);
    assert_eq!(app.org().units[7].group.as_deref(), Some("R&D"));
    app.select(unit(&app, "cio"), None);
    let ties = app.org().ties.len();
    keys(&mut app, &mut term, &["X"]);
    let s = screen(&term);
    assert!(
        s.contains("Remove CIO office with its"),
        "X asks first:\n{s}"
    );
    assert_eq!(app.n(), 8, "nothing is removed before the answer");
    keys(&mut app, &mut term, &["y"]);
    assert_eq!(app.n(), 7);
    assert!(app.org().ties.len() < ties, "its ties go with it");
    assert!(screen(&term).contains("remove unit CIO office"));
    keys(&mut app, &mut term, &["u"]);
    assert_eq!(app.n(), 8);
    assert_eq!(app.org().ties.len(), ties);
    keys(&mut app, &mut term, &["u", "u", "u"]);
    assert_eq!(app.org(), &before, "undo restores the document exactly");
}

#[test]
fn ties_targets_and_notes_from_the_gap_list() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(dir.path(), &Config::default());
    keys(&mut app, &mut term, &["3"]);
    assert_eq!(app.view(), View::Gaps);
    // The first gap: Chief Data Office–Security (CISO), no tie at all.
    let g = app.gaps()[0].clone();
    let (a, b) = (
        app.org().units[g.from].id.clone(),
        app.org().units[g.to.expect("pair")].id.clone(),
    );
    keys(&mut app, &mut term, &["e", "4", "Enter"]);
    assert_eq!(rating(app.org(), &a, &b), Some(4.0), "{:?}", app.message());
    keys(
        &mut app,
        &mut term,
        &["n", "w", "e", "e", "k", "l", "y", "Enter"],
    );
    let note = app
        .org()
        .ties
        .iter()
        .find(|t| t.from == a && t.to == b)
        .and_then(|t| t.note.clone());
    assert_eq!(note.as_deref(), Some("weekly"));
    // `t` edits the target behind the gap (its initiative's, here AI rollout's), not a new
    // baseline target beside it; `T` clears that target.
    let targets = app.org().targets.len();
    keys(&mut app, &mut term, &["t", "5", "Enter"]);
    assert_eq!(app.org().targets.len(), targets, "the gap's own target");
    let min = app
        .org()
        .targets
        .iter()
        .find(|t| {
            t.initiative == g.initiative
                && ((t.from == a && t.to == b) || (t.from == b && t.to == a))
        })
        .map(|t| t.min);
    assert_eq!(min, Some(5.0));
    keys(&mut app, &mut term, &["x"]);
    assert_eq!(rating(app.org(), &a, &b), None);
    // Without its target the gap closes (the cursor moves to a neighbour).
    keys(&mut app, &mut term, &["T"]);
    assert_eq!(app.org().targets.len(), targets - 1);
}

#[test]
fn a_recovery_is_offered_at_start_and_restored() {
    let place = Place::new();
    let mut edited: Org = place.on_disk();
    if let Some(t) = edited
        .ties
        .iter_mut()
        .find(|t| t.from == "marketing" && t.to == "cdo")
    {
        t.strength = Some(3.0);
    }
    let (_, fp) =
        gapscope::store::load_tracked(&place.file(), model::DEFAULT_MAX_BYTES).expect("tracked");
    let write = || {
        place
            .recoveries()
            .write(Some(&place.file()), &edited, Some(&fp))
            .expect("written")
    };
    let rec = write();
    let (mut app, mut term) = place.open(&[]);
    let s = screen(&term);
    assert!(s.contains("Restore unsaved edits?"), "{s}");
    keys(&mut app, &mut term, &["r"]);
    assert_eq!(app.org(), &edited);
    assert!(app.session().history.is_dirty());
    assert!(
        screen(&term).contains("edited: 1 closed"),
        "{}",
        screen(&term)
    );
    // Keep for later leaves the file; --recover restores without asking.
    let (mut app, mut term) = place.open(&[]);
    keys(&mut app, &mut term, &["k"]);
    assert!(rec.exists());
    assert_eq!(rating(app.org(), "marketing", "cdo"), Some(2.0));
    let (app, term) = place.open(&["--recover"]);
    assert!(app.modal().is_none());
    assert_eq!(app.org(), &edited);
    assert!(
        screen(&term).contains("edited: 1 closed"),
        "{}",
        screen(&term)
    );
    // Saving removes the recovery file.
    let (mut app, mut term) = (app, term);
    keys(&mut app, &mut term, &["s"]);
    assert!(!rec.exists());
    write();
    let (app, _) = place.open(&["--discard-recovery"]);
    assert!(app.modal().is_none());
    assert!(!rec.exists());
    write();
    let (mut app, mut term) = place.open(&[]);
    keys(&mut app, &mut term, &["d"]);
    assert!(!rec.exists(), "discard answers remove it");
}

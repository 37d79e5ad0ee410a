//! Recovery files of several sessions through the real start-up (`cli::open::prepare`) and
//! update loop (issue 14 items 2 and 3): a recovery kept for later survives the next
//! session's save, and every session's recovery is offered in turn.

use std::path::PathBuf;

use crate::tui_common::keys;
use clap::Parser;
use gapscope::cli::Cli;
use gapscope::cli::open::prepare;
use gapscope::model::{self, Org, Unit};
use gapscope::store::Recoveries;
use gapscope::tui::modal::Modal;
use gapscope::tui::prompt::Question;
use gapscope::tui::{App, script};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

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
    /// A session's view of the recovery folder (each call is another session).
    fn session(&self) -> Recoveries {
        Recoveries::in_dir(self.dir.path().join("state"))
    }
    fn open(&self) -> (App, Terminal<TestBackend>) {
        let argv = ["gapscope".to_string(), self.file().display().to_string()];
        let cli = Cli::try_parse_from(argv).expect("arguments parse");
        let mut app = prepare(&cli, self.session()).expect("opens");
        let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        script::play(&mut app, &mut term, Vec::new(), true);
        (app, term)
    }
    /// Leaves a recovery file as an earlier session hung up with one more unit `id`.
    fn left_behind(&self, id: &str) -> PathBuf {
        let mut org = model::seed::seed();
        org.units.push(Unit {
            id: id.into(),
            ..Unit::default()
        });
        self.session()
            .write(Some(&self.file()), &org, None)
            .expect("written")
    }
}

fn has(org: &Org, id: &str) -> bool {
    org.units.iter().any(|u| u.id == id)
}

fn asked_about(app: &App) -> Option<PathBuf> {
    match app.modal() {
        Some(Modal::Dialog(Question::Restore(rec))) => Some(rec.path.clone()),
        _ => None,
    }
}

#[test]
fn a_recovery_kept_for_later_survives_the_next_sessions_save() {
    let place = Place::new();
    let kept = place.left_behind("earlier");
    let (mut app, mut term) = place.open();
    assert_eq!(asked_about(&app), Some(kept.clone()));
    keys(&mut app, &mut term, &["k"]);
    assert!(app.modal().is_none());
    // Another edit, then a save of the file.
    keys(&mut app, &mut term, &["a", "n", "e", "w", "Enter", "s"]);
    let saved = model::load(&place.file().display().to_string(), 1 << 30).expect("loads");
    assert!(has(&saved, "new"), "saved");
    assert!(kept.exists(), "the kept recovery file is still there");
    let rec = place
        .session()
        .find(Some(&place.file()))
        .expect("ok")
        .expect("one");
    assert!(has(&rec.org, "earlier"), "with the earlier session's edits");
}

#[test]
fn two_sessions_leave_two_recoveries_and_the_next_start_offers_each() {
    let place = Place::new();
    let first = place.left_behind("first");
    std::thread::sleep(std::time::Duration::from_millis(5));
    let second = place.left_behind("second");
    assert_ne!(first, second, "one recovery file per session");
    let all = place.session().find_all(Some(&place.file())).expect("ok");
    assert_eq!(all.len(), 2);
    let (mut app, mut term) = place.open();
    let asked_first = asked_about(&app).expect("asked");
    keys(&mut app, &mut term, &["k"]);
    let asked_next = asked_about(&app).expect("asked about the other one");
    assert_ne!(asked_first, asked_next);
    keys(&mut app, &mut term, &["r"]);
    let restored = ["first", "second"]
        .into_iter()
        .filter(|id| has(app.org(), id))
        .count();
    assert_eq!(restored, 1, "one of the two restored");
    // Saving removes the restored one and keeps the other.
    keys(&mut app, &mut term, &["s"]);
    assert!(!asked_next.exists(), "the restored recovery is superseded");
    assert!(asked_first.exists(), "the kept one stays");
    // Discarding it at the next start removes it, and only it.
    let (mut app, mut term) = place.open();
    assert_eq!(asked_about(&app), Some(asked_first.clone()));
    keys(&mut app, &mut term, &["d"]);
    assert!(!asked_first.exists());
    assert!(app.modal().is_none());
}

#[test]
fn save_as_onto_a_fifo_is_refused_and_the_fifo_stays() {
    use std::os::unix::fs::FileTypeExt;
    let place = Place::new();
    let fifo = place.dir.path().join("pipe");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(ok.success());
    let (mut app, mut term) = place.open();
    keys(&mut app, &mut term, &["a", "z", "z", "Enter", "W"]);
    // Clear the pre-filled name, type the FIFO's path, accept, and confirm the overwrite.
    let clear: Vec<&str> = std::iter::repeat_n("Backspace", 300).collect();
    keys(&mut app, &mut term, &clear);
    let typed = fifo.display().to_string();
    let chars: Vec<String> = typed.chars().map(String::from).collect();
    let chars: Vec<&str> = chars.iter().map(String::as_str).collect();
    keys(&mut app, &mut term, &chars);
    keys(&mut app, &mut term, &["Enter", "o"]);
    let message = app.message().unwrap_or_default().to_string();
    assert!(message.contains("not a regular file"), "{message}");
    let kind = std::fs::symlink_metadata(&fifo).expect("there").file_type();
    assert!(kind.is_fifo(), "the FIFO is not replaced");
    assert!(app.session().history.is_dirty(), "the edits are kept");
}

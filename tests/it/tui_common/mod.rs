//! Helpers shared by the screen tests: building apps and reading the screen back.
#![allow(dead_code)]

pub(crate) mod random;
pub(crate) mod tmux;

use gapscope::analysis::{Gap, GapKind};
use gapscope::model::{self, Org};
use gapscope::tui::script;
use gapscope::tui::update::Msg;
use gapscope::tui::{App, Config, Document};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::Event;

/// The real network used by the tests (Krackhardt 1987, see fixtures_tui/README.md).
pub(crate) fn krackhardt() -> Org {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures_tui/krackhardt-advice-people.json"
    );
    model::load(path, model::DEFAULT_MAX_BYTES).expect("fixture loads")
}

/// An app on an org, with its analysis done and one frame drawn (the real loop, with the
/// start effects).
pub(crate) fn started(org: Org, config: &Config, w: u16, h: u16) -> (App, Terminal<TestBackend>) {
    let doc = Document::new(org, "test").config(config.clone());
    start_doc(doc, w, h)
}

/// An app on a document, started through the real loop.
pub(crate) fn start_doc(doc: Document, w: u16, h: u16) -> (App, Terminal<TestBackend>) {
    let mut app = App::from_document(doc);
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    script::play(&mut app, &mut term, Vec::new(), true);
    (app, term)
}

/// Sends keys (keymap spellings) through the real event loop, drawing after each.
pub(crate) fn keys(app: &mut App, term: &mut Terminal<TestBackend>, keys: &[&str]) -> bool {
    let events = keys.iter().map(|k| Event::Key(script::key(k)));
    script::play(app, term, events, false)
}

/// Types text (each character a key) through the real event loop.
pub(crate) fn type_text(app: &mut App, term: &mut Terminal<TestBackend>, text: &str) -> bool {
    let events = text.chars().map(|c| {
        Event::Key(ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char(c),
            ratatui::crossterm::event::KeyModifiers::NONE,
        ))
    });
    script::play(app, term, events, false)
}

/// Sends terminal events (keys, clicks, wheel) through the real event loop.
pub(crate) fn events(app: &mut App, term: &mut Terminal<TestBackend>, events: Vec<Event>) -> bool {
    script::play(app, term, events, false)
}

/// Sends messages straight to `update` (for messages no terminal sends, such as a stale
/// analysis), performing their effects and drawing after each.
pub(crate) fn run_msgs(app: &mut App, term: &mut Terminal<TestBackend>, msgs: Vec<Msg>) -> bool {
    let mut quit = false;
    for m in msgs {
        let fx = gapscope::tui::update::update(app, m);
        quit |= script::run_effects(app, fx);
        script::draw(app, term);
    }
    quit
}

/// The screen as text, one line per row, trailing spaces kept off.
pub(crate) fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Adds hand-made gaps to the app's analysis (the analysis helper fills real ones).
pub(crate) fn with_gaps(app: &mut App, gaps: Vec<Gap>) {
    let mut a = (**app.analysis().expect("analysis done")).clone();
    a.gaps = gaps;
    app.set_analysis(a);
}

/// A pair gap between unit indices.
pub(crate) fn pair_gap(kind: GapKind, a: usize, b: usize, actual: f64, target: f64) -> Gap {
    Gap {
        kind,
        from: a.min(b),
        to: Some(a.max(b)),
        group: None,
        actual: Some(actual),
        target: Some(target),
        severity: (target - actual).abs(),
        initiative: None,
        explanation: format!("test gap {a}-{b}"),
    }
}

/// Index of the unit with this id.
pub(crate) fn unit(app: &App, id: &str) -> usize {
    app.org()
        .units
        .iter()
        .position(|u| u.id == id)
        .expect("unit exists")
}

//! The compact output layer (`tui::output::Compact`) shows what ratatui's buffer holds: its
//! bytes for many frames (random keys, clicks and resizes over several orgs, sizes, themes and
//! ASCII), fed into a terminal emulator, give the same screen cell by cell, colours and
//! attributes included, as ratatui's `TestBackend`. And a selection move costs few bytes.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use crate::tui_common::krackhardt;
use crate::tui_common::random::{Input, input};
use gapscope::model::Org;
use gapscope::model::seed::seed;
use gapscope::tui::event_loop::message;
use gapscope::tui::output::Compact;
use gapscope::tui::update::update;
use gapscope::tui::{App, Config, Document, ThemeName, script};
use proptest::prelude::*;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::{Terminal, TerminalOptions, Viewport};

/// A writer whose bytes the test reads.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn vt_colour(c: Color) -> vt100::Color {
    let named = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match c {
        Color::Reset => vt100::Color::Default,
        Color::Indexed(i) => vt100::Color::Idx(i),
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        c => vt100::Color::Idx(named.iter().position(|&n| n == c).unwrap() as u8),
    }
}

/// The first cell where the emulated screen differs from the buffer.
fn differs(screen: &vt100::Screen, buf: &Buffer) -> Option<String> {
    let area = buf.area;
    for y in 0..area.height {
        for x in 0..area.width {
            let want = &buf[(x, y)];
            let Some(got) = screen.cell(y, x) else {
                return Some(format!("({x},{y}) is off the emulated screen"));
            };
            if got.is_wide_continuation() {
                continue;
            }
            let text = if got.has_contents() {
                got.contents()
            } else {
                " "
            };
            let m = want.modifier;
            let intensity_ok = if m.contains(Modifier::BOLD | Modifier::DIM) {
                // The emulator keeps one of the two.
                got.bold() || got.dim()
            } else {
                got.bold() == m.contains(Modifier::BOLD) && got.dim() == m.contains(Modifier::DIM)
            };
            let show_on_blank = Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT;
            if want.symbol() == " " && !m.intersects(show_on_blank) {
                // A blank shows only its background: its other colours and attributes are
                // not compared (an erase gives a blank the pen's; a terminal shows none).
                if text == " "
                    && got.bgcolor() == vt_colour(want.bg)
                    && !got.inverse()
                    && !got.underline()
                {
                    continue;
                }
            }
            let same = text == want.symbol()
                && got.fgcolor() == vt_colour(want.fg)
                && got.bgcolor() == vt_colour(want.bg)
                && intensity_ok
                && got.italic() == m.contains(Modifier::ITALIC)
                && got.underline() == m.contains(Modifier::UNDERLINED)
                && got.inverse() == m.contains(Modifier::REVERSED);
            if !same {
                return Some(format!(
                    "({x},{y}): ratatui has {:?} {:?}/{:?} {:?}, the terminal shows {:?} {:?}/{:?} bold {} dim {} italic {} underline {} inverse {}",
                    want.symbol(),
                    want.fg,
                    want.bg,
                    want.modifier,
                    text,
                    got.fgcolor(),
                    got.bgcolor(),
                    got.bold(),
                    got.dim(),
                    got.italic(),
                    got.underline(),
                    got.inverse()
                ));
            }
        }
    }
    None
}

/// One app drawn on both backends, the compact one's bytes fed into an emulator.
struct Twin {
    app: App,
    test: Terminal<TestBackend>,
    compact: Terminal<Compact<Shared>>,
    bytes: Shared,
    vt: vt100::Parser,
}

impl Twin {
    fn new(app: App, w: u16, h: u16) -> Twin {
        let bytes = Shared::default();
        Twin {
            app,
            test: Terminal::new(TestBackend::new(w, h)).unwrap(),
            compact: Terminal::new(Compact::with_size(bytes.clone(), w, h)).unwrap(),
            bytes,
            vt: vt100::Parser::new(h, w, 0),
        }
    }

    /// Draws a frame on both; the first difference, if any.
    fn frame(&mut self) -> Option<String> {
        script::draw(&mut self.app, &mut self.test);
        script::draw(&mut self.app, &mut self.compact);
        let out = std::mem::take(&mut *self.bytes.0.borrow_mut());
        self.vt.process(&out);
        differs(self.vt.screen(), self.test.backend().buffer())
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.test.backend_mut().resize(w, h);
        self.compact.backend_mut().set_size(w, h);
        self.vt.screen_mut().set_size(h, w);
    }

    fn event(&mut self, ev: Event) {
        if let Some(msg) = message(ev) {
            let fx = update(&mut self.app, msg);
            script::run_effects(&mut self.app, fx);
        }
    }
}

fn acme() -> Org {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme-40-teams.json");
    gapscope::model::load(path, gapscope::model::DEFAULT_MAX_BYTES).unwrap()
}

fn org(which: u8) -> Org {
    match which {
        0 => seed(),
        1 => krackhardt(),
        2 => acme(),
        _ => gapscope::generate::generate(&gapscope::generate::Params {
            units: 300,
            ..Default::default()
        }),
    }
}

/// An app with its analysis done, as the screen starts.
fn app(org: Org, config: Config, scratch: &std::path::Path) -> App {
    let doc = Document::new(org, "output")
        .config(config)
        .recoveries(gapscope::store::Recoveries::in_dir(scratch.join("state")))
        .base(scratch.to_path_buf());
    let mut app = App::from_document(doc);
    let fx = gapscope::tui::update::start(&mut app);
    script::run_effects(&mut app, fx);
    app
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("GAPSCOPE_PROP_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48),
        // A failure prints its smallest input; nothing is written into the working tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_compact_layer_shows_what_ratatui_holds(
        which in 0u8..4,
        theme in 0u8..3,
        ascii in any::<bool>(),
        size in prop_oneof![Just((80u16, 24u16)), Just((120, 40)), Just((200, 60)), (1u16..200, 1u16..60)],
        inputs in prop::collection::vec(input(8, 60, 1), 1..40),
    ) {
        let theme = [ThemeName::Dark, ThemeName::Light, ThemeName::Mono][usize::from(theme)];
        let scratch = tempfile::tempdir().unwrap();
        let config = Config { theme, ascii, ..Config::default() };
        let mut twin = Twin::new(app(org(which), config, scratch.path()), size.0, size.1);
        if let Some(d) = twin.frame() {
            prop_assert!(false, "first frame: {}", d);
        }
        for (k, inp) in inputs.into_iter().enumerate() {
            if let Input::Resize(w, h) = inp {
                twin.resize(w, h);
            }
            let ev = inp.event();
            if matches!(&ev, Event::Key(k) if k.code == KeyCode::Char('z') && k.modifiers.contains(KeyModifiers::CONTROL)) {
                continue;
            }
            twin.event(ev.clone());
            if let Some(d) = twin.frame() {
                prop_assert!(false, "after input {} ({:?}): {}", k + 1, ev, d);
            }
        }
    }
}

/// Bytes ratatui's own `CrosstermBackend` writes for a frame, drawn beside the twin.
struct Before {
    term: Terminal<CrosstermBackend<Shared>>,
    bytes: Shared,
}

impl Before {
    fn new(w: u16, h: u16) -> Before {
        let bytes = Shared::default();
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        };
        Before {
            term: Terminal::with_options(CrosstermBackend::new(bytes.clone()), options).unwrap(),
            bytes,
        }
    }

    fn frame(&mut self, app: &mut App) -> usize {
        script::draw(app, &mut self.term);
        std::mem::take(&mut *self.bytes.0.borrow_mut()).len()
    }
}

#[test]
fn selection_moves_at_120x40_cost_far_fewer_bytes_than_ratatuis_backend() {
    let mut report = Vec::new();
    for (name, o) in [
        ("built-in", seed()),
        ("krackhardt", krackhardt()),
        ("acme", acme()),
        ("300 units", org(3)),
    ] {
        for view in ['3', '2'] {
            let scratch = tempfile::tempdir().unwrap();
            let mut twin = Twin::new(app(o.clone(), Config::default(), scratch.path()), 120, 40);
            let mut before = Before::new(120, 40);
            twin.event(Event::Key(KeyEvent::from(KeyCode::Char(view))));
            assert_eq!(twin.frame(), None);
            before.frame(&mut twin.app);
            let (mut sum_before, mut sum_after, mut worst) = (0, 0, 0);
            for step in 0..40 {
                twin.event(Event::Key(KeyEvent::from(KeyCode::Down)));
                let old = before.frame(&mut twin.app);
                let start = twin.bytes.0.borrow().len();
                script::draw(&mut twin.app, &mut twin.compact);
                let out = std::mem::take(&mut *twin.bytes.0.borrow_mut());
                twin.vt.process(&out);
                script::draw(&mut twin.app, &mut twin.test);
                assert_eq!(
                    differs(twin.vt.screen(), twin.test.backend().buffer()),
                    None
                );
                let new = out.len() - start;
                assert!(
                    new * 10 <= old * 8 || new < 200,
                    "{name}, view {view}, Down number {}: {new} bytes, ratatui's backend {old}",
                    step + 1
                );
                sum_before += old;
                sum_after += new;
                worst = worst.max(new);
            }
            report.push(format!(
                "{name} {view}: {sum_before} -> {sum_after}, worst {worst}"
            ));
            assert!(
                sum_after * 10 <= sum_before * 7,
                "{name}, view {view}: {sum_after} bytes, ratatui's backend {sum_before}"
            );
            assert!(
                sum_after <= 40 * 1024,
                "{name}, view {view}: {} bytes a move on average",
                sum_after / 40
            );
            // The gap list scrolls by pages (a page of new rows); the matrix by one row, so
            // its worst move is a detail pane with a new pair's text (1.0-1.3 KB here).
            if view == '2' {
                assert!(worst <= 1536, "{name}, matrix: {worst} bytes for one move");
            }
        }
    }
    eprintln!("{}", report.join("\n"));
}

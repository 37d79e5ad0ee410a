//! Bytes sent for selection moves at 120x40, through ratatui's `CrosstermBackend` (before)
//! and the screen's compact output layer (after).

use std::time::Instant;

use gapscope::tui::output::Compact;
use gapscope::tui::update::{Msg, update};
use gapscope::tui::{App, script};
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// A writer that counts the bytes written to it.
#[derive(Clone, Default)]
struct Count(std::rc::Rc<std::cell::Cell<usize>>);

impl std::io::Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Terminals of 120x40 on both output layers: ratatui's `CrosstermBackend` (before) and the
/// screen's compact layer (after), each counting the bytes it writes.
struct Both {
    before: Terminal<CrosstermBackend<Count>>,
    before_count: Count,
    after: Terminal<Compact<Count>>,
    after_count: Count,
    /// Milliseconds spent drawing through each (the view's work is the same in both).
    before_ms: f64,
    after_ms: f64,
}

impl Both {
    fn new(app: &mut App) -> Option<Both> {
        let area = Rect::new(0, 0, 120, 40);
        let before_count = Count::default();
        let after_count = Count::default();
        let fixed = TerminalOptions {
            viewport: Viewport::Fixed(area),
        };
        let mut both = Both {
            before: Terminal::with_options(
                CrosstermBackend::new(before_count.clone()),
                fixed.clone(),
            )
            .ok()?,
            before_count,
            after: Terminal::with_options(Compact::with_size(after_count.clone(), 120, 40), fixed)
                .ok()?,
            after_count,
            before_ms: 0.0,
            after_ms: 0.0,
        };
        both.frame(app);
        Some(both)
    }

    /// Draws a frame on both; the bytes each wrote (before, after).
    fn frame(&mut self, app: &mut App) -> (usize, usize) {
        self.before_count.0.set(0);
        self.after_count.0.set(0);
        let t = Instant::now();
        script::draw(app, &mut self.before);
        self.before_ms += t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        script::draw(app, &mut self.after);
        self.after_ms += t.elapsed().as_secs_f64() * 1000.0;
        (self.before_count.0.get(), self.after_count.0.get())
    }
}

/// Bytes for the frame after one selection move (before, after).
pub(crate) fn move_bytes(app: &mut App, key: KeyCode) -> (usize, usize) {
    let Some(mut both) = Both::new(app) else {
        return (0, 0);
    };
    update(app, Msg::Key(KeyEvent::from(key)));
    both.frame(app)
}

/// Bytes over a walk of `n` moves: (mean, worst) before and after, and the mean
/// milliseconds a frame took to draw and encode (before, after).
pub(crate) fn walk_bytes(app: &mut App, key: KeyCode, n: usize) -> ([(f64, usize); 2], (f64, f64)) {
    let Some(mut both) = Both::new(app) else {
        return ([(0.0, 0); 2], (0.0, 0.0));
    };
    (both.before_ms, both.after_ms) = (0.0, 0.0);
    let mut out = [(0.0, 0); 2];
    for _ in 0..n {
        update(app, Msg::Key(KeyEvent::from(key)));
        let (b, a) = both.frame(app);
        for (slot, v) in out.iter_mut().zip([b, a]) {
            slot.0 += v as f64 / n as f64;
            slot.1 = slot.1.max(v);
        }
    }
    (out, (both.before_ms / n as f64, both.after_ms / n as f64))
}

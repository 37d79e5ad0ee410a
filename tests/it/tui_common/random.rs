//! Random input for the property tests that drive the real loop: keys of the keymap, typed
//! letters, clicks, the wheel and resizes, as the terminal would send them.

use gapscope::tui::keymap::BINDINGS;
use gapscope::tui::script;
use proptest::prelude::*;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};

/// One input.
#[derive(Debug, Clone)]
pub(crate) enum Input {
    /// A key of the keymap (index into `BINDINGS`).
    Key(usize),
    /// A typed letter.
    Char(char),
    /// A click at (column, row).
    Click(u16, u16),
    /// The wheel, down or up.
    Wheel(bool),
    /// A new terminal size.
    Resize(u16, u16),
}

/// Inputs: keymap keys `keys` times as often as a click, resizes from `min` cells to
/// 200 x `rows`.
pub(crate) fn input(keys: u32, rows: u16, min: u16) -> impl Strategy<Value = Input> {
    prop_oneof![
        keys => (0..BINDINGS.len()).prop_map(Input::Key),
        2 => prop::char::range('a', 'z').prop_map(Input::Char),
        1 => (0u16..200, 0u16..rows).prop_map(|(x, y)| Input::Click(x, y)),
        1 => any::<bool>().prop_map(Input::Wheel),
        1 => (min..200, min..rows).prop_map(|(w, h)| Input::Resize(w, h)),
    ]
}

impl Input {
    /// The terminal event (a resize is also the caller's to apply to its backend).
    pub(crate) fn event(&self) -> Event {
        match *self {
            Input::Key(i) => Event::Key(script::key(BINDINGS[i].key)),
            Input::Char(c) => Event::Key(KeyEvent::from(KeyCode::Char(c))),
            Input::Click(x, y) => script::click(x, y),
            Input::Wheel(d) => script::wheel(d),
            Input::Resize(w, h) => Event::Resize(w, h),
        }
    }
}

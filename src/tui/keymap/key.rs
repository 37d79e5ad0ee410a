//! Keys as the keymap writes and compares them: `q`, `Ctrl-c`, `Shift-Tab`, `Up`, ...

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as the keymap compares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key code (letters keep their case).
    pub code: KeyCode,
    /// Only Ctrl and Alt count; Shift is part of the character.
    pub ctrl: bool,
}

/// Parses a key as written in [`BINDINGS`]; `None` for a spelling the table must not use.
pub fn parse(key: &str) -> Option<Key> {
    let (ctrl, rest) = match key.strip_prefix("Ctrl-") {
        Some(r) => (true, r),
        None => (false, key),
    };
    let code = match rest {
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PageUp" => KeyCode::PageUp,
        "PageDown" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Tab" => KeyCode::Tab,
        "Shift-Tab" => KeyCode::BackTab,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Backspace" => KeyCode::Backspace,
        "Delete" => KeyCode::Delete,
        "Space" => KeyCode::Char(' '),
        s => {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCode::Char(c),
                _ => return None,
            }
        }
    };
    Some(Key { code, ctrl })
}

/// The keymap key of a terminal key event.
pub fn key_of(ev: &KeyEvent) -> Key {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let code = match ev.code {
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        c => c,
    };
    Key { code, ctrl }
}

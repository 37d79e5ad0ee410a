//! The rating form's keymap as data: one table of (key, action, doc), read by the form, its
//! status-bar hints and docs/collecting.md; a test fails on a key bound twice.

use ratatui::crossterm::event::KeyEvent;

use crate::tui::keymap::{Key, key_of, parse};

/// What a key does in the form (when no line is being edited).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateAction {
    /// Highlight the unit above.
    Up,
    /// Highlight the unit below.
    Down,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// The first unit.
    First,
    /// The last unit.
    Last,
    /// Mark "don't know" (an unknown rating, never 0) and move on.
    DontKnow,
    /// Clear the rating and the comment.
    Clear,
    /// Write a comment on the unit.
    Comment,
    /// Jump to a unit by name or id.
    Jump,
    /// Submit the ratings to the answers file.
    Submit,
    /// Leave (a form not submitted is kept for next time).
    Quit,
    /// Give the terminal back and stop (the shell's `fg` resumes).
    Suspend,
}

/// One binding of the form.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateBinding {
    /// The key, as shown to people (the spelling of `tui::keymap`).
    pub key: &'static str,
    /// What it does.
    pub action: RateAction,
    /// Its short name in the status bar; empty: not listed there.
    pub hint: &'static str,
    /// What it does, in a sentence (docs).
    pub doc: &'static str,
}

const fn b(
    key: &'static str,
    action: RateAction,
    hint: &'static str,
    doc: &'static str,
) -> RateBinding {
    RateBinding {
        key,
        action,
        hint,
        doc,
    }
}

use RateAction as A;

/// Every binding of the form. Digits are not in the table: a digit is the rating itself.
pub const BINDINGS: &[RateBinding] = &[
    b("Up", A::Up, "", "highlight the unit above"),
    b("k", A::Up, "", "highlight the unit above"),
    b("Down", A::Down, "", "highlight the unit below"),
    b("j", A::Down, "", "highlight the unit below"),
    b("PageUp", A::PageUp, "", "one page up"),
    b("PageDown", A::PageDown, "", "one page down"),
    b("Home", A::First, "", "the first unit"),
    b("End", A::Last, "", "the last unit"),
    b(
        "?",
        A::DontKnow,
        "don't know",
        "mark \"don't know\" (an unknown rating, never 0) and move on",
    ),
    b(
        "Backspace",
        A::Clear,
        "clear",
        "clear the highlighted unit's rating",
    ),
    b(
        "Delete",
        A::Clear,
        "",
        "clear the highlighted unit's rating",
    ),
    b(
        "n",
        A::Comment,
        "note",
        "write a comment on the highlighted unit",
    ),
    b("/", A::Jump, "find", "jump to a unit by name or id"),
    b(
        "Ctrl-s",
        A::Submit,
        "",
        "submit the ratings to the answers file (also while typing)",
    ),
    b(
        "s",
        A::Submit,
        "submit",
        "submit the ratings to the answers file",
    ),
    b(
        "q",
        A::Quit,
        "quit",
        "leave; a form not submitted is kept and reopened next time",
    ),
    b("Ctrl-c", A::Quit, "", "leave (as q)"),
    b(
        "Ctrl-z",
        A::Suspend,
        "",
        "stop and give the terminal back (`fg` resumes)",
    ),
];

/// The action of a key, if it has one.
pub fn lookup(ev: &KeyEvent) -> Option<RateAction> {
    let key: Key = key_of(ev);
    BINDINGS
        .iter()
        .find(|b| parse(b.key) == Some(key))
        .map(|b| b.action)
}

/// The status-bar hints: (keys, name), digits first.
pub fn hints() -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| !b.hint.is_empty())
        .map(|b| (b.key, b.hint))
        .collect()
}

/// The key table as Markdown (docs/collecting.md holds a copy; a test keeps them equal).
pub fn markdown() -> String {
    let mut out = String::from("| Key | What it does |\n|---|---|\n");
    out.push_str("| `0`-`9` | rate the highlighted unit and move to the next |\n");
    let mut seen: Vec<RateAction> = Vec::new();
    for bind in BINDINGS {
        if seen.contains(&bind.action) {
            continue;
        }
        seen.push(bind.action);
        let keys: Vec<String> = BINDINGS
            .iter()
            .filter(|o| o.action == bind.action)
            .map(|o| format!("`{}`", o.key))
            .collect();
        out.push_str(&format!("| {} | {} |\n", keys.join(", "), bind.doc));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_parses_and_none_is_bound_twice() {
        for (i, a) in BINDINGS.iter().enumerate() {
            let key = parse(a.key);
            assert!(key.is_some(), "{} does not parse", a.key);
            for other in &BINDINGS[i + 1..] {
                assert_ne!(key, parse(other.key), "{} is bound twice", a.key);
            }
            assert!(
                !matches!(key.map(|k| k.code), Some(ratatui::crossterm::event::KeyCode::Char(c)) if c.is_ascii_digit()),
                "digits are ratings"
            );
        }
    }
}

//! An editable line: text with a cursor, the usual movement and deletion keys, and a
//! pre-filled value that the first typed character replaces. Used by the prompt and the
//! search line; a form of several fields holds one per field.

use ratatui::text::Span;

/// An edit of a line, as the keymap names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEdit {
    /// Insert a character at the cursor.
    Insert(char),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// One character left.
    Left,
    /// One character right.
    Right,
    /// To the start.
    Home,
    /// To the end.
    End,
    /// Delete from the start to the cursor (Ctrl-u).
    KillStart,
    /// Delete the word before the cursor (Ctrl-w).
    KillWord,
}

/// A line of text being edited.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineEditor {
    text: String,
    /// Byte offset of the cursor, always on a character boundary.
    cursor: usize,
    /// The text is a pre-filled value not touched yet: typing replaces it.
    fresh: bool,
}

impl LineEditor {
    /// An empty line.
    pub fn new() -> LineEditor {
        LineEditor::default()
    }

    /// A line holding a pre-filled value (cursor at the end), replaced by the first typed
    /// character; moving the cursor first keeps it for editing.
    pub fn prefilled(text: &str) -> LineEditor {
        LineEditor {
            text: text.to_string(),
            cursor: text.len(),
            fresh: !text.is_empty(),
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the text is the untouched pre-filled value (shown selected).
    pub fn is_fresh(&self) -> bool {
        self.fresh
    }

    /// The text before the cursor.
    pub fn before_cursor(&self) -> &str {
        &self.text[..self.cursor]
    }

    /// The cursor's column in display cells.
    pub fn cursor_column(&self) -> usize {
        Span::raw(self.before_cursor()).width()
    }

    /// Applies an edit; returns whether the text changed.
    pub fn apply(&mut self, e: LineEdit) -> bool {
        let fresh = std::mem::replace(&mut self.fresh, false);
        let before = self.text.len();
        match e {
            LineEdit::Insert(c) if c.is_control() => {
                self.fresh = fresh;
                return false;
            }
            LineEdit::Insert(c) => {
                if fresh {
                    self.text.clear();
                    self.cursor = 0;
                }
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
                return true;
            }
            LineEdit::Backspace if fresh => {
                self.text.clear();
                self.cursor = 0;
            }
            LineEdit::Backspace => {
                if let Some(c) = self.before_cursor().chars().next_back() {
                    self.cursor -= c.len_utf8();
                    self.text.remove(self.cursor);
                }
            }
            LineEdit::Delete => {
                if self.cursor < self.text.len() {
                    self.text.remove(self.cursor);
                }
            }
            LineEdit::Left => {
                if let Some(c) = self.before_cursor().chars().next_back() {
                    self.cursor -= c.len_utf8();
                }
            }
            LineEdit::Right => {
                if let Some(c) = self.text[self.cursor..].chars().next() {
                    self.cursor += c.len_utf8();
                }
            }
            LineEdit::Home => self.cursor = 0,
            LineEdit::End => self.cursor = self.text.len(),
            LineEdit::KillStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            LineEdit::KillWord => {
                let head = self.before_cursor();
                let kept = head.trim_end_matches(' ');
                let start = kept
                    .char_indices()
                    .rev()
                    .find(|(_, c)| *c == ' ' || *c == '/')
                    .map_or(0, |(i, c)| i + c.len_utf8());
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
        }
        self.text.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::LineEdit::*;
    use super::*;

    fn typed(line: &mut LineEditor, s: &str) {
        for c in s.chars() {
            line.apply(Insert(c));
        }
    }

    #[test]
    fn typing_replaces_a_prefilled_value() {
        let mut l = LineEditor::prefilled("s2.json");
        typed(&mut l, "s3.json");
        assert_eq!(l.text(), "s3.json");
    }

    #[test]
    fn moving_first_keeps_the_prefilled_value() {
        let mut l = LineEditor::prefilled("s2.json");
        l.apply(Home);
        typed(&mut l, "x");
        assert_eq!(l.text(), "xs2.json");
        l.apply(End);
        l.apply(Backspace);
        assert_eq!(l.text(), "xs2.jso");
    }

    #[test]
    fn cursor_moves_and_deletes_by_character() {
        let mut l = LineEditor::new();
        typed(&mut l, "añb日");
        l.apply(Left);
        l.apply(Left);
        l.apply(Delete);
        assert_eq!(l.text(), "añ日");
        assert_eq!(l.cursor_column(), 2);
        l.apply(Right);
        assert_eq!(l.cursor_column(), 4, "a wide character takes two cells");
        l.apply(Right);
        assert_eq!(l.cursor_column(), 4, "stops at the end");
    }

    #[test]
    fn ctrl_u_and_ctrl_w_kill_backwards() {
        let mut l = LineEditor::new();
        typed(&mut l, "out/dir new name");
        l.apply(KillWord);
        assert_eq!(l.text(), "out/dir new ");
        l.apply(KillWord);
        assert_eq!(l.text(), "out/dir ");
        l.apply(KillWord);
        assert_eq!(l.text(), "out/");
        l.apply(Left);
        l.apply(KillStart);
        assert_eq!(l.text(), "/");
        assert_eq!(l.cursor_column(), 0);
    }

    #[test]
    fn control_characters_are_not_typed() {
        let mut l = LineEditor::prefilled("keep");
        assert!(!l.apply(Insert('\u{1b}')));
        assert_eq!(l.text(), "keep");
        assert!(l.is_fresh());
    }
}

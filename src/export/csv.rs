//! The one CSV writer of the project: every CSV that gapscope writes (the export tables, the
//! CSV report) builds its cells and lines here, so the protections hold everywhere.
//!
//! A text cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
//! tab or carriage return) gets a leading `'`, and so does a cell that already starts with
//! `'` followed by such a character, so that [`unguard`] gives back exactly the original
//! (the importers call it). Control characters are shown as escapes (`\n`, `\u{1b}`), so an
//! ESC never reaches a terminal and a cell never holds a raw line break. Cells with commas,
//! quotes, line breaks or spaces at either end are quoted, quotes doubled (RFC 4180). Numbers that gapscope
//! computes are written as they are (a negative E-I index is not a formula).

/// Whether a text needs the formula guard.
fn needs_guard(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => true,
        Some(b'\'') => needs_guard(&text[1..]),
        _ => false,
    }
}

/// One text cell: formula guard, control characters escaped, quoted when needed.
pub fn cell(text: &str) -> String {
    let mut value = String::with_capacity(text.len() + 2);
    if needs_guard(text) {
        value.push('\'');
    }
    value.push_str(&crate::text::clean(text));
    quoted(value)
}

/// One cell of a number gapscope wrote itself: quoted only if needed, never guarded.
pub fn number(text: &str) -> String {
    quoted(text.to_string())
}

/// Quotes a cell that holds a comma, quote or line break, or starts or ends with a space
/// (unquoted cells are trimmed when read back).
fn quoted(value: String) -> String {
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The text of a cell read back from a CSV that gapscope may have written: the formula
/// guard `'` removed where [`cell`] would have added it.
pub fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => text,
    }
}

/// Line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnd {
    /// `\n`, as Unix tools expect (the export tables).
    Lf,
    /// `\r\n`, as RFC 4180 asks (the CSV report).
    CrLf,
}

/// A CSV text built line by line from cells made by [`cell`] and [`number`].
#[derive(Debug)]
pub struct Writer {
    out: String,
    end: &'static str,
}

impl Writer {
    /// An empty CSV text.
    pub fn new(end: LineEnd) -> Writer {
        Writer {
            out: String::new(),
            end: match end {
                LineEnd::Lf => "\n",
                LineEnd::CrLf => "\r\n",
            },
        }
    }

    /// Adds a line of cells that are already escaped ([`cell`], [`number`]).
    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        for (i, c) in cells.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.out.push_str(c.as_ref());
        }
        self.out.push_str(self.end);
    }

    /// Adds a line of text cells (each through [`cell`]).
    pub fn text_row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        for (i, c) in cells.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.out.push_str(&cell(c.as_ref()));
        }
        self.out.push_str(self.end);
    }

    /// Moves the text built so far to `sink` once it passes 64 KiB, so a large table is
    /// written with bounded memory.
    pub fn spill(&mut self, sink: &mut dyn std::io::Write) -> std::io::Result<()> {
        if self.out.len() >= 1 << 16 {
            sink.write_all(self.out.as_bytes())?;
            self.out.clear();
        }
        Ok(())
    }

    /// The CSV text (what was not spilled).
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::{cell, unguard};

    #[test]
    fn cells_are_quoted_and_disarmed() {
        assert_eq!(cell("Finance"), "Finance");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-x"), "'-x");
        assert_eq!(cell("@cmd"), "'@cmd");
        assert_eq!(cell("\tx"), "'\\tx");
        assert_eq!(cell("a\nb"), "a\\nb");
        assert_eq!(cell("x=1"), "x=1");
        assert_eq!(cell("\u{1b}[31m"), "\\u{1b}[31m");
    }

    #[test]
    fn the_guard_comes_off_exactly() {
        for text in ["=x", "'=x", "''=x", "'x", "x", "-1", "'", ""] {
            let written = cell(text);
            assert_eq!(unguard(&written), text, "{text:?} -> {written:?}");
        }
    }
}

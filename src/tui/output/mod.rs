//! The compact output layer: a ratatui [`Backend`] that writes what ratatui's diff asks for in
//! fewer bytes than `CrosstermBackend` (a user on a slow SSH link pays every byte of every
//! selection move).
//!
//! It knows what the screen shows (it keeps ratatui's previous frame, as ratatui does) and so:
//! - colours take their 16-colour codes (`\e[91m`, not `\e[38;5;9m`), every change of pen is
//!   one sequence, shortest of "change what differs" and "reset, then set";
//! - a cursor move is the shortest of absolute, relative or re-printing up to a few unchanged
//!   ASCII cells that lie between (see [`moves`]);
//! - runs of blank cells are erased (`\e[K` to the end of the row, `\e[nX` in the middle);
//! - the pen is reset only when it is not the default at the end of a frame, and the cursor
//!   is hidden only when it is not hidden already.
//!
//! Equivalence with ratatui's own buffer is tested by feeding the bytes into a terminal
//! emulator (tests/it/output.rs).

mod moves;
mod paint;
mod scroll;
mod sgr;

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::Color;

use moves::Cursor;
use paint::blank_alike;
use sgr::Pen;

/// A change of at least this many cells may be a scroll (it is looked for).
const SCROLL_MIN: usize = 100;

/// Up to this many unchanged cells are re-printed instead of moving over them.
const MAX_FILL: u16 = 6;

/// A ratatui backend writing compact sequences to `W` (the terminal: `io::Stdout`).
pub struct Compact<W: Write> {
    out: W,
    /// This frame's bytes, written at `flush` in one piece.
    buf: Vec<u8>,
    /// A fixed size (tests, the bench), else the terminal's.
    fixed: Option<Size>,
    /// What the screen shows: ratatui's previous frame.
    width: u16,
    height: u16,
    screen: Vec<Cell>,
    /// Whether `screen` is what the terminal shows (false after an unusual clear).
    trusted: bool,
    pen: Option<Pen>,
    cursor: Option<Cursor>,
    visible: Option<bool>,
}

impl<W: Write> Compact<W> {
    /// A backend on the real terminal (its size asked from the terminal).
    pub fn new(out: W) -> io::Result<Compact<W>> {
        let (w, h) = ratatui::crossterm::terminal::size()?;
        Ok(Compact::build(out, None, w, h))
    }

    /// A backend of a fixed size (for tests and benchmarks: the terminal is not asked).
    pub fn with_size(out: W, width: u16, height: u16) -> Compact<W> {
        Compact::build(out, Some(Size { width, height }), width, height)
    }

    fn build(out: W, fixed: Option<Size>, width: u16, height: u16) -> Compact<W> {
        Compact {
            out,
            buf: Vec::new(),
            fixed,
            width,
            height,
            screen: vec![Cell::default(); usize::from(width) * usize::from(height)],
            trusted: true,
            pen: None,
            cursor: None,
            visible: None,
        }
    }

    /// Changes a fixed size (tests: the terminal was resized); the next draw clears.
    pub fn set_size(&mut self, width: u16, height: u16) {
        if self.fixed.is_some() {
            self.fixed = Some(Size { width, height });
        }
    }

    /// The writer.
    pub fn writer(&self) -> &W {
        &self.out
    }

    fn index(&self, x: u16, y: u16) -> Option<usize> {
        (x < self.width && y < self.height)
            .then(|| usize::from(y) * usize::from(self.width) + usize::from(x))
    }

    fn cell(&self, x: u16, y: u16) -> Option<&Cell> {
        self.index(x, y).map(|i| &self.screen[i])
    }

    /// Forgets the screen: a new blank one of the terminal's size.
    fn blank_screen(&mut self) -> io::Result<()> {
        let size = self.size()?;
        self.width = size.width;
        self.height = size.height;
        self.screen = vec![Cell::default(); usize::from(size.width) * usize::from(size.height)];
        self.trusted = true;
        Ok(())
    }
}

impl<W: Write> Backend for Compact<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let content: Vec<(u16, u16, &Cell)> = content.collect();
        // A large change may be a scroll: keep the screen before it to look.
        let old = (self.trusted && content.len() >= SCROLL_MIN).then(|| self.screen.clone());
        let mut changed = Vec::new();
        for (x, y, cell) in content {
            match self.index(x, y) {
                Some(i) => self.screen[i] = cell.clone(),
                None => {
                    // Outside the screen it knows (a resize it was not told of): grow.
                    self.trusted = false;
                    let (w, h) = (self.width.max(x + 1), self.height.max(y + 1));
                    let mut grown = vec![Cell::default(); usize::from(w) * usize::from(h)];
                    for (i, c) in self.screen.iter().enumerate() {
                        let (cx, cy) = (i % usize::from(self.width), i / usize::from(self.width));
                        grown[cy * usize::from(w) + cx] = c.clone();
                    }
                    (self.width, self.height, self.screen) = (w, h, grown);
                    if let Some(i) = self.index(x, y) {
                        self.screen[i] = cell.clone();
                    }
                }
            }
            changed.push((x, y));
        }
        changed.sort_by_key(|&(x, y)| (y, x));
        let start = self.buf.len();
        let (pen, cursor) = (self.pen, self.cursor);
        self.encode(&changed);
        if let Some(old) = old
            && let Some(scroll) = scroll::find(&old, &self.screen, self.width, self.height)
        {
            // Try the scroll too; keep the shorter.
            let plain = self.buf.split_off(start);
            let after_plain = (self.pen, self.cursor);
            (self.pen, self.cursor) = (pen, cursor);
            if !self.pen.is_some_and(|p| blank_alike(&p, Color::Reset)) {
                self.pen_to(&Pen::DEFAULT);
            }
            scroll.write(&mut self.buf);
            self.cursor = Some(Cursor {
                x: 0,
                y: 0,
                column_sure: true,
            });
            let moved = self.changed_after(&old, scroll);
            self.encode(&moved);
            if self.buf.len() - start >= plain.len() {
                self.buf.truncate(start);
                self.buf.extend_from_slice(&plain);
                (self.pen, self.cursor) = after_plain;
            }
        }
        if !changed.is_empty() && self.pen != Some(Pen::DEFAULT) {
            self.pen_to(&Pen::DEFAULT);
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(false) {
            self.buf.extend_from_slice(b"\x1b[?25l");
            self.visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(true) {
            self.buf.extend_from_slice(b"\x1b[?25h");
            self.visible = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        if self.fixed.is_some() {
            let c = self.cursor.unwrap_or(Cursor {
                x: 0,
                y: 0,
                column_sure: true,
            });
            return Ok(Position { x: c.x, y: c.y });
        }
        let (x, y) = ratatui::crossterm::cursor::position()?;
        Ok(Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        if self
            .cursor
            .is_some_and(|c| c.column_sure && (c.x, c.y) == (x, y))
        {
            return Ok(());
        }
        moves::to(self.cursor, x, y, &mut self.buf);
        self.cursor = Some(Cursor {
            x,
            y,
            column_sure: true,
        });
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // The terminal may have been used by another program since (a suspend): forget the
        // pen, the cursor and its visibility; an erase takes the pen's background.
        self.buf.extend_from_slice(b"\x1b[m");
        self.pen = Some(Pen::DEFAULT);
        self.visible = None;
        let seq: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.buf.extend_from_slice(seq);
        self.cursor = None;
        if clear_type == ClearType::All {
            self.blank_screen()?;
        } else {
            self.trusted = false;
        }
        self.flush()
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.buf.extend(std::iter::repeat_n(b'\n', usize::from(n)));
        self.cursor = None;
        self.trusted = false;
        self.flush()
    }

    fn size(&self) -> io::Result<Size> {
        match self.fixed {
            Some(s) => Ok(s),
            None => {
                let (width, height) = ratatui::crossterm::terminal::size()?;
                Ok(Size { width, height })
            }
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = self.size()?;
        if self.fixed.is_some() {
            return Ok(WindowSize {
                columns_rows: size,
                pixels: Size::default(),
            });
        }
        let w = ratatui::crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: size,
            pixels: Size {
                width: w.width,
                height: w.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.buf.is_empty() {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        self.out.flush()
    }
}

impl<W: Write> Drop for Compact<W> {
    /// Sends what is still buffered (ratatui shows the cursor again when it drops).
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

//! Painting a frame's changed cells: the cursor moves (or the unchanged cells re-printed)
//! between them, the pen changes, erased runs of blanks, and what a scroll left to write.

use std::io::Write;

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};
use ratatui::text::Span;

use super::moves::{self, Cursor};
use super::scroll::Scroll;
use super::sgr::{self, Pen};
use super::{Compact, MAX_FILL};

impl<W: Write> Compact<W> {
    /// Whether the cell left of (x, y) is wide (so (x, y) is its second half).
    pub(super) fn covered(&self, x: u16, y: u16) -> bool {
        x > 0 && self.cell(x - 1, y).is_some_and(|c| width(c.symbol()) > 1)
    }

    /// Whether (x, y) shows a blank on the default background, as an erase leaves it.
    pub(super) fn blank(&self, x: u16, y: u16) -> bool {
        self.cell(x, y)
            .is_some_and(|c| plain_blank(c) && c.bg == Color::Reset)
            && !self.covered(x, y)
    }

    /// Whether (x, y) can be re-printed to move over it: one ASCII byte, not half of a
    /// wide symbol.
    pub(super) fn refill(&self, x: u16, y: u16) -> bool {
        self.cell(x, y).is_some_and(|c| {
            let s = c.symbol().as_bytes();
            s.len() == 1 && (0x20..0x7f).contains(&s[0])
        }) && !self.covered(x, y)
    }

    pub(super) fn pen_to(&mut self, to: &Pen) {
        sgr::change(self.pen.as_ref(), to, &mut self.buf);
        self.pen = Some(*to);
    }

    /// Prints the screen's cell (x, y) where the cursor is.
    pub(super) fn print(&mut self, x: u16, y: u16) {
        let Some(cell) = self.cell(x, y).cloned() else {
            return;
        };
        // A blank shows only its background: any pen of that background will do.
        if !(plain_blank(&cell) && self.pen.is_some_and(|p| blank_alike(&p, cell.bg))) {
            self.pen_to(&Pen::of(&cell));
        }
        let symbol = cell.symbol();
        self.buf.extend_from_slice(symbol.as_bytes());
        let w = width(symbol) as u16;
        let sure = self.cursor.is_some_and(|c| c.column_sure) && symbol.is_ascii() && w == 1;
        self.cursor = (x + w < self.width).then_some(Cursor {
            x: x + w,
            y,
            column_sure: sure,
        });
    }

    /// Moves the cursor to (x, y), where a cell of pen `next` is printed next: by a move, or
    /// by re-printing the unchanged cells between when that is shorter.
    pub(super) fn go(&mut self, x: u16, y: u16, next: &Pen) {
        // Right after the previous cell: print on, as ratatui does.
        if self.cursor.is_some_and(|c| (c.x, c.y) == (x, y)) {
            return;
        }
        let by_move = moves::cost(self.cursor, x, y) + sgr::cost(self.pen.as_ref(), next);
        if let Some(c) = self.cursor
            && self.trusted
            && c.column_sure
            && c.y == y
            && c.x < x
            && x - c.x <= MAX_FILL
            && (c.x..x).all(|cx| self.refill(cx, y))
        {
            let mut pen = self.pen;
            let mut bytes = 0;
            for cx in c.x..x {
                let p = self.cell(cx, y).map(Pen::of).unwrap_or(Pen::DEFAULT);
                bytes += sgr::cost(pen.as_ref(), &p) + 1;
                pen = Some(p);
            }
            bytes += sgr::cost(pen.as_ref(), next);
            if bytes < by_move {
                for cx in c.x..x {
                    self.print(cx, y);
                }
                return;
            }
        }
        moves::to(self.cursor, x, y, &mut self.buf);
        self.cursor = Some(Cursor {
            x,
            y,
            column_sure: true,
        });
    }

    /// At the changed cell (x, y): erases the run of blanks that starts there when that is
    /// shorter than printing its changed cells; returns how many of `changed` (which starts
    /// with this cell) it covered.
    pub(super) fn erase(&mut self, changed: &[(u16, u16)]) -> usize {
        let Some(&(x, y)) = changed.first() else {
            return 0;
        };
        if !self.trusted || !self.blank(x, y) {
            return 0;
        }
        let mut end = x;
        while end < self.width && self.blank(end, y) {
            end += 1;
        }
        let covered = changed
            .iter()
            .take_while(|&&(cx, cy)| cy == y && cx < end)
            .count();
        let erases_blank = self.pen.is_some_and(|p| blank_alike(&p, Color::Reset));
        let reset = if erases_blank {
            0
        } else {
            sgr::cost(self.pen.as_ref(), &Pen::DEFAULT)
        };
        let (seq, extra) = if end == self.width {
            (b"\x1b[K".to_vec(), 0)
        } else {
            (format!("\x1b[{}X", end - x).into_bytes(), 5)
        };
        if covered < seq.len() + reset + extra + 1 {
            return 0;
        }
        self.go(x, y, &Pen::DEFAULT);
        if !self.pen.is_some_and(|p| blank_alike(&p, Color::Reset)) {
            self.pen_to(&Pen::DEFAULT);
        }
        self.buf.extend_from_slice(&seq);
        covered
    }

    /// Writes the changed cells (sorted by row, then column).
    pub(super) fn encode(&mut self, changed: &[(u16, u16)]) {
        let mut i = 0;
        while i < changed.len() {
            let n = self.erase(&changed[i..]);
            if n > 0 {
                i += n;
                continue;
            }
            let (x, y) = changed[i];
            let pen = self.cell(x, y).map(Pen::of).unwrap_or(Pen::DEFAULT);
            self.go(x, y, &pen);
            self.print(x, y);
            i += 1;
        }
    }

    /// The cells that differ from `old` once `scroll` moved its rows (a row that came in is
    /// blank), leaving out second halves of wide symbols.
    pub(super) fn changed_after(&self, old: &[Cell], scroll: Scroll) -> Vec<(u16, u16)> {
        let blank = Cell::default();
        let w = usize::from(self.width);
        let mut out = Vec::new();
        for y in 0..self.height {
            let from = scroll.source(y);
            for x in 0..self.width {
                let was = from.map_or(&blank, |f| &old[usize::from(f) * w + usize::from(x)]);
                if self.cell(x, y) != Some(was) && !self.covered(x, y) {
                    out.push((x, y));
                }
            }
        }
        out
    }
}

/// Attributes that show on a blank cell (with them, its colours show too).
pub(super) const SHOW_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::CROSSED_OUT);

/// A space that shows only its background: no attribute that shows on a blank.
pub(super) fn plain_blank(cell: &Cell) -> bool {
    cell.symbol() == " " && !cell.modifier.intersects(SHOW_ON_BLANK)
}

/// Whether a blank written (or erased) with pen `p` looks like a plain blank on `bg`.
pub(super) fn blank_alike(p: &Pen, bg: ratatui::style::Color) -> bool {
    p.bg == bg && !p.modifier.intersects(SHOW_ON_BLANK)
}

/// Display width of a symbol.
pub(super) fn width(symbol: &str) -> usize {
    Span::raw(symbol).width()
}

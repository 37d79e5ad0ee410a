//! State of the matrix view: units (the row is the selected unit, the column the other unit
//! of the selected pair) or groups (group × group block density), with the group cursor, and
//! the part of the unit matrix on screen.

use std::cell::Cell;

use super::scroll::follow;

/// State of the matrix view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MatrixState {
    /// The first row and column on screen at the last frame. The frame moves it (it knows
    /// the size), hence a `Cell`: drawing stays `&App`.
    origin: Cell<(usize, usize)>,
    /// Group × group instead of unit × unit.
    groups: bool,
    /// The cursor's row group.
    row: usize,
    /// The cursor's column group.
    col: usize,
}

impl MatrixState {
    /// Whether the matrix shows groups.
    pub fn groups(&self) -> bool {
        self.groups
    }

    /// The cursor's (row, column) groups.
    pub fn cell(&self) -> (usize, usize) {
        (self.row, self.col)
    }

    /// Shows groups, the cursor on these groups.
    pub fn show_groups(&mut self, row: usize, col: usize) {
        self.groups = true;
        self.row = row;
        self.col = col;
    }

    /// Shows units again.
    pub fn show_units(&mut self) {
        self.groups = false;
    }

    /// Moves the group cursor (clamped to `count` groups).
    pub fn put(&mut self, row: usize, col: usize, count: usize) {
        let last = count.saturating_sub(1);
        self.row = row.min(last);
        self.col = col.min(last);
    }

    /// The first row and column on screen when the cursor is at (`row`, `col`) of `n`
    /// units and `rows` x `cols` cells fit. Rows scroll as an editor does: only when the
    /// cursor comes within a few rows of an edge, by as little as keeps it there (a move
    /// that scrolls changes one row, which the terminal scrolls cheaply); a jump far away
    /// centres the cursor. Columns go by pages: a column scroll redraws every cell anyway.
    pub fn window(
        &self,
        row: usize,
        col: usize,
        rows: usize,
        cols: usize,
        n: usize,
    ) -> (usize, usize) {
        let (top, _) = self.origin.get();
        let top = follow(top, row, rows, n);
        let left = col.checked_div(cols).unwrap_or(0) * cols;
        self.origin.set((top, left));
        (top, left)
    }

    /// After an edit: as many groups as there are now.
    pub fn fit_groups(&mut self, count: usize) {
        if count == 0 {
            self.groups = false;
        }
        self.put(self.row, self.col, count);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_scroll_by_one_near_an_edge_and_centre_on_a_jump() {
        let m = MatrixState::default();
        // 30 rows on screen of 100: no scroll until 3 rows from the bottom.
        assert_eq!(m.window(26, 0, 30, 10, 100).0, 0);
        assert_eq!(m.window(27, 0, 30, 10, 100).0, 1);
        assert_eq!(m.window(28, 0, 30, 10, 100).0, 2);
        // Back up: the window stays until 3 rows from its top.
        assert_eq!(m.window(6, 0, 30, 10, 100).0, 2);
        assert_eq!(m.window(4, 0, 30, 10, 100).0, 1);
        // A jump far away centres; the end never shows past the last unit.
        assert_eq!(m.window(80, 0, 30, 10, 100).0, 65);
        assert_eq!(m.window(99, 0, 30, 10, 100).0, 70);
        // Columns go by pages.
        assert_eq!(m.window(99, 25, 30, 10, 100).1, 20);
        // Fewer units than rows: no scroll.
        assert_eq!(m.window(5, 0, 30, 10, 7).0, 0);
    }
}

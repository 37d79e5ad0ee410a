//! State of the matrix view: units (the row is the selected unit, the column the other unit
//! of the selected pair) or groups (group × group block density), with the group cursor.

/// State of the matrix view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MatrixState {
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

    /// After an edit: as many groups as there are now.
    pub fn fit_groups(&mut self, count: usize) {
        if count == 0 {
            self.groups = false;
        }
        self.put(self.row, self.col, count);
    }
}

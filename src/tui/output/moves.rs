//! The shortest cursor move between two cells: absolute (`\e[r;cH`), or relative to where the
//! cursor is (line feeds, `\r`, `\e[nA/B/C/D`, `\e[nG`, a backspace) when that is shorter.

/// Where the terminal's cursor is, as far as the output layer knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cursor {
    pub(crate) x: u16,
    pub(crate) y: u16,
    /// Whether the column is certain: only after an absolute column and ASCII text since. A
    /// symbol whose width a terminal may see otherwise (`·`, `●`, box lines are "ambiguous"
    /// in East Asian locales) leaves the row certain but the column not, so the next move
    /// sets the column absolutely, as ratatui's own absolute moves would.
    pub(crate) column_sure: bool,
}

fn number(n: u16, out: &mut Vec<u8>) {
    out.extend_from_slice(n.to_string().as_bytes());
}

/// `\e[` n `c`, with n left out when it is 1 (the default).
fn csi(n: u16, c: u8, out: &mut Vec<u8>) {
    out.extend_from_slice(b"\x1b[");
    if n != 1 {
        number(n, out);
    }
    out.push(c);
}

/// Absolute: `\e[row;colH`, shortened when the column or both are the first.
fn absolute(x: u16, y: u16, out: &mut Vec<u8>) {
    out.extend_from_slice(b"\x1b[");
    if (x, y) != (0, 0) {
        number(y + 1, out);
        if x != 0 {
            out.push(b';');
            number(x + 1, out);
        }
    }
    out.push(b'H');
}

/// Relative to a known cursor.
fn relative(from: Cursor, x: u16, y: u16, out: &mut Vec<u8>) {
    // Rows: line feeds (raw mode: a line feed keeps the column) or CUD/CUU. A move down
    // never starts on the last row, so a line feed never scrolls.
    if y > from.y {
        let dy = y - from.y;
        if dy <= 3 {
            out.extend(std::iter::repeat_n(b'\n', usize::from(dy)));
        } else {
            csi(dy, b'B', out);
        }
    } else if y < from.y {
        csi(from.y - y, b'A', out);
    }
    // Columns: the row moves above keep the column.
    if x == 0 {
        if !(from.column_sure && from.x == 0) {
            out.push(b'\r');
        }
    } else if from.column_sure && x == from.x {
    } else if from.column_sure && x > from.x {
        csi(x - from.x, b'C', out);
    } else if from.column_sure && from.x - x == 1 {
        out.push(0x08);
    } else if from.column_sure {
        csi(from.x - x, b'D', out);
    } else {
        csi(x + 1, b'G', out);
    }
}

/// Writes the shortest move from `from` (`None`: not known) to the cell (x, y).
pub(crate) fn to(from: Option<Cursor>, x: u16, y: u16, out: &mut Vec<u8>) {
    let mut best = Vec::new();
    absolute(x, y, &mut best);
    if let Some(f) = from {
        let mut rel = Vec::new();
        relative(f, x, y, &mut rel);
        if rel.len() < best.len() {
            best = rel;
        }
    }
    out.extend_from_slice(&best);
}

/// How many bytes [`to`] would write.
pub(crate) fn cost(from: Option<Cursor>, x: u16, y: u16) -> usize {
    let mut v = Vec::new();
    to(from, x, y, &mut v);
    v.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(from: Option<Cursor>, x: u16, y: u16) -> String {
        let mut v = Vec::new();
        to(from, x, y, &mut v);
        String::from_utf8(v).unwrap_or_default()
    }

    #[test]
    fn moves_take_the_shortest_form() {
        let at = |x, y, column_sure| Some(Cursor { x, y, column_sure });
        assert_eq!(seq(None, 0, 0), "\x1b[H");
        assert_eq!(seq(None, 81, 2), "\x1b[3;82H");
        assert_eq!(seq(None, 0, 9), "\x1b[10H");
        assert_eq!(seq(at(10, 3, true), 13, 3), "\x1b[3C");
        assert_eq!(seq(at(10, 3, true), 11, 3), "\x1b[C");
        assert_eq!(seq(at(10, 3, false), 13, 3), "\x1b[14G");
        assert_eq!(seq(at(10, 3, true), 10, 4), "\n");
        assert_eq!(seq(at(10, 3, false), 0, 4), "\n\r");
        assert_eq!(seq(at(10, 3, true), 9, 3), "\x08");
        assert_eq!(seq(at(10, 30, true), 10, 2), "\x1b[28A");
    }
}

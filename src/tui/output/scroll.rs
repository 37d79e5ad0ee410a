//! Finds a band of rows whose content moved up or down by a few rows between two frames (a
//! list or the matrix scrolled by one), so the terminal can scroll that band (`\e[t;br`,
//! `\e[nS`/`\e[nT`) and only the rows that came in, and what else changed, are written.

use ratatui::buffer::Cell;

/// Rows `top..=bottom` scroll by `by`: positive moves their content up (`\e[byS`), negative
/// down (`\e[-byT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scroll {
    pub(crate) top: u16,
    pub(crate) bottom: u16,
    pub(crate) by: i16,
}

/// Below this many bytes gained (roughly), a scroll is not worth its sequences.
const WORTH: i64 = 20;

impl Scroll {
    /// The row of `old` that shows at row `y` after the scroll (`None`: a row that came in
    /// blank).
    pub(crate) fn source(&self, y: u16) -> Option<u16> {
        if y < self.top || y > self.bottom {
            return Some(y);
        }
        let from = i32::from(y) + i32::from(self.by);
        (from >= i32::from(self.top) && from <= i32::from(self.bottom)).then_some(from as u16)
    }

    /// The sequences: the band as the scroll region, the scroll, the whole screen back as
    /// the region (which puts the cursor at the top left).
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        let n = self.by.unsigned_abs();
        out.extend_from_slice(format!("\x1b[{};{}r", self.top + 1, self.bottom + 1).as_bytes());
        out.extend_from_slice(b"\x1b[");
        if n != 1 {
            out.extend_from_slice(n.to_string().as_bytes());
        }
        out.push(if self.by > 0 { b'S' } else { b'T' });
        out.extend_from_slice(b"\x1b[r");
    }
}

/// What writing a row costs, roughly in bytes: each run of cells that differ from what the
/// screen shows costs a move and its cells.
fn cost<'a>(shown: impl Iterator<Item = &'a Cell>, wanted: &[Cell]) -> i64 {
    let (mut total, mut in_run) = (0i64, false);
    for (s, w) in shown.zip(wanted) {
        if s == w {
            in_run = false;
        } else {
            total += if in_run { 1 } else { RUN };
            in_run = true;
        }
    }
    total
}

/// What starting a run of changed cells costs (a move and a pen), roughly in bytes.
const RUN: i64 = 8;

/// The best scroll from `old` to `new` (screens of `width` x `height`, row by row), if one
/// saves enough (bytes, roughly). Only moves of up to a third of the screen are tried.
pub(crate) fn find(old: &[Cell], new: &[Cell], width: u16, height: u16) -> Option<Scroll> {
    let (w, h) = (usize::from(width), usize::from(height));
    if w == 0 || h < 3 || old.len() != w * h || new.len() != w * h {
        return None;
    }
    let row = |y: usize| -> std::ops::Range<usize> { y * w..(y + 1) * w };
    // Cost of new row b over old row a; a row that came in blank.
    let over = |a: usize, b: usize| cost(old[row(a)].iter(), &new[row(b)]);
    let blank = Cell::default();
    let stay: Vec<i64> = (0..h).map(|y| over(y, y)).collect();
    let fresh: Vec<i64> = (0..h)
        .map(|y| cost(std::iter::repeat_n(&blank, w), &new[row(y)]) - stay[y])
        .collect();
    let mut best: Option<(i64, Scroll)> = None;
    for k in 1..=(h / 3).max(1) {
        for up in [true, false] {
            // Gain of row y (of the new frame) when it comes from the shifted old row.
            let gain: Vec<i64> = (0..h)
                .map(|y| {
                    let from = if up { y + k } else { y.wrapping_sub(k) };
                    if from < h {
                        stay[y] - over(from, y)
                    } else {
                        -4 * w as i64
                    }
                })
                .collect();
            // The run of rows start..=end with the largest gain, less what the rows that
            // come in blank kept in place (prefix sums: every run is tried).
            let mut prefix = vec![0i64; h + 1];
            for y in 0..h {
                prefix[y + 1] = prefix[y] + gain[y];
            }
            let mut stays = vec![0i64; h + 1];
            for y in 0..h {
                stays[y + 1] = stays[y] + fresh[y];
            }
            for start in 0..h {
                for end in start..h {
                    let (top, bottom) = if up {
                        (start, end + k)
                    } else {
                        (start.wrapping_sub(k), end)
                    };
                    if bottom >= h || top >= h {
                        continue;
                    }
                    let lost = if up {
                        stays[bottom + 1] - stays[end + 1]
                    } else {
                        stays[start] - stays[top]
                    };
                    let net = prefix[end + 1] - prefix[start] - lost;
                    if net > best.map_or(WORTH, |b| b.0) {
                        best = Some((
                            net,
                            Scroll {
                                top: top as u16,
                                bottom: bottom as u16,
                                by: if up { k as i16 } else { -(k as i16) },
                            },
                        ));
                    }
                }
            }
        }
    }
    best.map(|b| b.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(rows: &[&str]) -> Vec<Cell> {
        rows.iter()
            .flat_map(|r| {
                r.chars().map(|c| {
                    let mut cell = Cell::default();
                    cell.set_char(c);
                    cell
                })
            })
            .collect()
    }

    #[test]
    fn a_list_moved_up_by_one_is_found() {
        let row = |name: &str| format!("{:<28}|p", name.repeat(3));
        let names = ["apple", "banana", "cherry", "date", "elder", "fig", "grape"];
        let frame = |first: usize| -> Vec<String> {
            let mut rows = vec![format!("{:<30}", "title")];
            rows.extend(names[first..first + 5].iter().map(|n| row(n)));
            rows.push(format!("{:<30}", "footer"));
            rows
        };
        let (old, new) = (frame(0), frame(1));
        let as_str = |v: &Vec<String>| v.iter().map(String::as_str).collect::<Vec<_>>().join("");
        let (old, new) = (screen(&[&as_str(&old)]), screen(&[&as_str(&new)]));
        let s = find(&old, &new, 30, 7);
        assert_eq!(
            s,
            Some(Scroll {
                top: 1,
                bottom: 5,
                by: 1
            })
        );
        assert_eq!(s.and_then(|s| s.source(1)), Some(2));
        assert_eq!(s.and_then(|s| s.source(5)), None);
        assert_eq!(s.and_then(|s| s.source(6)), Some(6));
        assert_eq!(find(&old, &old, 30, 7), None);
        let back = find(&new, &old, 30, 7);
        assert_eq!(
            back,
            Some(Scroll {
                top: 1,
                bottom: 5,
                by: -1
            })
        );
    }
}

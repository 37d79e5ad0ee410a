//! Scrolling a list as an editor does, for the matrix's rows and the gap list: the window
//! moves only when the cursor comes within a few rows of an edge, by as little as keeps it
//! there, so a move that scrolls shifts the rows by one (which the output layer sends as a
//! terminal scroll, a few bytes); a jump far away centres the cursor.

/// Rows kept between the cursor and the top or bottom edge while a list scrolls.
const MARGIN: usize = 3;

/// The first row on screen: `top` unless the cursor `at` (of `n`) comes within [`MARGIN`] of
/// an edge of the `len` rows on screen.
pub(crate) fn follow(top: usize, at: usize, len: usize, n: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let margin = MARGIN.min((len - 1) / 2);
    let last = n.saturating_sub(len);
    let top = top.min(last);
    let top = if at + len < top || at >= top + 2 * len {
        at.saturating_sub(len / 2)
    } else if at < top + margin {
        at.saturating_sub(margin)
    } else if at + margin >= top + len {
        at + margin + 1 - len
    } else {
        top
    };
    top.min(last)
}

//! The shortest SGR (select graphic rendition) sequence from one pen to another: the 16 named
//! colours as `30`–`37`/`90`–`97` (not `38;5;n`), every change in one sequence, and a reset
//! (`0`) instead of undoing attributes one by one when that is shorter.

use ratatui::style::{Color, Modifier};

/// What the terminal writes with: colours and attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pen {
    pub(crate) fg: Color,
    pub(crate) bg: Color,
    pub(crate) ul: Color,
    pub(crate) modifier: Modifier,
}

impl Pen {
    /// The terminal's pen after `\e[m`.
    pub(crate) const DEFAULT: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        ul: Color::Reset,
        modifier: Modifier::empty(),
    };

    /// The pen a cell is written with.
    pub(crate) fn of(cell: &ratatui::buffer::Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            ul: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// The palette index of a named colour (ratatui's names, as crossterm maps them).
fn named(c: Color) -> Option<u8> {
    Some(match c {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        _ => return None,
    })
}

/// Parameters for a colour: `base` is 30 (foreground), 40 (background) or 50 (underline,
/// which has no short form).
fn colour(c: Color, base: u8, out: &mut Vec<u8>) {
    match (c, named(c)) {
        (Color::Reset, _) => out.push(base + 9),
        (_, Some(i)) if base != 50 && i < 8 => out.push(base + i),
        (_, Some(i)) if base != 50 => out.push(base + 60 + i - 8),
        (_, Some(i)) => out.extend([base + 8, 5, i]),
        (Color::Indexed(i), _) => out.extend([base + 8, 5, i]),
        (Color::Rgb(r, g, b), _) => out.extend([base + 8, 2, r, g, b]),
        _ => out.push(base + 9),
    }
}

/// Parameters that switch the attributes in `add` on.
fn attributes_on(add: Modifier, out: &mut Vec<u8>) {
    for (m, p) in [
        (Modifier::BOLD, 1),
        (Modifier::DIM, 2),
        (Modifier::ITALIC, 3),
        (Modifier::UNDERLINED, 4),
        (Modifier::SLOW_BLINK, 5),
        (Modifier::RAPID_BLINK, 6),
        (Modifier::REVERSED, 7),
        (Modifier::HIDDEN, 8),
        (Modifier::CROSSED_OUT, 9),
    ] {
        if add.contains(m) {
            out.push(p);
        }
    }
}

/// Parameters from `from` to `to`, changing only what differs.
fn step(from: &Pen, to: &Pen, out: &mut Vec<u8>) {
    let removed = from.modifier - to.modifier;
    let mut add = to.modifier - from.modifier;
    // 22 ends bold and dim together, 25 both blinks: re-add the one that stays.
    if removed.intersects(Modifier::BOLD | Modifier::DIM) {
        out.push(22);
        add |= to.modifier & (Modifier::BOLD | Modifier::DIM);
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        out.push(25);
        add |= to.modifier & (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK);
    }
    for (m, p) in [
        (Modifier::ITALIC, 23),
        (Modifier::UNDERLINED, 24),
        (Modifier::REVERSED, 27),
        (Modifier::HIDDEN, 28),
        (Modifier::CROSSED_OUT, 29),
    ] {
        if removed.contains(m) {
            out.push(p);
        }
    }
    attributes_on(add, out);
    if from.fg != to.fg {
        colour(to.fg, 30, out);
    }
    if from.bg != to.bg {
        colour(to.bg, 40, out);
    }
    if from.ul != to.ul {
        colour(to.ul, 50, out);
    }
}

/// Parameters that set `to` from any pen: a reset, then what differs from the default.
fn full(to: &Pen, out: &mut Vec<u8>) {
    out.push(0);
    step(&Pen::DEFAULT, to, out);
}

/// Writes one sequence as `\e[p;p;...m` (`\e[m` for a lone reset).
fn write(params: &[u8], out: &mut Vec<u8>) {
    out.extend_from_slice(b"\x1b[");
    if params != [0] {
        for (k, p) in params.iter().enumerate() {
            if k > 0 {
                out.push(b';');
            }
            let mut b = itoa(*p);
            out.append(&mut b);
        }
    }
    out.push(b'm');
}

fn itoa(p: u8) -> Vec<u8> {
    p.to_string().into_bytes()
}

fn encoded_len(params: &[u8]) -> usize {
    if params == [0] {
        return 3;
    }
    3 + params.len() - 1 + params.iter().map(|p| itoa(*p).len()).sum::<usize>()
}

/// Writes the shortest sequence that turns the pen `from` (`None`: not known) into `to`;
/// nothing when they are the same.
pub(crate) fn change(from: Option<&Pen>, to: &Pen, out: &mut Vec<u8>) {
    if from == Some(to) {
        return;
    }
    let mut reset = Vec::new();
    full(to, &mut reset);
    match from {
        Some(f) => {
            let mut steps = Vec::new();
            step(f, to, &mut steps);
            if encoded_len(&steps) < encoded_len(&reset) {
                write(&steps, out);
            } else {
                write(&reset, out);
            }
        }
        None => write(&reset, out),
    }
}

/// How many bytes [`change`] would write.
pub(crate) fn cost(from: Option<&Pen>, to: &Pen) -> usize {
    let mut v = Vec::new();
    change(from, to, &mut v);
    v.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(from: Option<&Pen>, to: &Pen) -> String {
        let mut v = Vec::new();
        change(from, to, &mut v);
        String::from_utf8(v).unwrap_or_default()
    }

    fn pen(fg: Color, bg: Color, m: Modifier) -> Pen {
        Pen {
            fg,
            bg,
            ul: Color::Reset,
            modifier: m,
        }
    }

    #[test]
    fn named_colours_take_their_short_codes_in_one_sequence() {
        let d = Pen::DEFAULT;
        let red = pen(Color::LightRed, Color::Reset, Modifier::BOLD);
        assert_eq!(seq(Some(&d), &red), "\x1b[1;91m");
        let sel = pen(Color::Black, Color::Cyan, Modifier::BOLD);
        assert_eq!(seq(Some(&d), &sel), "\x1b[1;30;46m");
        assert_eq!(seq(Some(&sel), &d), "\x1b[m");
        assert_eq!(seq(Some(&d), &d), "");
        assert_eq!(seq(None, &d), "\x1b[m");
        let grey = pen(Color::DarkGray, Color::Reset, Modifier::empty());
        assert_eq!(seq(Some(&red), &grey), "\x1b[0;90m");
        let idx = pen(Color::Indexed(200), Color::Rgb(1, 2, 3), Modifier::empty());
        assert_eq!(seq(Some(&d), &idx), "\x1b[38;5;200;48;2;1;2;3m");
    }

    #[test]
    fn ending_bold_keeps_dim_and_a_reset_wins_ties() {
        let both = pen(Color::Reset, Color::Reset, Modifier::BOLD | Modifier::DIM);
        let dim = pen(Color::Reset, Color::Reset, Modifier::DIM);
        assert_eq!(seq(Some(&both), &dim), "\x1b[0;2m");
    }
}

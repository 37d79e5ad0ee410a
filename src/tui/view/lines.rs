//! Lines of the graph view: a Canvas shape with dash patterns (braille), or one character
//! per cell (the theme's [`LineGlyphs::Chars`], for `--ascii`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::canvas::{Painter, Shape};

use super::symbols::LineGlyphs;

/// A line between two cells, drawn with a dash pattern.
pub(super) struct Seg {
    pub from: (u16, u16),
    pub to: (u16, u16),
    pub color: Color,
    /// Points on, points off (off = 0: solid).
    pub pattern: (usize, usize),
}

/// The lines, as a Canvas shape in the canvas's own coordinates.
pub(super) struct Segs<'a> {
    pub segs: &'a [Seg],
    pub area: Rect,
}

impl Shape for Segs<'_> {
    fn draw(&self, painter: &mut Painter) {
        let (w, h) = (self.area.width as f64, self.area.height as f64);
        let to_canvas = |(c, r): (u16, u16)| {
            let x = (2.0 * (c - self.area.x) as f64 + 0.5) / (2.0 * w - 1.0).max(1.0);
            let y = 1.0 - (4.0 * (r - self.area.y) as f64 + 1.5) / (4.0 * h - 1.0).max(1.0);
            (x.clamp(0.0, 1.0), y.clamp(0.0, 1.0))
        };
        for s in self.segs {
            let (a, b) = (to_canvas(s.from), to_canvas(s.to));
            let (Some(p), Some(q)) = (painter.get_point(a.0, a.1), painter.get_point(b.0, b.1))
            else {
                continue;
            };
            for (i, (x, y)) in line(p, q).enumerate() {
                if s.pattern.1 == 0 || i % (s.pattern.0 + s.pattern.1) < s.pattern.0 {
                    painter.paint(x, y, s.color);
                }
            }
        }
    }
}

/// Points of a Bresenham line.
fn line(p: (usize, usize), q: (usize, usize)) -> impl Iterator<Item = (usize, usize)> {
    let (x0, y0, x1, y1) = (p.0 as i64, p.1 as i64, q.0 as i64, q.1 as i64);
    let (dx, dy) = ((x1 - x0).abs(), -(y1 - y0).abs());
    let (sx, sy) = (if x0 < x1 { 1 } else { -1 }, if y0 < y1 { 1 } else { -1 });
    let steps = dx.max(-dy) as usize;
    let (mut x, mut y, mut err) = (x0, y0, dx + dy);
    (0..=steps).map(move |_| {
        let out = (x.max(0) as usize, y.max(0) as usize);
        let e2 = 2 * err;
        if e2 >= dy {
            err += dy;
            x += sx;
        }
        if e2 <= dx {
            err += dx;
            y += sy;
        }
        out
    })
}

/// Draws lines with one character per cell (nothing for [`LineGlyphs::Braille`], which is
/// drawn on a canvas).
pub(super) fn char_lines(segs: &[Seg], glyphs: LineGlyphs, buf: &mut Buffer) {
    let LineGlyphs::Chars {
        level,
        upright,
        rising,
        falling,
        dotted,
    } = glyphs
    else {
        return;
    };
    for s in segs {
        let (dx, dy) = (
            s.to.0 as i64 - s.from.0 as i64,
            s.to.1 as i64 - s.from.1 as i64,
        );
        let ch = if dy == 0 || dx.abs() > 2 * dy.abs() {
            level
        } else if dx == 0 || dy.abs() > 2 * dx.abs() {
            upright
        } else if (dx > 0) == (dy > 0) {
            falling
        } else {
            rising
        };
        let ch = if s.pattern.1 > 0 { dotted } else { ch };
        for (i, (x, y)) in line(
            (s.from.0 as usize, s.from.1 as usize),
            (s.to.0 as usize, s.to.1 as usize),
        )
        .enumerate()
        {
            let on = s.pattern.1 == 0 || i % 2 == 0;
            if let Some(cell) = buf.cell_mut((x as u16, y as u16))
                && on
                && cell.symbol() == " "
            {
                cell.set_symbol(ch).set_fg(s.color);
            }
        }
    }
}

//! The action form, drawn over the card: four labelled lines (the focused one with its
//! cursor, empty ones with a hint of the format), the reason of a refusal, and the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, Clear, Widget};

use crate::text::clean;
use crate::tui::app::App;
use crate::tui::keymap::{self, Mode};
use crate::tui::view::{on_scale, prose, put, wrap};

use super::form::{ActionForm, FormKind};

/// Draws the action form over `area`; returns its area.
pub(crate) fn form(app: &App, area: Rect, buf: &mut Buffer, f: &ActionForm) -> Option<Rect> {
    let t = &app.theme;
    let w = area.width.saturating_sub(4).min(72);
    let errors = f
        .error
        .as_deref()
        .map(|e| wrap(&prose(app, e), w.saturating_sub(4) as usize))
        .unwrap_or_default();
    let fields = f.fields();
    let h = 2 + fields.len() as u16 + 2 + errors.len() as u16;
    if w < 30 || area.height < h + 2 {
        return None;
    }
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(popup, buf);
    let b = Block::bordered()
        .border_set(t.sym.border)
        .border_style(t.heading)
        .title(match f.kind() {
            FormKind::Action => format!(" Record an action: {} ", prose(app, &f.pair)),
            FormKind::Who => format!(" {} ", prose(app, &f.pair)),
        });
    let inner = b.inner(popup);
    b.render(popup, buf);
    let label_w = 8u16;
    let scale = format!(
        "({}{}{})",
        on_scale(app, 0.0),
        t.sym.range,
        on_scale(app, 1.0)
    );
    for (k, name) in fields.iter().enumerate() {
        let y = inner.y + k as u16;
        let here = k == f.focus;
        let lstyle = if here { t.key } else { t.dim };
        put(buf, inner.x + 1, y, name, label_w, lstyle);
        let x = inner.x + 1 + label_w;
        let room = inner.right().saturating_sub(x + 1);
        let text = clean(f.text(k));
        let hint = match k {
            2 if text.is_empty() => "YYYY-MM-DD",
            3 if text.is_empty() => scale.as_str(),
            _ => "",
        };
        put(buf, x, y, &text, room, t.text);
        if !hint.is_empty() && !here {
            put(buf, x, y, hint, room, t.dim);
        }
        if here {
            let col = clean(f.lines[k].before_cursor());
            let cx = x + ratatui::text::Span::raw(col.as_str()).width() as u16;
            if cx < inner.right() {
                let cell = &mut buf[(cx, y)];
                if cell.symbol() == " " {
                    cell.set_symbol(t.sym.cursor);
                }
                cell.set_style(t.emphasis.add_modifier(Modifier::REVERSED));
            }
        }
    }
    let first = inner.y + fields.len() as u16;
    for (k, e) in errors.iter().enumerate() {
        put(
            buf,
            inner.x + 1,
            first + k as u16,
            e,
            inner.width - 1,
            t.alarm,
        );
    }
    let hints: Vec<String> = keymap::hints(&[Mode::Form])
        .iter()
        .map(|(k, d)| format!("{k} {d}"))
        .collect();
    put(
        buf,
        inner.x + 1,
        inner.bottom().saturating_sub(1),
        &hints.join("  "),
        inner.width - 1,
        t.dim,
    );
    Some(popup)
}

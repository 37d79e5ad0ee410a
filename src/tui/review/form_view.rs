//! The action form, drawn over the card: four labelled lines (the focused one with its
//! cursor, empty ones with a hint of the format), the reason of a refusal, and the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Widget};

use crate::text::clean;
use crate::tui::app::App;
use crate::tui::keymap::Mode;
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
    // Under the fields: the reason of a refusal, then the keys on the last row.
    let [errors_area, hints_area] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)])
        .areas(Rect {
            y: inner.y + fields.len() as u16,
            height: inner.height.saturating_sub(fields.len() as u16),
            ..inner
        });
    let pad = Block::new().padding(Padding::left(1));
    Paragraph::new(
        errors
            .into_iter()
            .map(|e| Line::from(Span::styled(e, t.alarm)))
            .collect::<Vec<_>>(),
    )
    .block(pad.clone())
    .render(errors_area, buf);
    let hints: Vec<String> = app
        .keys
        .hints(&[Mode::Form])
        .iter()
        .map(|(k, d)| format!("{k} {d}"))
        .collect();
    Paragraph::new(Span::styled(hints.join("  "), t.dim))
        .block(pad)
        .render(hints_area, buf);
    Some(popup)
}

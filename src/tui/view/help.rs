//! The help overlay: every binding of the current mode, grouped, generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::border;
use ratatui::widgets::{Block, Clear, Widget};

use crate::tui::app::App;
use crate::tui::keymap::{self, Mode};

use super::{FrameInfo, put};

/// The border characters: box drawing, or plain ASCII.
pub fn border_set(ascii: bool) -> border::Set<'static> {
    if ascii {
        border::Set {
            top_left: "+",
            top_right: "+",
            bottom_left: "+",
            bottom_right: "+",
            vertical_left: "|",
            vertical_right: "|",
            horizontal_top: "-",
            horizontal_bottom: "-",
        }
    } else {
        border::ROUNDED
    }
}

/// The lines of the help for the view under the overlay.
pub fn lines(app: &App) -> Vec<(bool, String)> {
    let view = app.view.mode();
    let mut out = Vec::new();
    let modes: &[Mode] = if app.search.is_some() {
        &[Mode::Search]
    } else {
        &[view, Mode::Global]
    };
    for (group, rows) in keymap::help_rows(modes) {
        out.push((true, group.title().to_string()));
        for (keys, doc) in rows {
            out.push((false, format!("  {keys:<22} {doc}")));
        }
    }
    out.push((true, "Mouse".to_string()));
    out.push((
        false,
        "  click                  select a unit, a cell or a gap".into(),
    ));
    out.push((false, "  wheel                  move up and down".into()));
    out
}

/// Draws the help overlay over `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer, info: &mut FrameInfo) {
    let t = &app.theme;
    let w = area.width.saturating_sub(4).min(72);
    let h = area.height.saturating_sub(2);
    if w < 10 || h < 4 {
        return;
    }
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + 1,
        width: w,
        height: h,
    };
    Clear.render(popup, buf);
    let title = format!(" Keys: {} (? or Esc closes) ", app.view.mode().title());
    let block = Block::bordered()
        .border_set(border_set(app.ascii))
        .border_style(t.heading)
        .title(title);
    let inner = block.inner(popup);
    block.render(popup, buf);
    let all = lines(app);
    let rows = inner.height as usize;
    let max = all.len().saturating_sub(rows) as u16;
    info.help_max = max;
    info.page = inner.height;
    let scroll = app.help.unwrap_or(0).min(max) as usize;
    for (k, (heading, text)) in all.iter().skip(scroll).take(rows).enumerate() {
        let style = if *heading { t.heading } else { t.text };
        put(
            buf,
            inner.x + 1,
            inner.y + k as u16,
            text,
            inner.width.saturating_sub(1),
            style,
        );
    }
}

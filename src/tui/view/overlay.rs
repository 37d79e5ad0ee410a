//! A scrollable box drawn over the view: the help and the changes list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Widget, Wrap};

use crate::tui::app::App;

use super::{FrameInfo, wrap};

/// What an overlay shows around its lines.
pub(super) struct Overlay {
    /// Widest the box may be.
    pub max_width: u16,
    /// The title on the top border.
    pub title: String,
}

/// Draws a bordered overlay filled with the lines that `lines(text_width)` gives. Records the
/// largest scroll and the page height in `info`.
pub(super) fn render(
    app: &App,
    area: Rect,
    buf: &mut Buffer,
    info: &mut FrameInfo,
    overlay: Overlay,
    lines: impl FnOnce(usize) -> Vec<(Style, String)>,
) -> Option<Rect> {
    let Overlay { max_width, title } = overlay;
    // Lines scrolled off the top, as the modal holds them (clamped to the content below).
    let scroll = app
        .modal
        .as_ref()
        .map_or(0, crate::tui::modal::Modal::scroll);
    let w = area.width.saturating_sub(4).min(max_width);
    let h = area.height.saturating_sub(2);
    if w < 10 || h < 4 {
        return None;
    }
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + 1,
        width: w,
        height: h,
    };
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_set(app.theme.sym.border)
        .border_style(app.theme.heading)
        .padding(Padding::left(1))
        // Cut with the ellipsis between the corners (titles carry their own spaces).
        .title(format!(
            "{} ",
            super::cut(
                title.trim_end(),
                (w as usize).saturating_sub(3),
                app.theme.sym.ellipsis
            )
        ));
    let inner = block.inner(popup);
    // The lines come wrapped one cell short of the box (help keeps its descriptions under
    // their column); one that is still too long is wrapped here, so the scroll range is
    // exact.
    let width = inner.width as usize;
    let all: Vec<Line> = lines(width.saturating_sub(1))
        .into_iter()
        .flat_map(|(style, text)| {
            wrap(&text, width)
                .into_iter()
                .map(move |l| Line::from(Span::styled(l, style)))
        })
        .collect();
    let rows = inner.height as usize;
    info.help_max = all.len().saturating_sub(rows) as u16;
    info.page = inner.height;
    let scroll = scroll.min(info.help_max);
    // Where the view is: "lines 1-20 of 57".
    let block = if all.len() > rows {
        let last = (scroll as usize + rows).min(all.len());
        block.title_bottom(format!(" lines {}-{last} of {} ", scroll + 1, all.len()))
    } else {
        block
    };
    Paragraph::new(all)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(popup, buf);
    Some(popup)
}

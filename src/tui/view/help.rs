//! The help overlay: every binding of the current mode, grouped, generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::app::App;
use crate::tui::keymap::Mode;

use super::FrameInfo;

/// The lines of the help for the view under the overlay.
pub(super) fn lines(app: &App) -> Vec<(bool, String)> {
    let view = app.view.mode();
    let mut out = Vec::new();
    // The current view's own keys first, then the keys of every view.
    let own = app.keys.help_rows(&[view]);
    if !own.is_empty() {
        out.push((true, format!("This view ({})", view.title())));
        for (_, rows) in own {
            for (keys, doc) in rows {
                out.push((false, format!("  {keys:<22} {doc}")));
            }
        }
    }
    for (group, rows) in app.keys.help_rows(&[Mode::Global]) {
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
pub(super) fn render(
    app: &App,
    area: Rect,
    buf: &mut Buffer,
    info: &mut FrameInfo,
) -> Option<Rect> {
    let t = &app.theme;
    let title = format!(" Keys: {} (? or Esc closes) ", app.view.mode().title());
    let scroll = match app.modal {
        Some(crate::tui::modal::Modal::Help(s)) => s,
        _ => 0,
    };
    let overlay = super::overlay::Overlay {
        max_width: 72,
        title,
        scroll,
    };
    super::overlay::render(app, area, buf, info, overlay, |width| {
        let mut out = Vec::new();
        for (heading, text) in lines(app) {
            let style = if heading { t.heading } else { t.text };
            out.extend(
                super::wrap_indented(&super::prose(app, &text), width, KEY_COLUMN)
                    .into_iter()
                    .map(|l| (style, l)),
            );
        }
        out
    })
}

/// Where a help line's description starts (two spaces, the keys padded to 22, a space).
const KEY_COLUMN: usize = 25;

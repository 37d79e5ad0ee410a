//! The changes list: the gaps the edits closed, opened, widened or narrowed against the file
//! as loaded (the what-if), or since OLD with `--compare`, as an overlay like the help.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::app::{App, Pending};
use crate::tui::whatif::Change;

use super::{FrameInfo, prose, wrap};

/// The lines of the list: (style kind, text). Kind 0 text, 1 heading, 2 better, 3 worse.
pub(super) fn lines(app: &App, width: usize) -> Vec<(u8, String)> {
    let s = &app.session;
    let sym = app.theme.sym;
    let mut out = Vec::new();
    let scope = format!("initiative: {}", app.initiative_label());
    if !s.compared() {
        out.push((0, "No edits yet: the document is as loaded.".into()));
        out.push((0, format!("After an edit, this lists the gaps it closed, opened, widened or narrowed ({scope}).")));
        return out;
    }
    let against = match &s.compare {
        Some(c) => c.label.clone(),
        None => "the file as loaded".into(),
    };
    let Some(diff) = &s.diff else {
        out.push((0, format!("Comparing with {against}{}", sym.ellipsis)));
        return out;
    };
    let stale = if app.pending == Some(Pending::Analysis) {
        format!(" (updating{})", sym.ellipsis)
    } else {
        String::new()
    };
    out.push((
        1,
        format!("Against {against}, {scope}: {}{stale}", diff.summary()),
    ));
    // Units added or removed, by name: by the edits as well as since OLD.
    for (what, names) in [
        ("units added", &diff.units_added),
        ("units removed", &diff.units_removed),
    ] {
        if !names.is_empty() {
            let line = format!("{what} ({}): {}", names.len(), names.join(", "));
            out.extend(wrap(&line, width).into_iter().map(|l| (0, l)));
        }
    }
    for item in &diff.items {
        let kind = match item.change {
            Change::Closed | Change::Narrowed => 2,
            Change::Opened | Change::Widened => 3,
        };
        let sev = match item.change {
            Change::Widened | Change::Narrowed => {
                format!(
                    " (severity {:.2} {} {:.2})",
                    item.severity.0, sym.right, item.severity.1
                )
            }
            _ => String::new(),
        };
        let line = format!("{:<8} {}{sev}", item.change.word(), prose(app, &item.text));
        for (i, l) in wrap(&line, width).into_iter().enumerate() {
            out.push((if i == 0 { kind } else { 0 }, l));
        }
    }
    out
}

/// Draws the changes list over `area`.
pub(super) fn render(
    app: &App,
    area: Rect,
    buf: &mut Buffer,
    info: &mut FrameInfo,
) -> Option<Rect> {
    let t = &app.theme;
    let title = match &app.session.compare {
        Some(c) => format!(" Changes since {} (c or Esc closes) ", c.label),
        None => " What changed: gaps (c or Esc closes) ".to_string(),
    };
    let overlay = super::overlay::Overlay {
        max_width: 100,
        title,
    };
    super::overlay::render(app, area, buf, info, overlay, |width| {
        lines(app, width)
            .into_iter()
            .map(|(kind, text)| {
                let style = match kind {
                    1 => t.heading,
                    2 => t.emphasis,
                    3 => t.alarm,
                    _ => t.text,
                };
                (style, text)
            })
            .collect()
    })
}

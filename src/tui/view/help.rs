//! The help overlay: every binding of the current mode, grouped, generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::app::App;
use crate::tui::keymap::Mode;

use super::FrameInfo;

/// The lines of the help for the view under the overlay: a heading (`true`, its text), or
/// keys and what they do.
pub(super) fn lines(app: &App) -> Vec<(bool, String)> {
    let view = app.view.mode();
    let mut out = Vec::new();
    // The current view's own keys first, then the keys of every view.
    let own = app.keys.help_rows(&[view]);
    if !own.is_empty() {
        out.push((true, format!("This view ({})", view.title())));
        for (_, rows) in own {
            for (keys, doc) in rows {
                out.push((false, format!("{keys}\t{doc}")));
            }
        }
    }
    for (group, rows) in app.keys.help_rows(&[Mode::Global]) {
        out.push((true, group.title().to_string()));
        for (keys, doc) in rows {
            out.push((false, format!("{keys}\t{doc}")));
        }
    }
    out.extend(symbols(app));
    out.push((true, "Mouse".to_string()));
    out.push((false, "click\tselect a unit, a cell or a gap".into()));
    out.push((false, "wheel\tmove up and down".into()));
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
    let overlay = super::overlay::Overlay {
        max_width: 72,
        title,
    };
    super::overlay::render(app, area, buf, info, overlay, |width| {
        let mut out = Vec::new();
        // The keys' column: 22 cells, narrower on a narrow screen (a third of the width),
        // so the descriptions keep room; longer keys push their description along.
        let keys_w = (width / 3).clamp(8, 22);
        for (heading, text) in lines(app) {
            let style = if heading { t.heading } else { t.text };
            let line = match text.split_once('\t') {
                Some((keys, doc)) => {
                    let pad = keys_w.saturating_sub(ratatui::text::Span::raw(keys).width());
                    format!("  {keys}{} {doc}", " ".repeat(pad))
                }
                None => text,
            };
            out.extend(
                super::wrap_indented(&super::prose(app, &line), width, keys_w + 3)
                    .into_iter()
                    .map(|l| (style, l)),
            );
        }
        out
    })
}

/// Every mark the screen draws, in this theme's set (Unicode or ASCII), with its meaning:
/// the legends under the views are cut on narrow screens; here each has its line.
fn symbols(app: &App) -> Vec<(bool, String)> {
    use crate::analysis::GapKind;
    let sym = app.theme.sym;
    let row = |mark: String, what: &str| (false, format!("{mark}\t{what}"));
    let mut out = vec![(true, "Symbols".to_string())];
    for k in GapKind::ALL {
        out.push(row(
            sym.gap(k).to_string(),
            &format!("gap: {}", super::gaps::kind_words(k)),
        ));
    }
    let solid = if sym.ascii {
        "-- and .."
    } else {
        "solid and dotted"
    };
    out.extend([
        row(
            sym.ramp.concat(),
            "matrix: rating, weak to strong (row rates column)",
        ),
        row(sym.none.to_string(), "matrix: rated 0 (none)"),
        row("?".to_string(), "matrix: not rated"),
        row(sym.diagonal.to_string(), "matrix: a unit and itself"),
        row(
            format!("{}{}", sym.full, sym.empty),
            "gap list: severity bar",
        ),
        row(sym.unit.to_string(), "graph: a unit"),
        row(sym.group.to_string(), "graph: a group (Enter expands it)"),
        row(solid.to_string(), "graph: a strong tie and a weak one"),
        row(
            format!("{} {}", sym.up, sym.down),
            "widened, narrowed since OLD (--compare)",
        ),
        row(
            sym.check.to_string(),
            "closed by the plan (p), discussed (review)",
        ),
        row(sym.unsaved.to_string(), "title bar: unsaved edits"),
    ]);
    out
}

//! Pure drawing: `draw(&App, &mut Frame) -> FrameInfo`. One file per view.

mod about;
mod bars;
mod blocks;
mod changes;
pub(crate) mod detail;
pub(crate) mod gaps;
mod graph;
mod help;
mod labels;
mod legend;
mod lines;
mod matrix;
mod overlay;
mod prompt;
mod since;
pub(crate) mod symbols;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

use super::app::{App, View, VisNode};
use super::modal::Modal;

pub use symbols::too_small;

/// Smallest usable terminal.
pub const MIN_WIDTH: u16 = 40;
/// Smallest usable terminal.
pub const MIN_HEIGHT: u16 = 12;
/// From this width the detail pane sits beside the view (and is shown by default).
pub const WIDE: u16 = 100;

/// What a click at a cell means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A graph node.
    Node(VisNode),
    /// A matrix cell: positions in the matrix order (row, column).
    Cell(usize, usize),
    /// A row of the gap list (its row in the filtered list).
    Gap(usize),
    /// A block of the group matrix: (row group, column group).
    Block(usize, usize),
    /// An overlay (help, changes, prompt, dialog): the view under it is not reachable.
    Overlay,
}

/// Facts learned while drawing, returned to the loop (views store nothing).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrameInfo {
    /// Rows in a page of the current list, matrix or help.
    pub page: u16,
    /// Largest scroll offset of the help overlay.
    pub help_max: u16,
    /// Largest scroll offset of the detail pane.
    pub detail_max: u16,
    /// Rows of text the detail pane shows at once (Ctrl-d/Ctrl-u move half of it).
    pub detail_page: u16,
    /// Clickable areas, later ones on top.
    pub hits: Vec<(Rect, Hit)>,
}

impl FrameInfo {
    /// What lies under a cell.
    pub fn hit(&self, col: u16, row: u16) -> Option<Hit> {
        self.hits
            .iter()
            .rev()
            .find(|(r, _)| col >= r.x && col < r.right() && row >= r.y && row < r.bottom())
            .map(|&(_, h)| h)
    }
}

/// Draws the whole screen.
pub fn draw(app: &App, frame: &mut Frame) -> FrameInfo {
    let area = frame.area();
    render(app, area, frame.buffer_mut())
}

/// Draws the whole screen into a buffer.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> FrameInfo {
    let mut info = FrameInfo::default();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(area, buf, &app.theme);
        return info;
    }
    let [title, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    bars::title(app, title, buf);
    bars::status(app, status, buf);
    let (main, side) = split(app, body);
    match app.view {
        View::Graph => graph::render(app, main, buf, &mut info),
        View::Matrix if app.matrix.groups() => blocks::render(app, main, buf, &mut info),
        View::Matrix => matrix::render(app, main, buf, &mut info),
        View::Gaps => gaps::render(app, main, buf, &mut info),
        View::Review => crate::tui::review::view::render(app, main, buf, &mut info),
    }
    if let Some(side) = side {
        info.detail_max = detail::render(app, side, buf);
        info.detail_page = side.height.saturating_sub(2);
    }
    // The modal on top records its area last, so a click on it never reaches the view.
    let overlay = match &app.modal {
        Some(Modal::Help(_)) => help::render(app, area, buf, &mut info),
        Some(Modal::Changes(_)) => changes::render(app, area, buf, &mut info),
        Some(Modal::About(_)) => about::render(app, area, buf, &mut info),
        Some(Modal::Prompt(input)) => prompt::input(app, area, buf, input),
        Some(Modal::Dialog(q)) => prompt::ask(app, area, buf, q),
        Some(Modal::Form(f)) => crate::tui::review::form_view::form(app, area, buf, f),
        Some(Modal::Search(_)) => Some(status),
        None => None,
    };
    if let Some(r) = overlay {
        info.hits.push((r, Hit::Overlay));
    }
    info
}

/// The body's split into the main view and the detail pane (when shown): beside the view
/// from [`WIDE`] columns (a third of the width, 32 to 52 columns), else below it (half the
/// height, at most 11 rows). The detail pane is shown by default when wide; `d` toggles it.
fn split(app: &App, body: Rect) -> (Rect, Option<Rect>) {
    let wide = body.width >= WIDE;
    // Review mode (src/tui/review): the card takes the whole body.
    if wide == app.detail_toggled || app.view == View::Review {
        return (body, None);
    }
    let [main, side] = if wide {
        let w = (body.width / 3).clamp(32, 52);
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(w)]).areas(body)
    } else {
        let h = (body.height / 2).min(11);
        Layout::vertical([Constraint::Fill(1), Constraint::Length(h)]).areas(body)
    };
    (main, Some(side))
}

/// A sentence the program wrote (a message, a gap's explanation, a key's description) in the
/// theme's symbols: with `--ascii`, its typographic punctuation in ASCII, the names of the
/// org quoted in it kept as they are.
pub(crate) fn prose<'t>(app: &App, text: &'t str) -> std::borrow::Cow<'t, str> {
    let sym = app.theme.sym;
    if !sym.ascii || text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    let d = &app.derived;
    let ids = app.org.units.iter().map(|u| u.id.as_str());
    let initiatives = app
        .org
        .initiatives
        .iter()
        .flat_map(|i| [i.id.as_str(), i.label()]);
    let keep: Vec<&str> = d
        .labels
        .iter()
        .chain(&d.groups)
        .map(String::as_str)
        .chain(ids)
        .chain(initiatives)
        .chain([d.title.as_str(), app.source.as_str()])
        .filter(|n| super::theme::Symbols::would_rewrite(n))
        .collect();
    sym.prose(text, &keep)
}

/// Writes a string clipped to a width, returning the column after it.
pub(crate) fn put(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    text: &str,
    max: u16,
    style: ratatui::style::Style,
) -> u16 {
    let area = buf.area;
    if y < area.y || y >= area.bottom() || x >= area.right() || max == 0 {
        return x;
    }
    let max = max.min(area.right() - x) as usize;
    buf.set_stringn(x, y, text, max, style).0
}

/// Cuts text to `w` display cells, ending with `ell` when cut (the ellipsis fits in `w` too;
/// spaces before it are dropped).
pub(crate) fn cut(text: &str, w: usize, ell: &str) -> String {
    let cells = |s: &str| ratatui::text::Span::raw(s).width();
    if cells(text) <= w {
        return text.to_string();
    }
    let room = w.saturating_sub(cells(ell));
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let cw = cells(ch.encode_utf8(&mut [0; 4]));
        if used + cw > room {
            break;
        }
        out.push(ch);
        used += cw;
    }
    // "works…", not "works …": a cut at a space ends at the word.
    out.truncate(out.trim_end().len());
    out.push_str(ell);
    out
}

/// Splits text into lines of at most `width` display cells at spaces (long words are cut);
/// continuation lines start with two spaces.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_indented(text, width, 2)
}

/// [`wrap`] with continuation lines starting at column `indent` (under a description that
/// follows a key column, say); a narrow width falls back to two spaces.
pub(crate) fn wrap_indented(text: &str, width: usize, indent: usize) -> Vec<String> {
    let cells = |s: &str| ratatui::text::Span::raw(s).width();
    let width = width.max(4);
    let indent = if indent + 8 > width { 2 } else { indent };
    let pad = " ".repeat(indent);
    let mut out = Vec::new();
    let mut line = String::new();
    let mut fresh = true;
    for word in text.split(' ') {
        if !fresh && cells(&line) + 1 + cells(word) > width {
            out.push(std::mem::take(&mut line));
            line.push_str(&pad);
            fresh = true;
        }
        if !fresh {
            line.push(' ');
        }
        line.push_str(word);
        fresh = false;
        while cells(&line) > width {
            // Cut at the last character that still fits.
            let mut taken = 0;
            let cut = line
                .char_indices()
                .find(|&(_, c)| {
                    taken += ratatui::text::Span::raw(c.to_string()).width();
                    taken > width
                })
                .map_or(line.len(), |(i, _)| i);
            let rest = line.split_off(cut);
            out.push(std::mem::replace(&mut line, format!("{pad}{rest}")));
        }
    }
    if !line.trim().is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

/// A number on the file's scale, written as the reports and explanations write it (at most
/// two decimals, trailing zeros dropped: `analysis::needs::number`), so the screen and the
/// gap's explanation never show one rating two ways.
pub(crate) fn on_scale(app: &App, s: f64) -> String {
    crate::analysis::needs::number(app.org.scale.denormalize(s))
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_breaks_at_spaces_and_indents() {
        assert_eq!(wrap("aaa bbb ccc", 7), vec!["aaa bbb", "  ccc"]);
        assert_eq!(wrap("  indented", 20), vec!["  indented"]);
        assert_eq!(wrap("abcdefghij", 6), vec!["abcdef", "  ghij"]);
        assert_eq!(wrap("", 6), vec![""]);
    }

    #[test]
    fn cut_keeps_within_the_width_ellipsis_included() {
        assert_eq!(super::cut("Marketing", 20, "…"), "Marketing");
        assert_eq!(super::cut("Marketing", 5, "…"), "Mark…");
        assert_eq!(super::cut("Marketing", 5, ".."), "Mar..");
        assert_eq!(super::cut("営業部門", 5, "…"), "営業…");
    }

    #[test]
    fn wrap_counts_display_cells_and_indents_under_a_column() {
        // Wide (CJK) characters take two cells each.
        assert_eq!(wrap("部門 営業部", 6), vec!["部門", "  営業", "  部"]);
        let line = format!(
            "  {:<22} {}",
            "f", "filter by kind (all, target, one-sided, structure)"
        );
        assert_eq!(
            super::wrap_indented(&line, 50, 25),
            vec![
                "  f                      filter by kind (all,".to_string(),
                "                         target, one-sided,".to_string(),
                "                         structure)".to_string(),
            ]
        );
    }
}

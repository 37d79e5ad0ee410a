//! Drawing the rating form (pure: from `&Form`, returns what it learned). Title with
//! progress, the scale's meaning once, the units by department, and a bottom line that is
//! the line being edited, the last message or the key hints.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row as TableRow, Table, Widget};

use super::form::{Answer, Editing, Form};
use super::keys;
use crate::text::clean;
use crate::tui::theme::Theme;

/// Smallest terminal the form draws in.
pub const MIN_WIDTH: u16 = 40;
/// Smallest terminal height the form draws in.
pub const MIN_HEIGHT: u16 = 8;

/// How the form is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    /// The styles and the symbols (Unicode, or ASCII with `--ascii`: see [`Theme::ascii`]).
    pub theme: Theme,
}

/// What drawing learned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Drawn {
    /// Unit rows that fit on one page.
    pub page: usize,
    /// Where the text cursor goes, when a line is being edited.
    pub cursor: Option<(u16, u16)>,
}

/// Draws the form on a frame (and places the cursor of the line being edited).
pub fn draw(form: &Form, look: &Look, frame: &mut Frame) -> Drawn {
    let area = frame.area();
    let drawn = render(form, look, area, frame.buffer_mut());
    if let Some((x, y)) = drawn.cursor {
        frame.set_cursor_position(Position::new(x, y));
    }
    drawn
}

/// The rating shown in the rating column.
fn rating_text(answer: Answer, look: &Look) -> String {
    match answer {
        Answer::Rated(v) => format!("{v}"),
        Answer::DontKnow => "?".into(),
        Answer::Unrated => look.theme.sym.empty.into(),
    }
}

/// Draws the form into a buffer.
pub fn render(form: &Form, look: &Look, area: Rect, buf: &mut Buffer) -> Drawn {
    let t = &look.theme;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!(
            "terminal too small (need {MIN_WIDTH}{}{MIN_HEIGHT})",
            t.sym.times
        );
        Paragraph::new(msg).style(t.warn).render(area, buf);
        return Drawn::default();
    }
    let legend_text = clean(&form.scale.legend());
    // The scale's meaning is shown whole: on a second line when one is not enough.
    let legend_lines = if Span::raw(&legend_text).width() + 8 > usize::from(area.width) {
        2
    } else {
        1
    };
    // A message (say, a lock that stayed held) is shown whole, on up to three lines.
    let bottom_lines = match (&form.editing, &form.message) {
        (None, Some((msg, _))) => {
            let cells = Span::raw(clean(msg)).width() + 1;
            cells.div_ceil(usize::from(area.width)).clamp(1, 3) as u16
        }
        _ => 1,
    };
    let [title, legend, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(legend_lines),
        Constraint::Fill(1),
        Constraint::Length(bottom_lines),
    ])
    .areas(area);
    let dot = t.sym.sep;
    let head = format!(
        " Rate as {} ({}){dot}{} of {} rated",
        clean(&form.unit.1),
        clean(&form.respondent),
        form.answered(),
        form.rows.len()
    );
    Paragraph::new(head).style(t.bar).render(title, buf);
    Paragraph::new(Line::from(vec![
        Span::styled(" Scale: ", t.heading),
        Span::styled(legend_text, t.text),
    ]))
    .wrap(ratatui::widgets::Wrap { trim: false })
    .render(legend, buf);
    let page = render_rows(form, look, body, buf);
    let cursor = render_bottom(form, look, bottom, buf);
    Drawn { page, cursor }
}

/// The unit rows under department headings, scrolled to keep the highlighted one in view.
/// Returns the number of unit rows on a page.
fn render_rows(form: &Form, look: &Look, area: Rect, buf: &mut Buffer) -> usize {
    let t = &look.theme;
    let rule = t.sym.rule.repeat(2);
    let marker = t.sym.row;
    let mut rows: Vec<TableRow> = Vec::new();
    let mut cursor_line = 0usize;
    let mut group: Option<Option<&str>> = None;
    for (i, r) in form.rows.iter().enumerate() {
        let g = r.group.as_deref();
        if group != Some(g) {
            group = Some(g);
            let name = g.map_or_else(|| "no department".to_string(), clean);
            rows.push(TableRow::new(vec![
                Cell::from(""),
                Cell::from(format!("{rule} {name} {rule}")).style(t.heading),
            ]));
        }
        if i == form.cursor() {
            cursor_line = rows.len();
        }
        let selected = i == form.cursor();
        let mut meaning = match r.answer {
            Answer::Rated(v) => form.scale.word(v).map(clean).unwrap_or_default(),
            Answer::DontKnow => "don't know".into(),
            Answer::Unrated => String::new(),
        };
        if !r.comment.is_empty() {
            if !meaning.is_empty() {
                meaning.push(' ');
            }
            meaning.push_str("+note");
        }
        let name = if r.label == r.id {
            clean(&r.label)
        } else {
            format!("{} ({})", clean(&r.label), clean(&r.id))
        };
        let style = match (selected, r.answer) {
            (true, _) => t.selected,
            (false, Answer::Unrated) => t.text,
            (false, _) => t.emphasis,
        };
        rows.push(
            TableRow::new(vec![
                Cell::from(if selected { marker } else { " " }),
                Cell::from(name),
                Cell::from(rating_text(r.answer, look)),
                Cell::from(meaning).style(if selected { t.selected } else { t.dim }),
            ])
            .style(style),
        );
    }
    let height = usize::from(area.height);
    let offset = cursor_line
        .saturating_sub(height / 2)
        .min(rows.len().saturating_sub(height));
    let shown: Vec<TableRow> = rows.into_iter().skip(offset).take(height).collect();
    let table = Table::new(
        shown,
        [
            Constraint::Length(1),
            Constraint::Fill(3),
            Constraint::Length(5),
            Constraint::Fill(2),
        ],
    )
    .column_spacing(1);
    Widget::render(table, area, buf);
    // Headings take lines too; a page is what is certainly left for units.
    height.saturating_sub(2).max(1)
}

/// The bottom line; returns where the text cursor goes when a line is being edited.
fn render_bottom(form: &Form, look: &Look, area: Rect, buf: &mut Buffer) -> Option<(u16, u16)> {
    let t = &look.theme;
    let editing = form.editing.as_ref().map(|e| match e {
        Editing::Comment(l) => (" Comment: ".to_string(), l),
        Editing::Jump { line, .. } => (" Find: ".to_string(), line),
        Editing::Value(l) => (
            format!(
                " Rating ({} to {}): ",
                form.scale.scale.min, form.scale.scale.max
            ),
            l,
        ),
    });
    if let Some((label, line)) = editing {
        let mut spans = vec![
            Span::styled(label.clone(), t.key),
            Span::styled(clean(line.text()), t.text),
        ];
        if let Some((msg, true)) = &form.message {
            spans.push(Span::styled(format!("  {}", clean(msg)), t.alarm));
        }
        Paragraph::new(Line::from(spans)).render(area, buf);
        let col = Span::raw(label).width() + Span::raw(clean(line.before_cursor())).width();
        let x = area
            .x
            .saturating_add(u16::try_from(col).unwrap_or(u16::MAX));
        return Some((x.min(area.right().saturating_sub(1)), area.y));
    }
    if let Some((msg, error)) = &form.message {
        let style = if *error { t.alarm } else { t.emphasis };
        Paragraph::new(Span::styled(format!(" {}", clean(msg)), style))
            .wrap(ratatui::widgets::Wrap { trim: false })
            .render(area, buf);
        return None;
    }
    let s = form.scale.scale;
    let (rate, how) = if form.scale.digits {
        (format!("{}-{}", s.min, s.max), " rate")
    } else {
        (format!("{}..{}", s.min, s.max), " type, Enter")
    };
    let mut spans = vec![
        Span::styled(format!(" {rate}"), t.key),
        Span::styled(how, t.dim),
    ];
    for (key, hint) in keys::hints() {
        spans.push(Span::styled(format!("  {key}"), t.key));
        spans.push(Span::styled(format!(" {hint}"), t.dim));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
    None
}

//! The line prompt (a value typed with its error in place) and the dialogs (quit with unsaved
//! edits, overwrite, restore recovered edits). Keys shown come from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Widget};

use crate::text::clean;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Mode;
use crate::tui::prompt::{Input, Question};
use crate::tui::session::Origin;

use super::{prose, put, wrap};

/// A bordered box `width` cells wide; its title is cut with the ellipsis to fit between the
/// corners (a long list of groups ran into the border).
fn block(app: &App, title: &str, width: u16) -> Block<'static> {
    let room = (width as usize).saturating_sub(4);
    let title = super::cut(&prose(app, title), room, app.theme.sym.ellipsis);
    Block::bordered()
        .border_set(app.theme.sym.border)
        .border_style(app.theme.heading)
        .title(format!(" {title} "))
}

/// Draws a line prompt at the bottom of `area`: the line with its cursor (a pre-filled value
/// shown selected: typing replaces it), the whole reason of a refusal wrapped below, and the
/// keys. Returns its area.
pub(super) fn input(app: &App, area: Rect, buf: &mut Buffer, input: &Input) -> Option<Rect> {
    let t = &app.theme;
    if area.height < 6 || area.width < 10 {
        return None;
    }
    let w = area.width.saturating_sub(4);
    let errors = input
        .error
        .as_deref()
        .map(|e| wrap(&prose(app, e), w as usize))
        .unwrap_or_default();
    let max_errors = (area.height as usize).saturating_sub(6);
    let errors: Vec<String> = errors.into_iter().take(max_errors).collect();
    let height = 4 + errors.len() as u16;
    let popup = Rect {
        x: area.x,
        y: area.bottom().saturating_sub(height + 1),
        width: area.width,
        height,
    };
    Clear.render(popup, buf);
    let b = block(app, &input.label, popup.width);
    let inner = b.inner(popup);
    b.render(popup, buf);
    // Show the part of the text around the cursor.
    let line = &input.line;
    let text = clean(line.text());
    let before = clean(line.before_cursor());
    let room = w.saturating_sub(1) as usize;
    let col = Span::raw(before.as_str()).width();
    let skip_cols = col.saturating_sub(room);
    let mut shown = String::new();
    let mut acc = 0;
    for ch in text.chars() {
        let cw = Span::raw(ch.to_string()).width();
        if acc >= skip_cols {
            shown.push(ch);
        }
        acc += cw;
    }
    let style = if line.is_fresh() { t.selected } else { t.text };
    put(buf, inner.x + 1, inner.y, &shown, w, style);
    let cx = inner.x + 1 + (col - skip_cols) as u16;
    if cx < inner.right() {
        let cell = &mut buf[(cx, inner.y)];
        if cell.symbol() == " " {
            cell.set_symbol(t.sym.cursor);
        }
        cell.set_style(t.emphasis.add_modifier(Modifier::REVERSED));
    }
    let below = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    Paragraph::new(
        errors
            .iter()
            .map(|e| Line::from(Span::styled(e.as_str(), t.alarm)))
            .collect::<Vec<_>>(),
    )
    .block(Block::new().padding(Padding::left(1)))
    .render(below, buf);
    let hints: Vec<String> = app
        .keys
        .hints(&[Mode::Prompt])
        .iter()
        .map(|(k, d)| format!("{k} {d}"))
        .collect();
    let mut hints = hints.join("  ");
    if line.is_fresh() {
        hints = format!(
            "typing replaces the value, {} {} edit it  {hints}",
            t.sym.left, t.sym.right
        );
    }
    let hw = Span::raw(hints.as_str()).width() as u16;
    let hy = inner.y + 1 + errors.len() as u16;
    if hw < w && hy < inner.bottom() {
        put(buf, inner.right() - hw - 1, hy, &hints, hw, t.dim);
    }
    Some(popup)
}

/// Draws a question in the middle of `area`; returns its area.
pub(super) fn ask(app: &App, area: Rect, buf: &mut Buffer, q: &Question) -> Option<Rect> {
    let (title, text, answers) = question(app, q);
    let w = area.width.saturating_sub(4).min(64);
    if w < 20 || area.height < 8 {
        return None;
    }
    let mut lines = Vec::new();
    for para in text {
        lines.extend(wrap(&prose(app, &para), w.saturating_sub(4) as usize));
    }
    let h = (lines.len() + answers.len() + 3) as u16;
    let h = h.min(area.height.saturating_sub(2));
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height.saturating_sub(h)) / 2,
        width: w,
        height: h,
    };
    Clear.render(popup, buf);
    let t = &app.theme;
    let mut text: Vec<Line> = lines
        .into_iter()
        .map(|l| Line::from(Span::styled(l, t.text)))
        .collect();
    text.push(Line::default());
    for (action, doc) in &answers {
        let keys = app.keys.keys_for(Mode::Dialog, *action);
        text.push(Line::from(vec![
            Span::raw(" "),
            Span::styled(keys, t.key),
            Span::raw("  "),
            Span::styled(prose(app, doc).into_owned(), t.text),
        ]));
    }
    Paragraph::new(text)
        .block(block(app, title, popup.width).padding(Padding::left(1)))
        .render(popup, buf);
    Some(popup)
}

/// The title, the paragraphs and the answers of a question.
fn question(app: &App, q: &Question) -> (&'static str, Vec<String>, Vec<(Action, String)>) {
    let answers = |list: &[(Action, &str)]| -> Vec<(Action, String)> {
        list.iter().map(|(a, d)| (*a, d.to_string())).collect()
    };
    match q {
        Question::PickUnit { action, units } => {
            let name = |u: usize| app.derived.labels.get(u).cloned().unwrap_or_default();
            let what = match action {
                Action::RenameUnit => "Rename which unit?",
                Action::RegroupUnit => "Move which unit to a group?",
                _ => "Remove which unit?",
            };
            (
                what,
                vec!["The selected gap is about two units.".into()],
                vec![
                    (Action::AnswerFirst, name(units.0)),
                    (Action::AnswerSecond, name(units.1)),
                    (Action::AnswerCancel, "cancel: nothing changes".into()),
                ],
            )
        }
        Question::RemoveUnit { label, with, .. } => (
            "Remove this unit?",
            vec![format!("Remove {label} with its {with}? (u undoes it)")],
            answers(&[
                (Action::AnswerYes, "remove it"),
                (Action::AnswerCancel, "cancel: nothing changes"),
            ]),
        ),
        Question::Quit => {
            let steps = app.session.history.undo_len();
            let what = match steps {
                0 => "The document has unsaved changes".to_string(),
                1 => "1 edit is not saved".to_string(),
                k => format!("{k} edits are not saved"),
            };
            let whither = match &app.session.origin {
                Origin::File(p) => format!(" to {}.", clean(&p.display().to_string())),
                Origin::Builtin => " (the built-in example has no file yet).".into(),
                Origin::Stdin => " (standard input has no file).".into(),
            };
            (
                "Quit with unsaved edits?",
                vec![format!("{what}{whither}")],
                answers(&[
                    (Action::AnswerSave, "save, then quit"),
                    (Action::AnswerDiscard, "discard the edits and quit"),
                    (Action::AnswerCancel, "cancel: keep editing"),
                ]),
            )
        }
        Question::Overwrite { reason, .. } => (
            "Overwrite?",
            vec![
                format!("{reason}."),
                "Overwriting replaces it (the old version is kept as FILE~).".into(),
            ],
            answers(&[
                (Action::AnswerOverwrite, "overwrite"),
                (Action::AnswerCancel, "cancel: nothing is written"),
            ]),
        ),
        Question::Restore(rec) => {
            let whose = match &app.session.origin {
                Origin::File(p) => clean(&p.display().to_string()),
                Origin::Builtin => "the built-in example".into(),
                Origin::Stdin => "standard input".into(),
            };
            let mut text = vec![format!(
                "An earlier session ended without saving its edits of {whose}. They are in {}.",
                clean(&rec.path.display().to_string())
            )];
            if let crate::store::SourceStatus::Changed(c) = rec.source_status() {
                text.push(format!(
                    "The file changed since ({}): restoring replaces those changes once saved.",
                    clean(&c.to_string())
                ));
            }
            (
                "Restore unsaved edits?",
                text,
                answers(&[
                    (Action::AnswerRestore, "restore them (unsaved until s)"),
                    (Action::AnswerDiscard, "discard them"),
                    (Action::AnswerKeep, "keep them for later, open the file"),
                ]),
            )
        }
    }
}

//! The line prompt (a value typed with its error in place) and the dialogs (quit with unsaved
//! edits, overwrite, restore recovered edits). Keys shown come from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Widget};

use crate::text::clean;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{self, Mode};
use crate::tui::prompt::{Prompt, Question};
use crate::tui::session::Origin;

use super::help::border_set;
use super::{put, wrap};

/// Draws the open prompt or dialog over `area` (the whole screen).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    match &app.prompt {
        Some(Prompt::Input {
            label, text, error, ..
        }) => input(app, area, buf, label, text, error.as_deref()),
        Some(Prompt::Ask(q)) => ask(app, area, buf, q),
        None => {}
    }
}

fn block(app: &App, title: &str) -> Block<'static> {
    Block::bordered()
        .border_set(border_set(app.ascii))
        .border_style(app.theme.heading)
        .title(format!(" {title} "))
}

fn input(app: &App, area: Rect, buf: &mut Buffer, label: &str, text: &str, error: Option<&str>) {
    let t = &app.theme;
    if area.height < 6 || area.width < 10 {
        return;
    }
    let popup = Rect {
        x: area.x,
        y: area.bottom() - 5,
        width: area.width,
        height: 4,
    };
    Clear.render(popup, buf);
    let b = block(app, label);
    let inner = b.inner(popup);
    b.render(popup, buf);
    let w = inner.width.saturating_sub(2);
    // Show the end of a long text, where the cursor is.
    let shown = clean(text);
    let len = shown.chars().count();
    let room = w.saturating_sub(1) as usize;
    let tail: String = shown.chars().skip(len.saturating_sub(room)).collect();
    let x = put(buf, inner.x + 1, inner.y, &tail, w, t.text);
    let cursor = if app.ascii { "_" } else { "▏" };
    put(buf, x, inner.y, cursor, 1, t.emphasis);
    let hints: Vec<String> = keymap::hints(&[Mode::Prompt])
        .iter()
        .map(|(k, d)| format!("{k} {d}"))
        .collect();
    let hints = hints.join("  ");
    let hw = hints.chars().count() as u16;
    if let Some(e) = error {
        let ew = w.saturating_sub(hw + 2);
        put(buf, inner.x + 1, inner.y + 1, e, ew.max(w.min(20)), t.alarm);
    }
    if hw < w {
        put(buf, inner.right() - hw - 1, inner.y + 1, &hints, hw, t.dim);
    }
}

fn ask(app: &App, area: Rect, buf: &mut Buffer, q: &Question) {
    let (title, text, answers) = question(app, q);
    let w = area.width.saturating_sub(4).min(64);
    if w < 20 || area.height < 8 {
        return;
    }
    let mut lines = Vec::new();
    for para in text {
        lines.extend(wrap(&para, w.saturating_sub(4) as usize));
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
    let b = block(app, title);
    let inner = b.inner(popup);
    b.render(popup, buf);
    let t = &app.theme;
    let mut y = inner.y;
    for l in &lines {
        if y >= inner.bottom() {
            return;
        }
        put(buf, inner.x + 1, y, l, inner.width - 1, t.text);
        y += 1;
    }
    y += 1;
    for (action, doc) in answers {
        if y >= inner.bottom() {
            return;
        }
        let keys = keymap::keys_for(Mode::Dialog, action);
        let x = put(buf, inner.x + 2, y, &keys, inner.width - 2, t.key);
        put(
            buf,
            x + 2,
            y,
            doc,
            inner.right().saturating_sub(x + 2),
            t.text,
        );
        y += 1;
    }
}

/// The title, the paragraphs and the answers of a question.
fn question(app: &App, q: &Question) -> (&'static str, Vec<String>, Vec<(Action, &'static str)>) {
    match q {
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
                vec![
                    (Action::AnswerSave, "save, then quit"),
                    (Action::AnswerDiscard, "discard the edits and quit"),
                    (Action::AnswerCancel, "cancel: keep editing"),
                ],
            )
        }
        Question::Overwrite { reason, .. } => (
            "Overwrite?",
            vec![
                format!("{reason}."),
                "Overwriting replaces it (the old version is kept as FILE~).".into(),
            ],
            vec![
                (Action::AnswerOverwrite, "overwrite"),
                (Action::AnswerCancel, "cancel: nothing is written"),
            ],
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
                vec![
                    (Action::AnswerRestore, "restore them (unsaved until s)"),
                    (Action::AnswerDiscard, "discard them"),
                    (Action::AnswerKeep, "keep them for later, open the file"),
                ],
            )
        }
    }
}

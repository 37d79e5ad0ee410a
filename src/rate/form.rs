//! The rating form's state: one row per other unit (grouped by department), the highlighted
//! row, the line being edited (a comment, a `/` jump, a typed value), and the one mutator,
//! [`Form::key`].

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keys::{self, RateAction};
use super::scale::ScaleInfo;
use crate::model::{Org, quote};
use crate::tui::line::{LineEdit, LineEditor};

/// One unit's answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answer {
    /// Not answered yet.
    Unrated,
    /// A rating on the scale.
    Rated(f64),
    /// "Don't know": an unknown rating (written with an empty rating cell, never 0).
    DontKnow,
}

/// One row of the form: a unit to rate.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The unit's id (what the answers file holds).
    pub id: String,
    /// The unit's name, or its id when it has none (raw; views clean it).
    pub label: String,
    /// The unit's department, if any.
    pub group: Option<String>,
    /// The answer.
    pub answer: Answer,
    /// A comment (empty: none).
    pub comment: String,
}

/// A line being edited at the bottom of the form.
#[derive(Debug, Clone, PartialEq)]
pub enum Editing {
    /// A comment on the highlighted unit.
    Comment(LineEditor),
    /// A name or id to jump to; `from` is the row to return to on Esc.
    Jump {
        /// The text typed so far.
        line: LineEditor,
        /// The row highlighted before.
        from: usize,
    },
    /// A rating typed in full (scales that are not single digits).
    Value(LineEditor),
}

/// What the caller must do after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing more (the form was only looked at).
    Nothing,
    /// An answer or comment changed: keep the form.
    Changed,
    /// Submit the answers.
    Submit,
    /// Leave.
    Quit,
    /// Stop and give the terminal back until resumed.
    Suspend,
}

/// The form.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    /// The rows, in display order (by department, then as in the org file).
    pub rows: Vec<Row>,
    /// The scale and its anchor words.
    pub scale: ScaleInfo,
    /// The respondent's unit (id, label).
    pub unit: (String, String),
    /// Who is answering.
    pub respondent: String,
    /// Where the answers go (shown).
    pub output: String,
    cursor: usize,
    /// The line being edited, if any.
    pub editing: Option<Editing>,
    /// The last message (text, whether it is an error).
    pub message: Option<(String, bool)>,
    /// Rows per page, learned from the last drawing.
    pub page: usize,
}

impl Form {
    /// A blank form for `unit` (which must be in `org`): every other unit, grouped by
    /// department (departments in order of first appearance), units without one last.
    pub fn new(org: &Org, unit: &str, respondent: &str, output: &str) -> Form {
        let mut groups: Vec<Option<&str>> = Vec::new();
        for u in &org.units {
            let g = u.group.as_deref();
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
        groups.sort_by_key(|g| g.is_none());
        let mut rows = Vec::new();
        for g in groups {
            for u in org
                .units
                .iter()
                .filter(|u| u.group.as_deref() == g && u.id != unit)
            {
                rows.push(Row {
                    id: u.id.clone(),
                    label: u.label().to_string(),
                    group: u.group.clone(),
                    answer: Answer::Unrated,
                    comment: String::new(),
                });
            }
        }
        let label = org.unit(unit).map_or(unit, |u| u.label()).to_string();
        Form {
            rows,
            scale: ScaleInfo::of(org),
            unit: (unit.to_string(), label),
            respondent: respondent.to_string(),
            output: output.to_string(),
            cursor: 0,
            editing: None,
            message: None,
            page: 10,
        }
    }

    /// The highlighted row's index.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Highlights the row of a unit id (no change when there is none).
    pub fn select(&mut self, id: &str) {
        if let Some(i) = self.rows.iter().position(|r| r.id == id) {
            self.cursor = i;
        }
    }

    /// How many rows have a rating or "don't know".
    pub fn answered(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.answer != Answer::Unrated)
            .count()
    }

    /// Shows a message (an error when `error`).
    pub fn say(&mut self, text: impl Into<String>, error: bool) {
        self.message = Some((text.into(), error));
    }

    fn moved(&mut self, to: usize) {
        self.cursor = to.min(self.rows.len().saturating_sub(1));
    }

    fn next(&mut self) {
        self.moved(self.cursor + 1);
    }

    /// Answers one key.
    pub fn key(&mut self, ev: KeyEvent) -> Outcome {
        let ctrl_s = ev.modifiers.contains(KeyModifiers::CONTROL) && ev.code == KeyCode::Char('s');
        if let Some(editing) = self.editing.take() {
            return self.edit_key(editing, ev, ctrl_s);
        }
        self.message = None;
        if let KeyCode::Char(c) = ev.code
            && !ev.modifiers.contains(KeyModifiers::CONTROL)
            && (c.is_ascii_digit() || (!self.scale.digits && matches!(c, '.' | '-')))
        {
            return self.typed(c);
        }
        let Some(action) = keys::lookup(&ev) else {
            return Outcome::Nothing;
        };
        let page = self.page.max(1);
        match action {
            RateAction::Up => self.moved(self.cursor.saturating_sub(1)),
            RateAction::Down => self.next(),
            RateAction::PageUp => self.moved(self.cursor.saturating_sub(page)),
            RateAction::PageDown => self.moved(self.cursor + page),
            RateAction::First => self.moved(0),
            RateAction::Last => self.moved(usize::MAX),
            RateAction::DontKnow => return self.set(Answer::DontKnow),
            RateAction::Clear => {
                let Some(row) = self.rows.get_mut(self.cursor) else {
                    return Outcome::Nothing;
                };
                row.answer = Answer::Unrated;
                return Outcome::Changed;
            }
            RateAction::Comment => {
                if let Some(row) = self.rows.get(self.cursor) {
                    self.editing = Some(Editing::Comment(LineEditor::prefilled(&row.comment)));
                }
            }
            RateAction::Jump => {
                self.editing = Some(Editing::Jump {
                    line: LineEditor::new(),
                    from: self.cursor,
                });
            }
            RateAction::Submit => return Outcome::Submit,
            RateAction::Quit => return Outcome::Quit,
            RateAction::Suspend => return Outcome::Suspend,
        }
        Outcome::Nothing
    }

    /// A digit (or a sign or point on a scale of more than single digits).
    fn typed(&mut self, c: char) -> Outcome {
        if !self.scale.digits {
            let mut line = LineEditor::new();
            line.apply(LineEdit::Insert(c));
            self.editing = Some(Editing::Value(line));
            return Outcome::Nothing;
        }
        let value = f64::from(c.to_digit(10).unwrap_or(0));
        self.rate(value)
    }

    /// Sets a rating after checking it is on the scale; refused in place when it is not.
    fn rate(&mut self, value: f64) -> Outcome {
        if !self.scale.scale.contains(value) {
            let s = self.scale.scale;
            self.say(
                format!("{value} is off the scale: rate from {} to {}", s.min, s.max),
                true,
            );
            return Outcome::Nothing;
        }
        self.set(Answer::Rated(value))
    }

    fn set(&mut self, answer: Answer) -> Outcome {
        let Some(row) = self.rows.get_mut(self.cursor) else {
            return Outcome::Nothing;
        };
        row.answer = answer;
        self.next();
        Outcome::Changed
    }

    fn edit_key(&mut self, mut editing: Editing, ev: KeyEvent, ctrl_s: bool) -> Outcome {
        let line = match &mut editing {
            Editing::Comment(l) | Editing::Value(l) | Editing::Jump { line: l, .. } => l,
        };
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let edit = match ev.code {
            KeyCode::Enter => None,
            _ if ctrl_s => None,
            KeyCode::Esc => {
                if let Editing::Jump { from, .. } = editing {
                    self.cursor = from;
                }
                return Outcome::Nothing;
            }
            KeyCode::Char('c') if ctrl => {
                if let Editing::Jump { from, .. } = editing {
                    self.cursor = from;
                }
                return Outcome::Nothing;
            }
            KeyCode::Char('u') if ctrl => Some(LineEdit::KillStart),
            KeyCode::Char('w') if ctrl => Some(LineEdit::KillWord),
            KeyCode::Char(c) if !ctrl => Some(LineEdit::Insert(c)),
            KeyCode::Backspace => Some(LineEdit::Backspace),
            KeyCode::Delete => Some(LineEdit::Delete),
            KeyCode::Left => Some(LineEdit::Left),
            KeyCode::Right => Some(LineEdit::Right),
            KeyCode::Home => Some(LineEdit::Home),
            KeyCode::End => Some(LineEdit::End),
            _ => {
                self.editing = Some(editing);
                return Outcome::Nothing;
            }
        };
        if let Some(e) = edit {
            line.apply(e);
            if let Editing::Jump { line, .. } = &editing {
                self.jump(line.text());
            }
            self.editing = Some(editing);
            return Outcome::Nothing;
        }
        // Enter (or Ctrl-s): finish the line.
        let done = match editing {
            Editing::Comment(l) => {
                if let Some(row) = self.rows.get_mut(self.cursor) {
                    row.comment = l.text().trim().to_string();
                    // A comment goes out with an empty rating: say so in the form too.
                    if row.answer == Answer::Unrated && !row.comment.is_empty() {
                        row.answer = Answer::DontKnow;
                    }
                }
                Outcome::Changed
            }
            Editing::Jump { .. } => Outcome::Nothing,
            Editing::Value(l) => match l.text().trim().parse::<f64>() {
                Ok(v) if v.is_finite() => self.rate(v),
                _ => {
                    self.say(format!("{} is not a number", quote(l.text().trim())), true);
                    self.editing = Some(Editing::Value(l));
                    return Outcome::Nothing;
                }
            },
        };
        if ctrl_s {
            return Outcome::Submit;
        }
        done
    }

    /// Highlights the first unit whose name or id contains `text` (ignoring case).
    fn jump(&mut self, text: &str) {
        let needle = text.trim().to_lowercase();
        if needle.is_empty() {
            return;
        }
        let hit = self.rows.iter().position(|r| {
            r.label.to_lowercase().contains(&needle) || r.id.to_lowercase().contains(&needle)
        });
        match hit {
            Some(i) => {
                self.cursor = i;
                self.message = None;
            }
            None => self.say(format!("no unit matches {}", quote(text)), true),
        }
    }
}

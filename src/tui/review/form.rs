//! The action form: what, owner, due, expect, each a line of the same editor as every prompt;
//! Tab moves between fields; Enter checks every field and records the action (with the gap
//! marked discussed, as one edit), or refuses in place, on the bad field, with the reason.

use crate::analysis::needs::number;
use crate::model::edit::Edit;
use crate::model::{Action, Date};
use crate::report::discussed;
use crate::text::clean;
use crate::tui::action::Action as Act;
use crate::tui::app::App;
use crate::tui::edit;
use crate::tui::line::{LineEdit, LineEditor};
use crate::tui::modal::Modal;
use crate::tui::prompt;
use crate::tui::update::{Effect, line_edit};

use super::{ReviewAction, walk};

/// The fields of the action form, in order.
pub const FIELDS: [&str; 4] = ["what", "owner", "due", "expect"];

/// The field of the "who took part" form.
pub const WHO: [&str; 1] = ["who"];

/// What the form records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// An action on the gap's pair (what, owner, due, expect).
    Action,
    /// Who took part in today's meeting (one line, names separated by commas).
    Who,
}

/// An open action form.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionForm {
    /// One end of the pair (unit id).
    pub(crate) from: String,
    /// The other end.
    pub(crate) to: String,
    /// The pair as shown, cleaned: "A – B".
    pub(crate) pair: String,
    /// The gap's name in the review's discussed list.
    pub(crate) gap: Option<String>,
    /// One line per field.
    pub(crate) lines: [LineEditor; 4],
    /// The field with the cursor.
    pub(crate) focus: usize,
    /// Why the last Enter was refused.
    pub(crate) error: Option<String>,
    /// What it records.
    pub(crate) kind: FormKind,
}

impl ActionForm {
    /// The names of its fields.
    pub fn fields(&self) -> &'static [&'static str] {
        match self.kind {
            FormKind::Action => &FIELDS,
            FormKind::Who => &WHO,
        }
    }

    /// What it records.
    pub fn kind(&self) -> FormKind {
        self.kind
    }

    /// The field with the cursor.
    pub fn focus(&self) -> usize {
        self.focus
    }

    /// The text of a field.
    pub fn text(&self, field: usize) -> &str {
        self.lines.get(field).map_or("", |l| l.text())
    }

    /// Why the last Enter was refused.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }
}

/// Opens the form on the shown gap's pair.
pub fn open(app: &mut App) {
    let Some((_, i, _)) = walk::current(app) else {
        app.message = Some("no gap to act on".into());
        return;
    };
    let g = app.gaps()[i].clone();
    let (Some(to), Some(a)) = (g.to, app.org.units.get(g.from)) else {
        app.message = Some("actions are about a pair: this gap is about a unit or a group".into());
        return;
    };
    let Some(b) = app.org.units.get(to) else {
        return;
    };
    let (from, to_id) = (a.id.clone(), b.id.clone());
    let lines: [LineEditor; 4] = Default::default();
    app.modal = Some(Modal::Form(ActionForm {
        from,
        to: to_id,
        pair: walk::subject(app, &g),
        gap: discussed::name(&app.org, &g),
        lines,
        focus: 0,
        error: None,
        kind: FormKind::Action,
    }));
}

/// Opens the "who took part" form, pre-filled with today's review's list.
pub fn open_who(app: &mut App) {
    let Some(day) = app.review.today else {
        app.message = Some("the clock gives no date: set GAPSCOPE_TODAY=YYYY-MM-DD".into());
        return;
    };
    let who = discussed::meeting(&app.org, day, app.initiative_id().as_deref())
        .and_then(|at| app.org.reviews[at].who.clone())
        .unwrap_or_default();
    let mut lines: [LineEditor; 4] = Default::default();
    lines[0] = LineEditor::prefilled(&clean(&who.join(", ")));
    app.modal = Some(Modal::Form(ActionForm {
        from: String::new(),
        to: String::new(),
        pair: format!("who took part on {day} (names, commas between)"),
        gap: None,
        lines,
        focus: 0,
        error: None,
        kind: FormKind::Who,
    }));
}

/// Types a character into the focused field.
pub fn type_char(app: &mut App, c: char) {
    apply(app, LineEdit::Insert(c));
}

fn apply(app: &mut App, e: LineEdit) {
    if let Some(Modal::Form(f)) = &mut app.modal
        && let Some(line) = f.lines.get_mut(f.focus)
        && line.apply(e)
    {
        f.error = None;
    }
}

/// Runs an action while the form is open.
pub fn act(app: &mut App, a: Act) -> Vec<Effect> {
    match a {
        Act::PromptAccept => return accept(app),
        Act::PromptCancel | Act::Quit => {
            app.modal = None;
            app.message = Some("cancelled: no action recorded".into());
        }
        Act::Review(ReviewAction::FormNext) | Act::Review(ReviewAction::FormPrev) => {
            if let Some(Modal::Form(f)) = &mut app.modal {
                let n = f.fields().len();
                f.focus = if a == Act::Review(ReviewAction::FormNext) {
                    (f.focus + 1) % n
                } else {
                    (f.focus + n - 1) % n
                };
            }
        }
        other => {
            if let Some(e) = line_edit(other) {
                apply(app, e);
            }
        }
    }
    Vec::new()
}

/// Checks the fields; the action to record, or the bad field and why.
pub fn check(app: &App, f: &ActionForm) -> Result<Action, (usize, String)> {
    let what = f.text(0).trim();
    if what.is_empty() {
        return Err((0, "what: say what is to be done".into()));
    }
    let owner = prompt::optional(f.text(1));
    let due = match f.text(2).trim() {
        "" => None,
        t => match Date::parse(t) {
            Some(d) => Some(d),
            None => {
                return Err((
                    2,
                    format!(
                        "due: {} is not a date (YYYY-MM-DD, e.g. 2027-01-31)",
                        clean(t)
                    ),
                ));
            }
        },
    };
    let scale = app.org.scale;
    let range = format!("{}–{}", number(scale.min), number(scale.max));
    let expect = match f.text(3).trim() {
        "" => None,
        t => match prompt::number(t) {
            Ok(v) if v >= scale.min && v <= scale.max => Some(v),
            Ok(v) => {
                return Err((3, format!("expect: {} is off the scale {range}", number(v))));
            }
            Err(e) => return Err((3, format!("expect: {e} (on the scale {range})"))),
        },
    };
    Ok(Action {
        from: f.from.clone(),
        to: f.to.clone(),
        what: what.to_string(),
        initiative: app.initiative_id(),
        owner,
        due,
        status: None,
        decided: app.review.today,
        expect,
        note: None,
        extra: Default::default(),
    })
}

fn accept(app: &mut App) -> Vec<Effect> {
    let Some(Modal::Form(f)) = app.modal.clone() else {
        return Vec::new();
    };
    if f.kind == FormKind::Who {
        return accept_who(app, &f);
    }
    let refuse = |app: &mut App, field: usize, why: String| {
        if let Some(Modal::Form(open)) = &mut app.modal {
            open.focus = field;
            open.error = Some(why);
        }
    };
    let action = match check(app, &f) {
        Ok(a) => a,
        Err((field, why)) => {
            refuse(app, field, why);
            return Vec::new();
        }
    };
    let mut edits = vec![Edit::AddAction { action, at: None }];
    if let Some(e) = f
        .gap
        .as_deref()
        .and_then(|g| super::discussed_edit(app, g, true))
    {
        edits.push(e);
    }
    let label = format!(
        "action recorded on {}: {} (u undoes)",
        f.pair,
        clean(f.text(0).trim())
    );
    match edit::try_edit(
        app,
        Edit::Batch {
            label: Some(label),
            edits,
        },
    ) {
        Ok(fx) => {
            app.modal = None;
            // The new action is the last on the card: select it.
            app.review.action = walk::card_actions(app).len().saturating_sub(1);
            fx
        }
        Err(why) => {
            refuse(app, 0, why);
            Vec::new()
        }
    }
}

/// Records who took part in today's review entry (added when missing); an empty line
/// clears the list.
fn accept_who(app: &mut App, f: &ActionForm) -> Vec<Effect> {
    let names: Vec<String> = f
        .text(0)
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect();
    let who = (!names.is_empty()).then_some(names);
    let label = match &who {
        Some(n) => format!("who took part: {}", clean(&n.join(", "))),
        None => "who took part: cleared".into(),
    };
    let Some(e) = super::review_edit(app, |r| {
        let mut r = r.clone();
        r.who = who.clone();
        r
    }) else {
        app.modal = None;
        return Vec::new();
    };
    match edit::try_edit(
        app,
        Edit::Batch {
            label: Some(label),
            edits: vec![e],
        },
    ) {
        Ok(fx) => {
            app.modal = None;
            fx
        }
        Err(why) => {
            if let Some(Modal::Form(open)) = &mut app.modal {
                open.error = Some(why);
            }
            Vec::new()
        }
    }
}

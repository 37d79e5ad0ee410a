//! Review mode (issue 11): walk the gaps one at a time in a meeting, record actions, mark gaps
//! discussed, see the plan, and write the minutes. Every change is an edit of the document
//! (undo/redo, what-if, save and recovery cover it); see docs/screen.md, "Review mode".
//!
//! - `walk`: the order of the gaps and the current one (kept by gap key);
//! - `form`: the action form (a modal); `plan`: the org as planned, analysed;
//! - `minutes`: the minutes key; `view`: the card and the form, drawn.

pub mod form;
pub(crate) mod form_view;
pub mod keys;
pub(crate) mod minutes;
pub(crate) mod plan;
pub(crate) mod view;
pub(crate) mod walk;

use std::path::PathBuf;

use crate::diff::GapKey;
use crate::model::edit::Edit;
use crate::model::{ActionStatus, Date, Review};
use crate::report::discussed;

use super::app::{App, View};
use super::edit;
use super::update::Effect;

pub use form::ActionForm;
pub use keys::ReviewAction;

/// The review mode's state: the meeting's date, where the walk is, the selected action of
/// the card, and the plan when it is shown.
#[derive(Debug, Clone, Default)]
pub struct ReviewState {
    /// The meeting's date (overdue actions, `decided`, the review entry); `None`: the clock
    /// gave none.
    pub(crate) today: Option<Date>,
    /// The gap shown, by key.
    pub(crate) key: Option<GapKey>,
    /// Its position in the walk (used when the gap closed).
    pub(crate) pos: usize,
    /// The selected action among the pair's actions on the card.
    pub(crate) action: usize,
    /// The plan is shown (counts in the title, marks in the gap list).
    pub(crate) plan: bool,
    /// The planned org's analysis, when shown.
    pub(crate) planned: Option<plan::Planned>,
    /// The plan asked of the worker and not arrived yet.
    pub(crate) plan_asked: Option<plan::Asked>,
    /// Where the minutes were written last.
    pub(crate) minutes: Option<PathBuf>,
}

impl ReviewState {
    /// The state at start: today from `GAPSCOPE_TODAY` (YYYY-MM-DD), else the clock (UTC).
    pub fn new() -> ReviewState {
        let today = std::env::var("GAPSCOPE_TODAY")
            .ok()
            .and_then(|t| Date::parse(&t))
            .or_else(Date::today_utc);
        ReviewState {
            today,
            ..ReviewState::default()
        }
    }

    /// The meeting's date.
    pub fn today(&self) -> Option<Date> {
        self.today
    }

    /// Whether the plan is shown.
    pub fn plan_shown(&self) -> bool {
        self.plan
    }

    /// Where the minutes were written last.
    pub fn minutes_path(&self) -> Option<&std::path::Path> {
        self.minutes.as_deref()
    }
}

impl App {
    /// The review mode's state.
    pub fn review(&self) -> &ReviewState {
        &self.review
    }

    /// The review's gap: (position in the walk, the gap, length of the walk).
    pub fn review_gap(&self) -> Option<(usize, &crate::analysis::Gap, usize)> {
        walk::current(self).and_then(|(pos, i, len)| Some((pos, self.gaps().get(i)?, len)))
    }

    /// The walk: the review's gaps in order (indices into [`App::gaps`]).
    pub fn review_walk(&self) -> Vec<usize> {
        walk::walk(self)
    }

    /// The gaps now and with the plan, when the plan is shown and computed.
    pub fn plan_counts(&self) -> Option<(usize, usize)> {
        plan::counts(self)
    }

    /// Sets the meeting's date (tests, and `--date` style callers).
    pub fn set_today(&mut self, day: Date) {
        self.review.today = Some(day);
    }
}

/// Runs a review action.
pub fn act(app: &mut App, a: ReviewAction) -> Vec<Effect> {
    if a.changes_document() && app.session.read_only {
        app.message = Some("read-only (--read-only): edits are off".into());
        return Vec::new();
    }
    match a {
        ReviewAction::Open => {
            app.view = View::Review;
            walk::sync(app);
            app.message = Some(walk::headline(app));
        }
        ReviewAction::Next | ReviewAction::Prev => {
            walk::step(app, if a == ReviewAction::Next { 1 } else { -1 })
        }
        ReviewAction::NextAction | ReviewAction::PrevAction => {
            let n = walk::card_actions(app).len();
            let cur = app.review.action;
            app.review.action = match (a, n) {
                (_, 0) => 0,
                (ReviewAction::NextAction, _) => (cur + 1) % n,
                _ => (cur + n - 1) % n,
            };
        }
        ReviewAction::Record => form::open(app),
        ReviewAction::Who => form::open_who(app),
        ReviewAction::Status => return status(app),
        ReviewAction::Discussed => return toggle_discussed(app),
        ReviewAction::Plan => return plan::toggle(app),
        ReviewAction::Minutes => return minutes::write(app),
        ReviewAction::FormNext | ReviewAction::FormPrev => {}
    }
    Vec::new()
}

/// Cycles the selected action's status: open → done → dropped → open.
fn status(app: &mut App) -> Vec<Effect> {
    let actions = walk::card_actions(app);
    let Some(&at) = actions.get(app.review.action.min(actions.len().saturating_sub(1))) else {
        app.message = Some("no action on this pair yet (A records one)".into());
        return Vec::new();
    };
    let next = match app.org.actions[at].status() {
        ActionStatus::Open => ActionStatus::Done,
        ActionStatus::Done => ActionStatus::Dropped,
        ActionStatus::Dropped => ActionStatus::Open,
    };
    edit::edit(
        app,
        Edit::SetActionStatus {
            at,
            status: Some(next),
        },
    )
}

/// The edit that changes the review entry of the meeting (today, the initiative shown) with
/// `change`, adding the entry when it is missing; `None` when nothing changes or there is
/// no date.
pub(crate) fn review_edit(app: &App, change: impl FnOnce(&Review) -> Review) -> Option<Edit> {
    let day = app.review.today?;
    let initiative = app.initiative_id();
    match discussed::meeting(&app.org, day, initiative.as_deref()) {
        Some(at) => {
            let old = &app.org.reviews[at];
            let new = change(old);
            if &new == old {
                return None;
            }
            Some(Edit::Batch {
                label: None,
                edits: vec![
                    Edit::RemoveReview { at },
                    Edit::AddReview {
                        review: new,
                        at: Some(at),
                    },
                ],
            })
        }
        None => {
            let empty = Review {
                date: day,
                initiative,
                who: None,
                notes: None,
                extra: Default::default(),
            };
            let new = change(&empty);
            (new != empty).then_some(Edit::AddReview {
                review: new,
                at: None,
            })
        }
    }
}

/// The edit that marks a gap discussed (`on`) or not in the meeting's review entry.
pub(crate) fn discussed_edit(app: &App, gap: &str, on: bool) -> Option<Edit> {
    review_edit(app, |r| discussed::with(r, gap, on))
}

fn toggle_discussed(app: &mut App) -> Vec<Effect> {
    let Some((_, g, _)) = walk::current(app) else {
        app.message = Some("no gap to mark".into());
        return Vec::new();
    };
    let Some(day) = app.review.today else {
        app.message = Some("the clock gives no date: set GAPSCOPE_TODAY=YYYY-MM-DD".into());
        return Vec::new();
    };
    let gap = app.gaps()[g].clone();
    let Some(name) = discussed::name(&app.org, &gap) else {
        return Vec::new();
    };
    let on = !discussed::was_discussed(&app.org, day, app.initiative_id().as_deref(), &gap);
    let Some(e) = discussed_edit(app, &name, on) else {
        return Vec::new();
    };
    let label = if on {
        format!("discussed on {day}: {}", crate::text::clean(&name))
    } else {
        format!("not discussed: {}", crate::text::clean(&name))
    };
    edit::edit(
        app,
        Edit::Batch {
            label: Some(label),
            edits: vec![e],
        },
    )
}

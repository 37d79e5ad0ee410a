//! The plan in the screen: the org as planned (`analysis::plan::planned`: every open action
//! with an `expect` reached), analysed with the quick pass for the chosen initiative on the
//! worker thread (`Effect::Plan` → `Done::Planned`), and the gaps of now that it closes.
//! Asked for after any message while the plan is shown and the document revision or the
//! initiative changed; an answer for an older revision is dropped. Views only read it.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::analysis::{Analysis, Gap};
use crate::diff::{GapKey, gap_key, gaps_by_key};
use crate::tui::app::App;
use crate::tui::update::Effect;

/// What the status line says while the plan is computed.
const COMPUTING: &str = "the plan: computing…";

/// The planned org's analysis and what it closes, for one revision and initiative.
#[derive(Debug, Clone)]
pub(crate) struct Planned {
    /// The document revision it was computed for.
    rev: u64,
    /// The initiative.
    initiative: Option<String>,
    /// The analysis of the planned org.
    analysis: Arc<Analysis>,
    /// The analysis of the document now that `closes` was computed against.
    now: Option<Arc<Analysis>>,
    /// Keys of the gaps now that the plan closes.
    closes: BTreeSet<GapKey>,
}

/// (revision, initiative) the plan was asked for and has not arrived yet.
pub(crate) type Asked = (u64, Option<String>);

/// Turns the plan on or off; on, it is asked for (the status line says so until it comes).
pub(crate) fn toggle(app: &mut App) -> Vec<Effect> {
    app.review.plan = !app.review.plan;
    if !app.review.plan {
        app.message = Some("the plan is hidden".into());
        return Vec::new();
    }
    let fx = refresh(app);
    app.message = Some(match counts(app) {
        Some((now, with)) => say(now, with),
        None => COMPUTING.into(),
    });
    fx
}

fn say(now: usize, with: usize) -> String {
    format!("the plan: {now} gaps now, {with} with the plan (p hides it)")
}

/// Brings the plan up to date while it is shown: asks the worker for a new revision or
/// initiative, and compares a plan that is current with the gaps now when they changed.
pub(crate) fn refresh(app: &mut App) -> Vec<Effect> {
    if !app.review.plan {
        return Vec::new();
    }
    let rev = app.session.history.revision();
    let initiative = app.initiative_id();
    let current = app
        .review
        .planned
        .as_ref()
        .is_some_and(|p| p.rev == rev && p.initiative == initiative);
    if current {
        compare(app);
        return Vec::new();
    }
    let want = (rev, initiative.clone());
    if app.review.plan_asked.as_ref() == Some(&want) {
        return Vec::new();
    }
    app.review.plan_asked = Some(want);
    vec![Effect::Plan {
        revision: rev,
        initiative,
    }]
}

/// Installs the worker's answer when it is for the document and initiative shown.
pub(crate) fn install(app: &mut App, rev: u64, initiative: Option<String>, analysis: Analysis) {
    if rev != app.session.history.revision() || initiative != app.initiative_id() {
        return;
    }
    app.review.plan_asked = None;
    app.review.planned = Some(Planned {
        rev,
        initiative,
        analysis: Arc::new(analysis),
        now: None,
        closes: BTreeSet::new(),
    });
    compare(app);
    if app.message.as_deref() == Some(COMPUTING)
        && let Some((now, with)) = counts(app)
    {
        app.message = Some(say(now, with));
    }
}

/// Recomputes which gaps the plan closes when the analysis now is not the one compared.
fn compare(app: &mut App) {
    let Some(now) = app.analysis.clone() else {
        return;
    };
    let org = app.org.clone();
    let Some(p) = app.review.planned.as_mut() else {
        return;
    };
    if p.now.as_ref().is_some_and(|n| Arc::ptr_eq(n, &now)) || now.initiative != p.initiative {
        return;
    }
    // The planned org has the same units as the document, so gap keys match.
    let after = gaps_by_key(&org, &p.analysis.gaps);
    p.closes = gaps_by_key(&org, &now.gaps)
        .into_keys()
        .filter(|k| !after.contains_key(k))
        .collect();
    p.now = Some(now);
}

/// The plan when it is shown and up to date with the gaps shown.
pub(crate) fn shown(app: &App) -> Option<&Planned> {
    let p = app.review.planned.as_ref().filter(|_| app.review.plan)?;
    let now = app.analysis.as_ref()?;
    (p.now.as_ref().is_some_and(|n| Arc::ptr_eq(n, now)) && p.rev == app.session.history.revision())
        .then_some(p)
}

/// (gaps now, gaps with the plan) when the plan is shown.
pub(crate) fn counts(app: &App) -> Option<(usize, usize)> {
    let p = shown(app)?;
    Some((p.now.as_ref()?.gaps.len(), p.analysis.gaps.len()))
}

/// Whether the plan closes a gap of the analysis shown.
pub(crate) fn closes(app: &App, g: &Gap) -> bool {
    shown(app).is_some_and(|p| gap_key(&app.org, g).is_some_and(|k| p.closes.contains(&k)))
}

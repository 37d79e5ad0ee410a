//! The plan in the screen: the org as planned (`analysis::plan::planned`: every open action
//! with an `expect` reached), analysed with the quick pass for the chosen initiative, and
//! the gaps of now that it closes. Computed in `update` when the plan is shown and the
//! document, the initiative or the analysis changed; views only read it.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::analysis::{Analysis, Gap, plan};
use crate::diff::{GapKey, gap_key, gaps_by_key};
use crate::tui::analysis_task::{Stage, analyse};
use crate::tui::app::App;

/// The planned org's analysis and what it closes, for one revision and initiative.
#[derive(Debug, Clone)]
pub struct Planned {
    /// The document revision it was computed for.
    rev: u64,
    /// The initiative.
    initiative: Option<String>,
    /// The analysis of the document now it was compared with.
    now: Arc<Analysis>,
    /// Its analysis.
    pub(crate) analysis: Arc<Analysis>,
    /// Keys of the gaps now that the plan closes.
    closes: BTreeSet<GapKey>,
}

/// Brings the planned analysis up to date when the plan is shown.
pub fn refresh(app: &mut App) {
    if !app.review.plan {
        return;
    }
    let Some(now) = app.analysis.clone() else {
        return;
    };
    let rev = app.session.history.revision();
    let initiative = app.initiative_id();
    let fresh =
        app.review.planned.as_ref().is_some_and(|p| {
            p.rev == rev && p.initiative == initiative && Arc::ptr_eq(&p.now, &now)
        });
    if fresh || now.initiative != initiative {
        return;
    }
    let org = plan::planned(&app.org);
    let analysis = analyse(&org, initiative.clone(), Stage::Quick);
    let after = gaps_by_key(&org, &analysis.gaps);
    let closes = gaps_by_key(&app.org, &now.gaps)
        .into_keys()
        .filter(|k| !after.contains_key(k))
        .collect();
    app.review.planned = Some(Planned {
        rev,
        initiative,
        now,
        analysis: Arc::new(analysis),
        closes,
    });
}

/// The planned analysis when the plan is shown and up to date with the gaps shown.
pub fn shown(app: &App) -> Option<&Planned> {
    let p = app.review.planned.as_ref().filter(|_| app.review.plan)?;
    let now = app.analysis.as_ref()?;
    Arc::ptr_eq(&p.now, now).then_some(p)
}

/// (gaps now, gaps with the plan) when the plan is shown.
pub fn counts(app: &App) -> Option<(usize, usize)> {
    shown(app).map(|p| (p.now.gaps.len(), p.analysis.gaps.len()))
}

/// Whether the plan closes a gap of the analysis shown.
pub fn closes(app: &App, g: &Gap) -> bool {
    shown(app).is_some_and(|p| gap_key(&app.org, g).is_some_and(|k| p.closes.contains(&k)))
}

//! Keeping the analysis and the what-if up to date with the document's revision: after each
//! change the derived state is rebuilt, the analysis of the new revision is taken from the
//! cache or asked for, and the gaps are compared with those of the file as loaded.

use std::sync::Arc;

use super::analysis_task::Stage;
use super::app::{App, Pending};
use super::update::Effect;
use super::whatif;

/// Generations of baseline analyses have this bit set, so they never equal the current one.
const BASELINE_GENERATIONS: u64 = 1 << 63;

/// After the document changed: recompute what derives from it and ask for the analysis of
/// the new revision (at once from the cache when this revision was analysed before).
pub(crate) fn changed(app: &mut App) -> Vec<Effect> {
    app.refresh_derived();
    app.generation += 1;
    let mut fx = Vec::new();
    if !app.graph.laid_out() {
        fx.push(Effect::Layout);
    }
    let initiative = app.initiative_id();
    match app.session.cached(&initiative) {
        Some(a) => {
            app.set_analysis((*a).clone());
            app.pending = None;
        }
        None => {
            app.pending = Some(Pending::Analysis);
            fx.push(Effect::Analyse {
                generation: app.generation,
                initiative,
            });
        }
    }
    fx.extend(after_analysis(app));
    fx
}

/// After an analysis arrived or the document changed: cache it, keep it as the baseline
/// while the document is as loaded, and compare with the baseline (asking for it if needed).
pub(crate) fn after_analysis(app: &mut App) -> Vec<Effect> {
    let initiative = app.initiative_id();
    if app.pending.is_none()
        && let Some(a) = app.analysis.clone()
    {
        let rev = app.session.history.revision();
        app.session.remember(rev, initiative.clone(), a.clone());
        if !app.session.compared() {
            app.session.baseline.insert(initiative.clone(), a);
        }
    }
    if !app.session.compared() {
        app.session.diff = None;
        return Vec::new();
    }
    match (app.session.baseline.get(&initiative), &app.analysis) {
        (Some(before), Some(now)) if app.pending != Some(Pending::Analysis) => {
            app.session.diff = Some(whatif::diff(&app.session.original, before, &app.org, now));
            Vec::new()
        }
        (Some(_), _) => Vec::new(),
        (None, _) => {
            if app
                .session
                .baseline_pending
                .as_ref()
                .is_some_and(|(_, i)| *i == initiative)
            {
                return Vec::new();
            }
            // Baselines have their own generations, apart from the current document's.
            app.session.baseline_count += 1;
            let generation = BASELINE_GENERATIONS | app.session.baseline_count;
            app.session.baseline_pending = Some((generation, initiative.clone()));
            // OLD of `--compare` gets the full pass: the detail pane shows its betweenness.
            let stage = if app.session.compare.is_some() {
                Stage::Full
            } else {
                Stage::Quick
            };
            vec![Effect::Baseline {
                generation,
                initiative,
                stage,
            }]
        }
    }
}

/// Takes a baseline analysis if `generation` is the one asked for; returns whether it was.
pub(crate) fn take_baseline(
    app: &mut App,
    generation: u64,
    analysis: &crate::analysis::Analysis,
) -> Option<Vec<Effect>> {
    let (g, initiative) = app.session.baseline_pending.clone()?;
    if g != generation {
        return None;
    }
    app.session.baseline_pending = None;
    app.session
        .baseline
        .insert(initiative, Arc::new(analysis.clone()));
    Some(after_analysis(app))
}

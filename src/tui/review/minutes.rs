//! The minutes key: the meeting's minutes in Markdown, written by the same code as
//! `gapscope minutes` (`report::minutes::write`), with the session's edits (the changes
//! list) added, to `minutes-DATE.md` in the working folder. The write is an effect.

use crate::analysis::plan;
use crate::diff::{self, Snapshot};
use crate::report::minutes::{self, Meeting};
use crate::tui::analysis_task::{Stage, analyse};
use crate::tui::app::{App, Pending};
use crate::tui::update::Effect;

/// The minutes of the meeting so far.
pub(crate) fn text(app: &App) -> Result<String, String> {
    let Some(day) = app.review.today else {
        return Err("the clock gives no date: set GAPSCOPE_TODAY=YYYY-MM-DD".into());
    };
    let now = match &app.analysis {
        Some(a) if app.pending != Some(Pending::Analysis) => a.clone(),
        _ => return Err("the gaps are still being found; try again in a moment".into()),
    };
    let planned_org = plan::planned(&app.org);
    let planned = analyse(
        &planned_org,
        &app.analysis_options(app.initiative_id()),
        Stage::Quick,
    );
    let edits = session_edits(app, &now);
    Ok(minutes::write(&Meeting {
        org: &app.org,
        now: &now,
        planned: &planned,
        planned_org: &planned_org,
        date: day,
        edits: Some(&edits),
    }))
}

/// The session's edits as the minutes list them: the actions added, done, changed and
/// removed, the ties and targets changed, and the gaps closed, opened, widened and narrowed
/// (the changes list), all against the document as loaded (OLD with `--compare`).
fn session_edits(app: &App, now: &crate::analysis::Analysis) -> Vec<String> {
    let original = &app.session.original;
    let before = match app.session.baseline.get(&app.initiative_id()) {
        Some(a) => a.clone(),
        None => std::sync::Arc::new(analyse(
            original,
            &app.analysis_options(app.initiative_id()),
            Stage::Quick,
        )),
    };
    let d = diff::diff(
        Snapshot {
            org: original,
            analysis: &before,
        },
        Snapshot {
            org: &app.org,
            analysis: now,
        },
    );
    let mut out = Vec::new();
    for (word, list) in [
        ("added", &d.actions_added),
        ("done", &d.actions_done),
        ("changed", &d.actions_changed),
        ("removed", &d.actions_removed),
    ] {
        out.extend(
            list.iter()
                .map(|a| format!("action {word}: {}", diff::action_line(a))),
        );
    }
    let ties = d.ties_added.len() + d.ties_removed.len() + d.ties_reweighted.len();
    if ties > 0 {
        out.push(format!(
            "{ties} tie rating{} changed",
            if ties == 1 { "" } else { "s" }
        ));
    }
    let targets = d.targets_added.len() + d.targets_removed.len() + d.targets_changed.len();
    if targets > 0 {
        out.push(format!(
            "{targets} target{} changed",
            if targets == 1 { "" } else { "s" }
        ));
    }
    if let Some(w) = &app.session.diff {
        out.extend(
            w.items
                .iter()
                .map(|i| format!("gap {}: {}", i.change.word(), i.text)),
        );
    }
    let reviews = app.org.reviews.len().saturating_sub(original.reviews.len());
    if reviews > 0 || app.org.reviews != original.reviews {
        out.push("the meeting's review entry (discussed gaps) recorded".into());
    }
    out
}

/// The minutes key: asks the loop to write the minutes, or says why it cannot.
pub(crate) fn write(app: &mut App) -> Vec<Effect> {
    match text(app) {
        Ok(text) => {
            let day = app.review.today.map(|d| d.to_string()).unwrap_or_default();
            let path = app.session.base.join(format!("minutes-{day}.md"));
            app.review.minutes = Some(path.clone());
            app.message = Some("writing the minutes…".into());
            vec![Effect::WriteMinutes { path, text }]
        }
        Err(why) => {
            app.message = Some(why);
            Vec::new()
        }
    }
}

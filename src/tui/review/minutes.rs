//! The minutes key: the meeting's minutes in Markdown, written by the same code as
//! `gapscope minutes` (`report::minutes::write`), with the session's edits (the changes
//! list) added, to `minutes-DATE.md` in the working folder. The write is an effect.

use crate::analysis::plan;
use crate::report::minutes::{self, Meeting};
use crate::tui::analysis_task::{Stage, analyse};
use crate::tui::app::{App, Pending};
use crate::tui::update::Effect;

/// The minutes of the meeting so far.
pub fn text(app: &App) -> Result<String, String> {
    let Some(day) = app.review.today else {
        return Err("the clock gives no date: set GAPSCOPE_TODAY=YYYY-MM-DD".into());
    };
    let now = match &app.analysis {
        Some(a) if app.pending != Some(Pending::Analysis) => a.clone(),
        _ => return Err("the gaps are still being found; try again in a moment".into()),
    };
    let planned_org = plan::planned(&app.org);
    let planned = analyse(&planned_org, app.initiative_id(), Stage::Quick);
    let edits: Vec<String> = app
        .session
        .diff
        .as_ref()
        .map(|d| {
            d.items
                .iter()
                .map(|i| format!("gap {}: {}", i.change.word(), i.text))
                .collect()
        })
        .unwrap_or_default();
    let mut edits = edits;
    let steps = app.session.history.undo_len();
    if steps > 0 {
        edits.insert(
            0,
            format!(
                "{steps} edit{} in the screen (actions, statuses, discussed gaps, ratings)",
                if steps == 1 { "" } else { "s" }
            ),
        );
    }
    Ok(minutes::write(&Meeting {
        org: &app.org,
        now: &now,
        planned: &planned,
        planned_org: &planned_org,
        date: day,
        edits: Some(&edits),
    }))
}

/// The minutes key: asks the loop to write the minutes, or says why it cannot.
pub fn write(app: &mut App) -> Vec<Effect> {
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

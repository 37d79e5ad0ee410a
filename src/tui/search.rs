//! The search line. In the graph and matrix, typed text selects the best matching unit as it
//! grows; in the gap list, it filters the list live (pair names, kind, explanation).

use super::app::{App, View};
use super::line::{LineEdit, LineEditor};
use super::modal::Modal;

/// State of the search line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchState {
    line: LineEditor,
    /// Matching units, best first (units search).
    matches: Vec<usize>,
    /// Which match is selected.
    current: usize,
    /// Selection before the search, restored on cancel.
    before: usize,
    /// Filtering the gap list (else searching units); the filter before, restored on cancel.
    gaps_before: Option<String>,
}

impl SearchState {
    /// What has been typed.
    pub fn query(&self) -> &str {
        self.line.text()
    }

    /// The line being edited.
    pub fn line(&self) -> &LineEditor {
        &self.line
    }

    /// Matching units, best first.
    pub fn matches(&self) -> &[usize] {
        &self.matches
    }

    /// Which match is selected.
    pub fn current(&self) -> usize {
        self.current
    }

    /// Whether the line filters the gap list.
    pub fn filters_gaps(&self) -> bool {
        self.gaps_before.is_some()
    }
}

fn state(app: &mut App) -> Option<&mut SearchState> {
    match &mut app.modal {
        Some(Modal::Search(s)) => Some(s),
        _ => None,
    }
}

/// Opens the search line: a unit search, or the gap list's filter (starting from the current
/// filter text).
pub fn open(app: &mut App) {
    let in_gaps = app.view == View::Gaps;
    let current = app.gap_list.query().to_string();
    app.modal = Some(Modal::Search(SearchState {
        line: if in_gaps {
            let mut l = LineEditor::new();
            current.chars().for_each(|c| {
                l.apply(LineEdit::Insert(c));
            });
            l
        } else {
            LineEditor::new()
        },
        before: app.selected,
        gaps_before: in_gaps.then_some(current),
        ..SearchState::default()
    }));
}

/// Edits the search line and follows the new text.
pub fn edit(app: &mut App, e: LineEdit) {
    if let Some(s) = state(app) {
        s.line.apply(e);
    }
    refresh_search(app);
}

/// Enter: keeps the match (or the filter) and closes the line.
pub fn accept(app: &mut App) {
    if let Some(Modal::Search(s)) = app.modal.take()
        && s.gaps_before.is_none()
        && s.matches.is_empty()
        && !s.query().is_empty()
    {
        app.message = Some(format!(
            "no unit matches \"{}\"",
            crate::text::clean(s.query())
        ));
    }
}

/// Esc: gives up, restoring the selection (or the gap list's filter) from before.
pub fn cancel(app: &mut App) {
    if let Some(Modal::Search(s)) = app.modal.take() {
        match s.gaps_before {
            Some(q) => {
                app.gap_list.set_query(&q);
                refilter(app);
            }
            None => super::update::select_unit(app, s.before),
        }
    }
}

/// Next or previous match.
pub fn step(app: &mut App, forward: bool) {
    let Some(s) = state(app) else { return };
    if s.matches.is_empty() {
        return;
    }
    let k = s.matches.len();
    s.current = if forward {
        (s.current + 1) % k
    } else {
        (s.current + k - 1) % k
    };
    let u = s.matches[s.current];
    super::update::select_unit(app, u);
}

fn refilter(app: &mut App) {
    let gaps = app.gaps().to_vec();
    let visible = app.visible_gaps();
    app.gap_list.refilter(&visible, &gaps, &app.org);
}

/// Follows the typed text: filters the gap list, or selects the best matching unit.
pub fn refresh_search(app: &mut App) {
    let Some(Modal::Search(s)) = &app.modal else {
        return;
    };
    if s.gaps_before.is_some() {
        let q = s.query().to_string();
        app.gap_list.set_query(&q);
        refilter(app);
        return;
    }
    let q = s.query().to_lowercase();
    let before = s.before;
    let d = app.derived.clone();
    let mut hits: Vec<(u8, usize)> = Vec::new();
    if !q.is_empty() {
        for &u in &d.order {
            let label = d.labels[u].to_lowercase();
            let id = app.org.units[u].id.to_lowercase();
            let rank = if label.starts_with(&q) || id.starts_with(&q) {
                0
            } else if label.contains(&q) || id.contains(&q) {
                1
            } else {
                continue;
            };
            hits.push((rank, u));
        }
    }
    hits.sort_by_key(|&(r, u)| (r, d.rank[u]));
    let matches: Vec<usize> = hits.into_iter().map(|(_, u)| u).collect();
    let first = matches.first().copied();
    if let Some(s) = state(app) {
        s.matches = matches;
        s.current = 0;
    }
    super::update::select_unit(app, first.unwrap_or(before));
}

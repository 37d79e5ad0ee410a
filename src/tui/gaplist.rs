//! State of the gap list: the cursor, kept on its gap by key (never by row number) across
//! recomputes, and the filters (text, kind, the selected unit's gaps).

use crate::analysis::{Analysis, Gap, GapKind};
use crate::diff::{GapKey, gap_key};
use crate::model::Org;

use super::derived::Derived;

/// Which kinds of gap the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KindFilter {
    /// Every gap.
    #[default]
    All,
    /// Gaps against targets: below target and missing tie.
    Target,
    /// One-sided ratings (perception gaps).
    OneSided,
    /// Gaps of the structure: isolated units, silos, single points of contact.
    Structure,
}

impl KindFilter {
    /// The next filter in the cycle.
    pub fn next(self) -> KindFilter {
        match self {
            KindFilter::All => KindFilter::Target,
            KindFilter::Target => KindFilter::OneSided,
            KindFilter::OneSided => KindFilter::Structure,
            KindFilter::Structure => KindFilter::All,
        }
    }

    /// Its name in the list's title.
    pub fn label(self) -> &'static str {
        match self {
            KindFilter::All => "all kinds",
            KindFilter::Target => "target gaps",
            KindFilter::OneSided => "one-sided",
            KindFilter::Structure => "structure",
        }
    }

    /// Whether a gap kind passes.
    pub fn admits(self, k: GapKind) -> bool {
        match self {
            KindFilter::All => true,
            KindFilter::Target => matches!(k, GapKind::BelowTarget | GapKind::MissingTie),
            KindFilter::OneSided => k == GapKind::Asymmetric,
            KindFilter::Structure => {
                matches!(k, GapKind::Isolated | GapKind::Silo | GapKind::SinglePoint)
            }
        }
    }
}

/// The minimum severities `v` cycles through (0: no severity filter).
pub const SEVERITY_STEPS: [f64; 4] = [0.0, 0.25, 0.5, 0.75];

/// The gap list's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GapList {
    /// Row of the cursor in the filtered list.
    cursor: usize,
    /// The key of the gap under the cursor, to find it again after a recompute.
    key: Option<GapKey>,
    /// Live text filter (pair names, kind, explanation), lower case.
    query: String,
    /// Kinds shown.
    kind: KindFilter,
    /// Only the gaps of this unit (by id).
    unit: Option<String>,
    /// Only gaps at least this severe (0: every gap); one of [`SEVERITY_STEPS`].
    min_severity: f64,
    /// The first row on screen at the last frame. The frame moves it (it knows the height),
    /// hence a `Cell`: drawing stays `&App`.
    top: std::cell::Cell<usize>,
}

/// The words a gap is found by: its kind, its units' names, its explanation, lower case.
fn haystack(g: &Gap, d: &Derived) -> String {
    let name = |u: usize| d.labels.get(u).map_or("", String::as_str);
    format!(
        "{} {} {} {} {} {}",
        crate::tui::view::gaps::kind_words(g.kind),
        g.kind.as_str().replace('_', " "),
        name(g.from),
        g.to.map_or("", name),
        g.group.as_deref().unwrap_or(""),
        g.explanation
    )
    .to_lowercase()
}

impl GapList {
    /// Indices (into `gaps`) of the gaps the filters let through, in the analysis' order.
    pub fn visible(&self, gaps: &[Gap], org: &Org, d: &Derived) -> Vec<usize> {
        let unit = self
            .unit
            .as_deref()
            .and_then(|id| org.units.iter().position(|u| u.id == id));
        gaps.iter()
            .enumerate()
            .filter(|(_, g)| self.kind.admits(g.kind))
            // The analysis rounds nothing: a tolerance keeps 0.5 when the sums give 0.4999….
            .filter(|(_, g)| g.severity >= self.min_severity - 1e-9)
            .filter(|(_, g)| match (&self.unit, unit) {
                (None, _) => true,
                (Some(_), Some(u)) => g.from == u || g.to == Some(u),
                (Some(_), None) => false,
            })
            .filter(|(_, g)| self.query.is_empty() || haystack(g, d).contains(&self.query))
            .map(|(i, _)| i)
            .collect()
    }

    /// Row of the cursor in the filtered list.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The first row on screen when `rows` fit and the filtered list has `n` gaps: the list
    /// scrolls as an editor does (`tui::scroll::follow`), so a move that scrolls shifts the
    /// rows by one instead of drawing a new page.
    pub fn window(&self, rows: usize, n: usize) -> usize {
        let top = super::scroll::follow(self.top.get(), self.cursor, rows, n);
        self.top.set(top);
        top
    }

    /// The gap under the cursor: its index in `gaps`.
    pub fn current(&self, visible: &[usize]) -> Option<usize> {
        visible.get(self.cursor).copied()
    }

    /// Whether any filter is on.
    pub fn filtered(&self) -> bool {
        !self.query.is_empty()
            || self.kind != KindFilter::All
            || self.min_severity > 0.0
            || self.unit.is_some()
    }

    /// The filters in words, for the list's title ("kind: target gaps · text: sec").
    pub fn describe(&self, org: &Org, d: &Derived) -> String {
        let mut parts = Vec::new();
        if self.kind != KindFilter::All {
            parts.push(format!("kind: {}", self.kind.label()));
        }
        if self.min_severity > 0.0 {
            parts.push(format!("severity ≥ {:.2}", self.min_severity));
        }
        if let Some(id) = &self.unit {
            let name = org
                .units
                .iter()
                .position(|u| &u.id == id)
                .and_then(|u| d.labels.get(u).cloned())
                .unwrap_or_else(|| crate::text::clean(id));
            parts.push(format!("unit: {name}"));
        }
        if !self.query.is_empty() {
            parts.push(format!("text: \"{}\"", crate::text::clean(&self.query)));
        }
        parts.join(" · ")
    }

    /// Puts the cursor on a row (clamped) and remembers its gap's key.
    pub fn put(&mut self, row: usize, visible: &[usize], gaps: &[Gap], org: &Org) {
        self.cursor = row.min(visible.len().saturating_sub(1));
        self.key = self
            .current(visible)
            .and_then(|i| gaps.get(i))
            .and_then(|g| gap_key(org, g));
    }

    /// Sets the text filter; the cursor goes to the first match.
    pub fn set_query(&mut self, q: &str) {
        self.query = q.to_lowercase();
        self.cursor = 0;
        self.key = None;
    }

    /// The text filter as typed (lower case).
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The next kind filter; returns it.
    pub fn cycle_kind(&mut self) -> KindFilter {
        self.kind = self.kind.next();
        self.kind
    }

    /// The next minimum severity of [`SEVERITY_STEPS`] (after the last: none); returns it.
    pub fn cycle_severity(&mut self) -> f64 {
        let at = SEVERITY_STEPS
            .iter()
            .position(|&s| s == self.min_severity)
            .unwrap_or(0);
        self.min_severity = SEVERITY_STEPS[(at + 1) % SEVERITY_STEPS.len()];
        self.min_severity
    }

    /// The minimum severity shown (0: every gap).
    pub fn min_severity(&self) -> f64 {
        self.min_severity
    }

    /// Shows only the gaps of a unit (by id), or all again with `None`.
    pub fn only_unit(&mut self, id: Option<String>) {
        self.unit = id;
    }

    /// The unit filter's unit id.
    pub fn unit(&self) -> Option<&str> {
        self.unit.as_deref()
    }

    /// Clears every filter; returns whether one was on.
    pub fn clear(&mut self) -> bool {
        let was = self.filtered();
        self.query.clear();
        self.kind = KindFilter::All;
        self.min_severity = 0.0;
        self.unit = None;
        was
    }

    /// After the filters changed: the cursor stays on its gap if it is still listed, else
    /// goes to the first row.
    pub fn refilter(&mut self, visible: &[usize], gaps: &[Gap], org: &Org) {
        let row = self
            .key
            .as_ref()
            .and_then(|k| {
                visible
                    .iter()
                    .position(|&i| gaps.get(i).and_then(|g| gap_key(org, g)).as_ref() == Some(k))
            })
            .unwrap_or(0);
        self.put(row, visible, gaps, org);
    }

    /// A new analysis arrived: the cursor follows its gap by key. When the gap is gone
    /// (closed by an edit), the cursor stays at its row (the neighbour) and the returned note
    /// says so.
    pub fn follow(
        &mut self,
        before: Option<&Analysis>,
        now: &Analysis,
        org: &Org,
        d: &Derived,
    ) -> Option<String> {
        let visible = self.visible(&now.gaps, org, d);
        let Some(key) = self.key.clone() else {
            self.put(self.cursor, &visible, &now.gaps, org);
            return None;
        };
        let found = visible
            .iter()
            .position(|&i| now.gaps.get(i).and_then(|g| gap_key(org, g)).as_ref() == Some(&key));
        match found {
            Some(row) => {
                self.put(row, &visible, &now.gaps, org);
                None
            }
            None => {
                self.put(self.cursor, &visible, &now.gaps, org);
                // Another initiative has other gaps: nothing closed.
                let same_scope = before.is_some_and(|b| b.initiative == now.initiative);
                let what = match (&key.2, key.1.is_empty()) {
                    (Some(b), _) => {
                        format!("{} and {}", label_of(org, d, &key.1), label_of(org, d, b))
                    }
                    (None, false) => label_of(org, d, &key.1),
                    (None, true) => key
                        .3
                        .clone()
                        .map(|g| format!("group {}", crate::text::clean(&g)))
                        .unwrap_or_default(),
                };
                same_scope.then(|| {
                    format!(
                        "the {} gap of {what} closed; the cursor moved to its neighbour",
                        crate::tui::view::gaps::kind_words(key.0)
                    )
                })
            }
        }
    }
}

fn label_of(org: &Org, d: &Derived, id: &str) -> String {
    org.units
        .iter()
        .position(|u| u.id == id)
        .and_then(|u| d.labels.get(u).cloned())
        .unwrap_or_else(|| crate::text::clean(id))
}

//! What changed between two snapshots of one org (e.g. two quarters): units, ties, targets,
//! and above all gaps opened, closed, widened and narrowed, with metric deltas.
//!
//! Pure: it compares two already analysed documents; rendering is in [`render`].
//! Units are matched by id, ties by ordered pair (directed files) or unordered pair, targets
//! by unordered pair and initiative, gaps by kind, pair (or unit, or group) and initiative.
//! Strengths, minimums and severities are compared normalized, so two snapshots on
//! different scales still compare.

mod actions;
mod changes;
pub(crate) use actions::line as action_line;
pub(crate) use changes::{GapKey, gap_key, gaps_by_key};
pub mod render;

use crate::analysis::{Analysis, GapKind};
use crate::model::{ActionStatus, Org, Scale};

pub use changes::diff;

/// One analysed document.
#[derive(Debug, Clone, Copy)]
pub struct Snapshot<'a> {
    /// The document.
    pub org: &'a Org,
    /// Its analysis (under the initiative being compared).
    pub analysis: &'a Analysis,
}

/// Values closer than this are equal.
pub const EPSILON: f64 = 1e-9;

/// A tie present in one or both snapshots. Values are on each file's own scale;
/// `old_s`/`new_s` are normalized.
#[derive(Debug, Clone, PartialEq)]
pub struct TieChange {
    /// The rating unit (directed) or the smaller id of the pair.
    pub from: String,
    /// The rated unit or the larger id.
    pub to: String,
    /// Old strength on the old scale.
    pub old: Option<f64>,
    /// New strength on the new scale.
    pub new: Option<f64>,
    /// Old normalized strength.
    pub old_s: Option<f64>,
    /// New normalized strength.
    pub new_s: Option<f64>,
}

/// A target present in one or both snapshots.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetChange {
    /// Smaller id of the pair.
    pub from: String,
    /// Larger id of the pair.
    pub to: String,
    /// The target's initiative; `None` for a baseline target.
    pub initiative: Option<String>,
    /// Old minimum on the old scale.
    pub old: Option<f64>,
    /// New minimum on the new scale.
    pub new: Option<f64>,
    /// Old normalized minimum.
    pub old_s: Option<f64>,
    /// New normalized minimum.
    pub new_s: Option<f64>,
}

/// A gap present in one or both snapshots.
#[derive(Debug, Clone, PartialEq)]
pub struct GapChange {
    /// The kind of gap.
    pub kind: GapKind,
    /// The unit, or the smaller id of the pair.
    pub from: String,
    /// The larger id of a pair gap.
    pub to: Option<String>,
    /// The group of a silo gap.
    pub group: Option<String>,
    /// The initiative of the target behind the gap.
    pub initiative: Option<String>,
    /// Old severity.
    pub old: Option<f64>,
    /// New severity.
    pub new: Option<f64>,
    /// The explanation of the newer state (the old one for closed gaps).
    pub explanation: String,
}

impl GapChange {
    /// New severity minus old (a missing side counts as 0).
    pub fn delta(&self) -> f64 {
        self.new.unwrap_or(0.0) - self.old.unwrap_or(0.0)
    }
}

/// An action added, done, changed or removed between the snapshots.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionChange {
    /// Smaller id of the pair.
    pub from: String,
    /// Larger id of the pair.
    pub to: String,
    /// The action's initiative.
    pub initiative: Option<String>,
    /// What is to be done.
    pub what: String,
    /// The owner (the newer one when both exist).
    pub owner: Option<String>,
    /// Status in OLD (`None`: absent).
    pub old_status: Option<ActionStatus>,
    /// Status in NEW (`None`: absent).
    pub new_status: Option<ActionStatus>,
    /// Members that changed: `owner`, `due`, `status`, `decided`, `expect`, `note`.
    pub fields: Vec<&'static str>,
}

/// A unit present in both snapshots whose metrics moved.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitDelta {
    /// The unit id.
    pub id: String,
    /// Old and new betweenness.
    pub betweenness: (f64, f64),
    /// Old and new strength (sum of normalized pair strengths).
    pub strength: (f64, f64),
}

/// A group whose E-I index changed (or that appeared or disappeared).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupDelta {
    /// The group name.
    pub group: String,
    /// Old E-I index: `None` when the group was absent, `Some(None)` when undefined.
    pub old: Option<Option<f64>>,
    /// New E-I index, likewise.
    pub new: Option<Option<f64>>,
}

/// Everything that changed. Lists are sorted: ids by id, gaps by how much they matter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diff {
    /// The old and new scale, when they differ.
    pub scale: Option<(Scale, Scale)>,
    /// The old and new `directed`, when they differ (ties are then compared as pairs).
    pub directed: Option<(bool, bool)>,
    /// Ids of units only in the new snapshot.
    pub units_added: Vec<String>,
    /// Ids of units only in the old snapshot.
    pub units_removed: Vec<String>,
    /// Ties only in the new snapshot.
    pub ties_added: Vec<TieChange>,
    /// Ties only in the old snapshot.
    pub ties_removed: Vec<TieChange>,
    /// Ties in both whose normalized strength changed.
    pub ties_reweighted: Vec<TieChange>,
    /// Targets only in the new snapshot.
    pub targets_added: Vec<TargetChange>,
    /// Targets only in the old snapshot.
    pub targets_removed: Vec<TargetChange>,
    /// Targets in both whose minimum changed.
    pub targets_changed: Vec<TargetChange>,
    /// Gaps only in the new snapshot, most severe first.
    pub gaps_opened: Vec<GapChange>,
    /// Gaps only in the old snapshot, most severe first.
    pub gaps_closed: Vec<GapChange>,
    /// Gaps in both that became more severe, largest change first.
    pub gaps_widened: Vec<GapChange>,
    /// Gaps in both that became less severe, largest change first.
    pub gaps_narrowed: Vec<GapChange>,
    /// Units in both whose betweenness or strength moved, most moved first.
    pub movers: Vec<UnitDelta>,
    /// Groups whose E-I index changed, by name.
    pub groups: Vec<GroupDelta>,
    /// Actions only in NEW.
    pub actions_added: Vec<ActionChange>,
    /// Actions in both that became done.
    pub actions_done: Vec<ActionChange>,
    /// Actions in both with another owner, due date, status (other than done), decided
    /// date, expect or note.
    pub actions_changed: Vec<ActionChange>,
    /// Actions only in OLD.
    pub actions_removed: Vec<ActionChange>,
}

impl Diff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.scale.is_none()
            && self.directed.is_none()
            && self.units_added.is_empty()
            && self.units_removed.is_empty()
            && self.ties_added.is_empty()
            && self.ties_removed.is_empty()
            && self.ties_reweighted.is_empty()
            && self.targets_added.is_empty()
            && self.targets_removed.is_empty()
            && self.targets_changed.is_empty()
            && self.gaps_opened.is_empty()
            && self.gaps_closed.is_empty()
            && self.gaps_widened.is_empty()
            && self.gaps_narrowed.is_empty()
            && self.movers.is_empty()
            && self.groups.is_empty()
            && self.actions_added.is_empty()
            && self.actions_done.is_empty()
            && self.actions_changed.is_empty()
            && self.actions_removed.is_empty()
    }
}

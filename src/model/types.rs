//! The org document: plain data types for org file format 1 (docs/format.md).

pub use super::extra::Extra;

/// The rating scale that tie strengths and target minimums use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// Lowest rating ("no collaboration").
    pub min: f64,
    /// Highest rating.
    pub max: f64,
}

impl Default for Scale {
    fn default() -> Self {
        Scale { min: 0.0, max: 1.0 }
    }
}

impl Scale {
    /// Maps a value on the scale to [0, 1].
    pub fn normalize(&self, value: f64) -> f64 {
        ((value - self.min) / (self.max - self.min)).clamp(0.0, 1.0)
    }

    /// Maps a normalized value in [0, 1] back to the scale.
    pub fn denormalize(&self, s: f64) -> f64 {
        self.min + s * (self.max - self.min)
    }

    /// Whether a value lies inside the scale, bounds included.
    pub fn contains(&self, value: f64) -> bool {
        value.is_finite() && value >= self.min && value <= self.max
    }
}

/// The value of a unit attribute.
#[derive(Debug, Clone, PartialEq)]
pub enum AttrValue {
    /// A text attribute.
    Text(String),
    /// A numeric attribute (finite).
    Number(f64),
    /// A yes/no attribute.
    Bool(bool),
}

impl std::fmt::Display for AttrValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AttrValue::Text(s) => f.write_str(s),
            AttrValue::Number(n) => write!(f, "{n}"),
            AttrValue::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// A node of the org: a department, team or person.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Unit {
    /// Unique, non-empty id used by ties and targets.
    pub id: String,
    /// Display name; `None` means the id is shown.
    pub name: Option<String>,
    /// Department or division the unit belongs to.
    pub group: Option<String>,
    /// Head count or similar size measure.
    pub size: Option<u64>,
    /// Free attributes, in file order.
    pub attrs: Vec<(String, AttrValue)>,
    /// `x-` keys of the unit object.
    pub extra: Extra,
}

impl Unit {
    /// The name to show: `name`, or the id when there is none.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }
}

/// Observed collaboration: one party's rating of the other (directed files) or of the pair.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tie {
    /// Rating unit (directed) or one end of the pair.
    pub from: String,
    /// Rated unit (directed) or the other end.
    pub to: String,
    /// Rating on the file's scale; `None` is `strength: null`, an unknown rating (withheld,
    /// skipped): never an edge and never counted as 0.
    pub strength: Option<f64>,
    /// Free text, e.g. where the rating came from.
    pub note: Option<String>,
    /// `x-` keys of the tie object.
    pub extra: Extra,
}

/// The collaboration an unordered pair needs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Target {
    /// One end of the pair.
    pub from: String,
    /// The other end of the pair.
    pub to: String,
    /// Minimum pair strength, on the file's scale.
    pub min: f64,
    /// The initiative this target belongs to; `None` is a baseline target.
    pub initiative: Option<String>,
    /// Why the pair needs this.
    pub why: Option<String>,
    /// `x-` keys of the target object.
    pub extra: Extra,
}

/// A named set of targets, e.g. "AI rollout".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Initiative {
    /// Unique id that targets refer to.
    pub id: String,
    /// Display name.
    pub name: Option<String>,
    /// What the initiative is about.
    pub description: Option<String>,
    /// `x-` keys of the initiative object.
    pub extra: Extra,
}

impl Initiative {
    /// The name to show: `name`, or the id when there is none.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }
}

/// A whole org file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Org {
    /// Shown in the title bar and reports.
    pub title: Option<String>,
    /// Rating scale of strengths and minimums.
    pub scale: Scale,
    /// `x-` keys of the scale object.
    pub scale_extra: Extra,
    /// Whether ties are one party's rating of the other.
    pub directed: bool,
    /// The nodes.
    pub units: Vec<Unit>,
    /// Observed collaboration.
    pub ties: Vec<Tie>,
    /// Needed collaboration.
    pub targets: Vec<Target>,
    /// Named sets of targets.
    pub initiatives: Vec<Initiative>,
    /// What reviews decided to do about pairs.
    pub actions: Vec<Action>,
    /// The meetings in which the gaps were reviewed.
    pub reviews: Vec<Review>,
    /// Top-level `x-` keys.
    pub extra: Extra,
}

impl Org {
    /// Map from unit id to its index in `units`.
    pub fn unit_index(&self) -> std::collections::HashMap<&str, usize> {
        self.units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.as_str(), i))
            .collect()
    }

    /// The unit with this id.
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The initiative with this id.
    pub fn initiative(&self, id: &str) -> Option<&Initiative> {
        self.initiatives.iter().find(|i| i.id == id)
    }

    /// Normalized strength `s` in [0, 1] of a value on this org's scale.
    pub fn normalize(&self, value: f64) -> f64 {
        self.scale.normalize(value)
    }

    /// Distinct groups in sorted order.
    pub fn groups(&self) -> Vec<&str> {
        let mut g: Vec<&str> = self
            .units
            .iter()
            .filter_map(|u| u.group.as_deref())
            .collect();
        g.sort_unstable();
        g.dedup();
        g
    }
}

pub use super::review_types::{Action, ActionStatus, Date, Review};

//! Headless reports of an analysis: text for a terminal, Markdown notes, JSON, CSV.
//!
//! Every format shows the same gap list: all gaps, or those left after `--min-severity`
//! and `--top` (see docs/report.md). Output order is deterministic.

pub mod csv;
pub mod discussed;
pub mod json;
pub mod markdown;
pub mod minutes;
pub mod text;

use std::io::{self, Write};

use crate::analysis::needs::number;
use crate::analysis::plan;
use crate::analysis::{Analysis, Gap};
use crate::model::{ActionStatus, Date, Org};

/// Output formats of `gapscope report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable table for a terminal.
    Text,
    /// Meeting notes to paste: headings and tables.
    Markdown,
    /// The JSON report (docs/report.md, version 1).
    Json,
    /// The gap list, one row per gap (RFC 4180).
    Csv,
}

/// Which gaps a report shows, and how.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// Show at most this many gaps (the most severe).
    pub top: Option<usize>,
    /// Show only gaps at least this severe.
    pub min_severity: Option<f64>,
    /// Use ANSI colours in text output.
    pub color: bool,
    /// The analysis is of the org as planned (`--plan`): every open action with an
    /// `expect` assumed reached.
    pub plan: bool,
    /// The day against which actions are overdue; `None`: none is marked overdue.
    pub today: Option<Date>,
}

/// A document, its analysis and the gaps to show.
#[derive(Debug)]
pub struct Report<'a> {
    /// The document.
    pub org: &'a Org,
    /// Its analysis.
    pub analysis: &'a Analysis,
    /// The gaps shown, in report order.
    pub gaps: Vec<&'a Gap>,
    /// How the report was asked for.
    pub settings: Settings,
}

/// Whether a severity reaches a threshold the user typed (`--min-severity`, `--fail-on`).
///
/// Severities are differences of normalized values, so one that is 0.4 on paper can be
/// 0.39999999999999997 in floating point; the report prints it as 0.40, and a user who asks
/// for 0.4 means it. Values within 1e-9 of the threshold therefore count as reaching it.
pub fn reaches(severity: f64, threshold: f64) -> bool {
    severity >= threshold - 1e-9
}

impl<'a> Report<'a> {
    /// Selects the gaps to show: severity at least `min_severity`, then the first `top`.
    pub fn new(org: &'a Org, analysis: &'a Analysis, settings: Settings) -> Report<'a> {
        let floor = settings.min_severity.unwrap_or(f64::NEG_INFINITY);
        let gaps = analysis
            .gaps
            .iter()
            .filter(|g| reaches(g.severity, floor))
            .take(settings.top.unwrap_or(usize::MAX))
            .collect();
        Report {
            org,
            analysis,
            gaps,
            settings,
        }
    }

    /// The id of a unit.
    pub fn id(&self, u: usize) -> &'a str {
        &self.org.units[u].id
    }

    /// The display name of a unit, as in the file (clean it before showing it).
    pub fn name(&self, u: usize) -> &'a str {
        self.org.units[u].label()
    }

    /// The title of the document, or a neutral default.
    pub fn title(&self) -> &'a str {
        self.org.title.as_deref().unwrap_or("Untitled org")
    }

    /// What the targets cover: "all targets" or the initiative's name and id.
    pub fn scope(&self) -> String {
        match &self.analysis.initiative {
            None => "all targets (baseline and every initiative)".into(),
            Some(id) => match self.org.initiative(id) {
                Some(i) if i.name.is_some() => format!("{} ({id}) and baseline", i.label()),
                _ => format!("{id} and baseline"),
            },
        }
    }

    /// Units with the highest betweenness (above 0), at most `k`, ties by id.
    pub fn brokers(&self, k: usize) -> Vec<usize> {
        let mut list: Vec<usize> = self
            .analysis
            .by_id
            .iter()
            .copied()
            .filter(|&u| self.analysis.nodes[u].betweenness > 0.0)
            .collect();
        list.sort_by(|&a, &b| {
            let (x, y) = (&self.analysis.nodes[a], &self.analysis.nodes[b]);
            y.betweenness.total_cmp(&x.betweenness)
        });
        list.truncate(k);
        list
    }

    /// Says when the brokers' betweenness is an estimate (sampled sources), for the heading.
    pub fn betweenness_note(&self) -> String {
        match self.analysis.betweenness {
            crate::analysis::BetweennessDone::Sampled(k) => {
                format!(", estimated from {k} sampled sources")
            }
            _ => String::new(),
        }
    }

    /// "7 units, 24 ties, 12 edges (directed), density 0.57, reciprocity 0.96".
    pub fn size_line(&self) -> String {
        let a = self.analysis;
        let kind = if a.network.directed {
            "directed"
        } else {
            "undirected"
        };
        let mut line = format!(
            "{}, {}, {} ({kind}), density {}",
            count(self.org.units.len(), "unit", "units"),
            count(self.org.ties.len(), "tie", "ties"),
            count(a.network.pairs.len(), "edge", "edges"),
            number(a.density)
        );
        if let Some(rec) = a.reciprocity {
            line.push_str(&format!(", reciprocity {}", number(rec)));
        }
        line
    }

    /// "1 component (largest 7 units), 0 bridges, 0 articulation points, 2 communities
    /// (modularity 0.13)".
    pub fn structure_line(&self) -> String {
        let a = self.analysis;
        let largest = a.components.first().map_or(0, Vec::len);
        let mut line = format!(
            "{} (largest {}), {}, {}, {}",
            count(a.components.len(), "component", "components"),
            count(largest, "unit", "units"),
            count(a.bridges.len(), "bridge", "bridges"),
            count(
                a.articulation_points.len(),
                "articulation point",
                "articulation points"
            ),
            count(a.communities.members.len(), "community", "communities"),
        );
        if let Some(q) = a.communities.modularity {
            line.push_str(&format!(" (modularity {})", number(q)));
        }
        line
    }

    /// REPORT.md's `actions` of a gap: indices into the file's actions.
    pub fn actions_of(&self, gap: &Gap) -> Vec<usize> {
        plan::gap_actions(self.org, gap)
    }

    /// Whether an action is open and overdue on the report's day.
    pub fn overdue(&self, i: usize) -> bool {
        match (self.settings.today, self.org.actions.get(i)) {
            (Some(today), Some(a)) => a.overdue(today),
            _ => false,
        }
    }

    /// One action for a person, uncleaned: `what (owner, due 2026-12-15, open, overdue)`.
    pub fn action_line(&self, i: usize) -> String {
        let Some(a) = self.org.actions.get(i) else {
            return String::new();
        };
        let mut parts: Vec<String> = Vec::new();
        if let Some(o) = &a.owner {
            parts.push(o.clone());
        }
        if let Some(d) = a.due {
            parts.push(format!("due {d}"));
        }
        if let Some(x) = a.expect {
            let shown = crate::analysis::needs::ScaleFmt::new(self.org).show(self.org.normalize(x));
            parts.push(format!("expect {shown}"));
        }
        parts.push(a.status().as_str().to_string());
        if self.overdue(i) {
            parts.push("OVERDUE".into());
        }
        format!("{} ({})", a.what, parts.join(", "))
    }

    /// The open actions, overdue ones first (file order within each), and how many are
    /// overdue.
    pub fn open_actions(&self) -> (Vec<usize>, usize) {
        let list = match self.settings.today {
            Some(today) => plan::open_actions(self.org, today),
            None => (0..self.org.actions.len())
                .filter(|&i| self.org.actions[i].status() == ActionStatus::Open)
                .collect(),
        };
        let late = list.iter().filter(|&&i| self.overdue(i)).count();
        (list, late)
    }

    /// The pair of an action by id: "a – b".
    pub fn action_pair(&self, i: usize) -> String {
        self.org
            .actions
            .get(i)
            .map(|a| format!("{} – {}", a.from, a.to))
            .unwrap_or_default()
    }

    /// The line that says the report is of the plan, when it is.
    pub fn plan_line(&self) -> Option<String> {
        self.settings.plan.then(|| {
            let n = self.org.actions.iter().filter(|a| plan::counts(a)).count();
            format!(
                "Plan: the org as if {} reached {} expected strength",
                count(n, "open action", "open actions"),
                if n == 1 { "its" } else { "their" }
            )
        })
    }

    /// The pair or unit a gap is about, by id: "a – b", "a", or "group G".
    pub fn subject_ids(&self, gap: &Gap) -> String {
        match (&gap.group, gap.to) {
            (Some(g), _) => format!("group {g}"),
            (None, Some(to)) => format!("{} – {}", self.id(gap.from), self.id(to)),
            (None, None) => self.id(gap.from).to_string(),
        }
    }
}

/// Writes the report in a format.
pub fn write(format: Format, report: &Report, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Text => text::write(report, out),
        Format::Markdown => markdown::write(report, out),
        Format::Json => json::write(report, out),
        Format::Csv => csv::write(report, out),
    }
}

/// "1 unit", "2 units": a count with the singular or plural noun.
pub fn count(n: usize, one: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {plural}")
    }
}

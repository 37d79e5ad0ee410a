//! Meeting minutes in Markdown (`gapscope minutes`): the date, who, the initiative, every
//! gap with its actions, the open and overdue actions, and the gaps the plan closes.
//!
//! Pure: the org, its analysis now and with the plan, and the meeting's date come in; text
//! comes out. File text is cleaned and escaped as in the Markdown report.

use std::fmt::Write as _;

use super::discussed;
use super::markdown::escape;
use crate::analysis::needs::ScaleFmt;
use crate::analysis::{Analysis, Gap, plan};
use crate::diff::{self, Snapshot};
use crate::model::{Date, Org};

/// What the minutes are of.
#[derive(Debug)]
pub struct Meeting<'a> {
    /// The document.
    pub org: &'a Org,
    /// Its analysis under the chosen initiative.
    pub now: &'a Analysis,
    /// The analysis of the planned org under the same initiative.
    pub planned: &'a Analysis,
    /// The planned org (same units as `org`).
    pub planned_org: &'a Org,
    /// The meeting's date: overdue actions are judged against it.
    pub date: Date,
    /// The edits made in the screen's session (its changes list); `None` from the command
    /// line. With it, the gaps are split into discussed and not reached even when the
    /// meeting recorded none as discussed.
    pub edits: Option<&'a [String]>,
}

impl Meeting<'_> {
    fn name(&self, u: usize) -> String {
        escape(self.org.units[u].label())
    }

    fn subject(&self, g: &Gap) -> String {
        match (&g.group, g.to) {
            (Some(group), _) => format!("group {}", escape(group)),
            (None, Some(to)) => format!("{} – {}", self.name(g.from), self.name(to)),
            (None, None) => self.name(g.from),
        }
    }

    fn initiative_line(&self) -> String {
        match self.now.initiative.as_deref() {
            None => "all targets (baseline and every initiative)".into(),
            Some(id) => match self.org.initiative(id) {
                Some(i) => {
                    let mut s = format!("{} (`{}`)", escape(i.label()), escape(id));
                    if let Some(d) = &i.description {
                        s.push_str(&format!(": {}", escape(d)));
                    }
                    s
                }
                None => escape(id),
            },
        }
    }

    /// The review of the file held on the meeting's date (and initiative, when one is chosen).
    fn review(&self) -> Option<&crate::model::Review> {
        let chosen = self.now.initiative.as_deref();
        self.org.reviews.iter().find(|r| {
            r.date == self.date && (chosen.is_none() || r.initiative.as_deref() == chosen)
        })
    }

    fn action_item(&self, i: usize, fmt: &ScaleFmt) -> String {
        let a = &self.org.actions[i];
        let mut parts = vec![format!(
            "owner {}",
            a.owner.as_deref().map_or("not set".into(), escape)
        )];
        parts.push(match a.due {
            Some(d) => format!("due {d}"),
            None => "no due date".into(),
        });
        if let Some(x) = a.expect {
            parts.push(format!("expect {}", fmt.show(self.org.normalize(x))));
        }
        parts.push(a.status().as_str().into());
        let late = if a.overdue(self.date) {
            " **overdue**"
        } else {
            ""
        };
        format!("#{i} {} ({}){late}", escape(&a.what), parts.join(", "))
    }
}

/// A one-line summary of a review, uncleaned: "AI rollout: 5 gaps, 3 involve CIO office;
/// worst: Chief Data Office – Security (CISO)". The unit named is the one most gaps
/// involve (ties broken by id); "no gaps" when there are none.
pub fn headline(org: &Org, analysis: &Analysis) -> String {
    let scope = match analysis.initiative.as_deref() {
        Some(id) => org.initiative(id).map_or(id, |i| i.label()).to_string(),
        None => "All targets".to_string(),
    };
    let Some(worst) = analysis.gaps.first() else {
        return format!("{scope}: no gaps");
    };
    let mut involved = vec![0usize; org.units.len()];
    for g in analysis.gaps.iter().filter(|g| g.group.is_none()) {
        for u in std::iter::once(g.from).chain(g.to) {
            if let Some(n) = involved.get_mut(u) {
                *n += 1;
            }
        }
    }
    let mut busiest: Option<usize> = None;
    for &u in &analysis.by_id {
        if busiest.is_none_or(|b| involved[u] > involved[b]) {
            busiest = Some(u);
        }
    }
    let n = analysis.gaps.len();
    let mut line = format!("{scope}: {}", super::count(n, "gap", "gaps"));
    if let Some(u) = busiest.filter(|&u| involved[u] > 1) {
        line.push_str(&format!(
            ", {} involve {}",
            involved[u],
            org.units[u].label()
        ));
    }
    let subject = match (&worst.group, worst.to) {
        (Some(group), _) => format!("group {group}"),
        (None, Some(to)) => format!(
            "{} – {}",
            org.units[worst.from].label(),
            org.units[to].label()
        ),
        (None, None) => org.units[worst.from].label().to_string(),
    };
    line.push_str(&format!("; worst: {subject}"));
    line
}

/// Writes the minutes.
pub fn write(m: &Meeting) -> String {
    let fmt = ScaleFmt::new(m.org);
    let mut s = String::new();
    let title = m.org.title.as_deref().unwrap_or("Untitled org");
    let _ = writeln!(s, "# Gap review, {}: {}", m.date, escape(title));
    let _ = writeln!(s);
    let _ = writeln!(s, "{}", escape(&headline(m.org, m.now)));
    let _ = writeln!(s);
    let _ = writeln!(s, "- Date: {}", m.date);
    let who = m
        .review()
        .and_then(|r| r.who.as_ref())
        .filter(|w| !w.is_empty())
        .map_or("not recorded".to_string(), |w| {
            w.iter().map(|x| escape(x)).collect::<Vec<_>>().join(", ")
        });
    let _ = writeln!(s, "- Who: {who}");
    let _ = writeln!(s, "- Initiative: {}", m.initiative_line());
    let _ = writeln!(
        s,
        "- Gaps: {} now, {} with the plan",
        m.now.gaps.len(),
        m.planned.gaps.len()
    );
    if let Some(notes) = m.review().and_then(|r| r.notes.as_deref()) {
        let _ = writeln!(s, "- Notes: {}", escape(notes));
    }
    if let Some(last) = m
        .org
        .reviews
        .iter()
        .filter(|r| r.date < m.date)
        .max_by_key(|r| r.date)
    {
        let _ = writeln!(s, "- Previous review: {}", last.date);
    }

    let discussed: Vec<String> = m.review().map(discussed::listed).unwrap_or_default();
    let split = m.edits.is_some() || !discussed.is_empty();
    if split {
        let talked = |g: &&Gap| discussed::name(m.org, g).is_some_and(|n| discussed.contains(&n));
        let (done, left): (Vec<&Gap>, Vec<&Gap>) = m.now.gaps.iter().partition(talked);
        let _ = writeln!(s, "\n## Discussed ({})\n", done.len());
        gap_items(&mut s, m, &fmt, &done, "None.");
        let _ = writeln!(
            s,
            "\n## Not reached, carried over to the next review ({})\n",
            left.len()
        );
        gap_items(&mut s, m, &fmt, &left, "None: every gap was discussed.");
    } else {
        let _ = writeln!(s, "\n## Gaps and their actions\n");
        let all: Vec<&Gap> = m.now.gaps.iter().collect();
        gap_items(&mut s, m, &fmt, &all, "No gaps.");
    }

    // Under an initiative, the open actions of the pair in general and of that initiative.
    let chosen = m.now.initiative.as_deref();
    let open: Vec<usize> = plan::open_actions(m.org, m.date)
        .into_iter()
        .filter(|&i| {
            let ini = m.org.actions[i].initiative.as_deref();
            chosen.is_none() || ini.is_none() || ini == chosen
        })
        .collect();
    let late = open
        .iter()
        .filter(|&&i| m.org.actions[i].overdue(m.date))
        .count();
    let _ = writeln!(
        s,
        "\n## Open actions ({} open, {late} overdue)\n",
        open.len()
    );
    if open.is_empty() {
        let _ = writeln!(s, "None.");
    }
    for i in open {
        let a = &m.org.actions[i];
        let pair = match (m.org.unit(&a.from), m.org.unit(&a.to)) {
            (Some(x), Some(y)) => format!("{} – {}", escape(x.label()), escape(y.label())),
            _ => format!("{} – {}", escape(&a.from), escape(&a.to)),
        };
        let _ = writeln!(s, "- {pair}: {}", m.action_item(i, &fmt));
    }

    let d = diff::diff(
        Snapshot {
            org: m.org,
            analysis: m.now,
        },
        Snapshot {
            org: m.planned_org,
            analysis: m.planned,
        },
    );
    let _ = writeln!(s, "\n## Gaps the plan closes ({})\n", d.gaps_closed.len());
    let _ = writeln!(
        s,
        "If every open action reaches its expected strength (`gapscope report --plan`):\n"
    );
    if d.gaps_closed.is_empty() {
        let _ = writeln!(s, "- none");
    }
    for g in &d.gaps_closed {
        let _ = writeln!(s, "- {}", change_line(m, g, None));
    }
    if !d.gaps_narrowed.is_empty() {
        let _ = writeln!(s, "\nNarrowed, not closed:\n");
        for g in &d.gaps_narrowed {
            let _ = writeln!(s, "- {}", change_line(m, g, g.new));
        }
    }
    if let Some(edits) = m.edits {
        let _ = writeln!(s, "\n## Edits in this session ({})\n", edits.len());
        if edits.is_empty() {
            let _ = writeln!(s, "None.");
        }
        for e in edits {
            let _ = writeln!(s, "- {}", escape(e));
        }
    }
    s
}

/// The numbered gaps with their explanation and actions.
fn gap_items(s: &mut String, m: &Meeting, fmt: &ScaleFmt, gaps: &[&Gap], none: &str) {
    if gaps.is_empty() {
        let _ = writeln!(s, "{none}");
    }
    for (k, g) in gaps.iter().enumerate() {
        let _ = writeln!(
            s,
            "{}. **{}**: {}, severity {:.2}",
            k + 1,
            m.subject(g),
            g.kind.as_str().replace('_', " "),
            g.severity
        );
        let _ = writeln!(s, "   {}", escape(&g.explanation));
        let actions = plan::gap_actions(m.org, g);
        if actions.is_empty() && g.to.is_some() {
            let _ = writeln!(s, "   - no action yet");
        }
        for i in actions {
            let _ = writeln!(s, "   - action {}", m.action_item(i, fmt));
        }
    }
}

/// A gap change by unit names: "A – B: missing tie (severity 0.80)", or "… 0.80 → 0.20".
fn change_line(m: &Meeting, g: &diff::GapChange, new: Option<f64>) -> String {
    let label = |id: &str| escape(m.org.unit(id).map_or(id, |u| u.label()));
    let subject = match (&g.group, &g.to) {
        (Some(group), _) => format!("group {}", escape(group)),
        (None, Some(to)) => format!("{} – {}", label(&g.from), label(to)),
        (None, None) => label(&g.from),
    };
    let sev = match (g.old, new) {
        (Some(o), Some(n)) => format!("severity {o:.2} → {n:.2}"),
        (Some(o), None) => format!("severity {o:.2}"),
        _ => String::new(),
    };
    format!("{subject}: {} ({sev})", g.kind.as_str().replace('_', " "))
}

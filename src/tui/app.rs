//! The state of the screen: the document, what has been computed, and each view's own state.

use std::collections::HashMap;
use std::sync::Arc;

use crate::analysis::{Analysis, GapKind, Path};
use crate::layout::{self, Point};
use crate::model::{Network, Org};
use crate::text::clean;

use super::derived::Derived;
use super::keymap::Mode;
use super::prompt::Prompt;
use super::session::{Origin, Session};
use super::theme::{Theme, ThemeName};
use super::view::FrameInfo;

/// Orgs with more units than this open in the grouped graph.
pub const GROUP_FIRST_ABOVE: usize = 60;

/// Orgs up to this many units are laid out before the first frame; larger ones in the background.
pub const SYNC_LAYOUT_MAX: usize = 300;

/// The three views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// Node-link graph.
    Graph,
    /// Heat map of ratings.
    Matrix,
    /// Ranked gaps.
    Gaps,
}

impl View {
    /// The keymap mode of the view.
    pub fn mode(self) -> Mode {
        match self {
            View::Graph => Mode::Graph,
            View::Matrix => Mode::Matrix,
            View::Gaps => Mode::Gaps,
        }
    }

    /// The view's name in the title bar.
    pub fn title(self) -> &'static str {
        match self {
            View::Graph => "Graph",
            View::Matrix => "Matrix",
            View::Gaps => "Gaps",
        }
    }
}

/// How the screen starts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// Index of the initiative in `Org::initiatives` (`None`: all targets).
    pub initiative: Option<usize>,
    /// The first view (`None`: the graph).
    pub view: Option<View>,
    /// The theme.
    pub theme: ThemeName,
    /// No box drawing, no braille.
    pub ascii: bool,
    /// Refuse edits (`--read-only`).
    pub read_only: bool,
}

/// What is still being computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// Nothing yet: gaps and metrics are on their way.
    Analysis,
    /// Gaps are in; betweenness is still running.
    Betweenness,
}

/// A node of the graph view: a unit, or a collapsed group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VisNode {
    /// A unit by index.
    Unit(usize),
    /// A group by index into `App::groups`.
    Group(usize),
}

/// State of the graph view.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphState {
    /// One node per group (with some groups expanded) instead of every unit.
    pub grouped: bool,
    /// Per group, whether it shows its units in the grouped view.
    pub expanded: Vec<bool>,
    /// The cursor is on this collapsed group (else on the selected unit).
    pub on_group: Option<usize>,
    /// Ego focus: show only units this many hops from the selection (0: all).
    pub hops: u8,
    /// Ties weaker than `threshold / 5` are hidden.
    pub threshold: u8,
    /// Positions of all units for the ungrouped view; `None` until computed.
    pub layout: Option<Arc<Vec<Point>>>,
    /// Positions of the groups.
    pub group_layout: Vec<Point>,
    /// Positions of units around their group, for expanded groups.
    pub ring_layout: Vec<Point>,
}

/// State of the incremental search line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchState {
    /// What has been typed.
    pub query: String,
    /// Matching units, best first.
    pub matches: Vec<usize>,
    /// Which match is selected.
    pub current: usize,
    /// Selection before the search, restored on cancel.
    pub before: usize,
}

/// Everything the screen shows and remembers.
#[derive(Debug, Clone)]
pub struct App {
    /// The document.
    pub org: Arc<Org>,
    /// Where it came from (shown when the org has no title).
    pub source: String,
    /// Derived network: ratings, pairs.
    pub net: Arc<Network>,
    /// Undirected neighbours with pair strengths.
    pub adj: Vec<Vec<(usize, f64)>>,
    /// Cleaned labels of the units.
    pub labels: Vec<String>,
    /// Cleaned title.
    pub title: String,
    /// Group names (cleaned), sorted; "(no group)" last when some unit has none.
    pub groups: Vec<String>,
    /// Group index of each unit.
    pub unit_group: Vec<usize>,
    /// Units sorted by group then label: the matrix order.
    pub order: Vec<usize>,
    /// Position of each unit in `order`.
    pub rank: Vec<usize>,
    /// Styles.
    pub theme: Theme,
    /// No box drawing, no braille.
    pub ascii: bool,
    /// The view shown.
    pub view: View,
    /// The graph or matrix, whichever was shown last (gap jumps go there).
    pub pair_view: View,
    /// The help overlay is open, scrolled by this many lines.
    pub help: Option<u16>,
    /// The search line is open.
    pub search: Option<SearchState>,
    /// The chosen initiative (index into `Org::initiatives`).
    pub initiative: Option<usize>,
    /// Latest analysis.
    pub analysis: Option<Arc<Analysis>>,
    /// What is still being computed.
    pub pending: Option<Pending>,
    /// Generation of the analysis asked for last; older results are dropped.
    pub generation: u64,
    /// Pair gaps: unordered pair -> index of its worst gap.
    pub pair_gaps: HashMap<(usize, usize), usize>,
    /// Unit gaps (isolated, silo): unit -> index of its worst gap.
    pub unit_gaps: HashMap<usize, usize>,
    /// The selected unit (meaningless when there are no units).
    pub selected: usize,
    /// The other unit of the selected pair.
    pub pair_with: Option<usize>,
    /// Best indirect route of the selected pair, for that pair (`None` inside: no route).
    pub route: Option<((usize, usize), Option<Path>)>,
    /// State of the graph view.
    pub graph: GraphState,
    /// Cursor in the gap list.
    pub gap_cursor: usize,
    /// The detail pane is toggled from its default (shown when wide, hidden when narrow).
    pub detail_toggled: bool,
    /// A message for the status bar.
    pub message: Option<String>,
    /// Animation counter of the spinner.
    pub tick: u64,
    /// What the last frame learned (hit areas, page sizes).
    pub frame: FrameInfo,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// Undo history, saving, recovery and the what-if (see `session`).
    pub session: Session,
    /// An open prompt or dialog (it takes the keys).
    pub prompt: Option<Prompt>,
    /// The list of changed gaps is open, scrolled by this many lines.
    pub changes: Option<u16>,
}

impl App {
    /// Builds the state for an org. Small orgs are laid out here; larger ones later.
    pub fn new(org: Org, source: &str, config: &Config) -> App {
        let d = Derived::of(&org, source);
        let (net, adj, labels, title, groups, unit_group, order, rank) = (
            d.net,
            d.adj,
            d.labels,
            d.title,
            d.groups,
            d.unit_group,
            d.order,
            d.rank,
        );
        let (group_layout, ring_layout) = (d.group_layout, d.ring_layout);
        let n = org.units.len();
        let mut session = Session::new(&org, Origin::Builtin, None);
        session.read_only = config.read_only;
        let layout = (n <= SYNC_LAYOUT_MAX).then(|| Arc::new(layout::auto(n, &net.pairs)));
        let grouped = n > GROUP_FIRST_ABOVE && !groups.is_empty();
        let view = config.view.unwrap_or(View::Graph);
        App {
            graph: GraphState {
                grouped,
                expanded: vec![false; groups.len()],
                on_group: (grouped && n > 0).then(|| unit_group[order[0]]),
                hops: 0,
                threshold: 0,
                layout,
                group_layout,
                ring_layout,
            },
            org: Arc::new(org),
            source: source.to_string(),
            net: Arc::new(net),
            adj,
            labels,
            title,
            groups,
            unit_group,
            selected: order.first().copied().unwrap_or(0),
            order,
            rank,
            theme: Theme::new(config.theme),
            ascii: config.ascii,
            view,
            pair_view: if view == View::Matrix {
                View::Matrix
            } else {
                View::Graph
            },
            help: None,
            search: None,
            initiative: config.initiative,
            analysis: None,
            pending: Some(Pending::Analysis),
            generation: 0,
            pair_gaps: HashMap::new(),
            unit_gaps: HashMap::new(),
            pair_with: None,
            route: None,
            gap_cursor: 0,
            detail_toggled: false,
            message: None,
            tick: 0,
            frame: FrameInfo::default(),
            quit: false,
            session,
            prompt: None,
            changes: None,
        }
    }

    /// Recomputes what is derived from the document after it changed, keeping the view
    /// state (selection clamped, layout kept while the units stay the same).
    pub fn refresh_derived(&mut self) {
        let d = Derived::of(&self.org, &self.source);
        let n = self.org.units.len();
        let same_units = n == self.labels.len();
        self.net = Arc::new(d.net);
        self.adj = d.adj;
        self.labels = d.labels;
        self.title = d.title;
        self.groups = d.groups;
        self.unit_group = d.unit_group;
        self.order = d.order;
        self.rank = d.rank;
        self.graph.group_layout = d.group_layout;
        self.graph.ring_layout = d.ring_layout;
        self.graph.expanded.resize(self.groups.len(), false);
        if self.graph.on_group.is_some_and(|g| g >= self.groups.len()) {
            self.graph.on_group = None;
        }
        if self.groups.is_empty() {
            self.graph.grouped = false;
            self.graph.on_group = None;
        }
        if !same_units {
            self.graph.layout =
                (n <= SYNC_LAYOUT_MAX).then(|| Arc::new(layout::auto(n, &self.net.pairs)));
            // Gap indices name units by position; they are stale until the new analysis.
            self.analysis = None;
            self.pair_gaps.clear();
            self.unit_gaps.clear();
        }
        self.selected = self.selected.min(n.saturating_sub(1));
        self.pair_with = self.pair_with.filter(|&b| b < n && b != self.selected);
        self.route = None;
        self.search = None;
    }

    /// Number of units.
    pub fn n(&self) -> usize {
        self.org.units.len()
    }

    /// The keymap mode that applies now.
    pub fn mode(&self) -> Mode {
        if let Some(p) = &self.prompt {
            match p {
                Prompt::Input { .. } => Mode::Prompt,
                Prompt::Ask(_) => Mode::Dialog,
            }
        } else if self.changes.is_some() {
            Mode::Changes
        } else if self.help.is_some() {
            Mode::Help
        } else if self.search.is_some() {
            Mode::Search
        } else {
            self.view.mode()
        }
    }

    /// The chosen initiative's id.
    pub fn initiative_id(&self) -> Option<String> {
        self.initiative
            .and_then(|i| self.org.initiatives.get(i))
            .map(|i| i.id.clone())
    }

    /// The chosen initiative's name, cleaned, or "all targets".
    pub fn initiative_label(&self) -> String {
        match self.initiative.and_then(|i| self.org.initiatives.get(i)) {
            Some(i) => clean(i.label()),
            None => "all targets".into(),
        }
    }

    /// Gaps of the latest analysis (empty before it arrives).
    pub fn gaps(&self) -> &[crate::analysis::Gap] {
        self.analysis
            .as_deref()
            .map(|a| a.gaps.as_slice())
            .unwrap_or(&[])
    }

    /// The worst gap kind between two units, if any.
    pub fn pair_gap(&self, a: usize, b: usize) -> Option<GapKind> {
        let g = self.pair_gaps.get(&(a.min(b), a.max(b)))?;
        self.gaps().get(*g).map(|g| g.kind)
    }

    /// Installs a finished analysis and indexes its gaps.
    pub fn set_analysis(&mut self, analysis: Analysis) {
        self.pair_gaps.clear();
        self.unit_gaps.clear();
        for (i, g) in analysis.gaps.iter().enumerate() {
            match g.to {
                Some(to) => {
                    self.pair_gaps
                        .entry((g.from.min(to), g.from.max(to)))
                        .or_insert(i);
                }
                None => {
                    self.unit_gaps.entry(g.from).or_insert(i);
                }
            }
        }
        self.gap_cursor = self.gap_cursor.min(analysis.gaps.len().saturating_sub(1));
        self.analysis = Some(Arc::new(analysis));
    }
}

/// Positions of the groups: a layout of the group graph weighted by block density.
pub(super) fn group_positions(net: &Network, unit_group: &[usize], count: usize) -> Vec<Point> {
    let mut sizes = vec![0usize; count];
    unit_group.iter().for_each(|&g| sizes[g] += 1);
    let mut sums: HashMap<(usize, usize), f64> = HashMap::new();
    for &(a, b, p) in &net.pairs {
        let (ga, gb) = (unit_group[a], unit_group[b]);
        if ga != gb {
            *sums.entry((ga.min(gb), ga.max(gb))).or_insert(0.0) += p;
        }
    }
    let mut edges: Vec<(usize, usize, f64)> = sums
        .into_iter()
        .map(|((a, b), s)| (a, b, s / (sizes[a] * sizes[b]).max(1) as f64))
        .collect();
    // The strongest links are enough to place groups, and keep this quick with many groups.
    edges.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    edges.truncate(4 * count);
    edges.sort_by_key(|e| (e.0, e.1));
    let mut pos = layout::auto(count, &edges);
    // Keep group centres off the edges so their rings fit.
    for p in &mut pos {
        p.0 = 0.1 + 0.8 * p.0;
        p.1 = 0.1 + 0.8 * p.1;
    }
    pos
}

/// Each unit's position on a ring around its group's centre.
pub(super) fn ring_positions(unit_group: &[usize], centres: &[Point], count: usize) -> Vec<Point> {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (u, &g) in unit_group.iter().enumerate() {
        members[g].push(u);
    }
    let radius = (0.45 / (count.max(1) as f64).sqrt()).min(0.3);
    let mut out = vec![(0.5, 0.5); unit_group.len()];
    for (g, list) in members.iter().enumerate() {
        let centre = centres.get(g).copied().unwrap_or((0.5, 0.5));
        for (u, p) in list.iter().zip(layout::ring(centre, radius, list.len())) {
            out[*u] = p;
        }
    }
    out
}

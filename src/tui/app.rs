//! The state of the screen: the document, what has been computed, and each view's own state.

use std::collections::HashMap;
use std::sync::Arc;

use crate::analysis::{Analysis, Path};
use crate::layout;
use crate::model::Org;

use super::derived::Derived;
use super::gaplist::GapList;
pub use super::graph_state::GraphState;
use super::keymap::Mode;
pub use super::matrix_state::MatrixState;
use super::modal::Modal;
use super::session::Session;
use super::theme::{Theme, ThemeName};
use super::view::FrameInfo;

mod access;

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
    /// Review mode: one gap at a time (src/tui/review).
    Review,
}

impl View {
    /// The keymap mode of the view.
    pub fn mode(self) -> Mode {
        match self {
            View::Graph => Mode::Graph,
            View::Matrix => Mode::Matrix,
            View::Gaps => Mode::Gaps,
            View::Review => Mode::Review,
        }
    }

    /// The view's name in the title bar.
    pub fn title(self) -> &'static str {
        match self {
            View::Graph => "Graph",
            View::Matrix => "Matrix",
            View::Gaps => "Gaps",
            View::Review => "Review",
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
    /// The asymmetry threshold of the config file (`None`: the analysis's default).
    pub asymmetry: Option<f64>,
    /// The key table (the config file's overrides, or the built-in one).
    pub keys: super::keymap::Keymap,
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

/// Everything the screen shows and remembers. Fields are private to the screen; what is
/// on top of the views is one [`Modal`] at most.
#[derive(Debug, Clone)]
pub struct App {
    /// The document.
    pub(crate) org: Arc<Org>,
    /// Where it came from (shown when the org has no title).
    pub(crate) source: String,
    /// Everything derived from the document's revision, held whole.
    pub(crate) derived: Arc<Derived>,
    /// Styles and symbols (Unicode or `--ascii`).
    pub(crate) theme: Theme,
    /// The asymmetry threshold of the config file (`None`: the analysis's default).
    pub(crate) asymmetry: Option<f64>,
    /// The key table for lookup, help and hints.
    pub(crate) keys: super::keymap::Keymap,
    /// The view shown.
    pub(crate) view: View,
    /// The graph or matrix, whichever was shown last (gap jumps go there).
    pub(crate) pair_view: View,
    /// What sits on top of the view and takes the keys: help, search, prompt, dialog,
    /// changes list.
    pub(crate) modal: Option<Modal>,
    /// The chosen initiative (index into `Org::initiatives`).
    pub(crate) initiative: Option<usize>,
    /// Latest analysis.
    pub(crate) analysis: Option<Arc<Analysis>>,
    /// What is still being computed.
    pub(crate) pending: Option<Pending>,
    /// Generation of the analysis asked for last; older results are dropped.
    pub(crate) generation: u64,
    /// The one pair whose tie the edit just applied changed (set right before
    /// [`App::refresh_derived`], which takes it to update the network in place).
    pub(crate) retied: Option<(String, String)>,
    /// Pair gaps: unordered pair -> index of its worst gap.
    pub(crate) pair_gaps: HashMap<(usize, usize), usize>,
    /// Unit gaps (isolated, silo): unit -> index of its worst gap.
    pub(crate) unit_gaps: HashMap<usize, usize>,
    /// The selected unit (meaningless when there are no units).
    pub(crate) selected: usize,
    /// The other unit of the selected pair.
    pub(crate) pair_with: Option<usize>,
    /// Best indirect route of the selected pair, for that pair (`None` inside: no route).
    pub(crate) route: Option<((usize, usize), Option<Path>)>,
    /// State of the graph view.
    pub(crate) graph: GraphState,
    /// State of the matrix view: units, or groups with their cursor.
    pub(crate) matrix: MatrixState,
    /// State of the gap list: its cursor (kept by gap key) and filters.
    pub(crate) gap_list: GapList,
    /// The detail pane is toggled from its default (shown when wide, hidden when narrow).
    pub(crate) detail_toggled: bool,
    /// Lines the detail pane is scrolled by (back to 0 when the selection changes).
    pub(crate) detail_scroll: u16,
    /// A message for the status bar.
    pub(crate) message: Option<String>,
    /// Animation counter of the spinner.
    pub(crate) tick: u64,
    /// What the last frame learned (hit areas, page sizes).
    pub(crate) frame: FrameInfo,
    /// Set when the user asked to quit.
    pub(crate) quit: bool,
    /// Nothing has been done yet: the first analysis selects the worst target gap.
    pub(crate) fresh: bool,
    /// Undo history, saving, recovery and the what-if (see `session`).
    pub(crate) session: Session,
    /// Review mode: the walk, the meeting's date, the plan (see `review`).
    pub(crate) review: super::review::ReviewState,
}

impl App {
    /// Builds the state for an org with no file behind it (tests, benchmarks): small orgs
    /// are laid out here; larger ones later. The screen itself starts with
    /// [`App::from_document`].
    pub fn new(org: Org, source: &str, config: &Config) -> App {
        App::from_document(super::document::Document::new(org, source).config(config.clone()))
    }

    pub(crate) fn build(org: Arc<Org>, source: &str, config: &Config, mut session: Session) -> App {
        let derived = Arc::new(Derived::of(&org, source));
        let n = org.units.len();
        session.read_only = config.read_only;
        let layout = (n <= SYNC_LAYOUT_MAX).then(|| Arc::new(layout::auto(n, &derived.net.pairs)));
        let grouped = n > GROUP_FIRST_ABOVE && !derived.groups.is_empty();
        let view = config.view.unwrap_or(View::Graph);
        App {
            graph: GraphState::new(
                grouped,
                derived.groups.len(),
                (grouped && n > 0).then(|| derived.unit_group[derived.order[0]]),
                layout,
            ),
            org,
            source: source.to_string(),
            selected: derived.order.first().copied().unwrap_or(0),
            derived,
            theme: Theme::new(config.theme).ascii(config.ascii),
            asymmetry: config.asymmetry,
            keys: config.keys.clone(),
            view,
            pair_view: if view == View::Matrix {
                View::Matrix
            } else {
                View::Graph
            },
            modal: None,
            initiative: config.initiative,
            analysis: None,
            pending: Some(Pending::Analysis),
            generation: 0,
            retied: None,
            pair_gaps: HashMap::new(),
            unit_gaps: HashMap::new(),
            pair_with: None,
            route: None,
            gap_list: GapList::default(),
            matrix: MatrixState::default(),
            detail_toggled: false,
            detail_scroll: 0,
            message: None,
            tick: 0,
            frame: FrameInfo::default(),
            quit: false,
            fresh: true,
            session,
            review: super::review::ReviewState::new(),
        }
    }

    /// Recomputes what is derived from the document after it changed, keeping the view
    /// state (selection clamped, layout kept while the units stay the same).
    pub(crate) fn refresh_derived(&mut self) {
        let n = self.org.units.len();
        let same_units = n == self.derived.labels.len();
        let before = self.derived.clone();
        let retied = self.retied.take();
        let quick = retied.and_then(|(from, to)| self.derived.retie(&self.org, &from, &to));
        let mut derived = quick.unwrap_or_else(|| Derived::of(&self.org, &self.source));
        derived.keep_groups(&before);
        self.derived = Arc::new(derived);
        self.graph.fit_groups(self.derived.groups.len());
        self.matrix.fit_groups(self.derived.groups.len());
        if !same_units {
            // Units that stay keep their places; a new one goes near its neighbours.
            let kept = self
                .graph
                .layout()
                .map(|old| super::graph_state::keep_positions(&before, old, &self.derived));
            let fresh = || {
                (n <= SYNC_LAYOUT_MAX).then(|| Arc::new(layout::auto(n, &self.derived.net.pairs)))
            };
            self.graph.set_layout(kept.map(Arc::new).or_else(fresh));
            // Gap indices name units by position; they are stale until the new analysis.
            self.analysis = None;
            self.pair_gaps.clear();
            self.unit_gaps.clear();
        }
        self.selected = self.selected.min(n.saturating_sub(1));
        self.pair_with = self.pair_with.filter(|&b| b < n && b != self.selected);
        self.route = None;
        if matches!(self.modal, Some(Modal::Search(_))) {
            self.modal = None;
        }
    }

    /// Installs a finished analysis and indexes its gaps; the gap list's cursor stays on its
    /// gap (by key) or, when that gap closed, says so and moves to its neighbour.
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
        let analysis = Arc::new(analysis);
        let before = self.analysis.replace(analysis.clone());
        let note = self
            .gap_list
            .follow(before.as_deref(), &analysis, &self.org, &self.derived);
        if let Some(note) = note {
            self.message = Some(note);
        }
    }
}

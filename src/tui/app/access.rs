//! What the screen's state answers: read access for the views, the loop and the tests (the
//! fields stay private to the screen), and the selection by key.

use std::sync::Arc;

use crate::analysis::{Analysis, GapKind};
use crate::model::Org;
use crate::text::clean;

use super::super::derived::Derived;
use super::super::gaplist::GapList;
use super::super::keymap::Mode;
use super::super::modal::Modal;
use super::super::session::Session;
use super::super::view::FrameInfo;
use super::{App, GraphState, MatrixState, Pending, View};

impl App {
    /// Number of units.
    pub fn n(&self) -> usize {
        self.org.units.len()
    }

    /// The keymap mode that applies now: the modal's, else the view's.
    pub fn mode(&self) -> Mode {
        match &self.modal {
            Some(m) => m.mode(),
            None => self.view.mode(),
        }
    }

    /// Indices (into [`App::gaps`]) of the gaps the gap list shows, after its filters.
    pub fn visible_gaps(&self) -> Vec<usize> {
        self.gap_list.visible(self.gaps(), &self.org, &self.derived)
    }

    /// The gap under the gap list's cursor.
    pub fn current_gap(&self) -> Option<&crate::analysis::Gap> {
        let visible = self.visible_gaps();
        self.gap_list
            .current(&visible)
            .and_then(|i| self.gaps().get(i))
    }

    /// The document.
    pub fn org(&self) -> &Org {
        &self.org
    }

    /// What is derived from the document's revision.
    pub fn derived(&self) -> &Derived {
        &self.derived
    }

    /// The view shown.
    pub fn view(&self) -> View {
        self.view
    }

    /// What sits on top of the view.
    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// The search line, when it is open.
    pub fn search(&self) -> Option<&super::super::search::SearchState> {
        match &self.modal {
            Some(Modal::Search(s)) => Some(s),
            _ => None,
        }
    }

    /// The selected unit.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The other unit of the selected pair.
    pub fn pair_with(&self) -> Option<usize> {
        self.pair_with
    }

    /// The status line's message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The editing session (history, save path, what-if).
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The graph view's state.
    pub fn graph(&self) -> &GraphState {
        &self.graph
    }

    /// The matrix view's state.
    pub fn matrix(&self) -> &MatrixState {
        &self.matrix
    }

    /// The gap list's state.
    pub fn gap_list(&self) -> &GapList {
        &self.gap_list
    }

    /// The latest analysis.
    pub fn analysis(&self) -> Option<&Arc<Analysis>> {
        self.analysis.as_ref()
    }

    /// The generation of the analysis asked for last.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// What is still being computed, if anything.
    pub fn pending(&self) -> Option<Pending> {
        self.pending
    }

    /// What the last frame learned.
    pub fn frame(&self) -> &FrameInfo {
        &self.frame
    }

    /// Whether the user asked to quit.
    pub fn quitting(&self) -> bool {
        self.quit
    }

    /// The chosen initiative (index into `Org::initiatives`).
    pub fn initiative(&self) -> Option<usize> {
        self.initiative
    }

    /// Selects a unit, and with it a pair when `with` is given (what a click on a matrix
    /// cell does); out-of-range units are ignored.
    pub fn select(&mut self, unit: usize, with: Option<usize>) {
        let n = self.n();
        if unit < n {
            self.selected = unit;
            self.pair_with = with.filter(|&b| b < n && b != unit);
            self.graph.leave_group();
        }
    }

    /// The chosen initiative's id.
    pub fn initiative_id(&self) -> Option<String> {
        self.initiative
            .and_then(|i| self.org.initiatives.get(i))
            .map(|i| i.id.clone())
    }

    /// The options of this screen's analysis for an initiative (the config file's asymmetry
    /// threshold applies).
    pub fn analysis_options(&self, initiative: Option<String>) -> crate::analysis::Options {
        crate::tui::analysis_task::options(initiative, self.asymmetry)
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
}

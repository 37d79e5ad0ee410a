//! The keymap as data: one table of (mode, key, action), with lookup, hints and a README table.

use super::action::Action;

mod docs;
mod key;

pub use docs::markdown;
pub use key::{Key, key_of, parse};

/// Which bindings apply: the global ones in every view, a view's own on top of them, and the
/// overlays (help, search) alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    /// Every view (graph, matrix, gap list).
    Global,
    /// The graph view only.
    Graph,
    /// The matrix view only.
    Matrix,
    /// The gap list only.
    Gaps,
    /// The help overlay.
    Help,
    /// The search line.
    Search,
    /// A line prompt (a value, a name, a path).
    Prompt,
    /// A question (quit, overwrite, restore).
    Dialog,
    /// The list of changed gaps.
    Changes,
    /// Review mode (one gap at a time).
    Review,
    /// The review's action form.
    Form,
    /// What the file says about the org.
    About,
}

impl Mode {
    /// Name of the mode in help and README.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Global => "all views",
            Mode::Graph => "graph view",
            Mode::Matrix => "matrix view",
            Mode::Gaps => "gap list",
            Mode::Help => "help",
            Mode::Search => "search",
            Mode::Prompt => "prompt",
            Mode::Dialog => "dialog",
            Mode::Changes => "changes list",
            Mode::Review => "review",
            Mode::Form => "action form",
            Mode::About => "about",
        }
    }
}

/// One binding. `key` is written as it is shown: `q`, `Ctrl-c`, `Tab`, `Shift-Tab`, `Up`, ...
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Binding {
    /// Where it applies.
    pub mode: Mode,
    /// The key, as shown to people.
    pub key: &'static str,
    /// What it does.
    pub action: Action,
    /// Its short name in the status bar; empty: not listed there.
    pub hint: &'static str,
}

const fn b(mode: Mode, key: &'static str, action: Action, hint: &'static str) -> Binding {
    Binding {
        mode,
        key,
        action,
        hint,
    }
}

use super::review::ReviewAction as R;
use Action as A;
use Mode as M;

/// Every binding. A key means one thing: `+`/`-` always change the selected pair's rating
/// (data); the graph's ego focus is `>`/`<` and its tie filter `]`/`[` (view).
pub const BINDINGS: &[Binding] = &[
    b(M::Global, "q", A::Quit, "quit"),
    b(M::Global, "Ctrl-c", A::Quit, ""),
    b(M::Global, "Ctrl-z", A::Suspend, ""),
    b(M::Global, "?", A::Help, "help"),
    b(M::Global, "Up", A::Up, ""),
    b(M::Global, "k", A::Up, ""),
    b(M::Global, "Down", A::Down, ""),
    b(M::Global, "j", A::Down, ""),
    b(M::Global, "Left", A::Left, ""),
    b(M::Global, "h", A::Left, ""),
    b(M::Global, "Right", A::Right, ""),
    b(M::Global, "l", A::Right, ""),
    b(M::Global, "PageUp", A::PageUp, ""),
    b(M::Global, "PageDown", A::PageDown, ""),
    b(M::Global, "Home", A::First, ""),
    b(M::Global, "End", A::Last, ""),
    b(M::Global, "Tab", A::NextView, ""),
    b(M::Global, "Shift-Tab", A::PrevView, ""),
    b(M::Global, "1", A::ShowGraph, ""),
    b(M::Global, "2", A::ShowMatrix, ""),
    b(M::Global, "3", A::ShowGaps, "gaps"),
    b(M::Global, "Enter", A::Activate, ""),
    b(M::Global, "Esc", A::Back, ""),
    b(M::Global, "/", A::Search, "search"),
    b(M::Global, "i", A::NextInitiative, "initiative"),
    b(M::Global, "I", A::PrevInitiative, ""),
    b(M::Global, "d", A::ToggleDetail, "detail"),
    b(M::Global, "o", A::FilterUnit, ""),
    b(M::Global, "Ctrl-d", A::DetailDown, ""),
    b(M::Global, "Ctrl-u", A::DetailUp, ""),
    b(M::Global, "+", A::RatingUp, ""),
    b(M::Global, "=", A::RatingUp, ""),
    b(M::Global, "-", A::RatingDown, ""),
    b(M::Global, "e", A::EditStrength, ""),
    b(M::Global, "x", A::RemoveTie, ""),
    b(M::Global, "n", A::EditNote, ""),
    b(M::Global, "t", A::SetTarget, ""),
    b(M::Global, "T", A::ClearTarget, ""),
    b(M::Global, "a", A::AddUnit, ""),
    b(M::Global, "r", A::RenameUnit, ""),
    b(M::Global, "G", A::RegroupUnit, ""),
    b(M::Global, "X", A::RemoveUnit, ""),
    b(M::Global, "u", A::Undo, ""),
    b(M::Global, "Ctrl-r", A::Redo, ""),
    b(M::Global, "s", A::Save, ""),
    b(M::Global, "Ctrl-s", A::Save, ""),
    b(M::Global, "W", A::SaveAs, ""),
    b(M::Global, "c", A::Changes, ""),
    b(M::Global, "4", A::Review(R::Open), ""),
    b(M::Global, "p", A::Review(R::Plan), ""),
    b(M::Global, "M", A::Review(R::Minutes), ""),
    b(M::Global, "b", A::About, "about"),
    b(M::Graph, "g", A::ToggleGrouping, "group"),
    b(M::Matrix, "g", A::ToggleGrouping, "groups"),
    b(M::Graph, ">", A::FocusMore, ""),
    b(M::Graph, "<", A::FocusLess, ""),
    b(M::Graph, "]", A::ThresholdUp, ""),
    b(M::Graph, "[", A::ThresholdDown, ""),
    b(M::Gaps, "f", A::FilterKind, "filter"),
    b(M::Gaps, "v", A::FilterSeverity, ""),
    b(M::Review, "Space", A::Review(R::Next), "next"),
    b(M::Review, "A", A::Review(R::Record), "action"),
    b(M::Review, "S", A::Review(R::Status), "status"),
    b(M::Review, ".", A::Review(R::NextAction), ""),
    b(M::Review, ",", A::Review(R::PrevAction), ""),
    b(M::Review, "m", A::Review(R::Discussed), "discussed"),
    b(M::Review, "w", A::Review(R::Who), ""),
    b(M::Review, "p", A::Review(R::Plan), "plan"),
    b(M::Review, "M", A::Review(R::Minutes), "minutes"),
    b(M::Form, "Enter", A::PromptAccept, "record"),
    b(M::Form, "Esc", A::PromptCancel, "cancel"),
    b(M::Form, "Ctrl-c", A::PromptCancel, ""),
    b(M::Form, "Tab", A::Review(R::FormNext), "next field"),
    b(M::Form, "Down", A::Review(R::FormNext), ""),
    b(M::Form, "Shift-Tab", A::Review(R::FormPrev), ""),
    b(M::Form, "Up", A::Review(R::FormPrev), ""),
    b(M::Form, "Backspace", A::PromptBackspace, ""),
    b(M::Form, "Left", A::LineLeft, ""),
    b(M::Form, "Right", A::LineRight, ""),
    b(M::Form, "Home", A::LineHome, ""),
    b(M::Form, "Ctrl-a", A::LineHome, ""),
    b(M::Form, "End", A::LineEnd, ""),
    b(M::Form, "Ctrl-e", A::LineEnd, ""),
    b(M::Form, "Delete", A::LineDelete, ""),
    b(M::Form, "Ctrl-u", A::LineKillStart, ""),
    b(M::Form, "Ctrl-w", A::LineKillWord, ""),
    b(M::Prompt, "Enter", A::PromptAccept, "accept"),
    b(M::Prompt, "Esc", A::PromptCancel, "cancel"),
    b(M::Prompt, "Backspace", A::PromptBackspace, ""),
    b(M::Prompt, "Ctrl-c", A::PromptCancel, ""),
    b(M::Prompt, "Left", A::LineLeft, ""),
    b(M::Prompt, "Right", A::LineRight, ""),
    b(M::Prompt, "Home", A::LineHome, ""),
    b(M::Prompt, "Ctrl-a", A::LineHome, ""),
    b(M::Prompt, "End", A::LineEnd, ""),
    b(M::Prompt, "Ctrl-e", A::LineEnd, ""),
    b(M::Prompt, "Delete", A::LineDelete, ""),
    b(M::Prompt, "Ctrl-u", A::LineKillStart, ""),
    b(M::Prompt, "Ctrl-w", A::LineKillWord, ""),
    b(M::Dialog, "s", A::AnswerSave, ""),
    b(M::Dialog, "d", A::AnswerDiscard, ""),
    b(M::Dialog, "o", A::AnswerOverwrite, ""),
    b(M::Dialog, "r", A::AnswerRestore, ""),
    b(M::Dialog, "k", A::AnswerKeep, ""),
    b(M::Dialog, "Esc", A::AnswerCancel, ""),
    b(M::Dialog, "c", A::AnswerCancel, ""),
    b(M::Dialog, "Ctrl-c", A::AnswerCancel, ""),
    b(M::Dialog, "y", A::AnswerYes, ""),
    b(M::Dialog, "Enter", A::AnswerYes, ""),
    b(M::Dialog, "1", A::AnswerFirst, ""),
    b(M::Dialog, "2", A::AnswerSecond, ""),
    b(M::Changes, "c", A::Changes, "close"),
    b(M::Changes, "Esc", A::Changes, ""),
    b(M::Changes, "q", A::Changes, ""),
    b(M::Changes, "Up", A::Up, "scroll"),
    b(M::Changes, "k", A::Up, ""),
    b(M::Changes, "Down", A::Down, ""),
    b(M::Changes, "j", A::Down, ""),
    b(M::Changes, "PageUp", A::PageUp, ""),
    b(M::Changes, "PageDown", A::PageDown, ""),
    b(M::Changes, "Home", A::First, ""),
    b(M::Changes, "End", A::Last, ""),
    b(M::About, "b", A::About, "close"),
    b(M::About, "Esc", A::About, ""),
    b(M::About, "q", A::About, ""),
    b(M::About, "Up", A::Up, "scroll"),
    b(M::About, "k", A::Up, ""),
    b(M::About, "Down", A::Down, ""),
    b(M::About, "j", A::Down, ""),
    b(M::About, "PageUp", A::PageUp, ""),
    b(M::About, "PageDown", A::PageDown, ""),
    b(M::About, "Home", A::First, ""),
    b(M::About, "End", A::Last, ""),
    b(M::Help, "?", A::Help, "close"),
    b(M::Help, "Esc", A::Help, ""),
    b(M::Help, "q", A::Help, ""),
    b(M::Help, "Up", A::Up, "scroll"),
    b(M::Help, "k", A::Up, ""),
    b(M::Help, "Down", A::Down, ""),
    b(M::Help, "j", A::Down, ""),
    b(M::Help, "PageUp", A::PageUp, ""),
    b(M::Help, "PageDown", A::PageDown, ""),
    b(M::Help, "Home", A::First, ""),
    b(M::Help, "End", A::Last, ""),
    b(M::Help, "Ctrl-c", A::Quit, ""),
    b(M::Search, "Enter", A::SearchAccept, "accept"),
    b(M::Search, "Esc", A::SearchCancel, "cancel"),
    b(M::Search, "Backspace", A::SearchBackspace, ""),
    b(M::Search, "Down", A::SearchNext, "next match"),
    b(M::Search, "Tab", A::SearchNext, ""),
    b(M::Search, "Up", A::SearchPrev, ""),
    b(M::Search, "Shift-Tab", A::SearchPrev, ""),
    b(M::Search, "Ctrl-c", A::Quit, ""),
    b(M::Search, "Left", A::LineLeft, ""),
    b(M::Search, "Right", A::LineRight, ""),
    b(M::Search, "Home", A::LineHome, ""),
    b(M::Search, "Ctrl-a", A::LineHome, ""),
    b(M::Search, "End", A::LineEnd, ""),
    b(M::Search, "Ctrl-e", A::LineEnd, ""),
    b(M::Search, "Delete", A::LineDelete, ""),
    b(M::Search, "Ctrl-u", A::LineKillStart, ""),
    b(M::Search, "Ctrl-w", A::LineKillWord, ""),
];

/// The key table a screen uses for lookup, help and hints: [`BINDINGS`], or the config
/// file's overrides applied to it ([`crate::config::keys::with_overrides`]). Each screen holds
/// its own (`Config::keys`), so two screens in one process may differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap(std::sync::Arc<[Binding]>);

impl Default for Keymap {
    fn default() -> Self {
        Keymap(BINDINGS.into())
    }
}

impl Keymap {
    /// A table of bindings (checked for clashes by whoever made it).
    pub fn new(bindings: Vec<Binding>) -> Keymap {
        Keymap(bindings.into())
    }

    /// The bindings.
    pub fn bindings(&self) -> &[Binding] {
        &self.0
    }

    /// The action bound to a key in a mode: a view's own bindings first, then the global
    /// ones (overlays have only their own).
    pub fn lookup(&self, mode: Mode, key: Key) -> Option<Action> {
        let find = |m: Mode| {
            self.0
                .iter()
                .find(|b| b.mode == m && parse(b.key) == Some(key))
                .map(|b| b.action)
        };
        match mode {
            Mode::Help
            | Mode::Search
            | Mode::Global
            | Mode::Prompt
            | Mode::Dialog
            | Mode::Changes
            | Mode::Form
            | Mode::About => find(mode),
            view => find(view).or_else(|| find(Mode::Global)),
        }
    }
}

/// Pairs of bindings (indices, first before second) that clash: the same key twice in one
/// mode, or a view binding that hides a global one with another action.
pub fn clashes(table: &[Binding]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, x) in table.iter().enumerate() {
        let kx = parse(x.key);
        for (j, y) in table.iter().enumerate().skip(i + 1) {
            if kx.is_none() || parse(y.key) != kx {
                continue;
            }
            let view =
                |m: Mode| matches!(m, Mode::Graph | Mode::Matrix | Mode::Gaps | Mode::Review);
            let shadows = (x.mode == Mode::Global && view(y.mode))
                || (y.mode == Mode::Global && view(x.mode));
            // A view may repeat a global binding (to show its hint); it may not change it.
            if x.mode == y.mode || (shadows && x.action != y.action) {
                out.push((i, j));
            }
        }
    }
    out
}

/// Bindings that clash: the same key twice in one mode, or a view binding that hides a
/// global one. Empty when the keymap is sound.
pub fn conflicts() -> Vec<String> {
    let mut out: Vec<String> = BINDINGS
        .iter()
        .filter(|x| parse(x.key).is_none())
        .map(|x| format!("{:?}: cannot parse key {:?}", x.mode, x.key))
        .collect();
    for (i, j) in clashes(BINDINGS) {
        let (x, y) = (BINDINGS[i], BINDINGS[j]);
        out.push(format!(
            "{:?} {:?} and {:?} {:?} share key {}",
            x.mode, x.action, y.mode, y.action, x.key
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(mode: Mode, key: Key) -> Option<Action> {
        Keymap::default().lookup(mode, key)
    }

    #[test]
    fn keymap_has_no_conflicts() {
        assert_eq!(conflicts(), Vec::<String>::new());
    }

    #[test]
    fn a_clash_is_found() {
        let k = parse("q");
        assert_eq!(k, parse("q"));
        assert_ne!(parse("q"), parse("Q"));
        assert_eq!(parse("Ctrl-c").map(|k| k.ctrl), Some(true));
        assert_eq!(parse("nonsense"), None);
    }

    #[test]
    fn views_fall_back_to_global_keys_but_overlays_do_not() {
        let q = parse("q").map(|k| lookup(Mode::Graph, k));
        assert_eq!(q, Some(Some(Action::Quit)));
        let g = parse("g").map(|k| lookup(Mode::Gaps, k));
        assert_eq!(
            g,
            Some(None),
            "g groups the graph and the matrix, not the gap list"
        );

        let q_help = parse("q").map(|k| lookup(Mode::Help, k));
        assert_eq!(
            q_help,
            Some(Some(Action::Help)),
            "q closes help, it does not quit"
        );
        let s = parse("s").map(|k| lookup(Mode::Search, k));
        assert_eq!(s, Some(None), "letters are typed in the search line");
    }

    #[test]
    fn a_key_means_one_thing_in_every_view() {
        let at = |m: Mode, k: &str| parse(k).and_then(|k| lookup(m, k));
        for b in BINDINGS {
            let acts: Vec<Action> = [Mode::Graph, Mode::Matrix, Mode::Gaps]
                .into_iter()
                .filter_map(|m| at(m, b.key))
                .collect();
            assert!(
                acts.windows(2).all(|w| w[0] == w[1]),
                "{} means {acts:?} in different views",
                b.key
            );
        }
        assert_eq!(at(Mode::Graph, "+"), Some(Action::RatingUp));
        assert_eq!(at(Mode::Graph, ">"), Some(Action::FocusMore));
        assert_eq!(at(Mode::Matrix, "+"), Some(Action::RatingUp));
        assert_eq!(at(Mode::Gaps, "-"), Some(Action::RatingDown));
        assert_eq!(at(Mode::Matrix, "u"), Some(Action::Undo));
        assert_eq!(at(Mode::Matrix, "Ctrl-r"), Some(Action::Redo));
        assert_eq!(at(Mode::Prompt, "q"), None, "q is typed in a prompt");
        assert_eq!(at(Mode::Dialog, "q"), None, "a dialog must be answered");
    }
}

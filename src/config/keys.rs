//! Key overrides of the config file applied to the one keymap (`tui::keymap::BINDINGS`):
//! the action names, the replacement, and the clash check that names both bindings.

use crate::tui::action::Action;
use crate::tui::keymap::{BINDINGS, Binding, Mode, clashes};

/// The modes whose keys a config file may change: the views and review. Overlays (help,
/// search, prompts, dialogs, lists) keep their keys, so a user can always close them.
pub const VIEW_MODES: [Mode; 5] = [
    Mode::Global,
    Mode::Graph,
    Mode::Matrix,
    Mode::Gaps,
    Mode::Review,
];

/// The name of an action in the config file: `Quit` is `quit`, `RatingUp` is `rating_up`,
/// `Review(Next)` is `review_next`.
pub fn action_name(action: Action) -> String {
    let mut out = String::new();
    for c in format!("{action:?}").chars() {
        if c.is_ascii_uppercase() {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c == '(' {
            out.push('_');
        } else if c != ')' {
            out.push(c);
        }
    }
    out
}

/// Every action a config file may rebind (bound in a view mode), by name, in table order.
pub fn rebindable() -> Vec<(String, Action)> {
    let mut out: Vec<(String, Action)> = Vec::new();
    for bnd in BINDINGS.iter().filter(|b| VIEW_MODES.contains(&b.mode)) {
        if !out.iter().any(|(_, a)| *a == bnd.action) {
            out.push((action_name(bnd.action), bnd.action));
        }
    }
    out
}

/// Two bindings that cannot both hold, as people read them: `q (all views: leave gapscope)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Clash {
    /// The binding that came from an override.
    pub ours: Binding,
    /// The binding it clashes with.
    pub other: Binding,
}

impl std::fmt::Display for Clash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |b: &Binding| format!("{} ({})", action_name(b.action), b.mode.title());
        write!(
            f,
            "{} for {} clashes with {} for {}",
            crate::model::quote(self.ours.key),
            show(&self.ours),
            crate::model::quote(self.other.key),
            show(&self.other)
        )
    }
}

/// [`BINDINGS`] with each overridden action's keys in the view modes replaced by `keys`
/// (already checked with [`crate::tui::keymap::parse`]); the first new key keeps the
/// status-bar hint, and quit keeps Ctrl-c. Refuses a result with a clash that involves an
/// override, naming both bindings.
pub fn with_overrides(overrides: &[(Action, Vec<String>)]) -> Result<Vec<Binding>, Clash> {
    let mut out: Vec<Binding> = Vec::new();
    let mut ours: Vec<bool> = Vec::new();
    for bnd in BINDINGS {
        let over = overrides.iter().find(|(a, _)| *a == bnd.action);
        match over {
            Some((_, keys)) if VIEW_MODES.contains(&bnd.mode) => {
                // Replace every key of the action in this mode, once, at its first binding.
                if out
                    .iter()
                    .any(|b| b.mode == bnd.mode && b.action == bnd.action)
                {
                    continue;
                }
                let hint = BINDINGS
                    .iter()
                    .find(|b| b.mode == bnd.mode && b.action == bnd.action && !b.hint.is_empty())
                    .map_or("", |b| b.hint);
                // Ctrl-c quits in every view whatever the file says: the way out always works.
                let mut keys = keys.clone();
                if bnd.action == Action::Quit && !keys.iter().any(|k| k == "Ctrl-c") {
                    keys.push("Ctrl-c".into());
                }
                for (i, k) in keys.iter().enumerate() {
                    // Leaked once per process: the table lives as long as the screen.
                    let key: &'static str = String::leak(k.clone());
                    out.push(Binding {
                        mode: bnd.mode,
                        key,
                        action: bnd.action,
                        hint: if i == 0 { hint } else { "" },
                    });
                    ours.push(true);
                }
            }
            _ => {
                out.push(*bnd);
                ours.push(false);
            }
        }
    }
    for (i, j) in clashes(&out) {
        let (x, y) = (out[i], out[j]);
        match (ours[i], ours[j]) {
            (true, _) => return Err(Clash { ours: x, other: y }),
            (false, true) => return Err(Clash { ours: y, other: x }),
            (false, false) => {}
        }
    }
    Ok(out)
}

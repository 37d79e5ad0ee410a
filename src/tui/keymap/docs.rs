//! What the keymap tells people: the keys of an action, the help overlay's rows, the
//! status-bar hints and the README's key table, all from the one table.

use super::super::action::{Action, Group};
use super::{BINDINGS, Binding, Keymap, Mode};

impl Keymap {
    /// The keys of one action in one mode, joined with " ".
    pub fn keys_for(&self, mode: Mode, action: Action) -> String {
        keys_in(self.bindings(), mode, action)
    }

    /// Help entries of the modes that apply (for a view: its own, then the global ones),
    /// grouped: `(group, [(keys, doc)])`, one row per action.
    pub fn help_rows(&self, modes: &[Mode]) -> Vec<(Group, Vec<(String, &'static str)>)> {
        rows_in(self.bindings(), modes)
    }

    /// Status-bar hints of the modes, in table order: `(key, short name)`.
    pub fn hints(&self, modes: &[Mode]) -> Vec<(&'static str, &'static str)> {
        self.hint_actions(modes)
            .into_iter()
            .map(|(k, h, _)| (k, h))
            .collect()
    }

    /// [`Keymap::hints`] with the action of each: `(key, short name, action)`.
    pub fn hint_actions(&self, modes: &[Mode]) -> Vec<(&'static str, &'static str, Action)> {
        let mut out = Vec::new();
        for &mode in modes {
            for bnd in self
                .bindings()
                .iter()
                .filter(|b| b.mode == mode && !b.hint.is_empty())
            {
                out.push((bnd.key, bnd.hint, bnd.action));
            }
        }
        out
    }
}

fn keys_in(table: &[Binding], mode: Mode, action: Action) -> String {
    let keys: Vec<&str> = table
        .iter()
        .filter(|b| b.mode == mode && b.action == action)
        .map(|b| b.key)
        .collect();
    keys.join(" ")
}

/// [`Keymap::help_rows`] of a given table.
fn rows_in(table: &[Binding], modes: &[Mode]) -> Vec<(Group, Vec<(String, &'static str)>)> {
    let mut rows: Vec<(Group, Vec<(String, &'static str)>)> = Vec::new();
    let mut seen = Vec::new();
    for &mode in modes {
        for bnd in table.iter().filter(|b| b.mode == mode) {
            if seen.contains(&(mode, bnd.action)) {
                continue;
            }
            seen.push((mode, bnd.action));
            let entry = (keys_in(table, mode, bnd.action), bnd.action.doc());
            let group = bnd.action.group();
            match rows.iter_mut().find(|(g, _)| *g == group) {
                Some((_, list)) => list.push(entry),
                None => rows.push((group, vec![entry])),
            }
        }
    }
    rows.sort_by_key(|(g, _)| *g);
    rows
}

/// The README's key table (Markdown), one row per (mode, action): the defaults, whatever a
/// config file changes.
pub fn markdown() -> String {
    let mut out = String::from("| where | keys | does |\n|---|---|---|\n");
    for mode in [
        Mode::Global,
        Mode::Graph,
        Mode::Matrix,
        Mode::Gaps,
        Mode::Review,
        Mode::Search,
        Mode::Help,
        Mode::Changes,
        Mode::About,
        Mode::Prompt,
        Mode::Form,
        Mode::Dialog,
    ] {
        for (_, list) in rows_in(BINDINGS, &[mode]) {
            for (keys, doc) in list {
                let keys: Vec<String> = keys
                    .split(' ')
                    .map(|k| {
                        if k == "|" {
                            "`\\|`".into()
                        } else {
                            format!("`{k}`")
                        }
                    })
                    .collect();
                out.push_str(&format!(
                    "| {} | {} | {} |\n",
                    mode.title(),
                    keys.join(" "),
                    doc
                ));
            }
        }
        if mode == Mode::Search {
            out.push_str(
                "| search | any character | add to the search (the selection follows) |\n",
            );
        }
        if mode == Mode::Form {
            out.push_str("| action form | any character | type into the field |\n");
        }
        if mode == Mode::Prompt {
            out.push_str("| prompt | any character | type into the prompt (replaces a pre-filled value; move first to edit it) |\n");
        }
    }
    out
}

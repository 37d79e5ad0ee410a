//! `gapscope config`: where the config file is, and the settings in force (TOML, so the
//! lines can be copied into the file).

use std::io::Write;

use super::{CliError, Status};
use crate::config::keys::{self, VIEW_MODES};
use crate::config::{self, UserConfig};
use crate::tui::keymap::{BINDINGS, Binding};
use crate::tui::{ThemeName, View};

/// Shown by `gapscope config --help`.
pub const CONFIG_HELP: &str = "\
Example:
  gapscope config

The file is $XDG_CONFIG_HOME/gapscope/config.toml, else ~/.config/gapscope/config.toml; it is
optional. Settings: theme (dark, light, mono), ascii (true, false), view (graph, matrix, gaps,
review), asymmetry (above 0 up to 1), and a [keys] table (action = \"key\" or [\"key\", ...]).
Flags win over the file; the file's theme wins over NO_COLOR.

Exit status: 0 ok, 2 when the config file has a mistake (printed with its line and column).";

/// Prints the config of the environment.
pub fn run(out: &mut dyn Write) -> Result<Status, CliError> {
    let user = config::from_env().map_err(|e| CliError::Usage(e.to_string()))?;
    let no_color = std::env::var("NO_COLOR").ok();
    out.write_all(describe(&user, no_color.as_deref()).as_bytes())?;
    Ok(0)
}

/// The text of `gapscope config` for a loaded config and the value of `NO_COLOR`.
pub fn describe(user: &UserConfig, no_color: Option<&str>) -> String {
    let mut o = String::new();
    let path = user.path.as_ref().map_or_else(
        || "none (neither XDG_CONFIG_HOME nor HOME is set)".to_string(),
        |p| crate::text::clean(&p.display().to_string()),
    );
    o.push_str(&format!("# config file: {path}\n"));
    if !user.found {
        o.push_str(
            "# (no file there: every setting below is the default; write one to change them)\n",
        );
    }
    let s = &user.settings;
    let from = |set: bool| if set { "from the file" } else { "default" };
    let theme = crate::tui::theme::choose(s.theme, no_color);
    let theme_from = match (s.theme, theme) {
        (Some(_), _) => "from the file (flag --theme wins)",
        (None, ThemeName::Mono) => "NO_COLOR is set (flag --theme or the file win)",
        (None, _) => "default (NO_COLOR set chooses mono)",
    };
    let theme_name = match theme {
        ThemeName::Dark => "dark",
        ThemeName::Light => "light",
        ThemeName::Mono => "mono",
    };
    let view = match s.view.unwrap_or(View::Graph) {
        View::Graph => "graph",
        View::Matrix => "matrix",
        View::Gaps => "gaps",
        View::Review => "review",
    };
    let asym = s
        .asymmetry
        .unwrap_or(crate::analysis::Options::default().asymmetry);
    let rows = [
        (format!("theme = \"{theme_name}\""), theme_from.to_string()),
        (
            format!("ascii = {}", s.ascii.unwrap_or(false)),
            format!("{} (flag --ascii turns it on)", from(s.ascii.is_some())),
        ),
        (
            format!("view = \"{view}\""),
            format!("{} (flag --view wins)", from(s.view.is_some())),
        ),
        (
            format!("asymmetry = {}", crate::text::number(asym)),
            from(s.asymmetry.is_some()).to_string(),
        ),
    ];
    for (line, note) in rows {
        o.push_str(&format!("{line:<24} # {note}\n"));
    }
    o.push_str("\n[keys]\n# every action a key can be given to, with its keys in the views\n");
    let table: &[Binding] = user.bindings.as_deref().unwrap_or(BINDINGS);
    for (name, action) in keys::rebindable() {
        let Some(mode) = VIEW_MODES
            .iter()
            .find(|m| table.iter().any(|b| b.mode == **m && b.action == action))
        else {
            continue;
        };
        let keys: Vec<String> = table
            .iter()
            .filter(|b| b.mode == *mode && b.action == action)
            .map(|b| toml_string(b.key))
            .collect();
        let value = match keys.as_slice() {
            [one] => one.clone(),
            many => format!("[{}]", many.join(", ")),
        };
        let changed = s.keys.iter().any(|(a, _)| *a == action);
        let note = if changed {
            "from the file"
        } else {
            action.doc()
        };
        o.push_str(&format!("{:<32} # {note}\n", format!("{name} = {value}")));
    }
    o
}

/// A TOML basic string; anything but printable ASCII is escaped, so the output is plain.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c if (c as u32) <= 0xFFFF => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out.push('"');
    out
}

//! `gapscope config`: where the config file is, and the settings in force (TOML, so the
//! lines can be copied into the file).

use std::io::Write;

use super::open::{AsciiArgs, Source};
use super::{CliError, Status};
use crate::config::keys::{self, VIEW_MODES};
use crate::config::{self, UserConfig};
use crate::tui::keymap::{BINDINGS, Binding};
use crate::tui::{ThemeName, View};

/// Shown by `gapscope config --help`.
pub const CONFIG_HELP: &str = "\
Examples:
  gapscope config
  gapscope config --no-ascii   # what the screen uses with that flag, and why

The file is $XDG_CONFIG_HOME/gapscope/config.toml, else ~/.config/gapscope/config.toml; it is
optional. Settings: theme (dark, light, mono), ascii (true, false), view (graph, matrix, gaps,
review), asymmetry (above 0 up to 1), and a [keys] table (action = \"key\" or [\"key\", ...]).
Flags win over the file (--ascii and --no-ascii over `ascii`); the file's theme wins over
NO_COLOR. Each line's comment says where its value came from: a flag, the file or the default.

Exit status: 0 ok, 2 when the config file has a mistake (printed with its line and column).";

/// Prints the config of the environment under the given flags.
pub fn run(ascii: AsciiArgs, out: &mut dyn Write) -> Result<Status, CliError> {
    let user = config::from_env().map_err(|e| CliError::Usage(e.to_string()))?;
    let no_color = std::env::var("NO_COLOR").ok();
    out.write_all(describe_with(&user, no_color.as_deref(), ascii).as_bytes())?;
    Ok(0)
}

/// The text of `gapscope config` for a loaded config and the value of `NO_COLOR`.
pub fn describe(user: &UserConfig, no_color: Option<&str>) -> String {
    describe_with(user, no_color, AsciiArgs::default())
}

/// The `ascii` line's comment: where the value came from.
fn ascii_note(flags: AsciiArgs, file: Option<bool>) -> String {
    match (flags.choose(file), file) {
        ((true, Source::Flag), Some(f)) => format!("flag --ascii (the file says {f})"),
        ((true, Source::Flag), None) => "flag --ascii".into(),
        ((_, Source::Flag), Some(f)) => format!("flag --no-ascii (the file says {f})"),
        ((_, Source::Flag), None) => "flag --no-ascii".into(),
        ((true, _), _) => "from the file (flag --no-ascii turns it off)".into(),
        ((false, Source::File), _) => "from the file (flag --ascii turns it on)".into(),
        ((false, _), _) => "default (flag --ascii turns it on)".into(),
    }
}

/// [`describe`] with the `--ascii`/`--no-ascii` flags given to `gapscope config`.
pub fn describe_with(user: &UserConfig, no_color: Option<&str>, flags: AsciiArgs) -> String {
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
            format!("ascii = {}", flags.choose(s.ascii).0),
            ascii_note(flags, s.ascii),
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

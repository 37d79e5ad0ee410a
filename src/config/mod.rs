//! The user's config file, `$XDG_CONFIG_HOME/gapscope/config.toml` (else
//! `~/.config/gapscope/config.toml`): optional start-up choices of the screen (theme, ASCII,
//! first view, asymmetry threshold) and key overrides. Read with a small TOML subset
//! ([`toml`]); every mistake is refused with its line and column, and the screen does not
//! start. Command-line flags win over the file; the file wins over `NO_COLOR`.

pub mod keys;
pub mod toml;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::tui::action::Action;
use crate::tui::keymap::{self, Binding};
use crate::tui::{ThemeName, View};
use toml::{Entry, Pos, Value};

/// Largest config file read (a config is a few lines; this keeps a wrong path from reading a
/// disk image).
pub const MAX_BYTES: u64 = 64 * 1024;

/// What the file says; `None`: not set (the default or the flag decides).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// `theme = "dark" | "light" | "mono"`.
    pub theme: Option<ThemeName>,
    /// `ascii = true | false`.
    pub ascii: Option<bool>,
    /// `view = "graph" | "matrix" | "gaps" | "review"`.
    pub view: Option<View>,
    /// `asymmetry = 0.25`: the rating difference (0 to 1, above 0) of a one-sided pair.
    pub asymmetry: Option<f64>,
    /// `[keys]`: action name, its new keys, in file order.
    pub keys: Vec<(Action, Vec<String>)>,
}

/// The config of this run: where it was looked for, whether it exists, what it says and the
/// keymap it makes (`None`: the default keys).
#[derive(Debug, Clone, Default)]
pub struct UserConfig {
    /// The path looked at (`None`: neither XDG_CONFIG_HOME nor HOME is set).
    pub path: Option<PathBuf>,
    /// Whether the file exists.
    pub found: bool,
    /// Its settings (all unset without a file).
    pub settings: Settings,
    /// The effective keymap when `[keys]` changes any key.
    pub bindings: Option<Vec<Binding>>,
}

/// A config file that cannot be used: `config.toml:3:9: keys.quit: "Ctrl-" is not a key`.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    /// The file, as shown (control characters removed).
    pub file: String,
    /// Where in it (`None`: the file as a whole, e.g. unreadable).
    pub pos: Option<Pos>,
    /// The setting concerned, when known.
    pub key: Option<String>,
    /// What is wrong.
    pub msg: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(p) = self.pos {
            write!(f, ":{}:{}", p.line, p.col)?;
        }
        if let Some(k) = &self.key {
            write!(f, ": {}", crate::text::clean(k))?;
        }
        write!(f, ": {}", self.msg)
    }
}

/// Where the config file is: `$XDG_CONFIG_HOME/gapscope/config.toml` when XDG_CONFIG_HOME is
/// an absolute path (the XDG rule: a relative one is ignored), else
/// `$HOME/.config/gapscope/config.toml`.
pub fn path(xdg_config_home: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
    let base = match xdg_config_home {
        Some(x) if Path::new(x).is_absolute() => PathBuf::from(x),
        _ => match home {
            Some(h) if !h.is_empty() => Path::new(h).join(".config"),
            _ => return None,
        },
    };
    Some(base.join("gapscope").join("config.toml"))
}

/// The config of this process, from the environment's XDG_CONFIG_HOME and HOME.
pub fn from_env() -> Result<UserConfig, ConfigError> {
    let var = |k: &str| std::env::var(k).ok();
    load(path(
        var("XDG_CONFIG_HOME").as_deref(),
        var("HOME").as_deref(),
    ))
}

/// Reads the config at `path`; a missing file is no error (all defaults).
pub fn load(path: Option<PathBuf>) -> Result<UserConfig, ConfigError> {
    let Some(path) = path else {
        return Ok(UserConfig::default());
    };
    let shown = crate::text::clean(&path.display().to_string());
    let whole = |msg: String| ConfigError {
        file: shown.clone(),
        pos: None,
        key: None,
        msg,
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(UserConfig {
                path: Some(path),
                ..UserConfig::default()
            });
        }
        Err(e) => return Err(whole(format!("cannot read the config file: {e}"))),
    };
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| whole(format!("cannot read the config file: {e}")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(whole(format!(
            "larger than {} KiB; a config file is a few lines",
            MAX_BYTES / 1024
        )));
    }
    let (settings, bindings) = parse(&shown, &bytes)?;
    Ok(UserConfig {
        path: Some(path),
        found: true,
        settings,
        bindings,
    })
}

/// Reads a config file's bytes (`file` names it in errors): its settings and, when `[keys]`
/// changes any key, the effective keymap.
pub fn parse(file: &str, bytes: &[u8]) -> Result<(Settings, Option<Vec<Binding>>), ConfigError> {
    let err = |pos: Pos, key: Option<&str>, msg: String| ConfigError {
        file: file.to_string(),
        pos: Some(pos),
        key: key.map(str::to_string),
        msg,
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let line = good.matches('\n').count() + 1;
            let col = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Err(err(Pos { line, col }, None, "not UTF-8 text".into()));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let entries = toml::parse(text).map_err(|e| err(e.pos, None, e.msg))?;
    let mut s = Settings::default();
    let mut key_lines: Vec<(Action, Pos, String)> = Vec::new();
    for e in &entries {
        let bad = |msg: String| err(e.pos, Some(&e.key), msg);
        match e.key.as_str() {
            "theme" => s.theme = Some(choice(e, &THEMES).map_err(bad)?),
            "view" => s.view = Some(choice(e, &VIEWS).map_err(bad)?),
            "ascii" => match e.value {
                Value::Bool(b) => s.ascii = Some(b),
                ref v => return Err(bad(format!("expected true or false, found {}", v.kind()))),
            },
            "asymmetry" => match e.value {
                Value::Num(v) if v > 0.0 && v <= 1.0 => s.asymmetry = Some(v),
                Value::Num(v) => {
                    return Err(bad(format!(
                        "{} is outside 0 to 1 (above 0: 0 would make every pair one-sided)",
                        crate::text::number(v)
                    )));
                }
                ref v => return Err(bad(format!("expected a number, found {}", v.kind()))),
            },
            k => match k.strip_prefix("keys.") {
                Some(name) => {
                    let (action, list) =
                        key_override(e, name).map_err(|(p, m)| err(p, Some(&e.key), m))?;
                    key_lines.push((action, e.pos, e.key.clone()));
                    s.keys.push((action, list));
                }
                None => {
                    let known = ["theme", "ascii", "view", "asymmetry"];
                    let hint = crate::model::suggest::did_you_mean(k, known)
                        .map_or(String::new(), |m| format!("; did you mean {m}?"));
                    return Err(err(
                        e.key_pos,
                        Some(k),
                        format!(
                            "unknown setting{hint} (known: theme, ascii, view, asymmetry and the [keys] table)"
                        ),
                    ));
                }
            },
        }
    }
    if s.keys.is_empty() {
        return Ok((s, None));
    }
    match keys::with_overrides(&s.keys) {
        Ok(bindings) => Ok((s, Some(bindings))),
        Err(clash) => {
            let (pos, key) = key_lines
                .iter()
                .find(|(a, _, _)| *a == clash.ours.action)
                .map_or((Pos { line: 1, col: 1 }, String::new()), |(_, p, k)| {
                    (*p, k.clone())
                });
            Err(err(pos, Some(&key), clash.to_string()))
        }
    }
}

/// The named keys, as the keymap writes them.
const NAMED: &str =
    "Up Down Left Right PageUp PageDown Home End Tab Shift-Tab Enter Esc Backspace Delete Space";

const THEMES: [(&str, ThemeName); 3] = [
    ("dark", ThemeName::Dark),
    ("light", ThemeName::Light),
    ("mono", ThemeName::Mono),
];
const VIEWS: [(&str, View); 4] = [
    ("graph", View::Graph),
    ("matrix", View::Matrix),
    ("gaps", View::Gaps),
    ("review", View::Review),
];

/// One of a few words.
fn choice<T: Copy>(e: &Entry, options: &[(&str, T)]) -> Result<T, String> {
    let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
    match &e.value {
        Value::Str(s) => options
            .iter()
            .find(|(n, _)| n == s)
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                format!(
                    "{} is not one of {}",
                    crate::model::quote(s),
                    names.join(", ")
                )
            }),
        v => Err(format!(
            "expected a string ({}), found {}",
            names.join(", "),
            v.kind()
        )),
    }
}

/// `keys.NAME = "K"` or `["K1", "K2"]`: the action and its keys, each a key the keymap reads.
fn key_override(e: &Entry, name: &str) -> Result<(Action, Vec<String>), (Pos, String)> {
    let all = keys::rebindable();
    let Some(action) = all.iter().find(|(n, _)| n == name).map(|(_, a)| *a) else {
        let hint = crate::model::suggest::did_you_mean(name, all.iter().map(|(n, _)| n.as_str()))
            .map_or(String::new(), |m| format!("; did you mean {m}?"));
        return Err((
            e.key_pos,
            format!(
                "{} is not an action{hint} (`gapscope config` lists them)",
                crate::model::quote(name)
            ),
        ));
    };
    let list = match &e.value {
        Value::Str(s) => vec![(s.clone(), e.pos)],
        Value::List(l) => l.clone(),
        v => {
            return Err((
                e.pos,
                format!(
                    "expected a key (\"q\") or a list of keys, found {}",
                    v.kind()
                ),
            ));
        }
    };
    if list.is_empty() {
        return Err((e.pos, "needs at least one key".into()));
    }
    let mut keys: Vec<String> = Vec::new();
    for (k, pos) in list {
        let shown = crate::model::quote(&k);
        if keymap::parse(&k).is_none() || k.chars().any(char::is_control) {
            return Err((
                pos,
                format!(
                    "{shown} is not a key (one character, Ctrl- and a character, or one of {NAMED})"
                ),
            ));
        }
        let ctrl_char = k.strip_prefix("Ctrl-").and_then(|r| {
            let mut it = r.chars();
            it.next().filter(|_| it.next().is_none())
        });
        // Terminals send these as other keys: the binding would never fire.
        let same = match (k.as_str(), ctrl_char) {
            (" ", _) => Some("Space"),
            (_, Some('i')) => Some("Tab"),
            (_, Some('m' | 'j')) => Some("Enter"),
            (_, Some('h')) => Some("Backspace"),
            (_, Some('[')) => Some("Esc"),
            _ => None,
        };
        if let Some(name) = same {
            return Err((
                pos,
                format!("{shown} reaches gapscope as {name} in most terminals; write \"{name}\""),
            ));
        }
        if let Some(c) = ctrl_char.filter(char::is_ascii_uppercase) {
            return Err((
                pos,
                format!(
                    "{shown}: write Ctrl keys in lower case (\"Ctrl-{}\")",
                    c.to_ascii_lowercase()
                ),
            ));
        }
        if keys.contains(&k) {
            return Err((pos, format!("{shown} is given twice")));
        }
        keys.push(k);
    }
    Ok((action, keys))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_follows_xdg() {
        let p = |x, h| path(x, h).map(|p| p.display().to_string());
        assert_eq!(
            p(Some("/x"), Some("/h")).as_deref(),
            Some("/x/gapscope/config.toml")
        );
        assert_eq!(
            p(Some("rel"), Some("/h")).as_deref(),
            Some("/h/.config/gapscope/config.toml")
        );
        assert_eq!(
            p(Some(""), Some("/h")).as_deref(),
            Some("/h/.config/gapscope/config.toml")
        );
        assert_eq!(p(None, None), None);
    }

    #[test]
    fn settings_and_keys_are_read() {
        let (s, b) = parse(
            "c.toml",
            b"theme = \"light\"\nascii = true\nview = \"gaps\"\nasymmetry = 0.5\n[keys]\nquit = \"Q\"\n",
        )
        .expect("valid");
        assert_eq!(s.theme, Some(ThemeName::Light));
        assert_eq!(s.ascii, Some(true));
        assert_eq!(s.view, Some(View::Gaps));
        assert_eq!(s.asymmetry, Some(0.5));
        let b = b.expect("a keymap");
        let quit: Vec<&str> = b
            .iter()
            .filter(|x| x.action == Action::Quit && x.mode == keymap::Mode::Global)
            .map(|x| x.key)
            .collect();
        assert_eq!(
            quit,
            ["Q", "Ctrl-c"],
            "the override replaces q; Ctrl-c always quits"
        );
        assert!(
            b.iter()
                .any(|x| x.mode == keymap::Mode::Help && x.key == "Ctrl-c"),
            "overlays keep their keys"
        );
    }

    #[test]
    fn a_clash_names_both_bindings() {
        let e = parse("c.toml", b"[keys]\nsave = \"q\"\n").expect_err("clash");
        assert_eq!(e.pos, Some(Pos { line: 2, col: 8 }));
        let m = e.to_string();
        assert!(
            m.contains("\"q\" for save") && m.contains("\"q\" for quit"),
            "{m}"
        );
        // Swapping two keys is fine: the old key is free once replaced.
        assert!(parse("c.toml", b"[keys]\nsave = \"q\"\nquit = \"s\"\n").is_ok());
    }
}

//! The config file takes effect on the screen: the real binary in a real terminal (tmux),
//! XDG_CONFIG_HOME in a temporary folder. Without tmux these pass with a note, as the
//! other tmux tests do (GAPSCOPE_TEST_ALLOW_NO_TMUX).

use std::thread::sleep;
use std::time::Duration;

use crate::tui_common::tmux::{Tmux, tmux_available};

/// Starts the screen on the built-in org with `config` as the config file and `env` in
/// front (e.g. `NO_COLOR=1`); returns the session and the folder (kept while it runs).
fn start(tag: &str, config: &str, env: &str, args: &str) -> (Tmux, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let folder = dir.path().join("gapscope");
    std::fs::create_dir_all(&folder).expect("config folder");
    std::fs::write(folder.join("config.toml"), config).expect("config file");
    let tmux = Tmux::new(tag);
    let bin = env!("CARGO_BIN_EXE_gapscope");
    let shell = format!(
        "env -u NO_COLOR {env} TERM=xterm-256color XDG_CONFIG_HOME='{d}' XDG_STATE_HOME='{d}/state' '{bin}' {args}; echo \"EXIT:$?\"; sleep 30",
        d = dir.path().display()
    );
    tmux.start(&shell);
    (tmux, dir)
}

#[test]
fn the_config_sets_the_view_ascii_asymmetry_and_a_key() {
    if !tmux_available() {
        return;
    }
    let (tmux, _dir) = start(
        "config-keys",
        "view = \"gaps\"\nascii = true\nasymmetry = 0.75\n[keys]\nquit = \"Q\"\n",
        "",
        "",
    );
    let screen = tmux.wait_for("worst gap");
    assert!(
        screen.contains("actual/need"),
        "opens on the gap list:\n{screen}"
    );
    // The built-in org has 7 gaps at 0.25; its one-sided pair (1 vs 3) is under 0.75.
    assert!(
        screen.contains("6 gaps") && !screen.contains("asymmetric"),
        "the asymmetry threshold of the file:\n{screen}"
    );
    assert!(
        !screen.contains('─') && !screen.contains('│') && !screen.contains('█'),
        "ASCII only:\n{screen}"
    );
    // q no longer quits; the help lists Q (and Ctrl-c, which always quits) for quit.
    tmux.keys(&["q"]);
    sleep(Duration::from_millis(300));
    assert!(!tmux.screen().contains("EXIT:"), "q does not quit");
    // The General keys sit before the help's symbols: a page up from the end.
    tmux.keys(&["?", "End", "PageUp"]);
    let help = tmux.wait_for("lines 40");
    assert!(
        help.lines()
            .any(|l| l.contains("  Q Ctrl-c  ") && l.contains("quit")),
        "help shows the override:\n{help}"
    );
    tmux.keys(&["Escape", "Q"]);
    let screen = tmux.wait_for("EXIT:");
    assert!(screen.contains("EXIT:0"), "Q quits:\n{screen}");
}

/// Colour escapes in the pane (tmux keeps them with `-e`).
fn coloured(tmux: &Tmux) -> bool {
    let out = tmux.cmd(&["capture-pane", "-p", "-e", "-t", "t"]);
    let text = String::from_utf8_lossy(&out.stdout);
    // Any colour: 16-colour codes (30-37, 90-97 and their backgrounds) or 38/48 forms.
    text.split("\u{1b}[").skip(1).any(|seq| {
        seq.split_once('m').is_some_and(|(params, _)| {
            params.split(';').any(|p| {
                matches!(
                    p.parse::<u16>(),
                    Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
                )
            })
        })
    })
}

#[test]
fn the_theme_of_the_file_wins_over_no_color_and_a_flag_wins_over_the_file() {
    if !tmux_available() {
        return;
    }
    let cases = [
        ("theme = \"mono\"\n", "", "", false),
        ("theme = \"light\"\n", "NO_COLOR=1", "", true),
        ("# nothing\n", "NO_COLOR=1", "", false),
        ("theme = \"mono\"\n", "", "--theme dark", true),
    ];
    for (i, (config, env, args, colour)) in cases.into_iter().enumerate() {
        let (tmux, _dir) = start(&format!("config-theme{i}"), config, env, args);
        let screen = tmux.wait_for("Finance");
        assert!(
            screen.contains("Finance"),
            "{config} {env} {args}:\n{screen}"
        );
        assert_eq!(coloured(&tmux), colour, "{config} {env} {args}");
        tmux.keys(&["q"]);
        assert!(tmux.wait_for("EXIT:").contains("EXIT:0"));
    }
}

//! End to end: the real binary in a real terminal (tmux) starts, draws the built-in org's
//! units, and quits on `q` with status 0.
//!
//! Without tmux the test fails, unless GAPSCOPE_TEST_ALLOW_NO_TMUX=1 says tmux may be absent
//! (then it prints a skip message and passes). CI installs tmux, so there it runs.

use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

use crate::tui_common::tmux::{Tmux, tmux_available};

#[test]
fn starts_draws_and_quits_in_a_real_terminal() {
    if !tmux_available() {
        return;
    }
    let tmux = Tmux::new("test");
    let bin = env!("CARGO_BIN_EXE_gapscope");
    // A recovery file left in the user's state folder by an earlier session would open the
    // screen on the restore question; this run has a state folder of its own.
    let state = tempfile::tempdir().expect("temporary state folder");
    let shell = format!(
        "env -u NO_COLOR TERM=xterm-256color XDG_CONFIG_HOME=/nonexistent-gapscope-config XDG_STATE_HOME='{}' '{bin}'; echo \"EXIT:$?\"; sleep 30",
        state.path().display()
    );
    tmux.start(&shell);
    let screen = tmux.wait_for("Finance");
    for unit in ["CIO office", "Finance", "Marketing", "HR"] {
        assert!(screen.contains(unit), "{unit} is drawn:\n{screen}");
    }
    assert!(screen.contains("7 units"), "title bar:\n{screen}");
    tmux.cmd(&["send-keys", "-t", "t", "?"]);
    let screen = tmux.wait_for("Keys:");
    assert!(screen.contains("Keys: graph view"), "help opens:\n{screen}");
    tmux.cmd(&["send-keys", "-t", "t", "Escape"]);
    sleep(Duration::from_millis(200));
    tmux.cmd(&["send-keys", "-t", "t", "q"]);
    let screen = tmux.wait_for("EXIT:");
    assert!(screen.contains("EXIT:0"), "quits with status 0:\n{screen}");
    assert!(
        !screen.contains("Keys: graph view"),
        "the alternate screen is left:\n{screen}"
    );
}

#[test]
fn refuses_to_draw_into_a_pipe() {
    let out = Command::new(env!("CARGO_BIN_EXE_gapscope"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not a terminal") && err.contains("gapscope report"),
        "{err}"
    );
}

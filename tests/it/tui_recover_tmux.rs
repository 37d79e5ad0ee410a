//! End to end: the real binary in a real terminal (tmux). An edit, then SIGHUP, SIGTERM or a
//! panic (through the test-only GAPSCOPE_TEST_PANIC_ON_SAVE hook): the terminal is restored,
//! the recovery file holds the edit, and the next start with `--recover` restores it.
//!
//! Without tmux the tests fail, unless GAPSCOPE_TEST_ALLOW_NO_TMUX=1 says tmux may be absent.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tui_common::tmux::{Tmux, tmux_available};
use gapscope::model;
use gapscope::store::Recoveries;

fn shell_line(state: &Path, extra_env: &str, args: &str, file: &Path) -> String {
    let bin = env!("CARGO_BIN_EXE_gapscope");
    format!(
        "env -u NO_COLOR TERM=xterm-256color XDG_STATE_HOME='{}' {extra_env} '{bin}' {args} '{}'; echo \"EXIT:$?\"; sleep 30",
        state.display(),
        file.display()
    )
}

/// Edits (adds unit "zz"), ends the session with `end`, and checks what was left behind.
fn edit_then(tag: &str, extra_env: &str, end: impl Fn(&Tmux), status: i32) {
    let dir = tempfile::tempdir().expect("dir");
    let file: PathBuf = dir.path().join("org.json");
    std::fs::write(&file, model::seed::SEED_JSON).expect("write");
    let state = dir.path().join("state");
    let tmux = Tmux::new(tag);
    tmux.start(&shell_line(&state, extra_env, "", &file));
    let s = tmux.wait_for("7 units");
    assert!(s.contains("7 units"), "{s}");
    tmux.keys(&["a", "z", "z", "Enter"]);
    let s = tmux.wait_for("8 units");
    assert!(s.contains("edited"), "the edit shows:\n{s}");
    end(&tmux);
    let s = tmux.wait_for("EXIT:");
    assert!(
        s.contains(&format!("EXIT:{status}")),
        "exit status {status}:\n{s}"
    );
    assert!(!s.contains("8 units"), "the alternate screen is left:\n{s}");
    assert!(
        s.contains("unsaved edits kept in"),
        "says where the edits are:\n{s}"
    );
    let rec = Recoveries::in_dir(state.join("gapscope"))
        .find(Some(&file))
        .expect("readable")
        .expect("a recovery file");
    assert!(
        rec.org.units.iter().any(|u| u.id == "zz"),
        "the recovery holds the edit"
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        model::seed::SEED_JSON,
        "the file itself is untouched"
    );
    drop(tmux);
    let tmux = Tmux::new(&format!("{tag}2"));
    tmux.start(&shell_line(&state, "", "--recover", &file));
    let s = tmux.wait_for("8 units");
    assert!(
        s.contains("8 units") && s.contains("edited"),
        "restored:\n{s}"
    );
    tmux.keys(&["s"]);
    let s = tmux.wait_for("previous version");
    assert!(s.contains("previous version"), "saved with a backup:\n{s}");
    tmux.keys(&["q"]);
    let s = tmux.wait_for("EXIT:");
    assert!(s.contains("EXIT:0"), "{s}");
    let saved = model::load(&file.display().to_string(), model::DEFAULT_MAX_BYTES).expect("loads");
    assert!(saved.units.iter().any(|u| u.id == "zz"));
    assert!(
        Recoveries::in_dir(state.join("gapscope"))
            .find(Some(&file))
            .expect("readable")
            .is_none(),
        "saving removed the recovery file"
    );
}

fn kill(tmux: &Tmux, signal: &str) {
    let pid = tmux.gapscope_pid().to_string();
    let out = Command::new("kill")
        .args([signal, &pid])
        .output()
        .expect("kill");
    assert!(out.status.success());
}

#[test]
fn sighup_keeps_the_edits_and_recover_restores_them() {
    if tmux_available() {
        edit_then("hup", "", |t| kill(t, "-HUP"), 129);
    }
}

#[test]
fn sigterm_keeps_the_edits_and_recover_restores_them() {
    if tmux_available() {
        edit_then("term", "", |t| kill(t, "-TERM"), 143);
    }
}

#[test]
fn a_panic_keeps_the_edits_and_recover_restores_them() {
    if tmux_available() {
        edit_then(
            "panic",
            "GAPSCOPE_TEST_PANIC_ON_SAVE=1 RUST_BACKTRACE=0",
            |t| t.keys(&["s"]),
            101,
        );
    }
}

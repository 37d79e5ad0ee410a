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
    let bin = assert_cmd::cargo::cargo_bin("gapscope");
    let bin = bin.display();
    format!(
        "env -u NO_COLOR TERM=xterm-256color XDG_CONFIG_HOME=/nonexistent-gapscope-config XDG_STATE_HOME='{}' {extra_env} '{bin}' {args} '{}'; echo \"EXIT:$?\"; sleep 30",
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

#[test]
fn sigusr1_keeps_the_edits_and_recover_restores_them() {
    if tmux_available() {
        edit_then("usr1", "", |t| kill(t, "-USR1"), 138);
    }
}

#[test]
fn sigalrm_keeps_the_edits_and_recover_restores_them() {
    if tmux_available() {
        edit_then("alrm", "", |t| kill(t, "-ALRM"), 142);
    }
}

/// Starts `line` in a fresh tmux and waits for the screen.
fn screen_with(tag: &str, line: &str) -> Tmux {
    let tmux = Tmux::new(tag);
    tmux.start(line);
    let s = tmux.wait_for("units");
    assert!(s.contains("units"), "{s}");
    tmux
}

#[test]
fn a_file_size_limit_fails_the_save_with_a_message_and_the_screen_stays() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("org.json");
    std::fs::write(&file, model::seed::SEED_JSON).expect("write");
    let state = dir.path().join("state");
    let line = format!("ulimit -f 1; {}", shell_line(&state, "", "", &file));
    let tmux = screen_with("xfsz", &line);
    tmux.keys(&["a", "z", "z", "Enter"]);
    tmux.wait_for("8 units");
    tmux.keys(&["s"]);
    let s = tmux.wait_for("not saved");
    assert!(s.contains("not saved (the edits are kept)"), "{s}");
    assert!(s.contains("8 units"), "the screen is still up:\n{s}");
    tmux.keys(&["q", "d"]);
    let s = tmux.wait_for("EXIT:");
    assert!(s.contains("EXIT:0"), "{s}");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.ends_with(".tmp")),
        "no temporary file left: {names:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        model::seed::SEED_JSON
    );
}

#[test]
fn two_screens_on_one_file_hung_up_keep_both_edits() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("dual.json");
    std::fs::write(&file, model::seed::SEED_JSON).expect("write");
    let state = dir.path().join("state");
    let one = screen_with("dual1", &shell_line(&state, "", "", &file));
    let two = screen_with("dual2", &shell_line(&state, "", "", &file));
    one.keys(&["a", "o", "n", "e", "Enter"]);
    two.keys(&["a", "t", "w", "o", "Enter"]);
    one.wait_for("8 units");
    two.wait_for("8 units");
    kill(&one, "-HUP");
    kill(&two, "-HUP");
    one.wait_for("EXIT:");
    two.wait_for("EXIT:");
    let all = Recoveries::in_dir(state.join("gapscope"))
        .find_all(Some(&file))
        .expect("readable");
    assert_eq!(all.len(), 2, "one recovery file per session");
    for id in ["one", "two"] {
        assert!(
            all.iter().any(|r| r.org.units.iter().any(|u| u.id == id)),
            "the edit {id} is kept"
        );
    }
}

#[test]
fn a_standard_input_org_is_offered_only_its_own_recovery() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let a = dir.path().join("a.json");
    std::fs::write(&a, model::seed::SEED_JSON).expect("write");
    let b = dir.path().join("b.json");
    let mut other = model::seed::seed();
    other.title = Some("another org".into());
    std::fs::write(&b, model::save::to_string(&other)).expect("write");
    let state = dir.path().join("state");
    let bin = assert_cmd::cargo::cargo_bin("gapscope");
    let bin = bin.display();
    let piped = |f: &Path| {
        format!(
            "cat '{}' | env -u NO_COLOR TERM=xterm-256color XDG_CONFIG_HOME=/nonexistent-gapscope-config XDG_STATE_HOME='{}' '{bin}' -; echo \"EXIT:$?\"; sleep 30",
            f.display(),
            state.display()
        )
    };
    let t = screen_with("stdin1", &piped(&a));
    t.keys(&["a", "z", "z", "Enter"]);
    t.wait_for("8 units");
    kill(&t, "-HUP");
    t.wait_for("EXIT:");
    drop(t);
    let t = screen_with("stdin2", &piped(&b));
    let s = t.screen();
    assert!(
        !s.contains("Restore unsaved edits?"),
        "another org from standard input is not offered these edits:\n{s}"
    );
    drop(t);
    let t = screen_with("stdin3", &piped(&a));
    let s = t.wait_for("Restore unsaved edits?");
    assert!(s.contains("Restore unsaved edits?"), "{s}");
}

#[test]
fn a_state_folder_others_can_write_is_refused_with_its_path() {
    if !tmux_available() {
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("org.json");
    std::fs::write(&file, model::seed::SEED_JSON).expect("write");
    let state = dir.path().join("state");
    // Someone else's edits, planted in a folder anyone can write.
    let mut planted = model::seed::seed();
    planted.title = Some("planted".into());
    Recoveries::in_dir(state.join("gapscope"))
        .write(Some(&file), &planted, None)
        .expect("written");
    let folder = state.join("gapscope");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let tmux = Tmux::new("planted");
    tmux.start(&shell_line(&state, "", "", &file));
    let s = tmux.wait_for("EXIT:");
    assert!(s.contains("EXIT:2"), "{s}");
    assert!(s.contains("others can write it"), "{s}");
    assert!(
        s.replace('\n', "").contains(&folder.display().to_string()),
        "names the folder:\n{s}"
    );
}

#[test]
fn keys_typed_while_a_large_file_loads_are_not_echoed() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("big.json");
    let out = Command::new(assert_cmd::cargo::cargo_bin("gapscope"))
        .args(["generate", "--units", "150000", "--mean-degree", "2", "-o"])
        .arg(&file)
        .output()
        .expect("generate");
    assert!(out.status.success());
    let state = dir.path().join("state");
    let tmux = Tmux::new("echo");
    tmux.start(&shell_line(&state, "", "", &file));
    // Once gapscope runs and has turned the echo off (watched on the pane's terminal, so
    // the keys never race the start), while the file loads: arrows and a plus.
    let _ = tmux.gapscope_pid();
    let out = tmux.cmd(&["display", "-p", "#{pane_tty}"]);
    let tty = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let quiet = || {
        Command::new("stty")
            .args(["-a", "-F", &tty])
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("-echo "))
    };
    let start = std::time::Instant::now();
    while !quiet() && start.elapsed() < std::time::Duration::from_secs(20) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    tmux.keys(&["Right", "Right", "+"]);
    tmux.wait_for("150000 units");
    tmux.keys(&["q"]);
    // The echo, if any, is on the shell's screen, seen once the screen is left.
    let s = tmux.wait_for("EXIT:");
    assert!(s.contains("EXIT:0"), "{s}");
    assert!(!s.contains("^[[C"), "keys echoed over the shell:\n{s}");
}

//! End to end: the real binary in a real terminal (tmux). An edit, then SIGHUP, SIGTERM or a
//! panic (through the test-only GAPSCOPE_TEST_PANIC_ON_SAVE hook): the terminal is restored,
//! the recovery file holds the edit, and the next start with `--recover` restores it.
//!
//! Without tmux the tests fail, unless GAPSCOPE_TEST_ALLOW_NO_TMUX=1 says tmux may be absent.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use gapscope::model;
use gapscope::store::Recoveries;

/// A private tmux server, killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn new(tag: &str) -> Tmux {
        Tmux {
            socket: format!("gapscope-rec-{tag}-{}", std::process::id()),
        }
    }

    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn start(&self, shell: &str) {
        let out = self.cmd(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "80",
            "-y",
            "24",
            shell,
        ]);
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", "t", k]);
            sleep(Duration::from_millis(80));
        }
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(
            &self
                .cmd(&["capture-pane", "-p", "-S", "-200", "-t", "t"])
                .stdout,
        )
        .into_owned()
    }

    /// Waits (up to a generous bound, for slow CI machines) until the screen shows `text`.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) || start.elapsed() > Duration::from_secs(20) {
                return s;
            }
            sleep(Duration::from_millis(50));
        }
    }

    /// The pid of the gapscope process running in the pane (a child of the pane's shell).
    fn gapscope_pid(&self) -> u32 {
        let out = self.cmd(&["display", "-p", "-t", "t", "#{pane_pid}"]);
        let shell: u32 = String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("pane pid");
        let start = Instant::now();
        loop {
            for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
                let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
                    continue;
                };
                let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
                // pid (comm) state ppid ...
                let Some(rest) = stat.rsplit_once(") ").map(|(_, r)| r) else {
                    continue;
                };
                let ppid = rest.split(' ').nth(1).and_then(|p| p.parse::<u32>().ok());
                if ppid == Some(shell) && stat.contains("(gapscope)") {
                    return pid;
                }
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no gapscope under the pane"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        if std::env::var("GAPSCOPE_TEST_ALLOW_NO_TMUX").is_ok_and(|v| v == "1") {
            eprintln!("SKIPPED: tmux is not installed (allowed by GAPSCOPE_TEST_ALLOW_NO_TMUX=1)");
            return false;
        }
        panic!(
            "tmux is needed for this test (apt-get install tmux), or set GAPSCOPE_TEST_ALLOW_NO_TMUX=1"
        );
    }
    true
}

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

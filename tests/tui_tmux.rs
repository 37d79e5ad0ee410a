//! End to end: the real binary in a real terminal (tmux) starts, draws the built-in org's
//! units, and quits on `q` with status 0.
//!
//! Without tmux the test fails, unless GAPSCOPE_TEST_ALLOW_NO_TMUX=1 says tmux may be absent
//! (then it prints a skip message and passes). CI installs tmux, so there it runs.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A private tmux server, killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
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
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn starts_draws_and_quits_in_a_real_terminal() {
    if !tmux_available() {
        if std::env::var("GAPSCOPE_TEST_ALLOW_NO_TMUX").is_ok_and(|v| v == "1") {
            eprintln!("SKIPPED: tmux is not installed (allowed by GAPSCOPE_TEST_ALLOW_NO_TMUX=1)");
            return;
        }
        panic!(
            "tmux is needed for this test (apt-get install tmux), or set GAPSCOPE_TEST_ALLOW_NO_TMUX=1"
        );
    }
    let tmux = Tmux {
        socket: format!("gapscope-test-{}", std::process::id()),
    };
    let bin = env!("CARGO_BIN_EXE_gapscope");
    // A recovery file left in the user's state folder by an earlier session would open the
    // screen on the restore question; this run has a state folder of its own.
    let state = tempfile::tempdir().expect("temporary state folder");
    let shell = format!(
        "env -u NO_COLOR TERM=xterm-256color XDG_STATE_HOME='{}' '{bin}'; echo \"EXIT:$?\"; sleep 30",
        state.path().display()
    );
    let out = tmux.cmd(&[
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "80",
        "-y",
        "24",
        &shell,
    ]);
    assert!(
        out.status.success(),
        "tmux new-session: {}",
        String::from_utf8_lossy(&out.stderr)
    );
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

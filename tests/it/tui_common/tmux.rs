//! A private tmux server for end-to-end tests of the real binary in a real terminal.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A private tmux server (its own socket), killed when dropped.
pub(crate) struct Tmux {
    socket: String,
}

impl Tmux {
    pub(crate) fn new(tag: &str) -> Tmux {
        Tmux {
            socket: format!("gapscope-{tag}-{}", std::process::id()),
        }
    }

    pub(crate) fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    pub(crate) fn start(&self, shell: &str) {
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

    pub(crate) fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", "t", k]);
            sleep(Duration::from_millis(80));
        }
    }

    pub(crate) fn screen(&self) -> String {
        String::from_utf8_lossy(
            &self
                .cmd(&["capture-pane", "-p", "-S", "-200", "-t", "t"])
                .stdout,
        )
        .into_owned()
    }

    /// Waits (up to a generous bound, for slow CI machines) until the screen shows `text`.
    pub(crate) fn wait_for(&self, text: &str) -> String {
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
    pub(crate) fn gapscope_pid(&self) -> u32 {
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

/// Whether tmux can run here. Without it this panics, unless GAPSCOPE_TEST_ALLOW_NO_TMUX=1
/// says tmux may be absent: then it prints a skip message and returns false.
pub(crate) fn tmux_available() -> bool {
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

//! End to end: the rating form of the real binary in real terminals (tmux, 80x24). Two
//! respondents rate and submit at the same moment; a form killed by SIGHUP reopens with
//! every rating typed.
//!
//! Without tmux the tests fail, unless GAPSCOPE_TEST_ALLOW_NO_TMUX=1 says tmux may be absent.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::rate_cli::ORG;
use crate::tui_common::tmux::{Tmux, tmux_available};

fn shell_line(state: &Path, org: &Path, who: &str, unit: &str, answers: &Path) -> String {
    let bin = env!("CARGO_BIN_EXE_gapscope");
    format!(
        "env -u NO_COLOR TERM=xterm-256color XDG_STATE_HOME='{}' '{bin}' rate '{}' --as {unit} --respondent {who} -o '{}'; echo \"EXIT:$?\"; sleep 30",
        state.display(),
        org.display(),
        answers.display()
    )
}

/// An org, an answers file and a state folder in a fresh temporary folder.
struct Place {
    _dir: tempfile::TempDir,
    org: PathBuf,
    answers: PathBuf,
    state: PathBuf,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::tempdir().expect("dir");
        let org = dir.path().join("org.json");
        std::fs::write(&org, ORG).expect("write");
        Place {
            answers: dir.path().join("answers.csv"),
            state: dir.path().join("state"),
            org,
            _dir: dir,
        }
    }

    /// Ann of sales's form in a fresh tmux, once it shows.
    fn form(&self, tag: &str) -> Tmux {
        let t = Tmux::new(tag);
        t.start(&shell_line(
            &self.state,
            &self.org,
            "ann",
            "sales",
            &self.answers,
        ));
        t
    }
}

/// Sends `signal` to the form and checks that it left the screen, kept the form and ended
/// with 128 + `number`.
fn signal_keeps_the_form(t: &Tmux, signal: &str, number: i32) {
    let pid = t.gapscope_pid();
    let killed = Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let s = t.wait_for("EXIT:");
    assert!(
        s.contains(&format!("EXIT:{}", 128 + number)),
        "128 + SIG{signal}:\n{s}"
    );
    assert!(s.contains("the form is kept in"), "{s}");
    assert!(
        !s.contains("of 3 rated"),
        "the alternate screen is left:\n{s}"
    );
}

fn import(answers: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_gapscope"))
        .args(["import", "--from", "survey", "--min-respondents", "1"])
        .arg(answers)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn strength(org: &serde_json::Value, from: &str, to: &str) -> Option<f64> {
    org["ties"]
        .as_array()?
        .iter()
        .find(|t| t["from"] == from && t["to"] == to)?["strength"]
        .as_f64()
}

#[test]
fn two_respondents_rate_and_submit_at_the_same_time() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let org = dir.path().join("org.json");
    std::fs::write(&org, ORG).expect("write");
    let answers = dir.path().join("answers.csv");
    let state = dir.path().join("state");
    let ann = Tmux::new("rate-ann");
    let bob = Tmux::new("rate-bob");
    ann.start(&shell_line(&state, &org, "ann", "sales", &answers));
    bob.start(&shell_line(&state, &org, "bob", "it", &answers));
    for t in [&ann, &bob] {
        let s = t.wait_for("0 of 3 rated");
        assert!(
            s.contains("Scale: 0 = no contact, 5 = daily joint work"),
            "{s}"
        );
    }
    // ann: marketing 4, IT don't know, Legal 7 (refused) then 1 with a comment.
    ann.keys(&["4", "?", "7"]);
    let s = ann.wait_for("off the scale");
    assert!(s.contains("7 is off the scale: rate from 0 to 5"), "{s}");
    ann.keys(&["1", "n", "by mail", "Enter"]);
    let s = ann.wait_for("3 of 3 rated");
    assert!(
        s.contains("Legal \\u{1b}[2J office (legal)"),
        "escaped:\n{s}"
    );
    // bob: jumps to Legal, rates it 2, then Sales 5.
    bob.keys(&["/", "leg", "Enter", "2", "Home", "5"]);
    let s = bob.wait_for("2 of 3 rated");
    assert!(s.contains("2 of 3 rated"), "{s}");
    // Both submit at once.
    ann.cmd(&["send-keys", "-t", "t", "C-s"]);
    bob.cmd(&["send-keys", "-t", "t", "s"]);
    for t in [&ann, &bob] {
        let s = t.wait_for("submitted");
        assert!(s.contains("submitted"), "{s}");
        t.keys(&["q"]);
        let s = t.wait_for("EXIT:");
        assert!(
            s.contains("EXIT:0") && s.contains("your answers are in"),
            "{s}"
        );
    }
    let text = std::fs::read_to_string(&answers).expect("answers");
    assert!(text.contains("ann,sales,legal,1,by mail"), "{text}");
    let org = import(&answers);
    assert_eq!(strength(&org, "sales", "marketing"), Some(4.0));
    assert_eq!(strength(&org, "sales", "legal"), Some(1.0));
    assert_eq!(strength(&org, "it", "legal"), Some(2.0));
    assert_eq!(strength(&org, "it", "sales"), Some(5.0));
    assert_eq!(
        strength(&org, "sales", "it"),
        None,
        "don't know is not a rating"
    );
}

#[test]
fn sigusr1_restores_the_terminal_and_keeps_the_form() {
    if !tmux_available() {
        return;
    }
    let place = Place::new();
    let t = place.form("rate-usr1");
    t.wait_for("0 of 3 rated");
    t.keys(&["3"]);
    t.wait_for("1 of 3 rated");
    signal_keeps_the_form(&t, "USR1", 10);
    drop(t);
    let t = place.form("rate-usr1b");
    let s = t.wait_for("reopened your form");
    assert!(s.contains("1 of 3 rated"), "{s}");
}

#[test]
fn a_form_killed_by_sighup_reopens_with_every_rating() {
    if !tmux_available() {
        return;
    }
    let place = Place::new();
    let t = place.form("rate-hup");
    t.wait_for("0 of 3 rated");
    t.keys(&["3", "?", "k", "n", "later", "Enter"]);
    let s = t.wait_for("2 of 3 rated");
    assert!(s.contains("+note"), "{s}");
    signal_keeps_the_form(&t, "HUP", 1);
    assert!(!place.answers.exists(), "nothing submitted");
    drop(t);
    let t = place.form("rate-hup2");
    let s = t.wait_for("reopened your form");
    assert!(s.contains("2 of 3 rated"), "{s}");
    assert!(s.contains("don't know +note"), "the comment is back:\n{s}");
    // The highlight is where it was (IT): rate Legal below it and submit.
    t.keys(&["j", "4", "s"]);
    t.wait_for("submitted");
    t.keys(&["q"]);
    t.wait_for("EXIT:");
    let text = std::fs::read_to_string(&place.answers).expect("answers");
    assert_eq!(
        text,
        "respondent,unit,rated,rating,comment\nann,sales,marketing,3,\nann,sales,it,,later\nann,sales,legal,4,\n"
    );
}

#[test]
fn a_lock_that_stays_held_is_said_in_the_form_and_loses_nothing() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let org = dir.path().join("org.json");
    std::fs::write(&org, ORG).expect("write");
    let answers = dir.path().join("answers.csv");
    let state = dir.path().join("state");
    let lock = std::fs::File::create(gapscope::rate::answers::lock_path(&answers)).expect("lock");
    lock.lock().expect("locks");
    let t = Tmux::new("rate-lock");
    let line =
        shell_line(&state, &org, "ann", "sales", &answers).replace(" -o ", " --lock-timeout 1 -o ");
    t.start(&line);
    t.wait_for("0 of 3 rated");
    t.keys(&["2", "3", "s"]);
    let s = t.wait_for("no gapscope is running");
    assert!(
        s.contains("is locked by another submission (waited 1 s);")
            && s.contains("nothing was written and your ratings are kept"),
        "{s}"
    );
    assert!(s.contains("2 of 3 rated"), "the ratings stay:\n{s}");
    assert!(!answers.exists());
    lock.unlock().expect("unlocks");
    t.keys(&["s"]);
    let s = t.wait_for("submitted 2 answers");
    assert!(s.contains("submitted 2 answers"), "{s}");
    t.keys(&["q"]);
    t.wait_for("EXIT:");
    let text = std::fs::read_to_string(&answers).expect("answers");
    assert!(
        text.contains("ann,sales,marketing,2,\nann,sales,it,3,"),
        "{text}"
    );
}

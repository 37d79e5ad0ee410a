//! Big orgs are explorable (issue 9, point 12): a user finds a unit and its gaps in three
//! keys or fewer (`/`, the name typed, Enter), on the 1005-person email network (through the
//! one real loop) and on a 10,000-unit org (the real binary in tmux).

use gapscope::model;
use gapscope::tui::Config;

use crate::tui_common::tmux::{Tmux, tmux_available};
use crate::tui_common::{keys, started, text, type_text};

#[test]
fn a_person_of_the_email_network_and_their_gaps_in_three_keys() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/email-eu-core-people.json"
    );
    let org = model::load(path, model::DEFAULT_MAX_BYTES).expect("fixture loads");
    let (mut app, mut term) = started(org, &Config::default(), 120, 40);
    let screen = text(term.backend().buffer());
    // The departments are numbered 0..41 in the file; their department_name names them.
    assert!(screen.contains("Dept 0 (49)"), "{screen}");
    keys(&mut app, &mut term, &["/"]);
    type_text(&mut app, &mut term, "p122");
    keys(&mut app, &mut term, &["Enter"]);
    let screen = text(term.backend().buffer());
    assert!(screen.contains("id p122 · Dept 0"), "{screen}");
    assert!(screen.contains("Gaps (6)"), "{screen}");
    assert!(screen.contains("one-sided: p103 ↔ p122"), "{screen}");
}

#[test]
fn a_unit_of_a_10000_unit_org_and_its_gaps_in_three_keys() {
    if !tmux_available() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_gapscope");
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("org10k.json");
    let made = std::process::Command::new(bin)
        .args(["generate", "--units", "10000", "-o"])
        .arg(&file)
        .output()
        .expect("generate runs");
    assert!(made.status.success(), "{made:?}");
    let tmux = Tmux::new("find10k");
    let shell = format!(
        "env -u NO_COLOR TERM=xterm-256color XDG_STATE_HOME='{}' '{bin}' '{}'; sleep 30",
        dir.path().display(),
        file.display()
    );
    tmux.start(&shell);
    tmux.cmd(&["resize-window", "-t", "t", "-x", "120", "-y", "40"]);
    let screen = tmux.wait_for("10000 units");
    assert!(screen.contains("10000 units"), "{screen}");
    // `u0003` (Finance team 3) has targets with three department heads.
    tmux.keys(&["/", "u0003", "Enter"]);
    // The gaps are listed once the quick analysis is in (a debug build takes a while).
    let listed = |screen: &str| {
        screen
            .lines()
            .find_map(|l| l.split("Gaps (").nth(1))
            .and_then(|rest| rest.split(')').next())
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| n > 0)
    };
    let start = std::time::Instant::now();
    let mut screen = tmux.screen();
    // Wait for the search to close on the found unit with its gaps (the selection follows
    // the search while it is typed, and the first screen's own unit has gaps too).
    let found = |screen: &str| {
        screen.contains("id u0003 · Finance") && !screen.contains("Enter accept") && listed(screen)
    };
    while !found(&screen) && start.elapsed() < std::time::Duration::from_secs(120) {
        std::thread::sleep(std::time::Duration::from_millis(100));
        screen = tmux.screen();
    }
    assert!(screen.contains("id u0003 · Finance"), "{screen}");
    assert!(
        !screen.contains("Enter accept"),
        "the search is closed:\n{screen}"
    );
    assert!(listed(&screen), "its gaps are listed:\n{screen}");
}

//! `gapscope NEW --compare OLD`: the screen's what-if compares with an older snapshot. Two
//! hand-made quarters (tests/fixtures_tui/compare-q1.json and -q2.json) where, from Q1 to Q2,
//! Bravo–Delta's gap closes, Charlie–Delta's opens and Alpha–Charlie's widens; the unit
//! "gone" leaves and "newbie" arrives.

use crate::tui_common::{keys, text, unit};
use assert_cmd::Command;
use clap::Parser;
use gapscope::cli::Cli;
use gapscope::cli::open::prepare;
use gapscope::store::Recoveries;
use gapscope::tui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures_tui/compare-{name}.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// The screen as `gapscope ARGS` prepares it, analysed and drawn at `w`x`h`.
fn open(args: &[&str], w: u16, h: u16) -> (App, Terminal<TestBackend>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut argv = vec!["gapscope".to_string()];
    argv.extend(args.iter().map(|s| s.to_string()));
    let cli = Cli::try_parse_from(argv).expect("arguments parse");
    let mut app = prepare(&cli, Recoveries::in_dir(dir.path().join("state"))).expect("opens");
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    gapscope::tui::script::play(&mut app, &mut term, Vec::new(), true);
    (app, term, dir)
}

fn compared(w: u16, h: u16) -> (App, Terminal<TestBackend>, tempfile::TempDir) {
    open(&[&fixture("q2"), "--compare", &fixture("q1")], w, h)
}

fn screen(term: &Terminal<TestBackend>) -> String {
    text(term.backend().buffer())
}

/// The screen line that mentions `what`.
fn line_with(s: &str, what: &str) -> String {
    s.lines()
        .find(|l| l.contains(what))
        .unwrap_or_else(|| panic!("no line with {what:?} in\n{s}"))
        .to_string()
}

#[test]
fn the_title_bar_counts_the_gap_changes_since_old() {
    // At 120 columns the summary is whole beside the initiative; narrower, it is cut with
    // the ellipsis before the initiative goes (issue 9, point 6).
    let (_, term, _dir) = compared(120, 30);
    let s = screen(&term);
    assert!(
        s.contains("since compare-q1.json: 1 closed, 1 opened, 1 widened"),
        "{s}"
    );
    assert!(!s.contains("edited"), "{s}");
    let (_, term, _dir) = open(&[&fixture("q2")], 100, 30);
    assert!(
        !screen(&term).contains("since"),
        "no marker without --compare"
    );
}

#[test]
fn the_gap_list_marks_new_and_widened_gaps_and_leaves_the_rest_blank() {
    let (mut app, mut term, _dir) = compared(100, 30);
    keys(&mut app, &mut term, &["3"]);
    let s = screen(&term);
    assert!(line_with(&s, "severity").contains("since"), "{s}");
    let widened = line_with(&s, "target Alpha ↔ Charlie");
    assert!(widened.contains("▲0.40"), "severity 0.2 → 0.6:\n{s}");
    let opened = line_with(&s, "target Charlie ↔ Delta");
    assert!(opened.contains(" new "), "{s}");
    assert!(!s.contains("Bravo ↔ Delta"), "the closed gap is gone:\n{s}");
    // Every other gap is unchanged and has no marker.
    let rows: Vec<&str> = s.lines().filter(|l| l.contains("█")).collect();
    assert!(rows.len() >= 2, "{s}");
    for row in rows {
        let marked = row.contains("▲") || row.contains("▼") || row.contains(" new ");
        assert_eq!(
            marked,
            row.contains("Alpha ↔ Charlie") || row.contains("Charlie ↔ Delta"),
            "{row}"
        );
    }
}

#[test]
fn the_narrow_gap_list_with_deltas_at_80x24() {
    let (mut app, mut term, _dir) = compared(80, 24);
    keys(&mut app, &mut term, &["3"]);
    insta::assert_snapshot!(screen(&term));
}

#[test]
fn the_detail_pane_shows_metric_changes_old_ratings_and_new_units() {
    let (mut app, mut term, _dir) = compared(120, 40);
    app.select(unit(&app, "a"), None);
    gapscope::tui::script::draw(&mut app, &mut term);
    let s = screen(&term);
    // Alpha: strength 1.4 → 1.6, betweenness 0.1 → 0.4 (see `gapscope diff`).
    assert!(s.contains("strength 1.60 (+0.20)"), "{s}");
    assert!(s.contains("betweenness 0.400 (+0.300)"), "{s}");
    app.select(unit(&app, "newbie"), None);
    gapscope::tui::script::draw(&mut app, &mut term);
    let s = screen(&term);
    assert!(s.contains("new since compare-q1.json"), "{s}");
    assert!(!s.contains("(+"), "no deltas for a unit OLD lacks:\n{s}");
    // The pair Alpha–Charlie: 3 in Q1, 1 now.
    keys(&mut app, &mut term, &["2"]);
    app.select(unit(&app, "a"), Some(unit(&app, "c")));
    gapscope::tui::script::draw(&mut app, &mut term);
    let s = screen(&term);
    assert!(s.contains("pair strength 1 (was 3)"), "{s}");
    // Alpha–Bravo did not change: no old value.
    app.select(app.selected(), Some(unit(&app, "b")));
    gapscope::tui::script::draw(&mut app, &mut term);
    let s = screen(&term);
    assert!(
        line_with(&s, "pair strength 4").contains("pair strength 4 (scale"),
        "{s}"
    );
}

#[test]
fn the_changes_list_says_since_old_and_lists_closed_gaps_and_units() {
    let (mut app, mut term, _dir) = compared(100, 30);
    keys(&mut app, &mut term, &["c"]);
    let s = screen(&term);
    assert!(s.contains("Changes since compare-q1.json"), "{s}");
    assert!(s.contains("1 closed, 1 opened, 1 widened"), "{s}");
    assert!(s.contains("closed   below target: Bravo–Delta"), "{s}");
    assert!(s.contains("opened   below target: Charlie–Delta"), "{s}");
    assert!(s.contains("widened  below target: Alpha–Charlie"), "{s}");
    assert!(s.contains("units added (1): Newbie"), "{s}");
    assert!(s.contains("units removed (1): Gone"), "{s}");
}

#[test]
fn edits_while_comparing_are_still_compared_with_old() {
    let (mut app, mut term, _dir) = compared(120, 30);
    // Alpha–Charlie back to 3, as in Q1: the widened gap is no longer a change.
    keys(&mut app, &mut term, &["2"]);
    app.select(unit(&app, "a"), Some(unit(&app, "c")));
    keys(&mut app, &mut term, &["+", "+"]);
    let s = screen(&term);
    assert!(
        s.contains("● since compare-q1.json: 1 closed, 1 opened │"),
        "{s}"
    );
    keys(&mut app, &mut term, &["u", "u"]);
    let s = screen(&term);
    assert!(
        s.contains("since compare-q1.json: 1 closed, 1 opened, 1 widened"),
        "undo goes back to the comparison with OLD:\n{s}"
    );
    assert!(!s.contains('●'), "{s}");
}

#[test]
fn a_missing_old_file_is_refused_before_any_terminal_check() {
    let out = Command::cargo_bin("gapscope")
        .expect("binary")
        .args([&fixture("q2"), "--compare", "missing.json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing.json"), "{err}");
    assert!(!err.contains("not a terminal"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn old_is_read_with_the_same_size_limit_as_file() {
    let out = Command::cargo_bin("gapscope")
        .expect("binary")
        .args(["--max-bytes", "100", "--compare", &fixture("q1")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("compare-q1.json"), "{err}");
    assert!(!err.contains("not a terminal"), "{err}");
}

#[test]
fn a_narrowed_gap_is_marked_with_a_down_arrow_and_its_size() {
    // Q1 compared with Q2 (the other way round): Q1's Alpha–Charlie gap (3 of 4) is
    // narrower than Q2's (1 of 4), and Bravo–Delta's is new.
    let (mut app, mut term, _dir) = open(&[&fixture("q1"), "--compare", &fixture("q2")], 120, 30);
    keys(&mut app, &mut term, &["3"]);
    let s = screen(&term);
    assert!(
        s.contains("since compare-q2.json: 1 closed, 1 opened, 1 narrowed"),
        "{s}"
    );
    assert!(
        line_with(&s, "target Alpha ↔ Charlie").contains("▼0.40"),
        "{s}"
    );
    assert!(
        line_with(&s, "target Bravo ↔ Delta").contains(" new "),
        "{s}"
    );
}

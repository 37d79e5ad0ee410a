//! Snapshots of the review card and the action form at 80x24 and 120x40 (the built-in org,
//! AI rollout, today 2026-11-30), and the colour of an overdue action on a cell.

use crate::tui_common::{keys, type_text};
use crate::tui_review::{review, screen};
use gapscope::tui::Config;
use gapscope::tui::theme::Theme;

fn card(w: u16, h: u16, script: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = review(dir.path(), Some("ai"), Config::default(), w, h);
    keys(&mut app, &mut term, script);
    screen(&term)
}

fn form(w: u16, h: u16) -> String {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = review(dir.path(), Some("ai"), Config::default(), w, h);
    keys(&mut app, &mut term, &["A"]);
    type_text(&mut app, &mut term, "Monthly security sync");
    keys(&mut app, &mut term, &["Tab"]);
    type_text(&mut app, &mut term, "CISO");
    keys(&mut app, &mut term, &["Tab"]);
    type_text(&mut app, &mut term, "2027-02-30");
    keys(&mut app, &mut term, &["Enter"]);
    screen(&term)
}

#[test]
fn review_card_80x24() {
    insta::assert_snapshot!("review_card_80x24", card(80, 24, &[]));
    insta::assert_snapshot!(
        "review_card_80x24_third_gap_plan",
        card(80, 24, &["j", "j", "p"])
    );
}

#[test]
fn review_card_120x40() {
    insta::assert_snapshot!("review_card_120x40", card(120, 40, &[]));
    insta::assert_snapshot!(
        "review_card_120x40_third_gap_plan",
        card(120, 40, &["j", "j", "p"])
    );
}

#[test]
fn action_form_with_a_refusal() {
    insta::assert_snapshot!("review_form_80x24", form(80, 24));
    insta::assert_snapshot!("review_form_120x40", form(120, 40));
}

#[test]
fn an_overdue_action_is_drawn_in_the_alarm_colour() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = review(dir.path(), Some("ai"), Config::default(), 120, 40);
    // The first gap of AI rollout has an overdue action; a new action takes the selection
    // from it.
    keys(&mut app, &mut term, &["A"]);
    type_text(&mut app, &mut term, "Pair the architects");
    keys(&mut app, &mut term, &["Enter"]);
    let buf = term.backend().buffer().clone();
    let mut found = None;
    for y in 0..buf.area.height {
        let cells: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let row: String = cells.concat();
        if let Some(at) = row.find("OVERDUE") {
            let col = row[..at].chars().count() as u16;
            found = Some(buf[(col, y)].style());
        }
    }
    let style = found.expect("OVERDUE is on the card");
    let theme = Theme::new(Config::default().theme);
    assert_eq!(style.fg, theme.alarm.fg, "{style:?}");
}

#[test]
fn ascii_mode_keeps_the_review_ascii() {
    let config = Config {
        ascii: true,
        ..Config::default()
    };
    let scripts: [&[&str]; 4] = [&[], &["j", "j", "p"], &["A", "x"], &["p", "3"]];
    for script in scripts {
        for (w, h) in [(80, 24), (120, 40)] {
            let dir = tempfile::tempdir().expect("dir");
            let (mut app, mut term) = review(dir.path(), Some("ai"), config.clone(), w, h);
            keys(&mut app, &mut term, script);
            let s = screen(&term);
            assert!(s.is_ascii(), "non-ASCII after {script:?} at {w}x{h}:\n{s}");
        }
    }
}

//! The rating form without a terminal: keys through `Form::key`, drawing through
//! `TestBackend` (80x24 in mono and ASCII, names escaped, never a panic when tiny).

use gapscope::model;
use gapscope::rate::keep::{Keeper, restore};
use gapscope::rate::view::{Look, render};
use gapscope::rate::{Answer, Form, Outcome, rows_of};
use gapscope::tui::theme::{Theme, ThemeName};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use super::rate_cli::ORG;

fn form() -> Form {
    let org = model::from_bytes("org.json", ORG.as_bytes()).expect("org");
    Form::new(&org, "sales", "ann", "answers.csv")
}

fn press(f: &mut Form, keys: &str) -> Vec<Outcome> {
    keys.chars()
        .map(|c| f.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
        .collect()
}

fn code(f: &mut Form, code: KeyCode) -> Outcome {
    f.key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn screen(f: &Form, w: u16, h: u16, look: &Look) -> String {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    render(f, look, area, &mut buf);
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn mono_ascii() -> Look {
    Look {
        theme: Theme::new(ThemeName::Mono).ascii(true),
    }
}

#[test]
fn rows_are_the_other_units_by_department() {
    let f = form();
    let ids: Vec<&str> = f.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["marketing", "it", "legal"],
        "own unit left out, no department last"
    );
}

#[test]
fn a_digit_rates_and_moves_on_question_mark_is_dont_know_backspace_clears() {
    let mut f = form();
    assert_eq!(press(&mut f, "4?"), [Outcome::Changed, Outcome::Changed]);
    assert_eq!(f.rows[0].answer, Answer::Rated(4.0));
    assert_eq!(f.rows[1].answer, Answer::DontKnow);
    assert_eq!(f.cursor(), 2);
    press(&mut f, "k");
    assert_eq!(code(&mut f, KeyCode::Backspace), Outcome::Changed);
    assert_eq!(f.rows[1].answer, Answer::Unrated);
    assert_eq!(f.answered(), 1);
    let rows = rows_of(&f);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0],
        ["ann", "sales", "marketing", "4", ""].map(String::from)
    );
}

#[test]
fn an_off_scale_rating_is_refused_in_place() {
    let mut f = form();
    press(&mut f, "3k");
    assert_eq!(press(&mut f, "7"), [Outcome::Nothing]);
    assert_eq!(f.rows[0].answer, Answer::Rated(3.0), "the old rating stays");
    assert_eq!(f.cursor(), 0, "the highlight stays");
    let s = screen(&f, 80, 24, &mono_ascii());
    assert!(s.contains("7 is off the scale: rate from 0 to 5"), "{s}");
}

#[test]
fn comments_and_the_jump_use_the_line_editor() {
    let mut f = form();
    press(&mut f, "n");
    press(&mut f, "weekly, mostly by mail");
    let s = screen(&f, 80, 24, &mono_ascii());
    assert!(s.contains(" Comment: weekly, mostly by mail"), "{s}");
    assert_eq!(code(&mut f, KeyCode::Enter), Outcome::Changed);
    assert_eq!(f.rows[0].comment, "weekly, mostly by mail");
    assert_eq!(
        f.rows[0].answer,
        Answer::DontKnow,
        "a comment alone goes out unrated"
    );
    press(&mut f, "/leg");
    assert_eq!(f.cursor(), 2, "jumps while typing");
    code(&mut f, KeyCode::Esc);
    assert_eq!(f.cursor(), 0, "Esc goes back");
    press(&mut f, "/IT");
    code(&mut f, KeyCode::Enter);
    assert_eq!(f.cursor(), 1);
    // Ctrl-s submits even while typing a comment, keeping it.
    press(&mut f, "nsoon");
    let out = f.key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert_eq!(out, Outcome::Submit);
    assert_eq!(f.rows[1].comment, "soon");
    assert_eq!(press(&mut f, "s"), [Outcome::Submit]);
    assert_eq!(press(&mut f, "q"), [Outcome::Quit]);
}

#[test]
fn a_wider_scale_takes_typed_ratings() {
    let mut org = model::from_bytes("org.json", ORG.as_bytes()).expect("org");
    org.scale = model::Scale {
        min: 1.0,
        max: 10.0,
    };
    let mut f = Form::new(&org, "sales", "ann", "answers.csv");
    press(&mut f, "10");
    code(&mut f, KeyCode::Enter);
    assert_eq!(f.rows[0].answer, Answer::Rated(10.0));
    press(&mut f, "0.5");
    assert_eq!(code(&mut f, KeyCode::Enter), Outcome::Nothing);
    assert_eq!(f.rows[1].answer, Answer::Unrated, "0.5 is below 1");
}

#[test]
fn the_form_at_80x24_in_mono_and_ascii() {
    let mut f = form();
    press(&mut f, "5?");
    let s = screen(&f, 80, 24, &mono_ascii());
    assert!(s.is_ascii(), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn names_are_escaped_and_tiny_terminals_do_not_panic() {
    let f = form();
    for look in [
        mono_ascii(),
        Look {
            theme: Theme::new(ThemeName::Dark),
        },
    ] {
        let s = screen(&f, 80, 24, &look);
        assert!(s.contains("Legal \\u{1b}[2J office"), "{s}");
        for (w, h) in [(0, 0), (1, 1), (39, 7), (40, 8), (200, 3)] {
            let _ = screen(&f, w, h, &look);
        }
    }
    assert!(screen(&f, 39, 24, &mono_ascii()).contains("terminal too small (need 40x8)"));
}

#[test]
fn a_kept_form_comes_back_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let org_path = dir.path().join("org.json");
    std::fs::write(&org_path, ORG).expect("write");
    let keeper = Keeper::in_dir(dir.path(), &org_path, "ann", "sales");
    let mut f = form();
    press(&mut f, "2?nhi");
    code(&mut f, KeyCode::Enter);
    keeper.write(&f).expect("kept");
    let other = Keeper::in_dir(dir.path(), &org_path, "bob", "sales");
    assert!(
        other.read().expect("reads").is_none(),
        "another respondent's form is apart"
    );
    let kept = keeper.read().expect("reads").expect("there");
    let mut back = form();
    assert_eq!(restore(&mut back, &kept), 3);
    assert_eq!(rows_of(&back), rows_of(&f));
    assert_eq!(back.cursor(), f.cursor());
}

#[test]
fn a_kept_form_that_others_can_write_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    let org_path = dir.path().join("org.json");
    std::fs::write(&org_path, ORG).expect("write");
    let keeper = Keeper::in_dir(&dir.path().join("state"), &org_path, "ann", "sales");
    let mut f = form();
    press(&mut f, "2");
    keeper.write(&f).expect("kept");
    assert!(keeper.read().expect("trusted").is_some());
    // A file another user could have planted or changed is not loaded.
    let perm = |p: &std::path::Path, mode| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod")
    };
    perm(keeper.path(), 0o666);
    let e = keeper.read().expect_err("a writable file is refused");
    assert!(e.to_string().contains("others can write it"), "{e}");
    perm(keeper.path(), 0o600);
    let folder = keeper.path().parent().expect("folder");
    perm(folder, 0o777);
    let e = keeper.read().expect_err("a writable folder is refused");
    assert!(e.to_string().contains("others can write it"), "{e}");
}

#[test]
fn docs_list_every_key_of_the_form() {
    let docs = include_str!("../../docs/collecting.md");
    assert!(
        docs.contains(&gapscope::rate::keys::markdown()),
        "docs/collecting.md's key table is stale; it should read:\n{}",
        gapscope::rate::keys::markdown()
    );
}

#[test]
fn a_respondent_who_submitted_before_starts_from_their_answers() {
    let mut f = form();
    let rows = [
        ["bob", "sales", "it", "1", ""],
        ["ann", "sales", "it", "4", "ok"],
        ["ann", "sales", "legal", "", ""],
        ["ann", "it", "marketing", "2", ""],
    ]
    .map(|r| r.map(String::from));
    assert_eq!(
        gapscope::rate::prefill(&mut f, &rows),
        2,
        "only ann's rows as sales"
    );
    assert_eq!(f.rows[1].answer, Answer::Rated(4.0));
    assert_eq!(f.rows[1].comment, "ok");
    assert_eq!(f.rows[2].answer, Answer::DontKnow);
    assert_eq!(f.rows[0].answer, Answer::Unrated);
}

#[test]
fn a_long_message_is_shown_whole_at_80x24() {
    let mut f = form();
    let long = "/tmp/answers.csv is locked by another submission (waited 10 s); nothing was \
                written and your ratings are kept: submit again, or remove /tmp/answers.csv.lock \
                if no gapscope is running";
    f.say(long, true);
    let s = screen(&f, 80, 24, &mono_ascii());
    assert!(s.contains("if no gapscope is running"), "{s}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
    /// Any keys: no panic, the highlight stays on a row, every rating stays on the scale.
    #[test]
    fn random_keys_keep_the_form_sound(keys in proptest::collection::vec(0usize..24, 0..60)) {
        let codes = [
            KeyCode::Char('0'), KeyCode::Char('5'), KeyCode::Char('9'), KeyCode::Char('?'),
            KeyCode::Char('j'), KeyCode::Char('k'), KeyCode::Char('n'), KeyCode::Char('/'),
            KeyCode::Char('x'), KeyCode::Char('.'), KeyCode::Char('-'), KeyCode::Char('s'),
            KeyCode::Enter, KeyCode::Esc, KeyCode::Backspace, KeyCode::Delete,
            KeyCode::Up, KeyCode::Down, KeyCode::PageUp, KeyCode::PageDown,
            KeyCode::Home, KeyCode::End, KeyCode::Left, KeyCode::Char('\u{1b}'),
        ];
        let mut f = form();
        for k in keys {
            f.key(KeyEvent::new(codes[k], KeyModifiers::NONE));
            proptest::prop_assert!(f.cursor() < f.rows.len());
            for r in &f.rows {
                if let Answer::Rated(v) = r.answer {
                    proptest::prop_assert!((0.0..=5.0).contains(&v));
                }
            }
            let _ = screen(&f, 80, 24, &mono_ascii());
        }
    }
}

#[test]
fn the_highlighted_unit_stays_in_view_and_is_marked_by_more_than_colour() {
    let mut org = model::Org {
        scale: model::Scale { min: 0.0, max: 5.0 },
        ..model::Org::default()
    };
    for i in 0..40 {
        org.units.push(model::Unit {
            id: format!("u{i}"),
            group: Some(format!("dept {}", i % 4)),
            ..model::Unit::default()
        });
    }
    let mut f = Form::new(&org, "u0", "ann", "answers.csv");
    assert_eq!(f.rows.len(), 39);
    code(&mut f, KeyCode::End);
    let s = screen(&f, 80, 24, &mono_ascii());
    assert!(s.contains("\n> u39 "), "{s}");
    press(&mut f, "3");
    assert!(screen(&f, 80, 24, &mono_ascii()).contains("1 of 39 rated"));
    code(&mut f, KeyCode::Home);
    let look = Look {
        theme: Theme::new(ThemeName::Dark),
    };
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(area);
    render(&f, &look, area, &mut buf);
    let row = (0..24)
        .find(|&y| buf[(0, y)].symbol() == "▸")
        .expect("a marker");
    assert_eq!(
        buf[(2, row)].style().bg,
        look.theme.selected.bg,
        "highlighted"
    );
    let mono = mono_ascii();
    let mut buf = Buffer::empty(area);
    render(&f, &mono, area, &mut buf);
    let row = (0..24)
        .find(|&y| buf[(0, y)].symbol() == ">")
        .expect("a marker");
    assert!(
        buf[(2, row)]
            .style()
            .add_modifier
            .contains(ratatui::style::Modifier::REVERSED),
        "mono highlights by reversing"
    );
}

#[test]
fn every_state_of_the_form_is_ascii_with_ascii() {
    // The org's names are ASCII apart from one escaped control character; every glyph of the
    // form comes from the theme's ASCII symbols.
    let look = mono_ascii();
    let states: [&dyn Fn(&mut Form); 6] = [
        &|_| {},
        &|f| {
            press(f, "4?");
        },
        &|f| {
            press(f, "n");
            press(f, "a note");
        },
        &|f| {
            press(f, "/");
            press(f, "le");
        },
        &|f| {
            press(f, "7");
        },
        &|f| {
            press(f, "3");
            code(f, KeyCode::Home);
        },
    ];
    for (k, state) in states.iter().enumerate() {
        let mut f = form();
        state(&mut f);
        for (w, h) in [(80, 24), (120, 40), (200, 60), (40, 8), (39, 24), (20, 3)] {
            let s = screen(&f, w, h, &look);
            assert!(s.is_ascii(), "state {k} at {w}x{h}:\n{s}");
        }
    }
    // In Unicode the same form draws its own glyphs.
    let unicode = Look {
        theme: Theme::new(ThemeName::Mono),
    };
    let s = screen(&form(), 80, 24, &unicode);
    assert!(s.contains('▸') && s.contains('·') && s.contains('─'), "{s}");
}

//! `--ascii`: the glyphs come from the theme's ASCII symbols (no post-pass over the screen),
//! so every view and overlay draws only ASCII on an org whose names are ASCII; names from
//! the file are drawn as they are; `--no-ascii` turns off the config file's `ascii = true`,
//! and `gapscope config` says where the setting came from.

use crate::config_files::gapscope;
use crate::tui_common::{keys, started, text};
use clap::Parser;
use gapscope::cli::Cli;
use gapscope::cli::open::{AsciiArgs, Source, prepare};
use gapscope::model::seed::seed;
use gapscope::store::Recoveries;
use gapscope::tui::{App, Config, Document};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Every view and overlay, by the keys that open it.
const SCRIPTS: &[(&str, &[&str])] = &[
    ("graph", &[]),
    ("graph grouped", &["g"]),
    ("graph focus and threshold", &[">", "]"]),
    ("graph with detail", &["d", "l"]),
    ("matrix", &["2", "l", "l"]),
    ("groups matrix", &["2", "g"]),
    ("groups matrix with detail", &["2", "g", "d"]),
    ("gaps", &["3"]),
    ("gaps with detail", &["3", "d", "j"]),
    ("gaps filtered", &["3", "f", "f"]),
    ("review", &["4"]),
    ("review with the plan", &["4", "p", "Space"]),
    ("review form", &["4", "A"]),
    ("review who form", &["4", "w"]),
    ("help", &["?"]),
    ("help scrolled", &["?", "End"]),
    ("changes without edits", &["c"]),
    ("changes after an edit", &["2", "l", "+", "c"]),
    ("edited title bar", &["2", "l", "+"]),
    ("about", &["b"]),
    ("save-as prompt", &["W"]),
    ("target prompt", &["3", "t"]),
    ("refused prompt", &["3", "t", "Ctrl-u", "x", "Enter"]),
    ("quit dialog", &["2", "l", "+", "q"]),
    ("pick-a-unit dialog", &["3", "X"]),
    ("search", &["/", "c"]),
    ("gap list search", &["3", "/", "x"]),
];

fn ascii() -> Config {
    Config {
        ascii: true,
        ..Config::default()
    }
}

fn non_ascii(s: &str) -> Vec<(usize, char)> {
    s.lines()
        .enumerate()
        .flat_map(|(y, l)| l.chars().filter(|c| !c.is_ascii()).map(move |c| (y, c)))
        .collect()
}

#[test]
fn every_view_and_overlay_is_ascii_with_ascii() {
    assert!(
        seed().units.iter().all(|u| u.label().is_ascii()),
        "the test needs ASCII names"
    );
    for (what, script) in SCRIPTS {
        for (w, h) in [(80, 24), (120, 40), (200, 60), (40, 12)] {
            let (mut app, mut term) = started(seed(), &ascii(), w, h);
            keys(&mut app, &mut term, script);
            let s = text(term.backend().buffer());
            let bad = non_ascii(&s);
            assert!(bad.is_empty(), "{what} at {w}x{h}: {bad:?}\n{s}");
        }
    }
}

#[test]
fn the_screen_is_ascii_while_it_computes_and_when_too_small() {
    for (w, h) in [(80, 24), (120, 40), (30, 8), (39, 11), (5, 2)] {
        // Drawn before the analysis arrives: the spinner and "... gaps".
        let mut app = App::from_document(Document::new(seed(), "test").config(ascii()));
        let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        gapscope::tui::script::draw(&mut app, &mut term);
        let s = text(term.backend().buffer());
        assert!(non_ascii(&s).is_empty(), "at {w}x{h}:\n{s}");
        if w >= 80 {
            assert!(s.contains("... gaps"), "{s}");
        }
    }
}

#[test]
fn comparing_with_an_older_snapshot_is_ascii() {
    let fixture = |q: &str| {
        format!(
            "{}/tests/fixtures_tui/compare-{q}.json",
            env!("CARGO_MANIFEST_DIR")
        )
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let cli = Cli::try_parse_from([
        "gapscope".to_string(),
        fixture("q2"),
        "--compare".into(),
        fixture("q1"),
        "--ascii".into(),
    ])
    .expect("arguments parse");
    let mut app = prepare(&cli, Recoveries::in_dir(dir.path().join("state"))).expect("opens");
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    gapscope::tui::script::play(&mut app, &mut term, Vec::new(), true);
    for script in [&["3"][..], &["c"], &["3", "d"], &["4"], &["2"]] {
        keys(&mut app, &mut term, script);
        let s = text(term.backend().buffer());
        assert!(non_ascii(&s).is_empty(), "after {script:?}:\n{s}");
        if script == ["3"] {
            assert!(
                s.contains('^') && s.contains(" | "),
                "widened marks and separators in ASCII:\n{s}"
            );
        }
        keys(&mut app, &mut term, &["Esc"]);
    }
}

#[test]
fn names_from_the_file_are_drawn_as_they_are() {
    // A name with the punctuation that ASCII mode spells differently in the program's own
    // sentences: the name keeps it, the sentence around it does not.
    let mut org = seed();
    let name = "R–D · Lab";
    org.units[0].name = Some(name.into());
    let (mut app, mut term) = started(org, &ascii(), 160, 48);
    keys(&mut app, &mut term, &["3", "/"]);
    gapscope::tui::script::play(
        &mut app,
        &mut term,
        "R".chars()
            .map(|c| {
                ratatui::crossterm::event::Event::Key(ratatui::crossterm::event::KeyEvent::new(
                    ratatui::crossterm::event::KeyCode::Char(c),
                    ratatui::crossterm::event::KeyModifiers::NONE,
                ))
            })
            .collect::<Vec<_>>(),
        false,
    );
    keys(&mut app, &mut term, &["Enter", "d"]);
    let s = text(term.backend().buffer());
    assert!(s.contains(name), "{s}");
    // Everything that is not the name is ASCII.
    let rest = s.replace(name, "");
    assert!(non_ascii(&rest).is_empty(), "{:?}\n{s}", non_ascii(&rest));
}

#[test]
fn flags_win_over_the_config_file_and_say_so() {
    let none = AsciiArgs::default();
    let on = AsciiArgs {
        ascii: true,
        no_ascii: false,
    };
    let off = AsciiArgs {
        ascii: false,
        no_ascii: true,
    };
    assert_eq!(none.choose(None), (false, Source::Default));
    assert_eq!(none.choose(Some(true)), (true, Source::File));
    assert_eq!(none.choose(Some(false)), (false, Source::File));
    assert_eq!(off.choose(Some(true)), (false, Source::Flag));
    assert_eq!(on.choose(Some(false)), (true, Source::Flag));
    assert_eq!(on.choose(None), (true, Source::Flag));
}

/// A temporary config folder with `ascii = true`.
fn ascii_home() -> tempfile::TempDir {
    crate::config_files::home(Some(b"ascii = true\n"))
}

fn ascii_line(out: &std::process::Output) -> String {
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find(|l| l.starts_with("ascii = "))
        .unwrap_or_else(|| panic!("no ascii line:\n{text}"))
        .to_string()
}

#[test]
fn gapscope_config_says_where_ascii_came_from() {
    let dir = ascii_home();
    let line = ascii_line(&gapscope(&dir, &["config"]));
    assert!(
        line.starts_with("ascii = true") && line.contains("from the file"),
        "{line}"
    );
    let line = ascii_line(&gapscope(&dir, &["config", "--no-ascii"]));
    assert!(
        line.starts_with("ascii = false") && line.contains("flag --no-ascii (the file says true)"),
        "{line}"
    );
    let empty = tempfile::tempdir().expect("temporary folder");
    let line = ascii_line(&gapscope(&empty, &["config"]));
    assert!(
        line.starts_with("ascii = false") && line.contains("default"),
        "{line}"
    );
    let line = ascii_line(&gapscope(&empty, &["config", "--ascii"]));
    assert!(
        line.starts_with("ascii = true") && line.contains("flag --ascii"),
        "{line}"
    );
}

#[test]
fn no_ascii_turns_the_config_files_ascii_off_on_the_screen() {
    let org = gapscope::model::seed::seed();
    let file = gapscope::config::Settings {
        ascii: Some(true),
        ..Default::default()
    };
    let parse = |args: &[&str]| {
        let mut argv = vec!["gapscope"];
        argv.extend(args);
        Cli::try_parse_from(argv).expect("parses")
    };
    let config = |cli: &Cli| {
        gapscope::cli::open::config_with(&cli.screen, &org, None, &file)
            .expect("valid")
            .ascii
    };
    assert!(config(&parse(&[])));
    assert!(!config(&parse(&["--no-ascii"])));
    assert!(config(&parse(&["--ascii"])));
}

#[test]
fn ascii_and_no_ascii_conflict_everywhere() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for args in [
        &["--ascii", "--no-ascii"][..],
        &["review", "--ascii", "--no-ascii"],
        &["config", "--ascii", "--no-ascii"],
        &[
            "rate",
            "examples/seed.json",
            "--as",
            "x",
            "-o",
            "/nonexistent/a.csv",
            "--ascii",
            "--no-ascii",
        ],
    ] {
        let out = gapscope(&dir, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("cannot be used with"), "{args:?}: {err}");
    }
    for args in [&["--help"][..], &["review", "--help"], &["rate", "--help"]] {
        let out = gapscope(&dir, args);
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(
            help.contains("--ascii") && help.contains("--no-ascii"),
            "{args:?}:\n{help}"
        );
    }
}

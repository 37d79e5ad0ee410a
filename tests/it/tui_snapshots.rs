//! Snapshots of every view and the help overlay, at 80x24 and 160x48, on the built-in org and
//! on a real network; the "too small" message; no panic down to 0x0.

use crate::tui_common::{keys, krackhardt, started, text};
use gapscope::model::Org;
use gapscope::model::seed::seed;
use gapscope::tui::Config;

fn shot(org: Org, w: u16, h: u16, script: &[&str]) -> String {
    let (mut app, mut term) = started(org, &Config::default(), w, h);
    keys(&mut app, &mut term, script);
    text(term.backend().buffer())
}

macro_rules! views {
    ($($name:ident: $org:expr, $w:expr, $h:expr;)*) => {$(
        #[test]
        fn $name() {
            insta::assert_snapshot!(concat!(stringify!($name), "_graph"), shot($org, $w, $h, &[]));
            insta::assert_snapshot!(concat!(stringify!($name), "_matrix"), shot($org, $w, $h, &["2", "l", "l"]));
            insta::assert_snapshot!(concat!(stringify!($name), "_gaps"), shot($org, $w, $h, &["3"]));
            insta::assert_snapshot!(concat!(stringify!($name), "_help"), shot($org, $w, $h, &["?"]));
            insta::assert_snapshot!(concat!(stringify!($name), "_detail"), shot($org, $w, $h, &["d", "l"]));
        }
    )*};
}

views! {
    seed_80x24: seed(), 80, 24;
    seed_160x48: seed(), 160, 48;
    krackhardt_80x24: krackhardt(), 80, 24;
    krackhardt_160x48: krackhardt(), 160, 48;
}

#[test]
fn ascii_mode_uses_no_box_drawing_or_braille() {
    let config = Config {
        ascii: true,
        ..Config::default()
    };
    for script in [&[][..], &["2"], &["3"], &["?"], &["d"]] {
        let (mut app, mut term) = started(seed(), &config, 100, 30);
        keys(&mut app, &mut term, script);
        let screen = text(term.backend().buffer());
        assert!(screen.is_ascii(), "non-ASCII after {script:?}:\n{screen}");
    }
}

#[test]
fn too_small_says_what_it_needs() {
    let screen = shot(seed(), 39, 12, &[]);
    assert!(screen.contains("terminal too small"), "{screen}");
    assert!(screen.contains("40×12"), "{screen}");
    insta::assert_snapshot!("too_small_30x8", shot(seed(), 30, 8, &[]));
}

#[test]
fn tiny_terminals_do_not_panic() {
    for (w, h) in [(0, 0), (1, 1), (0, 5), (5, 0), (2, 1), (40, 12), (41, 13)] {
        for script in [
            &[][..],
            &["2", "l"],
            &["3", "Enter"],
            &["?", "j"],
            &["/", "c"],
            &["d"],
        ] {
            shot(seed(), w, h, script);
            shot(krackhardt(), w, h, script);
        }
    }
}

//! The screen's command line: options, NO_COLOR, and refusing to draw into a pipe.

use assert_cmd::Command;
use gapscope::cli::ScreenArgs;
use gapscope::cli::open::{ThemeArg, ViewArg, config};
use gapscope::model::seed::seed;
use gapscope::tui::{ThemeName, View};

#[test]
fn options_become_the_start_up_config() {
    let org = seed();
    let id = org
        .initiatives
        .first()
        .map(|i| i.id.clone())
        .expect("the seed has initiatives");
    let args = ScreenArgs {
        initiative: Some(id),
        view: Some(ViewArg::Gaps),
        theme: Some(ThemeArg::Light),
        ascii: gapscope::cli::open::AsciiArgs {
            ascii: true,
            no_ascii: false,
        },
        read_only: true,
        recover: false,
        discard_recovery: false,
        compare: None,
    };
    let c = config(&args, &org, None).expect("valid options");
    assert_eq!(
        (c.initiative, c.view, c.theme, c.ascii, c.read_only),
        (Some(0), Some(View::Gaps), ThemeName::Light, true, true)
    );
    let c = config(&args, &org, Some("1")).expect("valid options");
    assert_eq!(
        c.theme,
        ThemeName::Light,
        "--theme wins over NO_COLOR (no-color.org)"
    );
    let plain = ScreenArgs::default();
    let c = config(&plain, &org, Some("1")).expect("valid options");
    assert_eq!(
        c.theme,
        ThemeName::Mono,
        "NO_COLOR chooses mono when no theme is asked"
    );
}

#[test]
fn an_unknown_initiative_is_refused_with_a_suggestion() {
    let org = seed();
    let id = org
        .initiatives
        .first()
        .map(|i| i.id.clone())
        .expect("the seed has initiatives");
    let typo = format!("{id}x");
    let args = ScreenArgs {
        initiative: Some(typo),
        ..ScreenArgs::default()
    };
    let err = config(&args, &org, None)
        .expect_err("unknown initiative")
        .to_string();
    assert!(
        err.contains("unknown initiative") && err.contains(&format!("did you mean \"{id}\"")),
        "{err}"
    );
}

#[test]
fn bad_options_and_pipes_exit_with_status_2() {
    let out = Command::cargo_bin("gapscope")
        .expect("binary")
        .args(["--initiative", "nope"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown initiative"));
    let out = Command::cargo_bin("gapscope")
        .expect("binary")
        .args(["--view", "sideways"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let out = Command::cargo_bin("gapscope")
        .expect("binary")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("gapscope report"));
}

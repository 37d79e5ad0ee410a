//! Snapshots at 80x24 of the value prompt (with a refused value), the quit dialog, the
//! overwrite and restore questions, and the changes list (the what-if).

use crate::tui_common::{keys, text, unit};
use gapscope::model::seed::seed;
use gapscope::store::Recoveries;
use gapscope::tui::{App, Config, script};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn matrix_on(a: &str, b: &str) -> (App, Terminal<TestBackend>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = App::new(seed(), "test", &Config::default());
    app.session.recoveries = Recoveries::in_dir(dir.path());
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    script::run(&mut app, &mut term, Vec::new());
    keys(&mut app, &mut term, &["2"]);
    app.selected = unit(&app, a);
    app.pair_with = Some(unit(&app, b));
    (app, term, dir)
}

#[test]
fn prompt_with_a_refused_value() {
    let (mut app, mut term, _dir) = matrix_on("marketing", "cdo");
    keys(&mut app, &mut term, &["e", "Backspace", "7", "Enter"]);
    insta::assert_snapshot!(text(term.backend().buffer()));
}

#[test]
fn quit_dialog() {
    let (mut app, mut term, _dir) = matrix_on("marketing", "cdo");
    keys(&mut app, &mut term, &["+", "q"]);
    insta::assert_snapshot!(text(term.backend().buffer()));
}

#[test]
fn changes_list() {
    let (mut app, mut term, _dir) = matrix_on("marketing", "cdo");
    keys(&mut app, &mut term, &["+"]);
    app.selected = unit(&app, "ciso");
    app.pair_with = Some(unit(&app, "cio"));
    keys(&mut app, &mut term, &["+", "+", "c"]);
    insta::assert_snapshot!(text(term.backend().buffer()));
}

#[test]
fn save_path_prompt_of_the_built_in_org() {
    let (mut app, mut term, _dir) = matrix_on("marketing", "cdo");
    keys(
        &mut app,
        &mut term,
        &["+", "s", "o", "r", "g", ".", "j", "s", "o", "n"],
    );
    insta::assert_snapshot!(text(term.backend().buffer()));
}

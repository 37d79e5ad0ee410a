//! Snapshots at 80x24 of the value prompt (with a refused value), the quit dialog, the
//! overwrite and restore questions, and the changes list (the what-if).

use crate::tui_common::{keys, text, unit};
use gapscope::model::seed::seed;
use gapscope::store::Recoveries;
use gapscope::tui::{App, Document, script};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn matrix_on(a: &str, b: &str) -> (App, Terminal<TestBackend>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("dir");
    let doc = Document::new(seed(), "test")
        .recoveries(Recoveries::in_dir(dir.path()))
        .base(dir.path().to_path_buf());
    let mut app = App::from_document(doc);
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    script::play(&mut app, &mut term, Vec::new(), true);
    keys(&mut app, &mut term, &["2"]);
    app.select(unit(&app, a), Some(unit(&app, b)));
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
    app.select(unit(&app, "ciso"), Some(unit(&app, "cio")));
    keys(&mut app, &mut term, &["+", "+", "c"]);
    insta::assert_snapshot!(text(term.backend().buffer()));
}

#[test]
fn save_path_prompt_of_the_built_in_org() {
    let (mut app, mut term, dir) = matrix_on("marketing", "cdo");
    keys(
        &mut app,
        &mut term,
        &["+", "s", "o", "r", "g", ".", "j", "s", "o", "n"],
    );
    // The label names the base folder (a fresh temporary one here).
    let base = dir.path().display().to_string();
    insta::assert_snapshot!(text(term.backend().buffer()).replace(&base, "[BASE]"));
}

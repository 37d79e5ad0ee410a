//! Gaps are marked where they are, with a symbol as well as a colour, in every theme; and text
//! from the file cannot drive the terminal.

use crate::tui_common::{keys, pair_gap, started, text, unit, with_gaps};
use gapscope::analysis::GapKind;
use gapscope::model::seed::seed;
use gapscope::tui::theme::{Theme, ThemeName};
use gapscope::tui::{App, Config, script};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The buffer cell of the matrix cell (row unit -> column unit), located via the hit areas.
fn matrix_cell(app: &App, row: usize, col: usize) -> Rect {
    let want = gapscope::tui::view::Hit::Cell(app.derived().rank[row], app.derived().rank[col]);
    app.frame()
        .hits
        .iter()
        .find(|(_, h)| *h == want)
        .map(|(r, _)| *r)
        .expect("cell on screen")
}

/// Whether a cell carries a style: its colour (or none) and all its modifiers.
fn has_style(buf: &Buffer, x: u16, y: u16, want: Style) -> bool {
    let cell = &buf[(x, y)];
    cell.fg == want.fg.unwrap_or(ratatui::style::Color::Reset)
        && cell.modifier.contains(want.add_modifier)
}

fn seed_with_gaps(theme: ThemeName) -> (App, Terminal<TestBackend>, usize, usize, usize) {
    let config = Config {
        theme,
        ..Config::default()
    };
    let (mut app, mut term) = started(seed(), &config, 120, 40);
    let (cio, ciso, hr) = (unit(&app, "cio"), unit(&app, "ciso"), unit(&app, "hr"));
    let cdo = unit(&app, "cdo");
    with_gaps(
        &mut app,
        vec![
            pair_gap(GapKind::BelowTarget, cio, ciso, 0.4, 0.8),
            pair_gap(GapKind::MissingTie, hr, cdo, 0.0, 0.6),
        ],
    );
    keys(&mut app, &mut term, &["2"]);
    (app, term, cio, ciso, hr)
}

#[test]
fn below_target_cell_has_the_warning_style_and_symbol() {
    for name in [ThemeName::Dark, ThemeName::Light, ThemeName::Mono] {
        let (app, term, cio, ciso, _) = seed_with_gaps(name);
        let theme = Theme::new(name);
        let buf = term.backend().buffer();
        for (a, b) in [(cio, ciso), (ciso, cio)] {
            let r = matrix_cell(&app, a, b);
            assert_eq!(
                buf[(r.x + 1, r.y)].symbol(),
                "!",
                "{name:?}: the symbol marks the gap"
            );
            assert!(
                has_style(buf, r.x + 1, r.y, theme.warn),
                "{name:?}: warning style"
            );
        }
        // A pair without a gap has neither.
        let plain = matrix_cell(&app, cio, unit(&app, "finance"));
        assert_ne!(buf[(plain.x + 1, plain.y)].symbol(), "!");
        assert!(name == ThemeName::Mono || !has_style(buf, plain.x + 1, plain.y, theme.warn));
    }
}

#[test]
fn missing_tie_cell_has_the_alarm_style_and_symbol() {
    let (app, term, _, _, hr) = seed_with_gaps(ThemeName::Mono);
    let cdo = unit(&app, "cdo");
    let r = matrix_cell(&app, hr, cdo);
    let buf = term.backend().buffer();
    assert_eq!(buf[(r.x + 1, r.y)].symbol(), "✗");
    assert!(has_style(
        buf,
        r.x + 1,
        r.y,
        Theme::new(ThemeName::Mono).alarm
    ));
}

#[test]
fn graph_marks_gap_lines_with_symbols() {
    let (mut app, mut term, ..) = seed_with_gaps(ThemeName::Mono);
    keys(&mut app, &mut term, &["1"]);
    let screen = text(term.backend().buffer());
    let lines: Vec<&str> = screen.lines().collect();
    let canvas: String = lines[1..lines.len() - 2]
        .iter()
        .map(|l| l.chars().take(80).collect::<String>())
        .collect();
    assert!(
        canvas.contains('!'),
        "below-target line is marked:\n{screen}"
    );
    assert!(canvas.contains('✗'), "missing tie is marked:\n{screen}");
}

#[test]
fn gap_list_shows_kind_pair_values_and_bar() {
    let (mut app, mut term, ..) = seed_with_gaps(ThemeName::Dark);
    keys(&mut app, &mut term, &["3"]);
    let screen = text(term.backend().buffer());
    assert!(screen.contains("! below target"), "{screen}");
    assert!(screen.contains("CIO office ↔ Security (CISO)"), "{screen}");
    assert!(
        screen.contains("2/4"),
        "actual/target on the file's 0-5 scale:\n{screen}"
    );
    assert!(screen.contains("██"), "severity bar:\n{screen}");
}

#[test]
fn hostile_names_cannot_drive_the_terminal() {
    let mut org = seed();
    org.title = Some("\u{1b}]0;pwned\u{7}\u{1b}[2J title".into());
    org.units[0].name = Some("evil\u{1b}[31m\u{9b}name\r\n".into());
    org.units[1].attrs.push((
        "note\u{1b}c".into(),
        gapscope::model::AttrValue::Text("\u{1b}[?1049l".into()),
    ));
    for script in [&[][..], &["2"], &["3"], &["d", "l"], &["/", "e"]] {
        let mut app = App::new(org.clone(), "hostile", &Config::default());
        let mut term = Terminal::new(TestBackend::new(140, 40)).expect("terminal");
        script::play(&mut app, &mut term, Vec::new(), true);
        keys(&mut app, &mut term, script);
        let buf = term.backend().buffer();
        for cell in buf.content() {
            assert!(
                !cell.symbol().chars().any(|c| c.is_control()),
                "a control character reached the screen after {script:?}"
            );
        }
    }
    let app = App::new(org, "hostile", &Config::default());
    assert!(
        app.derived().title.contains("\\u{1b}"),
        "shown escaped: {}",
        app.derived().title
    );
}

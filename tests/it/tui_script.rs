//! Scripted runs of the real update loop: keys go through the keymap and `update`, effects run,
//! and a frame is drawn after each, as in the terminal.

use crate::tui_common::{keys, krackhardt, pair_gap, started, text, unit, with_gaps};
use gapscope::analysis::GapKind;
use gapscope::model::seed::seed;
use gapscope::model::{Initiative, Org, Tie, Unit};
use gapscope::tui::app::View;
use gapscope::tui::update::Msg;
use gapscope::tui::{Config, script};

#[test]
fn switches_views_with_tab_digits_and_shift_tab() {
    let (mut app, mut term) = started(seed(), &Config::default(), 80, 24);
    assert_eq!(app.view(), View::Graph);
    keys(&mut app, &mut term, &["Tab"]);
    assert_eq!(app.view(), View::Matrix);
    keys(&mut app, &mut term, &["Tab"]);
    assert_eq!(app.view(), View::Gaps);
    keys(&mut app, &mut term, &["Tab"]);
    assert_eq!(app.view(), View::Graph);
    keys(&mut app, &mut term, &["Shift-Tab"]);
    assert_eq!(app.view(), View::Gaps);
    keys(&mut app, &mut term, &["2"]);
    assert_eq!(app.view(), View::Matrix);
    assert!(text(term.backend().buffer()).contains("row rates column"));
    keys(&mut app, &mut term, &["1"]);
    assert_eq!(app.view(), View::Graph);
}

#[test]
fn search_is_incremental_and_escape_restores() {
    let (mut app, mut term) = started(seed(), &Config::default(), 80, 24);
    let before = app.selected();
    keys(&mut app, &mut term, &["/", "f", "i"]);
    assert_eq!(
        app.selected(),
        unit(&app, "finance"),
        "'fi' selects Finance as it is typed"
    );
    assert!(text(term.backend().buffer()).contains("/fi"));
    keys(&mut app, &mut term, &["Esc"]);
    assert_eq!(app.selected(), before);
    assert!(app.search().is_none());
    keys(&mut app, &mut term, &["/", "s", "e", "c", "Enter"]);
    assert_eq!(
        app.selected(),
        unit(&app, "ciso"),
        "matches names: Security (CISO)"
    );
    assert!(app.search().is_none());
    keys(&mut app, &mut term, &["/", "h", "r", "Enter"]);
    assert_eq!(app.selected(), unit(&app, "hr"), "matches ids");
    keys(&mut app, &mut term, &["/", "z", "z", "z", "Enter"]);
    assert!(app.message().is_some_and(|m| m.contains("no unit matches")));
}

#[test]
fn q_typed_in_search_does_not_quit() {
    let (mut app, mut term) = started(seed(), &Config::default(), 80, 24);
    let quit = keys(&mut app, &mut term, &["/", "q"]);
    assert!(!quit);
    assert_eq!(app.search().map(|s| s.query()), Some("q"));
}

#[test]
fn enter_in_the_gap_list_jumps_to_the_pair() {
    let (mut app, mut term) = started(seed(), &Config::default(), 100, 30);
    let (cio, ciso, hr, cdo) = (
        unit(&app, "cio"),
        unit(&app, "ciso"),
        unit(&app, "hr"),
        unit(&app, "cdo"),
    );
    with_gaps(
        &mut app,
        vec![
            pair_gap(GapKind::MissingTie, hr, cdo, 0.0, 0.8),
            pair_gap(GapKind::BelowTarget, cio, ciso, 0.2, 0.6),
        ],
    );
    keys(&mut app, &mut term, &["3", "j", "Enter"]);
    assert_eq!(
        app.view(),
        View::Graph,
        "jumps to the graph, the view shown last"
    );
    assert_eq!(
        (app.selected(), app.pair_with()),
        (cio.min(ciso), Some(cio.max(ciso)))
    );
    let screen = text(term.backend().buffer());
    assert!(
        screen.contains("Best route"),
        "the detail shows the pair:\n{screen}"
    );
    keys(&mut app, &mut term, &["Esc"]);
    assert_eq!(app.pair_with(), None, "Esc closes the pair");
    // From the matrix, the jump lands in the matrix.
    keys(&mut app, &mut term, &["2", "3", "Home", "Enter"]);
    assert_eq!(app.view(), View::Matrix);
    assert_eq!(
        (app.selected(), app.pair_with()),
        (hr.min(cdo), Some(hr.max(cdo)))
    );
}

fn org_with_initiatives() -> Org {
    let mut org = seed();
    org.initiatives = vec![
        Initiative {
            id: "ai".into(),
            name: Some("AI rollout".into()),
            ..Initiative::default()
        },
        Initiative {
            id: "cloud".into(),
            ..Initiative::default()
        },
    ];
    org
}

#[test]
fn i_cycles_initiatives_and_the_analysis_recomputes() {
    let (mut app, mut term) = started(org_with_initiatives(), &Config::default(), 100, 30);
    assert_eq!(app.initiative(), None);
    let gen0 = app.generation();
    keys(&mut app, &mut term, &["i"]);
    assert_eq!(app.initiative(), Some(0));
    assert!(app.generation() > gen0);
    assert_eq!(
        app.analysis().as_ref().and_then(|a| a.initiative.clone()),
        Some("ai".into())
    );
    assert!(text(term.backend().buffer()).contains("initiative: AI rollout"));
    keys(&mut app, &mut term, &["i", "i"]);
    assert_eq!(app.initiative(), None, "back to all targets");
    keys(&mut app, &mut term, &["I"]);
    assert_eq!(app.initiative(), Some(1));
}

#[test]
fn stale_analysis_results_are_dropped() {
    let (mut app, mut term) = started(org_with_initiatives(), &Config::default(), 80, 24);
    let old = gapscope::tui::analysis_task::analyse(
        app.org(),
        &app.analysis_options(None),
        gapscope::tui::analysis_task::Stage::Full,
    );
    keys(&mut app, &mut term, &["i"]);
    let msg = Msg::Done(gapscope::tui::analysis_task::Done::Analysed {
        generation: app.generation() - 1,
        stage: gapscope::tui::analysis_task::Stage::Full,
        analysis: Box::new(old),
    });
    crate::tui_common::run_msgs(&mut app, &mut term, vec![msg]);
    assert_eq!(
        app.analysis().as_ref().and_then(|a| a.initiative.clone()),
        Some("ai".into())
    );
}

/// An org of `groups` groups of `per` units, tied in a ring inside each group.
fn grouped_org(groups: usize, per: usize) -> Org {
    let mut org = Org::default();
    for g in 0..groups {
        for k in 0..per {
            org.units.push(Unit {
                id: format!("u{g}_{k}"),
                group: Some(format!("G{g}")),
                ..Unit::default()
            });
            let next = (k + 1) % per;
            org.ties.push(Tie {
                from: format!("u{g}_{k}"),
                to: format!("u{g}_{next}"),
                strength: Some(1.0),
                ..Tie::default()
            });
        }
        org.ties.push(Tie {
            from: format!("u{g}_0"),
            to: format!("u{}_0", (g + 1) % groups),
            strength: Some(0.5),
            ..Tie::default()
        });
    }
    org
}

#[test]
fn large_orgs_start_grouped_and_g_and_enter_expand() {
    let (mut app, mut term) = started(grouped_org(5, 16), &Config::default(), 120, 40);
    assert!(app.graph().grouped(), "80 units start grouped");
    let screen = text(term.backend().buffer());
    assert!(screen.contains("G0 (16)"), "one node per group:\n{screen}");
    keys(&mut app, &mut term, &["Enter"]);
    assert!(
        app.graph().expanded().iter().any(|&e| e),
        "Enter expands the group"
    );
    assert_eq!(app.graph().on_group(), None);
    let screen = text(term.backend().buffer());
    assert!(screen.contains("u0_0"), "its units show:\n{screen}");
    keys(&mut app, &mut term, &["Esc"]);
    assert!(
        app.graph().expanded().iter().all(|&e| !e),
        "Esc collapses it again"
    );
    keys(&mut app, &mut term, &["g"]);
    assert!(!app.graph().grouped());
    assert!(text(term.backend().buffer()).contains("u0_"));
    keys(&mut app, &mut term, &["g"]);
    assert!(app.graph().grouped());
}

#[test]
fn help_opens_scrolls_and_closes() {
    let (mut app, mut term) = started(seed(), &Config::default(), 80, 24);
    keys(&mut app, &mut term, &["?"]);
    let screen = text(term.backend().buffer());
    assert!(screen.contains("Keys: graph view"), "{screen}");
    assert!(screen.contains("Moving"));
    keys(&mut app, &mut term, &["j", "j", "q"]);
    assert!(app.modal().is_none(), "q closes help without quitting");
    assert!(!app.quitting());
    keys(&mut app, &mut term, &["?", "Esc"]);
    assert!(app.modal().is_none());
}

#[test]
fn quit_with_q_and_ctrl_c() {
    let (mut app, mut term) = started(seed(), &Config::default(), 80, 24);
    assert!(keys(&mut app, &mut term, &["q"]));
    let (mut app, mut term) = started(seed(), &Config::default(), 80, 24);
    assert!(
        keys(&mut app, &mut term, &["/", "Ctrl-c"]),
        "Ctrl-C quits even while searching"
    );
}

#[test]
fn arrows_move_through_the_graph_and_the_matrix() {
    let (mut app, mut term) = started(krackhardt(), &Config::default(), 120, 40);
    let start = app.selected();
    keys(&mut app, &mut term, &["h"]);
    assert_ne!(app.selected(), start, "left moves to another unit");
    let left = app.selected();
    keys(&mut app, &mut term, &["l"]);
    assert_ne!(app.selected(), left, "and right moves again");
    keys(&mut app, &mut term, &["2", "Home", "j"]);
    assert_eq!(app.derived().rank[app.selected()], 1);
    keys(&mut app, &mut term, &["l", "l"]);
    assert_eq!(
        app.pair_with().map(|u| app.derived().rank[u]),
        Some(2),
        "column moves right"
    );
    assert!(text(term.backend().buffer()).contains("rates") || app.pair_with().is_some());
}

#[test]
fn focus_and_threshold_keys_change_the_graph() {
    let (mut app, mut term) = started(krackhardt(), &Config::default(), 120, 40);
    keys(&mut app, &mut term, &[">", ">", "]"]);
    assert_eq!((app.graph().hops(), app.graph().threshold()), (2, 1));
    assert!(text(term.backend().buffer()).contains("focus 2 hops"));
    keys(&mut app, &mut term, &["<", "["]);
    assert_eq!((app.graph().hops(), app.graph().threshold()), (1, 0));
    keys(&mut app, &mut term, &["Esc"]);
    assert_eq!(
        (app.graph().hops(), app.graph().threshold()),
        (0, 0),
        "Esc clears filters"
    );
}

#[test]
fn clicks_select_units_and_cells() {
    let (mut app, mut term) = started(seed(), &Config::default(), 100, 30);
    let finance = unit(&app, "finance");
    let (rect, _) = *app
        .frame()
        .hits
        .iter()
        .find(|(_, h)| {
            *h == gapscope::tui::view::Hit::Node(gapscope::tui::app::VisNode::Unit(finance))
        })
        .expect("Finance on screen");
    crate::tui_common::run_msgs(
        &mut app,
        &mut term,
        vec![Msg::Click {
            col: rect.x,
            row: rect.y,
        }],
    );
    assert_eq!(app.selected(), finance);
    keys(&mut app, &mut term, &["2"]);
    let (cell, _) = *app
        .frame()
        .hits
        .iter()
        .find(|(_, h)| *h == gapscope::tui::view::Hit::Cell(2, 3))
        .expect("cell");
    crate::tui_common::run_msgs(
        &mut app,
        &mut term,
        vec![
            Msg::Click {
                col: cell.x,
                row: cell.y,
            },
            Msg::Wheel { down: true },
        ],
    );
    assert_eq!(
        app.derived().rank[app.selected()],
        3,
        "clicked row 2, then the wheel moved down"
    );
    let _ = script::key("q");
}

#[test]
fn each_screen_has_its_own_asymmetry_threshold() {
    // The threshold of the config file travels with the screen's config, not the process:
    // two screens side by side count different perception gaps.
    let one_sided = |app: &gapscope::tui::App| {
        app.gaps()
            .iter()
            .filter(|g| g.kind == GapKind::Asymmetric)
            .count()
    };
    let (strict, _) = started(seed(), &Config::default(), 80, 24);
    let lenient = Config {
        asymmetry: Some(0.9),
        ..Config::default()
    };
    let (loose, _) = started(seed(), &lenient, 80, 24);
    let (again, _) = started(seed(), &Config::default(), 80, 24);
    assert!(
        one_sided(&strict) > 0,
        "the built-in org has one-sided pairs"
    );
    assert_eq!(one_sided(&loose), 0, "no pair differs by 0.9 of the scale");
    assert_eq!(one_sided(&again), one_sided(&strict), "the default is back");
}

#[test]
fn each_screen_has_its_own_key_table() {
    // The config file's keys travel with the screen's config, not the process: a screen
    // whose quit key is Q ignores q, while a default screen beside it quits on q.
    let table = gapscope::config::keys::with_overrides(&[(
        gapscope::tui::action::Action::Quit,
        vec!["Q".to_string()],
    )])
    .expect("no clash");
    let custom = Config {
        keys: gapscope::tui::keymap::Keymap::new(table),
        ..Config::default()
    };
    let (mut mine, mut term) = started(seed(), &custom, 200, 40);
    assert!(!keys(&mut mine, &mut term, &["q"]), "q is not quit here");
    assert!(
        text(term.backend().buffer()).contains("Q quit"),
        "the hint shows the new key:\n{}",
        text(term.backend().buffer())
    );
    let (mut other, mut term2) = started(seed(), &Config::default(), 80, 24);
    assert!(
        keys(&mut other, &mut term2, &["q"]),
        "the default screen quits on q"
    );
    assert!(
        keys(&mut mine, &mut term, &["Q"]),
        "Q quits the configured one"
    );
}

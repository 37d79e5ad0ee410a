//! Random key sequences at random terminal sizes (edits, prompts and saves included) never
//! panic and keep the selection valid.

use crate::tui_common::random::{Input, input};
use crate::tui_common::{krackhardt, pair_gap, with_gaps};
use gapscope::analysis::GapKind;
use gapscope::model::seed::seed;
use gapscope::model::{Org, Tie, Unit};
use gapscope::tui::{App, Config, Document, script};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};

fn big_org() -> Org {
    let mut org = Org {
        directed: true,
        ..Org::default()
    };
    for i in 0..90 {
        org.units.push(Unit {
            id: format!("u{i}"),
            group: (i % 7 != 0).then(|| format!("G{}", i % 4)),
            ..Unit::default()
        });
    }
    for i in 0..90 {
        org.ties.push(Tie {
            from: format!("u{i}"),
            to: format!("u{}", (i * 7 + 3) % 90),
            strength: Some(0.7),
            ..Tie::default()
        });
    }
    org
}

fn org(which: u8) -> Org {
    match which {
        0 => seed(),
        1 => krackhardt(),
        2 => big_org(),
        _ => Org::default(),
    }
}

fn check(app: &App) -> Result<(), TestCaseError> {
    let n = app.n();
    if n > 0 {
        prop_assert!(app.selected() < n);
        prop_assert!(app.derived().rank[app.selected()] < n);
    }
    if let Some(b) = app.pair_with() {
        prop_assert!(b < n && b != app.selected());
    }
    prop_assert!(app.gap_list().cursor() < app.gaps().len().max(1));
    if let Some(g) = app.graph().on_group() {
        prop_assert!(g < app.derived().groups.len());
    }
    if let Some(s) = app.search() {
        prop_assert!(s.matches().is_empty() || s.current() < s.matches().len());
    }
    prop_assert_eq!(app.derived().labels.len(), n, "derived state follows edits");
    let text = gapscope::model::save::to_string(app.org());
    prop_assert!(
        gapscope::model::from_str("edited", &text).is_ok(),
        "edits keep the document valid"
    );
    Ok(())
}

proptest! {
    // 120 scripts by default; GAPSCOPE_PROP_CASES=10000 for the long run (docs/screen.md).
    #![proptest_config(ProptestConfig {
        cases: std::env::var("GAPSCOPE_PROP_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(120),
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_keys_never_panic_and_keep_the_selection_valid(
        which in 0u8..4,
        ascii in any::<bool>(),
        size in (0u16..200, 0u16..70),
        inputs in prop::collection::vec(input(6, 70, 0), 1..60),
    ) {
        let config = Config { ascii, ..Config::default() };
        // Random keys edit and save (typed names are relative paths): saves resolve against a
        // scratch folder given to the session, and recovery files stay away from the user's.
        let scratch = tempfile::tempdir().expect("scratch folder");
        let doc = Document::new(org(which), "prop")
            .config(config)
            .recoveries(gapscope::store::Recoveries::in_dir(scratch.path().join("state")))
            .base(scratch.path().to_path_buf());
        let mut app = App::from_document(doc);
        let mut term = Terminal::new(TestBackend::new(size.0, size.1)).expect("terminal");
        script::play(&mut app, &mut term, Vec::new(), true);
        if app.n() > 3 {
            with_gaps(&mut app, vec![
                pair_gap(GapKind::MissingTie, 0, 3, 0.0, 0.5),
                pair_gap(GapKind::BelowTarget, 1, 2, 0.1, 0.9),
            ]);
        }
        for inp in inputs {
            // Every input goes through the real event loop, as the terminal sends it.
            if let Input::Resize(w, h) = inp {
                term.backend_mut().resize(w, h);
            }
            let ev = inp.event();
            if matches!(&ev, Event::Key(k) if k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL)) {
                continue;
            }
            script::play(&mut app, &mut term, vec![ev], false);
            check(&app)?;
        }
    }
}

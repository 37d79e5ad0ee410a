//! The screen acts on what it shows (issue 9), through the one real event loop: unit
//! actions in the gap list act on a unit of the selected gap and ask first, prompts are
//! editable lines, saves say where they went, the gap cursor follows its gap by key, the gap
//! list filters, and a click on an overlay never reaches the view under it.

use gapscope::model::{self, Org};
use gapscope::store::Recoveries;
use gapscope::tui::modal::Modal;
use gapscope::tui::session::Origin;
use gapscope::tui::{App, Document, script};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::tui_common::{events, keys, start_doc, text, type_text, unit};

/// The built-in org at 80x24, saving into `dir`.
fn builtin(dir: &tempfile::TempDir) -> (App, Terminal<TestBackend>) {
    let doc = Document::new(model::seed::seed(), "test")
        .recoveries(Recoveries::in_dir(dir.path().join("state")))
        .base(dir.path().to_path_buf());
    start_doc(doc, 80, 24)
}

/// The built-in org loaded from `dir/s2.json`.
fn from_file(dir: &tempfile::TempDir) -> (App, Terminal<TestBackend>) {
    let path = dir.path().join("s2.json");
    std::fs::write(&path, model::seed::SEED_JSON).expect("write");
    let (org, fp) = gapscope::store::load_tracked(&path, model::DEFAULT_MAX_BYTES).expect("loads");
    let mut doc = Document::new(org, "s2.json")
        .recoveries(Recoveries::in_dir(dir.path().join("state")))
        .base(dir.path().to_path_buf());
    doc.origin = Origin::File(path);
    doc.fingerprint = Some(fp);
    start_doc(doc, 80, 24)
}

fn screen(term: &Terminal<TestBackend>) -> String {
    text(term.backend().buffer())
}

fn has_unit(org: &Org, id: &str) -> bool {
    org.units.iter().any(|u| u.id == id)
}

/// The pair of the gap under the gap list's cursor, as unit ids in order.
fn current_pair(app: &App) -> (String, String) {
    let g = app.current_gap().expect("a gap is selected");
    let id = |u: usize| app.org().units[u].id.clone();
    let (a, b) = (id(g.from), id(g.to.expect("a pair gap")));
    if a <= b { (a, b) } else { (b, a) }
}

#[test]
fn x_in_the_gap_list_offers_the_two_units_of_the_gap_and_asks_before_removing() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    // Row 5 is CIO office ↔ Security (CISO), below target; Customer Relations is selected
    // in the graph but not in this gap.
    keys(&mut app, &mut term, &["3", "j", "j", "j", "j"]);
    assert_eq!(current_pair(&app), ("cio".into(), "ciso".into()));
    let before = app.org().clone();
    keys(&mut app, &mut term, &["X"]);
    let s = screen(&term);
    assert!(s.contains("Remove which unit?"), "{s}");
    assert!(
        s.contains("CIO office") && s.contains("Security (CISO)"),
        "{s}"
    );
    keys(&mut app, &mut term, &["Esc"]);
    assert_eq!(app.org(), &before, "Esc changes nothing");
    assert!(app.modal().is_none());
    keys(&mut app, &mut term, &["X", "2"]);
    let s = screen(&term);
    assert!(
        s.contains("Remove Security (CISO) with its"),
        "the confirmation names the unit and what goes with it:\n{s}"
    );
    keys(&mut app, &mut term, &["Esc"]);
    assert_eq!(
        app.org(),
        &before,
        "Esc at the confirmation changes nothing"
    );
    keys(&mut app, &mut term, &["X", "2", "y"]);
    assert!(!has_unit(app.org(), "ciso"), "the picked unit goes");
    assert!(
        has_unit(app.org(), "customer"),
        "the unit outside the gap stays"
    );
}

#[test]
fn x_in_the_graph_confirms_the_selected_unit() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    let hr = unit(&app, "hr");
    app.select(hr, None);
    keys(&mut app, &mut term, &["X"]);
    assert!(
        screen(&term).contains("Remove HR with its"),
        "{}",
        screen(&term)
    );
    assert_eq!(app.n(), 7);
    keys(&mut app, &mut term, &["y"]);
    assert!(!has_unit(app.org(), "hr"));
}

#[test]
fn rename_in_the_gap_list_asks_which_unit_and_renames_that_one() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    keys(&mut app, &mut term, &["3", "j", "j", "j", "j", "r", "1"]);
    type_text(&mut app, &mut term, "IT");
    keys(&mut app, &mut term, &["Enter"]);
    let cio = unit(&app, "cio");
    assert_eq!(app.org().units[cio].name.as_deref(), Some("IT"));
}

#[test]
fn typing_replaces_a_prefilled_path_and_saves_relative_to_the_base_folder() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = from_file(&dir);
    keys(&mut app, &mut term, &["W"]);
    type_text(&mut app, &mut term, "s3.json");
    keys(&mut app, &mut term, &["Enter"]);
    assert!(dir.path().join("s3.json").is_file(), "{}", screen(&term));
    assert!(!dir.path().join("s2.jsons3.json").exists());
    assert_eq!(app.message(), Some("saved to s3.json"));
    let s = screen(&term);
    assert!(
        s.lines().next().is_some_and(|l| l.starts_with(" s3.json")),
        "the title names the file:\n{s}"
    );
}

#[test]
fn prompt_lines_edit_at_the_cursor() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    keys(&mut app, &mut term, &["a"]);
    type_text(&mut app, &mut term, "lab two");
    keys(&mut app, &mut term, &["Ctrl-w"]);
    type_text(&mut app, &mut term, "one");
    keys(&mut app, &mut term, &["Home", "Delete", "Right", "Right"]);
    type_text(&mut app, &mut term, "x");
    keys(
        &mut app,
        &mut term,
        &["End", "Backspace", "Ctrl-a", "Right"],
    );
    type_text(&mut app, &mut term, "L");
    match app.modal() {
        Some(Modal::Prompt(p)) => assert_eq!(p.text(), "aLbx on", "{p:?}"),
        other => panic!("the prompt is open: {other:?}"),
    }
    keys(&mut app, &mut term, &["Ctrl-u"]);
    match app.modal() {
        Some(Modal::Prompt(p)) => assert_eq!(p.text(), "bx on"),
        other => panic!("the prompt is open: {other:?}"),
    }
}

#[test]
fn a_failed_save_keeps_the_prompt_with_the_text_and_the_whole_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    keys(&mut app, &mut term, &["3", "+", "s"]);
    type_text(&mut app, &mut term, "no/such/folder/out.json");
    keys(&mut app, &mut term, &["Enter"]);
    let Some(Modal::Prompt(p)) = app.modal() else {
        panic!("the prompt stays open:\n{}", screen(&term));
    };
    assert_eq!(p.text(), "no/such/folder/out.json");
    let why = p.error.clone().expect("the reason");
    assert!(why.contains("not saved"), "{why}");
    let s = screen(&term);
    // The whole reason is on screen, wrapped: its last word too.
    let last = why.split_whitespace().last().expect("words");
    assert!(s.contains(last), "{last} in\n{s}");
    assert!(app.session().history.is_dirty(), "the edit is kept");
}

#[test]
fn saving_the_built_in_example_says_where_and_clears_the_edited_marker() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    keys(&mut app, &mut term, &["3", "+"]);
    assert!(screen(&term).contains("edited:"), "{}", screen(&term));
    keys(&mut app, &mut term, &["s"]);
    type_text(&mut app, &mut term, "new.json");
    keys(&mut app, &mut term, &["Enter"]);
    assert_eq!(app.message(), Some("saved to new.json"));
    let s = screen(&term);
    assert!(s.contains("saved to new.json"), "{s}");
    assert!(
        !s.contains("edited"),
        "the marker clears after a save:\n{s}"
    );
    assert!(!s.contains("●"), "{s}");
    assert!(s.contains(" new.json"), "the title names the file:\n{s}");
    assert!(dir.path().join("new.json").is_file());
}

#[test]
fn the_gap_cursor_stays_on_its_gap_when_an_edit_re_sorts_the_list() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    // Row 4: Chief Data Office ↔ CIO office, below target (0.50).
    keys(&mut app, &mut term, &["3", "j", "j", "j"]);
    assert_eq!(current_pair(&app), ("cdo".into(), "cio".into()));
    // Lower the rating: the gap widens to 0.60 and moves up the list.
    keys(&mut app, &mut term, &["-"]);
    assert_eq!(
        current_pair(&app),
        ("cdo".into(), "cio".into()),
        "the cursor follows its gap"
    );
    assert_ne!(app.gap_list().cursor(), 3, "the gap moved");
}

#[test]
fn when_the_selected_gap_closes_the_status_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    // The last row: Chief Data Office ↔ Marketing needs 3, has 2.5; one step up closes it.
    keys(&mut app, &mut term, &["3", "End"]);
    assert_eq!(current_pair(&app), ("cdo".into(), "marketing".into()));
    keys(&mut app, &mut term, &["+"]);
    let msg = app.message().unwrap_or_default().to_string();
    assert!(msg.contains("closed"), "{msg}");
    assert!(app.current_gap().is_some(), "a neighbour is selected");
}

#[test]
fn slash_in_the_gap_list_filters_live_and_the_title_counts() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    keys(&mut app, &mut term, &["3", "/"]);
    type_text(&mut app, &mut term, "market");
    let s = screen(&term);
    assert!(s.contains("2 of 7 gaps"), "{s}");
    assert_eq!(app.visible_gaps().len(), 2);
    keys(&mut app, &mut term, &["Enter", "f"]);
    let s = screen(&term);
    assert!(s.contains("kind: target gaps"), "{s}");
    keys(&mut app, &mut term, &["Esc"]);
    assert_eq!(app.visible_gaps().len(), 7, "Esc clears the filters");
    // Kind filter alone: perception gaps hidden.
    keys(&mut app, &mut term, &["f"]);
    assert_eq!(app.visible_gaps().len(), 6, "{}", screen(&term));
    keys(&mut app, &mut term, &["f"]);
    assert_eq!(app.visible_gaps().len(), 1, "one-sided only");
}

#[test]
fn v_filters_the_gap_list_by_minimum_severity() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    keys(&mut app, &mut term, &["3"]);
    let all = app.visible_gaps().len();
    let severe = |app: &App, min: f64| {
        app.gaps()
            .iter()
            .filter(|g| g.severity >= min - 1e-9)
            .count()
    };
    keys(&mut app, &mut term, &["v", "v"]);
    let s = screen(&term);
    assert!(s.contains("severity ≥ 0.50"), "{s}");
    assert_eq!(app.visible_gaps().len(), severe(&app, 0.5));
    assert!(app.visible_gaps().len() < all, "the mild gaps are hidden");
    assert!(
        s.contains(&format!("{} of {all} gaps", severe(&app, 0.5))),
        "the title counts: {s}"
    );
    // With the kind filter: both apply.
    keys(&mut app, &mut term, &["f"]);
    assert!(
        app.visible_gaps().iter().all(|&i| {
            let g = &app.gaps()[i];
            g.severity >= 0.5
                && matches!(
                    g.kind,
                    gapscope::analysis::GapKind::BelowTarget
                        | gapscope::analysis::GapKind::MissingTie
                )
        }),
        "{}",
        screen(&term)
    );
    // Past 0.75 the cycle comes back to every severity; Esc clears everything.
    keys(&mut app, &mut term, &["v", "v"]);
    assert!(!screen(&term).contains("severity ≥"), "{}", screen(&term));
    keys(&mut app, &mut term, &["v", "Esc"]);
    assert_eq!(app.visible_gaps().len(), all, "Esc clears the filters");
}

#[test]
fn o_shows_the_gaps_of_the_selected_unit() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    let fin = unit(&app, "marketing");
    app.select(fin, None);
    // From the graph, where the unit is shown selected (in the gap list, `o` takes a unit
    // of the selected gap: tui_trial.rs).
    keys(&mut app, &mut term, &["o"]);
    assert_eq!(app.visible_gaps().len(), 2, "{}", screen(&term));
    assert!(screen(&term).contains("unit: Marketing"));
}

#[test]
fn a_click_on_the_help_overlay_does_not_reach_the_gap_list() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    keys(&mut app, &mut term, &["3"]);
    let before = app.gap_list().cursor();
    keys(&mut app, &mut term, &["?"]);
    // Row 6 is a gap row under the help box.
    events(&mut app, &mut term, vec![script::click(30, 6)]);
    assert_eq!(
        app.gap_list().cursor(),
        before,
        "the hidden cursor did not move"
    );
    keys(&mut app, &mut term, &["Esc"]);
    events(&mut app, &mut term, vec![script::click(30, 6)]);
    assert_ne!(
        app.gap_list().cursor(),
        before,
        "without the overlay, the click selects"
    );
}

#[test]
fn the_first_screen_selects_the_worst_target_gap_and_names_it() {
    let dir = tempfile::tempdir().expect("dir");
    let (app, term) = builtin(&dir);
    let (cdo, ciso) = (unit(&app, "cdo"), unit(&app, "ciso"));
    assert_eq!(
        (app.selected(), app.pair_with()),
        (cdo.min(ciso), Some(cdo.max(ciso))),
        "the worst target gap's pair, not an arbitrary unit"
    );
    let s = screen(&term);
    assert!(
        s.contains("worst gap: Chief Data Office ↔ Security (CISO)"),
        "{s}"
    );
}

#[test]
fn an_initiative_at_start_selects_its_worst_gap_and_says_what_it_is_about() {
    let dir = tempfile::tempdir().expect("dir");
    let org = model::seed::seed();
    let privacy = org
        .initiatives
        .iter()
        .position(|i| i.id == "privacy")
        .expect("the seed has it");
    let config = gapscope::tui::Config {
        initiative: Some(privacy),
        ..Default::default()
    };
    let doc = Document::new(org, "test")
        .config(config)
        .base(dir.path().to_path_buf())
        .recoveries(Recoveries::in_dir(dir.path().join("state")));
    let (app, term) = start_doc(doc, 120, 40);
    let g = app.current_gap().expect("a gap");
    assert_eq!(g.initiative.as_deref(), Some("privacy"));
    assert!(app.selected() == g.from && app.pair_with() == g.to);
    assert!(
        screen(&term).contains("for Customer data protection"),
        "{}",
        screen(&term)
    );
}

#[test]
fn plus_means_rating_everywhere_and_the_graph_focus_is_angle_brackets() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    // The first screen has the worst gap's pair selected in the graph: + rates it.
    let before = app.org().ties.len();
    keys(&mut app, &mut term, &["+"]);
    assert_eq!(app.graph().hops(), 0, "+ is not the focus");
    assert_eq!(app.org().ties.len(), before + 1, "+ added the missing tie");
    keys(&mut app, &mut term, &["u", ">", ">"]);
    assert_eq!(app.graph().hops(), 2);
    keys(&mut app, &mut term, &["<"]);
    assert_eq!(app.graph().hops(), 1);
}

#[test]
fn the_tie_filter_shows_its_threshold_on_the_files_scale() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    keys(&mut app, &mut term, &["]"]);
    let s = screen(&term);
    assert!(s.contains("ties >= 1 "), "0.2 of the 0-5 scale is 1:\n{s}");
}

#[test]
fn help_lists_the_views_keys_first_scrolls_to_the_end_and_says_where() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    keys(&mut app, &mut term, &["?"]);
    let s = screen(&term);
    let own = s.find("This view (graph view)").expect("own keys");
    assert!(own < s.find("Moving").expect("moving"), "{s}");
    assert!(s.contains("lines 1-"), "{s}");
    keys(&mut app, &mut term, &["End"]);
    let s = screen(&term);
    assert!(s.contains("wheel"), "End shows the last lines:\n{s}");
}

#[test]
fn end_typed_with_the_key_that_opens_help_still_reaches_the_end() {
    // "?" and "End" in one read (a paste, a fast typist): End comes before help was ever
    // drawn, so it cannot know the help's length; it still shows the last lines, and Up
    // then moves back from there.
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    keys(&mut app, &mut term, &["?", "End"]);
    let s = screen(&term);
    assert!(s.contains("wheel"), "End shows the last lines:\n{s}");
    let end = s
        .find(" lines ")
        .map(|i| s[i..].lines().next().unwrap_or("").to_string());
    keys(&mut app, &mut term, &["Up"]);
    let up = screen(&term);
    let after = up
        .find(" lines ")
        .map(|i| up[i..].lines().next().unwrap_or("").to_string());
    assert_ne!(end, after, "Up scrolls back one line:\n{up}");
}

#[test]
fn regroup_suggests_an_existing_group_before_creating_a_new_one() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    let hr = unit(&app, "hr");
    app.select(hr, None);
    keys(&mut app, &mut term, &["G"]);
    type_text(&mut app, &mut term, "Comercial");
    keys(&mut app, &mut term, &["Enter"]);
    let Some(Modal::Prompt(p)) = app.modal() else {
        panic!("the prompt stays open:\n{}", screen(&term));
    };
    assert!(
        p.error
            .as_deref()
            .is_some_and(|e| e.contains("did you mean \"Commercial\"")),
        "{p:?}"
    );
    assert_eq!(app.org().units[hr].group.as_deref(), Some("Corporate"));
    keys(&mut app, &mut term, &["Enter"]);
    assert_eq!(
        app.org().units[hr].group.as_deref(),
        Some("Comercial"),
        "asked once"
    );
}

#[test]
fn the_detail_pane_scrolls_lists_every_tie_and_shows_notes() {
    let (mut app, mut term) = crate::tui_common::started(
        crate::tui_common::krackhardt(),
        &gapscope::tui::Config::default(),
        120,
        30,
    );
    keys(&mut app, &mut term, &["Esc"]);
    let s = screen(&term);
    assert!(
        s.contains("(Ctrl-d/Ctrl-u)"),
        "the pane says it scrolls:\n{s}"
    );
    assert!(
        s.contains("← theirs"),
        "the arrows are explained once:\n{s}"
    );
    let top = s.lines().nth(2).unwrap_or_default().to_string();
    keys(&mut app, &mut term, &["Ctrl-d"]);
    let s2 = screen(&term);
    assert_ne!(s2.lines().nth(2).unwrap_or_default(), top, "Ctrl-d scrolls");
    keys(&mut app, &mut term, &["Ctrl-u"]);
    assert_eq!(screen(&term).lines().nth(2).unwrap_or_default(), top);
}

#[test]
fn the_detail_pane_shows_tie_notes() {
    let dir = tempfile::tempdir().expect("dir");
    let doc = Document::new(model::seed::seed(), "test")
        .base(dir.path().to_path_buf())
        .recoveries(Recoveries::in_dir(dir.path().join("state")));
    let (mut app, mut term) = start_doc(doc, 120, 40);
    let (cio, finance) = (unit(&app, "cio"), unit(&app, "finance"));
    app.select(cio, Some(finance));
    keys(&mut app, &mut term, &["2"]);
    let s = screen(&term);
    assert!(s.contains("note: survey 2026-Q3"), "{s}");
}

#[test]
fn in_ascii_weak_and_none_differ_and_tilde_means_one_sided_only() {
    let dir = tempfile::tempdir().expect("dir");
    let config = gapscope::tui::Config {
        ascii: true,
        ..Default::default()
    };
    let doc = Document::new(model::seed::seed(), "test")
        .config(config)
        .base(dir.path().to_path_buf())
        .recoveries(Recoveries::in_dir(dir.path().join("state")));
    let (mut app, mut term) = start_doc(doc, 60, 24);
    keys(&mut app, &mut term, &["2"]);
    let s = screen(&term);
    let legend = s.lines().nth(2).unwrap_or_default();
    assert!(legend.contains(".:+# weak->strong  - none"), "{s}");
    assert!(
        !s.lines().next().unwrap_or_default().contains('~'),
        "a cut title ends with '...', not the one-sided mark:\n{s}"
    );
}

#[test]
fn graph_labels_do_not_run_into_each_other_at_40_units() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme-40-teams.json");
    let org = model::load(path, model::DEFAULT_MAX_BYTES).expect("loads");
    let (app, term) = crate::tui_common::started(org, &gapscope::tui::Config::default(), 120, 40);
    let buf = term.backend().buffer();
    let mut labelled = 0;
    for (rect, hit) in &app.frame().hits {
        let gapscope::tui::view::Hit::Node(gapscope::tui::app::VisNode::Unit(u)) = hit else {
            continue;
        };
        if rect.width <= 1 {
            continue;
        }
        let text: String = (rect.x..rect.right())
            .map(|x| buf[(x, rect.y)].symbol().to_string())
            .collect();
        let label: String = app.derived().labels[*u].chars().take(28).collect();
        assert!(text.contains(&label), "label of unit {u} intact: {text:?}");
        labelled += 1;
    }
    assert!(labelled >= 20, "most units keep a label: {labelled}");
}

#[test]
fn about_shows_the_source_the_initiatives_and_the_facts_of_the_file() {
    let dir = tempfile::tempdir().expect("dir");
    let doc = Document::new(model::seed::seed(), "test")
        .base(dir.path().to_path_buf())
        .recoveries(Recoveries::in_dir(dir.path().join("state")));
    let (mut app, mut term) = start_doc(doc, 120, 40);
    keys(&mut app, &mut term, &["b"]);
    let s = screen(&term);
    assert!(
        s.contains("source: The built-in example of gapscope"),
        "{s}"
    );
    assert!(s.contains("data protection share of it budget 0.14"), "{s}");
    assert!(s.contains("Customer data protection"), "{s}");
    keys(&mut app, &mut term, &["Esc"]);
    assert!(app.modal().is_none());
}

#[test]
fn wide_names_keep_the_gap_list_columns_in_line() {
    use gapscope::analysis::GapKind;
    let mut org = model::seed::seed();
    for u in &mut org.units {
        if u.id == "hr" {
            u.name = Some("人事部門".into());
        }
    }
    let (mut app, mut term) =
        crate::tui_common::started(org, &gapscope::tui::Config::default(), 100, 24);
    let (hr, cio, ciso) = (unit(&app, "hr"), unit(&app, "cio"), unit(&app, "ciso"));
    crate::tui_common::with_gaps(
        &mut app,
        vec![
            crate::tui_common::pair_gap(GapKind::BelowTarget, hr, cio, 0.2, 0.8),
            crate::tui_common::pair_gap(GapKind::BelowTarget, ciso, cio, 0.2, 0.8),
        ],
    );
    keys(&mut app, &mut term, &["d", "3"]);
    let buf = term.backend().buffer();
    // The column where each row's explanation ("test gap …") starts.
    let starts: Vec<u16> = (0..buf.area.height)
        .filter_map(|y| {
            (0..buf.area.width.saturating_sub(4))
                .find(|&x| (0..4).map(|k| buf[(x + k, y)].symbol()).collect::<String>() == "test")
        })
        .collect();
    assert_eq!(starts.len(), 2, "{}", screen(&term));
    assert_eq!(starts[0], starts[1], "columns line up:\n{}", screen(&term));
}

#[test]
fn the_matrix_by_groups_shows_block_density_and_drills_into_a_block() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme-40-teams.json");
    let org = model::load(path, model::DEFAULT_MAX_BYTES).expect("loads");
    let (mut app, mut term) =
        crate::tui_common::started(org, &gapscope::tui::Config::default(), 120, 40);
    keys(&mut app, &mut term, &["2", "g"]);
    assert!(app.matrix().groups());
    let s = screen(&term);
    assert!(s.contains("block density"), "{s}");
    assert!(s.contains("E-I"), "{s}");
    keys(&mut app, &mut term, &["Down", "Right", "Enter"]);
    assert!(
        !app.matrix().groups(),
        "Enter drills into the block's units"
    );
    let (r, c) = app.matrix().cell();
    let d = app.derived();
    assert_eq!(d.unit_group[app.selected()], r);
    assert_eq!(app.pair_with().map(|u| d.unit_group[u]), Some(c));
    keys(&mut app, &mut term, &["g", "Esc"]);
    assert!(!app.matrix().groups(), "Esc goes back to units");
}

/// Where each unit's node is drawn: unit -> (column, row).
fn node_cells(app: &App) -> std::collections::HashMap<usize, (u16, u16)> {
    use gapscope::tui::app::VisNode;
    use gapscope::tui::view::Hit;
    app.frame()
        .hits
        .iter()
        .filter_map(|(r, h)| match h {
            Hit::Node(VisNode::Unit(u)) => Some((*u, (r.x, r.y))),
            _ => None,
        })
        .collect()
}

#[test]
fn adding_a_unit_does_not_move_the_others() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    let before: std::collections::HashMap<String, (u16, u16)> = node_cells(&app)
        .into_iter()
        .map(|(u, c)| (app.org().units[u].id.clone(), c))
        .collect();
    keys(&mut app, &mut term, &["a"]);
    type_text(&mut app, &mut term, "lab");
    keys(&mut app, &mut term, &["Enter"]);
    assert_eq!(app.n(), 8);
    let after = node_cells(&app);
    for (id, cell) in &before {
        let u = unit(&app, id);
        // The label may move to the other side; the row stays, and so does the node.
        assert_eq!(
            after.get(&u).map(|c| c.1),
            Some(cell.1),
            "{id} stayed on its row"
        );
    }
}

#[test]
fn ego_focus_keeps_the_pair_of_the_selected_gap() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, mut term) = builtin(&dir);
    // The first screen selects Chief Data Office ↔ Security (CISO): no tie between them.
    let ciso = unit(&app, "ciso");
    assert_eq!(app.pair_with(), Some(ciso.max(unit(&app, "cdo"))));
    keys(&mut app, &mut term, &[">"]);
    assert!(
        node_cells(&app).contains_key(&app.pair_with().expect("pair")),
        "the other unit of the pair stays in view:\n{}",
        screen(&term)
    );
}

#[test]
fn too_small_is_ascii_with_ascii() {
    let config = gapscope::tui::Config {
        ascii: true,
        ..Default::default()
    };
    let (_app, term) = crate::tui_common::started(model::seed::seed(), &config, 30, 8);
    let s = screen(&term);
    assert!(s.contains("40x12"), "{s}");
    assert!(s.is_ascii(), "{s}");
}

#[test]
fn a_unit_and_its_gaps_are_found_with_search_and_o() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme-40-teams.json");
    let org = model::load(path, model::DEFAULT_MAX_BYTES).expect("loads");
    let (mut app, mut term) =
        crate::tui_common::started(org, &gapscope::tui::Config::default(), 120, 40);
    keys(&mut app, &mut term, &["/"]);
    type_text(&mut app, &mut term, "payroll");
    keys(&mut app, &mut term, &["Enter", "o"]);
    let payroll = app.selected();
    assert_eq!(app.derived().labels[payroll], "Payroll");
    assert_eq!(app.view(), gapscope::tui::View::Gaps);
    let visible = app.visible_gaps();
    assert!(!visible.is_empty(), "{}", screen(&term));
    assert!(
        visible
            .iter()
            .all(|&i| app.gaps()[i].from == payroll || app.gaps()[i].to == Some(payroll))
    );
    assert!(screen(&term).contains("unit: Payroll"));
}

#[test]
fn the_gap_list_scrolls_by_a_row_near_its_edge_not_by_pages() {
    // A move past the bottom shifts the rows by one (cheap on a slow link: the terminal
    // scrolls them); the old list jumped to a new page and redrew every row.
    let org = gapscope::generate::generate(&gapscope::generate::Params {
        units: 200,
        ..Default::default()
    });
    let (mut app, mut term) =
        crate::tui_common::started(org, &gapscope::tui::Config::default(), 80, 24);
    keys(&mut app, &mut term, &["3"]);
    // The list's rows (each names a pair), without the title and the header.
    let rows = |term: &ratatui::Terminal<ratatui::backend::TestBackend>| -> Vec<String> {
        text(term.backend().buffer())
            .lines()
            .filter(|l| l.contains('↔'))
            .map(str::to_string)
            .collect()
    };
    assert!(app.visible_gaps().len() > 40, "a long list");
    let before = rows(&term);
    let mut moved = 0;
    while rows(&term) == before {
        keys(&mut app, &mut term, &["Down"]);
        moved += 1;
        assert!(moved < 30, "the list never scrolled");
    }
    let after = rows(&term);
    assert_eq!(after[..after.len() - 1], before[1..], "shifted by one row");
    // It scrolled with rows still below the cursor (the margin), not at the last row.
    assert!(moved < before.len(), "scrolled after {moved} moves");
}

#[test]
fn the_screen_writes_a_rating_as_the_explanation_does() {
    // One number formatter: a survey mean of 2.25 is "2.25" in the detail pane, as in the
    // gap's explanation (the screen once wrote "2.2" beside "2.25").
    let json = r#"{"scale": {"min": 1, "max": 5},
        "units": [{"id": "a", "name": "Alpha"}, {"id": "b", "name": "Beta"}],
        "ties": [{"from": "a", "to": "b", "strength": 2.25}],
        "targets": [{"from": "a", "to": "b", "min": 4}]}"#;
    let org = model::from_str("org.json", json).expect("valid");
    let doc = Document::new(org, "test");
    let (mut app, mut term) = crate::tui_common::start_doc(doc, 120, 40);
    keys(&mut app, &mut term, &["3"]);
    let s = screen(&term);
    assert!(
        s.contains("2.25/4") && s.contains("they have 2.25 on 1–5"),
        "{s}"
    );
    assert!(
        !s.contains("2.2 ") && !s.contains("2.3 "),
        "one way only:\n{s}"
    );
}

#[test]
fn a_status_message_keeps_the_keys_of_the_story_beside_it() {
    // Issue 9 point 6: the hint line keeps 3, /, i and d, also while a message is shown:
    // named when there is room, as bare keys when the message needs it.
    let dir = tempfile::tempdir().expect("dir");
    let (_, term) = builtin(&dir);
    let s = screen(&term);
    let last = s.lines().last().unwrap_or("").to_string();
    assert!(
        last.contains("worst gap: Chief Data Office ↔ Security (CISO)"),
        "{last}"
    );
    assert!(last.trim_end().ends_with("3 / i d"), "{last}");
    let doc = Document::new(model::seed::seed(), "test")
        .recoveries(Recoveries::in_dir(dir.path().join("state")))
        .base(dir.path().to_path_buf());
    let (_, wide) = start_doc(doc, 160, 48);
    let s = screen(&wide);
    let last = s.lines().last().unwrap_or("").to_string();
    assert!(
        last.contains("missing tie 0.80  3 gaps  / search  i initiative  d detail"),
        "{last}"
    );
}

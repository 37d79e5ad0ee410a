//! A user's trial of the screen at 80x24, 120x40 and 200x60 (issue 9): what the lead and the
//! trial saw wrong, each pinned through the real loop on the built-in org.

use crate::tui_common::{keys, started, text};
use gapscope::model::seed::seed;
use gapscope::tui::Config;

fn screen(w: u16, h: u16, script: &[&str]) -> String {
    let (mut app, mut term) = started(seed(), &Config::default(), w, h);
    keys(&mut app, &mut term, script);
    text(term.backend().buffer())
}

/// The gap list at 80x24 names both units of every pair whole (the built-in org's longest
/// pair fits once the "why" column gives up its useless fragment), and a narrower screen
/// cuts each name on its own, so the second unit is never lost.
#[test]
fn the_gap_list_names_both_units_of_each_pair() {
    let s = screen(80, 24, &["3"]);
    for pair in [
        "Chief Data Office ↔ Security (CISO)",
        "Security (CISO) ↔ Customer Relations",
        "Chief Data Office ↔ CIO office",
    ] {
        assert!(s.contains(pair), "{pair} whole at 80x24:\n{s}");
    }
    // No fragment of the explanation ("Chief Data O") beside the pair.
    assert!(!s.contains(" why"), "{s}");
    // Wide enough for a useful "why": it says why, without the pair's names again.
    let s = screen(200, 60, &["3"]);
    assert!(s.contains(" why"), "{s}");
    assert!(
        s.contains("need 4/5 for AI rollout; they have no direct tie"),
        "{s}"
    );
    assert!(
        !s.contains("Security (CISO) Chief Data Office–Security"),
        "{s}"
    );
    // The narrowest screen: both names, each cut with the ellipsis.
    let s = screen(40, 12, &["3"]);
    assert!(s.contains("Chief D… ↔ Security…"), "{s}");
}

/// One word per gap kind on every part of the screen: "one-sided", never "asymmetric";
/// "missing tie" in the legend as in the list.
#[test]
fn one_word_per_gap_kind_everywhere() {
    for (script, want) in [
        (&["3"][..], "⇄ one-sided"),
        (&[][..], "✗ missing tie"),
        (&["2"][..], "✗ missing tie"),
        (&["3", "f", "f"][..], "kind: one-sided"),
    ] {
        let s = screen(120, 40, script);
        assert!(s.contains(want), "{want} after {script:?}:\n{s}");
        assert!(!s.contains("asymmetric"), "after {script:?}:\n{s}");
        assert!(!s.contains("_"), "a raw kind name after {script:?}:\n{s}");
    }
}

/// The title bar cuts the org's title at one place in every view (the view's name does not
/// move it), and a cut at a space ends at the word ("works…", not "works …").
#[test]
fn the_title_bar_cuts_the_org_title_alike_in_every_view() {
    let left = |script: &[&str]| {
        let s = screen(120, 40, script);
        let first = s.lines().next().unwrap_or_default().to_string();
        let cut = first.find(" │").unwrap_or(first.len());
        first[..cut].to_string()
    };
    let graph = left(&[]);
    assert!(graph.contains("Example Corp"), "{graph}");
    assert!(!graph.contains(" …"), "{graph}");
    for script in [&["2"][..], &["3"], &["3", "d"]] {
        assert_eq!(left(script), graph, "after {script:?}");
    }
}

/// The graph's legend never runs into the detail pane: it wraps at whole entries where the
/// graph has room and ends with the ellipsis where it has not.
#[test]
fn the_graph_legend_is_whole_or_ends_with_an_ellipsis() {
    for (w, h) in [(120, 40), (80, 24), (200, 60)] {
        let s = screen(w, h, &[]);
        for part in ["◇ single point", "solid strong, dotted weak", "∅ isolated"] {
            assert!(s.contains(part), "{part} at {w}x{h}:\n{s}");
        }
    }
    // A short graph keeps one legend line, cut at an entry with the ellipsis.
    let s = screen(60, 14, &[]);
    let legend = s.lines().rev().nth(1).unwrap_or_default();
    assert!(legend.contains("! below target"), "{s}");
    assert!(legend.ends_with('…'), "{legend:?}\n{s}");
}

/// Point 1: `X` on a gap names the unit and everything that goes with it, the review's
/// actions included (the removal takes them too), and Esc changes nothing.
#[test]
fn removing_a_unit_names_its_actions_too() {
    let (mut app, mut term) = started(seed(), &Config::default(), 80, 24);
    // The third gap: Security (CISO) ↔ Marketing; Marketing has an action on its pairs.
    keys(&mut app, &mut term, &["3", "Down", "Down", "X", "2"]);
    let s = text(term.backend().buffer());
    assert!(
        s.contains("Remove Marketing with its 6 ties, 2 targets and 1 action?"),
        "{s}"
    );
    keys(&mut app, &mut term, &["Esc"]);
    assert_eq!(app.org().units.len(), 7);
    assert_eq!(app.org().actions.len(), 4);
}

/// Point 3 at 80 columns: after an edit the title bar keeps the initiative and says
/// "edited"; what changed is cut between its parts or left to `c`, never cut inside a word
/// ("1 narrow…"); and no width makes the bar panic.
#[test]
fn the_edit_summary_in_the_title_bar_is_whole_parts_or_nothing() {
    for w in [40u16, 60, 80, 90, 100, 120, 200] {
        let (mut app, mut term) = started(seed(), &Config::default(), w, 24);
        keys(&mut app, &mut term, &["2", "l", "+"]);
        let s = text(term.backend().buffer());
        let bar = s.lines().next().unwrap_or_default();
        assert!(bar.contains("edited"), "{w}: {bar}");
        assert!(
            !bar.contains("narrow…") && !bar.contains("narr…"),
            "{w}: {bar}"
        );
        if w >= 80 {
            assert!(bar.contains("all targets"), "{w}: {bar}");
        }
    }
}

/// Points 1 and 4: `t` on a gap edits the target the gap is about ("need 4/5 for AI
/// rollout" is AI rollout's target, also under "all targets"), pre-filled with it; after the
/// list re-sorts, the cursor is still on that gap.
#[test]
fn t_on_a_gap_edits_the_target_behind_it_and_the_cursor_follows_the_gap() {
    let (mut app, mut term) = started(seed(), &Config::default(), 80, 24);
    // The fourth gap: Chief Data Office ↔ CIO office, 1.5 of AI rollout's 4.
    keys(&mut app, &mut term, &["3", "Down", "Down", "Down", "t"]);
    let s = text(term.backend().buffer());
    assert!(
        s.contains("target Chief Data Office–CIO office (AI rollout;"),
        "{s}"
    );
    assert!(s.contains("│ 4"), "pre-filled with the target:\n{s}");
    keys(&mut app, &mut term, &["3", "Enter"]);
    let org = app.org();
    let on_pair = |t: &&gapscope::model::Target| {
        (t.from == "cdo" && t.to == "cio") || (t.from == "cio" && t.to == "cdo")
    };
    let targets: Vec<_> = org.targets.iter().filter(on_pair).collect();
    assert_eq!(
        targets.len(),
        1,
        "no baseline target was added: {targets:?}"
    );
    assert_eq!(targets[0].initiative.as_deref(), Some("ai"));
    assert_eq!(targets[0].min, 3.0);
    let g = app.current_gap().expect("a gap is selected");
    let names = |u: usize| app.org().units[u].id.clone();
    let mut pair = [names(g.from), g.to.map(names).unwrap_or_default()];
    pair.sort();
    assert_eq!(pair, ["cdo".to_string(), "cio".to_string()]);
}

/// Point 5: `o` in the gap list keeps the gaps of a unit of the selected gap (the one named
/// first), not of a unit selected elsewhere and not shown.
#[test]
fn o_in_the_gap_list_filters_by_a_unit_of_the_selected_gap() {
    let (mut app, mut term) = started(seed(), &Config::default(), 80, 24);
    keys(&mut app, &mut term, &["3", "/"]);
    crate::tui_common::type_text(&mut app, &mut term, "mar");
    // The first listed: Security (CISO) ↔ Marketing.
    keys(&mut app, &mut term, &["Enter", "o"]);
    let s = text(term.backend().buffer());
    assert!(s.contains("unit: Security (CISO)"), "{s}");
    assert!(s.contains("only the gaps of Security (CISO)"), "{s}");
    assert!(s.contains("Security (CISO) ↔ Marketing"), "{s}");
}

/// Point 5: when the filters let no gap through, the detail pane does not show a pair the
/// list does not show (the gap list's actions have nothing to act on either).
#[test]
fn an_empty_gap_list_has_an_empty_detail_pane() {
    // The built-in org has no structure gaps: the third `f` lists none.
    let s = screen(120, 40, &["3", "f", "f", "f"]);
    assert!(s.contains("0 of 7 gaps · kind: structure"), "{s}");
    assert!(s.contains("No gap selected"), "{s}");
    assert!(!s.contains("rates"), "no pair in the detail pane:\n{s}");
}

/// Point 6: the matrix's first line gives both ratings of the pair at any width (in ASCII
/// "->" takes two cells: at 80 columns the second rating was cut off); names give way first.
#[test]
fn the_matrix_line_gives_both_ratings_at_80_columns_in_ascii() {
    for (w, ascii) in [(80u16, true), (80, false), (50, true), (50, false)] {
        let config = Config {
            ascii,
            ..Config::default()
        };
        let (mut app, mut term) = started(seed(), &config, w, 24);
        keys(&mut app, &mut term, &["2"]);
        let s = text(term.backend().buffer());
        let line = s.lines().nth(1).unwrap_or_default();
        assert_eq!(line.matches(": 0").count(), 2, "{w} {ascii}: {line:?}\n{s}");
        assert!(line.ends_with(": 0"), "{w} {ascii}: {line:?}");
    }
}

/// Point 7: Ctrl-d moves the detail pane by half of what it shows (it moved one line in the
/// graph, whose page is not the pane's), and a new subject (a group, then its unit) starts
/// at the top.
#[test]
fn the_detail_pane_scrolls_by_half_its_height_and_restarts_per_subject() {
    let (mut app, mut term) = started(seed(), &Config::default(), 80, 24);
    // The unit alone (Esc closes the pair), its detail below the graph: 9 of 17 lines.
    keys(&mut app, &mut term, &["Esc", "d"]);
    let s = text(term.backend().buffer());
    assert!(s.contains("1-9 of 17"), "{s}");
    keys(&mut app, &mut term, &["Ctrl-d"]);
    let s = text(term.backend().buffer());
    assert!(s.contains("5-13 of 17"), "{s}");
    // Its group, then the group expanded: the unit's detail from its first line.
    keys(&mut app, &mut term, &["g", "Enter"]);
    let s = text(term.backend().buffer());
    assert!(s.contains("1-9 of 17"), "{s}");
}

/// Point 9: `G` with the start of an existing group's name asks "did you mean" before it
/// creates a new group, and the prompt's title (the groups there are) ends with the
/// ellipsis instead of running into the corner at 80 columns.
#[test]
fn g_with_the_start_of_a_group_name_suggests_that_group() {
    let (mut app, mut term) = started(seed(), &Config::default(), 80, 24);
    keys(&mut app, &mut term, &["Esc", "G", "Ctrl-u"]);
    crate::tui_common::type_text(&mut app, &mut term, "Technol");
    keys(&mut app, &mut term, &["Enter"]);
    let s = text(term.backend().buffer());
    assert!(s.contains("did you mean \"Technology\"?"), "{s}");
    assert!(s.contains("… ╮"), "{s}");
    assert!(!app.org().groups().contains(&"Technol"), "not created yet");
}

/// Point 10: with `--initiative`, the first status line names the worst gap's pair before
/// the initiative's description (at 80 columns the description pushed the pair off).
#[test]
fn the_first_screen_names_the_initiatives_worst_pair_at_80_columns() {
    let config = Config {
        initiative: Some(1),
        ..Config::default()
    };
    let (_app, term) = started(seed(), &config, 80, 24);
    let s = text(term.backend().buffer());
    let status = s.lines().last().unwrap_or_default();
    assert!(
        status.contains("worst gap for Customer data protection: Chief Data Office ↔ Security"),
        "{s}"
    );
}

/// Points 8 and 9: the help lists every mark of the theme's set with its meaning (the
/// legends under the views are cut on narrow screens), in ASCII too.
#[test]
fn the_help_lists_every_symbol() {
    for ascii in [false, true] {
        let config = Config {
            ascii,
            ..Config::default()
        };
        let (mut app, mut term) = started(seed(), &config, 80, 80);
        keys(&mut app, &mut term, &["?"]);
        keys(&mut app, &mut term, &["End"]);
        let s = text(term.backend().buffer());
        assert!(s.contains("Symbols"), "{s}");
        for what in [
            "gap: below target",
            "gap: one-sided",
            "gap: isolated",
            "gap: single point",
            "matrix: rated 0 (none)",
            "graph: a group",
            "widened, narrowed since OLD",
        ] {
            assert!(s.contains(what), "{what} (ascii {ascii}):\n{s}");
        }
        let mark = if ascii { "  0 " } else { "  ∅ " };
        assert!(s.contains(mark), "{s}");
    }
}

/// Point 12: drilling into a group's own block says "units of Technology", not "units of
/// Technology and Technology".
#[test]
fn drilling_into_a_groups_own_block_names_it_once() {
    // The first pair (Chief Data Office, Security) is inside Technology.
    let s = screen(80, 24, &["2", "g", "Enter"]);
    assert!(
        s.contains("units of Technology (g shows the groups again)"),
        "{s}"
    );
}

/// At the smallest screen (40x12) the help's keys column narrows so the descriptions keep
/// room (they were cut to a word a line), and its title ends with the ellipsis.
#[test]
fn the_help_at_40x12_keeps_room_for_the_descriptions() {
    let s = screen(40, 12, &["?"]);
    assert!(
        s.lines()
            .any(|l| l.contains(">") && l.contains("ego focus")),
        "{s}"
    );
    assert!(s.contains("… ╮"), "{s}");
}

/// The changes list names added and removed units by name, as every view does (it gave
/// their ids: "units removed (1): marketing").
#[test]
fn the_changes_list_names_removed_units_by_name() {
    let (mut app, mut term) = started(seed(), &Config::default(), 80, 24);
    keys(
        &mut app,
        &mut term,
        &["3", "Down", "Down", "X", "2", "y", "c"],
    );
    let s = text(term.backend().buffer());
    assert!(s.contains("units removed (1): Marketing"), "{s}");
}

/// Point 7: the detail pane's ties keep their ratings in one column when a neighbour's name
/// is longer than the name column (it ran on and wrapped the ratings to the next line).
#[test]
fn the_detail_pane_keeps_ratings_in_a_column_beside_long_names() {
    let mut org = seed();
    for u in &mut org.units {
        if u.id == "customer" {
            u.name = Some("Customer Relations and a very long name that goes on and on".into());
        }
    }
    let (mut app, mut term) = started(org, &Config::default(), 120, 40);
    let hr = crate::tui_common::unit(&app, "hr");
    app.select(hr, None);
    gapscope::tui::script::draw(&mut app, &mut term);
    let s = text(term.backend().buffer());
    let columns: Vec<usize> = s
        .lines()
        .filter(|l| l.contains('→') && l.contains('←') && !l.contains("strongest"))
        .map(|l| {
            let at = l.find('→').unwrap_or(0);
            ratatui::text::Span::raw(&l[..at]).width()
        })
        .collect();
    assert_eq!(columns.len(), 3, "{s}");
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{columns:?}\n{s}");
    assert!(s.contains("Customer Relations and…  1→"), "{s}");
}

/// Point 12: names that share their start keep the part that tells them apart in the
/// matrix's pair line ("Platform 11 tea…" twice said nothing).
#[test]
fn the_matrix_pair_line_keeps_the_ends_of_names_that_start_alike() {
    let mut org = seed();
    for u in &mut org.units {
        match u.id.as_str() {
            "cdo" => u.name = Some("Platform 11 team 7824".into()),
            "ciso" => u.name = Some("Platform 11 team 7843".into()),
            _ => {}
        }
    }
    let (mut app, mut term) = started(org.clone(), &Config::default(), 80, 24);
    keys(&mut app, &mut term, &["2"]);
    let s = text(term.backend().buffer());
    let line = s.lines().nth(1).unwrap_or_default();
    assert!(
        line.contains("7824") && line.contains("7843"),
        "{line:?}\n{s}"
    );
    // The gap list at its narrowest, where each name gets a few cells.
    let (mut app, mut term) = started(org, &Config::default(), 40, 12);
    keys(&mut app, &mut term, &["3"]);
    let s = text(term.backend().buffer());
    let row = s.lines().nth(3).unwrap_or_default();
    assert!(row.contains("7824") && row.contains("7843"), "{row:?}\n{s}");
    // Beside another unit too: which of the two is in the gap stays readable.
    assert!(s.contains("7843 ↔ Customer"), "{s}");
}

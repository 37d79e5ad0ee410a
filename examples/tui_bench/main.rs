//! Timings of the screen: first frame, analysis, frame drawing, bytes sent per selection move.
//!
//!     cargo run --release --example tui_bench
//!
//! Prints timings; it asserts nothing (machines are noisy).

use std::time::Instant;

use gapscope::model::{Org, Scale, Target, Tie, Unit, seed::seed};
use gapscope::tui::analysis_task::{self, Done, Stage};
use gapscope::tui::update::{Msg, update};
use gapscope::tui::{App, Config, View, script};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// A deterministic org: groups of 25 units, ~6 ties per unit mostly inside the group, targets
/// for one pair in fifty.
fn generated(n: usize) -> Org {
    let mut state = 0x1234_5678_9abc_def0u64;
    let mut next = move |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    let groups = n.div_ceil(25).max(1);
    let mut org = Org {
        title: Some(format!("generated {n}")),
        directed: true,
        scale: Scale { min: 0.0, max: 5.0 },
        ..Org::default()
    };
    for i in 0..n {
        org.units.push(Unit {
            id: format!("u{i}"),
            group: Some(format!("g{}", i % groups)),
            ..Unit::default()
        });
    }
    let mut seen = std::collections::HashSet::new();
    for i in 0..n {
        for k in 0..6 {
            let j = if k < 5 {
                (i + groups * (1 + next(6))) % n
            } else {
                next(n)
            };
            if i != j && seen.insert((i, j)) {
                org.ties.push(Tie {
                    from: format!("u{i}"),
                    to: format!("u{j}"),
                    strength: Some((1 + next(5)) as f64),
                    ..Tie::default()
                });
            }
        }
        if i % 50 == 0 && n > 1 {
            let j = (i + 1 + next(n - 1)) % n;
            if j != i && seen.insert((j.min(i) + n, j.max(i))) {
                org.targets.push(Target {
                    from: format!("u{i}"),
                    to: format!("u{j}"),
                    min: 4.0,
                    ..Target::default()
                });
            }
        }
    }
    org
}

/// Switches the initiative `times` times through the real update path and the real worker
/// thread, each while the previous slow stage (betweenness) is still running, and prints
/// how long until the new gaps are on the screen and until the slow stage follows.
fn switch_initiative(org: Org, times: usize) {
    use gapscope::tui::analysis_task::{Done, Job};
    use gapscope::tui::update::Effect;
    let mut app = App::new(org, "bench", &Config::default());
    let (tx, rx) = std::sync::mpsc::channel::<Done>();
    let jobs = analysis_task::spawn(tx, |d| d);
    let send = |app: &App, fx: Vec<Effect>| {
        for e in fx {
            if let Effect::Analyse {
                generation,
                initiative,
            } = e
            {
                let _ = jobs.send(Job::Analyse {
                    generation,
                    org: std::sync::Arc::new(app.org().clone()),
                    opts: app.analysis_options(initiative),
                });
            }
        }
    };
    // Until a stage of the current generation arrives; returns milliseconds.
    let until = |app: &mut App, stage: Stage, t: Instant| -> f64 {
        while let Ok(done) = rx.recv() {
            let ours = matches!(&done, Done::Analysed { generation, stage: s, .. }
                if *generation == app.generation() && *s == stage);
            update(app, Msg::Done(done));
            if ours {
                return ms(t);
            }
        }
        f64::NAN
    };
    let t = Instant::now();
    let fx = gapscope::tui::update::start(&mut app);
    send(&app, fx);
    let first = until(&mut app, Stage::Quick, t);
    println!("  first gaps through the worker: {first:.0} ms");
    for _ in 0..times {
        let t = Instant::now();
        let fx = update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char('i'))));
        send(&app, fx);
        let gaps = until(&mut app, Stage::Quick, t);
        println!(
            "  switch to {:<18} gaps and counts after {gaps:>6.0} ms ({} gaps)",
            app.initiative_label(),
            app.gaps().len()
        );
    }
    let t = Instant::now();
    let full = until(&mut app, Stage::Full, t);
    println!("  then the slow stage (betweenness, exact or sampled) after {full:.0} ms more");
}

/// The first frame as the command line opens a file, phase by phase, in process (the real
/// terminal adds its set-up and the bytes sent; `bench/first_frame.sh` measures that in tmux):
/// read, hash and parse the file, build the screen's state, draw at 120x40.
fn first_frame_from_file(org: &Org) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("org10k.json");
    let text = gapscope::model::save::to_string(org);
    std::fs::write(&path, text).expect("write the org");
    println!("first frame of a 10,000-unit file (gapscope generate --units 10000), 120x40:");
    for run in 1..=3 {
        let t = Instant::now();
        let (org, fingerprint) =
            gapscope::store::load_tracked(&path, u64::MAX).expect("load the org");
        let load = ms(t);
        let mut doc = gapscope::tui::Document::new(org, "org10k.json");
        doc.fingerprint = Some(fingerprint);
        let t = Instant::now();
        let mut app = App::from_document(doc);
        let state = ms(t);
        let t = Instant::now();
        let mut term = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
        script::draw(&mut app, &mut term);
        let draw = ms(t);
        println!(
            "  run {run}: load {load:.1} ms, screen state {state:.1} ms, draw {draw:.1} ms: {:.1} ms",
            load + state + draw
        );
    }
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// Draws once into a test terminal; returns milliseconds.
fn draw_ms(app: &mut App, term: &mut Terminal<TestBackend>) -> f64 {
    let t = Instant::now();
    script::draw(app, term);
    ms(t)
}

/// Shows a view through its key, as a user would.
fn show(app: &mut App, v: View) {
    let key = match v {
        View::Graph => '1',
        View::Matrix => '2',
        View::Gaps => '3',
        View::Review => '4',
    };
    update(app, Msg::Key(KeyEvent::from(KeyCode::Char(key))));
}

mod bytes;

use bytes::{move_bytes, walk_bytes};

fn main() {
    let krack = std::fs::read_to_string("tests/fixtures_tui/krackhardt-advice-people.json")
        .ok()
        .and_then(|s| gapscope::model::from_str("krackhardt", &s).ok());
    let mut orgs: Vec<(String, Org)> = vec![("built-in (7)".into(), seed())];
    if let Some(k) = krack {
        orgs.push(("krackhardt (21)".into(), k));
    }
    orgs.push(("generated 1,000".into(), generated(1_000)));
    orgs.push(("generated 10,000".into(), generated(10_000)));
    let synthetic = gapscope::generate::generate(&gapscope::generate::Params {
        units: 10_000,
        ..Default::default()
    });
    first_frame_from_file(&synthetic);
    println!("initiative switch at 10,000 units (gapscope generate --units 10000):");
    switch_initiative(synthetic, 3);
    println!(
        "{:<18} {:>12} {:>12} {:>12} {:>10} {:>14} {:>14}",
        "org",
        "first frame",
        "quick anal.",
        "full anal.",
        "layout",
        "graph 200x60",
        "matrix 200x60"
    );
    for (name, org) in orgs {
        let t = Instant::now();
        let mut app = App::new(org, &name, &Config::default());
        let state = ms(t);
        let mut term = Terminal::new(TestBackend::new(200, 60)).expect("test terminal");
        script::draw(&mut app, &mut term);
        let first = ms(t);
        println!(
            "{name:<18} state {state:.1} ms, first frame drawn {:.1} ms later",
            first - state
        );
        let t = Instant::now();
        let quick = analysis_task::analyse(app.org(), &Default::default(), Stage::Quick);
        let quick_ms = ms(t);
        let t = Instant::now();
        let full = analysis_task::analyse(app.org(), &Default::default(), Stage::Full);
        let full_ms = ms(t);
        drop(quick);
        deliver(&mut app, full);
        let t = Instant::now();
        let laid = analysis_task::unit_layout(&app.derived().net);
        let layout_ms = ms(t);
        update(&mut app, Msg::Done(Done::Laid(laid)));
        // Frames: the view as it opens (grouped above 60 units), averaged over 5 draws with a
        // selection move in between so every draw has work to do.
        let mut graph = 0.0;
        let mut matrix = 0.0;
        for k in 0..5 {
            show(&mut app, View::Graph);
            update(
                &mut app,
                Msg::Key(KeyEvent::from(if k % 2 == 0 {
                    KeyCode::Left
                } else {
                    KeyCode::Right
                })),
            );
            graph += draw_ms(&mut app, &mut term) / 5.0;
            show(&mut app, View::Matrix);
            update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Down)));
            matrix += draw_ms(&mut app, &mut term) / 5.0;
        }
        println!(
            "{name:<18} {first:>9.1} ms {quick_ms:>9.1} ms {full_ms:>9.1} ms {layout_ms:>7.1} ms {graph:>11.2} ms {matrix:>11.2} ms"
        );
        if app.n() > 60 {
            show(&mut app, View::Graph);
            if app.graph().grouped() {
                update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char('g'))));
            }
            let mut t = 0.0;
            for _ in 0..3 {
                update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Left)));
                t += draw_ms(&mut app, &mut term) / 3.0;
            }
            println!(
                "{:<18} every unit drawn (ungrouped graph): {t:.1} ms per frame",
                ""
            );
        }
        show(&mut app, View::Graph);
        if app.graph().grouped() != (app.n() > 60) {
            update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char('g'))));
        }
        for (v, key, label) in [
            (View::Matrix, KeyCode::Down, "matrix, Down"),
            (View::Graph, KeyCode::Left, "graph, Left"),
            (View::Gaps, KeyCode::Down, "gaps, Down"),
        ] {
            show(&mut app, v);
            let (b, a) = move_bytes(&mut app, key);
            println!(
                "{:<18} bytes for one move at 120x40 ({label}): {b} before (CrosstermBackend), {a} after (compact layer)",
                ""
            );
            if v != View::Graph {
                let ([(bm, bw), (am, aw)], (bt, at)) = walk_bytes(&mut app, key, 50);
                println!(
                    "{:<18}   walk of 50: mean {bm:.0} worst {bw} before, mean {am:.0} worst {aw} after; a frame {bt:.2} ms before, {at:.2} ms after",
                    ""
                );
                let (b, a) = move_bytes(&mut app, KeyCode::PageDown);
                println!(
                    "{:<18}   PageDown (a page of new rows): {b} before, {a} after",
                    ""
                );
            }
        }
        review_timings(&mut app, &mut term);
    }
}

/// Review mode (src/tui/review): the plan key (the planned org analysed in `update`, after
/// an action with an `expect` on every target pair), the card drawn, one step of the walk.
fn review_timings(app: &mut App, term: &mut Terminal<TestBackend>) {
    let pairs: Vec<(String, String)> = app
        .org()
        .targets
        .iter()
        .map(|t| (t.from.clone(), t.to.clone()))
        .collect();
    let top = app.org().scale.max;
    let edits = pairs
        .into_iter()
        .map(|(from, to)| gapscope::model::edit::Edit::AddAction {
            action: gapscope::model::Action {
                from,
                to,
                what: "bench".into(),
                expect: Some(top),
                ..Default::default()
            },
            at: None,
        })
        .collect();
    let mut org = app.org().clone();
    let _ = gapscope::model::edit::Edit::Batch { label: None, edits }.apply(&mut org);
    let actions = org.actions.len();
    let mut app = App::new(org, "bench", &Config::default());
    let full = analysis_task::analyse(app.org(), &Default::default(), Stage::Quick);
    deliver(&mut app, full);
    update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char('4'))));
    // The key itself only asks; the worker computes (here at once, in this thread).
    let t = Instant::now();
    let fx = update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char('p'))));
    let key = ms(t);
    let t = Instant::now();
    script::run_effects(&mut app, fx);
    let plan = ms(t);
    let card = draw_ms(&mut app, term);
    let t = Instant::now();
    update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char(' '))));
    let step = ms(t);
    println!(
        "{:<18} review: plan key {key:.2} ms, plan on the worker {plan:.1} ms ({actions} actions), card {card:.2} ms, next gap {step:.2} ms",
        ""
    );
}

/// Hands an analysis to the app as the worker's full stage of its current generation.
fn deliver(app: &mut App, analysis: gapscope::analysis::Analysis) {
    let generation = app.generation();
    update(
        app,
        Msg::Done(Done::Analysed {
            generation,
            stage: Stage::Full,
            analysis: Box::new(analysis),
        }),
    );
}

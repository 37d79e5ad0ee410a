//! Prints how long an edit and an undo take on the screen's update path (the document is
//! cloned once, derived values rebuilt, the analysis asked for), apart from the analysis.
//!
//! `cargo run --release --example screen_edit_timing -- /work/shared/data/orgs/email-eu-core-people.json`

use std::time::Instant;

use gapscope::model;
use gapscope::model::edit::Edit;
use gapscope::tui::derived::Derived;
use gapscope::tui::update::{self, Msg};
use gapscope::tui::{App, Config, script};

fn main() -> anyhow::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        anyhow::bail!("usage: screen_edit_timing ORG_FILE");
    };
    let org = model::load(&path, model::DEFAULT_MAX_BYTES)?;
    println!("{path}: {} units, {} ties", org.units.len(), org.ties.len());
    derived_after_a_tie_edit(&org, &path)?;
    let t = Instant::now();
    let mut app = App::new(org, &path, &Config::default());
    println!("start (derived values, layout if small): {:?}", t.elapsed());
    let fx = update::start(&mut app);
    let t = Instant::now();
    script::run_effects(&mut app, fx);
    println!(
        "first analysis (both passes, this thread): {:?}",
        t.elapsed()
    );
    update::update(&mut app, Msg::Key(script::key("2")));
    app.select(app.selected(), Some(1.min(app.n().saturating_sub(1))));
    for (what, key) in [
        ("edit (+)", "+"),
        ("undo", "u"),
        ("redo (cached analysis)", "Ctrl-r"),
    ] {
        let t = Instant::now();
        let fx = update::update(&mut app, Msg::Key(script::key(key)));
        let took = t.elapsed();
        println!(
            "{what}: {took:?} ({} effects) — {:?}",
            fx.len(),
            app.message()
        );
        let t = Instant::now();
        script::run_effects(&mut app, fx);
        println!("  its analysis and baseline: {:?}", t.elapsed());
    }
    Ok(())
}

/// The derived values after one tie edit: rebuilt whole, and updated in place.
fn derived_after_a_tie_edit(org: &model::Org, path: &str) -> anyhow::Result<()> {
    let Some(tie) = org.ties.first() else {
        return Ok(());
    };
    let (from, to) = (tie.from.clone(), tie.to.clone());
    let before = Derived::of(org, path);
    let mut org = org.clone();
    let t = Instant::now();
    let copy = org.clone();
    println!("copy the document: {:?}", t.elapsed());
    drop(copy);
    Edit::SetTie {
        from: from.clone(),
        to: to.clone(),
        strength: Some(org.scale.max),
    }
    .apply(&mut org)?;
    let t = Instant::now();
    let _ = Derived::of(&org, path);
    println!(
        "derived values after a tie edit, rebuilt: {:?}",
        t.elapsed()
    );
    let t = Instant::now();
    let _ = before.retie(&org, &from, &to);
    println!(
        "derived values after a tie edit, in place: {:?}",
        t.elapsed()
    );
    Ok(())
}

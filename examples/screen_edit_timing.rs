//! Prints how long an edit and an undo take on the screen's update path (the document is
//! cloned once, derived values rebuilt, the analysis asked for), apart from the analysis.
//!
//! `cargo run --release --example screen_edit_timing -- /work/shared/data/orgs/email-eu-core-people.json`

use std::time::Instant;

use gapscope::model;
use gapscope::tui::update::{self, Msg};
use gapscope::tui::{App, Config, script};

fn main() -> anyhow::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        anyhow::bail!("usage: screen_edit_timing ORG_FILE");
    };
    let org = model::load(&path, model::DEFAULT_MAX_BYTES)?;
    println!("{path}: {} units, {} ties", org.units.len(), org.ties.len());
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

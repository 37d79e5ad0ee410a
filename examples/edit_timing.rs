//! Prints how long edits, undo, saving and the on-disk check take on a real org file.
//!
//! `cargo run --release --example edit_timing -- /work/shared/data/orgs/email-eu-core-people.json`

use std::path::Path;
use std::time::Instant;

use gapscope::model::edit::Edit;
use gapscope::model::history::History;
use gapscope::model::{self, save};
use gapscope::store;

fn main() -> anyhow::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        anyhow::bail!("usage: edit_timing ORG_FILE");
    };
    let (mut org, fp) = store::load_tracked(Path::new(&path), model::DEFAULT_MAX_BYTES)?;
    println!(
        "{path}: {} units, {} ties, {} targets",
        org.units.len(),
        org.ties.len(),
        org.targets.len()
    );
    let mut degree = std::collections::HashMap::<&str, usize>::new();
    for t in &org.ties {
        *degree.entry(&t.from).or_default() += 1;
        *degree.entry(&t.to).or_default() += 1;
    }
    let hub = degree
        .iter()
        .max_by_key(|(id, d)| (**d, std::cmp::Reverse(**id)))
        .map(|(id, _)| id.to_string())
        .unwrap_or_default();
    let ties_of_hub = degree.get(hub.as_str()).copied().unwrap_or(0);
    let mut history = History::new();
    let (a, b) = (org.ties[0].from.clone(), org.ties[0].to.clone());
    let strength = org.scale.max;

    let t = Instant::now();
    history.apply(
        &mut org,
        Edit::SetTie {
            from: a,
            to: b,
            strength: Some(strength),
        },
    )?;
    history.undo(&mut org)?;
    println!("set a tie strength and undo: {:?}", t.elapsed());

    let t = Instant::now();
    history.apply(&mut org, Edit::RemoveUnit { id: hub.clone() })?;
    println!(
        "remove unit {hub} with {ties_of_hub} ties: {:?}",
        t.elapsed()
    );
    let t = Instant::now();
    history.undo(&mut org)?;
    println!("undo (restore it in place): {:?}", t.elapsed());

    let dir = tempfile::tempdir()?;
    let target = dir.path().join("org.json");
    std::fs::copy(&path, &target)?;
    let t = Instant::now();
    let text = save::to_string(&org);
    println!("write {} bytes of JSON: {:?}", text.len(), t.elapsed());
    let t = Instant::now();
    store::check_unchanged(&target, &fp).map_err(|e| anyhow::anyhow!("{e}"))?;
    println!("check the file is unchanged on disk: {:?}", t.elapsed());
    let t = Instant::now();
    store::save_atomic(&target, text.as_bytes())?;
    println!("atomic save with backup and fsyncs: {:?}", t.elapsed());
    let recoveries = store::Recoveries::in_dir(dir.path().join("state"));
    let t = Instant::now();
    recoveries.write(Some(&target), &org, Some(&fp))?;
    println!("write the recovery file: {:?}", t.elapsed());
    Ok(())
}

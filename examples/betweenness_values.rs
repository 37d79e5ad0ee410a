//! Prints the exact betweenness of every unit of an org file as JSON `{id: value}`.
//!
//! Used by bench/compare.sh to check NetworKit's values against gapscope's:
//! `cargo run --release --example betweenness_values -- ORG.json`.

use gapscope::analysis::{BetweennessMode, betweenness};
use gapscope::model::{self, Network};

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: betweenness_values ORG.json"))?;
    let org = model::load(&path, model::DEFAULT_MAX_BYTES)?;
    let (values, _) = betweenness::compute(&Network::new(&org), BetweennessMode::Exact);
    let map: serde_json::Map<String, serde_json::Value> = org
        .units
        .iter()
        .zip(values)
        .map(|(u, v)| (u.id.clone(), serde_json::Value::from(v)))
        .collect();
    println!("{}", serde_json::Value::Object(map));
    Ok(())
}

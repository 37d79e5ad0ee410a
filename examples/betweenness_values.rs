//! Prints the betweenness of every unit of an org file as JSON `{id: value}`: exact, or
//! estimated from `--sources K` sampled sources (seed 0, as `Auto` samples).
//!
//! Used by bench/compare.sh to check NetworKit's values against gapscope's:
//! `cargo run --release --example betweenness_values -- ORG.json [--sources K]`.

use gapscope::analysis::{BetweennessMode, betweenness};
use gapscope::model::{self, Network};

fn main() -> anyhow::Result<()> {
    let usage = "usage: betweenness_values ORG.json [--sources K]";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, mode) = match args.as_slice() {
        [path] => (path, BetweennessMode::Exact),
        [path, flag, k] if flag == "--sources" => {
            let sources = k
                .parse()
                .map_err(|_| anyhow::anyhow!("--sources: not a count: {k:?}\n{usage}"))?;
            (path, BetweennessMode::Sampled { sources, seed: 0 })
        }
        _ => anyhow::bail!(usage),
    };
    let org = model::load(path, model::DEFAULT_MAX_BYTES)?;
    let (values, _) = betweenness::compute(&Network::new(&org), mode);
    let map: serde_json::Map<String, serde_json::Value> = org
        .units
        .iter()
        .zip(values)
        .map(|(u, v)| (u.id.clone(), serde_json::Value::from(v)))
        .collect();
    println!("{}", serde_json::Value::Object(map));
    Ok(())
}

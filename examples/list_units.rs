//! Lists the units of an org file and its pairs from strongest to weakest.
//!
//! Run: `cargo run --example list_units -- examples/seed.json` (or `-` for standard input).
//! Shows how to use the library: load with located errors, then derive pair strengths.

use std::process::ExitCode;

use gapscope::model::{self, Network};
use gapscope::text::clean;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path] = args.as_slice() else {
        eprintln!("usage: list_units FILE   (\"-\" reads standard input)");
        return ExitCode::from(2);
    };
    let org = match model::load(path, model::DEFAULT_MAX_BYTES) {
        Ok(org) => org,
        Err(e) => {
            // The same lines as `gapscope validate`: FILE:LINE:COL: PATH: message.
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let net = Network::new(&org);
    if let Some(title) = &org.title {
        println!("{}", clean(title));
    }
    println!(
        "{} units, {} ties ({}), scale {}..{}",
        org.units.len(),
        org.ties.len(),
        if org.directed {
            "directed"
        } else {
            "undirected"
        },
        org.scale.min,
        org.scale.max
    );
    println!();
    println!("Units:");
    let width = org
        .units
        .iter()
        .map(|u| u.id.chars().count())
        .max()
        .unwrap_or(0);
    for (i, u) in org.units.iter().enumerate() {
        let mut line = format!("  {:<width$}  {}", clean(&u.id), clean(u.label()));
        if let Some(group) = &u.group {
            line.push_str(&format!("  [{}]", clean(group)));
        }
        if let Some(size) = u.size {
            line.push_str(&format!("  size {size}"));
        }
        if org.directed && !net.respondent[i] {
            line.push_str("  (rated nobody)");
        }
        println!("{line}");
    }
    println!();
    println!("Pairs, strongest first (pair strength on the scale, normalized in brackets):");
    let mut pairs = net.pairs.clone();
    pairs.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    if pairs.is_empty() {
        println!("  (none)");
    }
    for (a, b, p) in pairs {
        let name = format!("{} - {}", clean(&org.units[a].id), clean(&org.units[b].id));
        println!("  {name:<36} {:>8.3}  ({p:.2})", org.scale.denormalize(p));
    }
    ExitCode::SUCCESS
}

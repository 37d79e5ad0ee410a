//! Timings of load, analysis and betweenness on generated orgs of growing size.
//!
//! Run: `cargo run --release --example bench` (options: `--help`). Each phase is timed
//! `--runs` times; the best and the median are printed. See docs/benchmarks.md.

use std::time::{Duration, Instant};

use clap::Parser;
use gapscope::analysis::{self, BetweennessDone, BetweennessMode, Options, betweenness};
use gapscope::generate::{Params, generate};
use gapscope::model::{self, Network, save};

/// Times gapscope's load, analysis and betweenness on synthetic orgs.
#[derive(Parser)]
struct Args {
    /// Org sizes (units) to measure.
    #[arg(long, value_delimiter = ',', default_values_t = [1_000, 10_000, 100_000])]
    sizes: Vec<usize>,
    /// Runs per phase (the largest size runs betweenness once when exact).
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Mean degree of the generated orgs.
    #[arg(long, default_value_t = 10.0)]
    mean_degree: f64,
    /// Exact betweenness at every size (default: `Auto`, sampled above the exact limit).
    #[arg(long)]
    exact: bool,
    /// Sampled betweenness from this many sources (seed 0) instead of `Auto`/`--exact`.
    #[arg(long)]
    sources: Option<usize>,
    /// Measure this org file (load from disk + full analysis) instead of generated ones.
    #[arg(long)]
    file: Option<String>,
    /// A real org file whose load time is measured too.
    #[arg(
        long,
        default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/email-eu-core-people.json")
    )]
    real: String,
    /// Also load and save a file whose only big part is an `x-` array of zeros of this many
    /// MB (memory of extension values, kept as their text); 0 skips it.
    #[arg(long, default_value_t = 0)]
    x_array_mb: usize,
}

fn main() {
    let args = Args::parse();
    let threads = rayon::current_num_threads();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("gapscope bench: {cores} cores available, {threads} rayon threads");
    println!("runs per phase: {} (best / median)", args.runs);
    if let Some(file) = &args.file {
        bench_file(&args, file);
        return;
    }
    for &units in &args.sizes {
        bench_size(&args, units);
    }
    if args.x_array_mb > 0 {
        bench_x_array(args.x_array_mb);
    }
    bench_real(&args);
}

/// Loads `{"units": [{"id": "a"}], "x-zeros": [0,0,...]}` of about `mb` MB, once.
fn bench_x_array(mb: usize) {
    let n = mb * 500_000;
    let mut text = String::with_capacity(n * 2 + 64);
    text.push_str("{\"units\": [{\"id\": \"a\"}], \"x-zeros\": [0");
    for _ in 1..n {
        text.push_str(",0");
    }
    text.push_str("]}");
    println!(
        "\nan x- array of {n} zeros ({:.0} MB of JSON)",
        text.len() as f64 / 1e6
    );
    reset_peak();
    let load = time(1, || model::from_str("x-array", &text).is_ok());
    report("load (the x- value kept as text)", &load);
    println!("  {:<34} {}", "peak RSS (the text included)", peak());
    let Ok(org) = model::from_str("x-array", &text) else {
        return;
    };
    drop(text);
    reset_peak();
    let saved = time(1, || save::write(&org, None, std::io::sink()).is_ok());
    report("save (streamed, the x- text as is)", &saved);
    println!("  {:<34} {}", "peak RSS (the document included)", peak());
}

fn bench_size(args: &Args, units: usize) {
    let params = Params {
        units,
        mean_degree: args.mean_degree,
        ..Params::default()
    };
    let text = save::to_string(&generate(&params));
    let org = match model::from_str("generated", &text) {
        Ok(org) => org,
        Err(e) => {
            eprintln!("generated org does not load: {e}");
            return;
        }
    };
    let net = Network::new(&org);
    let mb = text.len() as f64 / 1e6;
    println!(
        "\n{units} units: {} ties, {} edges (undirected view), {mb:.1} MB of JSON",
        org.ties.len(),
        net.pairs.len(),
    );
    let runs = args.runs.max(1);
    reset_peak();
    let load = time(runs, || {
        model::from_str("generated", &text).map(|o| o.units.len())
    });
    report("load (parse + validate)", &load);
    if let Some(best) = load.first() {
        println!(
            "  {:<34} {:>8.1} MB/s wall, {:.1} MB/s cpu; peak RSS {}",
            "load speed",
            mb / best.wall.as_secs_f64(),
            mb / best.cpu.as_secs_f64().max(1e-3),
            peak()
        );
    }
    // The yardstick of issue 10: serde_json's own parse of the same text into a `Value`.
    let serde = time(runs, || {
        serde_json::from_str::<serde_json::Value>(&text).map(|v| v.is_object())
    });
    report("serde_json::Value parse (yardstick)", &serde);
    if let (Some(l), Some(s)) = (load.first(), serde.first()) {
        println!(
            "  {:<34} {:>8.2}x",
            "load / serde parse (wall)",
            l.wall.as_secs_f64() / s.wall.as_secs_f64().max(1e-9)
        );
    }
    let opts = Options::default();
    let gaps = time(runs, || analysis::gaps_first(&org, &opts).gaps.len());
    report("time to gaps (gaps_first)", &gaps);
    let mode = match (args.sources, args.exact) {
        (Some(sources), _) => BetweennessMode::Sampled { sources, seed: 0 },
        (None, true) => BetweennessMode::Exact,
        (None, false) => BetweennessMode::Auto,
    };
    let mut done = None;
    let slow = mode == BetweennessMode::Exact && units > 10_000;
    let between = time(if slow { 1 } else { runs }, || {
        let (values, how) = betweenness::compute(&net, mode);
        done = Some(how);
        values.len()
    });
    report(&format!("betweenness {}", how_computed(done)), &between);
    let full = Options {
        betweenness: mode,
        ..Options::default()
    };
    let whole = time(if slow { 1 } else { runs }, || {
        analysis::analyse(&org, &full).nodes.len()
    });
    report("time to full analysis", &whole);
    let analysis = analysis::analyse(&org, &full);
    let shown = gapscope::report::Report::new(&org, &analysis, Default::default());
    let json = time(runs, || {
        let mut sink = std::io::sink();
        gapscope::report::json::write(&shown, &mut sink).is_ok()
    });
    report("JSON report, streamed (to a sink)", &json);
    let total: Vec<Took> = load.iter().zip(&whole).map(|(a, b)| *a + *b).collect();
    report("load + analyse", &total);
    println!("  {:<34} {}", "peak RSS of this size", peak());
}

/// Resets the peak resident set size of this process (Linux; a no-op elsewhere).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident set size since the last reset, from /proc ("?" elsewhere).
fn peak() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or("?".into(), |kb| format!("{:.0} MB", kb / 1024.0))
}

/// Load and analyse one org file, as `gapscope report` would.
fn bench_file(args: &Args, file: &str) {
    let runs = args.runs.max(1);
    let load = time(runs, || model::load(file, model::DEFAULT_MAX_BYTES).is_ok());
    let org = match model::load(file, model::DEFAULT_MAX_BYTES) {
        Ok(org) => org,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    println!(
        "\n{file}: {} units, {} ties",
        org.units.len(),
        org.ties.len()
    );
    report("load (read + parse + validate)", &load);
    let opts = Options::default();
    let gaps = time(runs, || analysis::gaps_first(&org, &opts).gaps.len());
    report("time to gaps (gaps_first)", &gaps);
    let mut done = None;
    let whole = time(runs, || {
        let a = analysis::analyse(&org, &Options::default());
        done = Some(a.betweenness);
        a.nodes.len()
    });
    report(
        &format!("analyse (betweenness {})", how_computed(done)),
        &whole,
    );
    let total: Vec<Took> = load.iter().zip(&whole).map(|(a, b)| *a + *b).collect();
    report("load + analyse", &total);
}

/// How betweenness was computed, in words ("exact", "sampled from 256 sources").
fn how_computed(done: Option<BetweennessDone>) -> String {
    match done {
        Some(BetweennessDone::Exact) => "exact".into(),
        Some(BetweennessDone::Sampled(k)) => format!("sampled from {k} sources"),
        Some(BetweennessDone::Skipped) => "skipped".into(),
        None => "not run".into(),
    }
}

fn bench_real(args: &Args) {
    let runs = args.runs.max(1) * 3;
    let mut units = 0;
    let load = time(runs, || {
        match model::load(&args.real, model::DEFAULT_MAX_BYTES) {
            Ok(org) => {
                units = org.units.len();
                1
            }
            Err(e) => {
                eprintln!("{e}");
                0
            }
        }
    });
    println!("\n{} ({units} units)", args.real);
    report("load (read + parse + validate)", &load);
}

/// Wall and CPU time (all threads) of one run.
#[derive(Clone, Copy, Default, PartialEq, PartialOrd)]
struct Took {
    wall: Duration,
    cpu: Duration,
}

impl std::ops::Add for Took {
    type Output = Took;
    fn add(self, other: Took) -> Took {
        Took {
            wall: self.wall + other.wall,
            cpu: self.cpu + other.cpu,
        }
    }
}

/// CPU time of this process so far (user + system, all threads), from /proc; 0 elsewhere.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which ends with ')'): utime and stime are 12 and 13.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // Linux reports these in USER_HZ, 100 per second on every supported platform.
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

/// Runs `f` `runs` times; the times sorted by wall time.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Vec<Took> {
    let mut out: Vec<Took> = (0..runs)
        .map(|_| {
            let (start, cpu) = (Instant::now(), cpu_time());
            std::hint::black_box(f());
            Took {
                wall: start.elapsed(),
                cpu: cpu_time().saturating_sub(cpu),
            }
        })
        .collect();
    out.sort_by_key(|t| t.wall);
    out
}

fn report(what: &str, sorted: &[Took]) {
    let best = sorted.first().copied().unwrap_or_default();
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or_default();
    println!(
        "  {what:<34} best {:>8.3} s  median {:>8.3} s  (cpu {:>7.2} s)",
        best.wall.as_secs_f64(),
        median.wall.as_secs_f64(),
        best.cpu.as_secs_f64()
    );
}

//! The long-running fuzz mode (issue 14): CI does not run it (the tests are `#[ignore]`d);
//! run it before a release with
//!
//! ```text
//! cargo test --release --test it fuzz_long -- --ignored --nocapture
//! ```
//!
//! - `mutated_inputs_never_panic`: 100,000 mutations (`GAPSCOPE_FUZZ_INPUTS`) of the example
//!   org files, CSVs and node-link JSON, each through the loader, the three importers, and,
//!   when accepted, aggregation, analysis and every export; no panic, and what is accepted
//!   loads back.
//! - `random_key_scripts_never_panic`: 10,000 scripts (`GAPSCOPE_FUZZ_SCRIPTS`) of random
//!   keys, characters, clicks and resizes through the real update loop, edits and saves
//!   included (in a temporary folder).
//!
//! `GAPSCOPE_FUZZ_SEED` changes the random stream; an input that panics is written to the
//! temporary folder named in the failure, to be replayed.

use std::panic::{AssertUnwindSafe, catch_unwind};

use gapscope::analysis::{self, Options};
use gapscope::export::{dot, graphml, mermaid, nodelink, table};
use gapscope::import::edges::{self, EdgeOptions};
use gapscope::import::nodelink::NodeLinkOptions;
use gapscope::import::survey::{self, SurveyOptions};
use gapscope::import::{AggregateOptions, aggregate, to_checked_string};
use gapscope::model::{self, Org};
use gapscope::tui::keymap::BINDINGS;
use gapscope::tui::update::Msg;
use gapscope::tui::{App, Config, Document, script};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// xorshift64*: a small deterministic random stream.
struct Rng(u64);

impl Rng {
    fn from_env() -> Rng {
        let seed = std::env::var("GAPSCOPE_FUZZ_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0x9e37_79b9_7f4a_7c15u64);
        Rng(seed | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn count(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// Text that has broken parsers and escapers before.
const TOKENS: &[&str] = &[
    "1e400",
    "-0.0",
    "9007199254740993",
    "\"\\u001b[31m\"",
    "\u{feff}",
    "\"",
    ",",
    "\r",
    "\n",
    "\r\n",
    "{",
    "}",
    "[",
    "]",
    "null",
    "=cmd|' /C calc'!A0",
    "\\u0000",
    "\u{202e}",
    "\"\"",
    "x-",
    "\"group\": \"\"",
    ":",
    "true",
    "-",
    "'=",
    "\t",
    "\u{1b}",
];

fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut b = base.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(b.len() + 1);
        match rng.below(5) {
            0 if !b.is_empty() => {
                let i = at.min(b.len() - 1);
                b[i] ^= 1 << rng.below(8);
            }
            1 => b.insert(at, rng.next() as u8),
            2 => {
                let end = (at + rng.below(16)).min(b.len());
                b.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(64)).min(b.len());
                let piece = b[at..end].to_vec();
                let to = rng.below(b.len() + 1);
                b.splice(to..to, piece);
            }
            _ => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                b.splice(at..at, t.iter().copied());
            }
        }
    }
    b
}

fn exercise(org: &Org) {
    let text = model::save::to_string(org);
    model::from_str("again", &text).expect("what is accepted loads back");
    let a = analysis::analyse(org, &Options::default());
    let _ = dot::to_dot(org, &a);
    let _ = graphml::to_graphml(org, &a);
    let _ = mermaid::to_mermaid(org, &a);
    let _ = nodelink::to_node_link(org);
    for t in [
        table::Table::Units,
        table::Table::Ties,
        table::Table::Targets,
    ] {
        let _ = table::to_csv(org, &a, t);
    }
    if let Ok(g) = aggregate(org, &AggregateOptions::default()) {
        to_checked_string(&g.org).expect("an aggregate is a valid org");
    }
}

fn one_input(kind: usize, bytes: &[u8]) {
    match kind {
        0 => {
            if let Ok(org) = model::from_bytes("fuzz", bytes) {
                exercise(&org);
            }
        }
        1 => {
            let opts = SurveyOptions {
                min_respondents: 1,
                ..SurveyOptions::default()
            };
            if let Ok(got) = survey::import("s.csv", bytes, None, &opts) {
                to_checked_string(&got.org).expect("valid");
            }
        }
        2 => {
            if let Ok(got) = edges::import("e.csv", bytes, None, &EdgeOptions::default()) {
                to_checked_string(&got.org).expect("valid");
                exercise(&got.org);
            }
        }
        _ => {
            if let Ok(got) =
                gapscope::import::nodelink::import("g.json", bytes, &NodeLinkOptions::default())
            {
                to_checked_string(&got.org).expect("valid");
            }
        }
    }
}

#[test]
#[ignore = "long-running fuzz mode; see the module docs"]
fn mutated_inputs_never_panic() {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |p: &str| std::fs::read(format!("{root}/{p}")).expect("example file");
    let seed = model::seed::seed();
    let a = analysis::analyse(&seed, &Options::default());
    let bases: Vec<(usize, Vec<u8>)> = vec![
        (0, read("examples/seed.json")),
        (0, read("examples/acme-40-teams.json")),
        (1, read("examples/survey/answers.csv")),
        (2, table::to_csv(&seed, &a, table::Table::Ties).into_bytes()),
        (3, nodelink::to_node_link(&seed).into_bytes()),
    ];
    let n = count("GAPSCOPE_FUZZ_INPUTS", 100_000);
    let mut rng = Rng::from_env();
    let keep = tempfile::Builder::new()
        .prefix("gapscope-fuzz-")
        .tempdir()
        .expect("dir")
        .keep();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut failed = Vec::new();
    for i in 0..n {
        let (kind, base) = &bases[rng.below(bases.len())];
        let bytes = mutate(&mut rng, base);
        if catch_unwind(AssertUnwindSafe(|| one_input(*kind, &bytes))).is_err() {
            let path = keep.join(format!("input-{i}-kind{kind}"));
            let _ = std::fs::write(&path, &bytes);
            failed.push(path);
        }
    }
    std::panic::set_hook(previous);
    assert!(
        failed.is_empty(),
        "{} of {n} inputs panicked; kept in {}",
        failed.len(),
        keep.display()
    );
    let _ = std::fs::remove_dir_all(&keep);
    eprintln!("{n} mutated inputs, no panic");
}

#[test]
#[ignore = "long-running fuzz mode; see the module docs"]
fn random_key_scripts_never_panic() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let n = count("GAPSCOPE_FUZZ_SCRIPTS", 10_000);
    let mut rng = Rng::from_env();
    let scratch = tempfile::tempdir().expect("scratch");
    let orgs = [model::seed::seed(), Org::default()];
    for _ in 0..n {
        let config = Config {
            ascii: rng.below(2) == 0,
            ..Config::default()
        };
        // Saves land in the scratch folder, recovery files in its state folder.
        let doc = Document::new(orgs[rng.below(8).min(1)].clone(), "fuzz")
            .config(config)
            .recoveries(gapscope::store::Recoveries::in_dir(
                scratch.path().join("state"),
            ))
            .base(scratch.path().to_path_buf());
        let mut app = App::from_document(doc);
        let (w, h) = (rng.below(160) as u16, rng.below(60) as u16);
        let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        script::play(&mut app, &mut term, Vec::new(), true);
        for _ in 0..1 + rng.below(80) {
            let msg = match rng.below(10) {
                0..=5 => Msg::Key(script::key(BINDINGS[rng.below(BINDINGS.len())].key)),
                6 | 7 => Msg::Key(KeyEvent::from(KeyCode::Char(
                    (b'a' + rng.below(26) as u8) as char,
                ))),
                8 => Msg::Click {
                    col: rng.below(200) as u16,
                    row: rng.below(70) as u16,
                },
                _ => {
                    term.backend_mut()
                        .resize(rng.below(200) as u16, rng.below(70) as u16);
                    script::draw(&mut app, &mut term);
                    continue;
                }
            };
            if matches!(&msg, Msg::Key(k) if k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL))
            {
                continue;
            }
            let fx = gapscope::tui::update::update(&mut app, msg);
            script::run_effects(&mut app, fx);
            script::draw(&mut app, &mut term);
            let text = model::save::to_string(app.org());
            assert!(
                model::from_str("edited", &text).is_ok(),
                "edits keep the document valid"
            );
        }
    }
    eprintln!("{n} key scripts, no panic");
}

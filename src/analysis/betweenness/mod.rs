//! Weighted betweenness centrality (Brandes), with distances `1/s` compared with a tolerance.
//!
//! The graph is stored as compact arrays ([`csr`]); each source runs one Brandes pass
//! ([`kernel`]) with buffers reused per thread. Sources are processed in parallel (rayon)
//! in fixed chunks whose partial sums are added in chunk order, so the result does not
//! depend on the number of threads: it is bit-identical on 1 or 32 threads.

mod csr;
mod exact;
mod kernel;
#[cfg(test)]
mod tests;

use rayon::prelude::*;

use super::{BetweennessDone, BetweennessMode};
use crate::model::Network;

pub use kernel::BUCKET_MAX_LENGTH;

/// Relative tolerance under which two path lengths count as equal.
pub const REL_TOLERANCE: f64 = 1e-9;

/// Work (sources × arcs) up to which `BetweennessMode::Auto` is exact: a 10,000-unit org
/// of mean degree 10 (about 93,000 arcs) is just inside, a complete graph of 1,000 units
/// (999,000 arcs) just outside.
pub const AUTO_WORK: usize = 1_000_000_000;

/// Most sources `BetweennessMode::Auto` samples when exact values cost more than [`AUTO_WORK`].
pub const AUTO_SOURCES: usize = 256;

/// Fewest sources `BetweennessMode::Auto` samples, however dense the graph.
pub const AUTO_MIN_SOURCES: usize = 16;

/// Seed of the source sample of `BetweennessMode::Auto`.
pub const AUTO_SEED: u64 = 0;

/// Most chunks (partial vectors), for load balance on many cores.
const MAX_CHUNKS: usize = 64;

/// Floats the partial vectors may hold together (128 MB): fewer chunks for huge orgs.
const PARTIAL_BUDGET: usize = 1 << 24;

/// Floats the partial vectors of one wave may hold together (8 MB).
const WAVE_BUDGET: usize = 1 << 20;

/// Fewest sources per chunk, so small runs are not split into tiny tasks.
const MIN_CHUNK: usize = 4;

/// Betweenness of every unit as REPORT.md defines it, and how it was computed.
pub fn compute(net: &Network, mode: BetweennessMode) -> (Vec<f64>, BetweennessDone) {
    compute_until(net, mode, &|| false)
        .unwrap_or_else(|| (vec![0.0; net.n], BetweennessDone::Skipped))
}

/// The same as [`compute`], but gives up (returns `None`) soon after `cancelled` returns
/// true: it is asked between sources, so a stale request stops within one source's work.
pub fn compute_until(
    net: &Network,
    mode: BetweennessMode,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<(Vec<f64>, BetweennessDone)> {
    Plan::new(net, mode).run(cancelled)
}

/// A betweenness computation prepared from a network (its compact graph and sources) that
/// no longer borrows it, so the network can move on (e.g. into the quick stage of the
/// analysis, which then runs at the same time as [`Plan::run`]).
pub struct Plan {
    n: usize,
    /// `None` when the mode is `Skip` or the graph does not fit in `u32` indices.
    graph: Option<csr::Csr>,
    sources: Vec<usize>,
}

impl Plan {
    /// Prepares the betweenness of `net` under `mode`.
    pub fn new(net: &Network, mode: BetweennessMode) -> Plan {
        let n = net.n;
        let graph = (mode != BetweennessMode::Skip)
            .then(|| csr::Csr::of(net))
            .flatten();
        let sources = match (&graph, mode) {
            (None, _) => Vec::new(),
            (Some(_), BetweennessMode::Skip | BetweennessMode::Exact) => (0..n).collect(),
            (Some(g), BetweennessMode::Auto) => match auto_sources(n, g.arc_count()) {
                k if k >= n => (0..n).collect(),
                k => sample(n, k, AUTO_SEED),
            },
            (Some(_), BetweennessMode::Sampled { sources, seed }) => {
                sample(n, sources.min(n), seed)
            }
        };
        Plan { n, graph, sources }
    }

    /// Runs it: the betweenness of every unit and how it was computed; `None` soon after
    /// `cancelled` returns true.
    pub fn run(
        &self,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<(Vec<f64>, BetweennessDone)> {
        let n = self.n;
        let Some(graph) = &self.graph else {
            return Some((vec![0.0; n], BetweennessDone::Skipped));
        };
        let mut raw = accumulate(graph, &self.sources, cancelled)?;
        let mut scale = if n > 2 {
            1.0 / ((n - 1) as f64 * (n - 2) as f64)
        } else {
            1.0
        };
        let done = if self.sources.len() == n {
            BetweennessDone::Exact
        } else {
            scale *= n as f64 / self.sources.len().max(1) as f64;
            BetweennessDone::Sampled(self.sources.len())
        };
        raw.iter_mut().for_each(|x| *x *= scale);
        Some((raw, done))
    }
}

/// Sources `BetweennessMode::Auto` uses on a graph of `n` nodes and `arcs` arcs: all of
/// them when that work (sources × arcs) is at most [`AUTO_WORK`]; else as many as fit in
/// it, between [`AUTO_MIN_SOURCES`] and [`AUTO_SOURCES`] (never more than `n`). The work,
/// not the unit count, decides: a dense org of 3,000 units has 9 million arcs.
pub fn auto_sources(n: usize, arcs: usize) -> usize {
    if n.saturating_mul(arcs.max(1)) <= AUTO_WORK {
        return n;
    }
    (AUTO_WORK / arcs.max(1))
        .clamp(AUTO_MIN_SOURCES, AUTO_SOURCES)
        .min(n)
}

/// Sum of the dependencies of all `sources`, unnormalised.
fn accumulate(
    graph: &csr::Csr,
    sources: &[usize],
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<f64>> {
    let n = graph.n();
    // The split depends only on the counts, never on the thread count.
    let chunks = (PARTIAL_BUDGET / n.max(1)).clamp(2, MAX_CHUNKS);
    let chunk = sources.len().div_ceil(chunks).max(MIN_CHUNK);
    let parts: Vec<&[usize]> = sources.chunks(chunk).collect();
    // Chunks run a wave at a time and each wave's partials are added to the total at once,
    // in chunk order: the sum is the same as over all chunks at the end (whatever the wave
    // size, so whatever the thread count), but only a wave's partial vectors are alive
    // (at 100,000 units 64 partials were 51 MB). A wave is as large as [`WAVE_BUDGET`]
    // allows, at least two chunks per thread: each wave ends waiting for its slowest chunk,
    // so small orgs run all their chunks in one wave.
    let threads = rayon::current_num_threads().max(1);
    let wave = (WAVE_BUDGET / n.max(1)).max(2 * threads);
    let mut total = vec![0.0; n];
    for group in parts.chunks(wave) {
        let partials: Option<Vec<Vec<f64>>> = group
            .par_iter()
            .map_init(
                || kernel::Workspace::new(graph),
                |ws, part| {
                    let mut raw = vec![0.0; n];
                    for &s in *part {
                        if cancelled() {
                            return None;
                        }
                        // `s < n`, and `Csr::of` checked that `n` fits in u32.
                        ws.accumulate(graph, s as u32, &mut raw);
                    }
                    Some(raw)
                },
            )
            .collect();
        for part in &partials? {
            for (t, x) in total.iter_mut().zip(part) {
                *t += x;
            }
        }
    }
    Some(total)
}

/// A deterministic sample of `k` distinct sources (splitmix64 partial shuffle), sorted.
pub fn sample(n: usize, k: usize, seed: u64) -> Vec<usize> {
    let mut all: Vec<usize> = (0..n).collect();
    let mut rng = crate::rng::Rng::new(seed ^ 0x9E37_79B9_7F4A_7C15);
    for i in 0..k.min(n) {
        let z = rng.next_u64();
        let j = i + (z % (n - i) as u64) as usize;
        all.swap(i, j);
    }
    all.truncate(k);
    all.sort_unstable();
    all
}

/// Whether `a` and `b` are equal within the relative tolerance.
#[inline]
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= REL_TOLERANCE * a.abs().max(b.abs())
}

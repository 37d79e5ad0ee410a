//! One Brandes pass from one source: weighted shortest paths, then dependency accumulation.
//!
//! Every arc is at least 1 long (`s <= 1`, so `1/s >= 1`, and `fl(1/s) >= 1` because 1 is
//! representable). Path lengths are compared with [`close`]: `alt` within the tolerance of
//! the current distance adds paths, a clearly shorter `alt` replaces them, and the
//! accumulation counts an arc `v -> w` as a shortest-path arc when `close(dist[v] + len,
//! dist[w])`, the same test on the final distances.
//!
//! Nodes are settled through a bucket queue of half-unit-wide buckets: node `v` sits in
//! bucket `floor(2 * dist[v])`. Two facts make it exact, with no heap:
//!
//! - Every relaxation lands at least two buckets later: with `m = floor(2d) / 2`,
//!   `fl(d + len) >= fl(d + 1) >= m + 1` (`m + 1` is representable), so a node is final
//!   when its bucket is reached and the nodes of one bucket never relax each other.
//! - A predecessor is always in an earlier bucket than its successor, even under the
//!   tolerance: `close(d_u + len, d_w)` gives `d_w >= d_u + 1 - eps` with `eps` far below
//!   1, so `2 d_w > floor(2 d_u) + 1`. With unit-wide buckets this failed: a distance
//!   that is an integer as a rational can land just below it in floats (`4/3 + 4/3 + 4/3`),
//!   which put a node in the bucket of a tolerance-equal predecessor at `k + 1e-16`;
//!   settled in array order, the predecessor's paths arrived after the node had passed its
//!   count on, and the accumulation read the node before it was done.
//!
//! So the settle order (buckets in order, each in a plain array walk) puts predecessors
//! strictly before successors, and its reverse is a valid order for the dependency
//! accumulation, which reads successors' values from the out-arcs (no predecessor lists
//! are stored). The buckets form a ring of `floor(2 * max_length) + 3` slots, since every
//! pending distance lies within `max_length` of the current bucket. For lengths above
//! [`BUCKET_MAX_LENGTH`] (tiny strengths), an ordinary binary heap is used.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::close;
use super::csr::{ArcList, Arcs, Csr};

/// Largest arc length for which the bucket queue is used (the ring has this many slots).
pub const BUCKET_MAX_LENGTH: f64 = 256.0;

/// Buckets per unit of distance.
const BUCKETS_PER_UNIT: f64 = 2.0;

/// The bucket of a distance (`usize::MAX` for `UNREACHED`: the cast saturates).
#[inline(always)]
fn bucket_of(d: f64) -> usize {
    (d * BUCKETS_PER_UNIT) as usize
}

/// Distance of an unreached node: finite, so that `close` and `as usize` need no special case.
const UNREACHED: f64 = f64::MAX;

/// Per-thread buffers, reused for every source of a chunk (no allocation per source).
pub(super) struct Workspace {
    /// Per node: `[distance, sigma]` during the forward pass; the second slot becomes
    /// `(1 + delta) / sigma` during the accumulation. Unreached: `[UNREACHED, 0]`.
    state: Vec<[f64; 2]>,
    /// Nodes in settle order.
    order: Vec<u32>,
    /// Ring of half-unit-wide buckets (empty when the heap is used).
    buckets: Vec<Vec<u32>>,
    /// The bucket being settled, swapped out of the ring.
    current: Vec<u32>,
    /// Fallback queue: (distance bits, node); the bits of non-negative floats order like them.
    heap: BinaryHeap<Reverse<(u64, u32)>>,
}

impl Workspace {
    /// Buffers for a graph.
    pub(super) fn new(g: &Csr) -> Workspace {
        let slots = if use_buckets(g) {
            bucket_of(g.max_length) + 3
        } else {
            0
        };
        Workspace {
            state: vec![[UNREACHED, 0.0]; g.n()],
            order: Vec::with_capacity(g.n()),
            buckets: vec![Vec::new(); slots],
            current: Vec::new(),
            heap: BinaryHeap::new(),
        }
    }

    /// Adds the dependencies of source `s` on every other node to `raw`.
    pub(super) fn accumulate(&mut self, g: &Csr, s: u32, raw: &mut [f64]) {
        match &g.arcs {
            Arcs::Packed(arcs) => self.run(g, arcs, s, raw),
            Arcs::Wide(arcs) => self.run(g, arcs, s, raw),
        }
    }

    fn run<A: ArcList>(&mut self, g: &Csr, arcs: &A, s: u32, raw: &mut [f64]) {
        if self.buckets.is_empty() {
            self.forward_heap(g, arcs, s);
        } else {
            self.forward_buckets(g, arcs, s);
        }
        self.backward(g, arcs, s, raw);
    }

    /// Relaxes the arcs of settled node `u`; calls `push(v, old, new)` where `v` gets a new
    /// (clearly shorter) distance.
    #[inline(always)]
    fn relax<A: ArcList>(
        state: &mut [[f64; 2]],
        g: &Csr,
        arcs: &A,
        u: u32,
        mut push: impl FnMut(u32, f64, f64),
    ) {
        let [du, sigma_u] = state[u as usize];
        for e in g.range(u) {
            let (v, len) = arcs.arc(e);
            let alt = du + len;
            let slot = &mut state[v as usize];
            let dv = slot[0];
            // Unreached nodes hold `UNREACHED`, which no path length is close to.
            let same = close(alt, dv);
            if alt < dv && !same {
                *slot = [alt, sigma_u];
                push(v, dv, alt);
            } else {
                // Branch-free: another shortest path to `v` (never to a settled node).
                let more = same & (dv > du);
                slot[1] += sigma_u * f64::from(u8::from(more));
            }
        }
    }

    fn forward_buckets<A: ArcList>(&mut self, g: &Csr, arcs: &A, s: u32) {
        let ring = self.buckets.len();
        let state = &mut self.state;
        let buckets = &mut self.buckets;
        state[s as usize] = [0.0, 1.0];
        buckets[0].push(s);
        let mut pending = 1usize;
        let mut k = 0usize;
        let mut bucket = std::mem::take(&mut self.current);
        while pending > 0 {
            std::mem::swap(&mut bucket, &mut buckets[k % ring]);
            pending -= bucket.len();
            for &u in &bucket {
                // An entry is stale when its node moved to an earlier bucket; a node is
                // never entered twice in one bucket.
                if bucket_of(state[u as usize][0]) != k {
                    continue;
                }
                self.order.push(u);
                Self::relax(state, g, arcs, u, |v, old, new| {
                    let to = bucket_of(new);
                    if bucket_of(old) != to {
                        buckets[to % ring].push(v);
                        pending += 1;
                    }
                });
            }
            bucket.clear();
            k += 1;
        }
        self.current = bucket;
    }

    fn forward_heap<A: ArcList>(&mut self, g: &Csr, arcs: &A, s: u32) {
        let state = &mut self.state;
        let heap = &mut self.heap;
        state[s as usize] = [0.0, 1.0];
        heap.push(Reverse((0f64.to_bits(), s)));
        while let Some(Reverse((bits, u))) = heap.pop() {
            // Each push carries a strictly smaller distance, so only the latest matches.
            if state[u as usize][0].to_bits() != bits {
                continue;
            }
            self.order.push(u);
            Self::relax(state, g, arcs, u, |v, _, new| {
                heap.push(Reverse((new.to_bits(), v)))
            });
        }
    }

    /// Dependency accumulation in reverse settle order; resets the state for the next source.
    fn backward<A: ArcList>(&mut self, g: &Csr, arcs: &A, s: u32, raw: &mut [f64]) {
        let state = &mut self.state;
        for &v in self.order.iter().rev() {
            let [dv, sigma_v] = state[v as usize];
            let mut sum = 0.0;
            for e in g.range(v) {
                let (w, len) = arcs.arc(e);
                let [dw, coef_w] = state[w as usize];
                // Branch-free: whether `w` is a successor is unpredictable.
                let successor = (dw > dv) & close(dv + len, dw);
                sum += coef_w * f64::from(u8::from(successor));
            }
            if v != s {
                raw[v as usize] += sigma_v * sum;
            }
            state[v as usize][1] = 1.0 / sigma_v + sum;
        }
        for &v in &self.order {
            state[v as usize] = [UNREACHED, 0.0];
        }
        self.order.clear();
    }
}

/// Whether the bucket queue applies to a graph.
fn use_buckets(g: &Csr) -> bool {
    g.max_length <= BUCKET_MAX_LENGTH
}

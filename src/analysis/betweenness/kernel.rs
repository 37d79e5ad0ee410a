//! One Brandes pass from one source: weighted shortest paths, then dependency accumulation.
//!
//! Every arc is at least 1 long (`s <= 1`, so `1/s >= 1`, and `fl(1/s) >= 1` because 1 is
//! representable; exact stand-ins are scaled so, see [`super::exact`]). Path lengths are
//! compared by a [`Ties`] rule: [`Tolerant`] (the floats `1/s`, equal within the tolerance
//! of [`super::close`]) or [`Exact`] (exact sums, `==`). Below, `close` is that rule:
//! `alt` close to the current distance adds paths, a clearly shorter `alt` replaces them,
//! and the accumulation counts an arc `v -> w` as a shortest-path arc when
//! `close(dist[v] + len, dist[w])`, the same test on the final distances.
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
//!   count on, and the accumulation read the node before it was done. (Under [`Exact`],
//!   `d_w = d_u + len >= d_u + 1` exactly.)
//!
//! So the settle order (buckets in order, each in a plain array walk) puts predecessors
//! strictly before successors, and its reverse is a valid order for the dependency
//! accumulation, which reads successors' values through arcs (no predecessor lists are
//! stored): only the candidate arcs that the forward pass kept (those that shortened or
//! tied their head when relaxed; see [`Workspace::relax`]), a superset of the shortest-path
//! arcs, in arc order, so the sums are the ones over all out-arcs, bit for bit. The
//! buckets form a ring of at least `floor(2 * max_length) + 3` slots (a power of two),
//! since every pending distance lies within `max_length` of the current bucket. For
//! lengths above [`BUCKET_MAX_LENGTH`] (tiny strengths), an ordinary binary heap is used.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::REL_TOLERANCE;
use super::csr::{ArcList, Arcs, Csr};

/// Largest arc length for which the bucket queue is used (the ring has this many slots).
pub const BUCKET_MAX_LENGTH: f64 = 256.0;

/// Buckets per unit of distance.
const BUCKETS_PER_UNIT: f64 = 2.0;

/// The bucket of a distance (`usize::MAX` for `UNREACHED`: the cast saturates); used for
/// the ring's size (the hot loops convert through `i64`, one instruction).
#[inline(always)]
fn bucket_of(d: f64) -> usize {
    (d * BUCKETS_PER_UNIT) as usize
}

/// Distance of an unreached node: finite, so that the [`Ties`] rules and `as usize` need no
/// special case.
const UNREACHED: f64 = f64::MAX;

/// A head whose distance a relaxation made clearly shorter: `(head, old, new)`.
type Improved = (u32, f64, f64);

/// Per-thread buffers, reused for every source of a chunk (no allocation per source).
pub(super) struct Workspace {
    /// Per node: `[distance, sigma]` during the forward pass; the second slot becomes
    /// `(1 + delta) / sigma` during the accumulation. Unreached: `[UNREACHED, 0]`.
    state: Vec<[f64; 2]>,
    /// Nodes in settle order.
    order: Vec<u32>,
    /// Per settled node (parallel to `order`): where its candidate arcs start in `cands`.
    starts: Vec<u32>,
    /// Candidate arcs: every arc that improved or tied its head's distance when relaxed,
    /// grouped by tail in settle order (one slot per arc, so it never grows).
    cands: Vec<u32>,
    /// Heads whose distance one node's relaxation made clearly shorter: `(head, old, new)`,
    /// in arc order (one slot per arc of the widest node).
    improved: Vec<Improved>,
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
            // A power of two, so the slot of a bucket is a mask, not a division.
            (bucket_of(g.max_length) + 3).next_power_of_two()
        } else {
            0
        };
        Workspace {
            state: vec![[UNREACHED, 0.0]; g.n()],
            order: Vec::with_capacity(g.n()),
            starts: Vec::with_capacity(g.n()),
            cands: vec![0; g.arc_count() + 1],
            improved: vec![(0, 0.0, 0.0); g.max_degree() + 1],
            buckets: vec![Vec::new(); slots],
            current: Vec::new(),
            heap: BinaryHeap::new(),
        }
    }

    /// Adds the dependencies of source `s` on every other node to `raw`.
    pub(super) fn accumulate(&mut self, g: &Csr, s: u32, raw: &mut [f64]) {
        match &g.arcs {
            Arcs::Packed(arcs) if g.exact => self.run::<_, Exact>(g, arcs, s, raw),
            Arcs::Packed(arcs) => self.run::<_, Tolerant>(g, arcs, s, raw),
            Arcs::Wide(arcs) => self.run::<_, Tolerant>(g, arcs, s, raw),
        }
    }

    fn run<A: ArcList, T: Ties>(&mut self, g: &Csr, arcs: &A, s: u32, raw: &mut [f64]) {
        let count = if self.buckets.is_empty() {
            self.forward_heap::<A, T>(g, arcs, s)
        } else {
            self.forward_buckets::<A, T>(g, arcs, s)
        };
        self.backward::<A, T>(arcs, s, count, raw);
    }

    /// Relaxes the arcs of settled node `u`, without a branch per arc (whether an arc
    /// shortens, ties or neither is unpredictable). Appends to `cands` (at `*count`) every
    /// arc that gave its head a new distance or another shortest path: only those can end
    /// on the shortest-path DAG (a head that was clearly closer stays clearly closer, since
    /// distances only shrink), so the accumulation reads them instead of every arc. Writes
    /// the heads given a clearly shorter distance to `improved`; returns how many.
    #[inline(never)]
    fn relax<A: ArcList, T: Ties>(
        state: &mut [[f64; 2]],
        lists: (&mut [u32], &mut usize, &mut [Improved]),
        g: &Csr,
        arcs: &A,
        u: u32,
    ) -> usize {
        let (cands, count, improved) = lists;
        let [du, sigma_u] = state[u as usize];
        let (mut k, mut j) = (*count, 0usize);
        for e in g.range(u) {
            let (v, len) = arcs.arc(e);
            let alt = du + len;
            let slot = &mut state[v as usize];
            let [dv, sigma_v] = *slot;
            // Unreached nodes hold `UNREACHED`, which no path length is close to.
            let same = T::same(alt, dv);
            // Another shortest path to `v` (never to a settled node; under `Exact`,
            // `alt = du + len > du`, so `alt == dv` says `dv > du` already).
            let more = same & (T::EXACT | (dv > du));
            let shorter = (alt < dv) & !same;
            // The count: `sigma_u` when shorter, `sigma_v + sigma_u` for another shortest
            // path, else `sigma_v`, as sums of products with 0 and 1 (exact, bit for bit:
            // a select here was compiled to a mispredicted branch).
            let keep = f64::from(u8::from(!shorter));
            let add = f64::from(u8::from(shorter | more));
            *slot = [pick(shorter, alt, dv), sigma_v * keep + sigma_u * add];
            // Branch-free appends: the slot is written always, kept only when it counts.
            // `e` fits in u32 (`Csr::of` checked the arc count); at most one slot per arc.
            cands[k] = e as u32;
            k += usize::from(shorter | more);
            improved[j] = (v, dv, alt);
            j += usize::from(shorter);
        }
        *count = k;
        j
    }

    fn forward_buckets<A: ArcList, T: Ties>(&mut self, g: &Csr, arcs: &A, s: u32) -> usize {
        let mask = self.buckets.len() - 1;
        let state = &mut self.state;
        let buckets = &mut self.buckets;
        let mut count = 0usize;
        state[s as usize] = [0.0, 1.0];
        buckets[0].push(s);
        let mut pending = 1usize;
        let mut k = 0usize;
        // `k` as a float, for the stale test (exact: bucket numbers stay far below 2^53).
        let mut floor = 0.0f64;
        let mut bucket = std::mem::take(&mut self.current);
        while pending > 0 {
            std::mem::swap(&mut bucket, &mut buckets[k & mask]);
            pending -= bucket.len();
            for &u in &bucket {
                // An entry is stale when its node moved to an earlier bucket; a node is
                // never entered twice in one bucket.
                // (Distances only shrink, so a stale entry's node is in an earlier bucket:
                // `floor(2d) < k` is `2d < k`, a comparison, not a conversion.)
                if state[u as usize][0] * BUCKETS_PER_UNIT < floor {
                    continue;
                }
                self.order.push(u);
                self.starts.push(count as u32);
                let lists = (&mut self.cands[..], &mut count, &mut self.improved[..]);
                let moved = Self::relax::<A, T>(state, lists, g, arcs, u);
                for &(v, old, new) in &self.improved[..moved] {
                    // Signed conversions are one instruction each, unsigned ones several;
                    // `new` is finite and far below 2^62.
                    let to = (new * BUCKETS_PER_UNIT) as i64;
                    // `old > new`, so its bucket differs when `2 old >= to + 1` (also for
                    // `UNREACHED`, whose double is infinite): one conversion, not two.
                    if old * BUCKETS_PER_UNIT >= (to + 1) as f64 {
                        buckets[to as usize & mask].push(v);
                        pending += 1;
                    }
                }
            }
            bucket.clear();
            k += 1;
            floor += 1.0;
        }
        self.current = bucket;
        count
    }

    fn forward_heap<A: ArcList, T: Ties>(&mut self, g: &Csr, arcs: &A, s: u32) -> usize {
        let state = &mut self.state;
        let heap = &mut self.heap;
        let mut count = 0usize;
        state[s as usize] = [0.0, 1.0];
        heap.push(Reverse((0f64.to_bits(), s)));
        while let Some(Reverse((bits, u))) = heap.pop() {
            // Each push carries a strictly smaller distance, so only the latest matches.
            if state[u as usize][0].to_bits() != bits {
                continue;
            }
            self.order.push(u);
            self.starts.push(count as u32);
            let lists = (&mut self.cands[..], &mut count, &mut self.improved[..]);
            let moved = Self::relax::<A, T>(state, lists, g, arcs, u);
            for &(v, _, new) in &self.improved[..moved] {
                heap.push(Reverse((new.to_bits(), v)));
            }
        }
        count
    }

    /// Dependency accumulation in reverse settle order over the candidate arcs (the first
    /// `count` of `cands`); resets the state for the next source.
    fn backward<A: ArcList, T: Ties>(&mut self, arcs: &A, s: u32, count: usize, raw: &mut [f64]) {
        let state = &mut self.state;
        let mut end = count;
        for (&v, &start) in self.order.iter().zip(&self.starts).rev() {
            let start = start as usize;
            let [dv, sigma_v] = state[v as usize];
            let mut sum = 0.0;
            // The candidates of `v`, in arc order: the successors among them are exactly
            // those of all its arcs, summed in the same order.
            for &e in self.cands.get(start..end).unwrap_or_default() {
                let (w, len) = arcs.arc(e as usize);
                let [dw, coef_w] = state[w as usize];
                // Branch-free: whether `w` is a successor is unpredictable.
                let successor = (T::EXACT | (dw > dv)) & T::same(dv + len, dw);
                sum += coef_w * f64::from(u8::from(successor));
            }
            end = start;
            if v != s {
                raw[v as usize] += sigma_v * sum;
            }
            state[v as usize][1] = 1.0 / sigma_v + sum;
        }
        for &v in &self.order {
            state[v as usize] = [UNREACHED, 0.0];
        }
        self.order.clear();
        self.starts.clear();
    }
}

/// How the kernel decides that two path lengths are equal.
trait Ties {
    /// Whether sums are exact (so `a + len == b` with `len >= 1` implies `b > a`).
    const EXACT: bool;
    /// Whether `a` and `b` (never negative or NaN) are equal path lengths.
    fn same(a: f64, b: f64) -> bool;
}

/// Lengths `1/s` as floats: equal within the relative tolerance.
struct Tolerant;

impl Ties for Tolerant {
    const EXACT: bool = false;

    /// [`super::close`] without the absolute values of the operands and the NaN handling
    /// of `f64::max` (the lengths here are never negative or NaN): the same answer.
    #[inline(always)]
    fn same(a: f64, b: f64) -> bool {
        let hi = if a > b { a } else { b };
        (a - b).abs() <= REL_TOLERANCE * hi
    }
}

/// Exact stand-ins for the lengths ([`super::exact`]): every sum is exact, so equal means `==`.
struct Exact;

impl Ties for Exact {
    const EXACT: bool = true;

    #[inline(always)]
    fn same(a: f64, b: f64) -> bool {
        a == b
    }
}

/// `a` when `c`, else `b`, through bit masks (no branch).
#[inline(always)]
fn pick(c: bool, a: f64, b: f64) -> f64 {
    let m = u64::from(c).wrapping_neg();
    f64::from_bits((a.to_bits() & m) | (b.to_bits() & !m))
}

/// Whether the bucket queue applies to a graph.
fn use_buckets(g: &Csr) -> bool {
    g.max_length <= BUCKET_MAX_LENGTH
}

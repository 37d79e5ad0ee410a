//! Exact path lengths for survey data: arc lengths that are small-denominator fractions.
//!
//! REPORT.md defines betweenness on exact path lengths. A rating `r` on a scale `lo..hi`
//! gives the length `(hi - lo) / (r - lo)`, a fraction with a small denominator (on a 0-5
//! scale: 5, 5/2, 5/3, 5/4, 1). When every distinct length `w` of a graph is such a
//! fraction `q_w / L` (within a relative 1e-12 of the float, far inside the 1e-9 that the
//! tolerance treats as equal), the kernel can run on the numerators instead: scaled by a
//! power of two so that the shortest is at least 1, they are exact in `f64`, every path
//! length is an exact sum (a sum of numerators below 2^40 over one power of two), and two path
//! lengths are equal exactly when the fractions are, so the kernel compares with `==`.
//!
//! This is the definition itself, not an approximation of the tolerance rule, and on such
//! data it agrees with it: two different sums of fractions `q / L` differ by at least
//! `1 / L`, and a float sum of lengths each within 1e-12 (plus rounding) of its fraction
//! lies within `1e-12 + hops * 2^-53` relative of the exact sum.

/// Largest common denominator `L` tried.
const MAX_DENOMINATOR: u64 = 1 << 16;

/// Largest relative distance between a length and the fraction that stands for it.
const FIT: f64 = 1e-12;

/// Largest sum of numerators a path may reach (`n` arcs, a tentative distance included,
/// times the largest numerator), so that every sum stays exact in an `f64` (53-bit
/// significand) with room to spare.
const MAX_PATH: f64 = (1u64 << 40) as f64;

/// Exact stand-ins for `lengths` (each at least 1) on a graph of `n` nodes: `q_w / 2^k`
/// with integers `q_w` and `2^k` the largest power of two not above the smallest `q_w`;
/// `None` when some length is not a fraction with a denominator dividing a common `L`
/// of at most [`MAX_DENOMINATOR`], or paths could grow too long to add exactly.
pub(super) fn dyadic(lengths: &[f64], n: usize) -> Option<Vec<f64>> {
    let mut common = 1u64;
    for &w in lengths {
        let q = denominator(w)?;
        common = lcm(common, q)?;
    }
    let l = common as f64;
    let mut nums = Vec::with_capacity(lengths.len());
    for &w in lengths {
        let q = (w * l).round();
        if !(q >= 1.0 && (w - q / l).abs() <= FIT * w) {
            return None;
        }
        nums.push(q);
    }
    let smallest = nums.iter().copied().fold(f64::INFINITY, f64::min);
    let largest = nums.iter().copied().fold(0.0f64, f64::max);
    if !smallest.is_finite() {
        return Some(Vec::new());
    }
    // 2^k <= smallest: the largest power of two not above it (exact: an integer below 2^53).
    let unit = f64::from_bits(smallest.to_bits() & !((1u64 << 52) - 1));
    // Every stand-in is a multiple of `1 / unit`, so a path length is exact while the sum
    // of its numerators fits in the 53-bit significand (a shortest path has below `n` arcs).
    if n as f64 * largest > MAX_PATH {
        return None;
    }
    Some(nums.iter().map(|&q| q / unit).collect())
}

/// The smallest denominator `k <= MAX_DENOMINATOR` of a fraction within [`FIT`] of `w`
/// (`w >= 1`), from the convergents of its continued fraction.
fn denominator(w: f64) -> Option<u64> {
    if !(w.is_finite() && (1.0..=(1u64 << 32) as f64).contains(&w)) {
        return None;
    }
    // Convergents h/k: h_i = a_i h_{i-1} + h_{i-2}, the same for k.
    let (mut h0, mut h1) = (0u64, 1u64);
    let (mut k0, mut k1) = (1u64, 0u64);
    let mut x = w;
    loop {
        let a = x.floor();
        let a_int = a as u64;
        let h = a_int.checked_mul(h1)?.checked_add(h0)?;
        let k = a_int.checked_mul(k1)?.checked_add(k0)?;
        if k > MAX_DENOMINATOR {
            return None;
        }
        if (w - h as f64 / k as f64).abs() <= FIT * w {
            return Some(k);
        }
        let frac = x - a;
        if frac <= 0.0 {
            return None;
        }
        x = 1.0 / frac;
        (h0, h1, k0, k1) = (h1, h, k1, k);
    }
}

/// Least common multiple, `None` above [`MAX_DENOMINATOR`].
fn lcm(a: u64, b: u64) -> Option<u64> {
    let (mut x, mut y) = (a, b);
    while y != 0 {
        (x, y) = (y, x % y);
    }
    let m = a / x * b;
    (m <= MAX_DENOMINATOR).then_some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lengths of ratings 1-5 on a 0-5 scale, as the model computes them.
    fn scale_lengths() -> Vec<f64> {
        (1..=5).map(|r| 1.0 / (f64::from(r) / 5.0)).collect()
    }

    #[test]
    fn ratings_on_a_scale_become_exact_numerators() {
        // L = 12: 60, 30, 20, 15, 12, over 8 (the largest power of two <= 12).
        let d = dyadic(&scale_lengths(), 5000).expect("fractions of fifths");
        assert_eq!(d, vec![7.5, 3.75, 2.5, 1.875, 1.5]);
        // 5/3 + 5/3 + 5/3 is 5 exactly here, not 4.999999999999999 or so.
        assert_eq!(d[2] + d[2] + d[2], d[0]);
    }

    #[test]
    fn lengths_with_no_small_denominator_stay_floats() {
        assert_eq!(dyadic(&[1.0, std::f64::consts::PI], 10), None);
        assert_eq!(dyadic(&[1.0, 1.0 / 0.123457], 10), None);
        // Denominators 65,521 and 65,519 (primes): their common multiple is too large.
        assert_eq!(
            dyadic(&[1.0 + 1.0 / 65521.0, 1.0 + 1.0 / 65519.0], 10),
            None
        );
    }

    #[test]
    fn paths_that_could_outgrow_exact_sums_stay_floats() {
        assert!(dyadic(&[1.0, 4096.0], 1 << 20).is_some());
        assert_eq!(dyadic(&[1.0, 4096.0], 1 << 30), None);
    }

    #[test]
    fn fine_fractions_bound_the_numerators_not_the_scaled_lengths() {
        // 65537/65536: the stand-in is about 1, but sums are counted in 65536ths.
        let w = 1.0 + 1.0 / 65536.0;
        assert!(dyadic(&[1.0, w], 1000).is_some());
        assert_eq!(dyadic(&[1.0, w], 1 << 30), None);
    }

    #[test]
    fn no_lengths_is_trivially_exact() {
        assert_eq!(dyadic(&[], 3), Some(Vec::new()));
    }
}

//! Node positions for the graph view: a circle for small orgs, force-directed for larger ones.
//!
//! Positions lie in the unit square, `(0, 0)` top left. Everything here is deterministic
//! (seeded) and knows nothing of terminals.

mod force;
mod groups;

pub use force::{ForceOptions, force_directed};
pub use groups::{Spread, apart, spread};

/// A position in the unit square; `y` grows downwards.
pub type Point = (f64, f64);

/// Orgs up to this many nodes are laid out on a circle.
pub const CIRCLE_MAX: usize = 30;

/// Seed used by [`auto`].
pub const DEFAULT_SEED: u64 = 0x6761_7073;

/// `n` points evenly spaced on a circle, the first at the top, clockwise.
pub fn circle(n: usize) -> Vec<Point> {
    match n {
        0 => Vec::new(),
        1 => vec![(0.5, 0.5)],
        _ => (0..n)
            .map(|i| {
                let t = i as f64 / n as f64 * std::f64::consts::TAU;
                (0.5 + 0.5 * t.sin(), 0.5 - 0.5 * t.cos())
            })
            .collect(),
    }
}

/// A circle for up to [`CIRCLE_MAX`] nodes, a force-directed layout for more.
///
/// `edges` are `(a, b, weight)` with weight in (0, 1]; the result is scaled to fill the square.
pub fn auto(n: usize, edges: &[(usize, usize, f64)]) -> Vec<Point> {
    if n <= CIRCLE_MAX {
        circle(n)
    } else {
        force_directed(n, edges, &ForceOptions::default())
    }
}

/// `n` points on a small circle of `radius` around `centre`, clamped to the square.
pub fn ring(centre: Point, radius: f64, n: usize) -> Vec<Point> {
    circle(n)
        .into_iter()
        .map(|(x, y)| {
            let x = centre.0 + (x - 0.5) * 2.0 * radius;
            let y = centre.1 + (y - 0.5) * 2.0 * radius;
            (x.clamp(0.0, 1.0), y.clamp(0.0, 1.0))
        })
        .collect()
}

/// Scales points so that their bounding box fills the unit square (a single point goes to the
/// centre; non-finite coordinates become 0.5).
pub fn fit(points: &mut [Point]) {
    let clean = |v: f64| if v.is_finite() { v } else { 0.5 };
    for p in points.iter_mut() {
        *p = (clean(p.0), clean(p.1));
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in points.iter() {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    let w = x1 - x0;
    let h = y1 - y0;
    for p in points.iter_mut() {
        p.0 = if w > 1e-12 { (p.0 - x0) / w } else { 0.5 };
        p.1 = if h > 1e-12 { (p.1 - y0) / h } else { 0.5 };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn circle_starts_at_the_top_and_stays_in_the_square() {
        let c = circle(4);
        assert!((c[0].0 - 0.5).abs() < 1e-9 && c[0].1.abs() < 1e-9);
        assert!(
            (c[1].0 - 1.0).abs() < 1e-9,
            "clockwise: second point on the right"
        );
        assert!(
            c.iter()
                .all(|&(x, y)| (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y))
        );
        assert_eq!(circle(1), vec![(0.5, 0.5)]);
        assert!(circle(0).is_empty());
    }

    #[test]
    fn fit_fills_the_square() {
        let mut p = vec![(2.0, 3.0), (4.0, 7.0), (f64::NAN, 5.0)];
        fit(&mut p);
        assert!(
            p.iter()
                .all(|&(x, y)| (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y))
        );
        assert_eq!(p[1], (1.0, 1.0));
    }

    #[test]
    fn auto_switches_to_force_above_the_circle_limit() {
        let small = auto(5, &[]);
        assert_eq!(small, circle(5));
        let edges: Vec<_> = (0..40).map(|i| (i, (i + 1) % 40, 1.0)).collect();
        let big = auto(40, &edges);
        assert_eq!(big.len(), 40);
        assert_ne!(big, circle(40));
    }
}

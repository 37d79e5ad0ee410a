//! Fruchterman–Reingold layout with a grid for the repulsion, bounded in work.

use super::{Point, fit};
use crate::rng::Rng;

/// Tuning of the force-directed layout.
#[derive(Debug, Clone, PartialEq)]
pub struct ForceOptions {
    /// Seed of the starting positions.
    pub seed: u64,
    /// Upper bound on iterations.
    pub max_iterations: usize,
    /// Bound on the total work: iterations are cut so that `iterations * (n + edges)` stays
    /// below it, which bounds the time at any size.
    pub work_budget: usize,
}

impl Default for ForceOptions {
    fn default() -> Self {
        ForceOptions {
            seed: super::DEFAULT_SEED,
            max_iterations: 120,
            work_budget: 3_000_000,
        }
    }
}

/// Cells with more nodes than this repel through their centre of mass.
const CROWD: usize = 12;

/// Lays out `n` nodes with Fruchterman–Reingold forces; repulsion only between nodes in
/// neighbouring grid cells (cell side `2k`), attraction along `edges` scaled by weight.
/// The result fills the unit square.
pub fn force_directed(n: usize, edges: &[(usize, usize, f64)], opts: &ForceOptions) -> Vec<Point> {
    if n <= 1 {
        return super::circle(n);
    }
    let mut rng = Rng::new(opts.seed);
    let mut pos: Vec<Point> = (0..n).map(|_| (rng.unit(), rng.unit())).collect();
    let edges: Vec<(usize, usize, f64)> = edges
        .iter()
        .copied()
        .filter(|&(a, b, w)| a < n && b < n && a != b && w.is_finite() && w > 0.0)
        .collect();
    let k = (1.0 / n as f64).sqrt();
    let cell = 2.0 * k;
    let side = ((1.0 / cell).ceil() as usize).clamp(1, 1024);
    let iterations = (opts.work_budget / (n + edges.len()).max(1)).clamp(1, opts.max_iterations);
    let mut disp = vec![(0.0f64, 0.0f64); n];
    let mut grid: Vec<Vec<usize>> = vec![Vec::new(); side * side];
    let mut centre = vec![(0.0f64, 0.0f64); side * side];
    let cell_of = |p: Point| -> (usize, usize) {
        let cx = ((p.0 / cell) as usize).min(side - 1);
        let cy = ((p.1 / cell) as usize).min(side - 1);
        (cx, cy)
    };
    for it in 0..iterations {
        let temp = 0.1 * (1.0 - it as f64 / iterations as f64) + 0.002;
        grid.iter_mut().for_each(Vec::clear);
        for (i, &p) in pos.iter().enumerate() {
            let (cx, cy) = cell_of(p);
            grid[cy * side + cx].push(i);
        }
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        // Centres of mass of the cells: crowded cells repel as one body, which keeps the
        // work per node bounded however the nodes bunch up.
        for (c, members) in grid.iter().enumerate() {
            let k = members.len().max(1) as f64;
            let (sx, sy) = members
                .iter()
                .fold((0.0, 0.0), |a, &j| (a.0 + pos[j].0, a.1 + pos[j].1));
            centre[c] = (sx / k, sy / k);
        }
        for i in 0..n {
            let (cx, cy) = cell_of(pos[i]);
            for gy in cy.saturating_sub(1)..=(cy + 1).min(side - 1) {
                for gx in cx.saturating_sub(1)..=(cx + 1).min(side - 1) {
                    let c = gy * side + gx;
                    let members = &grid[c];
                    if members.len() > CROWD {
                        let dx = pos[i].0 - centre[c].0;
                        let dy = pos[i].1 - centre[c].1;
                        let d2 = (dx * dx + dy * dy).max(k * k * 0.01);
                        let f = k * k / d2 * members.len() as f64;
                        disp[i].0 += dx * f;
                        disp[i].1 += dy * f;
                        continue;
                    }
                    for &j in members {
                        if j == i {
                            continue;
                        }
                        let dx = pos[i].0 - pos[j].0;
                        let dy = pos[i].1 - pos[j].1;
                        let d2 = (dx * dx + dy * dy).max(1e-9);
                        if d2 > cell * cell {
                            continue;
                        }
                        let f = k * k / d2;
                        disp[i].0 += dx * f;
                        disp[i].1 += dy * f;
                    }
                }
            }
        }
        for &(a, b, w) in &edges {
            let dx = pos[a].0 - pos[b].0;
            let dy = pos[a].1 - pos[b].1;
            let d = (dx * dx + dy * dy).sqrt().max(1e-9);
            let f = d / k * w;
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        for i in 0..n {
            let (dx, dy) = disp[i];
            let len = (dx * dx + dy * dy).sqrt();
            if len > 0.0 && len.is_finite() {
                let step = len.min(temp);
                pos[i].0 = (pos[i].0 + dx / len * step).clamp(0.0, 1.0);
                pos[i].1 = (pos[i].1 + dy / len * step).clamp(0.0, 1.0);
            }
        }
    }
    fit(&mut pos);
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring_edges(n: usize) -> Vec<(usize, usize, f64)> {
        (0..n).map(|i| (i, (i + 1) % n, 1.0)).collect()
    }

    #[test]
    fn same_input_same_layout() {
        let e = ring_edges(50);
        let a = force_directed(50, &e, &ForceOptions::default());
        let b = force_directed(50, &e, &ForceOptions::default());
        assert_eq!(a, b);
    }

    #[test]
    fn neighbours_end_closer_than_strangers() {
        let n = 60;
        let e = ring_edges(n);
        let p = force_directed(n, &e, &ForceOptions::default());
        let d = |a: usize, b: usize| ((p[a].0 - p[b].0).powi(2) + (p[a].1 - p[b].1).powi(2)).sqrt();
        let tied: f64 = e.iter().map(|&(a, b, _)| d(a, b)).sum::<f64>() / n as f64;
        let far: f64 = (0..n).map(|i| d(i, (i + n / 2) % n)).sum::<f64>() / n as f64;
        assert!(
            tied < far,
            "tied pairs {tied} should be closer than opposite ones {far}"
        );
    }

    #[test]
    fn bad_edges_are_ignored_and_points_stay_inside() {
        let e = vec![(0, 99, 1.0), (1, 1, 1.0), (2, 3, f64::NAN), (0, 1, 0.5)];
        let p = force_directed(40, &e, &ForceOptions::default());
        assert!(
            p.iter()
                .all(|&(x, y)| (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y))
        );
    }
}

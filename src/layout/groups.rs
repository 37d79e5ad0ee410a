//! Expanded groups side by side: each expanded group shows its units on a ring, and no two
//! rings may share any part of the view (issue 9, point 11). The rings' centres are pushed
//! apart until the squares around them are disjoint; when that cannot be done (many groups
//! expanded at once), the expanded groups go on a grid with smaller rings.

use super::Point;

/// Air between two expanded groups, in ring radii.
const AIR: f64 = 0.3;

/// Rounds of pushing apart before the grid is used.
const ROUNDS: usize = 200;

/// Where the expanded groups go: their centres (the others keep theirs) and the radius of
/// every ring.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    /// Centre of each group (moved for expanded groups).
    pub centres: Vec<Point>,
    /// Radius of the rings of expanded groups.
    pub radius: f64,
}

/// Whether the squares of half-side `radius` (plus air) around `a` and `b` are disjoint.
pub fn apart(a: Point, b: Point, radius: f64) -> bool {
    let need = radius * (2.0 + AIR) - 1e-9;
    (a.0 - b.0).abs() >= need || (a.1 - b.1).abs() >= need
}

/// Moves the centres of the `expanded` groups so that no two of their rings (of `radius`)
/// overlap, each ring inside the unit square. A single expanded group keeps its place; the
/// result depends only on the centres, the expanded set and the radius.
pub fn spread(centres: &[Point], expanded: &[bool], radius: f64) -> Spread {
    let chosen: Vec<usize> = (0..centres.len())
        .filter(|&g| expanded.get(g).copied().unwrap_or(false))
        .collect();
    let mut out = centres.to_vec();
    if chosen.len() < 2 {
        return Spread {
            centres: out,
            radius,
        };
    }
    let inside = |v: f64, r: f64| v.clamp(r, 1.0 - r);
    for &g in &chosen {
        out[g] = (inside(out[g].0, radius), inside(out[g].1, radius));
    }
    let need = radius * (2.0 + AIR);
    for _ in 0..ROUNDS {
        let mut moved = false;
        for (i, &a) in chosen.iter().enumerate() {
            for &b in &chosen[i + 1..] {
                let (pa, pb) = (out[a], out[b]);
                if apart(pa, pb, radius) {
                    continue;
                }
                moved = true;
                // Along the axis where they are further apart already: the shorter push.
                let (dx, dy) = (pb.0 - pa.0, pb.1 - pa.1);
                let sign = |d: f64| if d >= 0.0 { 1.0 } else { -1.0 };
                if dx.abs() >= dy.abs() {
                    let push = (need - dx.abs()) / 2.0 + 1e-6;
                    out[a].0 = inside(pa.0 - sign(dx) * push, radius);
                    out[b].0 = inside(pb.0 + sign(dx) * push, radius);
                } else {
                    let push = (need - dy.abs()) / 2.0 + 1e-6;
                    out[a].1 = inside(pa.1 - sign(dy) * push, radius);
                    out[b].1 = inside(pb.1 + sign(dy) * push, radius);
                }
            }
        }
        if !moved {
            return Spread {
                centres: out,
                radius,
            };
        }
    }
    grid(centres, &chosen, radius)
}

/// The expanded groups on a grid (rows by their centres' height, left to right within a
/// row), with rings small enough to fit its cells.
fn grid(centres: &[Point], chosen: &[usize], radius: f64) -> Spread {
    let k = (chosen.len() as f64).sqrt().ceil().max(1.0) as usize;
    let cell = 1.0 / k as f64;
    let radius = radius.min(cell / (2.0 + AIR) * 0.999);
    let mut order = chosen.to_vec();
    order.sort_by(|&a, &b| centres[a].1.total_cmp(&centres[b].1).then(a.cmp(&b)));
    let mut out = centres.to_vec();
    for (row, chunk) in order.chunks(k).enumerate() {
        let mut chunk = chunk.to_vec();
        chunk.sort_by(|&a, &b| centres[a].0.total_cmp(&centres[b].0).then(a.cmp(&b)));
        for (col, &g) in chunk.iter().enumerate() {
            out[g] = ((col as f64 + 0.5) * cell, (row as f64 + 0.5) * cell);
        }
    }
    Spread {
        centres: out,
        radius,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(s: &Spread, expanded: &[bool]) {
        let chosen: Vec<usize> = (0..expanded.len()).filter(|&g| expanded[g]).collect();
        for (i, &a) in chosen.iter().enumerate() {
            let c = s.centres[a];
            if chosen.len() < 2 {
                break;
            }
            assert!(c.0 >= s.radius - 1e-9 && c.0 <= 1.0 - s.radius + 1e-9);
            assert!(c.1 >= s.radius - 1e-9 && c.1 <= 1.0 - s.radius + 1e-9);
            for &b in &chosen[i + 1..] {
                assert!(apart(c, s.centres[b], s.radius), "{a} and {b} overlap");
            }
        }
    }

    #[test]
    fn expanded_rings_never_overlap() {
        // Eight groups on a circle, as the graph puts them; every subset expanded.
        let centres = crate::layout::circle(8)
            .into_iter()
            .map(|(x, y)| (0.1 + 0.8 * x, 0.1 + 0.8 * y))
            .collect::<Vec<_>>();
        let radius = 0.45 / 8f64.sqrt();
        for mask in 0u32..256 {
            let expanded: Vec<bool> = (0..8).map(|g| mask & (1 << g) != 0).collect();
            let s = spread(&centres, &expanded, radius);
            check(&s, &expanded);
            if expanded.iter().filter(|&&e| e).count() < 2 {
                assert_eq!(s.centres, centres);
            }
            for g in 0..8 {
                if !expanded[g] {
                    assert_eq!(s.centres[g], centres[g], "a collapsed group stays");
                }
            }
        }
        // All on one spot.
        let same = vec![(0.5, 0.5); 5];
        let s = spread(&same, &[true; 5], 0.2);
        check(&s, &[true; 5]);
    }
}

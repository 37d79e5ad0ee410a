//! Synthetic orgs for benchmarks, demos and tests: realistic structure, fixed by a seed.
//!
//! The shape: units in departments of varied (log-normal) sizes; each unit has a
//! heavy-tailed activity (Pareto, exponent 2.5) and ties are drawn Chung-Lu style, both
//! ends in proportion to activity, most of them inside the department. Ties are directed
//! ratings on the scale 0-5 (1-5 for collaborating pairs, a few explicit 0s), some pairs
//! rated from one side only, a few units that answered no survey (non-respondents), some
//! isolated units, and targets on a subset of pairs: baseline ones between department
//! heads, and two initiatives. The same parameters always give the same file.

use std::collections::HashSet;

use crate::model::{Initiative, Org, Scale, Target, Tie, Unit};
pub use crate::rng::{Rng, Weighted};

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// Number of units.
    pub units: usize,
    /// Seed of every random choice.
    pub seed: u64,
    /// Number of departments; `None` = about one per 40 units.
    pub groups: Option<usize>,
    /// Mean number of neighbours per unit in the undirected view (before losses to
    /// non-respondents, about 2%).
    pub mean_degree: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            units: 1000,
            seed: 1,
            groups: None,
            mean_degree: 10.0,
        }
    }
}

/// Share of pairs drawn inside a department.
const INSIDE: f64 = 0.8;
/// Share of units with no tie at all.
const ISOLATED: f64 = 0.01;
/// Share of units that rate nobody.
const NON_RESPONDENTS: f64 = 0.02;
/// Share of pairs rated from one side only.
const ONE_SIDED: f64 = 0.12;
/// Explicit "no collaboration" ratings (strength 0), per pair.
const ZEROS: f64 = 0.02;

const DEPARTMENTS: &[&str] = &[
    "Finance",
    "Security",
    "Platform",
    "Data",
    "Sales",
    "Marketing",
    "Legal",
    "People",
    "Support",
    "Research",
    "Operations",
    "Design",
    "Mobile",
    "Infrastructure",
    "Procurement",
    "Risk",
    "Analytics",
    "Product",
    "Facilities",
    "Compliance",
];

/// Generates an org. Out-of-range parameters are clamped (at least one group, degree
/// between 0 and `units - 1`).
pub fn generate(params: &Params) -> Org {
    let n = params.units;
    let mut rng = Rng::new(params.seed);
    let groups = params.groups.unwrap_or(n.div_ceil(40)).clamp(1, n.max(1));
    let group_of = group_sizes(&mut rng, n, groups);
    let width = n.saturating_sub(1).to_string().len();
    let units: Vec<Unit> = (0..n)
        .map(|i| Unit {
            id: format!("u{i:0width$}"),
            // The number in the name is the one in the id (u0041 is "... team 41").
            name: Some(format!("{} team {i}", group_name(group_of[i]))),
            group: Some(group_name(group_of[i])),
            size: Some(3 + rng.below(40) as u64),
            ..Unit::default()
        })
        .collect();
    let activity: Vec<f64> = (0..n)
        .map(|_| {
            if rng.chance(ISOLATED) {
                0.0
            } else {
                rng.pareto(1.5).min((n as f64).sqrt() * 4.0)
            }
        })
        .collect();
    let degree = params.mean_degree.clamp(0.0, n.saturating_sub(1) as f64);
    let pairs = draw_pairs(&mut rng, &activity, &group_of, degree);
    let respondent: Vec<bool> = (0..n).map(|_| !rng.chance(NON_RESPONDENTS)).collect();
    let mut ties = rate(&mut rng, &pairs, &group_of, &respondent);
    ties.sort_unstable_by_key(|&(a, b, _)| (a, b));
    let heads = department_heads(&activity, &group_of, groups);
    let targets = targets(&mut rng, &pairs, &heads, &activity);
    Org {
        title: Some(format!(
            "Synthetic org: {n} units in {groups} departments (seed {})",
            params.seed
        )),
        scale: Scale { min: 0.0, max: 5.0 },
        directed: true,
        ties: ties
            .into_iter()
            .map(|(a, b, s)| Tie {
                from: units[a].id.clone(),
                to: units[b].id.clone(),
                strength: Some(f64::from(s)),
                ..Tie::default()
            })
            .collect(),
        targets: targets
            .into_iter()
            .map(|(a, b, min, initiative)| Target {
                from: units[a].id.clone(),
                to: units[b].id.clone(),
                min: f64::from(min),
                initiative: initiative.map(|i| INITIATIVES[i].0.to_string()),
                why: Some(why(initiative).to_string()),
                ..Target::default()
            })
            .collect(),
        initiatives: INITIATIVES
            .iter()
            .map(|&(id, name, description)| Initiative {
                id: id.into(),
                name: Some(name.into()),
                description: Some(description.into()),
                ..Initiative::default()
            })
            .collect(),
        units,
        ..Org::default()
    }
}

fn group_name(g: usize) -> String {
    let base = DEPARTMENTS[g % DEPARTMENTS.len()];
    match g / DEPARTMENTS.len() {
        0 => base.to_string(),
        k => format!("{base} {}", k + 1),
    }
}

/// The department of each unit: log-normal sizes (largest remainder rounding, each >= 1),
/// units numbered department by department.
fn group_sizes(rng: &mut Rng, n: usize, groups: usize) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    let weights: Vec<f64> = (0..groups).map(|_| (0.7 * rng.normal()).exp()).collect();
    let total: f64 = weights.iter().sum();
    let spare = (n - groups) as f64;
    let exact: Vec<f64> = weights.iter().map(|w| w / total * spare).collect();
    let mut sizes: Vec<usize> = exact.iter().map(|x| 1 + x.floor() as usize).collect();
    let mut by_remainder: Vec<usize> = (0..groups).collect();
    by_remainder.sort_by(|&a, &b| {
        let ra = exact[a] - exact[a].floor();
        let rb = exact[b] - exact[b].floor();
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    let missing = n - sizes.iter().sum::<usize>();
    for &g in by_remainder.iter().take(missing) {
        sizes[g] += 1;
    }
    sizes
        .iter()
        .enumerate()
        .flat_map(|(g, &size)| std::iter::repeat_n(g, size))
        .collect()
}

/// Unordered pairs `(a, b)`, `a < b`: `degree * n / 2` of them (fewer when the graph is
/// too small to hold them), Chung-Lu draws, mostly inside departments.
fn draw_pairs(
    rng: &mut Rng,
    activity: &[f64],
    group_of: &[usize],
    degree: f64,
) -> Vec<(usize, usize)> {
    let n = activity.len();
    let Some(global) = Weighted::new(activity.iter().copied()) else {
        return Vec::new();
    };
    let mut starts = vec![0usize];
    for i in 1..n {
        if group_of[i] != group_of[i - 1] {
            starts.push(i);
        }
    }
    starts.push(n);
    let inside: Vec<Option<Weighted>> = starts
        .windows(2)
        .map(|w| {
            let active = activity[w[0]..w[1]].iter().filter(|&&a| a > 0.0).count();
            (active >= 2).then(|| Weighted::new(activity[w[0]..w[1]].iter().copied()))?
        })
        .collect();
    let wanted = (degree * n as f64 / 2.0).round() as usize;
    let mut seen = HashSet::with_capacity(wanted);
    let mut pairs = Vec::with_capacity(wanted);
    let mut attempts = 0usize;
    while pairs.len() < wanted && attempts < wanted * 20 + 100 {
        attempts += 1;
        let a = global.draw(rng);
        let g = group_of[a];
        let b = match &inside[g] {
            Some(w) if rng.chance(INSIDE) => starts[g] + w.draw(rng),
            _ => global.draw(rng),
        };
        if a != b && seen.insert((a.min(b), a.max(b))) {
            pairs.push((a.min(b), a.max(b)));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Directed ratings (0-5) of each pair, dropping those of non-respondents.
fn rate(
    rng: &mut Rng,
    pairs: &[(usize, usize)],
    group_of: &[usize],
    respondent: &[bool],
) -> Vec<(usize, usize, u8)> {
    let mut ties = Vec::with_capacity(pairs.len() * 2);
    let n = group_of.len();
    for &(a, b) in pairs {
        let base: i32 = if group_of[a] == group_of[b] {
            2 + rng.below(3) as i32
        } else {
            1 + rng.below(3) as i32
        };
        let one_side = rng.chance(ONE_SIDED).then(|| rng.chance(0.5));
        for (from, to, forward) in [(a, b, true), (b, a, false)] {
            let noise = [-1, 0, 0, 1][rng.below(4)];
            let value = (base + noise).clamp(1, 5) as u8;
            if respondent[from] && one_side.is_none_or(|f| f == forward) {
                ties.push((from, to, value));
            }
        }
    }
    let zeros = (pairs.len() as f64 * ZEROS).round() as usize;
    let known: HashSet<(usize, usize)> = pairs.iter().copied().collect();
    let mut added = HashSet::new();
    for _ in 0..zeros {
        let (a, b) = (rng.below(n), rng.below(n));
        let key = (a.min(b), a.max(b));
        if a != b && respondent[a] && !known.contains(&key) && added.insert(key) {
            ties.push((a, b, 0));
        }
    }
    ties
}

/// The most active unit of each department with any activity.
fn department_heads(activity: &[f64], group_of: &[usize], groups: usize) -> Vec<usize> {
    let mut best: Vec<Option<usize>> = vec![None; groups];
    for (i, &g) in group_of.iter().enumerate() {
        if activity[i] > 0.0 && best[g].is_none_or(|b| activity[i] > activity[b]) {
            best[g] = Some(i);
        }
    }
    best.into_iter().flatten().collect()
}

const INITIATIVES: &[(&str, &str, &str)] = &[
    (
        "ai-rollout",
        "AI rollout",
        "Roll out AI assistants: data, security and every department's leads work together",
    ),
    (
        "cloud-move",
        "Cloud migration",
        "Move the data centre to the cloud: platform teams and their heaviest users",
    ),
];

fn why(initiative: Option<usize>) -> &'static str {
    match initiative {
        None => "department heads coordinate",
        Some(0) => "AI rollout needs data and security at the table",
        Some(_) => "cloud migration touches this team's systems",
    }
}

/// Targets `(a, b, min, initiative)`: baseline between department heads (each to two
/// others), AI rollout from the heads of the first three departments to units across the
/// org, cloud migration on existing ties of active units and on some random pairs.
fn targets(
    rng: &mut Rng,
    pairs: &[(usize, usize)],
    heads: &[usize],
    activity: &[f64],
) -> Vec<(usize, usize, u8, Option<usize>)> {
    let n = activity.len();
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut add = |a: usize, b: usize, min: u8, initiative: Option<usize>| {
        if a != b && seen.insert((a.min(b), a.max(b), initiative)) {
            out.push((a.min(b), a.max(b), min, initiative));
        }
    };
    if heads.len() >= 2 {
        for &h in heads {
            for _ in 0..2 {
                let other = heads[rng.below(heads.len())];
                add(h, other, 3 + rng.below(2) as u8, None);
            }
        }
    }
    let core = &heads[..heads.len().min(3)];
    if !core.is_empty() && n > 1 {
        for _ in 0..n / 50 + 1 {
            let a = core[rng.below(core.len())];
            add(a, rng.below(n), 2 + rng.below(3) as u8, Some(0));
        }
    }
    if !pairs.is_empty() {
        for _ in 0..n / 50 + 1 {
            let (a, b) = pairs[rng.below(pairs.len())];
            add(a, b, 3 + rng.below(3) as u8, Some(1));
            add(a, rng.below(n), 2 + rng.below(2) as u8, Some(1));
        }
    }
    out.sort_unstable_by_key(|&(a, b, _, i)| (i.map_or(0, |x| x + 1), a, b));
    out
}

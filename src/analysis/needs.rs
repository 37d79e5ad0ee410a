//! The targets that apply under an initiative, resolved to one need per pair.

use std::collections::HashMap;

use crate::model::Org;

/// The collaboration one unordered pair needs under the chosen initiative.
#[derive(Debug, Clone, PartialEq)]
pub struct Need {
    /// The unit with the smaller id.
    pub a: usize,
    /// The unit with the larger id.
    pub b: usize,
    /// Normalized minimum: the highest among the applicable targets of the pair.
    pub min: f64,
    /// The initiative of the target that set `min` (`None`: a baseline target).
    pub initiative: Option<String>,
}

/// Whether a target of `initiative` applies when `chosen` is selected (`None`: all).
pub fn applies(target: Option<&str>, chosen: Option<&str>) -> bool {
    match (target, chosen) {
        (None, _) | (_, None) => true,
        (Some(t), Some(c)) => t == c,
    }
}

/// One need per targeted pair, in (a, b) index order.
///
/// Where several applicable targets name a pair, the highest `min` counts; at equal
/// minimums a baseline target wins over an initiative's, then the smaller initiative id.
/// Targets naming unknown units or a unit twice are skipped (validation reports them).
pub fn needs(org: &Org, chosen: Option<&str>, rank: &[usize]) -> Vec<Need> {
    let index = org.unit_index();
    let mut best: HashMap<(usize, usize), Need> = HashMap::new();
    for t in &org.targets {
        if !applies(t.initiative.as_deref(), chosen) {
            continue;
        }
        let (Some(&x), Some(&y)) = (index.get(t.from.as_str()), index.get(t.to.as_str())) else {
            continue;
        };
        if x == y {
            continue;
        }
        let (a, b) = if rank[x] < rank[y] { (x, y) } else { (y, x) };
        let need = Need {
            a,
            b,
            min: org.normalize(t.min),
            initiative: t.initiative.clone(),
        };
        match best.get_mut(&(a, b)) {
            Some(old) if !better(&need, old) => {}
            Some(old) => *old = need,
            None => {
                best.insert((a, b), need);
            }
        }
    }
    let mut list: Vec<Need> = best.into_values().collect();
    list.sort_unstable_by_key(|n| (n.a, n.b));
    list
}

/// Whether `new` should replace `old` as the need of a pair.
fn better(new: &Need, old: &Need) -> bool {
    if new.min != old.min {
        return new.min > old.min;
    }
    match (&new.initiative, &old.initiative) {
        (None, Some(_)) => true,
        (Some(n), Some(o)) => n < o,
        _ => false,
    }
}

/// Formats values of an org's scale for explanations: "3/5", or "3 on 1–5".
#[derive(Debug, Clone, Copy)]
pub struct ScaleFmt {
    min: f64,
    max: f64,
}

impl ScaleFmt {
    /// The formatter of an org's scale.
    pub fn new(org: &Org) -> ScaleFmt {
        ScaleFmt {
            min: org.scale.min,
            max: org.scale.max,
        }
    }

    /// A normalized value shown on the scale: "3/5" when the scale starts at 0, else "3 on 1–5".
    pub fn show(&self, s: f64) -> String {
        let v = self.min + s * (self.max - self.min);
        if self.min == 0.0 {
            format!("{}/{}", number(v), number(self.max))
        } else {
            format!("{} on {}–{}", number(v), number(self.min), number(self.max))
        }
    }
}

/// A number with at most two decimals, trailing zeros dropped.
pub fn number(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Scale;

    #[test]
    fn values_show_on_the_file_scale() {
        let mut org = Org {
            scale: Scale { min: 0.0, max: 5.0 },
            ..Org::default()
        };
        assert_eq!(ScaleFmt::new(&org).show(0.3), "1.5/5");
        assert_eq!(ScaleFmt::new(&org).show(0.0), "0/5");
        org.scale = Scale { min: 1.0, max: 7.0 };
        assert_eq!(ScaleFmt::new(&org).show(0.5), "4 on 1–7");
        assert_eq!(number(2.0 / 3.0), "0.67");
        assert_eq!(number(-0.001), "0");
    }

    #[test]
    fn baseline_and_initiative_targets_apply_as_chosen() {
        assert!(applies(None, Some("ai")));
        assert!(applies(Some("ai"), None));
        assert!(applies(Some("ai"), Some("ai")));
        assert!(!applies(Some("ai"), Some("privacy")));
    }
}

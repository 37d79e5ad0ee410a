//! Human descriptions of edits for the status line: unit names, values on the file's scale.

use crate::model::types::Org;
use crate::text::clean;

/// Longest piece of free text (a note) quoted in a description, in characters.
const SHOWN_TEXT: usize = 40;

/// The name shown for a unit: its cleaned label, or its cleaned id when it is unknown.
pub(super) fn unit(org: &Org, id: &str) -> String {
    clean(org.unit(id).map_or(id, |u| u.label()))
}

/// A tie's pair: "A–B" in an undirected file, "A rates B" in a directed one.
pub(super) fn tie(org: &Org, from: &str, to: &str) -> String {
    if org.directed {
        format!("{} rates {}", unit(org, from), unit(org, to))
    } else {
        format!("{}–{}", unit(org, from), unit(org, to))
    }
}

/// A target's pair and scope: "A–B (baseline)" or "A–B (AI rollout)".
pub(super) fn target(org: &Org, from: &str, to: &str, initiative: Option<&str>) -> String {
    let scope = match initiative {
        None => "baseline".to_string(),
        Some(id) => clean(org.initiative(id).map_or(id, |i| i.label())),
    };
    format!("{}–{} ({scope})", unit(org, from), unit(org, to))
}

/// A value on the scale: whole numbers without a fraction, others with at most 3 decimals.
pub(super) fn value(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return format!("{}", x as i64);
    }
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// A rating: its value, or "unknown" for `strength: null`.
pub(super) fn rating(x: Option<f64>) -> String {
    x.map_or_else(|| "unknown".into(), value)
}

/// Free text quoted and cut for the status line.
pub(super) fn text(s: &str) -> String {
    let shown: String = s.chars().take(SHOWN_TEXT).collect();
    let cut = if s.chars().nth(SHOWN_TEXT).is_some() {
        "…"
    } else {
        ""
    };
    format!("\"{}{cut}\"", clean(&shown))
}

/// "n things" with the right plural.
pub(super) fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_short() {
        assert_eq!(value(3.0), "3");
        assert_eq!(value(0.1 + 0.2), "0.3");
        assert_eq!(value(2.5), "2.5");
        assert_eq!(value(-0.0001), "0");
    }

    #[test]
    fn text_is_cleaned_and_cut() {
        assert_eq!(text("a\u{1b}[2Jb"), "\"a\\u{1b}[2Jb\"");
        let long = "x".repeat(50);
        assert_eq!(text(&long), format!("\"{}…\"", "x".repeat(40)));
    }
}

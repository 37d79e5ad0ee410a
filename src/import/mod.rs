//! Turning survey answers, edge lists and node-link JSON into org files, and aggregating
//! people- or team-level orgs to groups.
//!
//! Importers are pure: they take the bytes of a file and return an [`Imported`] org with the
//! rows they had to skip ([`BadRow`], each with its line) and warnings. Whether a file with
//! bad rows is refused is the caller's decision (`gapscope import` refuses unless
//! `--skip-bad-rows`).

pub mod aggregate;
pub(crate) mod csvread;
pub mod edges;
pub mod nodelink;
pub mod survey;
pub mod units;

use std::fmt;

use crate::model::{self, Org, Scale};

pub use aggregate::{AggregateOptions, aggregate};

/// A row (or JSON item) that could not be used, with where it is and why.
#[derive(Debug, Clone, PartialEq)]
pub struct BadRow {
    /// The file as named by the user.
    pub file: String,
    /// 1-based line where the row starts.
    pub line: u64,
    /// What is wrong, with any file text quoted by [`model::quote`].
    pub message: String,
}

impl fmt::Display for BadRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = crate::text::clean(&self.file);
        write!(f, "{file}:{}: {}", self.line, self.message)
    }
}

/// The result of an import: the org, the rows left out, and warnings for the user.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Imported {
    /// The org built from the good rows.
    pub org: Org,
    /// Rows that were left out, in file order.
    pub bad_rows: Vec<BadRow>,
    /// Things the user should know (privacy drops, ignored rows), one line each.
    pub warnings: Vec<String>,
}

/// Why an import could not produce an org at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The input file could not be read.
    #[error("{0}")]
    Load(#[from] model::LoadError),
    /// The file as a whole is unusable (no header, a missing column, broken JSON).
    #[error("{}:{line}: {message}", crate::text::clean(file))]
    File {
        /// The file as named by the user.
        file: String,
        /// 1-based line of the problem.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// An option is unusable for this input.
    #[error("{0}")]
    Options(String),
    /// The imported org does not load back; a bug in gapscope, reported rather than written.
    #[error("the imported org is not a valid org file (please report this): {0}")]
    Invalid(String),
}

/// Parses a scale written `MIN:MAX` (e.g. `0:5`, `1:7`, `-1:1`).
pub fn parse_scale(text: &str) -> Result<Scale, String> {
    let (lo, hi) = text
        .split_once(':')
        .ok_or_else(|| format!("scale {} is not MIN:MAX, e.g. 0:5", model::quote(text)))?;
    let num = |s: &str| {
        s.trim()
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .ok_or_else(|| format!("scale bound {} is not a number", model::quote(s)))
    };
    let scale = Scale {
        min: num(lo)?,
        max: num(hi)?,
    };
    if scale.min >= scale.max {
        return Err(format!("scale {} needs MIN < MAX", model::quote(text)));
    }
    if !(scale.max - scale.min).is_finite() {
        return Err(format!("scale {} is too wide", model::quote(text)));
    }
    Ok(scale)
}

/// Largest size an org file holds (2^53 - 1, the largest whole number exact in JSON).
pub(crate) const MAX_SIZE: u64 = (1 << 53) - 1;

/// The number in a cell, if it is a finite number.
pub(crate) fn parse_number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Writes an org as file text and checks that it loads back before anyone sees it.
pub fn to_checked_string(org: &Org) -> Result<String, ImportError> {
    let text = model::save::to_string(org);
    match model::from_str("<imported>", &text) {
        Ok(_) => Ok(text),
        Err(e) => Err(ImportError::Invalid(e.to_string())),
    }
}

/// The last component of a path, for titles that do not depend on where a file lies.
pub(crate) fn base_name(path: &str) -> &str {
    if path == "-" || path == "<stdin>" {
        return "standard input";
    }
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Compares two ids so that digit runs compare as numbers ("Dept 2" < "Dept 10").
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    loop {
        match (x.first(), y.first()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let xl = x.iter().take_while(|c| c.is_ascii_digit()).count();
                let yl = y.iter().take_while(|c| c.is_ascii_digit()).count();
                let (xd, yd) = (&x[..xl], &y[..yl]);
                let xs = trim_zeros(xd);
                let ys = trim_zeros(yd);
                let ord = xs.len().cmp(&ys.len()).then_with(|| xs.cmp(ys));
                if ord != Ordering::Equal {
                    return ord;
                }
                x = &x[xl..];
                y = &y[yl..];
            }
            (Some(c), Some(d)) => {
                if c != d {
                    return c.cmp(d);
                }
                x = &x[1..];
                y = &y[1..];
            }
        }
    }
}

fn trim_zeros(d: &[u8]) -> &[u8] {
    let n = d.iter().take_while(|&&c| c == b'0').count();
    &d[n.min(d.len().saturating_sub(1))..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_parse_and_reject_nonsense() {
        assert_eq!(parse_scale("1:7"), Ok(Scale { min: 1.0, max: 7.0 }));
        assert_eq!(
            parse_scale("-1:1"),
            Ok(Scale {
                min: -1.0,
                max: 1.0
            })
        );
        assert!(parse_scale("5:1").is_err());
        assert!(parse_scale("5").is_err());
        assert!(parse_scale("a:b").is_err());
        assert!(parse_scale("0:inf").is_err());
        assert!(parse_scale("-1e308:1e308").is_err());
    }

    #[test]
    fn natural_order_compares_numbers_as_numbers() {
        let mut v = vec!["10", "2", "Dept 10", "Dept 2", "1", "a", "007"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["1", "2", "007", "10", "Dept 2", "Dept 10", "a"]);
    }
}

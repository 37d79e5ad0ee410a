//! The org's rating scale as the form shows it: whether a single digit is a whole rating,
//! and the anchor words of the scale points (`"x-labels"` in the file's `scale` object,
//! docs/format.md).

use crate::model::{Org, Scale};

/// The key of the scale object that holds anchor words: `{"0": "never", "5": "daily"}`.
pub const LABELS_KEY: &str = "x-labels";

/// The scale and how to show it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleInfo {
    /// The scale.
    pub scale: Scale,
    /// Whole numbers from 0 to at most 9, three points or more: a digit is a rating; else
    /// ratings are typed in full (Enter ends them).
    pub digits: bool,
    /// Anchor words by scale value, in order of value (only values on the scale).
    pub labels: Vec<(f64, String)>,
}

impl ScaleInfo {
    /// The scale of an org file.
    pub fn of(org: &Org) -> ScaleInfo {
        let scale = org.scale;
        let whole = |v: f64| v.fract() == 0.0;
        let digits = whole(scale.min)
            && whole(scale.max)
            && scale.min >= 0.0
            && scale.max <= 9.0
            && scale.max - scale.min >= 2.0;
        let labels = org.scale_extra.value(LABELS_KEY);
        let mut labels: Vec<(f64, String)> = labels
            .as_ref()
            .and_then(|v| v.as_object())
            .map(|m| {
                m.iter()
                    .filter_map(|(k, v)| {
                        let value = k.trim().parse::<f64>().ok()?;
                        let word = v.as_str()?.trim();
                        (scale.contains(value) && !word.is_empty())
                            .then(|| (value, word.to_string()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        labels.sort_by(|a, b| a.0.total_cmp(&b.0));
        ScaleInfo {
            scale,
            digits,
            labels,
        }
    }

    /// The anchor word of a value, if the file gives one.
    pub fn word(&self, value: f64) -> Option<&str> {
        self.labels
            .iter()
            .find(|(v, _)| *v == value)
            .map(|(_, w)| w.as_str())
    }

    /// What the scale means, in one line (raw words; views clean them): the file's anchor
    /// words when it gives any, else what the ends mean.
    pub fn legend(&self) -> String {
        let (min, max) = (self.scale.min, self.scale.max);
        if self.labels.is_empty() {
            return format!(
                "{min} = no collaboration ... {max} = the strongest collaboration; ? = don't know"
            );
        }
        let words: Vec<String> = self
            .labels
            .iter()
            .map(|(v, w)| format!("{v} = {w}"))
            .collect();
        words.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchor_words_come_from_the_scale_object() {
        let mut org = Org {
            scale: Scale { min: 0.0, max: 5.0 },
            ..Org::default()
        };
        org.scale_extra.insert(
            LABELS_KEY.into(),
            serde_json::json!({"5": "daily joint work", "0": "never", "9": "off the scale"}),
        );
        let s = ScaleInfo::of(&org);
        assert!(s.digits);
        assert_eq!(s.word(0.0), Some("never"));
        assert_eq!(s.word(9.0), None, "values off the scale are ignored");
        assert_eq!(s.legend(), "0 = never, 5 = daily joint work");
        org.scale = Scale { min: 0.0, max: 1.0 };
        assert!(!ScaleInfo::of(&org).digits, "0.5 must be possible");
        org.scale = Scale {
            min: 0.0,
            max: 10.0,
        };
        assert!(!ScaleInfo::of(&org).digits, "10 needs two keys");
    }
}

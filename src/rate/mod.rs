//! `gapscope rate`: a form in the terminal in which one respondent rates how their unit
//! works with every other unit, submitted to an answers file that `import --from survey`
//! reads. docs/collecting.md describes the form, the answers file and the kept forms.
//!
//! `form` is the state and its one mutator, `keys` the keymap as data, `view` the pure
//! drawing, `scale` the scale's anchor words, `answers` the locked answers file, `keep` the
//! half-done form in the state folder, `term` the terminal edge.

pub mod answers;
pub mod form;
pub mod keep;
pub mod keys;
pub mod scale;
pub mod term;
pub mod view;

pub use form::{Answer, Form, Outcome};

use answers::AnswerRow;

/// The rows a form submits: one per unit rated or marked "don't know" (empty rating), or
/// given a comment.
pub fn rows_of(form: &Form) -> Vec<AnswerRow> {
    form.rows
        .iter()
        .filter(|r| r.answer != Answer::Unrated || !r.comment.is_empty())
        .map(|r| {
            let rating = match r.answer {
                Answer::Rated(v) => format!("{v}"),
                _ => String::new(),
            };
            [
                form.respondent.clone(),
                form.unit.0.clone(),
                r.id.clone(),
                rating,
                r.comment.clone(),
            ]
        })
        .collect()
}

/// Fills a form from the respondent's rows of an answers file (their last submission), so
/// submitting again starts from what they said. Returns how many rows were taken.
pub fn prefill(form: &mut Form, rows: &[AnswerRow]) -> usize {
    let mut n = 0;
    for r in rows
        .iter()
        .filter(|r| r[0] == form.respondent && r[1] == form.unit.0)
    {
        let Some(row) = form.rows.iter_mut().find(|x| x.id == r[2]) else {
            continue;
        };
        row.answer = match r[3].parse::<f64>() {
            Ok(v) if form.scale.scale.contains(v) => Answer::Rated(v),
            _ if r[3].is_empty() => Answer::DontKnow,
            _ => Answer::Unrated,
        };
        row.comment = r[4].clone();
        n += 1;
    }
    n
}

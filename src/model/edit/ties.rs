//! Edits of ties: strength, adding, removing, notes.

use super::describe;
use super::{Applied, Edit, EditError, check};
use crate::model::types::{Org, Tie};

/// Sets a tie's strength (`None`: unknown, `strength: null`), creating the tie at the end
/// when the pair has none.
pub(super) fn set(
    org: &mut Org,
    from: String,
    to: String,
    strength: Option<f64>,
) -> Result<Applied, EditError> {
    check::pair(org, "tie", &from, &to)?;
    if let Some(v) = strength {
        check::on_scale(org, v)?;
    }
    let pair = describe::tie(org, &from, &to);
    match check::find_tie(org, &from, &to) {
        Some(i) => {
            let old = org.ties[i].strength;
            org.ties[i].strength = strength;
            Ok(Applied {
                description: format!(
                    "{pair} {} → {}",
                    describe::rating(old),
                    describe::rating(strength)
                ),
                changed: old.map(f64::to_bits) != strength.map(f64::to_bits),
                inverse: Edit::SetTie {
                    from,
                    to,
                    strength: old,
                },
            })
        }
        None => {
            org.ties.push(Tie {
                from: from.clone(),
                to: to.clone(),
                strength,
                ..Tie::default()
            });
            let description = format!("{pair} none → {}", describe::rating(strength));
            Ok(Applied::new(Edit::RemoveTie { from, to }, description))
        }
    }
}

/// Inserts a whole tie.
pub(super) fn add(org: &mut Org, tie: Tie, at: Option<usize>) -> Result<Applied, EditError> {
    check::new_tie(org, &tie)?;
    let at = at.unwrap_or(org.ties.len());
    check::position("ties", at, org.ties.len())?;
    let description = format!(
        "add tie {} {}",
        describe::tie(org, &tie.from, &tie.to),
        describe::rating(tie.strength)
    );
    let inverse = Edit::RemoveTie {
        from: tie.from.clone(),
        to: tie.to.clone(),
    };
    org.ties.insert(at, tie);
    Ok(Applied::new(inverse, description))
}

/// Removes the tie of a pair.
pub(super) fn remove(org: &mut Org, from: &str, to: &str) -> Result<Applied, EditError> {
    check::pair(org, "tie", from, to)?;
    let Some(i) = check::find_tie(org, from, to) else {
        return Err(EditError::NoTie {
            from: from.to_string(),
            to: to.to_string(),
        });
    };
    let tie = org.ties.remove(i);
    let description = format!(
        "remove tie {} (was {})",
        describe::tie(org, &tie.from, &tie.to),
        describe::rating(tie.strength)
    );
    Ok(Applied::new(Edit::AddTie { tie, at: Some(i) }, description))
}

/// Sets or clears the note of an existing tie.
pub(super) fn note(
    org: &mut Org,
    from: String,
    to: String,
    note: Option<String>,
) -> Result<Applied, EditError> {
    check::pair(org, "tie", &from, &to)?;
    let Some(i) = check::find_tie(org, &from, &to) else {
        return Err(EditError::NoTie { from, to });
    };
    let pair = describe::tie(org, &from, &to);
    let description = match &note {
        Some(text) => format!("note on {pair}: {}", describe::text(text)),
        None => format!("note on {pair} cleared"),
    };
    let old = std::mem::replace(&mut org.ties[i].note, note);
    Ok(Applied {
        changed: old != org.ties[i].note,
        inverse: Edit::SetTieNote {
            from,
            to,
            note: old,
        },
        description,
    })
}

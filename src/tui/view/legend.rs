//! Legend lines: short parts packed into the room a view has, never cut mid-word.

use super::cut;

fn cells(s: &str) -> usize {
    ratatui::text::Span::raw(s).width()
}

/// Packs `parts` into at most `lines` lines of `width` display cells, parts joined by `sep`
/// and each line starting with one space. When parts are left out, the last line ends with
/// `ell`, so a reader sees that something is missing; a part too long for a whole line is
/// cut with `ell`.
pub(crate) fn pack(
    parts: &[String],
    width: usize,
    lines: usize,
    sep: &str,
    ell: &str,
) -> Vec<String> {
    let join = |ps: &[String]| format!(" {}", ps.join(sep));
    // Greedy: each part on the current line while it fits, else on a new one.
    let mut rows: Vec<Vec<String>> = Vec::new();
    for part in parts {
        let fits = rows.last().is_some_and(|row| {
            let mut with = row.clone();
            with.push(part.clone());
            cells(&join(&with)) <= width
        });
        match rows.last_mut() {
            Some(row) if fits => row.push(part.clone()),
            _ => rows.push(vec![part.clone()]),
        }
    }
    if lines == 0 || width <= cells(ell) {
        return Vec::new();
    }
    let cut_off = rows.len() > lines;
    rows.truncate(lines);
    let mut out: Vec<String> = rows.iter().map(|r| cut(&join(r), width, ell)).collect();
    if cut_off && let Some(row) = rows.last_mut() {
        // Parts give way to the ellipsis on the last line.
        while row.len() > 1 && cells(&join(row)) + 1 + cells(ell) > width {
            row.pop();
        }
        let line = format!("{} {ell}", join(row));
        let last = out.len() - 1;
        out[last] = cut(&line, width, ell);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{cells, pack};

    fn parts(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn fits_on_one_line() {
        assert_eq!(
            pack(&parts(&["a b", "c"]), 20, 1, " · ", "…"),
            vec![" a b · c"]
        );
    }

    #[test]
    fn wraps_between_parts_never_inside_one() {
        let p = parts(&["! below target", "✗ missing tie", "⇄ one-sided"]);
        assert_eq!(
            pack(&p, 32, 2, " · ", "…"),
            vec![" ! below target · ✗ missing tie", " ⇄ one-sided"]
        );
    }

    #[test]
    fn the_last_line_ends_with_the_ellipsis_when_parts_are_left_out() {
        let p = parts(&["! below target", "✗ missing tie", "⇄ one-sided"]);
        assert_eq!(pack(&p, 32, 1, " · ", "…"), vec![" ! below target …"]);
        for w in 0..60 {
            for l in 0..4 {
                let got = pack(&p, w, l, " · ", "…");
                assert!(got.len() <= l);
                for line in got {
                    assert!(cells(&line) <= w, "{w} {l} {line:?}");
                }
            }
        }
    }
}

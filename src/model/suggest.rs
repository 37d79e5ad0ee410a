//! "Did you mean" suggestions for misspelt ids and keys.

/// The closest candidate to `word` by edit distance, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let len = word.chars().count();
    let limit = (len / 3).clamp(1, 3);
    let lower = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for cand in candidates {
        let clen = cand.chars().count();
        if clen.abs_diff(len) > limit {
            continue;
        }
        let d = if cand.to_lowercase() == lower {
            0
        } else {
            distance(word, cand)
        };
        if d <= limit && best.is_none_or(|(bd, bc)| d < bd || (d == bd && cand < bc)) {
            best = Some((d, cand));
        }
    }
    best.map(|(_, c)| c)
}

/// Edit distance over characters where swapping two neighbours counts as one edit
/// (optimal string alignment), since "nmae" for "name" is the commonest typo of all.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    // d[i * width + j]: distance between the first i chars of a and the first j of b.
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j - 1] + cost)
                .min(d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let ids = ["cio", "cdo", "ciso", "finance"];
        assert_eq!(did_you_mean("cdoo", ids), Some("cdo"));
        assert_eq!(did_you_mean("fnance", ids), Some("finance"));
        assert_eq!(did_you_mean("CISO", ids), Some("ciso"));
        assert_eq!(did_you_mean("marketing", ids), None);
        assert_eq!(did_you_mean("nmae", ["id", "name", "group"]), Some("name"));
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("strenght", "strength"), 1);
    }
}

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

/// Levenshtein distance over characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
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
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}

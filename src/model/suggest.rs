//! "Did you mean" suggestions for misspelt ids and keys.

/// The closest candidate to `word` by edit distance, if it is close enough to be a likely typo.
///
/// One pass over the candidates without allocating per candidate: a length filter, a
/// case-insensitive comparison, then an edit distance that stops as soon as it exceeds the
/// best found so far, so a pass over 200,000 ids takes milliseconds.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let w: Vec<char> = word.chars().collect();
    let len = w.len();
    let limit = (len / 3).clamp(1, 3);
    let lower = word.to_lowercase();
    let mut rows = Rows::default();
    let mut hist = Histogram::of(&w);
    let mut cand_chars: Vec<char> = Vec::new();
    let mut best: Option<(usize, &str)> = None;
    let ascii = word.is_ascii();
    for cand in candidates {
        // Bytes bound characters from above: most candidates are rejected here.
        if cand.len() + limit < len {
            continue;
        }
        let both_ascii = ascii && cand.is_ascii();
        let clen = if both_ascii {
            cand.len()
        } else {
            cand.chars().count()
        };
        if clen.abs_diff(len) > limit {
            continue;
        }
        let bound = best.map_or(limit, |(bd, _)| bd);
        let same = if both_ascii {
            cand.eq_ignore_ascii_case(word)
        } else {
            cand.chars().flat_map(char::to_lowercase).eq(lower.chars())
        };
        let d = if same {
            0
        } else {
            // Each edit changes the character counts by at most 2: a cheap lower bound.
            if hist.lower_bound(cand.chars()) > bound {
                continue;
            }
            cand_chars.clear();
            cand_chars.extend(cand.chars());
            match rows.within(&w, &cand_chars, bound) {
                Some(d) => d,
                None => continue,
            }
        };
        if d <= limit && best.is_none_or(|(bd, bc)| d < bd || (d == bd && cand < bc)) {
            best = Some((d, cand));
        }
    }
    best.map(|(_, c)| c)
}

/// Candidates laid out for many look-ups: the text of all of them in one buffer, so a
/// look-up reads memory in order instead of following a pointer per candidate (over 200,000
/// unit ids the pointers, not the comparisons, were the cost).
#[derive(Debug, Default)]
pub struct Index {
    text: String,
    /// (start, end) of each candidate in `text`, in the order given.
    spans: Vec<(u32, u32)>,
}

impl Index {
    /// Indexes the candidates (an id longer than 4 GB in total is left out).
    pub fn new<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Index {
        let mut index = Index::default();
        for c in candidates {
            let start = index.text.len();
            index.text.push_str(c);
            match (u32::try_from(start), u32::try_from(index.text.len())) {
                (Ok(a), Ok(b)) => index.spans.push((a, b)),
                _ => index.text.truncate(start),
            }
        }
        index
    }

    /// [`did_you_mean`] over the indexed candidates.
    pub fn did_you_mean(&self, word: &str) -> Option<&str> {
        did_you_mean(
            word,
            self.spans
                .iter()
                .filter_map(|&(a, b)| self.text.get(a as usize..b as usize)),
        )
    }
}

/// Character counts of the word (ASCII only; other characters are not counted, which only
/// weakens the bound).
struct Histogram {
    counts: [i32; 128],
    len: i32,
}

impl Histogram {
    fn of(word: &[char]) -> Histogram {
        let mut h = Histogram {
            counts: [0; 128],
            len: 0,
        };
        for &c in word {
            if c.is_ascii() {
                h.counts[c as usize] += 1;
                h.len += 1;
            }
        }
        h
    }

    /// A lower bound of the edit distance to `cand`: half the counts that differ, rounded up.
    fn lower_bound(&mut self, cand: std::str::Chars<'_>) -> usize {
        let mut differ = self.len;
        for c in cand.clone() {
            if c.is_ascii() {
                let n = &mut self.counts[c as usize];
                differ += if *n > 0 { -1 } else { 1 };
                *n -= 1;
            }
        }
        for c in cand {
            if c.is_ascii() {
                self.counts[c as usize] += 1;
            }
        }
        usize::try_from(differ).map_or(0, |d| d.div_ceil(2))
    }
}

/// Rows of the distance table, reused from one candidate to the next.
#[derive(Default)]
struct Rows {
    two_up: Vec<usize>,
    up: Vec<usize>,
    here: Vec<usize>,
}

impl Rows {
    /// The distance of `a` and `b` (as [`distance`]) when it is at most `bound`.
    fn within(&mut self, a: &[char], b: &[char], bound: usize) -> Option<usize> {
        let width = b.len() + 1;
        for row in [&mut self.two_up, &mut self.up, &mut self.here] {
            row.clear();
            row.resize(width, 0);
        }
        for (j, cell) in self.up.iter_mut().enumerate() {
            *cell = j;
        }
        let mut up_min = 0;
        for i in 1..=a.len() {
            self.here[0] = i;
            let mut here_min = i;
            for j in 1..width {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (self.up[j - 1] + cost)
                    .min(self.up[j] + 1)
                    .min(self.here[j - 1] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(self.two_up[j - 2] + 1);
                }
                self.here[j] = v;
                here_min = here_min.min(v);
            }
            // Two rows past the bound: every later row is past it too.
            if here_min > bound && up_min > bound {
                return None;
            }
            up_min = here_min;
            std::mem::swap(&mut self.two_up, &mut self.up);
            std::mem::swap(&mut self.up, &mut self.here);
        }
        let d = self.up[width - 1];
        (d <= bound).then_some(d)
    }
}

/// Edit distance over characters where swapping two neighbours counts as one edit
/// (optimal string alignment), since "nmae" for "name" is the commonest typo of all.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    Rows::default()
        .within(&a, &b, usize::MAX)
        .unwrap_or(usize::MAX)
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
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("ab", "ba"), 1);
        assert_eq!(
            did_you_mean("x000123", ["u000123", "x000124", "x000122"]),
            Some("u000123")
        );
    }
}

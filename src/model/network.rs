//! Derived values of a document: ratings with respondent semantics, pair strengths and edges.
//!
//! Everything here follows "Derived values" of docs/format.md. Units are referred to by
//! their index in `Org::units`.

use super::ids::IdIndex;
use super::types::Org;

/// Unit ids to indices: the fast index, or a plain map past its limits (4 billion units).
enum Ids<'a> {
    Fast(IdIndex),
    Map(std::collections::HashMap<&'a str, usize>),
}

impl<'a> Ids<'a> {
    fn of(org: &'a Org) -> Ids<'a> {
        match IdIndex::new(org.units.iter().map(|u| u.id.as_str())) {
            Some(index) => Ids::Fast(index),
            None => Ids::Map(org.unit_index()),
        }
    }

    /// The unit of `id`; `last` remembers the last id asked (see [`IdIndex::get_after`]).
    fn get(&self, id: &'a str, last: &mut Option<(&'a str, Option<usize>)>) -> Option<usize> {
        match self {
            Ids::Fast(index) => index.get_after(id, last),
            Ids::Map(map) => map.get(id).copied(),
        }
    }
}

/// The derived, index-based view of an org that analysis and the screen work from.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// Whether the file is directed.
    pub directed: bool,
    /// Number of units.
    pub n: usize,
    /// Directed files: whether a unit rates at least one other unit. Undirected: all true.
    pub respondent: Vec<bool>,
    /// Edges of the file: ties with `s > 0` as `(from, to, s)` in file order. In a directed
    /// file they are arcs; in an undirected file each pair appears once.
    pub arcs: Vec<(usize, usize, f64)>,
    /// The undirected view: `(a, b, p(a,b))` with `a < b` and `p > 0`, sorted by `(a, b)`.
    pub pairs: Vec<(usize, usize, f64)>,
    /// Normalized strength of every tie (including `s == 0`; `None` for `strength: null`),
    /// by rating unit: the ties of unit `a` are `ratings[starts[a]..starts[a + 1]]` as
    /// `(b, s)`, sorted by `b`. Undirected files store both orders.
    starts: Vec<usize>,
    ratings: Vec<(usize, Option<f64>)>,
}

impl Network {
    /// Derives the network of a valid document. Ties naming unknown units are skipped;
    /// of two ties of one ordered pair (which validation refuses) the later one counts.
    pub fn new(org: &Org) -> Network {
        let index = Ids::of(org);
        let n = org.units.len();
        let mut respondent = vec![!org.directed; n];
        let both = if org.directed { 1 } else { 2 };
        let mut keyed: Vec<(usize, usize, Option<f64>)> = Vec::with_capacity(org.ties.len() * both);
        let mut arcs = Vec::with_capacity(org.ties.len());
        let (mut last_from, mut last_to) = (None, None);
        for tie in &org.ties {
            let from = index.get(&tie.from, &mut last_from);
            let (Some(a), Some(b)) = (from, index.get(&tie.to, &mut last_to)) else {
                continue;
            };
            if a == b {
                continue;
            }
            // An unknown rating (`strength: null`) is no edge, and alone it does not make
            // the rater a respondent (docs/format.md, "Respondents").
            let s = tie.strength.map(|v| org.normalize(v));
            keyed.push((a, b, s));
            if org.directed {
                respondent[a] |= s.is_some();
            } else {
                keyed.push((b, a, s));
            }
            if let Some(s) = s.filter(|&s| s > 0.0) {
                arcs.push((a, b, s));
            }
        }
        // Stable: of equal keys the later tie ends up last, and wins below.
        keyed.sort_by_key(|&(a, b, _)| (a, b));
        let mut starts = vec![0usize; n + 1];
        let mut ratings: Vec<(usize, Option<f64>)> = Vec::with_capacity(keyed.len());
        for (i, &(a, b, s)) in keyed.iter().enumerate() {
            if keyed.get(i + 1).is_some_and(|&(x, y, _)| (x, y) == (a, b)) {
                continue;
            }
            ratings.push((b, s));
            starts[a + 1] += 1;
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut net = Network {
            directed: org.directed,
            n,
            respondent,
            arcs,
            pairs: Vec::new(),
            starts,
            ratings,
        };
        net.pairs = net.compute_pairs();
        net
    }

    /// Brings the network up to date after the tie between the units `from` and `to`
    /// changed in `org` (its strength set, or the tie added or removed; nothing else
    /// changed since this network was derived), in place: the same result as
    /// `Network::new(org)` at the cost of one pair instead of the whole file. Returns
    /// false, changing nothing, when `from` or `to` is no unit of `org` or the units are
    /// not the ones this network was derived from; derive it anew then.
    pub fn retie(&mut self, org: &Org, from: &str, to: &str) -> bool {
        let find = |id: &str| org.units.iter().position(|u| u.id == id);
        let (Some(a), Some(b)) = (find(from), find(to)) else {
            return false;
        };
        if a == b || org.units.len() != self.n || org.directed != self.directed {
            return false;
        }
        // The tie that counts: the last one of the pair (either order when undirected).
        let matches = |t: &super::types::Tie| {
            (t.from == from && t.to == to) || (!self.directed && t.from == to && t.to == from)
        };
        let found = org.ties.iter().rposition(matches);
        let s = found.map(|k| org.ties[k].strength.map(|v| org.normalize(v)));
        self.set_rating(a, b, s);
        if !self.directed {
            self.set_rating(b, a, s);
        }
        // The pair's edge leaves the arcs and comes back at its place in file order.
        let directed = self.directed;
        self.arcs
            .retain(|&(x, y, _)| (x, y) != (a, b) && (directed || (x, y) != (b, a)));
        if let (Some(k), Some(Some(v))) = (found, s)
            && v > 0.0
        {
            let tie = &org.ties[k];
            let (x, y) = if tie.from == from { (a, b) } else { (b, a) };
            let at = self.arcs_before(org, k);
            self.arcs.insert(at, (x, y, v));
        }
        let was = self.respondent[a];
        if self.directed {
            self.respondent[a] = self.rated_by(a).iter().any(|&(_, s)| s.is_some());
        }
        if self.respondent[a] != was {
            // Every rating by `a` changed meaning (0 where it has no tie, or unknown).
            self.pairs = self.compute_pairs();
            return true;
        }
        let (lo, hi) = (a.min(b), a.max(b));
        let p = self.pair(lo, hi);
        match (
            self.pairs
                .binary_search_by_key(&(lo, hi), |&(x, y, _)| (x, y)),
            p > 0.0,
        ) {
            (Ok(i), true) => self.pairs[i].2 = p,
            (Ok(i), false) => {
                self.pairs.remove(i);
            }
            (Err(i), true) => self.pairs.insert(i, (lo, hi, p)),
            (Err(_), false) => {}
        }
        true
    }

    /// Sets (`Some`) or drops (`None`) the tie from `a` to `b` in the rating lists.
    fn set_rating(&mut self, a: usize, b: usize, s: Option<Option<f64>>) {
        let (lo, hi) = (self.starts[a], self.starts[a + 1]);
        match (
            self.ratings[lo..hi].binary_search_by_key(&b, |&(x, _)| x),
            s,
        ) {
            (Ok(i), Some(s)) => self.ratings[lo + i].1 = s,
            (Ok(i), None) => {
                self.ratings.remove(lo + i);
                self.starts[a + 1..].iter_mut().for_each(|x| *x -= 1);
            }
            (Err(i), Some(s)) => {
                self.ratings.insert(lo + i, (b, s));
                self.starts[a + 1..].iter_mut().for_each(|x| *x += 1);
            }
            (Err(_), None) => {}
        }
    }

    /// How many arcs come from the ties before `org.ties[k]`: walks the ties and the arcs
    /// (both in file order) together, matching by unit ids.
    fn arcs_before(&self, org: &Org, k: usize) -> usize {
        let mut j = 0;
        for tie in &org.ties[..k] {
            let Some(&(x, y, _)) = self.arcs.get(j) else {
                break;
            };
            if org.units[x].id == tie.from && org.units[y].id == tie.to {
                j += 1;
            }
        }
        j
    }

    /// The ties unit `a` rates, as `(b, s)` sorted by `b` (empty for an unknown `a`).
    fn rated_by(&self, a: usize) -> &[(usize, Option<f64>)] {
        match (self.starts.get(a), self.starts.get(a + 1)) {
            (Some(&lo), Some(&hi)) => &self.ratings[lo..hi],
            _ => &[],
        }
    }

    /// The tie from `a` to `b`, if the file has one: `Some(None)` for `strength: null`.
    fn tie(&self, a: usize, b: usize) -> Option<Option<f64>> {
        let list = self.rated_by(a);
        list.binary_search_by_key(&b, |&(x, _)| x)
            .ok()
            .map(|i| list[i].1)
    }

    /// The undirected view in one pass over the rating lists (no look-up per pair): in
    /// row `a`, the units above `a` that `a` rates (sorted) merged with those that rate `a`
    /// (sorted, from a transposed list).
    fn compute_pairs(&self) -> Vec<(usize, usize, f64)> {
        let mut out = Vec::new();
        if !self.directed {
            for a in 0..self.n {
                for &(b, s) in self.rated_by(a) {
                    if let (true, Some(s)) = (b > a, s)
                        && s > 0.0
                    {
                        out.push((a, b, s));
                    }
                }
            }
            return out;
        }
        // Row b of `incoming`: (c, rating) for every c > b that rates b, c ascending.
        let mut starts = vec![0usize; self.n + 1];
        for c in 0..self.n {
            for &(b, _) in self.rated_by(c) {
                if b < c {
                    starts[b + 1] += 1;
                }
            }
        }
        for i in 0..self.n {
            starts[i + 1] += starts[i];
        }
        let mut fill = starts.clone();
        let mut incoming = vec![(0usize, None); starts[self.n]];
        for c in 0..self.n {
            for &(b, s) in self.rated_by(c) {
                if b < c {
                    incoming[fill[b]] = (c, s);
                    fill[b] += 1;
                }
            }
        }
        let unrated = |a: usize| self.respondent[a].then_some(0.0);
        for a in 0..self.n {
            let rates = self.rated_by(a);
            let mut outgoing = rates[rates.partition_point(|&(b, _)| b <= a)..]
                .iter()
                .peekable();
            let mut inbound = incoming[starts[a]..starts[a + 1]].iter().peekable();
            loop {
                let b = match (outgoing.peek(), inbound.peek()) {
                    (Some(&&(x, _)), Some(&&(y, _))) => x.min(y),
                    (Some(&&(x, _)), None) => x,
                    (None, Some(&&(y, _))) => y,
                    (None, None) => break,
                };
                let ab = match outgoing.next_if(|&&(x, _)| x == b) {
                    Some(&(_, s)) => s,
                    None => unrated(a),
                };
                let ba = match inbound.next_if(|&&(y, _)| y == b) {
                    Some(&(_, s)) => s,
                    None => unrated(b),
                };
                let p = mean_known(ab, ba);
                if p > 0.0 {
                    out.push((a, b, p));
                }
            }
        }
        out
    }

    /// `r(a->b)`: a's rating of b, normalized. `Some(0.0)` where a is a respondent without
    /// a tie to b, `None` where the tie says `strength: null` or a is a non-respondent
    /// (its view is unknown). In an undirected file this is the pair strength.
    pub fn rating(&self, a: usize, b: usize) -> Option<f64> {
        match self.tie(a, b) {
            Some(s) => s,
            None if self.respondent.get(a).copied().unwrap_or(false) => Some(0.0),
            None => None,
        }
    }

    /// Whether the file holds a tie from `a` to `b` (in an undirected file: between them).
    pub fn has_tie(&self, a: usize, b: usize) -> bool {
        self.tie(a, b).is_some()
    }

    /// Pair strength `p(a,b)`: the mean of the known ratings of both directions, 0 where
    /// neither is known.
    pub fn pair(&self, a: usize, b: usize) -> f64 {
        if !self.directed {
            return self.tie(a, b).flatten().unwrap_or(0.0);
        }
        mean_known(self.rating(a, b), self.rating(b, a))
    }

    /// Neighbour lists of the undirected view: for each unit, `(other, p)` sorted by `other`.
    pub fn undirected_adjacency(&self) -> Vec<Vec<(usize, f64)>> {
        let mut adj = vec![Vec::new(); self.n];
        for &(a, b, p) in &self.pairs {
            adj[a].push((b, p));
            adj[b].push((a, p));
        }
        for list in &mut adj {
            list.sort_unstable_by_key(|&(o, _)| o);
        }
        adj
    }
}

/// The mean of the known ratings of a pair's two directions; 0 where neither is known.
fn mean_known(ab: Option<f64>, ba: Option<f64>) -> f64 {
    match (ab, ba) {
        (Some(x), Some(y)) => (x + y) / 2.0,
        (Some(x), None) | (None, Some(x)) => x,
        (None, None) => 0.0,
    }
}

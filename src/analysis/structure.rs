//! Connected components, bridges, articulation points and the single points that separate
//! two units, all of the undirected view, without recursion (100,000 units cannot overflow).

use super::graph::Adjacency;

const NONE: usize = usize::MAX;

/// Connected components, largest first, ties broken by smallest rank; members sorted by rank.
///
/// `rank[u]` is the position of unit `u` in id order.
pub fn components(adj: &Adjacency, rank: &[usize]) -> Vec<Vec<usize>> {
    let n = adj.len();
    let mut seen = vec![false; n];
    let mut comps = Vec::new();
    let mut queue = Vec::new();
    for start in 0..n {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        queue.clear();
        queue.push(start);
        let mut head = 0;
        while head < queue.len() {
            let u = queue[head];
            head += 1;
            for &v in adj.neighbour_ids(u) {
                if !seen[v] {
                    seen[v] = true;
                    queue.push(v);
                }
            }
        }
        let mut members = queue.clone();
        members.sort_unstable_by_key(|&u| rank[u]);
        comps.push(members);
    }
    comps.sort_by(|a, b| b.len().cmp(&a.len()).then(rank[a[0]].cmp(&rank[b[0]])));
    comps
}

/// What separates two units: a unit whose loss disconnects them, or a tie (a bridge).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    /// Every route runs through this unit.
    Unit(usize),
    /// Every route uses this tie `(a, b)`, listed in route order.
    Tie(usize, usize),
}

/// A depth-first forest of the undirected view with Tarjan's discovery and low-link times.
#[derive(Debug, Clone)]
pub struct Dfs {
    disc: Vec<usize>,
    low: Vec<usize>,
    parent: Vec<usize>,
    depth: Vec<usize>,
}

impl Dfs {
    /// Runs an iterative depth-first search from every unvisited unit in index order.
    pub fn new(adj: &Adjacency) -> Dfs {
        let n = adj.len();
        let mut dfs = Dfs {
            disc: vec![NONE; n],
            low: vec![NONE; n],
            parent: vec![NONE; n],
            depth: vec![0; n],
        };
        let mut time = 0;
        let mut stack: Vec<(usize, usize)> = Vec::new();
        for root in 0..n {
            if dfs.disc[root] != NONE {
                continue;
            }
            dfs.disc[root] = time;
            dfs.low[root] = time;
            time += 1;
            stack.push((root, 0));
            while let Some(top) = stack.last_mut() {
                let (u, pos) = *top;
                let list = adj.neighbour_ids(u);
                if pos < list.len() {
                    top.1 += 1;
                    let v = list[pos];
                    if dfs.disc[v] == NONE {
                        dfs.parent[v] = u;
                        dfs.depth[v] = dfs.depth[u] + 1;
                        dfs.disc[v] = time;
                        dfs.low[v] = time;
                        time += 1;
                        stack.push((v, 0));
                    } else if v != dfs.parent[u] {
                        dfs.low[u] = dfs.low[u].min(dfs.disc[v]);
                    }
                } else {
                    stack.pop();
                    let p = dfs.parent[u];
                    if p != NONE {
                        dfs.low[p] = dfs.low[p].min(dfs.low[u]);
                    }
                }
            }
        }
        dfs
    }

    /// Bridges as `(parent, child)` tree edges, in no particular order.
    pub fn bridges(&self) -> Vec<(usize, usize)> {
        (0..self.parent.len())
            .filter_map(|c| {
                let p = self.parent[c];
                (p != NONE && self.low[c] > self.disc[p]).then_some((p, c))
            })
            .collect()
    }

    /// Articulation points in index order.
    pub fn articulation_points(&self) -> Vec<usize> {
        let n = self.parent.len();
        let mut children = vec![0usize; n];
        let mut cut = vec![false; n];
        for c in 0..n {
            let p = self.parent[c];
            if p == NONE {
                continue;
            }
            children[p] += 1;
            if self.parent[p] != NONE && self.low[c] >= self.disc[p] {
                cut[p] = true;
            }
        }
        (0..n)
            .filter(|&u| cut[u] || (self.parent[u] == NONE && children[u] >= 2))
            .collect()
    }

    /// Units and ties whose loss would disconnect `a` from `b`, in route order from `a`.
    ///
    /// Empty when `a` and `b` are in different components, equal, or joined robustly.
    /// Walks the tree path between them: O(length of that path).
    pub fn separators(&self, a: usize, b: usize) -> Vec<Separator> {
        let n = self.parent.len();
        if a >= n || b >= n || a == b {
            return Vec::new();
        }
        let (mut x, mut y) = (a, b);
        let (mut left, mut right) = (vec![a], vec![b]);
        while self.depth[x] > self.depth[y] {
            x = self.parent[x];
            left.push(x);
        }
        while self.depth[y] > self.depth[x] {
            y = self.parent[y];
            right.push(y);
        }
        while x != y {
            if self.parent[x] == NONE || self.parent[y] == NONE {
                return Vec::new();
            }
            x = self.parent[x];
            left.push(x);
            y = self.parent[y];
            right.push(y);
        }
        right.pop();
        let lca_pos = left.len() - 1;
        let path: Vec<usize> = left.into_iter().chain(right.into_iter().rev()).collect();
        let mut out = Vec::new();
        for i in 0..path.len() {
            if i > 0 {
                let (u, v) = (path[i - 1], path[i]);
                let child = if i <= lca_pos { u } else { v };
                if self.low[child] > self.disc[self.parent[child]] {
                    out.push(Separator::Tie(u, v));
                }
            }
            if i == 0 || i == path.len() - 1 {
                continue;
            }
            let c = path[i];
            let below = |d: usize| self.low[d] >= self.disc[c];
            let separates = if i == lca_pos {
                below(path[i - 1]) || below(path[i + 1])
            } else if i < lca_pos {
                below(path[i - 1])
            } else {
                below(path[i + 1])
            };
            if separates {
                out.push(Separator::Unit(c));
            }
        }
        out
    }
}

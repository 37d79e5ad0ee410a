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
    /// Per unit: separator events (a bridge, a cut parent) on its tree path to the root.
    events: Vec<u32>,
    /// Binary lifting: `up[k * n + v]` is the `2^k`-th ancestor of `v` (itself at a root).
    up: Vec<u32>,
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
            events: Vec::new(),
            up: Vec::new(),
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
        dfs.index_paths();
        dfs
    }

    /// Prefix counts of separator events and the ancestor table, so that a pair joined
    /// robustly (most targeted pairs) is recognised in O(log n) instead of a walk along a
    /// DFS tree path that can be as long as the org.
    fn index_paths(&mut self) {
        let n = self.parent.len();
        // Parents are discovered before their children.
        let mut order = vec![0usize; n];
        for v in 0..n {
            order[self.disc[v]] = v;
        }
        self.events = vec![0; n];
        for &v in &order {
            let p = self.parent[v];
            if p != NONE {
                let cut = u32::from(self.low[v] >= self.disc[p]);
                let bridge = u32::from(self.low[v] > self.disc[p]);
                self.events[v] = self.events[p] + cut + bridge;
            }
        }
        let levels = (usize::BITS - n.leading_zeros()).max(1) as usize;
        let mut up = vec![0u32; levels * n];
        for (v, (slot, &p)) in up.iter_mut().zip(&self.parent).enumerate() {
            *slot = if p == NONE { v as u32 } else { p as u32 };
        }
        for k in 1..levels {
            for v in 0..n {
                let mid = up[(k - 1) * n + v] as usize;
                up[k * n + v] = up[(k - 1) * n + mid];
            }
        }
        self.up = up;
    }

    /// The lowest common ancestor of `a` and `b` in the forest (`None` in different trees).
    fn lca(&self, a: usize, b: usize) -> Option<usize> {
        let n = self.parent.len();
        let levels = self.up.len() / n.max(1);
        let (mut x, mut y) = if self.depth[a] >= self.depth[b] {
            (a, b)
        } else {
            (b, a)
        };
        let mut diff = self.depth[x] - self.depth[y];
        let mut k = 0;
        while diff > 0 {
            if diff & 1 == 1 {
                x = self.up[k * n + x] as usize;
            }
            diff >>= 1;
            k += 1;
        }
        if x == y {
            return Some(x);
        }
        for k in (0..levels).rev() {
            let (ux, uy) = (self.up[k * n + x] as usize, self.up[k * n + y] as usize);
            if ux != uy {
                x = ux;
                y = uy;
            }
        }
        let (px, py) = (self.parent[x], self.parent[y]);
        (px == py && px != NONE).then_some(px)
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
        // No bridge and no cut vertex anywhere on the tree path: nothing separates them.
        match self.lca(a, b) {
            None => return Vec::new(),
            Some(c) if self.events[a] + self.events[b] == 2 * self.events[c] => {
                return Vec::new();
            }
            Some(_) => {}
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

//! Which nodes of the graph get a label: placed so that labels never run into each other.

use std::collections::HashMap;

use ratatui::layout::Rect;

use crate::tui::app::{App, VisNode};

use super::graph::LABEL_CELLS;

/// The text of a node's label.
fn label_of(app: &App, v: VisNode, members: &[usize]) -> String {
    let text = match v {
        VisNode::Unit(u) => app.derived.labels[u].clone(),
        VisNode::Group(g) => format!("{} ({})", app.derived.groups[g], members[g]),
    };
    super::cut(&text, LABEL_CELLS, "")
}

/// Which nodes get a label: the selection and its neighbours first, then the others, each
/// only where it overlaps no other node and no label placed before it, so labels never run
/// into each other (`●Customer Successal Marketing`).
pub(super) fn place_labels(
    app: &App,
    nodes: &[(VisNode, (f64, f64))],
    cell: &dyn Fn((f64, f64)) -> (u16, u16),
    area: Rect,
    weight: &dyn Fn(usize) -> u8,
    labels_for_all: bool,
    members: &[usize],
) -> Vec<bool> {
    let mut taken: HashMap<u16, Vec<(u16, u16)>> = HashMap::new();
    for (_, p) in nodes {
        let (c, r) = cell(*p);
        taken.entry(r).or_default().push((c, c + 1));
    }
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(weight(i)), i));
    let mut out = vec![false; nodes.len()];
    for i in order {
        let w = weight(i);
        if w == 0 && !labels_for_all {
            continue;
        }
        let (c, r) = cell(nodes[i].1);
        let len = ratatui::text::Span::raw(label_of(app, nodes[i].0, members)).width() as u16;
        let right = area.right();
        let span = if c + 1 + len > right {
            let x0 = c.saturating_sub(len + 1).max(area.x);
            (x0, x0 + len)
        } else {
            (c + 1, c + 1 + len)
        };
        // One cell of air after a label keeps two names apart.
        let wanted = (span.0, span.1 + 1);
        let row = taken.entry(r).or_default();
        let clear = row
            .iter()
            .filter(|&&(a, b)| (a, b) != (c, c + 1))
            .all(|&(a, b)| b <= wanted.0 || a >= wanted.1);
        if clear || w == 2 {
            row.push(wanted);
            out[i] = true;
        }
    }
    out
}

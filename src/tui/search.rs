//! The incremental search line: typed text selects the best matching unit as it grows.

use super::app::App;

pub fn type_char(app: &mut App, c: char) {
    if let Some(s) = &mut app.search {
        s.query.push(c);
    }
    refresh_search(app);
}

pub fn refresh_search(app: &mut App) {
    let Some(s) = &app.search else { return };
    let q = s.query.to_lowercase();
    let before = s.before;
    let mut hits: Vec<(u8, usize)> = Vec::new();
    if !q.is_empty() {
        for &u in &app.order {
            let label = app.labels[u].to_lowercase();
            let id = app.org.units[u].id.to_lowercase();
            let rank = if label.starts_with(&q) || id.starts_with(&q) {
                0
            } else if label.contains(&q) || id.contains(&q) {
                1
            } else {
                continue;
            };
            hits.push((rank, u));
        }
    }
    hits.sort_by_key(|&(r, u)| (r, app.rank[u]));
    let matches: Vec<usize> = hits.into_iter().map(|(_, u)| u).collect();
    let first = matches.first().copied();
    if let Some(s) = &mut app.search {
        s.matches = matches;
        s.current = 0;
    }
    super::update::select_unit(app, first.unwrap_or(before));
}

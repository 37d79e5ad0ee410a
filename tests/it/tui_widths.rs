//! Names are measured in display cells: a wide (CJK) name takes two cells a character in
//! the graph's labels and click areas and in the matrix's labels and headers.

use crate::tui_common::{keys, started, unit};
use gapscope::model::seed::seed;
use gapscope::tui::Config;
use gapscope::tui::app::VisNode;
use gapscope::tui::view::Hit;
use ratatui::buffer::Buffer;

const WIDE: &str = "人事部門";

/// The screen as a terminal shows it: a wide character covers the cell after it.
fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let s = buf[(x, y)].symbol();
            out.push_str(s);
            x += ratatui::text::Span::raw(s).width().max(1) as u16;
        }
        out.push('\n');
    }
    out
}

fn org() -> gapscope::model::Org {
    let mut org = seed();
    for u in &mut org.units {
        if u.id == "hr" {
            u.name = Some(WIDE.into());
        }
    }
    org
}

#[test]
fn a_wide_label_on_the_graph_is_clickable_over_its_whole_width() {
    let (app, term) = started(org(), &Config::default(), 120, 40);
    let hr = unit(&app, "hr");
    let rect = app
        .frame()
        .hits
        .iter()
        .find(|(_, h)| *h == Hit::Node(VisNode::Unit(hr)))
        .map(|(r, _)| *r)
        .expect("the unit is on the graph");
    // The marker and eight cells of name.
    assert_eq!(rect.width, 9, "{}", text(term.backend().buffer()));
    let row = text(term.backend().buffer());
    let row = row.lines().nth(rect.y as usize).unwrap_or_default();
    assert!(row.contains(&format!("●{WIDE}")), "{row:?}");
}

#[test]
fn a_wide_name_heads_its_matrix_column() {
    let (mut app, mut term) = started(org(), &Config::default(), 120, 40);
    keys(&mut app, &mut term, &["2"]);
    let s = text(term.backend().buffer());
    // The header is written downwards, one character a row, each filling the column's two
    // cells; the row label is whole.
    let heads: String = s.lines().skip(3).take(5).collect::<Vec<_>>().join("\n");
    assert!(heads.contains('人') && heads.contains('事'), "{s}");
    assert!(s.lines().any(|l| l.starts_with(WIDE)), "{s}");
    // Every row's first grid cell is in the same column.
    let buf = term.backend().buffer();
    let label_w = app
        .frame()
        .hits
        .iter()
        .find_map(|(r, h)| match h {
            Hit::Cell(0, 0) => Some(r.x),
            _ => None,
        })
        .expect("a grid");
    for (r, h) in &app.frame().hits {
        if let Hit::Cell(_, 0) = h {
            assert_eq!(r.x, label_w, "{s}");
            assert_ne!(buf[(r.x, r.y)].symbol(), " ", "{s}");
        }
    }
}

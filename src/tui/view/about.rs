//! The about overlay: what the file says about the org — its title and source, the scale,
//! the initiatives with their descriptions, and the facts recorded on units and targets.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use serde_json::value::RawValue;

use crate::text::clean;
use crate::tui::app::App;

use super::{FrameInfo, on_scale, wrap};

/// An `x-` value as text: a string without quotes, anything else as the file writes it
/// (its text is kept, not a tree: see `model::Extra`).
fn shown(v: &RawValue) -> String {
    match serde_json::from_str::<String>(v.get()) {
        Ok(s) => clean(&s),
        Err(_) => clean(v.get()),
    }
}

/// The lines: (heading?, text).
pub(super) fn lines(app: &App, width: usize) -> Vec<(bool, String)> {
    let org = &app.org;
    let d = &app.derived;
    let sym = app.theme.sym;
    let mut out: Vec<(bool, String)> = Vec::new();
    let para = |out: &mut Vec<(bool, String)>, text: String| {
        out.extend(wrap(&text, width).into_iter().map(|l| (false, l)));
    };
    out.push((true, d.title.clone()));
    para(
        &mut out,
        format!(
            "{} units in {} groups, {} ties ({}), scale {}{}{}",
            app.n(),
            org.groups().len(),
            org.ties.len(),
            if org.directed {
                "each side rates the other"
            } else {
                "one rating per pair"
            },
            on_scale(app, 0.0),
            sym.range,
            on_scale(app, 1.0)
        ),
    );
    for (k, v) in &org.extra {
        let key = clean(k.trim_start_matches("x-"));
        para(&mut out, format!("{key}: {}", shown(v)));
    }
    if !org.initiatives.is_empty() {
        out.push((true, "Initiatives (i switches)".into()));
        for i in &org.initiatives {
            let about = i
                .description
                .as_deref()
                .map(|s| format!(": {}", clean(s)))
                .unwrap_or_default();
            para(&mut out, format!("{}{about}", clean(i.label())));
        }
    }
    let facts: Vec<String> = org
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| !u.attrs.is_empty())
        .map(|(i, u)| {
            let attrs: Vec<String> = u
                .attrs
                .iter()
                .map(|(k, v)| format!("{} {}", clean(k).replace('_', " "), clean(&v.to_string())))
                .collect();
            format!("{}: {}", d.labels[i], attrs.join("; "))
        })
        .collect();
    if !facts.is_empty() {
        out.push((true, "Facts on units".into()));
        for f in facts {
            para(&mut out, f);
        }
    }
    let whys: Vec<String> = org
        .targets
        .iter()
        .filter_map(|t| t.why.as_deref().map(|w| (t, w)))
        .map(|(t, w)| {
            let name = |id: &str| {
                org.units
                    .iter()
                    .position(|u| u.id == id)
                    .and_then(|u| d.labels.get(u).cloned())
                    .unwrap_or_else(|| clean(id))
            };
            format!(
                "{}{}{}: {}",
                name(&t.from),
                sym.range,
                name(&t.to),
                clean(w)
            )
        })
        .collect();
    if !whys.is_empty() {
        out.push((true, "Why the targets".into()));
        for w in whys {
            para(&mut out, w);
        }
    }
    out
}

/// Draws the about overlay over `area`; returns its area.
pub(super) fn render(
    app: &App,
    area: Rect,
    buf: &mut Buffer,
    info: &mut FrameInfo,
) -> Option<Rect> {
    let t = &app.theme;
    let overlay = super::overlay::Overlay {
        max_width: 90,
        title: " About this org (b or Esc closes) ".into(),
    };
    super::overlay::render(app, area, buf, info, overlay, |width| {
        lines(app, width)
            .into_iter()
            .map(|(h, text)| (if h { t.heading } else { t.text }, text))
            .collect()
    })
}

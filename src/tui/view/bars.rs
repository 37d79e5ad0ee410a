//! The title bar (org, counts, initiative, progress) and the status bar (keys, messages, search).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::tui::app::{App, Pending};
use crate::tui::keymap::{self, Mode};
use crate::tui::modal::Modal;

use super::{cut, put};

const SPIN: &[&str] = &["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const SPIN_ASCII: &[&str] = &["|", "/", "-", "\\"];

/// The title bar.
pub(super) fn title(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    buf.set_style(area, t.bar);
    let sep = if app.ascii { " | " } else { " │ " };
    let gaps = match app.pending {
        Some(Pending::Analysis) => "… gaps".to_string(),
        _ => match crate::tui::review::plan::counts(app) {
            Some((now, with)) => format!("{now} gaps now, {with} with the plan"),
            None => format!("{} gaps", app.gaps().len()),
        },
    };
    let counts = format!("{} units · {} ties · {}", app.n(), app.org.ties.len(), gaps);
    let counts = if app.ascii {
        counts.replace('·', ",").replace('…', "..")
    } else {
        counts
    };
    let right = match app.pending {
        None => format!(" {} ", app.view.title()),
        Some(p) => {
            let frames = if app.ascii { SPIN_ASCII } else { SPIN };
            let spin = frames[(app.tick % frames.len() as u64) as usize];
            let what = match p {
                Pending::Analysis => "analysing",
                Pending::Betweenness => "betweenness",
            };
            format!(
                " {spin} {what}{} │ {} ",
                if app.ascii { "..." } else { "…" },
                app.view.title()
            )
        }
    };
    let right = format!("{}{right}", edit_marker(app));
    let right = if app.ascii {
        right.replace('│', "|").replace('●', "*")
    } else {
        right
    };
    let rw = Span::raw(right.as_str()).width() as u16;
    let avail = area.width.saturating_sub(rw) as usize;
    let tail = format!("{sep}{counts}{sep}initiative: {}", app.initiative_label());
    // The file name stays; the org's title gives up its room first.
    let file = file_label(app);
    let fixed = 1 + width(&file) + width(&tail);
    let ell = if app.ascii { ".." } else { "…" };
    let title = match avail.checked_sub(fixed + 2) {
        Some(room) if room >= 6 => format!(": {}", cut(&app.derived.title, room, ell)),
        _ => String::new(),
    };
    let mut left = format!(" {file}{title}{tail}");
    if width(&left) > avail {
        // Tight: the ties and the word "initiative" go before the initiative itself.
        let short = format!(
            "{sep}{} units · {gaps}{sep}{}",
            app.n(),
            app.initiative_label()
        );
        let short = if app.ascii {
            short.replace('·', ",").replace('…', "..")
        } else {
            short
        };
        left = format!(" {file}{short}");
    }
    if width(&left) > avail && avail > 1 {
        left = cut(&left, avail - 1, ell);
    }
    put(buf, area.x, area.y, &left, avail as u16, t.bar);
    put(
        buf,
        area.right().saturating_sub(rw),
        area.y,
        &right,
        rw,
        t.bar,
    );
}

fn width(s: &str) -> usize {
    Span::raw(s).width()
}

/// The document's file name, or where it came from.
fn file_label(app: &App) -> String {
    match &app.session.origin {
        crate::tui::session::Origin::File(p) => p
            .file_name()
            .map(|n| crate::text::clean(&n.to_string_lossy()))
            .unwrap_or_else(|| crate::text::clean(&p.display().to_string())),
        crate::tui::session::Origin::Stdin => "standard input".into(),
        crate::tui::session::Origin::Builtin => "built-in example".into(),
    }
}

/// The what-if marker: unsaved state and the gaps changed against the file as loaded (or
/// against OLD of `--compare`, "since OLD").
fn edit_marker(app: &App) -> String {
    let s = &app.session;
    let unsaved = crate::tui::dialog::unsaved(app);
    let dot = if unsaved { " ●" } else { "" };
    if !s.compared() {
        return if unsaved && s.original_rev.is_some() {
            String::new()
        } else {
            dot.to_string()
        };
    }
    let what = match &s.diff {
        Some(d) => d.summary(),
        None => "…".into(),
    };
    match &s.compare {
        Some(c) => format!("{dot} since {}: {what} │", c.label),
        None => format!("{dot} edited: {what} │"),
    }
}

/// The status bar: the search line, or a message and the main keys of the current mode.
pub(super) fn status(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    buf.set_style(area, t.bar);
    if let Some(Modal::Search(s)) = &app.modal {
        let found = match s.matches().len() {
            _ if s.filters_gaps() => format!("{} gaps listed", app.visible_gaps().len()),
            0 if s.query().is_empty() => "type a name or id".to_string(),
            0 => "no match".to_string(),
            k => format!(
                "{}/{k}: {}",
                s.current() + 1,
                app.derived.labels[s.matches()[s.current()].min(app.n() - 1)]
            ),
        };
        // The line with its cursor where it is (Left/Right/Home/End move it).
        let head = format!(" /{}", crate::text::clean(s.line().before_cursor()));
        let tail = crate::text::clean(&s.query()[s.line().before_cursor().len()..]);
        let x = put(buf, area.x, area.y, &head, area.width, t.bar);
        let cursor = if app.ascii { "_" } else { "▏" };
        let x = put(
            buf,
            x,
            area.y,
            cursor,
            area.width.saturating_sub(x - area.x),
            t.bar.add_modifier(ratatui::style::Modifier::BOLD),
        );
        let x = put(
            buf,
            x,
            area.y,
            &tail,
            area.width.saturating_sub(x - area.x),
            t.bar,
        );
        let x = put(
            buf,
            x + 1,
            area.y,
            &found,
            area.width.saturating_sub(x + 1 - area.x),
            t.bar,
        );
        hint_list(app, &[Mode::Search], area, x + 2, buf);
        return;
    }
    let mut x = area.x;
    if let Some(m) = &app.message {
        x = put(buf, x + 1, area.y, m, area.width.saturating_sub(1), t.bar) + 1;
    }
    let modes = match &app.modal {
        Some(m) => vec![m.mode()],
        None => vec![app.view.mode(), Mode::Global],
    };
    hint_list(app, &modes, area, x, buf);
}

fn hint_list(app: &App, modes: &[Mode], area: Rect, mut x: u16, buf: &mut Buffer) {
    let t = &app.theme;
    for (key, doc) in keymap::hints(modes) {
        let short = doc;
        let need = key.chars().count() + short.chars().count() + 3;
        if x + need as u16 > area.right() {
            break;
        }
        x = put(
            buf,
            x + 1,
            area.y,
            key,
            area.right() - x - 1,
            t.bar.add_modifier(ratatui::style::Modifier::BOLD),
        );
        x = put(buf, x + 1, area.y, short, area.right() - x - 1, t.bar);
        x += 1;
    }
}

//! The title bar (org, counts, initiative, progress) and the status bar (keys, messages, search).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::tui::action::Action;
use crate::tui::app::{App, Pending};
use crate::tui::keymap::Mode;
use crate::tui::modal::Modal;

use super::{cut, prose, put};

/// The title bar.
pub(super) fn title(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let sym = t.sym;
    buf.set_style(area, t.bar);
    let sep = sym.bar_sep;
    let dot = sym.sep;
    let gaps = match app.pending {
        Some(Pending::Analysis) => format!("{} gaps", sym.ellipsis),
        _ => match crate::tui::review::plan::counts(app) {
            Some((now, with)) => format!("{now} gaps now, {with} with the plan"),
            None => format!("{} gaps", app.gaps().len()),
        },
    };
    let counts = format!(
        "{} units{dot}{} ties{dot}{}",
        app.n(),
        app.org.ties.len(),
        gaps
    );
    // The view's name; `pad`: one width for every view's name, so the org's title is cut
    // at one place whatever the view.
    let view = |pad: bool| match app.pending {
        None if pad => format!(" {:>6} ", app.view.title()),
        None => format!(" {} ", app.view.title()),
        Some(p) => {
            let frames = sym.spinner;
            let spin = frames[(app.tick % frames.len() as u64) as usize];
            let what = match p {
                Pending::Analysis => "analysing",
                Pending::Betweenness => "betweenness",
            };
            format!(" {spin} {what}{}{sep}{} ", sym.ellipsis, app.view.title())
        }
    };
    // What gives way, in order, when the bar is too narrow: the org's title (cut first,
    // then gone), the tie count and the word "initiative", the edit summary (`c` lists
    // it). The file name, the unit and gap counts, the initiative and the edit marker stay
    // as long as anything does.
    let file = file_label(app);
    let ell = sym.ellipsis;
    let long = format!("{sep}{counts}{sep}initiative: {}", app.initiative_label());
    let short = format!(
        "{sep}{} units{dot}{gaps}{sep}{}",
        app.n(),
        app.initiative_label()
    );
    let total = area.width as usize;
    let fits = |left: &str, right: &str| width(left) + width(right) <= total;
    let (padded, unpadded) = (view(true), view(false));
    // The room the edit summary may have beside the short bar (cut with the ellipsis).
    let bare = format!("{}{unpadded}", edit_marker(app, 0));
    let summary_room = total.saturating_sub(width(&format!(" {file}{short}")) + width(&bare) + 2);
    let mut chosen = None;
    for (tail, summary, view) in [
        (&long, usize::MAX, &padded),
        (&short, usize::MAX, &unpadded),
        (&short, summary_room, &unpadded),
    ] {
        let right = format!("{}{view}", edit_marker(app, summary));
        let plain = format!(" {file}{tail}");
        if !fits(&plain, &right) {
            continue;
        }
        // The org's title in the room left, cut at one place whatever the view.
        let room = total - width(&plain) - width(&right);
        let left = match room.checked_sub(2) {
            Some(room) if tail == &long && room >= 12 => {
                format!(" {file}: {}{tail}", cut(&app.derived.title, room, ell))
            }
            _ => plain,
        };
        chosen = Some((left, right));
        break;
    }
    let (left, right) = chosen.unwrap_or_else(|| {
        let right = bare.clone();
        let avail = total.saturating_sub(width(&right));
        (
            cut(&format!(" {file}{short}"), avail.saturating_sub(1), ell),
            right,
        )
    });
    let rw = width(&right) as u16;
    let avail = area.width.saturating_sub(rw);
    put(buf, area.x, area.y, &left, avail, t.bar);
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
/// against OLD of `--compare`, "since OLD"), what changed cut to `summary` cells (left
/// out below 8).
fn edit_marker(app: &App, summary: usize) -> String {
    let s = &app.session;
    let sym = app.theme.sym;
    let unsaved = crate::tui::dialog::unsaved(app);
    let dot = if unsaved {
        format!(" {}", sym.unsaved)
    } else {
        String::new()
    };
    if !s.compared() {
        return if unsaved && s.original_rev.is_some() {
            String::new()
        } else {
            dot
        };
    }
    let what = match &s.diff {
        _ if summary < 12 => String::new(),
        Some(d) => {
            // Cut between its parts ("1 opened, …"), never inside one.
            let text = prose(app, &d.summary()).into_owned();
            let parts: Vec<String> = text.split(", ").map(str::to_string).collect();
            let packed =
                super::legend::pack(&parts, summary.saturating_add(1), 1, ", ", sym.ellipsis);
            format!(": {}", packed.first().map_or("", |l| l.trim_start()))
        }
        None => format!(": {}", sym.ellipsis),
    };
    let bar = sym.bar_sep.trim_end();
    match &s.compare {
        Some(c) => format!("{dot} since {}{what}{bar}", c.label),
        None => format!("{dot} edited{what}{bar}"),
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
        let cursor = t.sym.cursor;
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
        hint_list(app, &[Mode::Search], area, x + 2, buf, true, |_| true);
        return;
    }
    let modes = match &app.modal {
        Some(m) => vec![m.mode()],
        None => vec![app.view.mode(), Mode::Global],
    };
    let Some(m) = &app.message else {
        hint_list(app, &modes, area, area.x, buf, true, |_| true);
        return;
    };
    // A message keeps the keys of the story (issue 9 point 6: the gap list, search, the
    // initiative, the detail pane) beside it: named when they fit, else as bare keys
    // ("3 / i d"); the message is cut only if even those do not fit. Other hints follow
    // while there is room. Review mode has its own story (next, action, discussed).
    let story = |a: Action| {
        app.modal.is_none()
            && app.view != crate::tui::app::View::Review
            && matches!(
                a,
                Action::ShowGaps | Action::Search | Action::NextInitiative | Action::ToggleDetail
            )
    };
    let cells = |s: &str| Span::raw(s).width();
    let (mut full, mut bare, mut any) = (0, 1, false);
    for (k, h, a) in app.keys.hint_actions(&modes) {
        if story(a) {
            full += cells(k) + cells(&prose(app, h)) + 3;
            bare += cells(k) + 1;
            any = true;
        }
    }
    let m = prose(app, m);
    let width = area.width as usize;
    let named = cells(&m) + 2 + full <= width;
    let m = if named || !any {
        m
    } else {
        super::cut(&m, width.saturating_sub(bare + 2).max(12), t.sym.ellipsis).into()
    };
    let x = put(
        buf,
        area.x + 1,
        area.y,
        &m,
        area.width.saturating_sub(1),
        t.bar,
    ) + 1;
    let x = hint_list(app, &modes, area, x, buf, named, story);
    hint_list(app, &modes, area, x, buf, true, |a| !story(a));
}

/// Writes the hints of `modes` whose action passes `keep`, from column `x` while they fit:
/// each key with its name ("3 gaps"), or the keys alone ("3 / i d") when not `named`;
/// returns the column after the last.
fn hint_list(
    app: &App,
    modes: &[Mode],
    area: Rect,
    mut x: u16,
    buf: &mut Buffer,
    named: bool,
    keep: impl Fn(Action) -> bool,
) -> u16 {
    let t = &app.theme;
    let mut wrote = false;
    for (key, doc, action) in app.keys.hint_actions(modes) {
        if !keep(action) {
            continue;
        }
        let short = if named { prose(app, doc) } else { "".into() };
        let need = if named {
            Span::raw(key).width() + Span::raw(short.as_ref()).width() + 3
        } else {
            Span::raw(key).width() + 1
        };
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
        if named {
            x = put(buf, x + 1, area.y, &short, area.right() - x - 1, t.bar);
            x += 1;
        }
        wrote = true;
    }
    // Bare keys are one space apart; the next hints start one further.
    if wrote && !named {
        x += 1;
    }
    x
}

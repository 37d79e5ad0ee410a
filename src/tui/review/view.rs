//! The review card (one gap, large and complete) and the action form, drawn from `&App`.
//! Wide screens put the gap on the left and the meeting's side (actions, discussed, plan,
//! since OLD) on the right; narrow ones stack them, the meeting's side first after the gap.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use crate::analysis::{Gap, GapKind};
use crate::report::discussed;
use crate::text::clean;
use crate::tui::app::{App, Pending};
use crate::tui::view::{FrameInfo, detail, gaps, on_scale, prose, symbols, wrap};

use super::{plan, walk};

type Lines = Vec<(Style, String)>;

/// Draws the review card into `area`.
pub(crate) fn render(app: &App, area: Rect, buf: &mut Buffer, info: &mut FrameInfo) {
    let t = &app.theme;
    if area.height < 4 || area.width < 20 {
        return;
    }
    info.page = 1;
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let Some((pos, i, len)) = walk::current(app) else {
        let msg = match app.pending {
            Some(Pending::Analysis) => format!("Looking for gaps{}", t.sym.ellipsis),
            _ if !app.gaps().is_empty() => {
                "No gap passes the gap list's filters (3, then Esc clears them).".to_string()
            }
            _ => format!(
                "No gaps under {}: nothing to review.",
                app.initiative_label()
            ),
        };
        Paragraph::new(Span::styled(title(app, None), t.heading)).render(head, buf);
        Paragraph::new(vec![Line::default(), Line::from(Span::styled(msg, t.dim))])
            .block(Block::new().padding(Padding::left(1)))
            .wrap(Wrap { trim: false })
            .render(body, buf);
        return;
    };
    let g = &app.gaps()[i];
    Paragraph::new(Span::styled(title(app, Some((pos, len))), t.heading)).render(head, buf);
    let wide = area.width >= 100;
    let mut top = head_lines(app, wide);
    if wide {
        top.push((t.dim, String::new()));
    }
    let facts = gap_lines(app, g);
    let side = meeting_lines(app, g, wide);
    if wide {
        // The gap on the left (three fifths), the meeting's side on the right, two cells
        // apart.
        let left_w = body.width * 3 / 5;
        let [left_area, _, right_area] = Layout::horizontal([
            Constraint::Length(left_w.saturating_sub(1)),
            Constraint::Length(2),
            Constraint::Fill(1),
        ])
        .areas(body);
        let mut left = top;
        left.extend(facts);
        show(app, &left, left_area, buf);
        show(app, &side, right_area, buf);
    } else {
        let mut all = top;
        let (gap_head, rest) = facts.split_at(facts.len().min(3));
        all.extend(gap_head.iter().cloned());
        all.extend(side);
        // Narrow: no blank lines, so more of the pair fits.
        all.extend(rest.iter().filter(|(_, l)| !l.is_empty()).cloned());
        show(app, &all, body, buf);
    }
}

/// "Review · gap 3 of 12 · 5 gaps now, 1 with the plan".
fn title(app: &App, at: Option<(usize, usize)>) -> String {
    let sep = app.theme.sym.sep;
    let mut s = " Review".to_string();
    if let Some((pos, len)) = at {
        s.push_str(&format!("{sep}gap {} of {len}", pos + 1));
    }
    if let Some((now, with)) = plan::counts(app) {
        s.push_str(&format!("{sep}{now} gaps now, {with} with the plan"));
    }
    if app.gap_list.filtered() {
        s.push_str(&format!(
            "{sep}gap list filters: {}",
            prose(app, &app.gap_list.describe(&app.org, &app.derived))
        ));
    }
    s
}

/// The headline: the initiative's name and description (one paragraph when narrow), and the
/// one-line summary.
fn head_lines(app: &App, wide: bool) -> Lines {
    let t = &app.theme;
    let mut out = Vec::new();
    let init = app.initiative.and_then(|k| app.org.initiatives.get(k));
    let name = match init {
        Some(i) => clean(i.label()),
        None => "All targets (baseline and every initiative)".into(),
    };
    let about = init.and_then(|i| i.description.as_deref()).map(clean);
    match about {
        Some(d) if !wide => out.push((t.heading, format!("{name}: {d}"))),
        Some(d) => {
            out.push((t.heading.add_modifier(Modifier::BOLD), name));
            out.push((t.text, d));
        }
        None => out.push((t.heading.add_modifier(Modifier::BOLD), name)),
    }
    out.push((t.emphasis, prose(app, &walk::headline(app)).into_owned()));
    out
}

/// The gap: kind and severity, actual vs needed, why, then the pair (ratings, targets and
/// their reasons, the best route) as the detail pane shows it, and the tie notes.
fn gap_lines(app: &App, g: &Gap) -> Lines {
    let t = &app.theme;
    let sym = t.sym;
    let style = if symbols::is_alarm(g.kind) {
        t.alarm
    } else {
        t.warn
    };
    let mut out = vec![(
        style.add_modifier(Modifier::BOLD),
        format!(
            "{} {}  {}  severity {:.2}  {}",
            sym.gap(g.kind),
            prose(app, &walk::subject(app, g)),
            gaps::kind_words(g.kind),
            g.severity,
            sym.bar(g.severity, 10)
        ),
    )];
    let scale = format!(
        "scale {}{}{}",
        on_scale(app, 0.0),
        sym.range,
        on_scale(app, 1.0)
    );
    let values = match (g.kind, g.actual, g.target) {
        (GapKind::Asymmetric, Some(a), Some(b)) => {
            format!(
                "ratings {} vs {} ({scale})",
                on_scale(app, a),
                on_scale(app, b)
            )
        }
        (_, a, Some(b)) => format!(
            "actual {}, needed {} ({scale})",
            a.map_or("none".into(), |a| on_scale(app, a)),
            on_scale(app, b)
        ),
        (_, Some(a), None) => format!("value {} ({scale})", on_scale(app, a)),
        _ => String::new(),
    };
    if !values.is_empty() {
        out.push((t.text, values));
    }
    out.push((
        t.text,
        format!("why: {}", prose(app, &clean(&g.explanation))),
    ));
    let n = app.n();
    if let Some(to) = g.to.filter(|&to| to < n && g.from < n) {
        out.push((t.dim, String::new()));
        let mut pair = detail::pair_lines(app, g.from, to, true);
        // The pair's name is on the first line of the card already, and its gaps are the
        // card's subject (the others of the pair are cards of their own): drop both.
        if !pair.is_empty() {
            pair.remove(0);
        }
        let heads: Vec<String> = app
            .gaps()
            .iter()
            .map(|x| format!("{} {}", sym.gap(x.kind), gaps::kind_words(x.kind)))
            .collect();
        let mut skip = false;
        for line in pair {
            if std::mem::take(&mut skip) && line.1.starts_with("  ") {
                continue;
            }
            if heads.contains(&line.1) {
                skip = true;
                continue;
            }
            out.push(line);
        }
        let (a, b) = (&app.org.units[g.from].id, &app.org.units[to].id);
        for tie in app
            .org
            .ties
            .iter()
            .filter(|x| (&x.from == a && &x.to == b) || (&x.from == b && &x.to == a))
        {
            if let Some(note) = &tie.note {
                let who = app.org.unit(&tie.from).map_or("?", |u| u.label());
                out.push((t.dim, format!("note ({}): {}", clean(who), clean(note))));
            }
        }
    }
    out
}

/// The meeting's side: since OLD, discussed, the plan, and the actions on the pair.
fn meeting_lines(app: &App, g: &Gap, wide: bool) -> Lines {
    let t = &app.theme;
    let mut out = Vec::new();
    if let Some(c) = &app.session.compare {
        let m = gaps::mark(app, g);
        let text = match m.as_str() {
            "" => format!("since {}: unchanged", c.label),
            "new" => format!("since {}: new", c.label),
            m => format!("since {}: {m}", c.label),
        };
        out.push((t.emphasis, text));
    }
    if let Some(day) = app.review.today {
        let done = discussed::was_discussed(&app.org, day, app.initiative_id().as_deref(), g);
        out.push(if done {
            (t.emphasis, format!("{} discussed on {day}", t.sym.check))
        } else {
            (t.dim, "not discussed yet (m marks it)".into())
        });
        if let Some(then) =
            discussed::carried_over(&app.org, day, app.initiative_id().as_deref(), g)
        {
            out.push((t.warn, format!("carried over: not reached on {then}")));
        }
        let who = discussed::meeting(&app.org, day, app.initiative_id().as_deref())
            .and_then(|at| app.org.reviews[at].who.as_ref())
            .filter(|w| !w.is_empty());
        match who {
            Some(w) => out.push((t.text, format!("who: {}", clean(&w.join(", "))))),
            // Narrow screens keep the line for the pair (the help lists `w`).
            None if wide => out.push((t.dim, "who took part: not recorded (w)".into())),
            None => {}
        }
    }
    if plan::shown(app).is_some() {
        out.push(if plan::closes(app, g) {
            (t.emphasis, "the plan closes this gap".into())
        } else {
            (t.dim, "the plan does not close this gap".into())
        });
    }
    // The card's gap is known here: its actions without walking the review again.
    let actions = crate::analysis::plan::gap_actions(&app.org, g);
    out.push((
        t.heading,
        format!("Actions on the pair ({})", actions.len()),
    ));
    if actions.is_empty() {
        out.push((t.dim, "none yet (A records one)".into()));
    }
    let chosen = app.review.action.min(actions.len().saturating_sub(1));
    for (k, &at) in actions.iter().enumerate() {
        let a = &app.org.actions[at];
        let mut parts = vec![a.status().as_str().to_string()];
        parts.push(format!(
            "owner {}",
            a.owner.as_deref().map_or("not set".into(), clean)
        ));
        if let Some(d) = a.due {
            parts.push(format!("due {d}"));
        }
        if let Some(x) = a.expect {
            parts.push(format!("expect {}", on_scale(app, app.org.normalize(x))));
        }
        let late = app.review.today.is_some_and(|d| a.overdue(d));
        let mark = if k == chosen { t.sym.pointer } else { " " };
        let style = match (k == chosen, late) {
            (true, _) => t.selected,
            (false, true) => t.alarm,
            _ => t.text,
        };
        out.push((
            style,
            format!(
                "{mark} {}{} ({})",
                if late { "OVERDUE " } else { "" },
                clean(&a.what),
                parts.join(", ")
            ),
        ));
    }
    out
}

/// Writes lines into an area, wrapping long ones (continuation lines indented); when some
/// do not fit, the last row says so with an ellipsis.
fn show(app: &App, lines: &Lines, area: Rect, buf: &mut Buffer) {
    let mut rows: Vec<(Style, String)> = Vec::new();
    for (style, text) in lines {
        for l in wrap(text, area.width.saturating_sub(1) as usize) {
            rows.push((*style, l));
        }
    }
    let h = area.height as usize;
    if rows.len() > h && h > 0 {
        rows.truncate(h);
        rows[h - 1].1 = app.theme.sym.ellipsis.to_string();
    }
    let rows: Vec<Line> = rows
        .into_iter()
        .map(|(style, l)| Line::from(Span::styled(l, style)))
        .collect();
    Paragraph::new(rows)
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

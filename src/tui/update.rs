//! The one mutator: `update(&mut App, Msg) -> Vec<Effect>`. IO happens in the loop, as effects.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::analysis_task::{Done, Stage};
use super::app::{App, Pending, View};
use super::keymap::{self, Mode};
use super::line::LineEdit;
use super::modal::Modal;
use super::moves::{activate, back, click, move_cursor, refresh_route, show, tell_the_story};
use super::{dialog, edit, review, search};

pub use super::effect::{Effect, Msg};
pub(crate) use super::moves::select_unit;

/// The effects that start the screen: the first analysis, and the layout if it is not ready.
pub fn start(app: &mut App) -> Vec<Effect> {
    let mut fx = vec![Effect::Analyse {
        generation: app.generation,
        initiative: app.initiative_id(),
    }];
    if !app.graph.laid_out() {
        fx.push(Effect::Layout);
    }
    fx
}

/// Applies a message to the state and returns the IO to perform.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    if matches!(
        msg,
        Msg::Key(_) | Msg::Act(_) | Msg::Click { .. } | Msg::Wheel { .. }
    ) {
        app.fresh = false;
    }
    // What the detail pane shows: when it changes, the pane starts at its top.
    let subject = |app: &App| {
        (
            (app.view, app.selected, app.pair_with, app.gap_list.cursor()),
            (app.graph.on_group(), app.matrix.groups(), app.matrix.cell()),
        )
    };
    let shown = subject(app);
    let fx = match msg {
        Msg::Key(ev) => on_key(app, ev),
        Msg::Act(a) => act(app, a),
        Msg::Click { col, row } => {
            click(app, col, row);
            Vec::new()
        }
        Msg::Wheel { down } => match app.modal {
            Some(Modal::Help(_) | Modal::Changes(_) | Modal::About(_)) | None => {
                act(app, if down { Action::Down } else { Action::Up })
            }
            Some(_) => Vec::new(),
        },
        Msg::Tick => {
            app.tick = app.tick.wrapping_add(1);
            Vec::new()
        }
        Msg::Done(done) => {
            let baseline = match &done {
                Done::Analysed {
                    generation,
                    analysis,
                    ..
                } => edit::take_baseline(app, *generation, analysis),
                Done::Laid(_) | Done::Planned { .. } => None,
            };
            match baseline {
                Some(fx) => fx,
                None => {
                    finished(app, done);
                    edit::after_analysis(app)
                }
            }
        }
        Msg::Saved {
            path,
            typed,
            quit,
            outcome,
        } => dialog::saved(app, path, typed, quit, outcome),
        Msg::Wrote(m) => {
            app.message = Some(m);
            Vec::new()
        }
        Msg::Discarded { quit, error, done } => {
            if quit && error.is_none() {
                app.quit = true;
                return vec![Effect::Quit];
            }
            if let Some(m) = error.or(done) {
                app.message = Some(m);
            }
            if quit {
                app.quit = true;
                return vec![Effect::Quit];
            }
            Vec::new()
        }
    };
    if shown != subject(app) {
        app.detail_scroll = 0;
    }
    refresh_route(app);
    // Review mode: the card follows its gap after edits and new analyses; the plan too.
    if app.view == View::Review {
        review::walk::sync(app);
    }
    let mut fx = fx;
    fx.extend(review::plan::refresh(app));
    fx
}

fn on_key(app: &mut App, ev: KeyEvent) -> Vec<Effect> {
    if ev.kind == KeyEventKind::Release {
        return Vec::new();
    }
    let key = keymap::key_of(&ev);
    let mode = app.mode();
    if let Some(a) = app.keys.lookup(mode, key) {
        return act(app, a);
    }
    // Unbound characters are typed into an open line.
    if let KeyCode::Char(c) = ev.code
        && !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        match mode {
            Mode::Prompt => dialog::edit_line(app, LineEdit::Insert(c)),
            Mode::Search => search::edit(app, LineEdit::Insert(c)),
            Mode::Form => review::form::type_char(app, c),
            _ => {}
        }
    }
    Vec::new()
}

fn finished(app: &mut App, done: Done) {
    match done {
        Done::Analysed {
            generation,
            stage,
            analysis,
        } => {
            if generation != app.generation {
                return;
            }
            app.set_analysis(*analysis);
            app.pending = match stage {
                Stage::Quick => Some(Pending::Betweenness),
                Stage::Full => None,
            };
            if std::mem::take(&mut app.fresh) {
                tell_the_story(app);
            }
        }
        Done::Planned {
            revision,
            initiative,
            analysis,
        } => review::plan::install(app, revision, initiative, *analysis),
        Done::Laid(points) => {
            if points.len() == app.n() {
                app.graph.set_layout(Some(Arc::new(points)));
            }
        }
    }
}

/// Runs an action: the modal on top gets it first, else the view.
fn act(app: &mut App, a: Action) -> Vec<Effect> {
    let answering = matches!(app.modal, Some(Modal::Prompt(_) | Modal::Dialog(_)));
    if !answering || matches!(a, Action::PromptCancel | Action::AnswerCancel) {
        app.message = None;
    }
    match &mut app.modal {
        Some(Modal::Form(_)) => return review::form::act(app, a),
        Some(Modal::Prompt(_) | Modal::Dialog(_)) => {
            return dialog::act(app, a).unwrap_or_default();
        }
        Some(Modal::Help(scroll)) | Some(Modal::Changes(scroll)) | Some(Modal::About(scroll)) => {
            let page = app.frame.page.max(1);
            // The range of the last frame: keys typed before the overlay was first drawn
            // (a paste, a script) see an old one, so End asks for the end itself and the
            // frame clamps it.
            let max = app.frame.help_max;
            let h = (*scroll).min(max);
            *scroll = match a {
                Action::Up => h.saturating_sub(1),
                Action::Down => h.saturating_add(1).min(max),
                Action::PageUp => h.saturating_sub(page),
                Action::PageDown => h.saturating_add(page).min(max),
                Action::First => 0,
                Action::Last => u16::MAX,
                _ => *scroll,
            };
            return match a {
                Action::Help | Action::Changes | Action::About => {
                    app.modal = None;
                    Vec::new()
                }
                Action::Quit => dialog::quit(app),
                _ => Vec::new(),
            };
        }
        Some(Modal::Search(_)) => {
            match a {
                Action::SearchAccept => search::accept(app),
                Action::SearchCancel => search::cancel(app),
                Action::SearchBackspace => search::edit(app, LineEdit::Backspace),
                Action::SearchNext | Action::SearchPrev => {
                    search::step(app, a == Action::SearchNext)
                }
                Action::Quit => return dialog::quit(app),
                other => {
                    if let Some(e) = line_edit(other) {
                        search::edit(app, e);
                    }
                }
            }
            return Vec::new();
        }
        None => {}
    }
    if let Some(fx) = dialog::act(app, a) {
        return fx;
    }
    if let Some(fx) = edit::act(app, a) {
        return fx;
    }
    let n = app.n();
    match a {
        Action::Review(r) => return review::act(app, r),
        Action::Changes => app.modal = Some(Modal::Changes(0)),
        Action::Help => app.modal = Some(Modal::Help(0)),
        Action::About => app.modal = Some(Modal::About(0)),
        Action::Search => search::open(app),
        Action::Suspend => return vec![Effect::Suspend],
        Action::NextView
        | Action::PrevView
        | Action::ShowGraph
        | Action::ShowMatrix
        | Action::ShowGaps => {
            let views = [View::Graph, View::Matrix, View::Gaps];
            let i = views.iter().position(|&v| v == app.view).unwrap_or(0);
            let v = match a {
                Action::NextView => views[(i + 1) % 3],
                Action::PrevView => views[(i + 2) % 3],
                Action::ShowGraph => View::Graph,
                Action::ShowMatrix => View::Matrix,
                _ => View::Gaps,
            };
            show(app, v);
        }
        Action::ToggleDetail => app.detail_toggled = !app.detail_toggled,
        Action::DetailDown => {
            let page = (app.frame.detail_page / 2).max(1);
            app.detail_scroll = app
                .detail_scroll
                .saturating_add(page)
                .min(app.frame.detail_max);
        }
        Action::DetailUp => {
            let page = (app.frame.detail_page / 2).max(1);
            app.detail_scroll = app.detail_scroll.saturating_sub(page);
        }
        Action::NextInitiative | Action::PrevInitiative => {
            let count = app.org.initiatives.len();
            if count == 0 {
                app.message = Some("this org has no initiatives".into());
                return Vec::new();
            }
            // Cycle: all targets, then each initiative.
            let cur = app.initiative.map_or(0, |i| i + 1);
            let next = if a == Action::NextInitiative {
                (cur + 1) % (count + 1)
            } else {
                (cur + count) % (count + 1)
            };
            app.initiative = next.checked_sub(1);
            app.generation += 1;
            app.pending = Some(Pending::Analysis);
            app.message = Some(format!("initiative: {}", app.initiative_label()));
            return vec![Effect::Analyse {
                generation: app.generation,
                initiative: app.initiative_id(),
            }];
        }
        Action::FilterKind => {
            let k = app.gap_list.cycle_kind();
            refilter(app);
            app.message = Some(format!("showing {}", k.label()));
        }
        Action::FilterSeverity => {
            let s = app.gap_list.cycle_severity();
            refilter(app);
            app.message = Some(if s > 0.0 {
                format!("showing gaps of severity {s:.2} or more")
            } else {
                "showing gaps of every severity".into()
            });
        }
        Action::FilterUnit => {
            // From the graph or matrix: the selected unit's gaps, in the gap list. In the gap
            // list: a unit of the selected gap (the one shown first, unless the selected unit
            // is the other), never a unit the list does not show as selected.
            let unit = match app.current_gap() {
                Some(g) if app.view == View::Gaps => {
                    if g.to == Some(app.selected) {
                        app.selected
                    } else {
                        g.from
                    }
                }
                _ => app.selected,
            };
            let id = match app.gap_list.unit() {
                Some(_) if app.view == View::Gaps => None,
                _ => app.org.units.get(unit).map(|u| u.id.clone()),
            };
            show(app, View::Gaps);
            app.message = Some(match &id {
                Some(_) => format!("only the gaps of {}", app.derived.labels[unit]),
                None => "the gaps of every unit".into(),
            });
            app.gap_list.only_unit(id);
            refilter(app);
        }
        _ if n == 0 => {}
        Action::Back => back(app),
        Action::Activate => activate(app),
        Action::ToggleGrouping if app.view == View::Matrix => {
            if app.matrix.groups() {
                app.matrix.show_units();
            } else if app.derived.groups.is_empty() {
                app.message = Some("this org has no groups".into());
            } else {
                let g = |u: usize| app.derived.unit_group.get(u).copied().unwrap_or(0);
                let (r, c) = (g(app.selected), g(app.pair_with.unwrap_or(app.selected)));
                app.matrix.show_groups(r, c);
            }
        }
        Action::ToggleGrouping => {
            let g = app.derived.unit_group[app.selected];
            let has_groups = !app.derived.groups.is_empty();
            if !app.graph.toggle_grouping(has_groups, g) && !app.graph.laid_out() {
                app.message = Some("laying out every unit…".into());
            }
        }
        Action::FocusMore => app.graph.focus_more(),
        Action::FocusLess => app.graph.focus_less(),
        Action::ThresholdUp => app.graph.threshold_up(),
        Action::ThresholdDown => app.graph.threshold_down(),
        Action::Up
        | Action::Down
        | Action::Left
        | Action::Right
        | Action::PageUp
        | Action::PageDown
        | Action::First
        | Action::Last => move_cursor(app, a),
        _ => {}
    }
    Vec::new()
}

/// The line edit of an action, if it is one.
pub(crate) fn line_edit(a: Action) -> Option<LineEdit> {
    Some(match a {
        Action::PromptBackspace | Action::SearchBackspace => LineEdit::Backspace,
        Action::LineLeft => LineEdit::Left,
        Action::LineRight => LineEdit::Right,
        Action::LineHome => LineEdit::Home,
        Action::LineEnd => LineEdit::End,
        Action::LineDelete => LineEdit::Delete,
        Action::LineKillStart => LineEdit::KillStart,
        Action::LineKillWord => LineEdit::KillWord,
        _ => return None,
    })
}

/// After the gap list's filters changed: keep the cursor on its gap when still listed.
pub(crate) fn refilter(app: &mut App) {
    let gaps = app.gaps().to_vec();
    let visible = app.visible_gaps();
    app.gap_list.refilter(&visible, &gaps, &app.org);
}

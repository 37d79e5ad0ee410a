//! Running the real event loop without a terminal: for tests, benchmarks and demos. Events
//! come from a script, background work is done at once in this thread, and frames are drawn
//! on a `TestBackend`.

use std::collections::VecDeque;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::analysis_task::{self, Done, Job, Stage};
use super::app::App;
use super::event_loop::{self, Exit, Hooks, Incoming, Input, Next};
use super::update::{self, Effect, Msg};
use super::view;

/// A scripted input: the events of a script; jobs are done at once and their results come
/// before the next scripted event, as if the worker were instant.
#[derive(Debug, Default)]
pub struct Scripted {
    done: VecDeque<Done>,
    events: VecDeque<Event>,
}

impl Scripted {
    /// A script of terminal events.
    pub fn new(events: impl IntoIterator<Item = Event>) -> Scripted {
        Scripted {
            done: VecDeque::new(),
            events: events.into_iter().collect(),
        }
    }
}

/// What a job gives, computed at once.
pub fn run_job(job: Job) -> Vec<Done> {
    match job {
        Job::Analyse {
            generation,
            org,
            opts,
        } => [Stage::Quick, Stage::Full]
            .into_iter()
            .map(|stage| Done::Analysed {
                generation,
                stage,
                analysis: Box::new(analysis_task::analyse(&org, &opts, stage)),
            })
            .collect(),
        Job::Baseline {
            generation,
            org,
            opts,
            stage,
        } => vec![Done::Analysed {
            generation,
            stage,
            analysis: Box::new(analysis_task::analyse(&org, &opts, stage)),
        }],
        Job::Layout(net) => vec![Done::Laid(analysis_task::unit_layout(&net))],
        Job::Plan {
            revision,
            org,
            opts,
        } => vec![Done::Planned {
            revision,
            analysis: Box::new(analysis_task::plan(&org, &opts)),
            initiative: opts.initiative,
        }],
    }
}

impl Input for Scripted {
    fn next(&mut self, _tick: Option<Duration>) -> Next {
        match self.poll() {
            Some(m) => Next::Got(m),
            None => Next::Closed,
        }
    }

    fn poll(&mut self) -> Option<Incoming> {
        if let Some(d) = self.done.pop_front() {
            return Some(Incoming::Done(d));
        }
        self.events.pop_front().map(Incoming::Term)
    }

    fn submit(&mut self, job: Job) {
        self.done.extend(run_job(job));
    }
}

/// Runs the event loop on scripted events until they run out; returns whether the user quit.
/// `start`: perform the start effects first (the first run of an app).
pub fn play(
    app: &mut App,
    term: &mut Terminal<TestBackend>,
    events: impl IntoIterator<Item = Event>,
    start: bool,
) -> bool {
    let fx = if start {
        update::start(app)
    } else {
        Vec::new()
    };
    let mut input = Scripted::new(events);
    matches!(
        event_loop::run(term, app, &mut input, fx, Hooks::default()),
        Ok(Exit::Quit)
    )
}

/// Performs effects at once, in this thread, without drawing; returns whether a quit was
/// asked (benchmarks that time `update` alone).
pub fn run_effects(app: &mut App, effects: Vec<Effect>) -> bool {
    let mut quit = false;
    let mut queue = effects;
    while !queue.is_empty() {
        let mut next = Vec::new();
        for fx in queue {
            let job = match fx {
                Effect::Quit => {
                    quit = true;
                    continue;
                }
                Effect::Suspend => continue,
                Effect::Save { .. }
                | Effect::DiscardRecovery { .. }
                | Effect::WriteMinutes { .. } => {
                    if let Some(msg) = super::io::perform(&fx) {
                        next.extend(update::update(app, msg));
                    }
                    continue;
                }
                Effect::Baseline {
                    generation,
                    initiative,
                    stage,
                } => Job::Baseline {
                    generation,
                    org: app.session.original.clone(),
                    opts: app.analysis_options(initiative),
                    stage,
                },
                Effect::Analyse {
                    generation,
                    initiative,
                } => Job::Analyse {
                    generation,
                    org: app.org.clone(),
                    opts: app.analysis_options(initiative),
                },
                Effect::Layout => Job::Layout(app.derived.net.clone()),
                Effect::Plan {
                    revision,
                    initiative,
                } => Job::Plan {
                    revision,
                    org: app.org.clone(),
                    opts: app.analysis_options(initiative),
                },
            };
            for d in run_job(job) {
                next.extend(update::update(app, Msg::Done(d)));
            }
        }
        queue = next;
    }
    quit
}

/// A key event from a keymap spelling ("q", "Ctrl-c", "Tab", ...); plain text otherwise.
pub fn key(spec: &str) -> KeyEvent {
    match super::keymap::parse(spec) {
        Some(k) => {
            let mods = if k.ctrl {
                KeyModifiers::CONTROL
            } else {
                KeyModifiers::NONE
            };
            KeyEvent::new(k.code, mods)
        }
        None => KeyEvent::new(KeyCode::Null, KeyModifiers::NONE),
    }
}

/// A left click at a cell, as the terminal reports it.
pub fn click(col: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: col,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

/// A wheel turn, as the terminal reports it.
pub fn wheel(down: bool) -> Event {
    Event::Mouse(MouseEvent {
        kind: if down {
            MouseEventKind::ScrollDown
        } else {
            MouseEventKind::ScrollUp
        },
        column: 0,
        row: 0,
        modifiers: KeyModifiers::NONE,
    })
}

/// Draws the app on a terminal and stores what the frame learned, as the loop does.
pub fn draw<B: ratatui::backend::Backend>(app: &mut App, term: &mut Terminal<B>) {
    let mut info = view::FrameInfo::default();
    let _ = term.draw(|f| info = view::draw(app, f));
    app.frame = info;
}

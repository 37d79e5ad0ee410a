//! Running the real update loop without a terminal: for tests, benchmarks and demos.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::analysis_task::{self, Done, Stage};
use super::app::App;
use super::update::{self, Effect, Msg};
use super::view;

/// Performs effects at once, in this thread; returns whether a quit was asked.
pub fn run_effects(app: &mut App, effects: Vec<Effect>) -> bool {
    let mut quit = false;
    let mut queue = effects;
    while !queue.is_empty() {
        let mut next = Vec::new();
        for fx in queue {
            let done = match fx {
                Effect::Quit => {
                    quit = true;
                    continue;
                }
                Effect::Suspend => continue,
                Effect::Save { .. } | Effect::DiscardRecovery { .. } => {
                    if let Some(msg) = super::io::perform(&fx) {
                        next.extend(update::update(app, msg));
                    }
                    continue;
                }
                Effect::Baseline {
                    generation,
                    initiative,
                    stage,
                } => vec![Done::Analysed {
                    generation,
                    stage,
                    analysis: Box::new(analysis_task::analyse(
                        &app.session.original,
                        initiative,
                        stage,
                    )),
                }],
                Effect::Analyse {
                    generation,
                    initiative,
                } => vec![
                    Done::Analysed {
                        generation,
                        stage: Stage::Quick,
                        analysis: Box::new(analysis_task::analyse(
                            &app.org,
                            initiative.clone(),
                            Stage::Quick,
                        )),
                    },
                    Done::Analysed {
                        generation,
                        stage: Stage::Full,
                        analysis: Box::new(analysis_task::analyse(
                            &app.org,
                            initiative,
                            Stage::Full,
                        )),
                    },
                ],
                Effect::Layout => vec![Done::Laid(analysis_task::unit_layout(&app.net))],
            };
            for d in done {
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

/// Draws the app on a test terminal and stores what the frame learned, as the loop does.
pub fn draw(app: &mut App, term: &mut Terminal<TestBackend>) {
    let mut info = view::FrameInfo::default();
    let _ = term.draw(|f| info = view::draw(app, f));
    app.frame = info;
}

/// Sends messages through `update`, drawing after each as the loop does; returns whether the
/// app asked to quit.
pub fn run(app: &mut App, term: &mut Terminal<TestBackend>, msgs: Vec<Msg>) -> bool {
    let start = update::start(app);
    let mut quit = run_effects(app, start);
    draw(app, term);
    for m in msgs {
        let fx = update::update(app, m);
        quit |= run_effects(app, fx);
        draw(app, term);
    }
    quit
}

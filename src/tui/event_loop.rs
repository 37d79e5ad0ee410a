//! The one event loop: draws, waits for input (keys, mouse, resize, finished work, signals),
//! maps it to messages for `update`, and performs the effects. It is generic over where the
//! input comes from ([`Input`]): the terminal (`terminal::run`) and scripted tests
//! (`script::Scripted`) run this same code, key and mouse mapping included.

use std::collections::VecDeque;
use std::io;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, MouseButton, MouseEventKind};

use super::analysis_task::{Done, Job};
use super::app::App;
use super::update::{self, Effect, Msg};
use super::{dialog, io as file_io, recover, view};

/// How often the spinner moves while something is being computed.
pub const TICK: Duration = Duration::from_millis(100);

/// Something the loop waits for.
#[derive(Debug)]
pub enum Incoming {
    /// A terminal event: key, mouse, resize.
    Term(Event),
    /// Finished background work.
    Done(Done),
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT.
    Signal(i32),
    /// The keyboard cannot be read.
    InputError(String),
}

/// What waiting gave.
#[derive(Debug)]
pub enum Next {
    /// Something came.
    Got(Incoming),
    /// Nothing within the tick.
    Idle,
    /// Nothing will come any more.
    Closed,
}

/// Where the loop's input comes from, and where its background work goes.
pub trait Input {
    /// Waits for the next input; at most `tick` when given (then [`Next::Idle`]).
    fn next(&mut self, tick: Option<Duration>) -> Next;
    /// The next input if one is waiting already.
    fn poll(&mut self) -> Option<Incoming>;
    /// Hands a job (analysis, layout) to the worker; its result comes back as input.
    fn submit(&mut self, job: Job);
    /// Ctrl-z: give the terminal back, stop, and take it again on resume. Returns whether
    /// the whole screen must be repainted.
    fn suspend(&mut self) -> io::Result<bool> {
        Ok(false)
    }
    /// A terminating signal arrived (the terminal's input only).
    fn signal(&mut self, app: &App, signal: i32) {
        let _ = (app, signal);
    }
}

/// Test-only behaviour, off in normal use.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hooks {
    /// Saving panics (to test that a panic keeps unsaved edits).
    pub panic_on_save: bool,
}

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// The input ended (a script ran out).
    Closed,
}

fn other<E: std::fmt::Display>(e: E) -> io::Error {
    io::Error::other(e.to_string())
}

/// The message a terminal event means, if any.
pub fn message(ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(k) => Some(Msg::Key(k)),
        Event::Mouse(me) => match me.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click {
                col: me.column,
                row: me.row,
            }),
            MouseEventKind::ScrollDown => Some(Msg::Wheel { down: true }),
            MouseEventKind::ScrollUp => Some(Msg::Wheel { down: false }),
            _ => None,
        },
        _ => None,
    }
}

/// Performs effects (and the effects of their answers) in order; returns whether the user
/// quit.
fn perform<B: Backend, I: Input>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    input: &mut I,
    effects: Vec<Effect>,
    hooks: Hooks,
) -> io::Result<bool> {
    let mut queue = VecDeque::from(effects);
    while let Some(fx) = queue.pop_front() {
        match fx {
            Effect::Quit => return Ok(true),
            Effect::Save { .. } if hooks.panic_on_save => {
                panic!("a test asked saving to panic")
            }
            Effect::Save { .. } | Effect::DiscardRecovery { .. } | Effect::WriteMinutes { .. } => {
                if let Some(msg) = file_io::perform(&fx) {
                    queue.extend(update::update(app, msg));
                }
            }
            Effect::Baseline {
                generation,
                initiative,
                stage,
            } => input.submit(Job::Baseline {
                generation,
                org: app.session.original.clone(),
                opts: app.analysis_options(initiative),
                stage,
            }),
            Effect::Suspend => {
                if input.suspend()? {
                    // Repaint every cell on the next draw.
                    let size = terminal.size().map_err(other)?;
                    terminal
                        .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
                        .map_err(other)?;
                }
            }
            Effect::Analyse {
                generation,
                initiative,
            } => input.submit(Job::Analyse {
                generation,
                org: app.org.clone(),
                opts: app.analysis_options(initiative),
            }),
            Effect::Layout => input.submit(Job::Layout(app.derived.net.clone())),
            Effect::Plan {
                revision,
                initiative,
            } => input.submit(Job::Plan {
                revision,
                org: app.org.clone(),
                opts: app.analysis_options(initiative),
            }),
        }
    }
    Ok(false)
}

/// Runs the screen: performs `effects` first (the start effects on the first run), then
/// draws and answers input until the user quits or the input ends. Each message's effects
/// are performed before the next message (a save's answer comes before the next key);
/// the screen is drawn when no input is waiting.
pub fn run<B: Backend, I: Input>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    input: &mut I,
    effects: Vec<Effect>,
    hooks: Hooks,
) -> io::Result<Exit> {
    let mut published = (app.session.history.revision(), dialog::unsaved(app));
    if perform(terminal, app, input, effects, hooks)? {
        return Ok(Exit::Quit);
    }
    loop {
        let now = (app.session.history.revision(), dialog::unsaved(app));
        if now != published {
            recover::publish(app);
            published = now;
        }
        let mut info = view::FrameInfo::default();
        terminal
            .draw(|f| info = view::draw(app, f))
            .map_err(other)?;
        app.frame = info;
        let first = match input.next(app.pending.is_some().then_some(TICK)) {
            Next::Got(m) => m,
            Next::Idle => {
                let fx = update::update(app, Msg::Tick);
                if perform(terminal, app, input, fx, hooks)? {
                    return Ok(Exit::Quit);
                }
                continue;
            }
            Next::Closed => return Ok(Exit::Closed),
        };
        // Answer everything that is waiting before drawing again.
        let mut waiting = Some(first);
        while let Some(m) = waiting.take().or_else(|| input.poll()) {
            let msg = match m {
                Incoming::Term(Event::Resize(..)) => {
                    terminal.autoresize().map_err(other)?;
                    continue;
                }
                Incoming::Term(ev) => match message(ev) {
                    Some(msg) => msg,
                    None => continue,
                },
                Incoming::Done(d) => Msg::Done(d),
                Incoming::Signal(s) => {
                    input.signal(app, s);
                    continue;
                }
                Incoming::InputError(e) => {
                    return Err(io::Error::other(format!("cannot read the keyboard: {e}")));
                }
            };
            let fx = update::update(app, msg);
            if perform(terminal, app, input, fx, hooks)? {
                return Ok(Exit::Quit);
            }
        }
    }
}

//! The form in the terminal: the screen's terminal setup and restore (`tui::terminal`),
//! keys and signals on one channel, the form kept after every change, and submission.
//! Every terminating signal the screen handles (`tui::terminal::terminating_signals`: SIGHUP
//! for a dropped link, SIGTERM, SIGINT, SIGQUIT, SIGUSR1, ...) restores the terminal and exits
//! with 128 + the signal number; every answer typed is already kept by then. SIGXFSZ is
//! ignored, so a submission over `ulimit -f` fails with a message instead of a killed form.

use std::io;
use std::sync::mpsc;

use ratatui::crossterm::event::{Event, KeyEventKind};
use signal_hook::consts::SIGTSTP;

use super::form::{Form, Outcome};
use super::keep::Keeper;
use super::view::{self, Look};
use crate::tui::event_loop::Incoming;
use crate::tui::terminal::{Screen, enter, forward_input, forward_signals, open, restore};

/// How the form ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ended {
    /// The last answers were submitted (nothing typed since).
    pub submitted: bool,
    /// Answers were submitted at least once.
    pub ever_submitted: bool,
}

/// Runs the form until the respondent leaves. `submit` writes the answers and says what it
/// did (or why it could not).
pub fn run(
    mut form: Form,
    look: &Look,
    keeper: &Keeper,
    submit: &mut dyn FnMut(&Form) -> Result<String, String>,
) -> io::Result<Ended> {
    let (tx, rx) = mpsc::channel::<Incoming>();
    forward_signals(tx.clone())?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    let mut terminal = open()?;
    forward_input(tx);
    let result = answer(&mut terminal, &mut form, look, keeper, submit, &rx);
    restore();
    result
}

fn answer(
    terminal: &mut Screen,
    form: &mut Form,
    look: &Look,
    keeper: &Keeper,
    submit: &mut dyn FnMut(&Form) -> Result<String, String>,
    rx: &mpsc::Receiver<Incoming>,
) -> io::Result<Ended> {
    let mut ended = Ended {
        submitted: false,
        ever_submitted: false,
    };
    loop {
        let mut drawn = view::Drawn::default();
        terminal.draw(|f| drawn = view::draw(form, look, f))?;
        form.page = drawn.page;
        let Ok(msg) = rx.recv() else {
            return Ok(ended);
        };
        let key = match msg {
            Incoming::Term(Event::Key(k)) if k.kind != KeyEventKind::Release => k,
            Incoming::Term(Event::Resize(..)) => {
                terminal.autoresize()?;
                continue;
            }
            Incoming::Term(_) | Incoming::Done(_) => continue,
            Incoming::Signal(s) => {
                let kept = keep(form, keeper, ended.submitted);
                restore();
                if let Some(Err(e)) = kept {
                    eprintln!("gapscope: could not keep the form: {e}");
                } else if !ended.submitted {
                    eprintln!(
                        "gapscope: the form is kept in {}; run the same `gapscope rate` again to go on",
                        keeper.path().display()
                    );
                }
                std::process::exit(128 + s);
            }
            Incoming::InputError(e) => {
                return Err(io::Error::other(format!("cannot read the keyboard: {e}")));
            }
        };
        match form.key(key) {
            Outcome::Nothing => {}
            Outcome::Changed => {
                ended.submitted = false;
                if let Some(Err(e)) = keep(form, keeper, false) {
                    form.say(format!("could not keep the form: {e}"), true);
                }
            }
            Outcome::Suspend => {
                restore();
                let _ = signal_hook::low_level::raise(SIGTSTP);
                enter()?;
                terminal.clear()?;
            }
            Outcome::Submit => {
                // Say so first: another submission may hold the lock for a while.
                form.say("submitting...", false);
                terminal.draw(|f| drawn = view::draw(form, look, f))?;
                match submit(form) {
                    Ok(said) => {
                        ended.submitted = true;
                        ended.ever_submitted = true;
                        let _ = keeper.discard();
                        form.say(said, false);
                    }
                    Err(e) => form.say(e, true),
                }
            }
            Outcome::Quit => return Ok(ended),
        }
    }
}

/// Keeps the form unless it was just submitted; `None` when nothing needed keeping.
fn keep(form: &Form, keeper: &Keeper, submitted: bool) -> Option<io::Result<()>> {
    (!submitted).then(|| keeper.write(form))
}

//! All terminal IO: raw mode, the alternate screen, mouse, the panic hook, signals, suspend,
//! and the terminal's input for the one event loop (`event_loop`).

use std::io::{self, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use super::analysis_task::{self, Job};
use super::app::App;
use super::event_loop::{self, Hooks, Incoming, Input, Next};
use super::recover;
use super::update;

/// Switches the terminal to the screen: raw mode, alternate screen, mouse, hidden cursor.
pub fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
}

/// Gives the terminal back as it was. Safe to call more than once, and from a panic.
pub fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = io::stdout().flush();
}

/// On a panic in any thread: writes the unsaved edits to the recovery file (never blocking),
/// restores the terminal, says where the edits are, prints the default panic message, and
/// exits with status 101.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let kept = recover::write_latest();
        restore();
        report_recovery(kept);
        previous(info);
        // A panic in a worker thread would leave the screen running on a restored terminal:
        // end the process (as an unwinding main thread would) now that the edits are kept.
        std::process::exit(101);
    }));
}

/// Tells on standard error where unsaved edits were left (after the terminal is restored).
fn report_recovery(kept: Option<Result<std::path::PathBuf, crate::store::SaveError>>) {
    match kept {
        Some(Ok(path)) => eprintln!(
            "gapscope: unsaved edits kept in {}; the next start offers to restore them",
            path.display()
        ),
        Some(Err(e)) => eprintln!("gapscope: could not keep the unsaved edits: {e}"),
        None => {}
    }
}

/// Set to 1 by tests only: saving panics, to test that a panic keeps unsaved edits. Read
/// only by debug builds (the ones `cargo test` runs); a release build never looks at it.
pub const TEST_PANIC_ENV: &str = "GAPSCOPE_TEST_PANIC_ON_SAVE";

/// The test-only hooks: off in release builds, whatever the environment says.
fn test_hooks() -> Hooks {
    Hooks {
        panic_on_save: cfg!(debug_assertions)
            && std::env::var(TEST_PANIC_ENV).is_ok_and(|v| v == "1"),
    }
}

/// The terminal's input: one channel fed by the input thread, the signal thread and the
/// analysis worker.
struct TerminalInput {
    rx: mpsc::Receiver<Incoming>,
    jobs: mpsc::Sender<Job>,
}

impl Input for TerminalInput {
    fn next(&mut self, tick: Option<Duration>) -> Next {
        match tick {
            Some(t) => match self.rx.recv_timeout(t) {
                Ok(m) => Next::Got(m),
                Err(RecvTimeoutError::Timeout) => Next::Idle,
                Err(RecvTimeoutError::Disconnected) => Next::Closed,
            },
            None => match self.rx.recv() {
                Ok(m) => Next::Got(m),
                Err(_) => Next::Closed,
            },
        }
    }

    fn poll(&mut self) -> Option<Incoming> {
        self.rx.try_recv().ok()
    }

    fn submit(&mut self, job: Job) {
        let _ = self.jobs.send(job);
    }

    fn suspend(&mut self) -> io::Result<bool> {
        restore();
        let _ = signal_hook::low_level::raise(SIGTSTP);
        enter()?;
        Ok(true)
    }

    /// SIGHUP, SIGTERM, SIGINT, SIGQUIT: writes unsaved edits to the recovery file, restores
    /// the terminal and exits with 128 + the signal number.
    fn signal(&mut self, app: &App, s: i32) {
        let kept = recover::Unsaved::of(app).map(|u| u.write());
        restore();
        report_recovery(kept);
        std::process::exit(128 + s);
    }
}

/// Runs the screen until the user quits. SIGHUP, SIGTERM, SIGINT and SIGQUIT write unsaved edits to the
/// recovery file, restore the terminal and exit with 128 + the signal number.
pub fn run(mut app: App) -> io::Result<()> {
    let hooks = test_hooks();
    let (tx, rx) = mpsc::channel::<Incoming>();
    let jobs = analysis_task::spawn(tx.clone(), Incoming::Done);
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    let sig_tx = tx.clone();
    std::thread::spawn(move || {
        for s in signals.forever() {
            if sig_tx.send(Incoming::Signal(s)).is_err() {
                break;
            }
        }
    });
    install_panic_hook();
    enter()?;
    // The terminal is set up before the input thread starts: setting it up may read the
    // terminal's answers (the cursor position), which that thread would otherwise take.
    let mut terminal = match Terminal::new(CrosstermBackend::new(io::stdout())) {
        Ok(t) => t,
        Err(e) => {
            restore();
            return Err(e);
        }
    };
    let input_tx = tx;
    std::thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(ev) => Incoming::Term(ev),
                Err(e) => Incoming::InputError(e.to_string()),
            };
            let stop = matches!(msg, Incoming::InputError(_));
            if input_tx.send(msg).is_err() || stop {
                break;
            }
        }
    });
    recover::publish(&app);
    let mut input = TerminalInput { rx, jobs };
    let start = update::start(&mut app);
    let result = event_loop::run(&mut terminal, &mut app, &mut input, start, hooks);
    restore();
    result.map(|_| ())
}

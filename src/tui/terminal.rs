//! All terminal IO: raw mode, the alternate screen, mouse, the panic hook, signals, suspend,
//! and the terminal's input for the one event loop (`event_loop`).

use std::io::{self, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::SIGTSTP;
use signal_hook::iterator::Signals;

use super::analysis_task::{self, Job};
use super::app::App;
use super::event_loop::{self, Hooks, Incoming, Input, Next};
use super::output::Compact;
use super::recover;
use super::update;

/// The terminal's echo turned off while a file loads, so keys typed meanwhile are not echoed
/// over the shell as `^[[C` (they stay queued for the screen). Restored when dropped; drop it
/// before [`enter`], which saves the terminal's settings to restore at the end.
pub(crate) struct QuietInput {
    #[cfg(unix)]
    tty: std::fs::File,
    #[cfg(unix)]
    saved: libc::termios,
}

/// Turns off echo on the controlling terminal (`/dev/tty`), if there is one.
pub(crate) fn quiet_input() -> Option<QuietInput> {
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let tty = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .ok()?;
        let fd = tty.as_raw_fd();
        // SAFETY: termios is plain data; tcgetattr fills it or fails, checked below.
        let mut saved: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(fd, &mut saved) } != 0 {
            return None;
        }
        let mut quiet = saved;
        quiet.c_lflag &= !(libc::ECHO | libc::ECHONL);
        // SAFETY: a valid fd and a termios read from it.
        if unsafe { libc::tcsetattr(fd, libc::TCSANOW, &quiet) } != 0 {
            return None;
        }
        Some(QuietInput { tty, saved })
    }
    #[cfg(not(unix))]
    {
        None
    }
}

impl Drop for QuietInput {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            use std::os::fd::AsRawFd;
            // SAFETY: the fd is open (owned by self) and `saved` came from it.
            unsafe {
                libc::tcsetattr(self.tty.as_raw_fd(), libc::TCSANOW, &self.saved);
            }
        }
    }
}

/// Switches the terminal to the screen: raw mode, alternate screen, mouse, hidden cursor.
pub(crate) fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
}

/// Gives the terminal back as it was. Safe to call more than once, and from a panic.
pub(crate) fn restore() {
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
            crate::store::shown(&path)
        ),
        Some(Err(e)) => eprintln!("gapscope: could not keep the unsaved edits: {e}"),
        None => {}
    }
}

/// Every signal whose default action ends the process and that can be caught: each one
/// restores the terminal and keeps the unsaved edits (SIGKILL and SIGSTOP cannot be caught;
/// SIGSEGV, SIGBUS, SIGILL and SIGFPE are faults; SIGPIPE is ignored by Rust; SIGXFSZ is
/// ignored, see `store::ignore_file_size_signal`).
pub(crate) fn terminating_signals() -> Vec<i32> {
    use signal_hook::consts::signal::*;
    #[allow(unused_mut)]
    let mut list = vec![
        SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGIO,
        SIGXCPU, SIGSYS, SIGTRAP,
    ];
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        list.extend([libc::SIGPWR, libc::SIGSTKFLT]);
        list.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    }
    list
}

/// Set to 1 by tests only: saving panics, to test that a panic keeps unsaved edits. Read
/// only by debug builds (the ones `cargo test` runs); a release build never looks at it.
pub(crate) const TEST_PANIC_ENV: &str = "GAPSCOPE_TEST_PANIC_ON_SAVE";

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

    /// Any terminating signal ([`terminating_signals`]): writes unsaved edits to the recovery file, restores
    /// the terminal and exits with 128 + the signal number.
    fn signal(&mut self, app: &App, s: i32) {
        let kept = recover::Unsaved::of(app).map(|u| u.write());
        restore();
        report_recovery(kept);
        std::process::exit(128 + s);
    }
}

/// Sends every terminating signal ([`terminating_signals`]) to `tx` as
/// [`Incoming::Signal`], from a thread of its own; SIGXFSZ is ignored, so a write past
/// `ulimit -f` fails with an error instead of ending the process.
pub(crate) fn forward_signals(tx: mpsc::Sender<Incoming>) -> io::Result<()> {
    crate::store::ignore_file_size_signal();
    let mut signals = Signals::new(terminating_signals())?;
    std::thread::spawn(move || {
        for s in signals.forever() {
            if tx.send(Incoming::Signal(s)).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// The ratatui terminal of the screen and the rating form: the compact output layer
/// ([`super::output`]) on standard output.
pub(crate) type Screen = Terminal<Compact<io::Stdout>>;

/// Enters the alternate screen in raw mode and builds the ratatui terminal; restores the
/// terminal when that fails. Call before [`forward_input`]: setting up may read the
/// terminal's answers (the cursor position), which the input thread would otherwise take.
pub(crate) fn open() -> io::Result<Screen> {
    enter()?;
    Compact::new(io::stdout())
        .and_then(Terminal::new)
        .inspect_err(|_| restore())
}

/// Sends keys, mouse events and resizes to `tx` from a thread of their own; a keyboard that
/// cannot be read is sent once as [`Incoming::InputError`] and ends the thread.
pub(crate) fn forward_input(tx: mpsc::Sender<Incoming>) {
    std::thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(ev) => Incoming::Term(ev),
                Err(e) => Incoming::InputError(e.to_string()),
            };
            let stop = matches!(msg, Incoming::InputError(_));
            if tx.send(msg).is_err() || stop {
                break;
            }
        }
    });
}

/// Runs the screen until the user quits. Every terminating signal ([`terminating_signals`]:
/// SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGUSR1, SIGALRM, ...) writes unsaved edits to the
/// recovery file, restores the terminal and exits with 128 + the signal number.
pub(crate) fn run(mut app: App) -> io::Result<()> {
    let hooks = test_hooks();
    let (tx, rx) = mpsc::channel::<Incoming>();
    let jobs = analysis_task::spawn(tx.clone(), Incoming::Done);
    forward_signals(tx.clone())?;
    install_panic_hook();
    let mut terminal = open()?;
    forward_input(tx);
    recover::publish(&app);
    let mut input = TerminalInput { rx, jobs };
    let start = update::start(&mut app);
    let result = event_loop::run(&mut terminal, &mut app, &mut input, start, hooks);
    restore();
    result.map(|_| ())
}

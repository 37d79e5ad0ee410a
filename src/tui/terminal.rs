//! All terminal IO: raw mode, the alternate screen, mouse, the panic hook, signals, suspend,
//! and the event loop that feeds `update` and runs its effects.

use std::io::{self, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::SIGTSTP;
use signal_hook::iterator::Signals;

use super::analysis_task::{self, Done, Job};
use super::app::App;
use super::update::{self, Effect, Msg};
use super::view;
use super::{dialog, io as file_io, recover};

/// How often the spinner moves while something is being computed.
const TICK: Duration = Duration::from_millis(100);

/// What the loop waits for.
enum Incoming {
    Term(Event),
    Done(Done),
    Signal(i32),
    InputError(String),
}

/// The terminal's echo turned off while a file loads, so keys typed meanwhile are not echoed
/// over the shell as `^[[C` (they stay queued for the screen). Restored when dropped; drop it
/// before [`enter`], which saves the terminal's settings to restore at the end.
pub struct QuietInput {
    #[cfg(unix)]
    tty: std::fs::File,
    #[cfg(unix)]
    saved: libc::termios,
}

/// Turns off echo on the controlling terminal (`/dev/tty`), if there is one.
pub fn quiet_input() -> Option<QuietInput> {
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
pub fn terminating_signals() -> Vec<i32> {
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

/// Set to 1 by tests only: saving panics, to test that a panic keeps unsaved edits.
pub const TEST_PANIC_ENV: &str = "GAPSCOPE_TEST_PANIC_ON_SAVE";

/// Runs the screen until the user quits. Every terminating signal ([`terminating_signals`]:
/// SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGUSR1, SIGALRM, ...) writes unsaved edits to the
/// recovery file, restores the terminal and exits with 128 + the signal number.
pub fn run(mut app: App) -> io::Result<()> {
    let panic_on_save = std::env::var(TEST_PANIC_ENV).is_ok_and(|v| v == "1");
    let (tx, rx) = mpsc::channel::<Incoming>();
    let jobs = analysis_task::spawn(tx.clone(), Incoming::Done);
    crate::store::ignore_file_size_signal();
    let mut signals = Signals::new(terminating_signals())?;
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
    let terminal = match Terminal::new(CrosstermBackend::new(io::stdout())) {
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
    let result = event_loop(terminal, &mut app, &rx, &jobs, panic_on_save);
    restore();
    result
}

/// Makes the next draw repaint every cell (after a suspend). `Terminal::clear` would ask the
/// terminal for the cursor position, whose answer the input thread would take.
fn redraw_all(terminal: &mut Terminal<CrosstermBackend<io::Stdout>>) -> io::Result<()> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

fn event_loop(
    mut terminal: Terminal<CrosstermBackend<io::Stdout>>,
    app: &mut App,
    rx: &mpsc::Receiver<Incoming>,
    jobs: &mpsc::Sender<Job>,
    panic_on_save: bool,
) -> io::Result<()> {
    let mut effects = update::start(app);
    let mut published = (app.session.history.revision(), dialog::unsaved(app));
    loop {
        let mut queue = std::collections::VecDeque::from(std::mem::take(&mut effects));
        while let Some(fx) = queue.pop_front() {
            match fx {
                Effect::Quit => return Ok(()),
                Effect::Save { .. } if panic_on_save => {
                    panic!("{TEST_PANIC_ENV} is set: a test asked saving to panic")
                }
                Effect::Save { .. } | Effect::DiscardRecovery { .. } => {
                    if let Some(msg) = file_io::perform(&fx) {
                        queue.extend(update::update(app, msg));
                    }
                }
                Effect::Baseline {
                    generation,
                    initiative,
                    stage,
                } => {
                    let _ = jobs.send(Job::Baseline {
                        generation,
                        org: app.session.original.clone(),
                        initiative,
                        stage,
                    });
                }
                Effect::Suspend => {
                    restore();
                    let _ = signal_hook::low_level::raise(SIGTSTP);
                    enter()?;
                    redraw_all(&mut terminal)?;
                }
                Effect::Analyse {
                    generation,
                    initiative,
                } => {
                    let _ = jobs.send(Job::Analyse {
                        generation,
                        org: app.org.clone(),
                        initiative,
                    });
                }
                Effect::Layout => {
                    let _ = jobs.send(Job::Layout(app.net.clone()));
                }
            }
        }
        let now = (app.session.history.revision(), dialog::unsaved(app));
        if now != published {
            recover::publish(app);
            published = now;
        }
        let mut info = view::FrameInfo::default();
        terminal.draw(|f| info = view::draw(app, f))?;
        app.frame = info;
        let first = if app.pending.is_some() {
            match rx.recv_timeout(TICK) {
                Ok(m) => Some(m),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        } else {
            match rx.recv() {
                Ok(m) => Some(m),
                Err(_) => return Ok(()),
            }
        };
        let Some(first) = first else {
            effects.extend(update::update(app, Msg::Tick));
            continue;
        };
        // Answer everything that is waiting before drawing again.
        for m in std::iter::once(first).chain(rx.try_iter()) {
            let msg = match m {
                Incoming::Term(Event::Key(k)) => Msg::Key(k),
                Incoming::Term(Event::Mouse(me)) => match me.kind {
                    MouseEventKind::Down(MouseButton::Left) => Msg::Click {
                        col: me.column,
                        row: me.row,
                    },
                    MouseEventKind::ScrollDown => Msg::Wheel { down: true },
                    MouseEventKind::ScrollUp => Msg::Wheel { down: false },
                    _ => continue,
                },
                Incoming::Term(Event::Resize(..)) => {
                    terminal.autoresize()?;
                    continue;
                }
                Incoming::Term(_) => continue,
                Incoming::Done(d) => Msg::Done(d),
                Incoming::Signal(s) => {
                    let kept = recover::Unsaved::of(app).map(|u| u.write());
                    restore();
                    report_recovery(kept);
                    std::process::exit(128 + s);
                }
                Incoming::InputError(e) => {
                    return Err(io::Error::other(format!("cannot read the keyboard: {e}")));
                }
            };
            effects.extend(update::update(app, msg));
        }
    }
}

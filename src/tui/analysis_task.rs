//! Every call into `analysis` and `layout` the screen makes, and the worker thread that runs them.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError};

use crate::analysis::{self, Analysis, BetweennessMode, Options, Path};
use crate::layout::{self, Point};
use crate::model::{Network, Org};

/// Which pass of the analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Gaps and metrics without betweenness: quick at any size.
    Quick,
    /// Everything, betweenness included.
    Full,
}

/// Analyses an org for the screen.
pub fn analyse(org: &Org, initiative: Option<String>, stage: Stage) -> Analysis {
    let opts = Options {
        initiative,
        betweenness: match stage {
            Stage::Quick => BetweennessMode::Skip,
            Stage::Full => BetweennessMode::Auto,
        },
        ..Options::default()
    };
    analysis::analyse(org, &opts)
}

/// Positions of every unit for the ungrouped graph view.
pub fn unit_layout(net: &Network) -> Vec<Point> {
    layout::auto(net.n, &net.pairs)
}

/// The best route between two units: the widest path (strongest weakest link).
pub fn best_route(net: &Network, a: usize, b: usize) -> Option<Path> {
    analysis::paths::widest(net, a, b)
}

/// Work for the worker thread.
#[derive(Debug, Clone)]
pub enum Job {
    /// Analyse for an initiative; results carry the generation.
    Analyse {
        /// Generation of the request.
        generation: u64,
        /// The document.
        org: Arc<Org>,
        /// Initiative id.
        initiative: Option<String>,
    },
    /// Lay out every unit.
    Layout(Arc<Network>),
    /// Analyse the document as loaded for the what-if (gaps only: the quick pass).
    Baseline {
        /// Generation of the request.
        generation: u64,
        /// The document as loaded.
        org: Arc<Org>,
        /// Initiative id.
        initiative: Option<String>,
    },
}

/// A finished piece of work.
#[derive(Debug)]
pub enum Done {
    /// An analysis pass.
    Analysed {
        /// Generation of the request.
        generation: u64,
        /// Which pass.
        stage: Stage,
        /// The result.
        analysis: Box<Analysis>,
    },
    /// The unit layout.
    Laid(Vec<Point>),
}

/// Runs jobs until the job channel closes. A newer analysis request cancels the full pass of
/// an older one; each result goes through `send` (which returns false once nobody listens).
pub fn work(jobs: Receiver<Job>, send: impl Fn(Done) -> bool) {
    let mut queue: Vec<Job> = Vec::new();
    loop {
        if queue.is_empty() {
            match jobs.recv() {
                Ok(j) => queue.push(j),
                Err(_) => return,
            }
        }
        loop {
            match jobs.try_recv() {
                Ok(j) => queue.push(j),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => break,
            }
        }
        // Only the newest analysis request matters.
        if let Some(last) = queue.iter().rposition(|j| matches!(j, Job::Analyse { .. })) {
            let mut i = 0;
            queue.retain(|j| {
                let keep = !matches!(j, Job::Analyse { .. }) || i == last;
                i += 1;
                keep
            });
        }
        let job = queue.remove(0);
        let alive = match job {
            Job::Analyse {
                generation,
                org,
                initiative,
            } => {
                let quick = analyse(&org, initiative.clone(), Stage::Quick);
                let ok = send(Done::Analysed {
                    generation,
                    stage: Stage::Quick,
                    analysis: Box::new(quick),
                });
                // Lay out before the slow pass, so the graph appears early.
                let mut rest = Vec::new();
                for j in std::mem::take(&mut queue) {
                    match j {
                        Job::Layout(net) => {
                            if !send(Done::Laid(unit_layout(&net))) {
                                return;
                            }
                        }
                        other => rest.push(other),
                    }
                }
                queue = rest;
                while let Ok(j) = jobs.try_recv() {
                    queue.push(j);
                }
                if ok && !queue.iter().any(|j| matches!(j, Job::Analyse { .. })) {
                    let full = analyse(&org, initiative, Stage::Full);
                    send(Done::Analysed {
                        generation,
                        stage: Stage::Full,
                        analysis: Box::new(full),
                    })
                } else {
                    ok
                }
            }
            Job::Layout(net) => send(Done::Laid(unit_layout(&net))),
            Job::Baseline {
                generation,
                org,
                initiative,
            } => send(Done::Analysed {
                generation,
                stage: Stage::Quick,
                analysis: Box::new(analyse(&org, initiative, Stage::Quick)),
            }),
        };
        if !alive {
            return;
        }
    }
}

/// Starts the worker thread; results go to `out` wrapped by `wrap`.
pub fn spawn<M: Send + 'static>(out: Sender<M>, wrap: fn(Done) -> M) -> Sender<Job> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || work(rx, |d| out.send(wrap(d)).is_ok()));
    tx
}

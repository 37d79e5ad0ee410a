//! Every call into `analysis` and `layout` the screen makes, and the worker thread that runs them.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};

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
    /// Analyse the what-if's baseline: the document as loaded (gaps only: the quick pass),
    /// or OLD of `--compare` (the full pass, for its betweenness).
    Baseline {
        /// Generation of the request.
        generation: u64,
        /// The document as loaded, or OLD.
        org: Arc<Org>,
        /// Initiative id.
        initiative: Option<String>,
        /// Which pass.
        stage: Stage,
    },
    /// Review mode's plan: the org as planned, analysed (quick pass).
    Plan {
        /// The document revision it is for.
        revision: u64,
        /// The document (the plan is applied on the worker).
        org: Arc<Org>,
        /// Initiative id.
        initiative: Option<String>,
    },
}

/// The plan of a document revision, analysed (see `Job::Plan`).
pub fn plan(org: &Org, initiative: Option<String>) -> Analysis {
    analyse(&analysis::plan::planned(org), initiative, Stage::Quick)
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
    /// Review mode's plan, analysed.
    Planned {
        /// The document revision it is for.
        revision: u64,
        /// Initiative id.
        initiative: Option<String>,
        /// The planned org's analysis.
        analysis: Box<Analysis>,
    },
}

/// Runs jobs until the job channel closes: quick passes and layouts here, full passes on a
/// second thread that always takes the newest request, so a new initiative's gaps arrive at
/// once even while an older exact betweenness is still running. Each result goes through
/// `send` (which returns false once nobody listens).
pub fn work(jobs: Receiver<Job>, send: impl Fn(Done) -> bool + Clone + Send + 'static) {
    let (full_tx, full_rx) = std::sync::mpsc::channel::<(u64, Arc<Org>, Option<String>)>();
    let send_full = send.clone();
    std::thread::spawn(move || {
        while let Ok(mut job) = full_rx.recv() {
            while let Ok(newer) = full_rx.try_recv() {
                job = newer;
            }
            let (generation, org, initiative) = job;
            let full = analyse(&org, initiative, Stage::Full);
            let done = Done::Analysed {
                generation,
                stage: Stage::Full,
                analysis: Box::new(full),
            };
            if !send_full(done) {
                return;
            }
        }
    });
    let mut queue: Vec<Job> = Vec::new();
    loop {
        if queue.is_empty() {
            match jobs.recv() {
                Ok(j) => queue.push(j),
                Err(_) => return,
            }
        }
        while let Ok(j) = jobs.try_recv() {
            queue.push(j);
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
        let alive = match queue.remove(0) {
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
                ok && full_tx.send((generation, org, initiative)).is_ok()
            }
            Job::Layout(net) => send(Done::Laid(unit_layout(&net))),
            Job::Plan {
                revision,
                org,
                initiative,
            } => send(Done::Planned {
                revision,
                analysis: Box::new(plan(&org, initiative.clone())),
                initiative,
            }),
            Job::Baseline {
                generation,
                org,
                initiative,
                stage,
            } => send(Done::Analysed {
                generation,
                stage,
                analysis: Box::new(analyse(&org, initiative, stage)),
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
    std::thread::spawn(move || work(rx, move |d| out.send(wrap(d)).is_ok()));
    tx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_request_gets_a_quick_pass_and_the_newest_a_full_one() {
        let org = Arc::new(crate::model::seed::seed());
        let (jobs_tx, jobs_rx) = std::sync::mpsc::channel();
        let (out_tx, out_rx) = std::sync::mpsc::channel();
        for generation in 0..3 {
            let job = Job::Analyse {
                generation,
                org: org.clone(),
                initiative: None,
            };
            jobs_tx.send(job).expect("worker listens");
        }
        jobs_tx
            .send(Job::Layout(Arc::new(Network::new(&org))))
            .expect("worker listens");
        drop(jobs_tx);
        work(jobs_rx, move |d| out_tx.send(d).is_ok());
        let mut fulls = Vec::new();
        let mut laid = false;
        while let Ok(d) = out_rx.recv_timeout(std::time::Duration::from_secs(30)) {
            match d {
                Done::Analysed {
                    generation,
                    stage: Stage::Full,
                    ..
                } => fulls.push(generation),
                Done::Laid(p) => laid = p.len() == org.units.len(),
                Done::Analysed { .. } | Done::Planned { .. } => {}
            }
            if laid && fulls.last() == Some(&2) {
                break;
            }
        }
        assert!(laid, "the layout arrives");
        assert_eq!(
            fulls.last(),
            Some(&2),
            "the newest request gets its full pass: {fulls:?}"
        );
    }
}

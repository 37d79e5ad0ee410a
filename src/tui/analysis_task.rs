//! Every call into `analysis` and `layout` the screen makes, and the worker thread that runs them.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender};

use crate::analysis::{self, Analysis, BetweennessMode, Options, Path};
use crate::layout::{self, Point};
use crate::model::{Network, Org};

/// Which pass of the analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Gaps, counts and the quick metrics ([`analysis::gaps_first`]): quick at any size.
    Quick,
    /// Everything: betweenness, communities and constraint too.
    Full,
}

/// The options of the screen's analysis: the initiative, and the asymmetry threshold of the
/// config file (`None`: the default); betweenness follows the work (`Auto`).
pub fn options(initiative: Option<String>, asymmetry: Option<f64>) -> Options {
    let defaults = Options::default();
    Options {
        initiative,
        betweenness: BetweennessMode::Auto,
        asymmetry: asymmetry.unwrap_or(defaults.asymmetry),
        ..defaults
    }
}

/// Analyses an org for the screen.
pub fn analyse(org: &Org, opts: &Options, stage: Stage) -> Analysis {
    match stage {
        Stage::Quick => analysis::gaps_first(org, opts),
        Stage::Full => analysis::analyse(org, opts),
    }
}

/// Positions of every unit for the ungrouped graph view.
pub fn unit_layout(net: &Network) -> Vec<Point> {
    layout::auto(net.n, &net.pairs)
}

/// The best route between two units: the widest path (strongest weakest link).
pub fn best_route(net: &Network, a: usize, b: usize) -> Option<Path> {
    analysis::paths::widest(net, a, b)
}

/// Generations of baseline analyses have this bit set (see `revision.rs`).
const BASELINE_BIT: u64 = 1 << 63;

/// Work for the worker thread.
#[derive(Debug, Clone)]
pub enum Job {
    /// Analyse for an initiative; results carry the generation.
    Analyse {
        /// Generation of the request.
        generation: u64,
        /// The document.
        org: Arc<Org>,
        /// The analysis options (initiative, asymmetry threshold).
        opts: Options,
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
        /// The analysis options (initiative, asymmetry threshold).
        opts: Options,
        /// Which pass.
        stage: Stage,
    },
    /// Review mode's plan: the org as planned, analysed (quick pass).
    Plan {
        /// The document revision it is for.
        revision: u64,
        /// The document (the plan is applied on the worker).
        org: Arc<Org>,
        /// The analysis options (initiative, asymmetry threshold).
        opts: Options,
    },
}

/// The plan of a document revision, analysed (see `Job::Plan`).
pub fn plan(org: &Org, opts: &Options) -> Analysis {
    analyse(&analysis::plan::planned(org), opts, Stage::Quick)
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

/// A request for the slow stage, run on its own thread.
struct FullJob {
    generation: u64,
    org: Arc<Org>,
    opts: Options,
    /// The quick stage of the same request, when it ran (the slow stage builds on it).
    quick: Option<Analysis>,
}

/// Runs jobs until the job channel closes: quick passes here, layouts on a thread each,
/// slow stages on a second thread, so a new initiative's or edit's gaps arrive at once even while a
/// betweenness is still running. A slow stage of the current document stops as soon as a
/// newer analysis is asked for (it would be thrown away), which frees the CPU for the
/// newer gaps; only the newest request gets its slow stage. Each result goes through
/// `send` (which returns false once nobody listens).
pub fn work(jobs: Receiver<Job>, send: impl Fn(Done) -> bool + Clone + Send + 'static) {
    let (full_tx, full_rx) = std::sync::mpsc::channel::<FullJob>();
    // The newest current-document generation asked for: older slow stages give up.
    let latest = Arc::new(AtomicU64::new(u64::MAX));
    let newest = latest.clone();
    let send_full = send.clone();
    std::thread::spawn(move || {
        let mut waiting: Vec<FullJob> = Vec::new();
        loop {
            if waiting.is_empty() {
                match full_rx.recv() {
                    Ok(job) => waiting.push(job),
                    Err(_) => return,
                }
            }
            waiting.extend(full_rx.try_iter());
            // Keep the newest request of each kind (current document, baseline).
            let baseline = |j: &FullJob| j.generation & BASELINE_BIT != 0;
            let mut keep: Vec<FullJob> = Vec::new();
            for kind in [false, true] {
                if let Some(i) = waiting.iter().rposition(|j| baseline(j) == kind) {
                    keep.push(waiting.remove(i));
                }
            }
            waiting = keep;
            let job = waiting.remove(0);
            let generation = job.generation;
            let current = !baseline(&job);
            let stale = || current && newest.load(Ordering::Relaxed) != generation;
            let opts = job.opts;
            let full = match job.quick {
                Some(quick) => analysis::complete(&job.org, quick, &opts, &stale),
                None => Some(analysis::analyse(&job.org, &opts)),
            };
            let Some(full) = full else { continue };
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
        queue.extend(jobs.try_iter());
        // Only the newest analysis request matters.
        if let Some(last) = queue.iter().rposition(|j| matches!(j, Job::Analyse { .. })) {
            let mut i = 0;
            queue.retain(|j| {
                let keep = !matches!(j, Job::Analyse { .. }) || i == last;
                i += 1;
                keep
            });
            // Tell a running slow stage of an older request to stop.
            if let Some(Job::Analyse { generation, .. }) =
                queue.iter().find(|j| matches!(j, Job::Analyse { .. }))
            {
                latest.store(*generation, Ordering::Relaxed);
            }
        }
        let alive = match queue.remove(0) {
            Job::Analyse {
                generation,
                org,
                opts,
            } => {
                let quick = analyse(&org, &opts, Stage::Quick);
                let ok = send(Done::Analysed {
                    generation,
                    stage: Stage::Quick,
                    analysis: Box::new(quick.clone()),
                });
                let job = FullJob {
                    generation,
                    org,
                    opts,
                    quick: Some(quick),
                };
                ok && full_tx.send(job).is_ok()
            }
            // A layout of many units takes a while: never in the way of the next gaps.
            Job::Layout(net) => {
                let send = send.clone();
                std::thread::spawn(move || send(Done::Laid(unit_layout(&net))));
                true
            }
            Job::Plan {
                revision,
                org,
                opts,
            } => send(Done::Planned {
                revision,
                analysis: Box::new(plan(&org, &opts)),
                initiative: opts.initiative,
            }),
            Job::Baseline {
                generation,
                org,
                opts,
                stage: Stage::Quick,
            } => send(Done::Analysed {
                generation,
                stage: Stage::Quick,
                analysis: Box::new(analyse(&org, &opts, Stage::Quick)),
            }),
            // OLD of `--compare`: its slow stage must not hold up the current gaps.
            Job::Baseline {
                generation,
                org,
                opts,
                stage: Stage::Full,
            } => full_tx
                .send(FullJob {
                    generation: generation | BASELINE_BIT,
                    org,
                    opts,
                    quick: None,
                })
                .is_ok(),
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
                opts: Options::default(),
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

    #[test]
    fn the_newest_baseline_and_the_newest_analysis_both_get_their_slow_stage() {
        let org = Arc::new(crate::model::seed::seed());
        let (jobs_tx, jobs_rx) = std::sync::mpsc::channel();
        let (out_tx, out_rx) = std::sync::mpsc::channel();
        let base = |g: u64| Job::Baseline {
            generation: BASELINE_BIT | g,
            org: org.clone(),
            opts: Options::default(),
            stage: Stage::Full,
        };
        let current = |g: u64| Job::Analyse {
            generation: g,
            org: org.clone(),
            opts: Options::default(),
        };
        for job in [base(1), current(1), base(2), current(2), base(3)] {
            jobs_tx.send(job).expect("worker listens");
        }
        drop(jobs_tx);
        work(jobs_rx, move |d| out_tx.send(d).is_ok());
        let mut fulls = Vec::new();
        while let Ok(d) = out_rx.recv_timeout(std::time::Duration::from_secs(30)) {
            if let Done::Analysed {
                generation,
                stage: Stage::Full,
                analysis,
            } = d
            {
                assert!(analysis.complete);
                fulls.push(generation);
            }
            if fulls.contains(&2) && fulls.contains(&(BASELINE_BIT | 3)) {
                break;
            }
        }
        assert!(fulls.contains(&2), "{fulls:?}");
        assert!(fulls.contains(&(BASELINE_BIT | 3)), "{fulls:?}");
    }
}

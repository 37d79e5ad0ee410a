//! The editing session of the screen: undo history, where the document is saved, the file's
//! fingerprint, the recovery folder, and the analyses the what-if compares against.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::model::history::History;
use crate::model::{Network, Org};
use crate::store::{Fingerprint, Recoveries};

use super::whatif::Diff;

/// Where the document came from: names its recovery file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The built-in example.
    Builtin,
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Origin {
    /// The `for_file` argument of [`Recoveries`].
    pub fn for_file(&self) -> Option<&Path> {
        match self {
            Origin::Builtin => None,
            Origin::Stdin => Some(Path::new("-")),
            Origin::File(p) => Some(p),
        }
    }
}

/// The other snapshot of `--compare OLD`: its name and what the screen reads from it.
#[derive(Debug, Clone)]
pub struct Compare {
    /// The file name of OLD, cleaned: the screen says "since LABEL".
    pub label: String,
    /// Ratings and pair strengths of OLD, for the detail pane's old values.
    pub net: Arc<Network>,
    /// Unit index in OLD by id (units are matched by id).
    pub ids: HashMap<String, usize>,
}

/// An analysis cache key: (revision, initiative).
type CacheKey = (u64, Option<String>);

/// How many analyses are kept by (revision, initiative), so undo and redo show at once.
const CACHE: usize = 16;

/// The editing state of a screen session.
#[derive(Debug, Clone)]
pub struct Session {
    /// Undo and redo, saved/dirty.
    pub history: History,
    /// Where the document came from (its recovery file).
    pub origin: Origin,
    /// Where `s` saves; `None` asks for a path.
    pub path: Option<PathBuf>,
    /// The file as loaded or last saved, for the on-disk change check.
    pub fingerprint: Option<Fingerprint>,
    /// The recovery folder, resolved once at start.
    pub recoveries: Recoveries,
    /// Recovery files of other sessions still to ask about at start, the next one last.
    pub more_recoveries: Vec<crate::store::Recovery>,
    /// Edits are refused (`--read-only`).
    pub read_only: bool,
    /// What the what-if compares against: the document as loaded, or OLD with `--compare`.
    pub original: Arc<Org>,
    /// `--compare OLD`: the snapshot in `original` is another file (see [`Compare`]).
    pub compare: Option<Compare>,
    /// Revision at which the document equals `original` (`None` after a restore).
    pub original_rev: Option<u64>,
    /// Analyses of `original` by initiative.
    pub baseline: HashMap<Option<String>, Arc<Analysis>>,
    /// The baseline analysis asked for: (generation, initiative).
    pub baseline_pending: Option<(u64, Option<String>)>,
    /// Full analyses by (revision, initiative), newest last.
    pub cache: Vec<(CacheKey, Arc<Analysis>)>,
    /// Baseline analyses asked for so far.
    pub baseline_count: u64,
    /// Gaps now against gaps as loaded (`None`: no edit yet or not computed).
    pub diff: Option<Diff>,
    /// The folder a typed relative save path is resolved against (the working folder of
    /// the command; a scratch folder in tests).
    pub base: PathBuf,
}

impl Session {
    /// A session on a document that is as loaded: clean for a file, unsaved otherwise.
    pub fn new(
        org: &Arc<Org>,
        origin: Origin,
        fingerprint: Option<Fingerprint>,
        base: PathBuf,
    ) -> Session {
        let (history, path) = match &origin {
            Origin::File(p) => (History::new(), Some(p.clone())),
            _ => (History::unsaved(), None),
        };
        Session {
            history,
            origin,
            path,
            fingerprint,
            recoveries: Recoveries::from_env(),
            more_recoveries: Vec::new(),
            read_only: false,
            original: Arc::clone(org),
            compare: None,
            original_rev: Some(0),
            baseline: HashMap::new(),
            baseline_pending: None,
            cache: Vec::new(),
            baseline_count: 0,
            diff: None,
            base,
        }
    }

    /// A typed save path: absolute as it is, relative against the session's base folder.
    pub fn resolve(&self, typed: &str) -> PathBuf {
        let p = Path::new(typed);
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.base.join(p)
        }
    }

    /// After a save: the document as saved is what the what-if compares with from now on
    /// (unless comparing with OLD of `--compare`), so the "edited" marker clears.
    pub fn saved_as_baseline(
        &mut self,
        org: &Arc<Org>,
        analysis: Option<Arc<Analysis>>,
        initiative: Option<String>,
    ) {
        if self.compare.is_some() {
            return;
        }
        self.original = org.clone();
        self.original_rev = Some(self.history.revision());
        self.baseline.clear();
        self.baseline_pending = None;
        self.diff = None;
        if let Some(a) = analysis {
            self.baseline.insert(initiative, a);
        }
    }

    /// Whether the document differs from the file as loaded.
    pub fn edited(&self) -> bool {
        self.original_rev != Some(self.history.revision())
    }

    /// Whether the what-if has something to compare: edits, or another snapshot (`--compare`).
    pub fn compared(&self) -> bool {
        self.compare.is_some() || self.edited()
    }

    /// Compares the document with another snapshot (`--compare OLD`) instead of the file as
    /// loaded, for the whole session (edits too are compared with OLD).
    pub fn compare_with(&mut self, old: Org, label: String) {
        let net = Arc::new(Network::new(&old));
        let ids = old
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.clone(), i))
            .collect();
        self.original = Arc::new(old);
        self.compare = Some(Compare { label, net, ids });
        self.baseline.clear();
        self.baseline_pending = None;
        self.diff = None;
    }

    /// The index in OLD of a unit id (`--compare`).
    pub fn old_index(&self, id: &str) -> Option<usize> {
        self.compare.as_ref()?.ids.get(id).copied()
    }

    /// A cached analysis of the current revision.
    pub fn cached(&self, initiative: &Option<String>) -> Option<Arc<Analysis>> {
        let key = (self.history.revision(), initiative.clone());
        self.cache
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, a)| a.clone())
    }

    /// Keeps a full analysis of a revision.
    pub fn remember(&mut self, rev: u64, initiative: Option<String>, analysis: Arc<Analysis>) {
        let key = (rev, initiative);
        self.cache.retain(|(k, _)| *k != key);
        self.cache.push((key, analysis));
        if self.cache.len() > CACHE {
            self.cache.remove(0);
        }
    }
}

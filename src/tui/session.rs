//! The editing session of the screen: undo history, where the document is saved, the file's
//! fingerprint, the recovery folder, and the analyses the what-if compares against.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::model::Org;
use crate::model::history::History;
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
    /// Edits are refused (`--read-only`).
    pub read_only: bool,
    /// The document as loaded: what the what-if compares against.
    pub original: Arc<Org>,
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
}

impl Session {
    /// A session on a document that is as loaded: clean for a file, unsaved otherwise.
    pub fn new(org: &Org, origin: Origin, fingerprint: Option<Fingerprint>) -> Session {
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
            read_only: false,
            original: Arc::new(org.clone()),
            original_rev: Some(0),
            baseline: HashMap::new(),
            baseline_pending: None,
            cache: Vec::new(),
            baseline_count: 0,
            diff: None,
        }
    }

    /// Whether the document differs from the file as loaded.
    pub fn edited(&self) -> bool {
        self.original_rev != Some(self.history.revision())
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

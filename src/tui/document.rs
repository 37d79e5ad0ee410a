//! What the screen starts from: the document, where it came from, the options, and what to do
//! about a recovery file; [`App::from_document`] is the one way to build the screen's state.

use std::path::PathBuf;
use std::sync::Arc;

use crate::model::Org;
use crate::store::{Fingerprint, Recoveries, Recovery};

use super::app::{App, Config};
use super::dialog;
use super::session::{Origin, Session};

/// What to do at start about edits an earlier session left in a recovery file.
#[derive(Debug, Clone, Default)]
pub enum AtStart {
    /// Nothing to do.
    #[default]
    Nothing,
    /// Only say something in the status line.
    Note(String),
    /// Restore these edits (`--recover`); their recovery file becomes this session's own, and
    /// `more` files of other sessions stay kept for a later start.
    Restore {
        /// The newest recovery file.
        rec: Box<Recovery>,
        /// How many more there are.
        more: usize,
    },
    /// Ask whether to restore them, then about each of `more` in turn (the next one last).
    Ask {
        /// The newest recovery file.
        rec: Box<Recovery>,
        /// The others.
        more: Vec<Recovery>,
    },
}

/// A loaded document with everything the screen needs to start.
#[derive(Debug, Clone)]
pub struct Document {
    /// The document.
    pub org: Org,
    /// Its name (shown when the org has no title).
    pub name: String,
    /// Where it came from.
    pub origin: Origin,
    /// The file's fingerprint as loaded.
    pub fingerprint: Option<Fingerprint>,
    /// Start-up options.
    pub config: Config,
    /// `--compare OLD`: the older snapshot and its name.
    pub compare: Option<(Org, String)>,
    /// Where recovery files go.
    pub recoveries: Recoveries,
    /// The folder typed save paths are relative to.
    pub base: PathBuf,
    /// What to do about a recovery file.
    pub at_start: AtStart,
}

impl Document {
    /// A document with no file behind it, default options, recovery files where the
    /// environment says, and saves relative to the system's temporary folder (never the
    /// working tree).
    pub fn new(org: Org, name: &str) -> Document {
        Document {
            org,
            name: name.to_string(),
            origin: Origin::Builtin,
            fingerprint: None,
            config: Config::default(),
            compare: None,
            recoveries: Recoveries::from_env(),
            base: std::env::temp_dir(),
            at_start: AtStart::Nothing,
        }
    }

    /// With these start-up options.
    pub fn config(mut self, config: Config) -> Document {
        self.config = config;
        self
    }

    /// With recovery files in this place.
    pub fn recoveries(mut self, recoveries: Recoveries) -> Document {
        self.recoveries = recoveries;
        self
    }

    /// With typed save paths relative to this folder.
    pub fn base(mut self, base: PathBuf) -> Document {
        self.base = base;
        self
    }
}

impl App {
    /// Builds the screen's state for a document: the one constructor (the command line,
    /// tests and benchmarks all come through here).
    pub fn from_document(doc: Document) -> App {
        let Document {
            org,
            name,
            origin,
            fingerprint,
            config,
            compare,
            recoveries,
            base,
            at_start,
        } = doc;
        // The session's original and the screen's document share one copy until an edit.
        let org = Arc::new(org);
        let mut session = Session::new(&org, origin, fingerprint, base);
        session.recoveries = recoveries;
        if let Some((old, label)) = compare {
            session.compare_with(old, label);
        }
        let mut app = App::build(org, &name, &config, session);
        match at_start {
            AtStart::Nothing => {}
            AtStart::Note(m) => app.message = Some(m),
            AtStart::Restore { rec, more } => {
                app.session.recoveries.adopt(rec.path.clone());
                dialog::restore_at_start(&mut app, rec.org);
                if more > 0 {
                    app.message = Some(format!(
                        "restored the newest unsaved edits; {more} more kept (start without --recover to see them)"
                    ));
                }
            }
            AtStart::Ask { rec, more } => {
                app.session.more_recoveries = more;
                dialog::ask_restore(&mut app, *rec);
            }
        }
        app
    }
}

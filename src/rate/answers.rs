//! The answers file: `respondent,unit,rated,rating,comment`, one row per answer, in the
//! form `import --from survey` reads. Submitting replaces the respondent's own rows under an
//! exclusive lock (a `FILE.lock` beside it) and writes the whole file atomically, so several
//! respondents submitting at once lose nothing.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::model::quote;
use crate::store::{SaveOptions, save_atomic_with};

/// The header of an answers file.
pub const HEADER: [&str; 5] = ["respondent", "unit", "rated", "rating", "comment"];

/// One row, as its cells: respondent, unit, rated, rating (empty: don't know), comment.
pub type AnswerRow = [String; 5];

/// Why the answers file could not be read or written. Nothing is written on any of them.
#[derive(Debug, thiserror::Error)]
pub enum AnswersError {
    /// The file is not an answers file (or a row is malformed).
    #[error("{file}:{line}: {message}")]
    Bad {
        /// The file.
        file: String,
        /// 1-based line.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// Reading, locking or writing failed.
    #[error("{file}: {what}: {source}")]
    Io {
        /// The file.
        file: String,
        /// What was being done.
        what: String,
        /// The cause.
        source: io::Error,
    },
    /// Another submission held the lock for the whole wait.
    #[error(
        "{file} is locked by another submission (waited {secs} s); nothing was written and your \
         ratings are kept: submit again, or remove {lock} if no gapscope is running"
    )]
    Locked {
        /// The answers file.
        file: String,
        /// The lock file.
        lock: String,
        /// How long we waited.
        secs: u64,
    },
}

/// What a submission did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitted {
    /// The respondent's earlier rows that were replaced.
    pub replaced: usize,
    /// The respondent's rows written now.
    pub written: usize,
    /// Rows in the file now (everyone's).
    pub total: usize,
}

/// The lock file of an answers file: `FILE.lock` in the same folder (never removed, so
/// every process locks the same file).
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

fn shown(path: &Path) -> String {
    crate::text::clean(&path.display().to_string())
}

/// Parses an answers file's bytes; the header must be [`HEADER`] (a byte order mark is
/// skipped), and every row must have its five cells.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Vec<AnswerRow>, AnswersError> {
    let bad = |line: u64, message: String| AnswersError::Bad {
        file: crate::text::clean(file),
        line,
        message,
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Vec::new());
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(1, |p| p.line());
            bad(line, format!("cannot read the row: {e}"))
        })?;
        let line = rec.position().map_or(i as u64 + 1, |p| p.line());
        let cells: Vec<&str> = rec.iter().map(str::trim).collect();
        if i == 0 {
            if cells != HEADER {
                return Err(bad(
                    line,
                    format!(
                        "the header is {}, not the answers header {}; give `gapscope rate` \
                         another -o file (it writes only its own answers files)",
                        quote(&cells.join(",")),
                        quote(&HEADER.join(","))
                    ),
                ));
            }
            continue;
        }
        let [respondent, unit, rated, rating, comment] = cells[..] else {
            return Err(bad(
                line,
                format!("{} cells, the header has 5", cells.len()),
            ));
        };
        rows.push([respondent, unit, rated, rating, comment].map(str::to_string));
    }
    Ok(rows)
}

/// Reads an answers file; a missing file has no rows.
pub fn read(path: &Path) -> Result<Vec<AnswerRow>, AnswersError> {
    match std::fs::read(path) {
        Ok(bytes) => parse(&path.display().to_string(), &bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(AnswersError::Io {
            file: shown(path),
            what: "cannot read it".into(),
            source: e,
        }),
    }
}

/// A comment as written: a leading `=`, `+`, `-` or `@` is disarmed for spreadsheets and
/// control characters are shown as escapes.
fn comment_cell(text: &str) -> String {
    let clean = crate::text::clean(text.trim());
    if clean.starts_with(['=', '+', '-', '@']) {
        format!("'{clean}")
    } else {
        clean
    }
}

/// The rows as CSV text, header first.
pub fn to_csv(rows: &[AnswerRow]) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let mut text = String::new();
    let _ = w.write_record(HEADER);
    for r in rows {
        let _ = w.write_record([&r[0], &r[1], &r[2], &r[3], &comment_cell(&r[4])]);
    }
    if let Ok(bytes) = w.into_inner() {
        text = String::from_utf8_lossy(&bytes).into_owned();
    }
    text
}

/// Takes the exclusive lock of an answers file, trying until `timeout` has passed.
pub fn lock(path: &Path, timeout: Duration) -> Result<File, AnswersError> {
    let lock = lock_path(path);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock)
        .map_err(|e| AnswersError::Io {
            file: shown(&lock),
            what: "cannot open the lock file".into(),
            source: e,
        })?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(TryLockError::WouldBlock) if start.elapsed() < timeout => {
                std::thread::sleep(Duration::from_millis(25));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(AnswersError::Locked {
                    file: shown(path),
                    lock: shown(&lock),
                    secs: timeout.as_secs(),
                });
            }
            Err(TryLockError::Error(e)) => {
                return Err(AnswersError::Io {
                    file: shown(&lock),
                    what: "cannot lock it".into(),
                    source: e,
                });
            }
        }
    }
}

/// Submits one respondent's rows: under the lock, reads the file, drops the respondent's
/// earlier rows, adds `mine` and replaces the file atomically.
pub fn submit(
    path: &Path,
    respondent: &str,
    mine: &[AnswerRow],
    timeout: Duration,
) -> Result<Submitted, AnswersError> {
    let _lock = lock(path, timeout)?;
    let mut rows = read(path)?;
    let before = rows.len();
    rows.retain(|r| r[0] != respondent);
    let replaced = before - rows.len();
    rows.extend(mine.iter().cloned());
    let options = SaveOptions {
        backup: false,
        new_file_mode: 0o644,
        replace: true,
    };
    save_atomic_with(path, to_csv(&rows).as_bytes(), &options, &mut |_| Ok(())).map_err(|e| {
        AnswersError::Io {
            file: shown(path),
            what: "cannot write it".into(),
            source: io::Error::other(e.to_string()),
        }
    })?;
    Ok(Submitted {
        replaced,
        written: mine.len(),
        total: rows.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(r: &str, rated: &str, rating: &str) -> AnswerRow {
        [r, "a", rated, rating, ""].map(str::to_string)
    }

    #[test]
    fn resubmitting_replaces_only_ones_own_rows() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("answers.csv");
        let t = Duration::from_secs(1);
        submit(&path, "ann", &[row("ann", "b", "3")], t).expect("ann");
        submit(&path, "bob", &[row("bob", "b", "4")], t).expect("bob");
        let s = submit(&path, "ann", &[row("ann", "c", "")], t).expect("ann again");
        assert_eq!((s.replaced, s.written, s.total), (1, 1, 2));
        let rows = read(&path).expect("reads");
        assert_eq!(rows, vec![row("bob", "b", "4"), row("ann", "c", "")]);
    }

    #[test]
    fn another_header_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("ties.csv");
        std::fs::write(&path, "from,to,strength\na,b,3\n").expect("write");
        let e = submit(&path, "ann", &[row("ann", "b", "3")], Duration::ZERO).expect_err("refused");
        assert!(e.to_string().contains("ties.csv:1: the header is"), "{e}");
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "from,to,strength\na,b,3\n"
        );
    }

    #[test]
    fn comments_are_quoted_and_disarmed() {
        let text = to_csv(&[[
            "ann".into(),
            "a".into(),
            "b".into(),
            "3".into(),
            "=SUM(A1), \"ok\"\u{1b}".into(),
        ]]);
        assert!(text.contains("\"'=SUM(A1), \"\"ok\"\"\\u{1b}\""), "{text}");
        let back = parse("x", text.as_bytes()).expect("parses");
        assert_eq!(back[0][4], "'=SUM(A1), \"ok\"\\u{1b}");
    }
}

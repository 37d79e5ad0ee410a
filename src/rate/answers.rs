//! The answers file: `respondent,unit,rated,rating,comment`, one row per answer, in the
//! form `import --from survey` reads. Submitting replaces the respondent's own rows under an
//! exclusive lock (a `FILE.lock` beside it) and writes the whole file atomically, so several
//! respondents submitting at once lose nothing.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::export::csv::{self, LineEnd, Writer};
use crate::import::ImportError;
use crate::import::csvread::Table;
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

/// Parses an answers file's bytes with the project's one CSV reader
/// ([`crate::import::csvread::Table`], the reader of `import --from survey`, so both see the
/// same cells and the same line numbers, whatever the line ends): the header must be
/// [`HEADER`] (a byte order mark is skipped), every row must have its five cells, and the
/// formula guard the writer added comes off.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Vec<AnswerRow>, AnswersError> {
    let file = crate::text::clean(file);
    let bad = |line: u64, message: String| AnswersError::Bad {
        file: file.clone(),
        line,
        message,
    };
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Vec::new());
    }
    let (table, bad_rows) = Table::read(&file, bytes).map_err(|e| match e {
        ImportError::File { line, message, .. } => bad(line, message),
        other => bad(1, other.to_string()),
    })?;
    if table.header != HEADER {
        return Err(bad(
            1,
            format!(
                "the header is {}, not the answers header {}; give `gapscope rate` \
                 another -o file (it writes only its own answers files)",
                quote(&table.header.join(",")),
                quote(&HEADER.join(","))
            ),
        ));
    }
    if let Some(first) = bad_rows.into_iter().min_by_key(|b| b.line) {
        return Err(bad(first.line, first.message));
    }
    let rows = table
        .rows
        .into_iter()
        .filter_map(|row| <[String; 5]>::try_from(row.cells).ok())
        .collect();
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

/// The rows as CSV text, header first, through the project's one CSV writer
/// ([`crate::export::csv`]): every text cell (ids and comments alike) that a spreadsheet
/// would run as a formula gets the guard `'` that the reader takes off again, control
/// characters are shown as escapes, and the comment is trimmed. A rating that is a number
/// is written as the number.
pub fn to_csv(rows: &[AnswerRow]) -> String {
    let mut w = Writer::new(LineEnd::Lf);
    w.text_row(HEADER);
    for r in rows {
        let rating = match r[3].parse::<f64>() {
            Ok(v) if v.is_finite() && !r[3].starts_with('+') => csv::number(&r[3]),
            _ => csv::cell(&r[3]),
        };
        w.row([
            csv::cell(&r[0]),
            csv::cell(&r[1]),
            csv::cell(&r[2]),
            rating,
            csv::cell(r[4].trim()),
        ]);
    }
    w.finish()
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
        // The guard comes off again: the comment is what was typed (the ESC shown).
        assert_eq!(back[0][4], "=SUM(A1), \"ok\"\\u{1b}");
    }

    #[test]
    fn every_cell_is_guarded_and_comes_back_as_written() {
        let rows: Vec<AnswerRow> = ["=ann", "@bob", "+cy", "-dee", "'=eve", " sp "]
            .into_iter()
            .map(|id| [id, id, "-it", "-1", "-- never, \"met\""].map(str::to_string))
            .collect();
        let text = to_csv(&rows);
        for line in text.lines() {
            for cell in line.split(',') {
                let c = cell.trim_start_matches('"');
                assert!(
                    c == "-1" || !c.starts_with(['=', '@', '+', '-']),
                    "a formula reaches a spreadsheet: {line}"
                );
            }
        }
        assert!(text.contains(",-1,"), "a rating stays a number: {text}");
        let back = parse("x", text.as_bytes()).expect("parses");
        let trimmed: Vec<AnswerRow> = rows
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r[4] = r[4].trim().to_string();
                r
            })
            .collect();
        assert_eq!(back, trimmed);
        // The import's reader sees the very same cells.
        let (table, bad) = Table::read("x", text.as_bytes()).expect("reads");
        assert!(bad.is_empty());
        let cells: Vec<Vec<String>> = table.rows.into_iter().map(|r| r.cells).collect();
        let back: Vec<Vec<String>> = back.iter().map(|r| r.to_vec()).collect();
        assert_eq!(cells, back);
    }

    #[test]
    fn line_numbers_count_every_line_end() {
        for end in ["\n", "\r\n", "\r"] {
            let text = [
                "respondent,unit,rated,rating,comment",
                "ann,a,b,3,\"two",
                "lines\"",
                "",
                "bob,a,b",
            ]
            .join(end);
            let e = parse("f.csv", text.as_bytes()).expect_err("bad row");
            assert!(
                e.to_string()
                    .starts_with("f.csv:5: expected 5 fields, found 3"),
                "{end:?}: {e}"
            );
        }
    }
}

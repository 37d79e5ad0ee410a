//! Reading a CSV file with a header into rows that know their line numbers.

use crate::model::{quote, suggest::did_you_mean};

use super::{BadRow, ImportError};

/// One data row: its line and its cells (trimmed).
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// 1-based line where the row starts.
    pub line: u64,
    /// The cells, as many as the header has columns.
    pub cells: Vec<String>,
}

impl Row {
    /// The cell of a column, empty when the column is absent.
    pub(crate) fn get(&self, col: Option<usize>) -> &str {
        col.and_then(|c| self.cells.get(c))
            .map_or("", String::as_str)
    }
}

/// A whole CSV file: header and the rows that have the right shape.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    /// The file as named by the user.
    pub file: String,
    /// Column names as written, trimmed.
    pub header: Vec<String>,
    /// Rows with as many cells as the header.
    pub rows: Vec<Row>,
}

impl Table {
    /// Reads CSV bytes (RFC 4180; a UTF-8 byte order mark is skipped). Rows with the wrong
    /// number of cells or invalid UTF-8 are returned as bad rows. Unquoted cells are trimmed,
    /// quoted ones kept as written; lines end with `\n`, `\r\n` or `\r` and are counted so;
    /// a formula guard that gapscope's CSV writer added (`'=`) comes off.
    pub(crate) fn read(file: &str, bytes: &[u8]) -> Result<(Table, Vec<BadRow>), ImportError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let fatal = |line: u64, message: String| ImportError::File {
            file: file.to_string(),
            line,
            message,
        };
        if let Some(encoding) = crate::model::foreign_encoding(bytes) {
            return Err(fatal(
                1,
                format!("the file is {encoding}; save it as UTF-8"),
            ));
        }
        let mut records = Records {
            bytes,
            at: 0,
            line: 1,
        };
        let header = match records.next() {
            None => return Err(fatal(1, "the file is empty; it needs a header line".into())),
            Some(Err(e)) => return Err(fatal(e.0, e.1)),
            Some(Ok((line, rec))) => {
                let mut names = Vec::with_capacity(rec.len());
                let mut seen = std::collections::HashSet::with_capacity(rec.len());
                for cell in rec {
                    let name = String::from_utf8(cell)
                        .map_err(|_| fatal(line, "the header is not valid UTF-8".into()))?;
                    if !seen.insert(name.clone()) {
                        return Err(fatal(
                            line,
                            format!("column {} appears twice", quote(&name)),
                        ));
                    }
                    names.push(name);
                }
                names
            }
        };
        let mut rows = Vec::new();
        let mut bad = Vec::new();
        for rec in records {
            let (line, rec) = rec.map_err(|e| fatal(e.0, e.1))?;
            if rec.len() == 1 && rec[0].is_empty() {
                continue;
            }
            if rec.len() != header.len() {
                bad.push(BadRow {
                    file: file.to_string(),
                    line,
                    message: format!(
                        "expected {} field{}, found {}",
                        header.len(),
                        if header.len() == 1 { "" } else { "s" },
                        rec.len()
                    ),
                });
                continue;
            }
            let cells: Result<Vec<String>, _> = rec
                .into_iter()
                .map(|c| {
                    String::from_utf8(c).map(|c| match crate::export::csv::unguard(&c) {
                        u if u.len() == c.len() => c,
                        u => u.to_string(),
                    })
                })
                .collect();
            match cells {
                Ok(cells) => rows.push(Row { line, cells }),
                Err(_) => bad.push(BadRow {
                    file: file.to_string(),
                    line,
                    message: "the row is not valid UTF-8".into(),
                }),
            }
        }
        let table = Table {
            file: file.to_string(),
            header,
            rows,
        };
        Ok((table, bad))
    }

    /// The index of a column, matched case-insensitively.
    pub(crate) fn column(&self, name: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    }

    /// The index of a required column, or an error naming the columns there are.
    pub(crate) fn require(&self, name: &str, option: &str) -> Result<usize, ImportError> {
        self.column(name).ok_or_else(|| {
            let hint = match did_you_mean(name, self.header.iter().map(String::as_str)) {
                Some(close) => format!(" (did you mean {}?)", quote(close)),
                None => String::new(),
            };
            let have: Vec<String> = self.header.iter().map(|h| quote(h)).collect();
            ImportError::File {
                file: self.file.clone(),
                line: 1,
                message: format!(
                    "no column {}{hint}; the header has {}; choose the column with {option}",
                    quote(name),
                    have.join(", ")
                ),
            }
        })
    }

    /// A bad row at a line of this file.
    pub(crate) fn bad(&self, line: u64, message: impl Into<String>) -> BadRow {
        BadRow {
            file: self.file.clone(),
            line,
            message: message.into(),
        }
    }
}

/// The records of CSV bytes, each with the line it starts on: RFC 4180 cells (quoted cells
/// may hold commas, doubled quotes and line breaks), unquoted cells trimmed of spaces and
/// tabs. An error is (line, message).
struct Records<'a> {
    bytes: &'a [u8],
    at: usize,
    line: u64,
}

type Record = (u64, Vec<Vec<u8>>);

impl Records<'_> {
    /// Skips one line end at `at` (`\r\n`, `\n` or `\r`), counting the line.
    fn line_end(&mut self) -> bool {
        match self.bytes.get(self.at) {
            Some(b'\r') => {
                self.at += 1;
                if self.bytes.get(self.at) == Some(&b'\n') {
                    self.at += 1;
                }
            }
            Some(b'\n') => self.at += 1,
            _ => return false,
        }
        self.line += 1;
        true
    }

    fn record(&mut self) -> Result<Record, (u64, String)> {
        let start = self.line;
        let mut cells = Vec::new();
        loop {
            let mut cell = Vec::new();
            while matches!(self.bytes.get(self.at), Some(b' ' | b'\t')) {
                self.at += 1;
            }
            if self.bytes.get(self.at) == Some(&b'"') {
                let opened = self.line;
                self.at += 1;
                loop {
                    match self.bytes.get(self.at) {
                        None => {
                            return Err((
                                opened,
                                "a quoted cell opened on this line is never closed (a \" is missing)"
                                    .into(),
                            ));
                        }
                        Some(b'"') if self.bytes.get(self.at + 1) == Some(&b'"') => {
                            cell.push(b'"');
                            self.at += 2;
                        }
                        Some(b'"') => {
                            self.at += 1;
                            break;
                        }
                        Some(b'\r' | b'\n') => {
                            let from = self.at;
                            self.line_end();
                            cell.extend_from_slice(&self.bytes[from..self.at]);
                        }
                        Some(&b) => {
                            cell.push(b);
                            self.at += 1;
                        }
                    }
                }
                // Text after the closing quote is kept as written (spaces dropped).
                let from = self.at;
                while !matches!(self.bytes.get(self.at), None | Some(b',' | b'\r' | b'\n')) {
                    self.at += 1;
                }
                cell.extend_from_slice(self.bytes[from..self.at].trim_ascii());
            } else {
                let from = self.at;
                while !matches!(self.bytes.get(self.at), None | Some(b',' | b'\r' | b'\n')) {
                    self.at += 1;
                }
                cell.extend_from_slice(self.bytes[from..self.at].trim_ascii());
            }
            cells.push(cell);
            if self.bytes.get(self.at) == Some(&b',') {
                self.at += 1;
                continue;
            }
            self.line_end();
            return Ok((start, cells));
        }
    }
}

impl Iterator for Records<'_> {
    type Item = Result<Record, (u64, String)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.at >= self.bytes.len() {
            return None;
        }
        let r = self.record();
        if r.is_err() {
            self.at = self.bytes.len();
        }
        Some(r)
    }
}

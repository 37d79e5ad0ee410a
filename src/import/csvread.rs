//! Reading a CSV file with a header into rows that know their line numbers.

use crate::model::{quote, suggest::did_you_mean};

use super::{BadRow, ImportError};

/// One data row: its line and its cells (trimmed).
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based line where the row starts.
    pub line: u64,
    /// The cells, as many as the header has columns.
    pub cells: Vec<String>,
}

impl Row {
    /// The cell of a column, empty when the column is absent.
    pub fn get(&self, col: Option<usize>) -> &str {
        col.and_then(|c| self.cells.get(c))
            .map_or("", String::as_str)
    }
}

/// A whole CSV file: header and the rows that have the right shape.
#[derive(Debug, Clone)]
pub struct Table {
    /// The file as named by the user.
    pub file: String,
    /// Column names as written, trimmed.
    pub header: Vec<String>,
    /// Rows with as many cells as the header.
    pub rows: Vec<Row>,
}

impl Table {
    /// Reads CSV bytes (RFC 4180; a UTF-8 byte order mark is skipped). Rows with the wrong
    /// number of cells or invalid UTF-8 are returned as bad rows.
    pub fn read(file: &str, bytes: &[u8]) -> Result<(Table, Vec<BadRow>), ImportError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(bytes);
        let fatal = |line: u64, message: String| ImportError::File {
            file: file.to_string(),
            line,
            message,
        };
        let mut records = reader.byte_records();
        let header = match records.next() {
            None => return Err(fatal(1, "the file is empty; it needs a header line".into())),
            Some(Err(e)) => return Err(fatal(line_of(&e), format!("cannot read the header: {e}"))),
            Some(Ok(rec)) => {
                let line = rec.position().map_or(1, |p| p.line());
                let mut names = Vec::with_capacity(rec.len());
                for (i, cell) in rec.iter().enumerate() {
                    let cell = if i == 0 {
                        cell.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(cell)
                    } else {
                        cell
                    };
                    let name = std::str::from_utf8(cell)
                        .map_err(|_| fatal(line, "the header is not valid UTF-8".into()))?
                        .trim()
                        .to_string();
                    if names.contains(&name) {
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
            let rec = rec.map_err(|e| fatal(line_of(&e), format!("cannot read the file: {e}")))?;
            let line = rec.position().map_or(0, |p| p.line());
            if rec.len() == 1 && rec.get(0).is_some_and(<[u8]>::is_empty) {
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
                .iter()
                .map(|c| std::str::from_utf8(c).map(str::to_string))
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
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    }

    /// The index of a required column, or an error naming the columns there are.
    pub fn require(&self, name: &str, option: &str) -> Result<usize, ImportError> {
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
    pub fn bad(&self, line: u64, message: impl Into<String>) -> BadRow {
        BadRow {
            file: self.file.clone(),
            line,
            message: message.into(),
        }
    }
}

fn line_of(e: &csv::Error) -> u64 {
    e.position().map_or(1, |p| p.line())
}

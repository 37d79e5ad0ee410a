//! Located errors of loading an org file.

use std::fmt;

use super::json::Pos;

/// One problem in a file: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Line and column of the offending text.
    pub pos: Pos,
    /// JSON path of the offending value (`ties[12].to`); empty for syntax errors.
    pub path: String,
    /// What is wrong, for a person.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.pos.line, self.pos.col)?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// Most problems listed for one file; the rest are counted.
pub const MAX_PROBLEMS: usize = 50;

/// Default largest file read: 256 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Why a file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{}: cannot read: {}", crate::text::clean(file), io_reason(source))]
    Io {
        /// The file as named by the user.
        file: String,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The file is larger than the limit.
    #[error(
        "{}: the file is larger than the limit of {limit} bytes ({size}); raise it with --max-bytes",
        crate::text::clean(file)
    )]
    TooLarge {
        /// The file as named by the user.
        file: String,
        /// Its size in bytes (or more than the limit, for a stream).
        size: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file is not a valid org file.
    #[error("{}", invalid_lines(file, problems, *more))]
    Invalid {
        /// The file as named by the user.
        file: String,
        /// The problems found, in file order, at most [`MAX_PROBLEMS`].
        problems: Vec<Problem>,
        /// How many more problems there were.
        more: usize,
    },
}

/// The operating system's reason for an IO error, for a person: lower case and without
/// Rust's `(os error N)` suffix ("no such file or directory").
pub fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => &text[..at],
        _ => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

fn invalid_lines(file: &str, problems: &[Problem], more: usize) -> String {
    let file = crate::text::clean(file);
    let mut out = problems
        .iter()
        .map(|p| format!("{file}:{p}"))
        .collect::<Vec<_>>()
        .join("\n");
    if more > 0 {
        out.push_str(&format!(
            "\n{file}: ... and {more} more problem{}",
            if more == 1 { "" } else { "s" }
        ));
    }
    out
}

/// Quotes text from a file for a message: in double quotes, with control characters and
/// escape sequences shown escaped so that they can never drive the terminal.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let shown: String = text.chars().take(80).collect();
    for c in shown.chars() {
        if c == '"' || c == '\\' || c.is_control() || is_format_char(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    if text.chars().nth(80).is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

/// Invisible formatting characters that can reorder or hide text (bidi controls and the like).
pub fn is_format_char(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_terminal_control() {
        assert_eq!(quote("a\u{1b}]0;x\u{7}"), "\"a\\u{1b}]0;x\\u{7}\"");
        assert_eq!(quote("say \"hi\""), "\"say \\\"hi\\\"\"");
        assert_eq!(quote("\u{202e}evil"), "\"\\u{202e}evil\"");
        assert!(quote(&"x".repeat(200)).ends_with("…\""));
    }

    #[test]
    fn io_reasons_read_as_words_without_os_error_numbers() {
        let missing = std::io::Error::from_raw_os_error(2);
        assert_eq!(io_reason(&missing), "no such file or directory");
        assert_eq!(
            io_reason(&std::io::Error::other("it is a directory")),
            "it is a directory"
        );
        assert_eq!(io_reason(&std::io::Error::other("EOF early")), "EOF early");
    }
}

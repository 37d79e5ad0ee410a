//! Loading org files from paths, standard input or bytes, with located errors.

use std::io::Read;

use super::decode::decode;
use super::error::{LoadError, MAX_PROBLEMS, Problem};
use super::fields::Problems;
use super::json;
use super::types::Org;

/// The Unicode encoding of text that is not UTF-8, told by its byte order mark or, without
/// one, by where the zero bytes of its first (ASCII) characters fall (RFC 4627, section 3).
pub fn foreign_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] => Some("UTF-32 text (little-endian, with a byte order mark)"),
        [0, 0, 0xFE, 0xFF, ..] => Some("UTF-32 text (big-endian, with a byte order mark)"),
        [0xFF, 0xFE, ..] => Some("UTF-16 text (little-endian, with a byte order mark)"),
        [0xFE, 0xFF, ..] => Some("UTF-16 text (big-endian, with a byte order mark)"),
        [a, 0, 0, 0, ..] if *a != 0 => Some("UTF-32 text (little-endian)"),
        [0, 0, 0, b, ..] if *b != 0 => Some("UTF-32 text (big-endian)"),
        [a, 0, c, 0, ..] if *a != 0 && *c != 0 => Some("UTF-16 text (little-endian)"),
        [0, b, 0, d, ..] if *b != 0 && *d != 0 => Some("UTF-16 text (big-endian)"),
        [a, 0] if *a != 0 => Some("UTF-16 text (little-endian)"),
        [0, b] if *b != 0 => Some("UTF-16 text (big-endian)"),
        _ => None,
    }
}

/// Parses and checks the bytes of an org file. `file` names it in errors.
///
/// A plainly valid file takes the typed fast path ([`json::typed`]); anything else goes
/// through the locating parser, which reports every problem with its line, column and path.
pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<Org, LoadError> {
    match json::typed::load(bytes) {
        Some(org) => Ok(org),
        None => from_bytes_located(file, bytes),
    }
}

/// [`from_bytes`] without the fast path: the locating parser and `decode` alone (the
/// reference the fast path is tested against).
pub fn from_bytes_located(file: &str, bytes: &[u8]) -> Result<Org, LoadError> {
    if let Some(encoding) = foreign_encoding(bytes) {
        return Err(LoadError::Invalid {
            file: file.to_string(),
            problems: vec![Problem {
                pos: super::json::Pos { line: 1, col: 1 },
                path: String::new(),
                message: format!("the file is {encoding}; save it as UTF-8"),
            }],
            more: 0,
        });
    }
    let root = json::parse_org(bytes).map_err(|e| LoadError::Invalid {
        file: file.to_string(),
        problems: vec![Problem {
            pos: e.pos,
            path: String::new(),
            message: e.message,
        }],
        more: 0,
    })?;
    let mut problems = Problems::default();
    let org = decode(&root, &mut problems);
    if problems.is_empty() {
        return Ok(org);
    }
    let mut list = problems.list;
    list.sort_by_key(|p| (p.pos.line, p.pos.col));
    let more = list.len().saturating_sub(MAX_PROBLEMS);
    list.truncate(MAX_PROBLEMS);
    Err(LoadError::Invalid {
        file: file.to_string(),
        problems: list,
        more,
    })
}

/// Parses and checks org file text.
pub fn from_str(file: &str, text: &str) -> Result<Org, LoadError> {
    from_bytes(file, text.as_bytes())
}

/// Loads an org file from a path, or from standard input when the path is `-`.
/// Files larger than `max_bytes` are refused before they are read.
pub fn load(path: &str, max_bytes: u64) -> Result<Org, LoadError> {
    let bytes = read_limited(path, max_bytes)?;
    let name = if path == "-" { "<stdin>" } else { path };
    from_bytes(name, &bytes)
}

/// Reads a file (or standard input for `-`) of at most `max_bytes`.
pub fn read_limited(path: &str, max_bytes: u64) -> Result<Vec<u8>, LoadError> {
    let io = |source| LoadError::Io {
        file: path.to_string(),
        source,
    };
    let too_large = |size: String| LoadError::TooLarge {
        file: if path == "-" {
            "<stdin>".into()
        } else {
            path.to_string()
        },
        size,
        limit: max_bytes,
    };
    let mut bytes = Vec::new();
    if path == "-" {
        let stdin = std::io::stdin();
        stdin
            .lock()
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
    } else {
        let file = std::fs::File::open(path).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        if meta.is_dir() {
            return Err(io(std::io::Error::other("it is a directory")));
        }
        if meta.len() > max_bytes {
            return Err(too_large(format!("{} bytes", meta.len())));
        }
        bytes.reserve(meta.len() as usize);
        file.take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
    }
    if bytes.len() as u64 > max_bytes {
        return Err(too_large("more".into()));
    }
    Ok(bytes)
}

//! A strict JSON parser that keeps the line and column of every value.
//!
//! serde_json's `Value` forgets positions and silently keeps the last of duplicate keys;
//! org files need both (errors point at the offending value, duplicate keys are errors).
//! The parser never panics and bounds nesting depth, so any byte string is safe to feed it.

mod extension;
mod scalars;
pub mod typed;
mod typed_reviews;

pub use extension::number_value;
use extension::{Stop, Tree};

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

/// A parsed JSON value with the position where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the value starts.
    pub pos: Pos,
    /// The value.
    pub value: Json,
}

/// A JSON value whose children keep their positions.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number; `integral` is true when it was written without fraction or exponent.
    Number {
        /// The value as f64 (may be infinite when the literal is too large).
        value: f64,
        /// Written as an integer literal.
        integral: bool,
    },
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Node>),
    /// An object: keys in file order, each with the position of the key.
    Object(Vec<(String, Pos, Node)>),
    /// The value of an `x-` key as read by [`parse_org`]: checked by the parser's rules and
    /// kept as its JSON text (gapscope keeps such values, it does not read them; a tree of
    /// positioned nodes cost 48 bytes per value). Decoding takes it out
    /// ([`Json::take_extension`]).
    Extension(Box<Kept>),
}

impl Json {
    /// A short name of the value's type for messages ("a string", "an array", ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number { .. } => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
            Json::Extension(v) => {
                match v.0.borrow().as_ref().and_then(|r| r.get().bytes().next()) {
                    Some(b'[') => "an array",
                    Some(b'{') => "an object",
                    Some(b'"') => "a string",
                    Some(b't' | b'f') => "a boolean",
                    Some(b'n') => "null",
                    _ => "a number",
                }
            }
        }
    }

    /// The JSON text of an `x-` value read by [`parse_org`], moved out (it is taken once,
    /// when the document is decoded; a second take gives `None`).
    pub fn take_extension(&self) -> Option<Box<serde_json::value::RawValue>> {
        match self {
            Json::Extension(v) => v.0.take(),
            _ => None,
        }
    }
}

/// The JSON text of an `x-` value, until decoding takes it.
#[derive(Debug, Clone)]
pub struct Kept(pub(crate) std::cell::RefCell<Option<Box<serde_json::value::RawValue>>>);

impl PartialEq for Kept {
    fn eq(&self, other: &Kept) -> bool {
        let text = |k: &Kept| k.0.borrow().as_ref().map(|r| r.get().to_string());
        text(self) == text(other)
    }
}

/// A syntax error with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// Where the problem is.
    pub pos: Pos,
    /// What is wrong.
    pub message: String,
}

/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 128;

/// Parses one JSON document (UTF-8 text; a byte order mark is refused).
pub fn parse(bytes: &[u8]) -> Result<Node, SyntaxError> {
    parse_with(bytes, false)
}

/// Parses an org document: as [`parse`], but the value of every `x-` key (outside `attrs`)
/// is checked and kept as its JSON text ([`Json::Extension`]): gapscope only keeps such
/// values, so they need no positions. A value that `decode` would refuse (a number too large
/// to represent) is read as positioned nodes instead, so the message is the same.
pub fn parse_org(bytes: &[u8]) -> Result<Node, SyntaxError> {
    parse_with(bytes, true)
}

fn parse_with(bytes: &[u8], compact_extensions: bool) -> Result<Node, SyntaxError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(SyntaxError {
            pos: Pos { line: 1, col: 1 },
            message: "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM"
                .into(),
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(SyntaxError {
            pos: Pos { line: 1, col: 1 },
            message: "the file is UTF-16 text; save it as UTF-8".into(),
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let pos = position_of(bytes, e.valid_up_to());
            return Err(SyntaxError {
                pos,
                message: "the file is not valid UTF-8 text".into(),
            });
        }
    };
    let mut p = Parser::new(text, compact_extensions);
    p.skip_ws();
    if p.i >= p.s.len() {
        return Err(p.err("the file is empty: expected a JSON object"));
    }
    let node = p.value::<Node>(0).map_err(Stop::syntax)?;
    p.skip_ws();
    if p.i < p.s.len() {
        return Err(p.err("unexpected text after the end of the JSON value"));
    }
    Ok(node)
}

/// Whether `text` is one JSON value by this parser's rules, as the value of an `x-` key at
/// nesting `depth` (the fast path of loading checks the `x-` values serde read with this, so
/// that it keeps exactly what [`parse_org`] keeps).
pub(crate) fn is_kept_value(text: &str, depth: usize) -> bool {
    let mut p = Parser::new(text, false);
    p.skip_ws();
    if p.value::<extension::Skip>(depth).is_err() {
        return false;
    }
    p.skip_ws();
    p.i == p.s.len()
}

/// Line and column of a byte offset in possibly invalid UTF-8.
fn position_of(bytes: &[u8], offset: usize) -> Pos {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    Pos { line, col }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    line: usize,
    line_start: usize,
    /// The last position asked for on this line: (byte offset, characters before it), so
    /// that a long one-line file costs linear time, not quadratic.
    col_cache: std::cell::Cell<(usize, usize)>,
    /// Keep the values of `x-` keys as their JSON text.
    compact_extensions: bool,
}

impl<'a> Parser<'a> {
    /// A parser at the start of `text`.
    fn new(text: &'a str, compact_extensions: bool) -> Parser<'a> {
        Parser {
            s: text.as_bytes(),
            i: 0,
            line: 1,
            line_start: 0,
            col_cache: std::cell::Cell::new((0, 0)),
            compact_extensions,
        }
    }

    fn pos(&self) -> Pos {
        let (at, chars) = self.col_cache.get();
        let (from, base) = if at >= self.line_start && at <= self.i {
            (at, chars)
        } else {
            (self.line_start, 0)
        };
        // The text is valid UTF-8: every byte that is not a continuation byte starts a char.
        let chars = base
            + self.s[from..self.i]
                .iter()
                .filter(|&&b| b & 0xC0 != 0x80)
                .count();
        self.col_cache.set((self.i, chars));
        Pos {
            line: self.line,
            col: chars + 1,
        }
    }

    fn err(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            pos: self.pos(),
            message: message.into(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' | b'\r' => self.i += 1,
                b'\n' => {
                    self.i += 1;
                    self.line += 1;
                    self.line_start = self.i;
                }
                _ => break,
            }
        }
    }

    fn found(&self) -> String {
        match std::str::from_utf8(&self.s[self.i..])
            .ok()
            .and_then(|t| t.chars().next())
        {
            None => "the end of the file".into(),
            Some(c) if super::error::is_format_char(c) => format!("'{}'", c.escape_unicode()),
            Some(c) => format!("'{}'", c.escape_debug()),
        }
    }

    /// "expected X, found Y", with a hint for the usual non-JSON habits at this point.
    fn unexpected(&self, expected: &str) -> SyntaxError {
        let rest = &self.s[self.i..];
        let hint = match rest.first() {
            Some(b'/') => " (comments are not allowed in JSON)",
            Some(b'\'') => " (JSON strings and keys use double quotes)",
            _ if rest.starts_with(b"NaN") || rest.starts_with(b"Infinity") => {
                " (NaN and Infinity are not JSON numbers)"
            }
            _ => "",
        };
        self.err(format!("expected {expected}, found {}{hint}", self.found()))
    }

    fn value<T: Tree>(&mut self, depth: usize) -> Result<T, Stop> {
        let pos = self.pos();
        let scalar = match self.peek() {
            None => {
                return Err(self
                    .err("unexpected end of the file: expected a value")
                    .into());
            }
            Some(b'{') => return self.object(depth, pos),
            Some(b'[') => return self.array(depth, pos),
            Some(b'"') => Json::String(self.string()?),
            Some(b't') => self.literal("true", Json::Bool(true))?,
            Some(b'f') => self.literal("false", Json::Bool(false))?,
            Some(b'n') => self.literal("null", Json::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.unexpected("a value").into()),
        };
        T::scalar(pos, scalar)
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, SyntaxError> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(value)
        } else {
            Err(self.unexpected("a value"))
        }
    }

    fn enter(&self, depth: usize) -> Result<usize, SyntaxError> {
        if depth >= MAX_DEPTH {
            Err(self.err(format!(
                "nesting deeper than {MAX_DEPTH} levels of arrays and objects"
            )))
        } else {
            Ok(depth + 1)
        }
    }

    fn array<T: Tree>(&mut self, depth: usize, pos: Pos) -> Result<T, Stop> {
        let depth = self.enter(depth)?;
        self.i += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(T::array(pos, items));
        }
        loop {
            self.skip_ws();
            if self.peek() == Some(b']') {
                return Err(self
                    .err("a trailing comma before ']' (JSON does not allow one)")
                    .into());
            }
            items.push(self.value::<T>(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(T::array(pos, items));
                }
                _ => return Err(self.unexpected("',' or ']' in an array").into()),
            }
        }
    }

    fn object<T: Tree>(&mut self, depth: usize, pos: Pos) -> Result<T, Stop> {
        let depth = self.enter(depth)?;
        self.i += 1;
        let mut members: Vec<(String, Pos, T)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(T::object(pos, members));
        }
        loop {
            self.skip_ws();
            let key_pos = self.pos();
            if self.peek() == Some(b'}') {
                return Err(self
                    .err("a trailing comma before '}' (JSON does not allow one)")
                    .into());
            }
            if self.peek() != Some(b'"') {
                return Err(self.unexpected("a key in double quotes").into());
            }
            let key = self.string()?;
            if !seen.insert(key.clone()) {
                return Err(SyntaxError {
                    pos: key_pos,
                    message: format!("duplicate key {} in an object", super::error::quote(&key)),
                }
                .into());
            }
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.unexpected("':' after a key").into());
            }
            self.i += 1;
            self.skip_ws();
            let value = T::member(self, &key, depth)?;
            members.push((key, key_pos, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(T::object(pos, members));
                }
                _ => return Err(self.unexpected("',' or '}' in an object").into()),
            }
        }
    }
}

#[cfg(test)]
mod tests;

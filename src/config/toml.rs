//! The small part of TOML that the config file uses, read by hand (no `toml` crate: see
//! docs/building.md): comments, `[table]` headers, `key = value` with bare, quoted or dotted
//! keys, and values that are strings (basic or literal, one line), `true`/`false`, numbers
//! and one-line arrays of strings. Anything else is refused with its line and column.

/// A place in the file: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, counted in characters.
    pub col: usize,
}

/// A value of the subset.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A string.
    Str(String),
    /// `true` or `false`.
    Bool(bool),
    /// A number (integer or float).
    Num(f64),
    /// A one-line array of strings, each with where it starts.
    List(Vec<(String, Pos)>),
}

impl Value {
    /// What kind of value it is, for "expected a string, found a number".
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Bool(_) => "true or false",
            Value::Num(_) => "a number",
            Value::List(_) => "a list",
        }
    }
}

/// One `key = value` line, with its full dotted key (the table's name in front).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The full key, parts joined with `.` (`keys.quit`).
    pub key: String,
    /// Where the key starts.
    pub key_pos: Pos,
    /// The value.
    pub value: Value,
    /// Where the value starts.
    pub pos: Pos,
}

/// Why the file is not in the subset, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// Where.
    pub pos: Pos,
    /// What is wrong.
    pub msg: String,
}

/// Reads every entry, in file order; a key given twice is refused.
pub fn parse(text: &str) -> Result<Vec<Entry>, SyntaxError> {
    let mut out: Vec<Entry> = Vec::new();
    let mut table: Vec<String> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut c = Cursor {
            chars: line.chars().collect(),
            at: 0,
            line: i + 1,
        };
        c.skip_space();
        match c.peek() {
            None | Some('#') => continue,
            Some('[') => {
                c.at += 1;
                if c.peek() == Some('[') {
                    return Err(c.err("arrays of tables ([[...]]) are not supported"));
                }
                c.skip_space();
                table = c.key()?.into_iter().map(|(k, _)| k).collect();
                c.skip_space();
                if c.peek() != Some(']') {
                    return Err(c.err("expected ] to close the table name"));
                }
                c.at += 1;
                c.end()?;
            }
            Some(_) => {
                let key_pos = c.pos();
                let parts = c.key()?;
                c.skip_space();
                if c.peek() != Some('=') {
                    return Err(c.err("expected = after the key"));
                }
                c.at += 1;
                c.skip_space();
                let pos = c.pos();
                let value = c.value()?;
                c.end()?;
                let key = table
                    .iter()
                    .cloned()
                    .chain(parts.into_iter().map(|(k, _)| k))
                    .collect::<Vec<_>>()
                    .join(".");
                if let Some(first) = out.iter().find(|e| e.key == key) {
                    return Err(SyntaxError {
                        pos: key_pos,
                        msg: format!("{key} is set twice (first on line {})", first.key_pos.line),
                    });
                }
                out.push(Entry {
                    key,
                    key_pos,
                    value,
                    pos,
                });
            }
        }
    }
    Ok(out)
}

struct Cursor {
    chars: Vec<char>,
    at: usize,
    line: usize,
}

impl Cursor {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.at + 1,
        }
    }
    fn err(&self, msg: &str) -> SyntaxError {
        SyntaxError {
            pos: self.pos(),
            msg: msg.into(),
        }
    }
    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.at += 1;
        }
    }
    /// Nothing but spaces and a comment may follow.
    fn end(&mut self) -> Result<(), SyntaxError> {
        self.skip_space();
        match self.peek() {
            None | Some('#') => Ok(()),
            Some(_) => Err(self.err("expected the end of the line (or a # comment)")),
        }
    }
    /// A dotted key: bare parts (`A-Za-z0-9_-`) or quoted ones.
    fn key(&mut self) -> Result<Vec<(String, Pos)>, SyntaxError> {
        let mut parts = Vec::new();
        loop {
            self.skip_space();
            let pos = self.pos();
            let part = match self.peek() {
                Some('"') => self.string('"')?,
                Some('\'') => self.string('\'')?,
                _ => {
                    let start = self.at;
                    while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == '_' || c == '-')
                    {
                        self.at += 1;
                    }
                    if self.at == start {
                        return Err(self.err("expected a key (letters, digits, _ or -)"));
                    }
                    self.chars[start..self.at].iter().collect()
                }
            };
            parts.push((part, pos));
            self.skip_space();
            if self.peek() != Some('.') {
                return Ok(parts);
            }
            self.at += 1;
        }
    }
    fn value(&mut self) -> Result<Value, SyntaxError> {
        match self.peek() {
            Some('"') => Ok(Value::Str(self.string('"')?)),
            Some('\'') => Ok(Value::Str(self.string('\'')?)),
            Some('[') => self.list(),
            Some('t' | 'f') => {
                let word: String = self.chars[self.at..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                    .collect();
                let v = match word.as_str() {
                    "true" => true,
                    "false" => false,
                    _ => {
                        return Err(self.err(
                            "expected a value: a \"string\", true, false, a number or [a list]",
                        ));
                    }
                };
                self.at += word.chars().count();
                Ok(Value::Bool(v))
            }
            Some(c) if c.is_ascii_digit() || c == '+' || c == '-' || c == '.' => self.number(),
            None => Err(self.err("expected a value after =")),
            Some(_) => {
                Err(self.err("expected a value: a \"string\", true, false, a number or [a list]"))
            }
        }
    }
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos();
        let mut text = String::new();
        while let Some(c) = self.peek() {
            if !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.' | '_')) {
                break;
            }
            if c != '_' {
                text.push(c);
            }
            self.at += 1;
        }
        let ok = text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | 'e' | 'E'))
            && text.chars().any(|c| c.is_ascii_digit());
        match text.parse::<f64>() {
            Ok(v) if ok && v.is_finite() => Ok(Value::Num(v)),
            _ => Err(SyntaxError {
                pos: start,
                msg: format!("{text:?} is not a number"),
            }),
        }
    }
    fn list(&mut self) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.skip_space();
            let pos = self.pos();
            match self.peek() {
                Some(']') => {
                    self.at += 1;
                    return Ok(Value::List(items));
                }
                Some('"') => items.push((self.string('"')?, pos)),
                Some('\'') => items.push((self.string('\'')?, pos)),
                None => {
                    return Err(self.err("expected ] to close the list (lists stay on one line)"));
                }
                Some(_) => return Err(self.err("expected a \"string\" in the list")),
            }
            self.skip_space();
            match self.peek() {
                Some(',') => self.at += 1,
                Some(']') => {}
                _ => return Err(self.err("expected , or ] in the list")),
            }
        }
    }
    /// A basic string (`"..."`, with TOML's escapes) or a literal one (`'...'`, none).
    fn string(&mut self, quote: char) -> Result<String, SyntaxError> {
        if self.chars[self.at..].starts_with(&[quote, quote, quote]) {
            return Err(self.err("multi-line strings are not supported"));
        }
        let start = self.pos();
        self.at += 1;
        let mut s = String::new();
        loop {
            match self.peek() {
                None => {
                    return Err(SyntaxError {
                        pos: start,
                        msg: "the string is not closed on this line".into(),
                    });
                }
                Some(c) if c == quote => {
                    self.at += 1;
                    return Ok(s);
                }
                Some('\\') if quote == '"' => {
                    let esc = self.pos();
                    self.at += 1;
                    let c = match self.peek() {
                        Some('"') => '"',
                        Some('\\') => '\\',
                        Some('n') => '\n',
                        Some('t') => '\t',
                        Some('r') => '\r',
                        Some('b') => '\u{8}',
                        Some('f') => '\u{c}',
                        Some(u @ ('u' | 'U')) => {
                            let n = if u == 'u' { 4 } else { 8 };
                            let hex: String = self.chars[self.at + 1..].iter().take(n).collect();
                            let c = (hex.chars().count() == n)
                                .then(|| u32::from_str_radix(&hex, 16).ok())
                                .flatten()
                                .and_then(char::from_u32);
                            let Some(c) = c else {
                                return Err(SyntaxError {
                                    pos: esc,
                                    msg: format!("\\{u} needs {n} hex digits of a character"),
                                });
                            };
                            self.at += n;
                            c
                        }
                        _ => {
                            return Err(SyntaxError {
                                pos: esc,
                                msg: "unknown escape (use \\\\ for a backslash)".into(),
                            });
                        }
                    };
                    s.push(c);
                }
                Some(c) if c.is_control() && c != '\t' => {
                    return Err(self.err("a control character in a string"));
                }
                Some(c) => s.push(c),
            }
            self.at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subset_reads() {
        let text = "# c\ntheme = \"light\" # c\nascii=true\n[keys]\nquit = ['Q', \"Ctrl-\\u0071\",]\n\"save\" = \"S\"\n[x.y]\nz = -0.25\n";
        let e = parse(text).expect("parses");
        let keys: Vec<&str> = e.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["theme", "ascii", "keys.quit", "keys.save", "x.y.z"]);
        assert_eq!(e[0].value, Value::Str("light".into()));
        assert_eq!(e[0].pos, Pos { line: 2, col: 9 });
        assert_eq!(e[1].value, Value::Bool(true));
        assert_eq!(
            e[2].value,
            Value::List(vec![
                ("Q".into(), Pos { line: 5, col: 9 }),
                ("Ctrl-q".into(), Pos { line: 5, col: 14 })
            ])
        );
        assert_eq!(e[4].value, Value::Num(-0.25));
    }

    #[test]
    fn errors_say_where() {
        let at = |t: &str| parse(t).map(|_| ()).map_err(|e| (e.pos.line, e.pos.col));
        assert_eq!(at("a = \"x"), Err((1, 5)));
        assert_eq!(at("\n a = 1 2"), Err((2, 8)));
        assert_eq!(at("a = nan"), Err((1, 5)));
        assert_eq!(at("a = 1\na = 2"), Err((2, 1)));
        assert_eq!(at("[[a]]"), Err((1, 2)));
        assert_eq!(at("a = [\"x\" \"y\"]"), Err((1, 10)));
        assert_eq!(at("a = \"\\q\""), Err((1, 6)));
        assert_eq!(at("= 1"), Err((1, 1)));
    }
}

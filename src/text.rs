//! Making text from files safe to show in a terminal.

use crate::model::error::is_format_char;

/// Replaces control characters, escape sequences and invisible formatting characters with
/// visible escapes, so file text can never drive the terminal.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || is_format_char(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// A number for a message: as Rust writes it when that is short (`3`, `0.25`, `-1`), else in
/// exponent form (`1e308`, `1e-320`), never hundreds of digits.
pub fn number(x: f64) -> String {
    let plain = x.to_string();
    if plain.len() <= 16 {
        plain
    } else {
        format!("{x:e}")
    }
}

#[cfg(test)]
mod tests {
    use super::{clean, number};

    #[test]
    fn numbers_stay_short() {
        assert_eq!(number(3.0), "3");
        assert_eq!(number(0.25), "0.25");
        assert_eq!(number(1e308), "1e308");
        assert_eq!(number(1e-320), "1e-320");
        assert_eq!(number(123456.5), "123456.5");
    }

    #[test]
    fn escapes_are_made_visible() {
        assert_eq!(clean("CIO\u{1b}[2J office"), "CIO\\u{1b}[2J office");
        assert_eq!(clean("a\nb\tc"), "a\\nb\\tc");
        assert_eq!(clean("Sécurité"), "Sécurité");
    }
}

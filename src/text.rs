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

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn escapes_are_made_visible() {
        assert_eq!(clean("CIO\u{1b}[2J office"), "CIO\\u{1b}[2J office");
        assert_eq!(clean("a\nb\tc"), "a\\nb\\tc");
        assert_eq!(clean("Sécurité"), "Sécurité");
    }
}

//! Symbols that carry meaning (so nothing relies on colour alone), and the "too small" screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::analysis::GapKind;
use crate::tui::theme::Theme;

use super::{MIN_HEIGHT, MIN_WIDTH, put};

/// The mark of a gap kind; ASCII variants for `--ascii`.
pub fn gap_symbol(kind: GapKind, ascii: bool) -> &'static str {
    match (kind, ascii) {
        (GapKind::BelowTarget, _) => "!",
        (GapKind::MissingTie, false) => "✗",
        (GapKind::MissingTie, true) => "x",
        (GapKind::Asymmetric, false) => "⇄",
        (GapKind::Asymmetric, true) => "~",
        (GapKind::Isolated, false) => "∅",
        (GapKind::Isolated, true) => "0",
        (GapKind::Silo, false) => "□",
        (GapKind::Silo, true) => "#",
        (GapKind::SinglePoint, false) => "◇",
        (GapKind::SinglePoint, true) => "^",
    }
}

/// Whether a gap kind is an alarm (else a warning).
pub(crate) fn is_alarm(kind: GapKind) -> bool {
    matches!(kind, GapKind::MissingTie | GapKind::Isolated)
}

/// Says that the terminal is too small, as far as it fits.
pub fn too_small(area: Rect, buf: &mut Buffer, theme: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let msg = format!("terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT})");
    let words: Vec<&str> = msg.split(' ').collect();
    let mut lines: Vec<String> = Vec::new();
    for w in words {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + w.chars().count() <= area.width as usize => {
                l.push(' ');
                l.push_str(w);
            }
            _ => lines.push(w.to_string()),
        }
    }
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, l) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let len = l.chars().count() as u16;
        let x = area.x + area.width.saturating_sub(len) / 2;
        put(buf, x, y, l, area.width, theme.warn);
    }
}

//! The glyphs the screen draws with, one set for Unicode terminals and one for `--ascii`,
//! chosen once with the theme ([`Theme::sym`]); the marks that carry meaning (so nothing
//! relies on colour alone); and the "too small" screen.
//!
//! Every view, overlay, bar, border, the review and the rating form take their glyphs from
//! here. Text from the org file is drawn as it is; [`Symbols::prose`] only rewrites the
//! typographic punctuation of sentences the program writes (messages, gap explanations),
//! leaving the names quoted in them untouched.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::border;

use crate::analysis::GapKind;
use crate::tui::theme::Theme;

use super::{MIN_HEIGHT, MIN_WIDTH, put};

/// How the graph's lines are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineGlyphs {
    /// Braille dots on a canvas (dash patterns for weak ties).
    Braille,
    /// One character per cell.
    Chars {
        /// Mostly level.
        level: &'static str,
        /// Mostly upright.
        upright: &'static str,
        /// Rising to the right.
        rising: &'static str,
        /// Falling to the right.
        falling: &'static str,
        /// Every cell of a dotted (weak or missing) line.
        dotted: &'static str,
    },
}

/// Every glyph the screen draws that is not text from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbols {
    /// Whether this is the plain ASCII set.
    pub ascii: bool,
    /// Between the items of a line: "a · b".
    pub sep: &'static str,
    /// Between the parts of the title bar: "file │ counts".
    pub bar_sep: &'static str,
    /// The end of cut text and of "computing…".
    pub ellipsis: &'static str,
    /// "A → B", a rating given, a route.
    pub right: &'static str,
    /// A rating received.
    pub left: &'static str,
    /// A pair: "A ↔ B".
    pub both: &'static str,
    /// A range: "1–5".
    pub range: &'static str,
    /// "40×12".
    pub times: &'static str,
    /// An estimate: "≈0.12".
    pub approx: &'static str,
    /// Closed by the plan, discussed.
    pub check: &'static str,
    /// Widened since OLD.
    pub up: &'static str,
    /// Narrowed since OLD.
    pub down: &'static str,
    /// Gap marks by kind: below target, missing tie, one-sided, isolated, silo, single point.
    pub gaps: [&'static str; 6],
    /// A filled cell of a severity bar.
    pub full: &'static str,
    /// An empty cell of a severity bar; an unrated answer of the rating form.
    pub empty: &'static str,
    /// Heat map ramp, weak to strong.
    pub ramp: [&'static str; 4],
    /// A rating of zero in the heat map ("none", unlike the weakest shade).
    pub none: &'static str,
    /// The matrix's diagonal.
    pub diagonal: &'static str,
    /// Frames of the "computing" spinner.
    pub spinner: &'static [&'static str],
    /// Borders of panes and overlays.
    pub border: border::Set<'static>,
    /// The text cursor of a line being edited, where there is no character.
    pub cursor: &'static str,
    /// The selected action on a review card.
    pub pointer: &'static str,
    /// The selected row of the rating form.
    pub row: &'static str,
    /// A rule around a heading: "── Sales ──".
    pub rule: &'static str,
    /// A unit on the graph.
    pub unit: &'static str,
    /// A collapsed group on the graph.
    pub group: &'static str,
    /// Unsaved edits, in the title bar.
    pub unsaved: &'static str,
    /// The graph's lines.
    pub lines: LineGlyphs,
}

/// Box drawing, braille, arrows and typographic punctuation.
pub static UNICODE: Symbols = Symbols {
    ascii: false,
    sep: " · ",
    bar_sep: " │ ",
    ellipsis: "…",
    right: "→",
    left: "←",
    both: "↔",
    range: "–",
    times: "×",
    approx: "≈",
    check: "✓",
    up: "▲",
    down: "▼",
    gaps: ["!", "✗", "⇄", "∅", "□", "◇"],
    full: "█",
    empty: "·",
    ramp: ["░", "▒", "▓", "█"],
    none: "·",
    diagonal: "╲",
    spinner: &["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"],
    border: border::ROUNDED,
    cursor: "▏",
    pointer: "›",
    row: "▸",
    rule: "─",
    unit: "●",
    group: "◆",
    unsaved: "●",
    lines: LineGlyphs::Braille,
};

/// Plain ASCII, for old terminals and serial consoles (`--ascii`). Each mark keeps one
/// meaning: `~` is a one-sided pair only, `-` a rating of zero, `.` an empty cell, `^` a
/// gap widened since OLD (a single point of contact is `%`: both show in the gap list).
pub static ASCII: Symbols = Symbols {
    ascii: true,
    sep: " | ",
    bar_sep: " | ",
    ellipsis: "...",
    right: "->",
    left: "<-",
    both: "<->",
    range: "-",
    times: "x",
    approx: "about ",
    check: "+",
    up: "^",
    down: "v",
    gaps: ["!", "x", "~", "0", "#", "%"],
    full: "#",
    empty: ".",
    ramp: [".", ":", "+", "#"],
    none: "-",
    diagonal: "\\",
    spinner: &["|", "/", "-", "\\"],
    border: border::Set {
        top_left: "+",
        top_right: "+",
        bottom_left: "+",
        bottom_right: "+",
        vertical_left: "|",
        vertical_right: "|",
        horizontal_top: "-",
        horizontal_bottom: "-",
    },
    cursor: "_",
    pointer: ">",
    row: ">",
    rule: "-",
    unit: "o",
    group: "@",
    unsaved: "*",
    lines: LineGlyphs::Chars {
        level: "-",
        upright: "|",
        rising: "/",
        falling: "\\",
        dotted: ".",
    },
};

/// The typographic punctuation of the program's sentences and its ASCII spelling.
const PROSE: &[(char, &str)] = &[
    ('·', "|"),
    ('…', "..."),
    ('→', "->"),
    ('←', "<-"),
    ('↔', "<->"),
    ('–', "-"),
    ('—', "-"),
    ('≈', "about "),
    ('×', "x"),
    ('✓', "+"),
    ('▲', "^"),
    ('▼', "v"),
];

impl Symbols {
    /// The set for `ascii`.
    pub fn of(ascii: bool) -> &'static Symbols {
        if ascii { &ASCII } else { &UNICODE }
    }

    /// The mark of a gap kind.
    pub fn gap(&self, kind: GapKind) -> &'static str {
        self.gaps[match kind {
            GapKind::BelowTarget => 0,
            GapKind::MissingTie => 1,
            GapKind::Asymmetric => 2,
            GapKind::Isolated => 3,
            GapKind::Silo => 4,
            GapKind::SinglePoint => 5,
        }]
    }

    /// A severity bar of `width` cells.
    pub fn bar(&self, severity: f64, width: usize) -> String {
        let filled = ((severity.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
        format!(
            "{}{}",
            self.full.repeat(filled),
            self.empty.repeat(width - filled)
        )
    }

    /// A sentence the program wrote (a message, a gap's explanation, a key's description)
    /// with its typographic punctuation in this set's spelling. The names in `keep` (text
    /// from the file quoted in the sentence) are left exactly as they are.
    pub fn prose<'t>(&self, text: &'t str, keep: &[&str]) -> Cow<'t, str> {
        if !self.ascii || text.is_ascii() {
            return Cow::Borrowed(text);
        }
        let mut kept = vec![false; text.len()];
        for name in keep.iter().filter(|n| !n.is_empty()) {
            for (at, _) in text.match_indices(name) {
                kept[at..at + name.len()].iter_mut().for_each(|k| *k = true);
            }
        }
        let mut out = String::with_capacity(text.len() + 8);
        for (at, c) in text.char_indices() {
            match PROSE.iter().find(|(p, _)| *p == c) {
                Some((_, plain)) if !kept[at] => out.push_str(plain),
                _ => out.push(c),
            }
        }
        Cow::Owned(out)
    }

    /// Whether a name has punctuation that [`Symbols::prose`] would rewrite (such names
    /// are passed to it as `keep`).
    pub fn would_rewrite(name: &str) -> bool {
        !name.is_ascii() && name.chars().any(|c| PROSE.iter().any(|(p, _)| *p == c))
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
    let msg = format!(
        "terminal too small (need {MIN_WIDTH}{}{MIN_HEIGHT})",
        theme.sym.times
    );
    let cells = |s: &str| ratatui::text::Span::raw(s).width();
    let mut lines: Vec<String> = Vec::new();
    for w in msg.split(' ') {
        match lines.last_mut() {
            Some(l) if cells(l) + 1 + cells(w) <= area.width as usize => {
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
        let len = cells(l) as u16;
        let x = area.x + area.width.saturating_sub(len) / 2;
        put(buf, x, y, l, area.width, theme.warn);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_set_is_ascii_and_the_sets_have_the_same_fields_filled() {
        let strings = |s: &Symbols| -> Vec<String> {
            let mut v: Vec<String> = [
                s.sep, s.bar_sep, s.ellipsis, s.right, s.left, s.both, s.range, s.times, s.approx,
                s.check, s.up, s.down, s.full, s.empty, s.none, s.diagonal, s.cursor, s.pointer,
                s.row, s.rule, s.unit, s.group, s.unsaved,
            ]
            .iter()
            .chain(&s.gaps)
            .chain(&s.ramp)
            .chain(s.spinner)
            .map(|x| x.to_string())
            .collect();
            let b = s.border;
            v.extend(
                [b.top_left, b.top_right, b.bottom_left, b.bottom_right]
                    .iter()
                    .chain(&[b.vertical_left, b.horizontal_top])
                    .map(|x| x.to_string()),
            );
            v
        };
        assert!(
            strings(&ASCII)
                .iter()
                .all(|s| s.is_ascii() && !s.is_empty())
        );
        assert!(strings(&UNICODE).iter().all(|s| !s.is_empty()));
        let LineGlyphs::Chars { .. } = ASCII.lines else {
            panic!("ASCII lines are characters");
        };
    }

    #[test]
    fn in_ascii_each_mark_has_one_meaning() {
        let s = &ASCII;
        let mut marks: Vec<&str> = s.gaps.to_vec();
        // The since-OLD marks share the gap list with the gap marks (`--compare`).
        marks.extend([s.none, s.empty, s.unit, s.group, s.up, s.down]);
        let mut unique = marks.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), marks.len(), "{marks:?}");
        // The ramp's shades differ from "none".
        assert!(!s.ramp.contains(&s.none));
    }

    #[test]
    fn prose_rewrites_punctuation_but_not_the_names_it_quotes() {
        let text = "R–D–Sales need 4 on 1–5; the best route runs R–D → Ops";
        assert_eq!(UNICODE.prose(text, &[]), text);
        assert_eq!(
            ASCII.prose(text, &["R–D"]),
            "R–D-Sales need 4 on 1-5; the best route runs R–D -> Ops"
        );
        assert_eq!(ASCII.prose("saving x…", &[]), "saving x...");
        assert!(matches!(ASCII.prose("plain", &[]), Cow::Borrowed(_)));
        assert!(Symbols::would_rewrite("R–D") && !Symbols::would_rewrite("Café"));
    }

    #[test]
    fn bars_fill_by_severity() {
        assert_eq!(UNICODE.bar(0.5, 4), "██··");
        assert_eq!(ASCII.bar(1.5, 3), "###");
        assert_eq!(ASCII.bar(-1.0, 2), "..");
    }
}

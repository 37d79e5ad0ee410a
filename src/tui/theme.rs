//! The one place styles come from: dark, light and mono themes in the 16 named ANSI colours.

use ratatui::style::{Color, Modifier, Style};

pub use super::view::symbols::{ASCII, LineGlyphs, Symbols, UNICODE};

/// Which theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Light text on a dark terminal.
    #[default]
    Dark,
    /// Dark text on a light terminal.
    Light,
    /// No colour at all: modifiers only (NO_COLOR, dumb terminals).
    Mono,
}

/// Every style and glyph the screen uses. Views take colours, styles and symbols only from
/// here.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Which theme this is.
    pub name: ThemeName,
    /// The glyphs: Unicode, or plain ASCII (`--ascii`), chosen with the theme.
    pub sym: &'static Symbols,
    /// Plain text.
    pub text: Style,
    /// Secondary text and dimmed graph elements.
    pub dim: Style,
    /// Title and status bars.
    pub bar: Style,
    /// Keys in hints.
    pub key: Style,
    /// Borders and headings.
    pub heading: Style,
    /// The selected item.
    pub selected: Style,
    /// Emphasised items (neighbours of the selection, the selected row and column).
    pub emphasis: Style,
    /// Below target, one-sided pairs.
    pub warn: Style,
    /// Missing ties that a target needs, isolated units.
    pub alarm: Style,
    /// Group colours, cycled.
    pub groups: [Color; 6],
    /// Heat map ramp from weak to strong (4 levels above zero).
    pub ramp: [Style; 4],
    /// Colour of strong, medium and weak ties on the canvas.
    pub tie: [Color; 3],
    /// Colour of dimmed lines on the canvas.
    pub faint: Color,
    /// Colour of warning and alarm lines on the canvas.
    pub line_warn: Color,
    /// Colour of alarm lines on the canvas.
    pub line_alarm: Color,
}

impl Theme {
    /// The theme of a name, with Unicode symbols.
    pub fn new(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::Mono => Theme::mono(),
        }
    }

    /// The same theme drawing with plain ASCII symbols (`ascii`) or Unicode ones.
    pub fn ascii(self, ascii: bool) -> Theme {
        Theme {
            sym: Symbols::of(ascii),
            ..self
        }
    }

    fn dark() -> Theme {
        let fg = |c| Style::new().fg(c);
        Theme {
            name: ThemeName::Dark,
            sym: Symbols::of(false),
            text: Style::new(),
            dim: fg(Color::DarkGray),
            bar: Style::new().fg(Color::Black).bg(Color::Gray),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            emphasis: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
            warn: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            alarm: fg(Color::LightRed).add_modifier(Modifier::BOLD),
            groups: [
                Color::LightBlue,
                Color::LightGreen,
                Color::LightMagenta,
                Color::LightCyan,
                Color::Yellow,
                Color::White,
            ],
            ramp: [
                fg(Color::Blue),
                fg(Color::Cyan),
                fg(Color::Green),
                fg(Color::LightGreen),
            ],
            tie: [Color::White, Color::Gray, Color::DarkGray],
            faint: Color::DarkGray,
            line_warn: Color::Yellow,
            line_alarm: Color::LightRed,
        }
    }

    fn light() -> Theme {
        let fg = |c| Style::new().fg(c);
        Theme {
            name: ThemeName::Light,
            sym: Symbols::of(false),
            text: Style::new(),
            dim: fg(Color::Gray),
            bar: Style::new().fg(Color::White).bg(Color::Blue),
            key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            selected: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            emphasis: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
            warn: fg(Color::Magenta).add_modifier(Modifier::BOLD),
            alarm: fg(Color::Red).add_modifier(Modifier::BOLD),
            groups: [
                Color::Blue,
                Color::Green,
                Color::Magenta,
                Color::Cyan,
                Color::DarkGray,
                Color::Black,
            ],
            ramp: [
                fg(Color::Cyan),
                fg(Color::Blue),
                fg(Color::Green),
                fg(Color::Black),
            ],
            tie: [Color::Black, Color::DarkGray, Color::Gray],
            faint: Color::Gray,
            line_warn: Color::Magenta,
            line_alarm: Color::Red,
        }
    }

    fn mono() -> Theme {
        let m = |md| Style::new().add_modifier(md);
        Theme {
            name: ThemeName::Mono,
            sym: Symbols::of(false),
            text: Style::new(),
            dim: m(Modifier::DIM),
            bar: m(Modifier::REVERSED),
            key: m(Modifier::BOLD),
            heading: m(Modifier::BOLD),
            selected: m(Modifier::REVERSED | Modifier::BOLD),
            emphasis: m(Modifier::BOLD),
            // Each differs from the cursor (reversed): a gap is never mistaken for it.
            warn: m(Modifier::UNDERLINED),
            alarm: m(Modifier::BOLD | Modifier::UNDERLINED | Modifier::ITALIC),
            groups: [Color::Reset; 6],
            ramp: [Style::new(); 4],
            tie: [Color::Reset; 3],
            faint: Color::Reset,
            line_warn: Color::Reset,
            line_alarm: Color::Reset,
        }
    }

    /// Colour of the group with this index.
    pub fn group(&self, index: usize) -> Color {
        self.groups[index % self.groups.len()]
    }
}

/// The theme to use: the one asked for (`--theme`, else the config file), else mono when
/// `NO_COLOR` is set and not empty, else dark. no-color.org: configuration and flags that
/// ask for colour override NO_COLOR.
pub fn choose(requested: Option<ThemeName>, no_color: Option<&str>) -> ThemeName {
    match (requested, no_color) {
        // A theme asked for (a flag, the config file) wins, as no-color.org asks.
        (Some(t), _) => t,
        (None, Some(v)) if !v.is_empty() => ThemeName::Mono,
        (None, _) => ThemeName::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_mono_the_cursor_differs_from_every_gap_marker() {
        let t = Theme::new(ThemeName::Mono);
        assert_ne!(t.selected, t.alarm);
        assert_ne!(t.selected, t.warn);
        assert_ne!(t.alarm, t.warn);
    }

    fn colours(t: &Theme) -> Vec<Color> {
        let mut v: Vec<Color> = [
            t.text, t.dim, t.bar, t.key, t.heading, t.selected, t.emphasis, t.warn, t.alarm,
        ]
        .iter()
        .chain(t.ramp.iter())
        .flat_map(|s| [s.fg, s.bg])
        .flatten()
        .collect();
        v.extend(t.groups);
        v.extend(t.tie);
        v.extend([t.faint, t.line_warn, t.line_alarm]);
        v
    }

    #[test]
    fn themes_use_only_the_sixteen_named_colours() {
        for name in [ThemeName::Dark, ThemeName::Light, ThemeName::Mono] {
            for c in colours(&Theme::new(name)) {
                assert!(
                    !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                    "{name:?} uses {c:?}"
                );
            }
        }
        assert!(
            colours(&Theme::new(ThemeName::Mono))
                .iter()
                .all(|&c| c == Color::Reset)
        );
    }

    #[test]
    fn no_color_chooses_mono_unless_a_theme_is_asked() {
        assert_eq!(choose(Some(ThemeName::Light), Some("1")), ThemeName::Light);
        assert_eq!(choose(None, Some("1")), ThemeName::Mono);
        assert_eq!(choose(Some(ThemeName::Light), Some("")), ThemeName::Light);
        assert_eq!(choose(None, None), ThemeName::Dark);
    }
}

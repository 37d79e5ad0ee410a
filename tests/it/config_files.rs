//! The user's config file through the real binary (XDG_CONFIG_HOME in a temporary folder):
//! `gapscope config` prints the settings in force and the path; a bad file is refused with
//! its line and column, exit status 2, by `gapscope config` and before the screen starts.

use assert_cmd::Command;

/// A temporary config folder holding `gapscope/config.toml` with `text` (none: no file).
pub(crate) fn home(text: Option<&[u8]>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    if let Some(text) = text {
        let folder = dir.path().join("gapscope");
        std::fs::create_dir_all(&folder).expect("config folder");
        std::fs::write(folder.join("config.toml"), text).expect("config file");
    }
    dir
}

/// The binary with its config, state and home in `dir` (and colours allowed).
pub(crate) fn gapscope(dir: &tempfile::TempDir, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("gapscope")
        .expect("binary")
        .env("XDG_CONFIG_HOME", dir.path())
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .env("HOME", dir.path())
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("runs")
}

/// Every bad file: its text and the error after the path (`:line:col: key: message`).
const BAD: &[(&[u8], &str)] = &[
    (
        b"[keys]\nquit = \"Ctrl-\"\n",
        ":2:8: keys.quit: \"Ctrl-\" is not a key",
    ),
    (
        b"theme = \"blue\"\n",
        ":1:9: theme: \"blue\" is not one of dark, light, mono",
    ),
    (
        b"ascii = \"yes\"\n",
        ":1:9: ascii: expected true or false, found a string",
    ),
    (
        b"# limits\nasymmetry = 0\n",
        ":2:13: asymmetry: 0 is outside 0 to 1",
    ),
    (b"view = gaps\n", ":1:8: expected a value"),
    (b"colour = \"dark\"\n", ":1:1: colour: unknown setting"),
    (
        b"[keys]\nqiut = \"Q\"\n",
        ":2:1: keys.qiut: \"qiut\" is not an action; did you mean quit?",
    ),
    (
        b"theme = \"dark\n",
        ":1:9: the string is not closed on this line",
    ),
    (
        b"theme = \"dark\"\ntheme = \"light\"\n",
        ":2:1: theme is set twice (first on line 1)",
    ),
    (
        b"[keys]\nquit = []\n",
        ":2:8: keys.quit: needs at least one key",
    ),
    (
        b"[keys]\nquit = [\"Q\", \"Q\"]\n",
        ":2:14: keys.quit: \"Q\" is given twice",
    ),
    (
        b"[keys]\nquit = \"Ctrl-Q\"\n",
        ":2:8: keys.quit: \"Ctrl-Q\": write Ctrl keys in lower case (\"Ctrl-q\")",
    ),
    (
        b"[keys]\nquit = \"\\u0007\"\n",
        ":2:8: keys.quit: \"\\u{7}\" is not a key",
    ),
    (b"theme = \"\xff\"\n", ":1:10: not UTF-8 text"),
    (
        b"[[keys]]\n",
        ":1:2: arrays of tables ([[...]]) are not supported",
    ),
    (
        b"ascii = true false\n",
        ":1:14: expected the end of the line",
    ),
    (
        b"[keys]\nsearch = \"Ctrl-i\"\n",
        ":2:10: keys.search: \"Ctrl-i\" reaches gapscope as Tab in most terminals; write \"Tab\"",
    ),
    (
        b"[keys]\nsearch = [\"/\", \" \"]\n",
        ":2:16: keys.search: \" \" reaches gapscope as Space",
    ),
];

#[test]
fn bad_config_files_are_refused_with_line_and_column() {
    for (text, want) in BAD {
        let dir = home(Some(text));
        let file = dir.path().join("gapscope").join("config.toml");
        let want = format!("gapscope: {}{want}", file.display());
        for args in [&["config"][..], &[][..], &["review"][..]] {
            let out = gapscope(&dir, args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?} {want}: {err}");
            assert!(
                err.starts_with(&want),
                "{args:?}\nwant: {want}\ngot:  {err}"
            );
            assert!(
                !err.contains("not a terminal"),
                "the config is checked before the screen: {err}"
            );
            assert!(out.stdout.is_empty(), "nothing printed on stdout");
        }
    }
}

#[test]
fn a_key_override_that_clashes_names_both_bindings() {
    let cases: &[(&str, &str)] = &[
        (
            "[keys]\nsave = \"q\"\n",
            ":2:8: keys.save: \"q\" for save (all views) clashes with \"q\" for quit (all views)",
        ),
        (
            "[keys]\nfocus_more = \"x\"\n",
            ":2:14: keys.focus_more: \"x\" for focus_more (graph view) clashes with \"x\" for remove_tie (all views)",
        ),
        (
            "[keys]\nquit = [\"Q\", \"m\"]\n",
            ":2:8: keys.quit: \"m\" for quit (all views) clashes with \"m\" for review_discussed (review)",
        ),
        (
            "[keys]\nsave = \"Ctrl-c\"\n",
            ":2:8: keys.save: \"Ctrl-c\" for save (all views) clashes with \"Ctrl-c\" for quit (all views)",
        ),
    ];
    for (text, want) in cases {
        let dir = home(Some(text.as_bytes()));
        let file = dir.path().join("gapscope").join("config.toml");
        let out = gapscope(&dir, &["config"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(
            err.trim_end(),
            format!("gapscope: {}{want}", file.display())
        );
    }
    // Swapping two keys is no clash: each old key is free once replaced.
    let dir = home(Some(b"[keys]\nsave = \"q\"\nquit = \"s\"\n"));
    let out = gapscope(&dir, &["config"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn config_without_a_file_prints_the_path_and_the_defaults() {
    let dir = home(None);
    let out = gapscope(&dir, &["config"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let path = dir.path().join("gapscope").join("config.toml");
    assert!(
        text.starts_with(&format!(
            "# config file: {}\n# (no file there",
            path.display()
        )),
        "{text}"
    );
    for line in [
        "theme = \"dark\"",
        "ascii = false",
        "view = \"graph\"",
        "asymmetry = 0.25",
        "[keys]",
        "quit = [\"q\", \"Ctrl-c\"]",
        "focus_more = \">\"",
    ] {
        assert!(text.lines().any(|l| l.starts_with(line)), "{line}:\n{text}");
    }
}

#[test]
fn config_prints_the_settings_of_the_file_and_its_output_reads_back() {
    let dir = home(Some(
        b"theme = 'light'  # for the projector\nascii = true\nview = \"gaps\"\nasymmetry = 0.5\n\n[keys]\nquit = \"Q\"\nsave = [\"Ctrl-s\", \"Z\"]\n",
    ));
    let out = gapscope(&dir, &["config"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(!text.contains("no file there"), "{text}");
    for line in [
        "theme = \"light\"",
        "ascii = true",
        "view = \"gaps\"",
        "asymmetry = 0.5",
        "quit = [\"Q\", \"Ctrl-c\"]",
        "save = [\"Ctrl-s\", \"Z\"]",
    ] {
        let l = text
            .lines()
            .find(|l| l.starts_with(line))
            .unwrap_or_else(|| panic!("{line}:\n{text}"));
        assert!(l.contains("from the file"), "{l}");
    }
    // What `gapscope config` prints is a config file that means the same.
    let again = home(Some(text.as_bytes()));
    let out = gapscope(&again, &["config"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let second = String::from_utf8_lossy(&out.stdout);
    let settings = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
            .collect()
    };
    assert_eq!(settings(&text), settings(&second));
}

#[test]
fn no_color_chooses_mono_unless_the_file_names_a_theme() {
    let run = |text: Option<&[u8]>| {
        let dir = home(text);
        let out = Command::cargo_bin("gapscope")
            .expect("binary")
            .env("XDG_CONFIG_HOME", dir.path())
            .env("NO_COLOR", "1")
            .arg("config")
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(run(None).contains("theme = \"mono\""));
    assert!(run(Some(b"theme = \"dark\"\n")).contains("theme = \"dark\""));
}

/// The README's example config (its ```toml block) is a valid file and means what it says.
#[test]
fn the_readme_example_config_is_valid() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .expect("README");
    let block: String = readme
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the README shows a config file")
        .to_string();
    let dir = home(Some(block.as_bytes()));
    let out = gapscope(&dir, &["config"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    for line in [
        "theme = \"light\"",
        "view = \"gaps\"",
        "quit = [\"Q\", \"Ctrl-c\"]",
        "save_as = [\"W\", \"Ctrl-w\"]",
    ] {
        assert!(text.lines().any(|l| l.starts_with(line)), "{line}:\n{text}");
    }
}

//! The typed fast path of loading against the locating parser: whatever the fast path
//! accepts, the locating one accepts as the very same org (floats compared bit for bit);
//! everything else goes to the locating parser, so its messages are unchanged.

use gapscope::generate::{Params, Rng, generate};
use gapscope::model::{self, json::typed, save};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// The fast path's org, checked against the locating parser's.
fn agree(bytes: &[u8]) -> bool {
    let Some(fast) = typed::load(bytes) else {
        return false;
    };
    let slow = model::from_bytes_located("t.json", bytes);
    let text = String::from_utf8_lossy(bytes);
    match slow {
        Ok(slow) => assert_eq!(
            format!("{fast:?}"),
            format!("{slow:?}"),
            "the two paths differ on:\n{text}"
        ),
        Err(e) => {
            panic!("the fast path accepted a file the locating parser refuses ({e}):\n{text}")
        }
    }
    true
}

#[test]
fn valid_files_take_the_fast_path_and_give_the_same_org() {
    for name in [
        "krackhardt-advice-people",
        "lazega-advice-teams",
        "email-eu-core-people",
    ] {
        let bytes = std::fs::read(format!("{FIXTURES}/{name}.json")).expect("fixture");
        assert!(agree(&bytes), "{name} takes the fast path");
    }
    let org = generate(&Params {
        units: 300,
        ..Params::default()
    });
    assert!(agree(save::to_string(&org).as_bytes()));
}

#[test]
fn extension_keys_null_and_bad_files_take_the_located_path() {
    let cases = [
        r#"{"units": [{"id": "a", "name": null}]}"#,
        r#"{"units": [{"id": "a"}, {"id": "a"}]}"#,
        r#"{"units": [{"id": "a", "id": "b"}]}"#,
        r#"{"units": [{"id": "a", "attrs": {"k": 1, "k": 2}}]}"#,
        r#"{"units": [{"id": "a"}, {"id": "b"}], "ties": [{"from": "a", "to": "b", "strength": 2}]}"#,
        r#"{"gapscope": 2, "units": []}"#,
        "\u{feff}{\"units\": []}",
        r#"{"units": [{"id": "a"}], "scale": [0, 5]}"#,
        r#"{"units": [["a"], {"id": "b"}]}"#,
        r#"{"units": [{"id": "a"}, {"id": "b"}], "ties": [["a", "b", 1]]}"#,
        r#"["x"]"#,
    ];
    for text in cases {
        assert!(typed::load(text.as_bytes()).is_none(), "{text}");
        let loaded = model::from_str("t.json", text);
        assert!(loaded.is_err(), "{text}: {loaded:?}");
    }
    // x- keys on a tie: the fast path reads the file again with the reader that keeps them.
    let text = r#"{"units": [{"id": "a"}, {"id": "b"}, {"id": "c"}], "ties": [
        {"from": "a", "to": "b", "strength": 1},
        {"from": "a", "to": "c", "strength": null, "x-note": 1.0e3, "note": "n", "x-s": {"k": [1]}}]}"#;
    assert!(agree(text.as_bytes()), "a tie's x- keys take the fast path");
    let with_x = typed::load(text.as_bytes()).expect("fast");
    assert_eq!(
        with_x.ties[1].extra.get("x-note").map(|r| r.get()),
        Some("1.0e3")
    );
    assert_eq!(with_x.ties[1].extra.len(), 2, "the x- keys are kept");
    for bad in [
        r#""x-a": 1, "x-a": 2"#,
        r#""x-a": [1e400]"#,
        r#""x-a": 1, "strength": 2"#,
        r#""x-a": 1, "nope": 2"#,
    ] {
        let text = format!(
            r#"{{"units": [{{"id": "a"}}, {{"id": "b"}}], "ties": [{{"from": "a", "to": "b", "strength": 1, {bad}}}]}}"#
        );
        assert!(typed::load(text.as_bytes()).is_none(), "{text}");
        assert!(model::from_str("t.json", &text).is_err(), "{text}");
    }
    // x- keys on units, targets and initiatives take the fast path, and are kept.
    let text = r#"{"units": [{"id": "a", "x-note": [1, {"k": 2.5}]}, {"id": "b"}],
        "initiatives": [{"id": "i", "x-i": "s"}],
        "targets": [{"from": "a", "to": "b", "min": 1, "initiative": "i", "x-t": null}]}"#;
    assert!(agree(text.as_bytes()));
    let org = typed::load(text.as_bytes()).expect("fast");
    assert_eq!(org.units[0].extra.len(), 1);
    assert_eq!(org.initiatives[0].extra.len(), 1);
    assert_eq!(org.targets[0].extra.len(), 1);
    for bad in [
        r#"{"units": [{"id": "a", "x-n": 1, "x-n": 2}]}"#,
        r#"{"units": [{"id": "a", "nme": "x"}]}"#,
        r#"{"units": [{"name": "x"}]}"#,
        r#"{"units": [{"id": "a", "x-n": 1e400}]}"#,
        r#"{"units": [{"id": "a", "size": -1}]}"#,
        r#"{"units": [{"id": "a"}, {"id": "b"}], "targets": [{"from": "a", "to": "b"}]}"#,
        r#"{"units": [{"id": "a"}], "initiatives": [{"id": "i", "id": "j"}]}"#,
    ] {
        assert!(typed::load(bad.as_bytes()).is_none(), "{bad}");
        assert!(model::from_str("t.json", bad).is_err(), "{bad}");
    }
}

const TOKENS: &[&str] = &[
    "null",
    "-0",
    "0",
    "1",
    "1.5",
    "-1",
    "1e400",
    "5",
    "\"\"",
    "\"a\"",
    "\"u00\"",
    "true",
    "[]",
    "{}",
    "[\"u01\", \"u00\", 1]",
    ",",
    ":",
    "\"x-k\": 1,",
    "\"note\": \"n\",",
    "\"id\": \"z\",",
    "\"initiative\": \"i\",",
    "\"strength\": 0.5,",
    "\\u0000",
    "\\ud800",
    "9007199254740992",
    "1.0",
    "\"size\": 3,",
];

/// Whatever the fast path accepts among many mutated files, the locating parser accepts
/// as the same org; and most of the files it accepts are the unmutated kind (a sanity check
/// that the comparison ran on real orgs).
#[test]
fn mutated_files_never_load_differently() {
    let base = r#"{"gapscope": 1, "title": "T", "scale": {"min": 0, "max": 5}, "directed": true,
"units": [{"id": "u00", "name": "A", "group": "g", "size": 3, "attrs": {"k": "v", "n": 2, "b": true}},
{"id": "u01", "group": "g"}, {"id": "u02"}],
"initiatives": [{"id": "i", "name": "I", "description": "d"}],
"ties": [{"from": "u00", "to": "u01", "strength": 4, "note": "n"}, {"from": "u01", "to": "u00", "strength": 0},
{"from": "u02", "to": "u00", "strength": 2.5}],
"targets": [{"from": "u00", "to": "u02", "min": 3, "initiative": "i", "why": "w"}, {"from": "u02", "to": "u00", "min": 2}]}"#;
    assert!(agree(base.as_bytes()));
    let accepted = mutations_agree(base, 11, TOKENS);
    // The sign of a zero survives both paths alike.
    let zero = r#"{"scale": {"min": -1, "max": 1}, "units": [{"id": "a", "attrs": {"z": -0}},
{"id": "b"}], "ties": [{"from": "a", "to": "b", "strength": -0}]}"#;
    assert!(agree(zero.as_bytes()));
    assert!(accepted > 100, "only {accepted} mutated files were valid");
}

#[test]
fn negative_zero_and_the_largest_size_load_the_same_on_both_paths() {
    // -0 is plain 0 on both paths; a size of 2^53 is refused by both (the fast path hands
    // it to the locating parser, which says why).
    let zero = br#"{"scale": {"min": -1, "max": 1}, "units": [{"id": "a", "attrs": {"z": -0}},
        {"id": "b"}], "ties": [{"from": "a", "to": "b", "strength": -0}],
        "targets": [{"from": "a", "to": "b", "min": -0}]}"#;
    assert!(agree(zero), "takes the fast path");
    let org = typed::load(zero).expect("fast");
    assert!(org.ties[0].strength.is_some_and(|s| s.is_sign_positive()));
    let big = br#"{"units": [{"id": "a", "size": 9007199254740992}]}"#;
    assert!(
        typed::load(big).is_none(),
        "the fast path leaves it to the locating parser"
    );
    let e = model::from_bytes("t.json", big).expect_err("refused");
    assert!(e.to_string().contains("2^53"), "{e}");
}

#[test]
fn unknown_ratings_take_the_fast_path_and_a_missing_strength_does_not() {
    let null = br#"{"directed": true, "units": [{"id": "a"}, {"id": "b"}],
        "ties": [{"from": "a", "to": "b", "strength": null}, {"from": "b", "to": "a", "strength": 1}]}"#;
    assert!(agree(null), "a null rating takes the fast path");
    assert_eq!(typed::load(null).expect("fast").ties[0].strength, None);
    let missing = br#"{"units": [{"id": "a"}, {"id": "b"}], "ties": [{"from": "a", "to": "b"}]}"#;
    assert!(
        typed::load(missing).is_none(),
        "a tie without strength is the locating parser's"
    );
    assert!(model::from_bytes("t.json", missing).is_err());
}

/// Mutates `base` 10,000 times (tokens from `tokens`), checks that every mutant the fast
/// path accepts loads the same on the locating path, and counts them.
fn mutations_agree(base: &str, seed: u64, tokens: &[&str]) -> usize {
    let mut rng = Rng::new(seed);
    let mut accepted = 0;
    for _ in 0..10_000 {
        let mut text = base.as_bytes().to_vec();
        for _ in 0..1 + rng.below(2) {
            let at = rng.below(text.len());
            match rng.below(4) {
                0 => {
                    let token = tokens[rng.below(tokens.len())].as_bytes();
                    text.splice(at..at, token.iter().copied());
                }
                1 => {
                    let end = (at + 1 + rng.below(6)).min(text.len());
                    text.drain(at..end);
                }
                2 => text[at] = b"0123456789-.e\"{}[],:ax "[rng.below(23)],
                _ => {
                    // Replace a number or string value's first character with a token.
                    let token = tokens[rng.below(tokens.len())].as_bytes();
                    let end = (at + 1).min(text.len());
                    text.splice(at..end, token.iter().copied());
                }
            }
        }
        if agree(&text) {
            accepted += 1;
        }
    }
    accepted
}

/// Actions and reviews: what the fast path accepts here is checked by the locating path's
/// own functions (`decode_actions`, `decode_reviews`).
const REVIEW_TOKENS: &[&str] = &[
    "\"2026-02-30\"",
    "\"2026-12-01\"",
    "\"done\"",
    "\"dropped\"",
    "\"open\"",
    "\"due\": \"2026-01-01\",",
    "\"status\": \"open\",",
    "\"expect\": 9,",
    "\"x-k\": [1, -0, 1e400, {\"a\": 1}],",
    "\"x-k\": [-0, 18446744073709551616, 9007199254740993],",
    "\"who\": [],",
    "\"initiative\": \"j\",",
    "\"u02\"",
    "-0",
    "null",
    "[]",
    "{}",
    ",",
];

#[test]
fn files_with_actions_reviews_and_x_keys_take_the_fast_path_and_load_the_same() {
    let seed = gapscope::model::seed::SEED_JSON;
    assert!(
        agree(seed.as_bytes()),
        "the seed (top-level x-source) takes the fast path"
    );
    let org = typed::load(seed.as_bytes()).expect("fast");
    assert!(!org.actions.is_empty() && !org.reviews.is_empty() && !org.extra.is_empty());
    let unknown = seed.replace("\"x-source\"", "\"x_source\"");
    assert!(
        typed::load(unknown.as_bytes()).is_none(),
        "an unknown key leaves the fast path"
    );

    let base = r#"{"x-top": {"a": [1, 2.5, "s"], "b": null},
"scale": {"min": 1, "x-labels": ["none", "some", "fair", "good", "close"], "max": 5},
"units": [{"id": "u00", "x-u": [0, 1.5]}, {"id": "u01"}, {"id": "u02"}],
"initiatives": [{"id": "i", "x-i": {}}],
"ties": [{"from": "u00", "to": "u01", "strength": 4, "x-s": [1, "s", {"k": null}]}],
"targets": [{"from": "u00", "to": "u02", "min": 3, "x-t": "t"}],
"actions": [{"from": "u00", "to": "u02", "what": "w", "initiative": "i", "owner": "o", "due": "2026-12-01",
"status": "open", "decided": "2026-11-01", "expect": 3, "note": "n", "x-a": {"k": [1, 2.5, "s", null, true]}},
{"from": "u01", "to": "u02", "what": "v", "status": "done"}],
"reviews": [{"date": "2026-11-01", "initiative": "i", "who": ["A", "B"], "notes": "n", "x-r": [0, 0]},
{"date": "2026-11-02"}]}"#;
    assert!(agree(base.as_bytes()));
    let accepted = mutations_agree(base, 12, REVIEW_TOKENS);
    assert!(accepted > 100, "only {accepted} mutated files were valid");
    // Numbers that serde and the locating parser read differently, in an action's x- value.
    for x in [
        "-0",
        "-0.0",
        "9007199254740993",
        "18446744073709551616",
        "1e2",
        "{\"a\": -0}",
    ] {
        let text = base.replace("\"x-a\": {", &format!("\"x-b\": [{x}], \"x-a\": {{"));
        assert!(model::from_str("t.json", &text).is_ok(), "{text}");
        agree(text.as_bytes());
        // The same at the top level and in the scale.
        for at in ["\"x-top\": {", "\"x-labels\": ["] {
            let key = at.split(':').next().unwrap_or_default();
            let text = base.replace(
                at,
                &format!("\"x-b\": [{x}], {key}: {}", &at[at.len() - 1..]),
            );
            assert!(model::from_str("t.json", &text).is_ok(), "{text}");
            assert!(agree(text.as_bytes()) || x.contains("-0"), "{text}");
        }
    }
    let org = typed::load(base.as_bytes()).expect("fast");
    assert_eq!(org.scale_extra.len(), 1, "the scale's x-labels are kept");
    assert_eq!(org.extra.len(), 1, "the top-level x-top is kept");
    // Null, a duplicate and an unknown key at the top level or in the scale are the locating
    // parser's.
    for bad in [r#""title": null, "#, r#""x-top": 1, "#, r#""extra": 1, "#] {
        let text = base.replacen('{', &format!("{{{bad}"), 1);
        assert!(typed::load(text.as_bytes()).is_none(), "{text}");
        assert!(model::from_str("t.json", &text).is_err(), "{text}");
    }
    for bad in [
        r#""min": 1, "min": 2"#,
        r#""min": 1, "mx": 5"#,
        r#""min": null"#,
    ] {
        let text = base.replace(r#""min": 1"#, bad);
        assert!(typed::load(text.as_bytes()).is_none(), "{text}");
        assert!(model::from_str("t.json", &text).is_err(), "{text}");
    }
    let no_max = base.replace(r#", "max": 5}"#, "}");
    assert!(typed::load(no_max.as_bytes()).is_none());
    assert!(model::from_str("t.json", &no_max).is_err());
}

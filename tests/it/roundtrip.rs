//! Saving and loading: load → save → load gives the same document, `x-` keys survive at
//! every level, the saved text is stable, and no input at all makes loading panic.

use gapscope::model::{
    self, Action, ActionStatus, AttrValue, Date, Extra, Initiative, Org, Review, Scale, Target,
    Tie, Unit, save,
};
use proptest::prelude::*;
use serde_json::{Value, json};

fn load(text: &str) -> Org {
    match model::from_str("test.json", text) {
        Ok(org) => org,
        Err(e) => panic!("should load:\n{e}\n--- text ---\n{text}"),
    }
}

/// Saves, loads the result, and checks both the document and the text are unchanged.
fn assert_round_trip(org: &Org) -> String {
    let text = save::to_string(org);
    let back = load(&text);
    assert_eq!(&back, org, "document changed by save and load:\n{text}");
    assert_eq!(save::to_string(&back), text, "saved text not stable");
    text
}

const WITH_EXTENSIONS: &str = r#"{
  "x-first": "top-level keys may come before gapscope",
  "gapscope": 1,
  "title": "Extensions",
  "scale": {"min": 1, "max": 5, "x-labels": ["none", "rare", "monthly", "weekly", "daily"]},
  "directed": false,
  "units": [
    {"id": "a", "x-owner": {"name": "Ana", "since": 2019}, "attrs": {"x-not-special": "kept as an attribute"}},
    {"id": "b", "name": "B team", "group": "G", "size": 4}
  ],
  "ties": [{"from": "a", "to": "b", "strength": 3.5, "x-source": "survey", "x-n": 12}],
  "targets": [{"from": "b", "to": "a", "min": 4, "initiative": "ai", "x-priority": 1.5}],
  "initiatives": [{"id": "ai", "x-budget": null}],
  "x-last": [true, false, {"deep": [1, 2.25, -3]}]
}"#;

#[test]
fn extension_keys_survive_at_every_level() {
    let org = load(WITH_EXTENSIONS);
    assert_eq!(
        org.extra.value("x-first").unwrap(),
        json!("top-level keys may come before gapscope")
    );
    assert_eq!(
        org.extra.value("x-last").unwrap(),
        json!([true, false, {"deep": [1, 2.25, -3]}])
    );
    assert_eq!(
        org.scale_extra.value("x-labels").unwrap()[4],
        json!("daily")
    );
    assert_eq!(
        org.units[0].extra.value("x-owner").unwrap(),
        json!({"name": "Ana", "since": 2019})
    );
    assert_eq!(
        org.units[0].attrs,
        vec![(
            "x-not-special".to_string(),
            AttrValue::Text("kept as an attribute".into())
        )]
    );
    assert_eq!(org.ties[0].extra.value("x-n").unwrap(), json!(12));
    assert_eq!(
        org.targets[0].extra.value("x-priority").unwrap(),
        json!(1.5)
    );
    assert_eq!(
        org.initiatives[0].extra.value("x-budget").unwrap(),
        Value::Null
    );
    let text = assert_round_trip(&org);
    for key in [
        "x-first",
        "x-labels",
        "x-owner",
        "x-source",
        "x-n",
        "x-priority",
        "x-budget",
        "x-last",
    ] {
        assert!(text.contains(&format!("\"{key}\"")), "{key} lost:\n{text}");
    }
}

#[test]
fn saving_orders_keys_and_writes_whole_numbers_without_a_fraction() {
    let org = load(
        r#"{"initiatives": [{"description": "d", "id": "ai"}],
            "targets": [{"why": "w", "min": 2.0, "to": "a", "from": "b", "initiative": "ai"}],
            "ties": [{"note": "n", "strength": 3.0, "to": "b", "from": "a"}],
            "units": [{"size": 7, "group": "g", "name": "A", "id": "a", "x-z": 1},
                      {"id": "b", "attrs": {"k": 2.0, "j": "v"}}],
            "directed": true, "scale": {"max": 5.0, "min": 0}, "title": "T", "gapscope": 1.0}"#,
    );
    let expected = r#"{
  "gapscope": 1,
  "title": "T",
  "directed": true,
  "scale": {
    "min": 0,
    "max": 5
  },
  "units": [
    {
      "id": "a",
      "name": "A",
      "group": "g",
      "size": 7,
      "x-z": 1
    },
    {
      "id": "b",
      "attrs": {
        "k": 2,
        "j": "v"
      }
    }
  ],
  "ties": [
    {
      "from": "a",
      "to": "b",
      "strength": 3,
      "note": "n"
    }
  ],
  "targets": [
    {
      "from": "b",
      "to": "a",
      "min": 2,
      "initiative": "ai",
      "why": "w"
    }
  ],
  "initiatives": [
    {
      "id": "ai",
      "description": "d"
    }
  ]
}
"#;
    assert_eq!(save::to_string(&org), expected);
    assert_round_trip(&org);
}

#[test]
fn order_of_units_and_ties_is_kept() {
    let org = load(
        r#"{"units": [{"id": "z"}, {"id": "a"}, {"id": "m"}],
            "ties": [{"from": "m", "to": "z", "strength": 0.5}, {"from": "a", "to": "z", "strength": 0}]}"#,
    );
    let back = load(&save::to_string(&org));
    let ids: Vec<&str> = back.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["z", "a", "m"]);
    assert_eq!(
        (back.ties[0].from.as_str(), back.ties[1].from.as_str()),
        ("m", "a")
    );
    // A tie with strength 0 ("no collaboration") is kept in the file.
    assert_eq!(back.ties.len(), 2);
}

#[test]
fn real_networks_round_trip() {
    for name in ["krackhardt-advice-people", "lazega-advice-teams"] {
        let path = format!("{}/examples/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let org =
            model::load(&path, model::DEFAULT_MAX_BYTES).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            org.directed && !org.units.is_empty() && !org.ties.is_empty(),
            "{name}"
        );
        assert_round_trip(&org);
    }
    assert_round_trip(&model::seed::seed());
}

// ---- generated documents ----

/// Any text: every char, control characters, quotes, backslashes, non-Latin scripts.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<char>(), 0..10).prop_map(String::from_iter),
        "[a-z\"\\\\\u{0}-\u{1f}\u{7f}é€😀\u{202e}]{0,8}",
    ]
}

/// A scale with finite bounds and a finite range, from tiny to huge.
fn scale() -> impl Strategy<Value = Scale> {
    (
        prop_oneof![Just(0.0), Just(1.0), -1e6..1e6f64, -1e300..1e300f64],
        prop_oneof![Just(1.0), Just(4.0), 1e-9..1e3f64, 1e3..1e300f64],
    )
        .prop_filter_map("range must be finite", |(min, span)| {
            let max = min + span;
            (max > min && (max - min).is_finite()).then_some(Scale { min, max })
        })
}

/// A value on the scale from a fraction in [0, 1], bounds included.
fn on(scale: Scale, u: f64) -> f64 {
    if u <= 0.0 {
        scale.min
    } else if u >= 1.0 {
        scale.max
    } else {
        (scale.min + u * (scale.max - scale.min)).clamp(scale.min, scale.max)
    }
}

fn fraction() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0f64]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-(1i64 << 53)..(1i64 << 53)).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn extra() -> impl Strategy<Value = Extra> {
    prop::collection::btree_map(text().prop_map(|k| format!("x-{k}")), json_value(), 0..3)
        .prop_map(|m| m.into_iter().collect())
}

fn attr() -> impl Strategy<Value = AttrValue> {
    prop_oneof![
        text().prop_map(AttrValue::Text),
        any::<bool>().prop_map(AttrValue::Bool),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(AttrValue::Number),
        (-1000i32..1000).prop_map(|n| AttrValue::Number(f64::from(n))),
    ]
}

fn unit() -> impl Strategy<Value = Unit> {
    (
        text(),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(prop_oneof![0..100u64, Just((1u64 << 53) - 1)]),
        prop::collection::btree_map(text(), attr(), 0..3),
        extra(),
    )
        .prop_map(|(id, name, group, size, attrs, extra)| Unit {
            id,
            name,
            group,
            size,
            attrs: attrs.into_iter().collect(),
            extra,
        })
}

type RawTie = (usize, usize, f64, Option<String>, Extra);
type RawTarget = (usize, usize, f64, Option<usize>, Option<String>, Extra);

fn raw_tie() -> impl Strategy<Value = RawTie> {
    (
        0..8usize,
        0..8usize,
        fraction(),
        prop::option::of(text()),
        extra(),
    )
}

fn raw_target() -> impl Strategy<Value = RawTarget> {
    (
        0..8usize,
        0..8usize,
        fraction(),
        prop::option::of(0..3usize),
        prop::option::of(text()),
        extra(),
    )
}

/// Makes generated ids unique and non-empty, as the format requires.
fn unique_id(id: &str, i: usize, taken: &[String]) -> String {
    if id.is_empty() || taken.iter().any(|t| t == id) {
        format!("{id}#{i}")
    } else {
        id.to_string()
    }
}

#[allow(clippy::too_many_arguments)]
fn build(
    title: Option<String>,
    scale: Scale,
    directed: bool,
    mut units: Vec<Unit>,
    raw_ties: Vec<RawTie>,
    raw_targets: Vec<RawTarget>,
    mut initiatives: Vec<Initiative>,
    extras: (Extra, Extra),
) -> Org {
    let mut taken = Vec::new();
    for (i, u) in units.iter_mut().enumerate() {
        u.id = unique_id(&u.id, i, &taken);
        taken.push(u.id.clone());
    }
    let mut taken = Vec::new();
    for (i, x) in initiatives.iter_mut().enumerate() {
        x.id = unique_id(&x.id, i, &taken);
        taken.push(x.id.clone());
    }
    let n = units.len();
    let mut ties = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (a, b, u, note, extra) in raw_ties {
        if n < 2 || a % n == b % n {
            continue;
        }
        let (a, b) = (a % n, b % n);
        let key = if directed {
            (a, b)
        } else {
            (a.min(b), a.max(b))
        };
        if seen.insert(key) {
            // A few unknown ratings (`strength: null`), from the same random draw.
            let strength = (ties.len() % 5 != 3).then(|| on(scale, u));
            ties.push(Tie {
                from: units[a].id.clone(),
                to: units[b].id.clone(),
                strength,
                note,
                extra,
            });
        }
    }
    let mut targets = Vec::new();
    let mut actions = Vec::new();
    let mut reviews = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (k, (a, b, u, initiative, why, extra)) in raw_targets.into_iter().enumerate() {
        if n < 2 || a % n == b % n {
            continue;
        }
        let (a, b) = (a % n, b % n);
        let initiative = initiative
            .filter(|_| !initiatives.is_empty())
            .map(|k| initiatives[k % initiatives.len()].id.clone());
        // Every raw target also makes an action and a review, members present or absent
        // by the same draw, so that round trips cover them with their `x-` keys.
        let date = |d: usize| {
            Date::new(
                2024 + (d % 5) as u16,
                1 + (d % 12) as u8,
                1 + (d % 29) as u8,
            )
        };
        let what = why
            .clone()
            .filter(|w| !w.is_empty())
            .unwrap_or_else(|| "x".into());
        actions.push(Action {
            from: units[b].id.clone(),
            to: units[a].id.clone(),
            what,
            initiative: initiative.clone(),
            owner: why.clone().filter(|_| k % 2 == 0),
            due: date(k * 7 + a).filter(|_| k % 3 != 1),
            status: [
                None,
                Some(ActionStatus::Open),
                Some(ActionStatus::Done),
                Some(ActionStatus::Dropped),
            ][k % 4],
            decided: date(k + b).filter(|_| k % 2 == 1),
            expect: (k % 3 != 2).then(|| on(scale, u)),
            note: why.clone().filter(|_| k % 4 == 3),
            extra: extra.clone(),
        });
        if let Some(d) = date(k * 11 + a + b) {
            reviews.push(Review {
                date: d,
                initiative: initiative.clone(),
                who: (k % 3 != 0).then(|| why.iter().cloned().collect()),
                notes: why.clone(),
                extra: extra.clone(),
            });
        }
        if seen.insert((a.min(b), a.max(b), initiative.clone())) {
            targets.push(Target {
                from: units[a].id.clone(),
                to: units[b].id.clone(),
                min: on(scale, u),
                initiative,
                why,
                extra,
            });
        }
    }
    Org {
        title,
        scale,
        scale_extra: extras.0,
        directed,
        units,
        ties,
        targets,
        initiatives,
        actions,
        reviews,
        extra: extras.1,
    }
}

fn org() -> impl Strategy<Value = Org> {
    let initiative = (
        text(),
        prop::option::of(text()),
        prop::option::of(text()),
        extra(),
    )
        .prop_map(|(id, name, description, extra)| Initiative {
            id,
            name,
            description,
            extra,
        });
    (
        prop::option::of(text()),
        scale(),
        any::<bool>(),
        prop::collection::vec(unit(), 0..7),
        prop::collection::vec(raw_tie(), 0..16),
        prop::collection::vec(raw_target(), 0..8),
        prop::collection::vec(initiative, 0..3),
        (extra(), extra()),
    )
        .prop_map(
            |(title, scale, directed, units, ties, targets, inits, extras)| {
                build(title, scale, directed, units, ties, targets, inits, extras)
            },
        )
}

/// A mutation of a valid file: flip, insert or delete bytes, or cut it short.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (
            any::<usize>(),
            prop::sample::select(b"{}[]\",:\\-0123456789.eE \n\xff".to_vec())
        )
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match *m {
        Mutation::Flip(i, b) if !bytes.is_empty() => bytes[i % len] ^= b | 1,
        Mutation::Insert(i, b) => bytes.insert(i % (bytes.len() + 1), b),
        Mutation::Delete(i) if !bytes.is_empty() => {
            bytes.remove(i % len);
        }
        Mutation::Truncate(i) => bytes.truncate(i % len),
        _ => {}
    }
}

/// Loads bytes; when they load, the document must also round-trip.
fn load_or_error(bytes: &[u8]) {
    match model::from_bytes("fuzz.json", bytes) {
        Ok(org) => {
            assert_round_trip(&org);
        }
        Err(e) => {
            let message = e.to_string();
            assert!(message.starts_with("fuzz.json:"), "{message}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_valid_document_round_trips_exactly(org in org()) {
        assert_round_trip(&org);
    }

    #[test]
    fn any_bytes_load_or_error_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        load_or_error(&bytes);
    }

    #[test]
    fn json_like_bytes_load_or_error_without_panicking(
        text in "[{}\\[\\]\",:\\\\ 0-9eE.+\\-tfnrulasxid\n\u{e9}\u{1F600}]{0,120}"
    ) {
        load_or_error(text.as_bytes());
    }

    #[test]
    fn mutated_valid_files_load_or_error_without_panicking(
        mutations in prop::collection::vec(mutation(), 1..6)
    ) {
        let mut bytes = model::seed::SEED_JSON.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        load_or_error(&bytes);
    }
}

/// `x-` values with number forms, escapes and spacing that a parse-and-write would change.
const ODD_EXTENSIONS: [&str; 6] = [
    "1.0e3",
    r#""caf\u00e9 \ud83d\ude00 \/""#,
    "123456789012345678901234567890",
    "[1.50, -0, 2E-3,\n      {\"k\" : [ ]}]",
    "{ \"b\": 1, \"a\": [true,null] }",
    "-0.0",
];

#[test]
fn a_save_writes_extension_values_byte_for_byte_on_every_object() {
    for x in ODD_EXTENSIONS {
        let text = format!(
            r#"{{"x-top": {x}, "scale": {{"min": 0, "max": 5, "x-s": {x}}},
"units": [{{"id": "a", "x-u": {x}}}, {{"id": "b"}}],
"ties": [{{"from": "a", "to": "b", "strength": 3, "x-t": {x}}}],
"targets": [{{"from": "a", "to": "b", "min": 4, "x-g": {x}}}],
"initiatives": [{{"id": "i", "x-i": {x}}}],
"actions": [{{"from": "a", "to": "b", "what": "w", "x-a": {x}}}],
"reviews": [{{"date": "2026-11-01", "x-r": {x}}}]}}"#
        );
        // Both loaders (the tie's x- key sends this file to the locating one; without it,
        // the fast one) keep the text.
        let no_tie_x = text.replace(&format!(r#", "x-t": {x}"#), "");
        for (text, keys) in [(&text, 8), (&no_tie_x, 7)] {
            let org = load(text);
            let saved = save::to_string(&org);
            let found = saved.matches(&format!(": {x}")).count();
            assert_eq!(found, keys, "{x} not kept verbatim:\n{saved}");
            assert_eq!(load(&saved), org, "{x}");
            assert_eq!(
                save::to_string(&load(&saved)),
                saved,
                "{x}: saved text not stable"
            );
        }
        assert_eq!(
            model::from_str("t", &no_tie_x).unwrap(),
            model::from_bytes_located("t", no_tie_x.as_bytes()).unwrap(),
            "{x}: the fast and the locating path keep the same text"
        );
    }
}

#[test]
fn extension_values_the_format_refuses_are_still_located() {
    for (x, at) in [
        ("[1, 1e400]", "x-v[1]"),
        (r#"{"a": 1, "a": 2}"#, "duplicate key"),
        (r#""\ud800""#, "surrogate"),
    ] {
        let text = format!("{{\"units\": [{{\"id\": \"a\"}}],\n \"x-v\": {x}}}");
        let err = model::from_str("t.json", &text).expect_err(x).to_string();
        assert!(err.contains(at) && err.contains("t.json:2:"), "{x}: {err}");
    }
}

#[test]
fn many_extension_keys_keep_their_order_and_a_repeated_one_is_located() {
    let keys: Vec<String> = (0..2000).map(|i| format!("\"x-{i}\": {i}")).collect();
    let text = format!("{{\"units\": [{{\"id\": \"a\"}}],\n {}}}", keys.join(", "));
    let org = load(&text);
    assert_eq!(org.extra.len(), 2000);
    assert!(
        org.extra
            .keys()
            .enumerate()
            .all(|(i, k)| k == format!("x-{i}"))
    );
    let repeated = text.replace("\"x-1999\"", "\"x-7\"");
    let err = model::from_str("t.json", &repeated).expect_err("repeated key");
    assert!(
        err.to_string().contains("t.json:2:") && err.to_string().contains("duplicate key \"x-7\""),
        "{err}"
    );
    // On a unit (the fast path) and on a tie (read again with the reader that keeps them).
    let unit = r#"{"units": [{"id": "b", "x-k": 1, "x-k": 2}]}"#;
    assert!(model::from_str("t.json", unit).is_err());
    let tie = r#"{"units": [{"id": "a"}, {"id": "b"}], "ties": [{"from": "a", "to": "b", "strength": 1, "x-k": 1, "x-k": 2}]}"#;
    assert!(model::from_str("t.json", tie).is_err());
}

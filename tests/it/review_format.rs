//! `actions`, `reviews` and `strength: null` (docs/format.md): kept byte for byte by a save,
//! by `export --format json`, and read as FORMAT.md's derived values say (worked by hand).

use assert_cmd::cargo::cargo_bin_cmd;
use gapscope::analysis::{self, GapKind, Options};
use gapscope::model::{self, ActionStatus, Date, Network, Org, save};

fn load(text: &str) -> Org {
    model::from_str("test.json", text).unwrap_or_else(|e| panic!("{e}"))
}

/// A file in the form gapscope saves: every new key, `x-` keys on the new objects, a null.
const CANONICAL: &str = r#"{
  "gapscope": 1,
  "title": "Review record",
  "directed": true,
  "scale": {
    "min": 0,
    "max": 5
  },
  "units": [
    {
      "id": "cio"
    },
    {
      "id": "cdo"
    },
    {
      "id": "ciso"
    }
  ],
  "ties": [
    {
      "from": "cio",
      "to": "cdo",
      "strength": 2.5
    },
    {
      "from": "cdo",
      "to": "cio",
      "strength": null,
      "note": "withheld: rated by fewer than 3 respondents (privacy minimum)",
      "x-source": "survey 2026"
    }
  ],
  "targets": [
    {
      "from": "cdo",
      "to": "ciso",
      "min": 4,
      "initiative": "ai"
    }
  ],
  "initiatives": [
    {
      "id": "ai",
      "name": "AI rollout"
    }
  ],
  "actions": [
    {
      "from": "cdo",
      "to": "ciso",
      "what": "Monthly data-security forum",
      "initiative": "ai",
      "owner": "Head of Data Governance",
      "due": "2028-02-29",
      "status": "open",
      "decided": "2026-10-05",
      "expect": 3.5,
      "note": "start with training data",
      "x-ticket": "GOV-12"
    },
    {
      "from": "cio",
      "to": "cdo",
      "what": "Joint roadmap"
    },
    {
      "from": "ciso",
      "to": "cio",
      "what": "Security architect on the AI board",
      "status": "dropped",
      "x-why-dropped": {
        "by": "CIO",
        "when": [
          2026,
          11
        ]
      }
    }
  ],
  "reviews": [
    {
      "date": "2026-10-05",
      "initiative": "ai",
      "who": [
        "CIO",
        "CDO"
      ],
      "notes": "first review",
      "x-room": "B12"
    },
    {
      "date": "2026-11-30",
      "who": []
    }
  ]
}
"#;

#[test]
fn a_saved_file_with_actions_reviews_and_nulls_is_kept_byte_for_byte() {
    let org = load(CANONICAL);
    assert_eq!(save::to_string(&org), CANONICAL);
    let a = &org.actions[0];
    assert_eq!(a.due, Date::new(2028, 2, 29));
    assert_eq!(a.expect, Some(3.5));
    assert_eq!(a.status(), ActionStatus::Open);
    assert_eq!(a.extra.value("x-ticket").unwrap(), "GOV-12");
    // An absent status stays absent (it means open); a given one is kept as given.
    assert_eq!(org.actions[1].status, None);
    assert_eq!(org.actions[1].status(), ActionStatus::Open);
    assert_eq!(org.actions[2].status(), ActionStatus::Dropped);
    assert_eq!(org.reviews[1].who, Some(Vec::new()));
    assert_eq!(org.reviews[0].extra.value("x-room").unwrap(), "B12");
    assert_eq!(org.ties[1].strength, None);
}

#[test]
fn load_save_load_keeps_the_document_whatever_the_input_layout() {
    let compact = r#"{"units": [{"id": "a"}, {"id": "b"}],
        "ties": [{"strength": null, "to": "b", "from": "a"}],
        "reviews": [{"notes": "n", "date": "2026-01-31"}],
        "actions": [{"what": "w", "to": "a", "from": "b", "expect": 1, "due": "2026-12-31"}]}"#;
    let org = load(compact);
    let text = save::to_string(&org);
    let back = load(&text);
    assert_eq!(back, org);
    assert_eq!(save::to_string(&back), text);
    assert!(text.contains("\"strength\": null"), "{text}");
}

#[test]
fn export_json_keeps_actions_reviews_and_nulls() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("org.json");
    std::fs::write(&file, CANONICAL).unwrap();
    let out = cargo_bin_cmd!("gapscope")
        .args(["export", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), CANONICAL);
}

/// Directed, scale 0-5. Worked by hand with docs/format.md:
/// - a rates b 4 (0.8); b's only tie is `b -> a: null`, so b is no respondent.
/// - a rates c 2 (0.4); c's only tie is `c -> a: null`: no respondent either.
/// - e rates b 1 (0.2) and `e -> a: null`; a rates e 5 (1.0). e IS a respondent, yet its
///   rating of a stays unknown (a null is never a 0).
/// - d rates nobody and is rated by nobody.
const DIRECTED: &str = r#"{
  "directed": true,
  "scale": {"min": 0, "max": 5},
  "units": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}, {"id": "e"}],
  "ties": [
    {"from": "a", "to": "b", "strength": 4},
    {"from": "b", "to": "a", "strength": null},
    {"from": "a", "to": "c", "strength": 2},
    {"from": "c", "to": "a", "strength": null},
    {"from": "e", "to": "b", "strength": 1},
    {"from": "e", "to": "a", "strength": null},
    {"from": "a", "to": "e", "strength": 5}
  ],
  "targets": [{"from": "a", "to": "e", "min": 5}]
}"#;

#[test]
fn unknown_ratings_follow_the_derived_values_by_hand() {
    let org = load(DIRECTED);
    let net = Network::new(&org);
    let (a, b, c, d, e) = (0, 1, 2, 3, 4);
    assert_eq!(net.respondent, [true, false, false, false, true]);
    // r(x->y): null is unknown, even for a respondent.
    assert_eq!(net.rating(a, b), Some(0.8));
    assert_eq!(net.rating(b, a), None);
    assert_eq!(net.rating(c, a), None);
    assert_eq!(net.rating(e, a), None);
    assert_eq!(
        net.rating(e, c),
        Some(0.0),
        "a respondent rates 0 whom it did not rate"
    );
    assert_eq!(
        net.rating(b, c),
        None,
        "a null alone does not make b a respondent"
    );
    assert_eq!(net.rating(d, a), None);
    // p(x,y): the mean of the known ratings.
    assert!((net.pair(a, b) - 0.8).abs() < 1e-12);
    assert!((net.pair(a, c) - 0.4).abs() < 1e-12);
    assert!((net.pair(a, e) - 1.0).abs() < 1e-12, "not (1 + 0) / 2");
    assert!((net.pair(b, e) - 0.2).abs() < 1e-12);
    assert_eq!(net.pair(a, d), 0.0);
    // Null ties are no edges.
    assert_eq!(net.arcs.len(), 4);
    assert_eq!(net.pairs.len(), 4);
    // No asymmetric gap: each pair with a null has one known rating only. The target
    // a-e (min 5) is met, since p(a,e) = 1.
    let an = analysis::analyse(&org, &Options::default());
    let kinds: Vec<(GapKind, usize, Option<usize>)> =
        an.gaps.iter().map(|g| (g.kind, g.from, g.to)).collect();
    assert_eq!(kinds, [(GapKind::Isolated, d, None)], "{:?}", an.gaps);
}

#[test]
fn an_undirected_null_is_no_edge_and_an_unknown_rating() {
    let org = load(
        r#"{"units": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
            "ties": [{"from": "a", "to": "b", "strength": null}, {"from": "b", "to": "c", "strength": 0.5}]}"#,
    );
    let net = Network::new(&org);
    assert_eq!(net.rating(0, 1), None);
    assert_eq!(net.rating(1, 0), None);
    assert_eq!(net.pair(0, 1), 0.0);
    assert!(
        net.has_tie(0, 1),
        "the file holds the tie, with an unknown strength"
    );
    assert_eq!(net.pairs, [(1, 2, 0.5)]);
}

#[test]
fn a_null_tie_still_counts_as_a_duplicate() {
    let err = model::from_str(
        "t.json",
        r#"{"units": [{"id": "a"}, {"id": "b"}],
            "ties": [{"from": "a", "to": "b", "strength": null}, {"from": "b", "to": "a", "strength": 1}]}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("ties[1]: duplicate tie"), "{err}");
}

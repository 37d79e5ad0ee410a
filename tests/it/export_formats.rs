//! Export: snapshots of DOT, Mermaid and GraphML for the built-in org, gap styling, and
//! escaping of hostile names.

use gapscope::analysis::{Analysis, Gap, GapKind, Options, analyse};
use gapscope::export::{dot, graphml, mermaid, nodelink, table};
use gapscope::model::{Org, Tie, Unit, seed};

fn plain(org: &Org) -> Analysis {
    analyse(org, &Options::default())
}

fn index(org: &Org, id: &str) -> usize {
    org.units
        .iter()
        .position(|u| u.id == id)
        .expect("unit exists")
}

fn gap(kind: GapKind, from: usize, to: Option<usize>, target: Option<f64>) -> Gap {
    Gap {
        kind,
        from,
        to,
        group: None,
        actual: None,
        target,
        severity: 0.5,
        initiative: None,
        explanation: String::new(),
    }
}

/// The built-in org with one gap of each drawn kind, made by hand so the test does not
/// depend on the gap analysis.
fn seed_with_gaps() -> (Org, Analysis) {
    let org = seed::seed();
    let mut a = plain(&org);
    let (cio, cdo, ciso, hr) = (
        index(&org, "cio"),
        index(&org, "cdo"),
        index(&org, "ciso"),
        index(&org, "hr"),
    );
    a.gaps = vec![
        gap(
            GapKind::MissingTie,
            cdo.min(hr),
            Some(cdo.max(hr)),
            Some(0.6),
        ),
        gap(
            GapKind::BelowTarget,
            cio.min(cdo),
            Some(cio.max(cdo)),
            Some(0.8),
        ),
        gap(
            GapKind::Asymmetric,
            cio.min(ciso),
            Some(cio.max(ciso)),
            Some(0.8),
        ),
        gap(GapKind::Isolated, hr, None, None),
    ];
    (org, a)
}

#[test]
fn dot_of_the_built_in_org() {
    let org = seed::seed();
    insta::assert_snapshot!(dot::to_dot(&org, &plain(&org)));
}

#[test]
fn mermaid_of_the_built_in_org() {
    let org = seed::seed();
    insta::assert_snapshot!(mermaid::to_mermaid(&org, &plain(&org)));
}

#[test]
fn graphml_of_the_built_in_org() {
    let org = seed::seed();
    insta::assert_snapshot!(graphml::to_graphml(&org, &plain(&org)));
}

#[test]
fn dot_styles_each_kind_of_gap() {
    let (org, a) = seed_with_gaps();
    let text = dot::to_dot(&org, &a);
    assert!(
        text.contains(
            "\"cdo\" -> \"hr\" [label=\"missing (target 3)\", style=dashed, color=\"#c0392b\""
        ),
        "{text}"
    );
    assert!(
        text.contains("\"cio\" -> \"cdo\" [label=\"2 (target 4)\", color=\"#d35400\""),
        "{text}"
    );
    assert!(
        text.contains("\"cio\" -> \"ciso\" [label=\"3 one-sided\", color=\"#8e44ad\""),
        "{text}"
    );
    assert!(
        text.contains("\"hr\" [label=\"HR\", color=\"#c0392b\""),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn mermaid_styles_gap_links_by_index() {
    let (org, a) = seed_with_gaps();
    let text = mermaid::to_mermaid(&org, &a);
    let links: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("-->") || l.contains("-.-"))
        .collect();
    let missing = links
        .iter()
        .position(|l| l.contains("-.-"))
        .expect("missing link");
    assert!(links[missing].contains("u_cdo -.-|\"missing (target 3)\"| u_hr"));
    assert!(
        text.contains(&format!("linkStyle {missing} stroke:#c0392b")),
        "{text}"
    );
    let below = links
        .iter()
        .position(|l| l.contains("(target 4)"))
        .expect("below link");
    assert!(
        text.contains(&format!("linkStyle {below} stroke:#d35400")),
        "{text}"
    );
    assert!(text.contains("class u_hr isolated"), "{text}");
}

fn hostile_org() -> Org {
    Org {
        title: Some("Say \"hi\"\nnow <b>&</b>".into()),
        directed: false,
        units: vec![
            Unit {
                id: "a\"b".into(),
                name: Some("Line one\nline \"two\" \\ back\u{1b}[2J".into()),
                group: Some("G \"1\"".into()),
                ..Unit::default()
            },
            Unit {
                id: "end".into(),
                name: Some("x\u{7}<y>&'z'".into()),
                ..Unit::default()
            },
            Unit {
                id: "a-b".into(),
                ..Unit::default()
            },
            Unit {
                id: "a_b".into(),
                ..Unit::default()
            },
        ],
        ties: vec![Tie {
            from: "a\"b".into(),
            to: "end".into(),
            strength: Some(0.5),
            note: Some("tab\there\u{0}".into()),
            ..Tie::default()
        }],
        ..Org::default()
    }
}

#[test]
fn dot_escapes_quotes_newlines_backslashes_and_controls() {
    let org = hostile_org();
    let text = dot::to_dot(&org, &plain(&org));
    assert!(
        text.contains(r#""a\"b" [label="Line one\nline \"two\" \\ back\\u{1b}[2J"];"#),
        "{text}"
    );
    assert!(text.contains(r#"label="G \"1\"";"#), "{text}");
    assert!(text.contains(r#""a\"b" -- "end" [label="0.5"];"#), "{text}");
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'));
    for line in text.lines() {
        let unescaped_quotes = line
            .replace("\\\\", "")
            .replace("\\\"", "")
            .matches('"')
            .count();
        assert_eq!(unescaped_quotes % 2, 0, "unbalanced quotes in {line:?}");
    }
}

#[test]
fn mermaid_sanitises_ids_and_escapes_labels() {
    let org = hostile_org();
    assert_eq!(
        mermaid::node_ids(&org),
        ["u_a_b", "u_end", "u_a_b_2", "u_a_b_3"]
    );
    let text = mermaid::to_mermaid(&org, &plain(&org));
    assert!(
        text.contains("u_a_b[\"Line one line #quot;two#quot; \\ back\\u{1b}[2J\"]"),
        "{text}"
    );
    assert!(
        text.contains("u_end[\"x\\u{7}#lt;y#gt;#amp;'z'\"]"),
        "{text}"
    );
    assert!(
        text.contains("title: \"Say \\\"hi\\\"\\\\nnow <b>&</b>\""),
        "{text}"
    );
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'));
}

#[test]
fn graphml_is_well_formed_and_has_every_unit_and_tie() {
    for org in [seed::seed(), hostile_org()] {
        let (org, a) = if org.units.len() > 4 {
            seed_with_gaps()
        } else {
            let a = plain(&org);
            (org, a)
        };
        let text = graphml::to_graphml(&org, &a);
        let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
        let graph = doc
            .descendants()
            .find(|n| n.has_tag_name("graph"))
            .expect("a graph element");
        let nodes: Vec<&str> = graph
            .children()
            .filter(|n| n.has_tag_name("node"))
            .filter_map(|n| n.attribute("id"))
            .collect();
        let ids: Vec<&str> = org.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(nodes, ids);
        let edges: Vec<(&str, &str)> = graph
            .children()
            .filter(|n| n.has_tag_name("edge"))
            .filter_map(|n| Some((n.attribute("source")?, n.attribute("target")?)))
            .collect();
        for t in &org.ties {
            assert!(
                edges.contains(&(t.from.as_str(), t.to.as_str())),
                "tie {t:?}"
            );
        }
        assert_eq!(
            edges.len(),
            org.ties.len() + usize::from(org.units.len() > 4)
        );
    }
    let org = hostile_org();
    let text = graphml::to_graphml(&org, &plain(&org));
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let names: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("data") && n.attribute("key") == Some("d0"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(names[0], "Line one\nline \"two\" \\ back\\u{1b}[2J");
    assert_eq!(names[1], "x\\u{7}<y>&'z'");
    let note = doc
        .descendants()
        .find(|n| n.has_tag_name("data") && n.attribute("key") == Some("d8"))
        .and_then(|n| n.text());
    assert_eq!(note, Some("tab\there\\u{0}"));
}

#[test]
fn graphml_marks_gaps_on_edges_and_nodes() {
    let (org, a) = seed_with_gaps();
    let text = graphml::to_graphml(&org, &a);
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let gap_of = |source: &str, target: &str| {
        doc.descendants()
            .find(|n| {
                n.has_tag_name("edge")
                    && n.attribute("source") == Some(source)
                    && n.attribute("target") == Some(target)
            })
            .and_then(|e| {
                e.children()
                    .find(|d| d.attribute("key") == Some("d6"))
                    .and_then(|d| d.text())
            })
    };
    assert_eq!(gap_of("cdo", "hr"), Some("missing_tie"));
    assert_eq!(gap_of("cio", "cdo"), Some("below_target"));
    assert_eq!(gap_of("ciso", "cio"), Some("asymmetric"));
    assert!(text.contains("<data key=\"d3\">isolated</data>"));
}

#[test]
fn csv_tables_round_trip_through_the_importers() {
    let org = seed::seed();
    let a = plain(&org);
    let units = table::to_csv(&org, &a, table::Table::Units);
    let (read, bad) = gapscope::import::units::read("u.csv", units.as_bytes()).expect("reads");
    assert!(bad.is_empty());
    assert_eq!(read.units, org.units);
    let ties = table::to_csv(&org, &a, table::Table::Ties);
    assert!(ties.starts_with("from,to,strength,normalized,gap,note\n"));
    let opts = gapscope::import::edges::EdgeOptions {
        directed: true,
        scale: Some(org.scale),
        title: None,
    };
    let got = gapscope::import::edges::import("t.csv", ties.as_bytes(), Some(&read), &opts)
        .expect("reads");
    assert!(got.bad_rows.is_empty());
    let pairs = |o: &Org| -> Vec<(String, String, f64)> {
        o.ties
            .iter()
            .map(|t| (t.from.clone(), t.to.clone(), t.strength.unwrap_or(f64::NAN)))
            .collect()
    };
    assert_eq!(pairs(&got.org), pairs(&org));
    let targets = table::to_csv(&org, &a, table::Table::Targets);
    assert_eq!(targets.lines().count(), org.targets.len() + 1);
}

#[test]
fn node_link_export_is_deterministic_json() {
    let org = seed::seed();
    let a = nodelink::to_node_link(&org);
    assert_eq!(a, nodelink::to_node_link(&org));
    let v: serde_json::Value = serde_json::from_str(&a).expect("json");
    assert_eq!(v["links"].as_array().map(Vec::len), Some(org.ties.len()));
    assert_eq!(v["multigraph"], serde_json::Value::Bool(false));
}

//! Node-link JSON import as NetworkX writes it, and the round trip through export.

use gapscope::export::nodelink::to_node_link;
use gapscope::import::nodelink::{NodeLinkOptions, import};
use gapscope::import::to_checked_string;
use gapscope::model::{AttrValue, Scale, seed};

// As `json.dumps(nx.node_link_data(G, edges="links"))` writes it (networkx 3).
const NETWORKX: &str = r#"{"directed": true, "multigraph": false, "graph": {"name": "Advice"},
 "nodes": [{"dept": "Sales", "tenure": 3.5, "manager": true, "id": 0},
           {"dept": "IT", "id": 1, "skills": ["rust"]},
           {"dept": "IT", "id": "x"}],
 "links": [{"weight": 0.5, "source": 0, "target": 1},
           {"source": 1, "target": 0},
           {"weight": 0.25, "source": "x", "target": 0}]}"#;

#[test]
fn networkx_node_link_data_is_read() {
    let opts = NodeLinkOptions {
        group_attr: "dept".into(),
        ..NodeLinkOptions::default()
    };
    let got = import("g.json", NETWORKX.as_bytes(), &opts).expect("imports");
    assert!(got.bad_rows.is_empty(), "{:?}", got.bad_rows);
    let org = &got.org;
    assert!(org.directed);
    assert_eq!(org.title.as_deref(), Some("Advice"));
    assert_eq!(org.scale, Scale { min: 0.0, max: 1.0 });
    let ids: Vec<&str> = org.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["0", "1", "x"]);
    assert_eq!(org.units[0].group.as_deref(), Some("Sales"));
    assert_eq!(
        org.units[0].attrs,
        [
            ("tenure".to_string(), AttrValue::Number(3.5)),
            ("manager".to_string(), AttrValue::Bool(true))
        ]
    );
    let ties: Vec<(&str, &str, f64)> = org
        .ties
        .iter()
        .map(|t| {
            (
                t.from.as_str(),
                t.to.as_str(),
                t.strength.unwrap_or(f64::NAN),
            )
        })
        .collect();
    assert_eq!(ties, [("0", "1", 0.5), ("1", "0", 1.0), ("x", "0", 0.25)]);
    assert!(
        got.warnings
            .iter()
            .any(|w| w.starts_with("1 node attribute value"))
    );
    to_checked_string(org).expect("loads back");
}

#[test]
fn edges_key_of_networkx_3_4_and_undirected_default() {
    let text = r#"{"multigraph": false, "graph": {}, "nodes": [{"id": "a"}, {"id": "b"}],
                   "edges": [{"source": "a", "target": "b", "w": 3}]}"#;
    let opts = NodeLinkOptions {
        weight_key: "w".into(),
        ..NodeLinkOptions::default()
    };
    let got = import("g.json", text.as_bytes(), &opts).expect("imports");
    assert!(!got.org.directed);
    assert_eq!(got.org.ties.len(), 1);
    assert_eq!(got.org.scale, Scale { min: 0.0, max: 3.0 });
}

#[test]
fn bad_links_are_reported_with_their_line() {
    let text = "{\"directed\": false,\n \"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"name\": \"no id\"}],\n \"links\": [\n  {\"source\": \"a\", \"target\": \"b\"},\n  {\"source\": \"b\", \"target\": \"a\"},\n  {\"source\": \"a\", \"target\": \"zz\"},\n  {\"source\": \"a\", \"target\": \"b\", \"weight\": \"high\"}\n ]}";
    let got = import("g.json", text.as_bytes(), &NodeLinkOptions::default()).expect("reads");
    let lines: Vec<String> = got.bad_rows.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "g.json:2: nodes[2]: no \"id\" (a string or a number)",
            "g.json:5: links[1]: duplicate link \"b\" - \"a\" (the file is not a multigraph)",
            "g.json:6: links[2].target: unknown node \"zz\"",
            "g.json:7: links[3].weight: the weight must be a number",
        ]
    );
}

#[test]
fn multigraph_links_are_summed() {
    let text = r#"{"directed": true, "multigraph": true, "nodes": [{"id": "a"}, {"id": "b"}],
      "links": [{"source": "a", "target": "b", "key": 0}, {"source": "a", "target": "b", "key": 1}]}"#;
    let got = import("g.json", text.as_bytes(), &NodeLinkOptions::default()).expect("imports");
    assert_eq!(got.org.ties.len(), 1);
    assert_eq!(got.org.ties[0].strength, Some(2.0));
}

#[test]
fn broken_json_names_its_line() {
    let err =
        import("g.json", b"{\n\"nodes\": [\n", &NodeLinkOptions::default()).expect_err("broken");
    assert!(err.to_string().starts_with("g.json:3: "), "{err}");
}

#[test]
fn export_then_import_gives_the_same_units_and_ties() {
    let org = seed::seed();
    let text = to_node_link(&org);
    let got = import("seed.json", text.as_bytes(), &NodeLinkOptions::default()).expect("imports");
    assert!(got.bad_rows.is_empty(), "{:?}", got.bad_rows);
    let back = got.org;
    assert_eq!(back.title, org.title);
    assert_eq!(back.scale, org.scale);
    assert_eq!(back.directed, org.directed);
    assert_eq!(back.units, org.units);
    assert_eq!(back.ties, org.ties);
}

/// Written by networkx 3.6.1: `json.dumps(nx.node_link_data(G))` (the default there is
/// `edges`), for a DiGraph named "Advice" with a mixed string/number id and a list attribute.
const NETWORKX_3_6: &str = r#"{"directed": true, "multigraph": false, "graph": {"name": "Advice"}, "nodes": [{"dept": "Sales", "tenure": 3.5, "manager": true, "id": "ann"}, {"dept": "IT", "skills": ["rust"], "id": 2}], "edges": [{"weight": 0.5, "source": "ann", "target": 2}, {"source": 2, "target": "ann"}]}"#;

#[test]
fn real_networkx_3_6_output_is_read() {
    let opts = NodeLinkOptions {
        group_attr: "dept".into(),
        ..NodeLinkOptions::default()
    };
    let got = import("g.json", NETWORKX_3_6.as_bytes(), &opts).expect("imports");
    assert!(got.bad_rows.is_empty(), "{:?}", got.bad_rows);
    let ties: Vec<(&str, &str, f64)> = got
        .org
        .ties
        .iter()
        .map(|t| {
            (
                t.from.as_str(),
                t.to.as_str(),
                t.strength.unwrap_or(f64::NAN),
            )
        })
        .collect();
    assert_eq!(ties, [("ann", "2", 0.5), ("2", "ann", 1.0)]);
    assert_eq!(got.org.units[1].group.as_deref(), Some("IT"));
}

//! Edge-list import: strengths, groups, directedness, units files and bad rows.

use gapscope::import::edges::{EdgeOptions, import};
use gapscope::import::{to_checked_string, units};
use gapscope::model::Scale;

#[test]
fn an_edge_list_with_groups_becomes_an_org() {
    let csv = "from,to,strength,from_group,to_group\na,b,3,X,Y\nb,c,1,Y,Y\nc,a,0,,X\n";
    let opts = EdgeOptions {
        directed: false,
        scale: Some(Scale { min: 0.0, max: 5.0 }),
        title: Some("Edges".into()),
    };
    let got = import("e.csv", csv.as_bytes(), None, &opts).expect("imports");
    assert!(got.bad_rows.is_empty(), "{:?}", got.bad_rows);
    let org = &got.org;
    let units: Vec<(&str, Option<&str>)> = org
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.group.as_deref()))
        .collect();
    assert_eq!(
        units,
        [("a", Some("X")), ("b", Some("Y")), ("c", Some("Y"))]
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
    assert_eq!(ties, [("a", "b", 3.0), ("b", "c", 1.0), ("c", "a", 0.0)]);
    assert!(!org.directed);
    to_checked_string(org).expect("loads back");
}

#[test]
fn without_strength_column_or_scale_edges_weigh_one_and_the_scale_fits_the_data() {
    let got = import(
        "e.csv",
        b"from,to\na,b\nb,a\n",
        None,
        &EdgeOptions {
            directed: true,
            ..EdgeOptions::default()
        },
    )
    .expect("imports");
    assert_eq!(got.org.scale, Scale { min: 0.0, max: 1.0 });
    assert_eq!(got.org.ties.len(), 2);
    let got = import(
        "e.csv",
        b"from,to,strength\na,b,12\nb,c,3\n",
        None,
        &EdgeOptions::default(),
    )
    .expect("imports");
    assert_eq!(
        got.org.scale,
        Scale {
            min: 0.0,
            max: 12.0
        }
    );
}

#[test]
fn in_an_undirected_list_the_reverse_pair_is_a_duplicate() {
    let csv = "from,to,strength\na,b,1\nb,a,1\n";
    let undirected = import("e.csv", csv.as_bytes(), None, &EdgeOptions::default()).expect("reads");
    assert_eq!(
        undirected
            .bad_rows
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["e.csv:3: duplicate edge \"b\" - \"a\" (first at line 2)"]
    );
    let directed = import(
        "e.csv",
        csv.as_bytes(),
        None,
        &EdgeOptions {
            directed: true,
            ..EdgeOptions::default()
        },
    )
    .expect("reads");
    assert!(directed.bad_rows.is_empty());
}

#[test]
fn every_bad_row_is_reported_with_its_line() {
    let (table, bad) = units::read(
        "units.csv",
        b"id,name,group,size,floor\na,A,X,3,2\nb,B,X,2,\nc,C,Y,x,1\na,A again,X,1,1\n,,,,\n",
    )
    .expect("reads");
    assert_eq!(
        bad.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "units.csv:4: size \"x\" is not a whole number from 0 to 2^53 - 1",
            "units.csv:5: unit \"a\" is already listed at line 2",
            "units.csv:6: empty unit id",
        ]
    );
    assert_eq!(table.units.len(), 2);
    assert_eq!(table.units[0].attrs.len(), 1, "floor became an attribute");
    let csv = "\
from,to,strength
a,b,1
a,b,2
a,zz,1
a,b
a,a,1
b,a,lots
,b,1
b,a,7
";
    let opts = EdgeOptions {
        directed: true,
        scale: Some(Scale { min: 0.0, max: 5.0 }),
        title: None,
    };
    let got = import("edges.csv", csv.as_bytes(), Some(&table), &opts).expect("reads");
    assert_eq!(
        got.bad_rows
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [
            "edges.csv:3: duplicate edge \"a\" -> \"b\" (first at line 2)",
            "edges.csv:4: unknown unit \"zz\" (not in the units file)",
            "edges.csv:5: expected 3 fields, found 2",
            "edges.csv:6: a tie from \"a\" to itself",
            "edges.csv:7: strength \"lots\" is not a number",
            "edges.csv:8: empty unit in column from",
            "edges.csv:9: strength 7 is off the scale 0:5 (set it with --scale MIN:MAX)",
        ]
    );
    assert_eq!(got.org.ties.len(), 1);
    assert_eq!(got.org.units.len(), 2, "units come from the units file");
}

#[test]
fn a_unit_in_two_groups_is_a_bad_row() {
    let csv = "from,to,from_group,to_group\na,b,X,Y\na,c,Z,Y\n";
    let got = import("e.csv", csv.as_bytes(), None, &EdgeOptions::default()).expect("reads");
    assert_eq!(
        got.bad_rows
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["e.csv:3: unit \"a\" is in group \"X\" at line 2, here in \"Z\""]
    );
}

#[test]
fn text_from_the_file_is_quoted_in_messages() {
    let csv = "from,to,strength\na,b,\u{1b}[2J\n";
    let got = import("e.csv", csv.as_bytes(), None, &EdgeOptions::default()).expect("reads");
    let msg = got.bad_rows[0].to_string();
    assert!(!msg.contains('\u{1b}'), "{msg:?}");
    assert!(msg.contains("\\u{1b}"), "{msg:?}");
}

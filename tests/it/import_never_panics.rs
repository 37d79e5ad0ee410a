//! Property tests: no input makes an importer panic, and whatever it accepts is a valid org.

use gapscope::import::edges::{self, EdgeOptions};
use gapscope::import::nodelink::{self, NodeLinkOptions};
use gapscope::import::survey::{self, SurveyOptions};
use gapscope::import::{AggregateOptions, Imported, aggregate, to_checked_string, units};
use proptest::prelude::*;

fn check(result: Result<Imported, gapscope::import::ImportError>) {
    if let Ok(got) = result {
        to_checked_string(&got.org).expect("an accepted import is a valid org");
        if let Ok(grouped) = aggregate(&got.org, &AggregateOptions::default()) {
            to_checked_string(&grouped.org).expect("an aggregate is a valid org");
        }
    }
}

/// CSV-ish text: cells from a small alphabet that includes quotes, commas, line breaks,
/// numbers and bytes that are not UTF-8.
fn csvish() -> impl Strategy<Value = Vec<u8>> {
    let cell = prop_oneof![
        Just(b"a".to_vec()),
        Just(b"b".to_vec()),
        Just(b"c".to_vec()),
        Just(b"1".to_vec()),
        Just(b"3.5".to_vec()),
        Just(b"-2".to_vec()),
        Just(b"1e400".to_vec()),
        Just(b"\"x,\ny\"".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"\xff".to_vec()),
        Just(Vec::new()),
    ];
    let row = proptest::collection::vec(cell, 0..6).prop_map(|cells| cells.join(&b","[..]));
    proptest::collection::vec(row, 0..12).prop_map(|rows| rows.join(&b"\n"[..]))
}

proptest! {
    #[test]
    fn survey_import_never_panics(body in csvish(), header in 0usize..3) {
        let head: &[u8] = [&b"respondent,unit,rated,rating\n"[..], b"respondent,unit\n", b""][header];
        let bytes = [head, &body].concat();
        check(survey::import("s.csv", &bytes, None, &SurveyOptions { min_respondents: 1, ..SurveyOptions::default() }));
    }

    #[test]
    fn edge_import_never_panics(body in csvish(), directed: bool, with_units: bool) {
        let bytes = [&b"from,to,strength,from_group,to_group\n"[..], &body].concat();
        let table = units::read("u.csv", b"id,group\na,X\nb,Y\nc,X\n").ok().map(|t| t.0);
        let opts = EdgeOptions { directed, ..EdgeOptions::default() };
        check(edges::import("e.csv", &bytes, table.as_ref().filter(|_| with_units), &opts));
        let _ = units::read("u.csv", &[&b"id,name,group,size\n"[..], &body].concat());
    }

    #[test]
    fn node_link_import_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        check(nodelink::import("g.json", &bytes, &NodeLinkOptions::default()));
    }

    #[test]
    fn node_link_shapes_never_panic(
        ids in proptest::collection::vec(prop_oneof![Just("\"a\""), Just("\"b\""), Just("1"), Just("1.5"), Just("null"), Just("[]")], 0..5),
        links in proptest::collection::vec((0usize..5, 0usize..5, prop_oneof![Just(""), Just(", \"weight\": 2"), Just(", \"weight\": -1"), Just(", \"weight\": \"x\"")]), 0..6),
        directed: bool,
        multigraph: bool,
    ) {
        let pick = |i: usize| ids.get(i).copied().unwrap_or("\"zz\"");
        let nodes: Vec<String> = ids.iter().map(|id| format!("{{\"id\": {id}}}")).collect();
        let links: Vec<String> = links
            .iter()
            .map(|(s, t, w)| format!("{{\"source\": {}, \"target\": {}{w}}}", pick(*s), pick(*t)))
            .collect();
        let text = format!(
            "{{\"directed\": {directed}, \"multigraph\": {multigraph}, \"nodes\": [{}], \"links\": [{}]}}",
            nodes.join(","),
            links.join(",")
        );
        check(nodelink::import("g.json", text.as_bytes(), &NodeLinkOptions::default()));
    }
}

//! Survey import: means, counts, response rates, the privacy minimum and bad rows.

use gapscope::import::survey::{SurveyOptions, import};
use gapscope::import::{to_checked_string, units};
use gapscope::model::Scale;

const UNITS: &str = "\
id,name,group,size
sales,Sales,Commercial,4
it,IT,Technology,5
hr,HR,Corporate,10
";

// Sales (3 respondents) rate IT 4, 3, 5 (mean 4) and HR 2, 1 (only two raters: private).
// IT (4 respondents) rate Sales 1, 2, 2, 3 (mean 2). One answer about the own unit.
const ANSWERS: &str = "\
respondent,unit,rated,rating
zq-resp-001,sales,it,4
zq-resp-002,sales,it,3
zq-resp-003,sales,it,5
zq-resp-001,sales,hr,2
zq-resp-002,sales,hr,1
zq-resp-001,sales,sales,5
zq-resp-101,it,sales,1
zq-resp-102,it,sales,2
zq-resp-103,it,sales,2
zq-resp-104,it,sales,3
";

fn unit_table() -> units::UnitTable {
    let (table, bad) = units::read("units.csv", UNITS.as_bytes()).expect("units file reads");
    assert!(bad.is_empty(), "{bad:?}");
    table
}

#[test]
fn means_counts_and_response_rates_reach_the_notes() {
    let t = unit_table();
    let got = import(
        "answers.csv",
        ANSWERS.as_bytes(),
        Some(&t),
        &SurveyOptions::default(),
    )
    .expect("imports");
    assert!(got.bad_rows.is_empty(), "{:?}", got.bad_rows);
    let org = &got.org;
    assert!(org.directed);
    assert_eq!(org.scale, Scale { min: 0.0, max: 5.0 });
    assert_eq!(
        org.units.iter().map(|u| u.id.as_str()).collect::<Vec<_>>(),
        ["sales", "it", "hr"]
    );
    assert_eq!(org.units[0].group.as_deref(), Some("Commercial"));
    let ties: Vec<(&str, &str, Option<f64>, &str)> = org
        .ties
        .iter()
        .map(|t| {
            (
                t.from.as_str(),
                t.to.as_str(),
                t.strength,
                t.note.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        ties,
        [
            (
                "sales",
                "it",
                Some(4.0),
                "mean of 3 respondents; response rate of Sales 3 of 4 (75%)"
            ),
            (
                "sales",
                "hr",
                None,
                "withheld: rated by fewer than 3 respondents (privacy minimum)"
            ),
            (
                "it",
                "sales",
                Some(2.0),
                "mean of 4 respondents; response rate of IT 4 of 5 (80%)"
            ),
        ]
    );
    assert!(
        got.warnings
            .iter()
            .any(|w| w
                .starts_with("1 unit pair rated by fewer than 3 respondents written as unknown")),
        "{:?}",
        got.warnings
    );
    assert!(
        got.warnings.iter().any(|w| w.contains("own unit")),
        "{:?}",
        got.warnings
    );
}

#[test]
fn respondent_ids_never_reach_the_output() {
    let t = unit_table();
    for min in [1, 3] {
        let opts = SurveyOptions {
            min_respondents: min,
            ..SurveyOptions::default()
        };
        let got = import("answers.csv", ANSWERS.as_bytes(), Some(&t), &opts).expect("imports");
        let text = to_checked_string(&got.org).expect("valid org");
        assert!(!text.contains("zq-resp"), "respondent id leaked:\n{text}");
        for w in &got.warnings {
            assert!(!w.contains("zq-resp"), "respondent id in a warning: {w}");
        }
    }
}

#[test]
fn lowering_the_privacy_minimum_keeps_the_small_pair() {
    let opts = SurveyOptions {
        min_respondents: 2,
        ..SurveyOptions::default()
    };
    let got = import("answers.csv", ANSWERS.as_bytes(), None, &opts).expect("imports");
    let hr = got
        .org
        .ties
        .iter()
        .find(|t| t.to == "hr")
        .expect("sales -> hr kept");
    assert_eq!(hr.strength, Some(1.5));
    assert_eq!(
        hr.note.as_deref(),
        Some("mean of 2 respondents (unit size unknown)")
    );
    assert!(got.warnings.iter().all(|w| !w.contains("fewer than")));
}

#[test]
fn without_a_units_file_units_come_from_the_answers() {
    let got = import(
        "answers.csv",
        ANSWERS.as_bytes(),
        None,
        &SurveyOptions::default(),
    )
    .expect("imports");
    let ids: Vec<&str> = got.org.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["sales", "it", "hr"]);
    assert!(got.org.units.iter().all(|u| u.size.is_none()));
    assert_eq!(got.org.title.as_deref(), Some("Survey: answers.csv"));
}

#[test]
fn column_names_and_scale_come_from_options() {
    let csv = "Person,Team,Other team,Score\np1,a,b,7\np2,a,b,6\np3,a,b,5\n";
    let opts = SurveyOptions {
        respondent_col: "person".into(),
        unit_col: "team".into(),
        rated_col: "other team".into(),
        rating_col: "score".into(),
        scale: Scale { min: 1.0, max: 7.0 },
        ..SurveyOptions::default()
    };
    let got = import("s.csv", csv.as_bytes(), None, &opts).expect("imports");
    assert_eq!(got.org.ties.len(), 1);
    assert_eq!(got.org.ties[0].strength, Some(6.0));
    assert_eq!(got.org.scale, Scale { min: 1.0, max: 7.0 });
}

#[test]
fn a_missing_column_is_named_with_a_suggestion() {
    let csv = "respondent,unit,rated,ratng\nr,a,b,1\n";
    let err = import("s.csv", csv.as_bytes(), None, &SurveyOptions::default())
        .expect_err("no rating column");
    let msg = err.to_string();
    assert!(msg.starts_with("s.csv:1: no column \"rating\""), "{msg}");
    assert!(msg.contains("did you mean \"ratng\""), "{msg}");
    assert!(msg.contains("--rating-col"), "{msg}");
}

#[test]
fn every_bad_row_is_reported_with_its_line() {
    let csv = "\
respondent,unit,rated,rating
r1,sales,it,4
r2,sales,it
r3,sales,it,lots
r4,sales,it,9
r5,,it,3
r6,sales,it,3
r6,sales,it,4
r7,sales,marketing,3
\"r8\",\"sales\",\"it\",\"2\"
r6,it,hr,3
";
    let t = unit_table();
    let got = import(
        "answers.csv",
        csv.as_bytes(),
        Some(&t),
        &SurveyOptions::default(),
    )
    .expect("reads");
    let lines: Vec<String> = got.bad_rows.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "answers.csv:3: expected 4 fields, found 3",
            "answers.csv:4: rating \"lots\" is not a number",
            "answers.csv:5: rating 9 is off the scale 0:5 (set it with --scale MIN:MAX)",
            "answers.csv:6: empty unit",
            "answers.csv:8: duplicate answer: this respondent already rated \"it\" at line 7",
            "answers.csv:9: unknown unit \"marketing\" (not in the units file)",
            "answers.csv:11: this respondent answered for unit \"sales\" at line 7, here for \"it\"",
        ]
    );
    for row in &got.bad_rows {
        assert!(
            !row.message.contains("r6"),
            "respondent id in a message: {row}"
        );
    }
}

#[test]
fn quoted_fields_with_line_breaks_keep_later_line_numbers_right() {
    let csv = "respondent,unit,rated,rating\n\"r1\",\"a\nb\",c,2\nr2,a,c,x\n";
    let got = import("s.csv", csv.as_bytes(), None, &SurveyOptions::default()).expect("reads");
    assert_eq!(got.bad_rows.len(), 1);
    assert_eq!(got.bad_rows[0].line, 4);
}

#[test]
fn garbage_never_panics() {
    let inputs: [&[u8]; 6] = [
        b"",
        b"\xff\xfe\x00",
        b"respondent,unit,rated,rating\n\xff,a,b,1\n",
        b"respondent,unit,rated,rating\n\"unterminated,a,b,1\n",
        b"respondent,unit,rated,rating\nr,a,b,NaN\nr,a,c,inf\n",
        b"\xEF\xBB\xBFrespondent,unit,rated,rating\nr,a,b,1e308\n",
    ];
    for bytes in inputs {
        if let Ok(got) = import("x.csv", bytes, None, &SurveyOptions::default()) {
            assert!(to_checked_string(&got.org).is_ok());
        }
    }
}

#[test]
fn a_skipped_bad_row_adds_no_unit() {
    let csv = "respondent,unit,rated,rating\nr1,a,b,3\nr2,a,typo,lots\nr3,c,b,\n";
    let got = import("s.csv", csv.as_bytes(), None, &SurveyOptions::default()).expect("reads");
    assert_eq!(got.bad_rows.len(), 1);
    let ids: Vec<&str> = got.org.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(
        ids,
        ["a", "b", "c"],
        "an unanswered row still names its units"
    );
    assert!(
        got.warnings
            .iter()
            .any(|w| w.starts_with("1 row with an empty rating"))
    );
}

/// A pair withheld by the privacy minimum is an unknown rating, not a 0: it makes no false
/// one-sided pair. HR (3 respondents) rates IT 4; IT rates Sales 3 times but HR only
/// twice (withheld). Read as 0, IT would "see no collaboration" with HR: asymmetric 0.8.
#[test]
fn a_withheld_pair_is_unknown_and_makes_no_one_sided_gap() {
    let answers = "\
respondent,unit,rated,rating
h1,hr,it,4
h2,hr,it,4
h3,hr,it,4
i1,it,sales,3
i2,it,sales,3
i3,it,sales,3
i1,it,hr,5
i2,it,hr,5
";
    let got =
        import("a.csv", answers.as_bytes(), None, &SurveyOptions::default()).expect("imports");
    let withheld = got
        .org
        .ties
        .iter()
        .find(|t| t.from == "it" && t.to == "hr")
        .expect("the withheld pair is written");
    assert_eq!(withheld.strength, None);
    let text = to_checked_string(&got.org).expect("valid org");
    assert!(text.contains("\"strength\": null"), "{text}");
    let a = gapscope::analysis::analyse(&got.org, &Default::default());
    assert!(
        a.gaps
            .iter()
            .all(|g| g.kind != gapscope::analysis::GapKind::Asymmetric),
        "{:?}",
        a.gaps
    );
    let net = &a.network;
    let (it, hr) = (
        got.org.units.iter().position(|u| u.id == "it").unwrap(),
        got.org.units.iter().position(|u| u.id == "hr").unwrap(),
    );
    assert_eq!(net.rating(it, hr), None);
    assert!((net.pair(it, hr) - 0.8).abs() < 1e-12, "HR's rating alone");
}

//! The rules of `actions` and `reviews` (docs/format.md), broken one at a time.

use super::Loc::{At, Nth};
use super::{Case, case};

/// Three units on a 0-5 scale, the initiative "ai", and the given members after them.
fn doc(rest: &str) -> String {
    format!(
        r#"{{"scale": {{"min": 0, "max": 5}}, "units": [{{"id": "cio"}}, {{"id": "cdo"}}, {{"id": "ciso"}}], "initiatives": [{{"id": "ai"}}], {rest}}}"#
    )
}

/// One action on cio-cdo with the given extra members.
fn action(members: &str) -> String {
    doc(&format!(
        r#""actions": [{{"from": "cio", "to": "cdo", "what": "weekly stand-up"{members}}}]"#
    ))
}

/// One review with the given members.
fn review(members: &str) -> String {
    doc(&format!(r#""reviews": [{{{members}}}]"#))
}

pub(super) fn cases() -> Vec<Case> {
    vec![
        case(
            "a due date that does not exist",
            action(r#", "due": "2027-02-30""#),
            At("\"2027-02-30\""),
            "actions[0].due",
            "2027-02-30 is not a date (that month has fewer days)",
        ),
        case(
            "29 February of a year that is not a leap year",
            action(r#", "decided": "2027-02-29""#),
            At("\"2027-02-29\""),
            "actions[0].decided",
            "2027-02-29 is not a date (that year has no 29 February)",
        ),
        case(
            "1900 was no leap year",
            action(r#", "due": "1900-02-29""#),
            At("\"1900-02-29\""),
            "actions[0].due",
            "1900-02-29 is not a date (that year has no 29 February)",
        ),
        case(
            "a date in words",
            action(r#", "due": "next week""#),
            At("\"next week\""),
            "actions[0].due",
            "\"next week\" is not a date (expected YYYY-MM-DD, e.g. 2026-12-01)",
        ),
        case(
            "a date without leading zeros",
            action(r#", "due": "2026-1-5""#),
            At("\"2026-1-5\""),
            "actions[0].due",
            "2026-1-5 is not a date (expected YYYY-MM-DD",
        ),
        case(
            "a date as a number",
            action(r#", "due": 20261201"#),
            At("20261201"),
            "actions[0].due",
            "expected a string, found a number",
        ),
        case(
            "an unknown status",
            action(r#", "status": "closed""#),
            At("\"closed\""),
            "actions[0].status",
            "unknown status \"closed\" (expected one of: open, done, dropped)",
        ),
        case(
            "a misspelt status",
            action(r#", "status": "donee""#),
            At("\"donee\""),
            "actions[0].status",
            "unknown status \"donee\" (did you mean \"done\"?)",
        ),
        case(
            "an empty what",
            doc(r#""actions": [{"from": "cio", "to": "cdo", "what": ""}]"#),
            At("\"\""),
            "actions[0].what",
            "\"what\" must not be empty",
        ),
        case(
            "no what",
            doc(r#""actions": [{"from": "cio", "to": "cdo"}]"#),
            At("{\"from\""),
            "actions[0]",
            "missing required key \"what\"",
        ),
        case(
            "expect off the scale",
            action(r#", "expect": 7"#),
            At("7"),
            "actions[0].expect",
            "7 is outside the scale 0..5",
        ),
        case(
            "expect as text",
            action(r#", "expect": "high""#),
            At("\"high\""),
            "actions[0].expect",
            "expected a number, found a string",
        ),
        case(
            "an unknown unit",
            doc(r#""actions": [{"from": "cio", "to": "cdoo", "what": "x"}]"#),
            At("\"cdoo\""),
            "actions[0].to",
            "unknown unit \"cdoo\" (did you mean \"cdo\"?)",
        ),
        case(
            "an action from a unit to itself",
            doc(r#""actions": [{"from": "cio", "to": "cio", "what": "x"}]"#),
            At("{\"from\""),
            "actions[0]",
            "an action from \"cio\" to itself",
        ),
        case(
            "an unknown initiative",
            action(r#", "initiative": "aii""#),
            At("\"aii\""),
            "actions[0].initiative",
            "unknown initiative \"aii\" (did you mean \"ai\"?)",
        ),
        case(
            "a misspelt action key",
            action(r#", "owenr": "CIO""#),
            At("\"owenr\""),
            "actions[0]",
            "unknown key \"owenr\" (did you mean \"owner\"?)",
        ),
        case(
            "actions as an object",
            doc(r#""actions": {"from": "cio"}"#),
            At("{\"from\""),
            "actions",
            "expected an array, found an object",
        ),
        case(
            "the second action is the bad one",
            doc(
                r#""actions": [{"from": "cio", "to": "cdo", "what": "a"}, {"from": "cio", "to": "ciso", "what": "b", "due": "2026-04-31"}]"#,
            ),
            At("\"2026-04-31\""),
            "actions[1].due",
            "2026-04-31 is not a date",
        ),
        case(
            "who as a string",
            review(r#""date": "2026-10-05", "who": "CIO""#),
            At("\"CIO\""),
            "reviews[0].who",
            "expected an array of names, found a string",
        ),
        case(
            "a name that is not a string",
            review(r#""date": "2026-10-05", "who": ["CIO", 7]"#),
            At("7"),
            "reviews[0].who[1]",
            "expected a name (a string), found a number",
        ),
        case(
            "a review without a date",
            review(r#""notes": "kick-off""#),
            Nth("{\"notes\"", 0),
            "reviews[0]",
            "missing required key \"date\"",
        ),
        case(
            "a review date with month 13",
            review(r#""date": "2026-13-01""#),
            At("\"2026-13-01\""),
            "reviews[0].date",
            "2026-13-01 is not a date (there is no such month)",
        ),
        case(
            "a review of an unknown initiative",
            review(r#""date": "2026-10-05", "initiative": "privacy""#),
            At("\"privacy\""),
            "reviews[0].initiative",
            "unknown initiative \"privacy\" (list it under \"initiatives\")",
        ),
        case(
            "a misspelt review key",
            review(r#""date": "2026-10-05", "note": "x""#),
            At("\"note\""),
            "reviews[0]",
            "unknown key \"note\" (did you mean \"notes\"?)",
        ),
        case(
            "strength as the text null",
            doc(r#""ties": [{"from": "cio", "to": "cdo", "strength": "null"}]"#),
            At("\"null\""),
            "ties[0].strength",
            "expected a number, found a string",
        ),
    ]
}

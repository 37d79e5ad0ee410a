//! The parser's own tests: positions, errors, nesting, strings and numbers.

use super::*;

fn err(s: &str) -> SyntaxError {
    parse(s.as_bytes()).expect_err("refused")
}

#[test]
fn positions_count_lines_and_characters() {
    let node = parse("{\n  \"é\": [1,\n   true]\n}".as_bytes()).expect("parses");
    let Json::Object(members) = node.value else {
        panic!("not an object")
    };
    assert_eq!(members[0].1, Pos { line: 2, col: 3 });
    let Json::Array(items) = &members[0].2.value else {
        panic!("not an array")
    };
    assert_eq!(items[1].pos, Pos { line: 3, col: 4 });
}

#[test]
fn columns_stay_exact_along_a_long_line() {
    // 1000 values of 6 characters ("\"é€\", " is 6 chars, 8 bytes) then a bad one.
    let text = format!("[{}x]", "\"é€\", ".repeat(1000));
    assert_eq!(err(&text).pos, Pos { line: 1, col: 6002 });
    let text = format!("[{}\n  \"é\", 01]", "\"€\",".repeat(500));
    assert_eq!(err(&text).pos, Pos { line: 2, col: 8 });
}

#[test]
fn errors_point_at_the_problem() {
    assert_eq!(err("{\"a\": 1,}").pos, Pos { line: 1, col: 9 });
    assert!(
        err("{\"a\": 1, \"a\": 2}")
            .message
            .contains("duplicate key \"a\"")
    );
    assert!(err("").message.contains("empty"));
    assert!(err("[1] x").message.contains("after the end"));
    assert!(err("\u{feff}{}").message.contains("byte order mark"));
    assert!(err("[NaN]").message.contains("expected a value"));
    assert!(err("\"\\ud800\"").message.contains("surrogate"));
    assert!(err("01").message.contains("start with 0"));
}

#[test]
fn deep_nesting_is_refused_without_overflow() {
    let deep = "[".repeat(100_000);
    assert!(err(&deep).message.contains("nesting deeper"));
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(ok.as_bytes()).is_ok());
}

#[test]
fn strings_and_numbers_decode() {
    let node = parse(br#"["a\u00e9\ud83d\ude00\n", -1.5e2, 7]"#).expect("parses");
    let Json::Array(items) = node.value else {
        panic!("not an array")
    };
    assert_eq!(items[0].value, Json::String("a\u{e9}\u{1F600}\n".into()));
    assert_eq!(
        items[1].value,
        Json::Number {
            value: -150.0,
            integral: false
        }
    );
    assert_eq!(
        items[2].value,
        Json::Number {
            value: 7.0,
            integral: true
        }
    );
}

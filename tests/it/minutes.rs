//! `gapscope minutes`: the Markdown minutes of a review of the built-in org.

use assert_cmd::cargo::cargo_bin_cmd;

fn minutes(args: &[&str]) -> (Option<i32>, String, String) {
    let out = cargo_bin_cmd!("gapscope")
        .arg("minutes")
        .args(args)
        .env_remove("GAPSCOPE_TODAY")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn minutes_of_the_ai_review_of_the_example_org() {
    let (code, text, err) = minutes(&["--initiative", "ai", "--date", "2026-11-30"]);
    assert_eq!(code, Some(0), "{err}");
    insta::assert_snapshot!(text);
}

#[test]
fn minutes_of_the_past_review_name_who_was_there() {
    let (code, text, err) = minutes(&[
        "examples/seed.json",
        "--initiative",
        "ai",
        "--date",
        "2026-10-05",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        text.contains("- Who: CIO, Chief Data Officer, CISO, Head of Marketing\n"),
        "{text}"
    );
    assert!(text.contains("- Notes: First gap review"), "{text}");
    assert!(
        text.contains("## Open actions (2 open, 0 overdue)"),
        "nothing is overdue on the day it was decided:\n{text}"
    );
}

#[test]
fn minutes_are_written_to_a_file_and_bad_input_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("minutes.md");
    let out_s = out.to_string_lossy().into_owned();
    let (code, stdout, err) = minutes(&["--date", "2026-11-30", "-o", &out_s]);
    assert_eq!(code, Some(0), "{err}");
    assert!(stdout.is_empty());
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("# Gap review, 2026-11-30: Example Corp"),
        "{text}"
    );
    assert!(text.contains("- Gaps: 7 now, 4 with the plan"), "{text}");
    let other = dir.path().join("other.md");
    let other_s = other.to_string_lossy().into_owned();
    for bad in [
        vec!["--date", "2026-02-30", "-o", &other_s],
        vec!["--initiative", "aii", "-o", &other_s],
    ] {
        let (code, _, err) = minutes(&bad);
        assert_eq!(code, Some(2), "{bad:?}: {err}");
        assert!(!other.exists(), "{bad:?} wrote a file");
    }
}

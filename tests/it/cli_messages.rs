//! What a newcomer reads when something is off, through the real binary: a misspelt
//! command, a CSV file given as an org, a missing file, `--fail-on`, options only where
//! they apply, and wording that fits the file's scale.

use std::path::Path;
use std::process::Output;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

fn root(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs gapscope in a scratch folder (no test writes into the working tree).
fn run(dir: &Path, args: &[&str]) -> Output {
    cargo_bin_cmd!("gapscope")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_misspelt_command_is_suggested_not_read_as_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let seed = root("examples/seed.json");
    for args in [vec!["reprot"], vec!["reprot", &seed], vec!["rep"]] {
        let out = run(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&out),
            format!(
                "gapscope: \"{}\": no such file or command; did you mean `gapscope report`?\n",
                args[0]
            ),
            "{args:?}"
        );
    }
    let out = run(dir.path(), &["valdiate", &seed]);
    assert!(stderr(&out).contains("did you mean `gapscope validate`?"));
    // Far from every command: the plain missing-file error.
    let out = run(dir.path(), &["quarterly.json"]);
    assert_eq!(
        stderr(&out),
        "quarterly.json: cannot read: no such file or directory\n"
    );
    // A file of that name exists: it is the file that is meant.
    std::fs::write(dir.path().join("reprot"), "{\"units\": []}").unwrap();
    let out = run(dir.path(), &["reprot"]);
    assert!(!stderr(&out).contains("did you mean"), "{}", stderr(&out));
}

#[test]
fn a_csv_file_given_as_an_org_names_the_import_command() {
    let dir = tempfile::tempdir().unwrap();
    let answers = root("examples/survey/answers.csv");
    for command in [
        vec!["report"],
        vec!["validate"],
        vec!["export", "--format", "dot"],
    ] {
        let mut args = command.clone();
        args.push(&answers);
        let out = run(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{command:?}");
        let err = stderr(&out);
        assert!(err.contains(":1:1: expected a value"), "{command:?}: {err}");
        assert!(
            err.contains("looks like CSV, not an org file")
                && err.contains("gapscope import --from survey"),
            "{command:?}: {err}"
        );
    }
    // A JSON file with a syntax error gets no CSV hint.
    std::fs::write(dir.path().join("bad.json"), "{\"units\": [}").unwrap();
    let out = run(dir.path(), &["report", "bad.json"]);
    assert!(!stderr(&out).contains("CSV"), "{}", stderr(&out));
}

#[test]
fn validate_tells_a_missing_file_from_an_invalid_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.json"), "{\"units\": 1}").unwrap();
    let out = run(dir.path(), &["validate", "nosuch.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).ends_with("gapscope: 1 of 1 file could not be read\n"),
        "{}",
        stderr(&out)
    );
    let out = run(dir.path(), &["validate", "nosuch.json", "bad.json"]);
    assert!(
        stderr(&out).ends_with("gapscope: 1 of 2 files is invalid, 1 could not be read\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn fail_on_says_how_many_gaps_reached_the_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let seed = root("examples/seed.json");
    let out = run(dir.path(), &["report", &seed, "--fail-on", "0.5"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "gapscope: 4 gaps of severity 0.5 or more (--fail-on 0.5)\n"
    );
    let out = run(dir.path(), &["report", &seed, "--fail-on", "0.8"]);
    assert_eq!(
        stderr(&out),
        "gapscope: 1 gap of severity 0.8 or more (--fail-on 0.8)\n"
    );
    let out = run(dir.path(), &["report", &seed, "--fail-on", "0.9"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "");
}

#[test]
fn max_bytes_is_an_option_only_where_a_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let seed = root("examples/seed.json");
    for args in [
        vec!["sample"],
        vec!["man"],
        vec!["schema"],
        vec!["completions", "bash"],
        vec!["generate", "--units", "3"],
    ] {
        let mut with = args.clone();
        with.extend(["--max-bytes", "100"]);
        let out = run(dir.path(), &with);
        assert_eq!(out.status.code(), Some(2), "{with:?}");
        assert!(
            stderr(&out).contains("unexpected argument '--max-bytes'"),
            "{with:?}: {}",
            stderr(&out)
        );
    }
    for args in [
        vec!["validate", &seed],
        vec!["report", &seed],
        vec!["export", &seed, "--format", "dot"],
        vec!["aggregate", &seed],
        vec!["diff", &seed, &seed],
        vec!["import", "--from", "edges", &seed],
        vec![&seed],
    ] {
        let mut with = args.clone();
        with.extend(["--max-bytes", "100"]);
        let out = run(dir.path(), &with);
        assert_eq!(out.status.code(), Some(2), "{with:?}");
        assert!(
            stderr(&out).contains("larger than the limit of 100 bytes"),
            "{with:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn an_unknown_initiative_reads_the_same_in_every_command_and_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let seed = root("examples/seed.json");
    let report = run(dir.path(), &["report", &seed, "--initiative", "aii"]);
    let screen = run(dir.path(), &[&seed, "--initiative", "aii"]);
    assert_eq!(report.status.code(), Some(2));
    assert_eq!(screen.status.code(), Some(2));
    assert_eq!(
        stderr(&report),
        "gapscope: unknown initiative \"aii\"; did you mean \"ai\"?\n"
    );
    assert_eq!(stderr(&screen), stderr(&report));
    for args in [
        vec!["export", &seed, "--format", "dot", "--initiative", "aii"],
        vec!["diff", &seed, &seed, "--initiative", "aii"],
    ] {
        let out = run(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), stderr(&report), "{args:?}");
    }
    let report = run(dir.path(), &["report", &seed, "--initiative", "cloud"]);
    let screen = run(dir.path(), &[&seed, "--initiative", "cloud"]);
    assert_eq!(
        stderr(&report),
        "gapscope: unknown initiative \"cloud\"; known: \"ai\", \"privacy\"\n"
    );
    assert_eq!(stderr(&screen), stderr(&report));
}

#[test]
fn a_missing_tie_is_not_called_0_on_a_1_to_5_scale() {
    let dir = tempfile::tempdir().unwrap();
    let org = r#"{"scale": {"min": 1, "max": 5},
        "units": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
        "ties": [{"from": "a", "to": "c", "strength": 4}, {"from": "c", "to": "b", "strength": 2}],
        "targets": [{"from": "a", "to": "b", "min": 4}]}"#;
    std::fs::write(dir.path().join("org.json"), org).unwrap();
    let out = run(dir.path(), &["report", "org.json"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("they have 0"), "{text}");
    assert!(
        text.contains(
            "a–b need 4 on 1–5 (baseline); they have no direct tie; the best route runs a → c → b"
        ),
        "{text}"
    );
}

#[test]
fn generated_names_carry_the_number_of_their_id() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["generate", "--units", "60"]);
    assert_eq!(out.status.code(), Some(0));
    let org: Value = serde_json::from_slice(&out.stdout).unwrap();
    let units = org["units"].as_array().unwrap();
    assert_eq!(units.len(), 60);
    for u in units {
        let id = u["id"].as_str().unwrap();
        let number: u32 = id.trim_start_matches('u').parse().unwrap();
        let name = u["name"].as_str().unwrap();
        assert!(name.ends_with(&format!(" team {number}")), "{id}: {name}");
    }
}

#[test]
fn aggregate_names_groups_by_an_agreed_name_attribute_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let people = root("examples/data/krackhardt-advice-people.json");
    let out = run(dir.path(), &["aggregate", &people, "--by", "group"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stderr(&out),
        "gapscope: warning: groups named by their units' \"department_name\" attribute \
         (choose another with --group-name-attr)\n"
    );
    let org: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = org["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "CEO (no department)",
            "Dept 1",
            "Dept 2",
            "Dept 3",
            "Dept 4"
        ]
    );
    // Members that disagree: no guess, the group keys stay the names, and nothing is said.
    let org = r#"{"units": [
        {"id": "a", "group": "g", "attrs": {"team_name": "X"}},
        {"id": "b", "group": "g", "attrs": {"team_name": "Y"}}]}"#;
    std::fs::write(dir.path().join("org.json"), org).unwrap();
    let out = run(dir.path(), &["aggregate", "org.json"]);
    assert_eq!(stderr(&out), "");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"name\": \"g\""));
}

#[test]
fn man_dir_writes_every_page_the_main_page_refers_to() {
    let dir = tempfile::tempdir().unwrap();
    let man = dir.path().join("man/man1");
    let out = run(dir.path(), &["man", "--dir", "man/man1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let main = std::fs::read_to_string(man.join("gapscope.1")).unwrap();
    let mut referred = 0;
    for word in main.split_whitespace() {
        if let Some(page) = word
            .strip_prefix("gapscope\\-")
            .and_then(|w| w.strip_suffix("(1)"))
        {
            referred += 1;
            let file = man.join(format!("gapscope-{page}.1"));
            assert!(
                file.is_file(),
                "gapscope.1 refers to {word}, which was not written"
            );
        }
    }
    assert!(referred >= 10, "{referred} pages referred to");
    let written = std::fs::read_dir(&man).unwrap().count();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "wrote {written} man pages into man/man1; read one with: man -l man/man1/gapscope.1\n"
        )
    );
    std::fs::write(dir.path().join("file"), "").unwrap();
    let out = run(dir.path(), &["man", "--dir", "file/man1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("gapscope: cannot write the man pages into \"file/man1\": "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_text_report_lists_single_points_of_failure_and_says_when_brokers_are_estimates() {
    let dir = tempfile::tempdir().unwrap();
    // b holds a and c together: an articulation point with two bridges.
    let org = r#"{"units": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
        "ties": [{"from": "a", "to": "b", "strength": 1}, {"from": "b", "to": "c", "strength": 1}]}"#;
    std::fs::write(dir.path().join("org.json"), org).unwrap();
    let out = run(dir.path(), &["report", "org.json"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "Single points of failure\n  units whose loss splits the network: b\n  \
             ties whose loss splits the network: a–b, b–c\n"
        ),
        "{text}"
    );
    assert!(text.contains("Top brokers (betweenness)\n"), "{text}");
    let out = run(
        dir.path(),
        &["report", "org.json", "--betweenness", "sampled:2"],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Top brokers (betweenness, estimated from 2 sampled sources)"),
        "{text}"
    );
}

#[test]
fn report_help_gives_the_exact_betweenness_limit_the_code_uses() {
    // The work limit of `auto`, as the help and docs write it (10^9 units × ties).
    assert_eq!(gapscope::analysis::betweenness::AUTO_WORK, 1_000_000_000);
    let shown = "at most 10^9";
    let out = cargo_bin_cmd!("gapscope")
        .args(["report", "--help"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(shown),
        "{shown}"
    );
    let doc = std::fs::read_to_string(root("docs/report.md")).unwrap();
    assert!(doc.contains(shown), "docs/report.md lacks {shown}");
}

//! The command line: version, help with examples, validating real files, usage errors.

use assert_cmd::cargo::cargo_bin_cmd;

fn example(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn version_prints_name_and_version() {
    cargo_bin_cmd!("gapscope")
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("gapscope {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_shows_examples_and_exit_codes() {
    let out = cargo_bin_cmd!("gapscope").arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "Examples:",
        "gapscope validate org.json",
        "gapscope sample > my-org.json",
        "Exit status:",
    ] {
        assert!(
            help.contains(needle),
            "{needle:?} missing from --help:\n{help}"
        );
    }
    let out = cargo_bin_cmd!("gapscope")
        .args(["validate", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("--quiet") && help.contains("Examples:"),
        "{help}"
    );
}

#[test]
fn real_networks_and_examples_validate() {
    for (name, units, ties, targets, review) in [
        ("data/krackhardt-advice-people.json", 21, 190, 0, ""),
        ("data/lazega-advice-teams.json", 6, 24, 0, ""),
        ("seed.json", 7, 24, 11, ", 4 actions, 1 review"),
    ] {
        let path = example(name);
        cargo_bin_cmd!("gapscope")
            .args(["validate", &path])
            .assert()
            .success()
            .stderr("")
            .stdout(format!(
                "{path}: ok ({units} units, {ties} ties, {targets} targets{review})\n"
            ));
    }
}

#[test]
fn acme_example_validates() {
    let path = example("acme-40-teams.json");
    let org = gapscope::model::load(&path, gapscope::model::DEFAULT_MAX_BYTES)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(org.directed);
    assert!((36..=44).contains(&org.units.len()), "{}", org.units.len());
    assert_eq!(org.groups().len(), 8);
    assert_eq!(org.initiatives.len(), 2);
    assert!(org.targets.iter().any(|t| t.initiative.is_none()));
    for i in &org.initiatives {
        assert!(
            org.targets
                .iter()
                .any(|t| t.initiative.as_ref() == Some(&i.id))
        );
    }
    // One team did not answer the survey.
    let net = gapscope::model::Network::new(&org);
    assert_eq!(net.respondent.iter().filter(|r| !**r).count(), 1);
    // Some pairs see their collaboration very differently.
    let one_sided = net
        .pairs
        .iter()
        .filter(|&&(a, b, _)| match (net.rating(a, b), net.rating(b, a)) {
            (Some(x), Some(y)) => (x - y).abs() >= 0.25,
            _ => false,
        })
        .count();
    assert!(one_sided >= 3, "{one_sided}");
    cargo_bin_cmd!("gapscope")
        .args(["validate", "--quiet", &path])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn validate_checks_every_file_and_fails_if_one_is_bad() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.json"), "{\"units\": 1}").unwrap();
    let seed = example("seed.json");
    let out = cargo_bin_cmd!("gapscope")
        .current_dir(dir.path())
        .args(["validate", &seed, "bad.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{seed}: ok (7 units, 24 ties, 11 targets, 4 actions, 1 review)\n")
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "bad.json:1:11: units: expected an array, found a number\ngapscope: 1 of 2 files is invalid\n"
    );
}

#[test]
fn usage_errors_exit_with_status_2() {
    for args in [
        vec!["--no-such-flag"],
        vec!["validate"],
        vec!["validate", "--bogus", "x.json"],
        vec!["--max-bytes", "lots", "validate", "x.json"],
    ] {
        let out = cargo_bin_cmd!("gapscope").args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
        assert!(stderr.contains("--help"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// The JSON blocks of a Markdown file.
fn json_blocks(markdown: &str) -> Vec<String> {
    markdown
        .split("```json\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next().map(str::to_string))
        .collect()
}

#[test]
fn examples_in_the_docs_are_valid() {
    for doc in ["README.md", "docs/format.md"] {
        let text =
            std::fs::read_to_string(format!("{}/{doc}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let blocks = json_blocks(&text);
        assert!(!blocks.is_empty(), "{doc}: no JSON example");
        for block in blocks {
            cargo_bin_cmd!("gapscope")
                .args(["validate", "--quiet", "-"])
                .write_stdin(block)
                .assert()
                .success();
        }
    }
}

/// The shared real networks beside the checkout (`../shared/data/orgs`), when present: all
/// of them validate. The two copied into examples/data are checked above in any case.
#[test]
fn shared_real_networks_validate_when_present() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/orgs");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "{} not found; only the local copies are checked",
            dir.display()
        );
        return;
    };
    let mut files: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".json") && !p.ends_with(".expected.json"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    cargo_bin_cmd!("gapscope")
        .args(["validate", "--quiet"])
        .args(&files)
        .assert()
        .success()
        .stdout("")
        .stderr("");
}

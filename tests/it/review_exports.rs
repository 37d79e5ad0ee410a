//! Actions, reviews and unknown ratings beyond the org file: the actions CSV table, `diff`,
//! node-link JSON, `validate`.

use assert_cmd::cargo::cargo_bin_cmd;

const OLD: &str = r#"{
  "units": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
  "ties": [{"from": "a", "to": "b", "strength": 0.5}, {"from": "b", "to": "c", "strength": null}],
  "actions": [
    {"from": "a", "to": "b", "what": "weekly sync", "owner": "Ann", "due": "2026-12-01"},
    {"from": "b", "to": "c", "what": "=HYPERLINK(\"x\")", "expect": 0.5},
    {"from": "a", "to": "c", "what": "intro call"}
  ]
}"#;

const NEW: &str = r#"{
  "units": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
  "ties": [{"from": "a", "to": "b", "strength": 0.5}, {"from": "b", "to": "c", "strength": null}],
  "actions": [
    {"from": "b", "to": "a", "what": "weekly sync", "owner": "Ann", "due": "2026-12-01", "status": "done"},
    {"from": "c", "to": "b", "what": "=HYPERLINK(\"x\")", "expect": 0.7},
    {"from": "b", "to": "c", "what": "shared backlog", "owner": "Bo"}
  ]
}"#;

fn run(files: &[(&str, &str)], args: &[&str]) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let out = cargo_bin_cmd!("gapscope")
        .current_dir(dir.path())
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn diff_lists_actions_added_done_changed_and_removed() {
    let files = [("old.json", OLD), ("new.json", NEW)];
    let (code, text, err) = run(&files, &["diff", "old.json", "new.json"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(text.contains("actions: +1 done 1 ~1 -1"), "{text}");
    assert!(
        text.contains("Actions added (1):\n  b – c: shared backlog, owner Bo, open\n"),
        "{text}"
    );
    assert!(
        text.contains("Actions done (1):\n  a – b: weekly sync, owner Ann, open -> done\n"),
        "{text}"
    );
    assert!(
        text.contains("Actions changed (1):\n  b – c: =HYPERLINK(\"x\"), open; changed: expect\n"),
        "{text}"
    );
    assert!(
        text.contains("Actions removed (1):\n  a – c: intro call, open\n"),
        "{text}"
    );
    let (_, json, _) = run(
        &files,
        &["diff", "old.json", "new.json", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["actions_done"][0]["new_status"], "done");
    assert_eq!(
        v["actions_changed"][0]["changed"],
        serde_json::json!(["expect"])
    );
    // No change at all: no action sections.
    let (_, same, _) = run(&files, &["diff", "old.json", "old.json"]);
    assert_eq!(same, "old.json -> old.json\nno differences\n");
}

#[test]
fn the_actions_table_lists_every_action_with_its_status() {
    let (code, csv, err) = run(
        &[("new.json", NEW)],
        &[
            "export", "new.json", "--format", "csv", "--table", "actions",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "from,to,what,initiative,owner,due,status,decided,expect,note"
    );
    assert_eq!(lines[1], "b,a,weekly sync,,Ann,2026-12-01,done,,,");
    assert_eq!(lines[3], "b,c,shared backlog,,Bo,,open,,,");
    assert_eq!(lines.len(), 4);
}

#[test]
fn node_link_keeps_unknown_ratings() {
    let (code, nl, err) = run(
        &[("old.json", OLD)],
        &["export", "old.json", "--format", "node-link"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(nl.contains("\"weight\": null"), "{nl}");
    let (code, back, err) = run(
        &[("g.json", &nl)],
        &["import", "--from", "node-link", "g.json"],
    );
    assert_eq!(code, Some(0), "{err}");
    let org = gapscope::model::from_str("back.json", &back).unwrap();
    let t = org.ties.iter().find(|t| t.from == "b").unwrap();
    assert_eq!(t.strength, None, "{back}");
}

#[test]
fn validate_and_the_schema_know_the_new_keys() {
    let (code, out, err) = run(&[("new.json", NEW)], &["validate", "new.json"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("new.json: ok"), "{out}");
    let (_, schema, _) = run(&[], &["schema"]);
    let v: serde_json::Value = serde_json::from_str(&schema).unwrap();
    assert_eq!(
        v["properties"]["actions"]["items"]["$ref"],
        "#/$defs/action"
    );
    assert_eq!(
        v["$defs"]["tie"]["properties"]["strength"]["type"],
        serde_json::json!(["number", "null"])
    );
    let validator = crate::schema_subset::Schema::new(v.clone());
    for text in [OLD, NEW, gapscope::model::seed::SEED_JSON] {
        let doc: serde_json::Value = serde_json::from_str(text).unwrap();
        assert!(validator.is_valid(&doc), "{text}");
    }
    let bad: serde_json::Value = serde_json::from_str(
        r#"{"units": [], "actions": [{"from": "a", "to": "b", "what": "", "status": "closed"}]}"#,
    )
    .unwrap();
    assert!(!validator.is_valid(&bad));
}

//! Saving safely: atomic replace with a backup, permissions, injected failures, the on-disk
//! change check, and recovery files.

use std::fs;
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use gapscope::model::edit::Edit;
use gapscope::model::{self, seed};
use gapscope::store::{
    self, Changed, Recoveries, SaveError, SaveOptions, SourceStatus, Stage, check_unchanged,
    load_tracked, save_atomic, save_atomic_with, save_org,
};

const OLD: &str = "{\"units\": []}\n";
const NEW: &str = "{\"title\": \"new\", \"units\": []}\n";

fn folder() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// Names of the entries of a folder, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_save_replaces_the_file_and_keeps_the_previous_version_as_a_backup() {
    let dir = folder();
    let path = dir.path().join("org.json");
    fs::write(&path, OLD).unwrap();
    let saved = save_atomic(&path, NEW.as_bytes()).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), NEW);
    let backup = dir.path().join("org.json~");
    assert_eq!(saved.backup.as_deref(), Some(backup.as_path()));
    assert_eq!(fs::read_to_string(&backup).unwrap(), OLD);
    assert_eq!(
        entries(dir.path()),
        ["org.json", "org.json~"],
        "no temporary file left"
    );
    assert_eq!(saved.warning, None);
    assert_eq!(check_unchanged(&path, &saved.fingerprint).ok(), Some(()));

    save_atomic(&path, b"{\"units\": [], \"title\": \"third\"}\n").unwrap();
    assert_eq!(
        fs::read_to_string(&backup).unwrap(),
        NEW,
        "the backup is the version before"
    );
}

#[test]
fn a_new_file_has_no_backup() {
    let dir = folder();
    let path = dir.path().join("new.json");
    let saved = save_atomic(&path, NEW.as_bytes()).unwrap();
    assert_eq!(saved.backup, None);
    assert_eq!(fs::read_to_string(&path).unwrap(), NEW);
    assert_eq!(entries(dir.path()), ["new.json"]);
}

#[test]
fn a_save_keeps_the_files_permissions() {
    let dir = folder();
    let path = dir.path().join("org.json");
    fs::write(&path, OLD).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    save_atomic(&path, NEW.as_bytes()).unwrap();
    assert_eq!(mode(&path), 0o640);
    assert_eq!(mode(&dir.path().join("org.json~")), 0o640);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o604)).unwrap();
    save_atomic(&path, OLD.as_bytes()).unwrap();
    assert_eq!(mode(&path), 0o604);
}

#[test]
fn a_save_through_a_symbolic_link_keeps_the_link() {
    let dir = folder();
    let real = dir.path().join("real.json");
    let link = dir.path().join("link.json");
    fs::write(&real, OLD).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    save_atomic(&link, NEW.as_bytes()).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&real).unwrap(), NEW);
    assert_eq!(
        fs::read_to_string(dir.path().join("real.json~")).unwrap(),
        OLD
    );
}

#[test]
fn a_failure_at_any_step_leaves_the_old_file_and_no_temporary_file() {
    for stage in [
        Stage::TempCreated,
        Stage::TempWritten,
        Stage::TempSynced,
        Stage::BeforeRename,
    ] {
        let dir = folder();
        let path = dir.path().join("org.json");
        fs::write(&path, OLD).unwrap();
        let mut hook = |at: Stage| {
            if at == stage {
                Err(io::Error::other("injected: disk full"))
            } else {
                Ok(())
            }
        };
        let err = save_atomic_with(&path, NEW.as_bytes(), &SaveOptions::default(), &mut hook)
            .unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("cannot save {}: ", path.display())),
            "{message}"
        );
        assert!(message.ends_with("injected: disk full"), "{message}");
        assert_eq!(fs::read_to_string(&path).unwrap(), OLD, "at {stage:?}");
        let left = entries(dir.path());
        assert!(
            left.iter().all(|n| !n.ends_with(".tmp")),
            "at {stage:?}: {left:?}"
        );
        if stage == Stage::BeforeRename {
            let backup = fs::read_to_string(dir.path().join("org.json~")).unwrap();
            assert_eq!(backup, OLD, "the backup is in place before the rename");
        }
    }
}

#[test]
fn a_failed_save_of_a_new_file_creates_nothing() {
    let dir = folder();
    let path = dir.path().join("org.json");
    let mut hook = |_: Stage| Err(io::Error::other("injected"));
    save_atomic_with(&path, NEW.as_bytes(), &SaveOptions::default(), &mut hook).unwrap_err();
    assert!(entries(dir.path()).is_empty());
}

#[test]
fn saving_where_a_folder_is_missing_or_is_a_file_says_why() {
    let dir = folder();
    let file = dir.path().join("plain");
    fs::write(&file, "x").unwrap();
    let err = save_atomic(&file.join("org.json"), NEW.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("is not a folder"), "{err}");
    let err = save_atomic(&dir.path().join("no/such/org.json"), NEW.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("cannot use the folder"), "{err}");
    assert!(err.to_string().contains("No such file"), "{err}");
    let err = save_atomic(dir.path(), NEW.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("it is a folder"), "{err}");
    assert_eq!(entries(dir.path()), ["plain"]);
}

#[test]
fn saving_into_a_read_only_folder_fails_and_leaves_the_file() {
    let dir = folder();
    let path = dir.path().join("org.json");
    fs::write(&path, OLD).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permission bits: there, a refused create is injected instead.
    let enforced = fs::write(dir.path().join("probe"), "x").is_err();
    let mut hook = |at: Stage| {
        if !enforced && at == Stage::TempCreated {
            Err(io::Error::from(io::ErrorKind::PermissionDenied))
        } else {
            Ok(())
        }
    };
    let err =
        save_atomic_with(&path, NEW.as_bytes(), &SaveOptions::default(), &mut hook).unwrap_err();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let _ = fs::remove_file(dir.path().join("probe"));
    assert!(err.to_string().contains("ermission denied"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), OLD);
    assert_eq!(entries(dir.path()), ["org.json"]);
}

#[test]
fn another_writer_is_noticed_even_with_the_same_size_and_time() {
    let dir = folder();
    let path = dir.path().join("org.json");
    fs::write(&path, OLD).unwrap();
    let (_, fp) = load_tracked(&path, 1 << 20).unwrap();
    assert!(check_unchanged(&path, &fp).is_ok());
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    let same_size = OLD.replace('u', "U");
    assert_eq!(same_size.len(), OLD.len());
    fs::write(&path, &same_size).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), mtime);
    assert!(matches!(check_unchanged(&path, &fp), Err(Changed::Content)));
    fs::write(&path, NEW).unwrap();
    let err = check_unchanged(&path, &fp).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("its size changed from {} to {} bytes", OLD.len(), NEW.len())
    );
    fs::write(&path, OLD).unwrap();
    assert!(
        check_unchanged(&path, &fp).is_ok(),
        "the same bytes again are no change"
    );
    fs::remove_file(&path).unwrap();
    assert!(matches!(check_unchanged(&path, &fp), Err(Changed::Missing)));
}

fn edited() -> model::Org {
    let mut org = seed::seed();
    let (a, b) = (org.units[0].id.clone(), org.units[1].id.clone());
    let strength = org.scale.max;
    Edit::SetTie {
        from: a,
        to: b,
        strength: Some(strength),
    }
    .apply(&mut org)
    .unwrap();
    org
}

#[test]
fn saving_a_document_refuses_to_overwrite_another_writers_changes() {
    let dir = folder();
    let recoveries = Recoveries::in_dir(dir.path().join("state"));
    let path = dir.path().join("org.json");
    fs::write(&path, model::seed::SEED_JSON).unwrap();
    let (org, fp) = load_tracked(&path, 1 << 20).unwrap();
    fs::write(&path, model::seed::SEED_JSON.replace("  ", "\t")).unwrap();
    let err = save_org(&path, &org, Some(&fp), &recoveries).unwrap_err();
    assert!(matches!(err, SaveError::ChangedOnDisk { .. }));
    assert!(
        err.to_string()
            .contains("changed on disk since it was loaded"),
        "{err}"
    );
    assert_ne!(fs::read_to_string(&path).unwrap(), model::seed::SEED_JSON);
    let saved = save_org(&path, &org, None, &recoveries).unwrap();
    let (again, fp2) = load_tracked(&path, 1 << 20).unwrap();
    assert_eq!(again, org);
    assert_eq!(fp2.hash, saved.fingerprint.hash);
    save_org(&path, &edited(), Some(&saved.fingerprint), &recoveries).unwrap();
}

fn paths_in(dir: &Path) -> (Recoveries, PathBuf) {
    (
        Recoveries::in_dir(dir.join("state/gapscope")),
        dir.join("org.json"),
    )
}

#[test]
fn a_recovery_file_round_trips_the_edited_document_and_is_discarded_by_a_save() {
    let dir = folder();
    let (recoveries, path) = paths_in(dir.path());
    fs::write(&path, model::seed::SEED_JSON).unwrap();
    let (_, fp) = load_tracked(&path, 1 << 20).unwrap();
    let org = edited();
    let written = recoveries.write(Some(&path), &org, Some(&fp)).unwrap();
    assert_eq!(written, recoveries.path_for(Some(&path)));
    assert_eq!(mode(&written), 0o600, "edits may be confidential");
    assert_eq!(mode(recoveries.dir()), 0o700);
    let text = fs::read_to_string(&written).unwrap();
    assert!(text.contains("\"x-gapscope-recovery\""));
    let found = recoveries.find(Some(&path)).unwrap().unwrap();
    assert_eq!(found.org, org);
    assert_eq!(found.file, Some(fs::canonicalize(&path).unwrap()));
    assert_eq!(found.source, Some(fp));
    assert!(found.written.unwrap() > 1_700_000_000);
    assert!(matches!(found.source_status(), SourceStatus::Unchanged));
    save_org(&path, &found.org, Some(&fp), &recoveries).unwrap();
    assert!(!written.exists(), "a save supersedes the recovery file");
    assert!(recoveries.find(Some(&path)).unwrap().is_none());
    assert!(!recoveries.discard(Some(&path)).unwrap());
}

#[test]
fn a_recovery_knows_when_its_file_changed_since() {
    let dir = folder();
    let (recoveries, path) = paths_in(dir.path());
    fs::write(&path, model::seed::SEED_JSON).unwrap();
    let (org, fp) = load_tracked(&path, 1 << 20).unwrap();
    recoveries.write(Some(&path), &org, Some(&fp)).unwrap();
    fs::write(&path, NEW).unwrap();
    let found = recoveries.find(Some(&path)).unwrap().unwrap();
    assert!(matches!(
        found.source_status(),
        SourceStatus::Changed(Changed::Resized { .. })
    ));
}

#[test]
fn recovery_files_are_named_after_their_document() {
    let dir = folder();
    let (recoveries, path) = paths_in(dir.path());
    let base = recoveries.dir();
    let name_of = |p: PathBuf| {
        assert_eq!(p.parent(), Some(base));
        p.file_name().unwrap().to_string_lossy().into_owned()
    };
    let builtin = name_of(recoveries.path_for(None));
    assert!(
        builtin.starts_with("builtin-example.") && builtin.ends_with(".recovery.json"),
        "{builtin}"
    );
    let stdin = name_of(recoveries.path_for(Some(Path::new("-"))));
    assert!(stdin.starts_with("stdin."), "{stdin}");
    let keyed = recoveries.clone().for_stdin_content(b"{}");
    let keyed_name = name_of(keyed.path_for(Some(Path::new("-"))));
    assert!(keyed_name.starts_with("stdin-"), "{keyed_name}");
    assert_ne!(
        keyed_name,
        name_of(
            recoveries
                .clone()
                .for_stdin_content(b"{ }")
                .path_for(Some(Path::new("-")))
        ),
        "another content, another recovery"
    );
    fs::write(&path, OLD).unwrap();
    let named = recoveries.path_for(Some(&path));
    let name = named.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("org.json-") && name.ends_with(".recovery.json"),
        "{name}"
    );
    let other = dir.path().join("sub/org.json");
    assert_ne!(
        recoveries.path_for(Some(&other)),
        named,
        "same name, other folder"
    );
    let roundabout = dir.path().join(".").join("org.json");
    assert_eq!(
        recoveries.path_for(Some(&roundabout)),
        named,
        "one file, one recovery"
    );
    let odd = dir.path().join("a b\u{1b}[2J.json");
    let odd_name = recoveries.path_for(Some(&odd));
    let odd_name = odd_name.file_name().unwrap().to_string_lossy().into_owned();
    assert!(odd_name.starts_with("a_b__2J.json-"), "{odd_name}");
}

#[test]
fn builtin_and_stdin_documents_have_their_own_recovery() {
    let dir = folder();
    let (recoveries, _) = paths_in(dir.path());
    let org = edited();
    recoveries.write(None, &org, None).unwrap();
    assert!(recoveries.find(Some(Path::new("-"))).unwrap().is_none());
    let found = recoveries.find(None).unwrap().unwrap();
    assert!(matches!(found.source_status(), SourceStatus::Unknown));
    assert_eq!((found.org, found.file, found.source), (org, None, None));
    assert!(recoveries.discard(None).unwrap());
    assert!(recoveries.find(None).unwrap().is_none());
}

#[test]
fn a_damaged_recovery_file_is_reported_not_ignored() {
    let dir = folder();
    let (recoveries, _) = paths_in(dir.path());
    recoveries.write(None, &edited(), None).unwrap();
    fs::write(recoveries.path_for(None), "{\"units\": [").unwrap();
    assert!(recoveries.find(None).is_err());
}

#[test]
fn the_state_folder_follows_xdg_then_home() {
    let state = |xdg: Option<&str>, home: Option<&str>| {
        store::state_dir(xdg.map(Into::into), home.map(Into::into))
    };
    assert_eq!(state(Some("/s"), Some("/h")), PathBuf::from("/s/gapscope"));
    assert_eq!(
        state(Some("rel"), Some("/h")),
        PathBuf::from("/h/.local/state/gapscope")
    );
    assert_eq!(
        state(None, Some("/h")),
        PathBuf::from("/h/.local/state/gapscope")
    );
    let fallback = state(None, None);
    let name = fallback.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("gapscope-state-"), "one per user: {name}");
}

#[test]
fn a_file_replaced_by_a_folder_is_named_as_such() {
    let dir = folder();
    let path = dir.path().join("org.json");
    fs::write(&path, OLD).unwrap();
    let (_, fp) = load_tracked(&path, 1 << 20).unwrap();
    fs::remove_file(&path).unwrap();
    fs::create_dir(&path).unwrap();
    let change = check_unchanged(&path, &fp).unwrap_err();
    assert_eq!(change.to_string(), "it is now a folder, not a file");
}

//! `-o FILE` written as it is made (issue 14 item 13): a CSV table or a report goes through
//! a buffer into the temporary file of the atomic write, never held whole; the file has the
//! bytes standard output gets, and a write that fails midway leaves nothing behind.

use std::io::{self, Write};
use std::os::unix::process::CommandExt;
use std::path::Path;

use assert_cmd::Command;
use gapscope::analysis::{self, Options};
use gapscope::export::table::{self, Table};
use gapscope::store::{
    self, Fingerprint, SaveError, SaveOptions, check_unchanged, save_atomic_stream,
};

fn gapscope() -> Command {
    Command::cargo_bin("gapscope").unwrap_or_else(|e| panic!("{e}"))
}

/// Names of the entries of a folder, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_csv_table_written_to_a_file_is_what_standard_output_gets() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The seed has attributes, targets and actions: no table is empty.
    let org_path = dir.path().join("org.json");
    std::fs::write(&org_path, gapscope::model::seed::SEED_JSON).expect("write org");
    let org_arg = org_path.to_str().expect("utf-8 path");
    let org = gapscope::model::seed::seed();
    let analysis = analysis::analyse(&org, &Options::default());
    let tables = [
        ("units", Table::Units),
        ("ties", Table::Ties),
        ("targets", Table::Targets),
        ("actions", Table::Actions),
    ];
    for (name, which) in tables {
        let common = ["export", org_arg, "-f", "csv", "--table", name];
        let streamed = gapscope().args(common).assert().success();
        let streamed = streamed.get_output().stdout.clone();
        let file = dir.path().join(format!("{name}.csv"));
        let wrote = gapscope()
            .args(common)
            .args(["-o", file.to_str().expect("utf-8 path")])
            .assert()
            .success();
        let said = String::from_utf8_lossy(&wrote.get_output().stderr).into_owned();
        assert!(
            said.starts_with("wrote ") && said.contains("units"),
            "{said}"
        );
        let in_file = std::fs::read(&file).expect("table file");
        assert_eq!(
            String::from_utf8_lossy(&in_file),
            String::from_utf8_lossy(&streamed),
            "{name}"
        );
        // ... and what the table is when built whole.
        assert_eq!(
            String::from_utf8_lossy(&in_file),
            table::to_csv(&org, &analysis, which),
            "{name}"
        );
        assert!(in_file.len() > 20, "{name} has rows");
    }
    assert_eq!(
        entries(dir.path()),
        [
            "actions.csv",
            "org.json",
            "targets.csv",
            "ties.csv",
            "units.csv"
        ],
        "no temporary file left"
    );
}

/// Writes `n` bytes in small pieces, then fails as a table writer meeting a full disk would.
fn fails_after(n: usize) -> impl FnMut(&mut dyn Write) -> io::Result<()> {
    move |w| {
        for _ in 0..n / 100 {
            w.write_all(&[b'x'; 100])?;
        }
        Err(io::Error::other("the disk is full"))
    }
}

#[test]
fn a_stream_that_fails_midway_leaves_the_old_file_and_no_temporary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("table.csv");
    std::fs::write(&path, "old\n").expect("old file");
    // 300 KB: several 64 KiB buffers already went to the temporary file.
    let options = SaveOptions {
        backup: false,
        ..SaveOptions::default()
    };
    let err = save_atomic_stream(&path, &options, &mut |_| Ok(()), &mut fails_after(300_000))
        .expect_err("the write failed");
    let shown = err.to_string();
    assert!(
        shown.contains("cannot write the temporary file") && shown.contains("the disk is full"),
        "{shown}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("old"), "old\n");
    assert_eq!(entries(dir.path()), ["table.csv"]);

    // Through the output entry, a new file: nothing created; an existing one: kept.
    let new = dir.path().join("new.csv");
    let err = store::write_output_with(&new, false, &mut fails_after(300_000))
        .expect_err("the write failed");
    assert!(matches!(err, SaveError::Io { .. }), "{err}");
    let err = store::write_output_with(&path, true, &mut fails_after(300_000))
        .expect_err("the write failed");
    assert!(matches!(err, SaveError::Io { .. }), "{err}");
    assert_eq!(std::fs::read_to_string(&path).expect("old"), "old\n");
    assert_eq!(entries(dir.path()), ["table.csv"]);
}

#[test]
fn a_streamed_save_has_the_fingerprint_of_its_content() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.txt");
    // Pieces of odd sizes across the 64 KiB buffer's edges.
    let pieces: Vec<Vec<u8>> = (0..400u32)
        .map(|i| (0..(i * 7 % 1000)).map(|j| (i + j) as u8).collect())
        .collect();
    let whole: Vec<u8> = pieces.concat();
    let saved = save_atomic_stream(&path, &SaveOptions::default(), &mut |_| Ok(()), &mut |w| {
        pieces.iter().try_for_each(|p| w.write_all(p))
    })
    .expect("saved");
    assert_eq!(std::fs::read(&path).expect("read"), whole);
    let expected = Fingerprint::of(&whole, None);
    assert_eq!(
        (saved.fingerprint.len, saved.fingerprint.hash),
        (expected.len, expected.hash)
    );
    check_unchanged(&path, &saved.fingerprint).expect("the file is as saved");
}

#[test]
fn a_file_size_limit_midway_through_a_table_is_a_message_and_leaves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let org_path = dir.path().join("org.json");
    let units: Vec<String> = (0..2000)
        .map(|i| format!("{{\"id\": \"u{i}\", \"name\": \"Unit number {i}\"}}"))
        .collect();
    let org = format!("{{\"units\": [{}], \"ties\": []}}", units.join(", "));
    std::fs::write(&org_path, org).expect("write org");
    let out_path = dir.path().join("units.csv");
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("gapscope"));
    cmd.args(["export", "-f", "csv", "--table", "units", "-o"])
        .arg(&out_path)
        .arg(&org_path);
    // SAFETY: setrlimit is async-signal-safe; the child only lowers its own limit.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: 8192,
                rlim_max: 8192,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = cmd.output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "not killed by SIGXFSZ: {out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot write the temporary file") && err.contains("File too large"),
        "{err}"
    );
    assert_eq!(
        entries(dir.path()),
        ["org.json"],
        "no file, no temporary file"
    );
}

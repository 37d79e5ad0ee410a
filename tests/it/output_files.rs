//! `-o FILE` of every command through the real binary (issue 14 items 1, 4, 5; issue 13's
//! output messages): a FIFO or character device is written through and stays what it is,
//! a socket or folder is refused, an existing file is kept unless `--force`, the command
//! says what it wrote, a file size limit ends in a message (not SIGXFSZ), and temporary
//! files left by a killed save are cleared by the next save.

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;

use assert_cmd::Command;

fn gapscope() -> Command {
    Command::cargo_bin("gapscope").expect("binary")
}

fn seed(dir: &Path) -> String {
    let path = dir.join("org.json");
    std::fs::write(&path, gapscope::model::seed::SEED_JSON).expect("write");
    path.display().to_string()
}

/// The commands that take `-o`, each writing into `out`.
fn writers(org: &str, out: &str) -> Vec<Vec<String>> {
    let survey = format!("{}/examples/survey/answers.csv", env!("CARGO_MANIFEST_DIR"));
    let all = vec![
        vec!["export", "-f", "dot", org, "-o", out],
        vec!["export", "-f", "csv", org, "-o", out],
        vec!["aggregate", org, "-o", out],
        vec!["report", org, "-o", out],
        vec!["generate", "--units", "30", "-o", out],
        vec!["import", "--from", "survey", survey.as_str(), "-o", out],
    ];
    all.into_iter()
        .map(|v| v.into_iter().map(String::from).collect())
        .collect()
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(ok.success());
}

#[test]
fn a_fifo_as_output_is_written_through_and_stays_a_fifo() {
    let dir = tempfile::tempdir().expect("dir");
    let org = seed(dir.path());
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    for args in writers(&org, &fifo.display().to_string()) {
        // A reader that does not wait for a writer, so the writer's open does not block.
        let mut reader = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(&fifo)
            .expect("open the FIFO");
        let out = gapscope()
            .args(&args)
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}: {out:?}");
        let kind = std::fs::symlink_metadata(&fifo)
            .expect("still there")
            .file_type();
        assert!(kind.is_fifo(), "{args:?} replaced the FIFO");
        let mut got = Vec::new();
        let _ = reader.read_to_end(&mut got);
        assert!(!got.is_empty(), "{args:?}: the reader got the output");
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn a_character_device_as_output_stays_a_device() {
    // mknod needs root; elsewhere the FIFO test covers writing through.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("SKIPPED: mknod needs root");
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let org = seed(dir.path());
    let node = dir.path().join("nd");
    let ok = std::process::Command::new("mknod")
        .arg(&node)
        .args(["c", "1", "3"])
        .status()
        .expect("mknod runs");
    assert!(ok.success());
    for args in writers(&org, &node.display().to_string()) {
        let out = gapscope().args(&args).output().expect("runs");
        assert!(out.status.success(), "{args:?}: {out:?}");
        let kind = std::fs::symlink_metadata(&node).expect("there").file_type();
        assert!(kind.is_char_device(), "{args:?} replaced the device node");
    }
    // /dev/full through a link in the temporary folder: the write error is reported.
    let full = dir.path().join("full");
    std::os::unix::fs::symlink("/dev/full", &full).expect("link");
    let out = gapscope()
        .args(["export", "-f", "dot", &org, "-o"])
        .arg(&full)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("No space left on device"), "{err}");
    assert!(
        std::fs::metadata("/dev/full")
            .expect("there")
            .file_type()
            .is_char_device(),
        "/dev/full is still a device"
    );
}

#[test]
fn a_socket_or_folder_as_output_is_refused_and_left() {
    let dir = tempfile::tempdir().expect("dir");
    let org = seed(dir.path());
    let sock = dir.path().join("sock");
    let _listener = std::os::unix::net::UnixListener::bind(&sock).expect("bind");
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).expect("mkdir");
    for (target, kind) in [(&sock, "a socket"), (&folder, "a folder")] {
        for args in writers(&org, &target.display().to_string()) {
            let out = gapscope()
                .args(&args)
                .arg("--force")
                .output()
                .expect("runs");
            assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains(&format!("it is {kind}, not a regular file")),
                "{args:?}: {err}"
            );
            assert!(!err.contains(": is a folder"), "said twice: {err}");
        }
    }
    assert!(
        std::fs::symlink_metadata(&sock)
            .expect("there")
            .file_type()
            .is_socket()
    );
    assert!(folder.is_dir());
}

#[test]
fn an_existing_file_is_kept_unless_force_and_the_command_says_what_it_wrote() {
    let dir = tempfile::tempdir().expect("dir");
    let org = seed(dir.path());
    let out_path = dir.path().join("out.txt");
    let out_name = out_path.display().to_string();
    for args in writers(&org, &out_name) {
        std::fs::write(&out_path, "precious\n").expect("write");
        let out = gapscope().args(&args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("exists; gapscope does not replace it (--force does)"),
            "{args:?}: {err}"
        );
        assert_eq!(
            std::fs::read_to_string(&out_path).expect("read"),
            "precious\n"
        );
        let out = gapscope()
            .args(&args)
            .arg("--force")
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert_ne!(
            std::fs::read_to_string(&out_path).expect("read"),
            "precious\n"
        );
        let err = String::from_utf8_lossy(&out.stderr);
        let line = err.lines().last().unwrap_or_default();
        assert!(
            line.starts_with(&format!("wrote {out_name} (")) && line.contains(" ties)"),
            "{args:?}: {err}"
        );
        std::fs::remove_file(&out_path).expect("rm");
    }
    let out = gapscope()
        .args(["export", "-f", "dot", &org, "-o", &out_name])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("wrote {out_name} (7 units, 24 ties)\n")
    );
}

#[test]
fn report_writes_to_a_file_with_o() {
    let dir = tempfile::tempdir().expect("dir");
    let org = seed(dir.path());
    let path = dir.path().join("gaps.csv");
    let out = gapscope()
        .args(["report", &org, "-f", "csv", "--output"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.starts_with("severity,kind,"), "{text}");
}

#[test]
fn a_file_size_limit_is_a_message_not_a_killed_process() {
    let dir = tempfile::tempdir().expect("dir");
    let out_path = dir.path().join("big.json");
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("gapscope"));
    cmd.args(["generate", "--units", "400", "-o"])
        .arg(&out_path);
    // SAFETY: setrlimit is async-signal-safe; the child only lowers its own limit.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: 4096,
                rlim_max: 4096,
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
    assert!(err.contains("File too large"), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(
        left.is_empty(),
        "nothing written, no temporary file: {left:?}"
    );
}

#[test]
fn temporary_files_of_a_killed_save_are_removed_by_the_next_save() {
    let dir = tempfile::tempdir().expect("dir");
    let org = seed(dir.path());
    // A process that has ended: its temporary files are stale.
    let mut child = std::process::Command::new("true").spawn().expect("spawn");
    let dead = child.id();
    child.wait().expect("wait");
    let me = std::process::id();
    let stale = [
        format!(".out.dot.{dead}.0.tmp"),
        format!(".out.dot~.{dead}.7.tmp"),
    ];
    let kept = [
        format!(".out.dot.{me}.0.tmp"),
        ".out.dot.notes.tmp".to_string(),
        format!(".other.dot.{dead}.0.tmp"),
    ];
    for name in stale.iter().chain(&kept) {
        std::fs::write(dir.path().join(name), "x").expect("write");
    }
    let out = gapscope()
        .args(["export", "-f", "dot", &org, "-o"])
        .arg(dir.path().join("out.dot"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    for name in &stale {
        assert!(!dir.path().join(name).exists(), "{name} is stale");
    }
    for name in &kept {
        assert!(
            dir.path().join(name).exists(),
            "{name} is not ours to remove"
        );
    }
}

#[test]
fn dev_stdout_as_output_is_written_through_to_what_the_shell_opened() {
    let dir = tempfile::tempdir().expect("dir");
    let org = seed(dir.path());
    let log = dir.path().join("log.txt");
    std::fs::write(&log, "first\n").expect("write");
    // As `gapscope export ... -o /dev/stdout >> log.txt`.
    let append = std::fs::OpenOptions::new()
        .append(true)
        .open(&log)
        .expect("open");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("gapscope"))
        .args(["export", "-f", "dot", &org, "-o", "/dev/stdout"])
        .stdout(append)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let text = std::fs::read_to_string(&log).expect("read");
    assert!(text.starts_with("first\ndigraph"), "{text}");
}

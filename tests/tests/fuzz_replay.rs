//! Replays every saved fuzz input (`fixtures/fuzz/<target>/*`) through every fuzz target's
//! checks, and the rest of the fixture tree too: nothing may panic, and every answer keeps
//! its promises (see `fuzz/src/lib.rs`). A crash found by `scripts/fuzz` is copied into
//! `fixtures/fuzz/` and stays here for good. The long fuzz runs are a separate command.

use std::path::{Path, PathBuf};

#[path = "../../fuzz/src/lib.rs"]
#[allow(unreachable_pub, dead_code)]
mod harness;

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.map(|entry| entry.unwrap().path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            files_under(&path, out);
        } else if path.file_name().is_some_and(|name| name != "README.md") {
            out.push(path);
        }
    }
}

/// Runs `data` through every target, naming the file and target that panicked.
fn replay(path: &Path, data: &[u8]) {
    for (name, target) in harness::TARGETS {
        let outcome = std::panic::catch_unwind(|| target(data));
        assert!(
            outcome.is_ok(),
            "fuzz target {name} panicked on {}",
            path.display()
        );
    }
}

#[test]
fn saved_fuzz_inputs_replay_cleanly() {
    let root = qinqing_tests::fixtures_dir().join("fuzz");
    let mut files = Vec::new();
    files_under(&root, &mut files);
    assert!(
        files.len() >= 4,
        "the saved fuzz inputs are gone from {}",
        root.display()
    );
    for target in harness::TARGETS.iter().map(|(name, _)| name) {
        assert!(
            root.join(target).is_dir(),
            "no folder for fuzz target {target}"
        );
    }
    for path in files {
        replay(&path, &std::fs::read(&path).unwrap());
    }
}

#[test]
fn the_fixture_corpus_passes_every_fuzz_check() {
    let root = qinqing_tests::fixtures_dir();
    let mut files = Vec::new();
    for folder in ["complaints", "contracts", "bad-input"] {
        files_under(&root.join(folder), &mut files);
    }
    assert!(
        files.len() > 100,
        "fixture corpus not found under {}",
        root.display()
    );
    for path in files {
        replay(&path, &std::fs::read(&path).unwrap());
    }
}

#[test]
fn the_checks_catch_a_broken_answer() {
    // The checks must be able to fail: an answer that says valid despite an error.
    let mut answer = qinqing_core::validate_complaint_json("{", &qinqing_core::Options::default());
    answer.valid = true;
    let outcome = std::panic::catch_unwind(|| harness::check_answer(&answer));
    assert!(
        outcome.is_err(),
        "check_answer accepted valid=true with a json.syntax error"
    );
    let mut issue = qinqing_core::validate_complaint_json("{", &qinqing_core::Options::default())
        .issues
        .remove(0);
    issue.code = "no.suchCode".into();
    assert!(std::panic::catch_unwind(|| harness::check_issue(&issue)).is_err());
}

#[test]
fn structured_targets_handle_short_and_empty_input() {
    for data in [
        &b""[..],
        b"\0",
        b"\xff\xff\xff\xff",
        &[0x41; 64][..],
        &[0x00; 300][..],
        &[0xff; 300][..],
    ] {
        replay(Path::new("<inline>"), data);
    }
}

#[test]
fn calendar_seeds_load() {
    // Seeds that load reach the checks on a loaded calendar, not only the refusals.
    let dir = qinqing_tests::fixtures_dir()
        .join("fuzz")
        .join("calendar_year");
    let mut seeds = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("seed-")
        {
            let text = std::fs::read_to_string(&path).unwrap();
            let loaded = qinqing_core::Calendar::builtin().with_year_json(&text);
            assert!(
                loaded.is_ok(),
                "{} does not load: {:?}",
                path.display(),
                loaded.err()
            );
            seeds += 1;
        }
    }
    assert!(seeds >= 3);
}

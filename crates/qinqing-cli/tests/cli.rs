//! The `qinqing` binary end to end: exit codes, output shape, standard input, NDJSON.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn qinqing(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qinqing"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn fixture(kind: &str, name: &str) -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "..",
        "tests",
        "fixtures",
        kind,
        &format!("{name}.json"),
    ]
    .iter()
    .collect();
    path.to_string_lossy().into_owned()
}

fn stdout_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|err| panic!("{err}: {}", String::from_utf8_lossy(&output.stdout)))
}

const TODAY: [&str; 2] = ["--today", "2026-11-27"];

#[test]
fn a_valid_complaint_exits_0_with_a_pretty_answer() {
    let file = fixture("complaints", "valid-enterprise");
    let output = qinqing(&["validate", "complaint", &file, TODAY[0], TODAY[1]], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("\n  \"valid\": true"));
    assert_eq!(stdout_json(&output)["issues"], Value::Array(vec![]));
}

#[test]
fn an_invalid_complaint_exits_1_with_its_issues() {
    let file = fixture("complaints", "enterprise-uscc-checksum");
    let output = qinqing(&["validate", "complaint", &file, TODAY[0], TODAY[1]], None);
    assert_eq!(output.status.code(), Some(1));
    let answer = stdout_json(&output);
    assert_eq!(answer["valid"], false);
    assert_eq!(answer["issues"][0]["code"], "uscc.checksum");
    assert_eq!(answer["issues"][0]["path"], "/complainant/uscc");
}

#[test]
fn contracts_are_validated_too() {
    let file = fixture("contracts", "change-leadership-change");
    let output = qinqing(
        &[
            "validate", "contract", &file, "--lang", "en", TODAY[0], TODAY[1],
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let answer = stdout_json(&output);
    assert_eq!(answer["issues"][0]["code"], "change.prohibitedReason");
    assert!(answer["issues"][0]["message"]
        .as_str()
        .unwrap()
        .contains("a change of leaders"));
}

#[test]
fn malformed_json_is_an_answer_not_a_crash() {
    let file = fixture("complaints", "bad-syntax");
    let output = qinqing(&["validate", "complaint", &file], None);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout_json(&output)["issues"][0]["code"], "json.syntax");
}

#[test]
fn today_comes_from_the_flag() {
    let file = fixture("complaints", "valid-occurred-today");
    let yesterday = qinqing(
        &["validate", "complaint", &file, "--today", "2026-11-26"],
        None,
    );
    assert_eq!(yesterday.status.code(), Some(1));
    assert_eq!(stdout_json(&yesterday)["issues"][0]["code"], "date.future");
    let today = qinqing(&["validate", "complaint", &file, TODAY[0], TODAY[1]], None);
    assert_eq!(today.status.code(), Some(0));
}

#[test]
fn standard_input_is_read_with_a_dash_or_no_file() {
    let text = std::fs::read(fixture("complaints", "valid-enterprise")).unwrap();
    for args in [
        &["validate", "complaint", "-", "--today", "2026-11-27"][..],
        &["validate", "complaint", "--today", "2026-11-27"][..],
    ] {
        let output = qinqing(args, Some(&text));
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stdout)
        );
    }
}

#[test]
fn ndjson_gives_one_compact_answer_per_line() {
    let valid: Value =
        serde_json::from_slice(&std::fs::read(fixture("complaints", "valid-enterprise")).unwrap())
            .unwrap();
    let input = format!("{valid}\n\n{{}}\n{valid}\n");
    let output = qinqing(
        &["validate", "complaint", "--ndjson", TODAY[0], TODAY[1]],
        Some(input.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(1), "one line is invalid");
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "blank lines are skipped: {text}");
    assert_eq!(lines[0], r#"{"valid":true,"priority":false,"issues":[]}"#);
    assert!(lines[1].starts_with(r#"{"valid":false"#));
    let all_valid = qinqing(
        &["validate", "complaint", "--ndjson", TODAY[0], TODAY[1]],
        Some(format!("{valid}\n").as_bytes()),
    );
    assert_eq!(all_valid.status.code(), Some(0));
}

#[test]
fn unreadable_input_exits_2_with_a_clear_message() {
    let missing = qinqing(
        &["validate", "complaint", "/nonexistent/complaint.json"],
        None,
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr)
        .contains("cannot read /nonexistent/complaint.json"));
    assert!(missing.stdout.is_empty());

    let not_utf8 = qinqing(
        &["validate", "complaint", "-"],
        Some(b"{\"remedy\": \"\xff\xfe\"}"),
    );
    assert_eq!(not_utf8.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&not_utf8.stderr).contains("not UTF-8"));
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(
        qinqing(&["validate", "memo", "x.json"], None).status.code(),
        Some(2)
    );
    assert_eq!(
        qinqing(&["validate", "complaint", "--today", "27/11/2026"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        qinqing(&["validate", "complaint", "--lang", "fr"], None)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn check_prints_an_answer_and_exits_by_validity() {
    let good = qinqing(&["check", "uscc", "91450100MA5K3R2B7K"], None);
    assert_eq!(good.status.code(), Some(0));
    assert_eq!(stdout_json(&good)["valid"], true);

    let bad = qinqing(
        &["check", "uscc", "91450100MA5K3R2B7L", "--lang", "en"],
        None,
    );
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(stdout_json(&bad)["issues"][0]["code"], "uscc.checksum");
    assert_eq!(stdout_json(&bad)["issues"][0]["path"], "");

    assert_eq!(
        qinqing(&["check", "phone", "0771-5551234"], None)
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        qinqing(&["check", "ric", "450103199001011238"], None)
            .status
            .code(),
        Some(0)
    );
    let future = qinqing(
        &[
            "check",
            "ric",
            "450103202701011233",
            "--today",
            "2026-11-27",
        ],
        None,
    );
    assert_eq!(stdout_json(&future)["issues"][0]["code"], "ric.birthFuture");
}

#[test]
fn check_division_takes_a_level() {
    assert_eq!(
        qinqing(&["check", "division", "450200", "--level", "city"], None)
            .status
            .code(),
        Some(0)
    );
    let wrong = qinqing(&["check", "division", "450200", "--level", "county"], None);
    assert_eq!(wrong.status.code(), Some(1));
    assert_eq!(stdout_json(&wrong)["issues"][0]["code"], "division.level");
}

#[test]
fn catalogue_prints_every_entry_in_the_requested_language() {
    let output = qinqing(&["catalogue", "--lang", "en"], None);
    assert_eq!(output.status.code(), Some(0));
    let entries = stdout_json(&output);
    let entries = entries.as_array().unwrap();
    assert_eq!(entries.len(), 23);
    let collusion = entries
        .iter()
        .find(|entry| entry["id"] == "collusion")
        .unwrap();
    assert_eq!(collusion["clause"], "§六");
    assert!(collusion["title"].as_str().unwrap().is_ascii());
    let zh = stdout_json(&qinqing(&["catalogue"], None));
    assert!(!zh[0]["title"].as_str().unwrap().is_ascii());
}

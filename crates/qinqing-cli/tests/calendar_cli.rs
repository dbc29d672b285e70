//! `qinqing calendar` and `qinqing deadline` end to end, including time-zone invariance: the
//! output must be identical whatever TZ the process runs under.

use std::process::{Command, Output};

const ZONES: [&str; 4] = [
    "UTC",
    "Asia/Shanghai",
    "America/Los_Angeles",
    "Pacific/Kiritimati",
];

fn qinqing(tz: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qinqing"))
        .args(args)
        .env("TZ", tz)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn calendar_prints_one_line_per_date() {
    let output = qinqing(
        "UTC",
        &[
            "calendar",
            "--from",
            "2004-01-01",
            "--to",
            "2026-12-31",
            "--region",
            "national",
        ],
    );
    assert!(output.status.success());
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 8401);
    assert_eq!(lines[0], "2004-01-01\toff\tholiday 元旦");
    assert!(lines.contains(&"2005-12-31\twork\tmakeUpWorkday 元旦"));
    assert!(lines.contains(&"2026-02-14\twork\tmakeUpWorkday 春节"));
    assert!(lines.contains(&"2026-12-26\toff\tweekend (provisional)"));
    for line in &lines {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "{line}");
        assert!(fields[1] == "work" || fields[1] == "off", "{line}");
    }
}

#[test]
fn calendar_guangxi_shows_sanyuesan_and_is_the_default() {
    let output = qinqing(
        "UTC",
        &["calendar", "--from", "2023-04-20", "--to", "2023-04-24"],
    );
    assert!(output.status.success());
    assert_eq!(
        stdout(&output),
        "2023-04-20\twork\tworkday\n2023-04-21\toff\tguangxiHoliday 壮族三月三\n2023-04-22\toff\tguangxiHoliday 壮族三月三\n\
         2023-04-23\toff\tguangxiHoliday 壮族三月三\n2023-04-24\twork\tworkday\n"
    );
}

#[test]
fn output_is_the_same_in_every_time_zone() {
    let runs = [
        vec!["deadline", "--received", "2026-02-14T18:00:00-08:00"],
        vec![
            "deadline",
            "--received",
            "2026-02-15T10:00:00+08:00",
            "--region",
            "national",
        ],
        vec!["deadline", "--received", "2023-04-20", "--lang", "en"],
        vec![
            "deadline",
            "--received",
            "2026-02-15",
            "--status",
            "--now",
            "2026-03-03T23:00:00+08:00",
        ],
        vec!["calendar", "--from", "2026-09-20", "--to", "2026-10-12"],
    ];
    for args in runs {
        let outputs: Vec<String> = ZONES.iter().map(|tz| stdout(&qinqing(tz, &args))).collect();
        assert!(!outputs[0].is_empty(), "{args:?}");
        for (tz, output) in ZONES.iter().zip(&outputs) {
            assert_eq!(output, &outputs[0], "{args:?} under TZ={tz}");
        }
    }
}

#[test]
fn deadline_prints_the_json_answer() {
    let output = qinqing(
        "America/Los_Angeles",
        &["deadline", "--received", "2026-02-14T18:00:00-08:00"],
    );
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["receivedOn"], "2026-02-15");
    assert_eq!(json["dueDate"], "2026-03-03");
    assert_eq!(json["dueAt"], "2026-03-03T23:59:59+08:00");
    assert_eq!(json["provisional"], false);
    assert_eq!(json["region"], "guangxi");
    assert_eq!(json["skipped"].as_array().unwrap().len(), 9);

    let national = qinqing(
        "UTC",
        &[
            "deadline",
            "--received",
            "2023-04-20",
            "--region",
            "national",
            "--days",
            "7",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&national)).unwrap();
    assert_eq!(json["dueDate"], "2023-04-28");

    let status = qinqing(
        "UTC",
        &[
            "deadline",
            "--received",
            "2026-02-15",
            "--status",
            "--now",
            "2026-03-04T09:00:00+08:00",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&status)).unwrap();
    assert_eq!(json["status"], "overdue");
    assert_eq!(json["overdueWorkingDays"], 1);
}

#[test]
fn provisional_years_warn_or_fail_in_strict_mode() {
    let soft = qinqing(
        "UTC",
        &["deadline", "--received", "2027-03-01", "--lang", "en"],
    );
    assert!(soft.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&soft)).unwrap();
    assert_eq!(json["provisional"], true);
    assert_eq!(json["warnings"][0]["code"], "calendar.provisional");
    let strict = qinqing(
        "UTC",
        &[
            "deadline",
            "--received",
            "2027-03-01",
            "--strict",
            "--lang",
            "en",
        ],
    );
    assert_eq!(strict.status.code(), Some(2));
    assert!(strict.stdout.is_empty());
    let message = String::from_utf8(strict.stderr).unwrap();
    assert!(
        message.contains("2027") && message.contains("calendar.yearUnpublished"),
        "{message}"
    );
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let cases: [&[&str]; 8] = [
        &["deadline", "--received", "2026-02-30"],
        &["deadline", "--received", "2026-02-15T10:00:00"],
        &["deadline", "--received", "2026-02-15", "--days", "0"],
        &["deadline", "--received", "2026-02-15", "--days", "99999999"],
        &["deadline", "--received", "1900-01-01"],
        &["deadline", "--received", "2026-02-15", "--region", "mars"],
        &["calendar", "--from", "2026-02-01", "--to", "2026-01-01"],
        &["calendar", "--from", "1948-12-30", "--to", "1949-01-02"],
    ];
    for args in cases {
        let output = qinqing("UTC", args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(!output.stderr.is_empty(), "{args:?}");
    }
    let zh = qinqing("UTC", &["deadline", "--received", "tomorrow"]);
    let message = String::from_utf8(zh.stderr).unwrap();
    assert!(
        message.contains("无法识别") && message.contains("calendar.instantMalformed"),
        "{message}"
    );
}

#[test]
fn a_notice_file_can_be_loaded() {
    let dir = std::env::temp_dir().join(format!("qinqing-notice-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("2027.json");
    std::fs::write(&good, r#"{"year": 2027, "off_days": [{"date": "2027-01-01", "name": "元旦"}], "adjusted_workdays": [], "guangxi": {"off_days": []}}"#).unwrap();
    let output = qinqing(
        "UTC",
        &[
            "deadline",
            "--received",
            "2027-03-01",
            "--strict",
            "--notice",
            good.to_str().unwrap(),
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"year": 2027, "off_days": [{"date": "2027-02-30"}]}"#,
    )
    .unwrap();
    let output = qinqing(
        "UTC",
        &[
            "calendar",
            "--from",
            "2027-01-01",
            "--to",
            "2027-01-02",
            "--notice",
            bad.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(message.contains("/off_days/0/date"), "{message}");
    std::fs::remove_dir_all(&dir).unwrap();
}

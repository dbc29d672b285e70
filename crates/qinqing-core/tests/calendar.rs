//! Worked examples, counting rules, error values and run-time loading of the calendar.

use chrono::NaiveDate;
use qinqing_core::{
    Calendar, CalendarError, DayReason, Lang, Region, ReplyState, Severity, MAX_WORKING_DAYS,
};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn due(received: &str, region: Region) -> String {
    Calendar::builtin()
        .reply_deadline(received, 7, region, false)
        .unwrap()
        .due_date
        .to_string()
}

#[test]
fn worked_examples_from_the_issue() {
    // Received on Sunday 2026-02-15 (春节): the 7th working day strictly after it.
    assert_eq!(due("2026-02-15", Region::Guangxi), "2026-03-03");
    assert_eq!(due("2026-02-15", Region::National), "2026-03-03");
    assert_eq!(due("2023-04-20", Region::National), "2023-04-28");
    assert_eq!(due("2023-04-20", Region::Guangxi), "2023-05-05");
    assert_eq!(due("2026-04-16", Region::National), "2026-04-27");
    assert_eq!(due("2026-04-16", Region::Guangxi), "2026-04-29");
    assert_eq!(due("2017-03-29", Region::National), "2017-04-10");
    assert_eq!(due("2017-03-29", Region::Guangxi), "2017-04-12");
    assert_eq!(due("2021-04-13", Region::National), "2021-04-22");
    assert_eq!(due("2021-04-13", Region::Guangxi), "2021-04-25");
    // A Saturday make-up working day counts too (2026-02-14).
    assert_eq!(due("2026-02-14", Region::National), "2026-03-03");
    assert_eq!(due("2023-04-22", Region::National), "2023-05-04");
}

#[test]
fn saturday_2005_12_31_was_a_working_day() {
    let calendar = Calendar::builtin();
    for region in [Region::National, Region::Guangxi] {
        assert!(calendar.is_working_day(d("2005-12-31"), region).unwrap());
        let info = calendar.day_info(d("2005-12-31"), region).unwrap();
        assert_eq!(info.reason, DayReason::MakeUpWorkday);
        assert_eq!(
            info.notice.as_deref(),
            Some("国务院办公厅关于2006年部分节假日安排的通知")
        );
        assert!(!info.provisional);
    }
}

#[test]
fn deadline_answer_explains_skipped_days() {
    let deadline = Calendar::builtin()
        .reply_deadline("2026-02-15T10:00:00+08:00", 7, Region::Guangxi, true)
        .unwrap();
    assert_eq!(deadline.received_on, d("2026-02-15"));
    assert_eq!(deadline.due_at, "2026-03-03T23:59:59+08:00");
    assert!(!deadline.provisional);
    assert!(deadline.warnings.is_empty());
    // 02-16..02-23 are 春节 (8 days), 03-01 a Sunday; 02-28 is a make-up Saturday.
    let skipped: Vec<String> = deadline
        .skipped
        .iter()
        .map(|day| day.date.to_string())
        .collect();
    assert_eq!(skipped.first().map(String::as_str), Some("2026-02-16"));
    assert!(skipped.contains(&"2026-03-01".to_owned()));
    assert!(!skipped.contains(&"2026-02-28".to_owned()));
    assert_eq!(skipped.len(), 9);
    let first = &deadline.skipped[0];
    assert_eq!(first.reason, DayReason::Holiday);
    assert_eq!(first.name.as_deref(), Some("春节"));
    let json = serde_json::to_value(&deadline).unwrap();
    assert_eq!(json["dueDate"], "2026-03-03");
    assert_eq!(json["receivedOn"], "2026-02-15");
    assert_eq!(json["region"], "guangxi");
    assert_eq!(json["skipped"][0]["reason"], "holiday");
    assert_eq!(json["provisional"], false);
}

#[test]
fn guangxi_skips_show_the_festival() {
    let deadline = Calendar::builtin()
        .reply_deadline("2023-04-20", 7, Region::Guangxi, true)
        .unwrap();
    let festival: Vec<String> = deadline
        .skipped
        .iter()
        .filter(|day| day.reason == DayReason::GuangxiHoliday)
        .map(|day| day.date.to_string())
        .collect();
    assert_eq!(festival, ["2023-04-21", "2023-04-22", "2023-04-23"]);
    let info = Calendar::builtin()
        .day_info(d("2021-04-18"), Region::Guangxi)
        .unwrap();
    assert_eq!(
        (info.working, info.reason),
        (true, DayReason::GuangxiWorkday)
    );
    let info = Calendar::builtin()
        .day_info(d("2021-04-18"), Region::National)
        .unwrap();
    assert_eq!((info.working, info.reason), (false, DayReason::Weekend));
}

#[test]
fn the_instant_is_read_in_china_time_whatever_its_offset() {
    let calendar = Calendar::builtin();
    let same = [
        "2026-02-14T18:00:00-08:00",
        "2026-02-15T10:00:00+08:00",
        "2026-02-15T02:00:00Z",
        "2026-02-15T16:00:00+14:00",
        "2026-02-15",
    ];
    let answers: Vec<_> = same
        .iter()
        .map(|text| {
            calendar
                .reply_deadline(text, 7, Region::Guangxi, false)
                .unwrap()
        })
        .collect();
    for answer in &answers {
        assert_eq!(answer, &answers[0]);
        assert_eq!(answer.received_on, d("2026-02-15"));
    }
    // One second before midnight in China is still the 14th (a make-up working day).
    let late = calendar
        .reply_deadline("2026-02-14T15:59:59Z", 7, Region::Guangxi, false)
        .unwrap();
    assert_eq!(late.received_on, d("2026-02-14"));
}

#[test]
fn unpublished_years_are_provisional_and_refused_in_strict_mode() {
    let calendar = Calendar::builtin();
    let soft = calendar
        .reply_deadline("2027-03-01", 7, Region::Guangxi, false)
        .unwrap();
    assert!(soft.provisional);
    assert_eq!(soft.warnings.len(), 1);
    assert_eq!(soft.warnings[0].code, "calendar.provisional");
    assert_eq!(soft.warnings[0].severity, Severity::Warning);
    assert!(soft.warnings[0].message.contains("2027"));
    let strict = calendar
        .reply_deadline("2027-03-01", 7, Region::Guangxi, true)
        .unwrap_err();
    assert_eq!(strict, CalendarError::Unpublished { year: 2027 });
    assert_eq!(strict.code(), "calendar.yearUnpublished");
    // Late December may still be moved by next year's notice.
    assert!(calendar
        .reply_deadline("2026-12-28", 1, Region::National, true)
        .is_err());
    assert!(calendar
        .reply_deadline("2026-12-01", 7, Region::National, true)
        .is_ok());
    // Statutory days are off in a provisional year: 元旦, 春节 from 除夕, 劳动节 2 days.
    for date in [
        "2027-01-01",
        "2027-02-05",
        "2027-02-06",
        "2027-02-08",
        "2027-05-01",
        "2027-10-01",
    ] {
        let info = calendar.day_info(d(date), Region::National).unwrap();
        assert!(!info.working && info.provisional, "{date}: {info:?}");
    }
    // 2027-02-06/07 (Sat/Sun) are 春节 days: two make-up days follow the four days.
    assert!(!calendar
        .is_working_day(d("2027-02-09"), Region::National)
        .unwrap());
    assert!(!calendar
        .is_working_day(d("2027-02-10"), Region::National)
        .unwrap());
    assert!(calendar
        .is_working_day(d("2027-02-11"), Region::National)
        .unwrap());
    // Guangxi 三月三 2027: 农历三月初三 = 04-09 (Fri), 初四 a Saturday → made up on Monday.
    assert!(!calendar
        .is_working_day(d("2027-04-09"), Region::Guangxi)
        .unwrap());
    assert!(!calendar
        .is_working_day(d("2027-04-12"), Region::Guangxi)
        .unwrap());
    assert!(calendar
        .is_working_day(d("2027-04-12"), Region::National)
        .unwrap());
    // Before the five-day week (1995-05-01) Saturday was a working day.
    assert!(calendar
        .is_working_day(d("1990-03-10"), Region::National)
        .unwrap());
    assert!(!calendar
        .is_working_day(d("1996-03-09"), Region::National)
        .unwrap());
    assert!(
        calendar
            .day_info(d("1990-03-10"), Region::National)
            .unwrap()
            .provisional
    );
}

#[test]
fn bad_input_gives_error_values() {
    let calendar = Calendar::builtin();
    assert_eq!(
        calendar.is_working_day(d("1948-12-31"), Region::National),
        Err(CalendarError::DateOutOfRange {
            date: d("1948-12-31")
        })
    );
    assert!(calendar
        .is_working_day(d("1949-01-01"), Region::National)
        .is_ok());
    assert!(calendar
        .is_working_day(d("2100-12-31"), Region::National)
        .is_ok());
    assert!(calendar.day_info(d("2101-01-01"), Region::Guangxi).is_err());
    assert_eq!(
        calendar.add_working_days(d("2100-12-01"), 100, Region::National),
        Err(CalendarError::ResultOutOfRange {
            from: d("2100-12-01"),
            days: 100
        })
    );
    assert_eq!(
        calendar.add_working_days(d("2026-01-01"), MAX_WORKING_DAYS + 1, Region::National),
        Err(CalendarError::DaysOutOfRange {
            days: MAX_WORKING_DAYS + 1
        })
    );
    assert!(calendar
        .add_working_days(d("2026-01-01"), MAX_WORKING_DAYS, Region::National)
        .is_ok());
    assert_eq!(
        calendar.add_working_days(d("2026-02-15"), 0, Region::National),
        Ok(d("2026-02-15"))
    );
    assert_eq!(
        calendar.reply_deadline("2026-01-05", 0, Region::National, false),
        Err(CalendarError::DaysOutOfRange { days: 0 })
    );
    assert_eq!(
        calendar.reply_deadline("2026-01-05", u32::MAX, Region::National, false),
        Err(CalendarError::DaysOutOfRange { days: u32::MAX })
    );
    for bad in [
        "",
        "2026-02-30",
        "2026-2-5",
        "tomorrow",
        "2026-02-15T10:00:00",
        "2026-02-15 10:00",
        "+2026-02-15",
        "2026-02-15T25:00:00+08:00",
    ] {
        let err = calendar
            .reply_deadline(bad, 7, Region::Guangxi, false)
            .unwrap_err();
        assert_eq!(
            err,
            CalendarError::MalformedInstant {
                value: bad.to_owned()
            },
            "{bad:?}"
        );
        let issue = err.to_issue("/receivedAt", Lang::Zh);
        assert_eq!(issue.code, "calendar.instantMalformed");
        assert_eq!(issue.path, "/receivedAt");
        assert!(issue.message.contains("2026-02-15T10:00:00+08:00"));
    }
    assert!(calendar
        .reply_deadline("1900-01-01", 7, Region::Guangxi, false)
        .is_err());
    let en = CalendarError::DaysOutOfRange { days: 0 }.to_issue("/days", Lang::En);
    assert_eq!(
        en.message,
        "The number of working days must be between 1 and 10000; it is 0."
    );
}

#[test]
fn case_status_on_time_due_today_overdue() {
    let calendar = Calendar::builtin();
    let at = |now: &str| {
        calendar
            .case_status("2026-02-15T10:00:00+08:00", 7, now, Region::Guangxi)
            .unwrap()
    };
    let early = at("2026-02-27T09:00:00+08:00");
    assert_eq!(early.status, ReplyState::OnTime);
    // 02-28 (a make-up Saturday), 03-02 and 03-03.
    assert_eq!(early.working_days_left, 3);
    let today = at("2026-03-03T15:59:59Z");
    assert_eq!(today.status, ReplyState::DueToday);
    let late = at("2026-03-03T16:00:00Z");
    assert_eq!(late.status, ReplyState::Overdue);
    assert_eq!(late.overdue_working_days, 1);
    let later = at("2026-03-10T12:00:00+08:00");
    assert_eq!(later.overdue_working_days, 5);
    assert_eq!(later.due_at, "2026-03-03T23:59:59+08:00");
    let json = serde_json::to_value(&later).unwrap();
    assert_eq!(json["status"], "overdue");
    assert_eq!(json["overdueWorkingDays"], 5);
    assert!(calendar
        .case_status("2026-02-15", 7, "now", Region::Guangxi)
        .is_err());
}

#[test]
fn a_notice_year_can_be_loaded_at_run_time() {
    let json = r#"{"year": 2027, "papers": ["https://example.invalid/2027"],
        "off_days": [{"date": "2026-12-31", "name": "元旦"}, {"date": "2027-01-01", "name": "元旦"}],
        "adjusted_workdays": [{"date": "2027-01-03", "name": "元旦"}],
        "guangxi": {"sources": ["https://example.invalid/gx"], "off_days": [{"date": "2027-04-09"}, "2027-04-12"], "adjusted_workdays": []}}"#;
    let calendar = Calendar::builtin().with_year_json(json).unwrap();
    let info = calendar
        .day_info(d("2026-12-31"), Region::National)
        .unwrap();
    assert!(!info.working && !info.provisional);
    assert_eq!(info.name.as_deref(), Some("元旦"));
    assert_eq!(
        info.notice.as_deref(),
        Some("国务院办公厅关于2027年部分节假日安排的通知")
    );
    assert!(calendar
        .is_working_day(d("2027-01-03"), Region::National)
        .unwrap());
    // Not a statutory guess any more: 2027-02-09 is an ordinary Tuesday now.
    assert!(calendar
        .is_working_day(d("2027-02-09"), Region::National)
        .unwrap());
    assert!(!calendar
        .is_provisional(d("2027-06-01"), Region::Guangxi)
        .unwrap());
    assert!(!calendar
        .is_working_day(d("2027-04-12"), Region::Guangxi)
        .unwrap());
    assert!(calendar
        .reply_deadline("2027-03-01", 7, Region::Guangxi, true)
        .is_ok());
    // The built-in calendar is unchanged.
    assert!(Calendar::builtin()
        .is_provisional(d("2027-06-01"), Region::National)
        .unwrap());
    assert!(calendar.published_years(Region::National).contains(&2027));
}

#[test]
fn bad_notice_json_is_reported_with_paths() {
    let calendar = Calendar::builtin();
    let codes = |json: &str| -> Vec<(String, String)> {
        calendar
            .with_year_json(json)
            .unwrap_err()
            .into_iter()
            .map(|issue| (issue.code.into_owned(), issue.path))
            .collect()
    };
    assert_eq!(
        codes("not json"),
        [("calendar.noticeInvalid".to_owned(), String::new())]
    );
    assert_eq!(
        codes("[]"),
        [("calendar.noticeInvalid".to_owned(), String::new())]
    );
    assert_eq!(
        codes(r#"{"off_days": []}"#),
        [("calendar.noticeInvalid".to_owned(), "/year".to_owned())]
    );
    assert_eq!(
        codes(r#"{"year": 3000}"#),
        [("calendar.noticeYear".to_owned(), "/year".to_owned())]
    );
    let found = codes(
        r#"{"year": 2027, "off_days": [{"date": "2027-13-01"}, {"date": "2025-12-31"}, {"date": "2027-05-01"}, 7],
            "adjusted_workdays": [{"date": "2027-05-01"}], "guangxi": {"off_days": {}}}"#,
    );
    assert_eq!(
        found,
        [
            (
                "calendar.noticeDate".to_owned(),
                "/off_days/0/date".to_owned()
            ),
            (
                "calendar.noticeDateOutsideYear".to_owned(),
                "/off_days/1/date".to_owned()
            ),
            (
                "calendar.noticeInvalid".to_owned(),
                "/off_days/3".to_owned()
            ),
            (
                "calendar.noticeConflict".to_owned(),
                "/adjusted_workdays/0/date".to_owned()
            ),
            (
                "calendar.noticeInvalid".to_owned(),
                "/guangxi/off_days".to_owned()
            ),
        ]
    );
    // The whole-file form works and reports paths under /years.
    let file =
        r#"{"years": {"2027": {"off_days": [{"date": "2027-01-01", "name": "元旦"}]}, "abc": {}}}"#;
    assert_eq!(
        codes(file),
        [("calendar.noticeYear".to_owned(), "/years/abc".to_owned())]
    );
}

#[test]
fn every_calendar_code_is_registered() {
    let registered: Vec<&str> = qinqing_core::registry()
        .iter()
        .map(|rule| rule.code)
        .collect();
    for code in [
        "calendar.dateOutOfRange",
        "calendar.daysOutOfRange",
        "calendar.instantMalformed",
        "calendar.noticeConflict",
        "calendar.noticeDate",
        "calendar.noticeDateOutsideYear",
        "calendar.noticeInvalid",
        "calendar.noticeYear",
        "calendar.provisional",
        "calendar.resultOutOfRange",
        "calendar.yearUnpublished",
    ] {
        assert!(registered.contains(&code), "{code}");
    }
}

#[test]
fn embedded_tables_are_small() {
    let (embedded, heap) = qinqing_core::calendar_table_sizes();
    println!("embedded calendar tables: {embedded} bytes; index on the heap: {heap} bytes");
    assert!(embedded < 24_000, "{embedded}");
    assert!(heap < 800_000, "{heap}");
}

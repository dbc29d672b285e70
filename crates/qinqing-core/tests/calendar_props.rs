//! Property tests of the working-day arithmetic over the whole covered range, checked
//! against a plain day-by-day count.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use qinqing_core::{Calendar, Region};

fn date_in_range() -> impl Strategy<Value = NaiveDate> {
    // 1949-01-01 .. 2083-02, leaving room (about 12 years) for the shifts below.
    (0u64..49_000)
        .prop_map(|offset| NaiveDate::from_ymd_opt(1949, 1, 1).unwrap() + Days::new(offset))
}

fn region() -> impl Strategy<Value = Region> {
    prop_oneof![Just(Region::National), Just(Region::Guangxi)]
}

/// The n-th working day strictly after `date`, one day at a time.
fn naive_add(calendar: &Calendar, date: NaiveDate, n: u32, region: Region) -> NaiveDate {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        day = day.succ_opt().unwrap();
        if calendar.is_working_day(day, region).unwrap() {
            left -= 1;
        }
    }
    day
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn the_result_is_a_working_day_after_the_start(date in date_in_range(), n in 1u32..2_000, region in region()) {
        let calendar = Calendar::builtin();
        let due = calendar.add_working_days(date, n, region).unwrap();
        prop_assert!(due > date);
        prop_assert!(calendar.is_working_day(due, region).unwrap());
    }

    #[test]
    fn counting_back_gives_n(date in date_in_range(), n in 0u32..3_000, region in region()) {
        let calendar = Calendar::builtin();
        let due = calendar.add_working_days(date, n, region).unwrap();
        prop_assert_eq!(calendar.working_days_between(date, due, region).unwrap(), i64::from(n));
        prop_assert_eq!(calendar.working_days_between(due, date, region).unwrap(), -i64::from(n));
    }

    #[test]
    fn agrees_with_a_day_by_day_loop(date in date_in_range(), n in 1u32..60, region in region()) {
        let calendar = Calendar::builtin();
        prop_assert_eq!(calendar.add_working_days(date, n, region).unwrap(), naive_add(calendar, date, n, region));
    }

    #[test]
    fn monotone_in_n(date in date_in_range(), n in 1u32..2_000, extra in 1u32..100, region in region()) {
        let calendar = Calendar::builtin();
        let a = calendar.add_working_days(date, n, region).unwrap();
        let b = calendar.add_working_days(date, n + extra, region).unwrap();
        prop_assert!(a < b);
    }

    #[test]
    fn monotone_in_the_start_date(date in date_in_range(), later in 0u64..400, n in 1u32..200, region in region()) {
        let calendar = Calendar::builtin();
        let other = date + Days::new(later);
        let a = calendar.add_working_days(date, n, region).unwrap();
        let b = calendar.add_working_days(other, n, region).unwrap();
        prop_assert!(a <= b);
    }

    #[test]
    fn deadline_equals_add_working_days(date in date_in_range(), n in 1u32..30, region in region()) {
        let calendar = Calendar::builtin();
        let deadline = calendar.reply_deadline(&date.to_string(), n, region, false).unwrap();
        prop_assert_eq!(deadline.due_date, calendar.add_working_days(date, n, region).unwrap());
        // Every skipped day is a non-working day between receipt and the due date.
        for day in &deadline.skipped {
            prop_assert!(day.date > date && day.date < deadline.due_date);
            prop_assert!(!calendar.is_working_day(day.date, region).unwrap());
        }
        let span = (deadline.due_date - date).num_days();
        prop_assert_eq!(span, i64::from(n) + deadline.skipped.len() as i64);
    }

    #[test]
    fn any_offset_gives_the_china_date(secs in 0i64..4_000_000_000, offset_minutes in -720i32..=840) {
        let calendar = Calendar::builtin();
        let utc = chrono::DateTime::from_timestamp(secs, 0).unwrap();
        let offset = chrono::FixedOffset::east_opt(offset_minutes * 60).unwrap();
        let local = utc.with_timezone(&offset).to_rfc3339();
        let china = utc.with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap()).to_rfc3339();
        let a = calendar.reply_deadline(&local, 7, Region::Guangxi, false).unwrap();
        let b = calendar.reply_deadline(&china, 7, Region::Guangxi, false).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,40}") {
        let _ = Calendar::builtin().reply_deadline(&text, 7, Region::Guangxi, true);
        let _ = Calendar::builtin().with_year_json(&text);
    }
}

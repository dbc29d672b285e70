//! Every use of the working-day calendar, in one place: the §八 reply deadline of a case,
//! where a case stands against it, and the calendar an administrator can extend.
//!
//! The deadline is computed once, at receipt, with the Guangxi calendar (national notices
//! plus 壮族三月三) and stored with the case: it is the date the citizen was told. A deadline
//! that crosses a year without a published notice is provisional (and says so in its
//! warnings); loading that year's notice later does not move deadlines already given.

use chrono::{Datelike, NaiveDate};
use qinqing_core::{Calendar, CalendarError, DayInfo, DayReason, Deadline, Issue, Lang, Region};
use serde::Serialize;

/// §八: a written reply within 7 working days.
pub(crate) const REPLY_WORKING_DAYS: u32 = 7;

/// Case deadlines are counted with Guangxi's working days.
const REGION: Region = Region::Guangxi;

/// The calendar the server uses; administrators may load new notice years.
#[derive(Debug, Clone)]
pub(crate) struct Deadlines {
    calendar: Calendar,
}

/// Where a case without a written reply stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing {
    /// The deadline is still ahead.
    Open,
    /// Today is the last day.
    DueToday,
    /// The deadline has passed.
    Overdue,
}

/// The days of one year that differ from an ordinary Monday–Friday week.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct YearDays {
    year: i32,
    region: Region,
    /// `true` when the State Council notice for the year is known.
    published: bool,
    days: Vec<DayInfo>,
}

impl Deadlines {
    pub(crate) fn builtin() -> Deadlines {
        Deadlines {
            calendar: Calendar::builtin().clone(),
        }
    }

    /// The deadline for a case received at `received_at` (RFC 3339, China time).
    pub(crate) fn reply_deadline(
        &self,
        received_at: &str,
        lang: Lang,
    ) -> Result<Deadline, CalendarError> {
        self.calendar
            .reply_deadline_in(received_at, REPLY_WORKING_DAYS, REGION, false, lang)
    }

    /// Where an unanswered case due on `due_date` stands on `today`.
    pub(crate) fn standing(&self, due_date: &str, today: NaiveDate) -> Standing {
        match NaiveDate::parse_from_str(due_date, "%Y-%m-%d") {
            Ok(due) if today > due => Standing::Overdue,
            Ok(due) if today == due => Standing::DueToday,
            _ => Standing::Open,
        }
    }

    /// Working days left until the due date (0 once due), from the core calendar.
    pub(crate) fn working_days_left(&self, due_date: &str, today: NaiveDate) -> Option<i64> {
        let due = NaiveDate::parse_from_str(due_date, "%Y-%m-%d").ok()?;
        let left = self
            .calendar
            .working_days_between(today, due, REGION)
            .ok()?;
        Some(left.max(0))
    }

    /// Whether a reply given at `replied_at` (RFC 3339) met the deadline.
    pub(crate) fn on_time(&self, due_date: &str, replied_at: &str) -> bool {
        let replied = chrono::DateTime::parse_from_rfc3339(replied_at)
            .map(|at| at.with_timezone(&crate::clock::china()).date_naive());
        match (replied, NaiveDate::parse_from_str(due_date, "%Y-%m-%d")) {
            (Ok(replied), Ok(due)) => replied <= due,
            _ => false,
        }
    }

    /// This calendar with one more notice year (see `Calendar::with_year_json`); returns the
    /// year the notice is for (the largest, for a whole multi-year file).
    pub(crate) fn with_year_json(
        &self,
        json: &str,
        lang: Lang,
    ) -> Result<(Deadlines, i32), Vec<Issue>> {
        let calendar = self.calendar.with_year_json_in(json, lang)?;
        let value: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
        let single = value.get("year").and_then(serde_json::Value::as_i64);
        let many = value
            .get("years")
            .and_then(serde_json::Value::as_object)
            .and_then(|years| {
                years
                    .keys()
                    .filter_map(|year| year.parse::<i64>().ok())
                    .max()
            });
        let year = single
            .or(many)
            .and_then(|year| i32::try_from(year).ok())
            .unwrap_or(0);
        Ok((Deadlines { calendar }, year))
    }

    /// The days of `year` in `region` that are not an ordinary working Monday–Friday or an
    /// ordinary weekend: holidays, make-up working days and Guangxi's 三月三 days.
    pub(crate) fn year_days(&self, year: i32, region: Region) -> Option<YearDays> {
        let mut date = NaiveDate::from_ymd_opt(year, 1, 1)?;
        let mut days = Vec::new();
        while date.year() == year {
            let info = self.calendar.day_info(date, region).ok()?;
            if !matches!(info.reason, DayReason::Workday | DayReason::Weekend) {
                days.push(info);
            }
            date = date.succ_opt()?;
        }
        let published = self
            .calendar
            .published_years(Region::National)
            .contains(&year);
        Some(YearDays {
            year,
            region,
            published,
            days,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deadline_skips_guangxi_holidays() {
        let deadlines = Deadlines::builtin();
        // Received on Monday 30 November 2026, no holiday ahead: Wednesday 9 December.
        let plain = deadlines
            .reply_deadline("2026-11-30T10:00:00+08:00", Lang::Zh)
            .unwrap();
        assert_eq!(plain.due_date.to_string(), "2026-12-09");
        // Received just before the National Day holiday (1–7 October 2026): the holiday is skipped.
        let holiday = deadlines
            .reply_deadline("2026-09-30T10:00:00+08:00", Lang::Zh)
            .unwrap();
        assert!(
            holiday.due_date > NaiveDate::from_ymd_opt(2026, 10, 9).unwrap(),
            "{}",
            holiday.due_date
        );
    }

    #[test]
    fn standing_and_on_time_compare_china_dates() {
        let deadlines = Deadlines::builtin();
        let due = "2026-12-09";
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        assert_eq!(deadlines.standing(due, day(8)), Standing::Open);
        assert_eq!(deadlines.standing(due, day(9)), Standing::DueToday);
        assert_eq!(deadlines.standing(due, day(10)), Standing::Overdue);
        assert!(deadlines.on_time(due, "2026-12-09T23:59:00+08:00"));
        // 16:30 UTC on the 9th is already the 10th in China.
        assert!(!deadlines.on_time(due, "2026-12-09T16:30:00Z"));
        assert_eq!(deadlines.working_days_left(due, day(7)), Some(2));
    }

    #[test]
    fn a_year_lists_its_holidays_and_make_up_days() {
        let year = Deadlines::builtin()
            .year_days(2026, Region::Guangxi)
            .unwrap();
        assert!(year.published);
        assert!(year
            .days
            .iter()
            .any(|d| d.reason == DayReason::Holiday && d.date.to_string() == "2026-10-01"));
        assert!(year
            .days
            .iter()
            .any(|d| d.reason == DayReason::GuangxiHoliday));
        assert!(year.days.iter().all(|d| d.date.year() == 2026));
    }
}

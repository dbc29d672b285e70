//! Every use of the working-day calendar, in one place: the §八 reply deadline of a case and
//! where a case stands against it.
//!
//! TEMPORARY FALLBACK: until `qinqing_core::Calendar` lands, working days are Monday to
//! Friday. Replace the bodies here with the core calendar (Guangxi region).

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

/// §八: a written reply within 7 working days.
pub(crate) const REPLY_WORKING_DAYS: u32 = 7;

/// The calendar the server uses; administrators may load new notice years.
#[derive(Debug, Clone, Default)]
pub(crate) struct Deadlines {}

/// The reply deadline of one case, as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Deadline {
    /// The last day on which the written reply is on time (China date).
    pub(crate) due_date: String,
    /// Working days allowed (7).
    pub(crate) working_days: u32,
    /// The region whose working days count.
    pub(crate) region: &'static str,
    /// The clause that sets the deadline.
    pub(crate) basis: &'static str,
}

/// Where a case without a written reply stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum Standing {
    /// The deadline is still ahead.
    Open,
    /// Today is the last day.
    DueToday,
    /// The deadline has passed.
    Overdue,
}

impl Deadlines {
    pub(crate) fn builtin() -> Deadlines {
        Deadlines {}
    }

    /// The deadline for a case received at `received_at` (RFC 3339, China time).
    pub(crate) fn reply_deadline(&self, received_at: &str) -> Result<Deadline, String> {
        let received = received_date(received_at)?;
        let mut day = received;
        let mut counted = 0;
        while counted < REPLY_WORKING_DAYS {
            day = day.succ_opt().ok_or("date out of range")?;
            if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                counted += 1;
            }
        }
        Ok(Deadline { due_date: day.to_string(), working_days: REPLY_WORKING_DAYS, region: "guangxi", basis: "§八" })
    }

    /// The deadline shown for a stored last day.
    pub(crate) fn deadline_for(&self, due_date: &str) -> Deadline {
        Deadline { due_date: due_date.to_owned(), working_days: REPLY_WORKING_DAYS, region: "guangxi", basis: "§八" }
    }

    /// Where an unanswered case stands on `today`.
    pub(crate) fn standing(&self, due_date: &str, today: NaiveDate) -> Standing {
        match NaiveDate::parse_from_str(due_date, "%Y-%m-%d") {
            Ok(due) if today > due => Standing::Overdue,
            Ok(due) if today == due => Standing::DueToday,
            _ => Standing::Open,
        }
    }

    /// Whether a reply given at `replied_at` met the deadline.
    pub(crate) fn on_time(&self, due_date: &str, replied_at: &str) -> bool {
        match (received_date(replied_at), NaiveDate::parse_from_str(due_date, "%Y-%m-%d")) {
            (Ok(replied), Ok(due)) => replied <= due,
            _ => false,
        }
    }

    /// Loads a notice year; returns the year on success.
    pub(crate) fn with_year_json(&self, json: &str) -> Result<(Deadlines, i32), Vec<qinqing_core::Issue>> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|_| Vec::new())?;
        let year = value.get("year").and_then(|y| y.as_i64()).unwrap_or(0) as i32;
        Ok((self.clone(), year))
    }

    /// The days of `year` that differ from Monday–Friday, with the reason.
    pub(crate) fn year_days(&self, _year: i32) -> Option<serde_json::Value> {
        None
    }
}

/// The China date of an RFC 3339 time.
fn received_date(at: &str) -> Result<NaiveDate, String> {
    let instant = chrono::DateTime::parse_from_rfc3339(at).map_err(|err| err.to_string())?;
    Ok(instant.with_timezone(&crate::clock::china()).date_naive())
}

//! §八 reply deadlines and case status.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::answer::{Issue, Lang};
use crate::datetime::{parse_ymd, rfc3339_china_date};

use super::day::DayReason;
use super::errors::{CalendarError, MAX_WORKING_DAYS, PROVISIONAL};
use super::{Calendar, Region};

/// The China date of an RFC 3339 instant (converted to UTC+8), or a bare `YYYY-MM-DD`
/// taken as a China date.
pub(crate) fn china_date(text: &str) -> Result<NaiveDate, CalendarError> {
    let malformed = || CalendarError::MalformedInstant {
        value: text.to_owned(),
    };
    let trimmed = text.trim();
    if trimmed.len() == 10 {
        return parse_ymd(trimmed, false).ok_or_else(malformed);
    }
    rfc3339_china_date(trimmed).ok_or_else(malformed)
}

/// A non-working day the deadline passed over, and why.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SkippedDay {
    /// The date.
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub date: NaiveDate,
    /// Weekend, holiday or Guangxi festival.
    pub reason: DayReason,
    /// Holiday name, such as 春节.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Title of the notice that made the day off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
}

/// The reply deadline of a complaint, with its explanation.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Deadline {
    /// The China date of receipt (never counted).
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub received_on: NaiveDate,
    /// Working days allowed (§八: 7).
    pub days: u32,
    /// The calendar used.
    pub region: Region,
    /// The last day to reply: the `days`-th working day after `receivedOn`.
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub due_date: NaiveDate,
    /// The end of that day in China time, `YYYY-MM-DDT23:59:59+08:00`.
    pub due_at: String,
    /// `true` when a day counted lies in a year without a published notice.
    pub provisional: bool,
    /// Every non-working day between receipt and the due date, with its reason.
    pub skipped: Vec<SkippedDay>,
    /// Warnings, such as `calendar.provisional` for each unpublished year involved.
    pub warnings: Vec<Issue>,
}

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReplyState {
    /// The due date is still ahead.
    OnTime,
    /// Today is the due date.
    DueToday,
    /// The due date has passed.
    Overdue,
}

/// A case's status at a given moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseStatus {
    /// On time, due today or overdue.
    pub status: ReplyState,
    /// The China date of "now".
    pub today: NaiveDate,
    /// The due date.
    pub due_date: NaiveDate,
    /// End of the due date, `YYYY-MM-DDT23:59:59+08:00`.
    pub due_at: String,
    /// Working days after today up to and including the due date (0 when due or overdue).
    pub working_days_left: i64,
    /// Working days after the due date up to and including today (0 unless overdue; a
    /// case can be overdue by 0 working days on the weekend after its due date).
    pub overdue_working_days: i64,
    /// `true` when the deadline depends on an unpublished year.
    pub provisional: bool,
}

fn check_days(days: u32) -> Result<(), CalendarError> {
    if days == 0 || days > MAX_WORKING_DAYS {
        return Err(CalendarError::DaysOutOfRange { days });
    }
    Ok(())
}

pub(super) fn compute(
    calendar: &Calendar,
    received_on: NaiveDate,
    days: u32,
    region: Region,
    strict: bool,
    lang: Lang,
) -> Result<Deadline, CalendarError> {
    check_days(days)?;
    let due_date = calendar.add_working_days(received_on, days, region)?;
    let mut skipped = Vec::new();
    let mut provisional_years: Vec<i32> = Vec::new();
    let mut date = received_on;
    loop {
        if calendar.is_provisional(date, region)? {
            let year = provisional_year(calendar, date);
            if !provisional_years.contains(&year) {
                provisional_years.push(year);
            }
        }
        // Only non-working days need the full explanation (and its allocations).
        if date != received_on && !calendar.is_working_day(date, region)? {
            let info = calendar.day_info(date, region)?;
            skipped.push(SkippedDay {
                date,
                reason: info.reason,
                name: info.name,
                notice: info.notice,
            });
        }
        if date >= due_date {
            break;
        }
        let Some(next) = date.succ_opt() else { break };
        date = next;
    }
    if strict {
        if let Some(&year) = provisional_years.first() {
            return Err(CalendarError::Unpublished { year });
        }
    }
    let warnings = provisional_years
        .iter()
        .map(|year| {
            Issue::new(
                &PROVISIONAL,
                "/dueDate",
                lang,
                &[("year", &year.to_string())],
            )
        })
        .collect();
    Ok(Deadline {
        received_on,
        days,
        region,
        due_date,
        due_at: due_at(due_date),
        provisional: !provisional_years.is_empty(),
        skipped,
        warnings,
    })
}

/// The unpublished year a provisional `date` waits for: its own year, or the next one for a
/// late-December day of a published year (next year's notice may still move it).
fn provisional_year(calendar: &Calendar, date: NaiveDate) -> i32 {
    let year = date.year();
    let published = |year: i32| calendar.sources.national.contains_key(&year);
    if date.month() == 12 && published(year) && !published(year.saturating_add(1)) {
        year.saturating_add(1)
    } else {
        year
    }
}

fn due_at(date: NaiveDate) -> String {
    format!("{date}T23:59:59+08:00")
}

pub(super) fn status(
    calendar: &Calendar,
    received_on: NaiveDate,
    days: u32,
    today: NaiveDate,
    region: Region,
) -> Result<CaseStatus, CalendarError> {
    let deadline = compute(calendar, received_on, days, region, false, Lang::Zh)?;
    let due = deadline.due_date;
    let (status, left, overdue) = match today.cmp(&due) {
        std::cmp::Ordering::Less => (
            ReplyState::OnTime,
            calendar.working_days_between(today, due, region)?,
            0,
        ),
        std::cmp::Ordering::Equal => (ReplyState::DueToday, 0, 0),
        std::cmp::Ordering::Greater => (
            ReplyState::Overdue,
            0,
            calendar.working_days_between(due, today, region)?,
        ),
    };
    Ok(CaseStatus {
        status,
        today,
        due_date: due,
        due_at: deadline.due_at,
        working_days_left: left,
        overdue_working_days: overdue,
        provisional: deadline.provisional,
    })
}

//! China's working-day calendar (national notices + Guangxi 壮族三月三) and the §八 reply
//! deadline of N working days.
//!
//! # Data
//! The State Council's yearly notices 2004–2026 and Guangxi's 三月三 notices 2014–2026 are
//! compiled in from `data/calendar/*.json` (adding a year is a data change; `build.rs`
//! validates the files). A later notice can also be loaded at run time with
//! [`Calendar::with_year_json`]. Years without a notice (before 2004, from 2027 on) are
//! filled from the statutory rules and marked `provisional` (see `provisional.rs`); strict
//! deadlines refuse them. The calendar covers 1949-01-01..=2100-12-31.
//!
//! # Counting rules
//! - The day of receipt is never counted (民法典 第二百零一条): the deadline is the N-th
//!   working day strictly after the day of receipt, whatever kind of day receipt fell on.
//! - Weekend days declared working by a notice (调休上班) are working days.
//! - The receipt instant is converted to China time (UTC+8, fixed) before its date is taken;
//!   a bare `YYYY-MM-DD` is a China date. The host's time zone is never read.
//! - The deadline ends at 23:59:59+08:00 of the due date.
//!
//! # Speed
//! Every query reads a precomputed index (see `index.rs`): O(1) whatever N, no allocation.

mod builtin;
mod day;
mod deadline;
mod errors;
mod index;
mod load;
mod lunar;
mod provisional;
mod sources;

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::answer::{Issue, Lang};

pub use day::{DayInfo, DayReason};
pub use deadline::{CaseStatus, Deadline, ReplyState, SkippedDay};
pub use errors::{CalendarError, MAX_WORKING_DAYS};

pub(crate) use deadline::china_date;
pub(crate) use errors::{
    DATE_OUT_OF_RANGE, DAYS_OUT_OF_RANGE, INSTANT_MALFORMED, PROVISIONAL, RESULT_OUT_OF_RANGE,
    YEAR_UNPUBLISHED,
};
pub(crate) use load::{
    NOTICE_CONFLICT, NOTICE_DATE, NOTICE_DATE_OUTSIDE_YEAR, NOTICE_INVALID, NOTICE_YEAR,
};

use index::{DayIndex, RegionIndex};
use sources::Sources;

/// Which working-day calendar applies.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Region {
    /// The State Council's national arrangement.
    National,
    /// The national arrangement plus Guangxi's 壮族三月三 (the default for case deadlines).
    #[default]
    Guangxi,
}

impl Region {
    /// `national` or `guangxi`.
    pub fn as_str(self) -> &'static str {
        match self {
            Region::National => "national",
            Region::Guangxi => "guangxi",
        }
    }

    /// Reads `national` or `guangxi` (any case); anything else is `None`.
    pub fn from_name(name: &str) -> Option<Region> {
        match name.trim().to_ascii_lowercase().as_str() {
            "national" => Some(Region::National),
            "guangxi" => Some(Region::Guangxi),
            _ => None,
        }
    }
}

/// The working-day calendar: the notices it knows and the index built from them.
///
/// [`Calendar::builtin`] is the compiled-in data; [`Calendar::with_year_json`] returns a
/// new calendar with one more notice year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    sources: Sources,
    index: DayIndex,
}

static BUILTIN: OnceLock<Calendar> = OnceLock::new();

impl Calendar {
    /// The compiled-in calendar (built once, on first use, in about a millisecond).
    pub fn builtin() -> &'static Calendar {
        BUILTIN.get_or_init(|| Calendar::from_sources(builtin::sources()))
    }

    fn from_sources(sources: Sources) -> Calendar {
        let index = index::build(&sources);
        Calendar { sources, index }
    }

    /// A copy of this calendar with the notice year in `json` added (replacing the same year
    /// if present). The JSON is one year of `cn_holidays.json` plus its number, with an
    /// optional Guangxi part in the `guangxi_sanyuesan.json` shape:
    ///
    /// ```json
    /// {"year": 2027, "papers": ["https://www.gov.cn/…"],
    ///  "off_days": [{"date": "2027-01-01", "name": "元旦"}],
    ///  "adjusted_workdays": [{"date": "2027-02-07", "name": "春节"}],
    ///  "guangxi": {"sources": ["…"], "off_days": [{"date": "2027-04-09"}], "adjusted_workdays": []}}
    /// ```
    ///
    /// A whole `cn_holidays.json` (`{"years": {"2027": {…}}}`) is accepted too. Errors are
    /// issues with JSON-pointer paths (zh-CN; see [`Calendar::with_year_json_in`]).
    pub fn with_year_json(&self, json: &str) -> Result<Calendar, Vec<Issue>> {
        self.with_year_json_in(json, Lang::Zh)
    }

    /// [`Calendar::with_year_json`] with messages in `lang`.
    pub fn with_year_json_in(&self, json: &str, lang: Lang) -> Result<Calendar, Vec<Issue>> {
        let mut sources = self.sources.clone();
        load::merge_json(&mut sources, json, lang)?;
        Ok(Calendar::from_sources(sources))
    }

    /// Notice years known for `region` (national notices, or Guangxi 三月三 notices).
    pub fn published_years(&self, region: Region) -> Vec<i32> {
        match region {
            Region::National => self.sources.national.keys().copied().collect(),
            Region::Guangxi => self.sources.guangxi.keys().copied().collect(),
        }
    }

    #[inline]
    fn region(&self, region: Region) -> &RegionIndex {
        match region {
            Region::National => &self.index.national,
            Region::Guangxi => &self.index.guangxi,
        }
    }

    /// `true` if `date` is a working day in `region` (provisional in unpublished years).
    #[inline]
    pub fn is_working_day(&self, date: NaiveDate, region: Region) -> Result<bool, CalendarError> {
        index::position(date)
            .and_then(|i| self.region(region).is_working(i))
            .ok_or(CalendarError::DateOutOfRange { date })
    }

    /// Whether `date` is a working day in `region`, why, and which notice says so.
    pub fn day_info(&self, date: NaiveDate, region: Region) -> Result<DayInfo, CalendarError> {
        let days = self.region(region);
        let found = index::position(date).and_then(|i| days.lookup(i));
        let Some(found) = found else {
            return Err(CalendarError::DateOutOfRange { date });
        };
        let (reason, name, notice) = match found.entry {
            Some(entry) => (
                entry.reason,
                Some(entry.name.to_string()).filter(|name| !name.is_empty()),
                entry.notice.and_then(|n| days.notice(n)),
            ),
            None if found.working => (DayReason::Workday, None, None),
            None => (DayReason::Weekend, None, None),
        };
        Ok(DayInfo {
            date,
            region,
            working: found.working,
            reason,
            name,
            notice: notice.map(|notice| notice.title.to_string()),
            notice_url: notice
                .map(|notice| notice.url.to_string())
                .filter(|url| !url.is_empty()),
            provisional: found.provisional,
        })
    }

    /// `true` if the status of `date` is estimated (no notice for its year).
    pub fn is_provisional(&self, date: NaiveDate, region: Region) -> Result<bool, CalendarError> {
        index::position(date)
            .and_then(|i| self.region(region).lookup(i))
            .map(|found| found.provisional)
            .ok_or(CalendarError::DateOutOfRange { date })
    }

    /// The `n`-th working day strictly after `date` (`date` itself when `n == 0`), in O(1).
    /// `n` may be at most [`MAX_WORKING_DAYS`].
    #[inline]
    pub fn add_working_days(
        &self,
        date: NaiveDate,
        n: u32,
        region: Region,
    ) -> Result<NaiveDate, CalendarError> {
        if n > MAX_WORKING_DAYS {
            return Err(CalendarError::DaysOutOfRange { days: n });
        }
        let i = index::position(date).ok_or(CalendarError::DateOutOfRange { date })?;
        if n == 0 {
            return Ok(date);
        }
        self.region(region)
            .nth_working_after(i, n)
            .ok_or(CalendarError::ResultOutOfRange {
                from: date,
                days: n,
            })
    }

    /// Working days in `(a, b]` when `a <= b`, minus the working days in `(b, a]` otherwise,
    /// so that `working_days_between(d, add_working_days(d, n)) == n`.
    #[inline]
    pub fn working_days_between(
        &self,
        a: NaiveDate,
        b: NaiveDate,
        region: Region,
    ) -> Result<i64, CalendarError> {
        let days = self.region(region);
        let count = |date: NaiveDate| {
            index::position(date)
                .and_then(|i| days.count(i))
                .ok_or(CalendarError::DateOutOfRange { date })
        };
        Ok(i64::from(count(b)?) - i64::from(count(a)?))
    }

    /// The reply deadline for a complaint received at `received_at` (RFC 3339 instant or a
    /// China date `YYYY-MM-DD`), `days` working days (1..=[`MAX_WORKING_DAYS`]; §八 says 7).
    /// Without `strict`, a deadline crossing an unpublished year is provisional and carries a
    /// warning; with `strict` it is an error. Warnings are in zh-CN
    /// (see [`Calendar::reply_deadline_in`]).
    pub fn reply_deadline(
        &self,
        received_at: &str,
        days: u32,
        region: Region,
        strict: bool,
    ) -> Result<Deadline, CalendarError> {
        self.reply_deadline_in(received_at, days, region, strict, Lang::Zh)
    }

    /// [`Calendar::reply_deadline`] with warnings in `lang`.
    pub fn reply_deadline_in(
        &self,
        received_at: &str,
        days: u32,
        region: Region,
        strict: bool,
        lang: Lang,
    ) -> Result<Deadline, CalendarError> {
        let received_on = china_date(received_at)?;
        self.reply_deadline_on(received_on, days, region, strict, lang)
    }

    /// The reply deadline for a complaint received on the China date `received_on`.
    pub fn reply_deadline_on(
        &self,
        received_on: NaiveDate,
        days: u32,
        region: Region,
        strict: bool,
        lang: Lang,
    ) -> Result<Deadline, CalendarError> {
        deadline::compute(self, received_on, days, region, strict, lang)
    }

    /// Where a case stands at `now` (RFC 3339; a bare date is a China date): on time, due
    /// today, or overdue by some working days.
    pub fn case_status(
        &self,
        received_at: &str,
        days: u32,
        now: &str,
        region: Region,
    ) -> Result<CaseStatus, CalendarError> {
        let received_on = china_date(received_at)?;
        let today = china_date(now)?;
        deadline::status(self, received_on, days, today, region)
    }
}

/// Bytes of calendar tables compiled into the binary (dates, names, notice titles and
/// addresses, festival dates), and heap bytes of the index built from them.
pub fn calendar_table_sizes() -> (usize, usize) {
    let calendar = Calendar::builtin();
    (
        builtin::embedded_bytes(),
        calendar.index.national.heap_bytes() + calendar.index.guangxi.heap_bytes(),
    )
}

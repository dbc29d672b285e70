//! What can go wrong when asking the calendar, as data: every error has a stable code and
//! renders to an [`Issue`] for the citizen or the back office.

use std::fmt;

use chrono::NaiveDate;

use crate::answer::{Issue, Lang, Severity};
use crate::codes::Rule;

/// The largest number of working days a deadline or a shift may span (about 40 years).
pub const MAX_WORKING_DAYS: u32 = 10_000;

pub(crate) static DATE_OUT_OF_RANGE: Rule = Rule {
    code: "calendar.dateOutOfRange",
    severity: Severity::Error,
    basis: "§八",
    zh: "日期 {date} 超出了可以计算的范围（1949-01-01 至 2100-12-31）。",
    en: "The date {date} is outside the range the calendar covers (1949-01-01 to 2100-12-31).",
};

pub(crate) static RESULT_OUT_OF_RANGE: Rule = Rule {
    code: "calendar.resultOutOfRange",
    severity: Severity::Error,
    basis: "§八",
    zh: "从 {date} 起算 {days} 个工作日会超过 2100-12-31，超出了可以计算的范围。",
    en: "Counting {days} working days from {date} goes past 2100-12-31, beyond the range the calendar covers.",
};

pub(crate) static DAYS_OUT_OF_RANGE: Rule = Rule {
    code: "calendar.daysOutOfRange",
    severity: Severity::Error,
    basis: "§八",
    zh: "工作日天数应在 1 到 {max} 之间，现在是 {days}。",
    en: "The number of working days must be between 1 and {max}; it is {days}.",
};

pub(crate) static INSTANT_MALFORMED: Rule = Rule {
    code: "calendar.instantMalformed",
    severity: Severity::Error,
    basis: "RFC 3339",
    zh: "时间“{value}”无法识别，请写成 2026-02-15 或 2026-02-15T10:00:00+08:00 这样的格式。",
    en: "The time `{value}` cannot be read; write it like 2026-02-15 or 2026-02-15T10:00:00+08:00.",
};

pub(crate) static YEAR_UNPUBLISHED: Rule = Rule {
    code: "calendar.yearUnpublished",
    severity: Severity::Error,
    basis: "全国年节及纪念日放假办法",
    zh: "{year} 年的放假安排尚未公布，暂时无法给出确定的期限。",
    en: "The holiday arrangement for {year} has not been published yet, so no final deadline can be given.",
};

pub(crate) static PROVISIONAL: Rule = Rule {
    code: "calendar.provisional",
    severity: Severity::Warning,
    basis: "全国年节及纪念日放假办法",
    zh: "{year} 年的放假安排尚未公布，本期限按《全国年节及纪念日放假办法》推算，公布后可能变化。",
    en: "The holiday arrangement for {year} has not been published; this deadline is estimated from the national holiday regulations and may change.",
};

/// Why the calendar could not answer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CalendarError {
    /// The date lies before 1949-01-01 or after 2100-12-31.
    DateOutOfRange {
        /// The date asked about.
        date: NaiveDate,
    },
    /// Counting `days` working days from `from` runs past 2100-12-31.
    ResultOutOfRange {
        /// The start date.
        from: NaiveDate,
        /// The number of working days asked for.
        days: u32,
    },
    /// The number of working days is 0 (for a deadline) or above [`MAX_WORKING_DAYS`].
    DaysOutOfRange {
        /// The number asked for.
        days: u32,
    },
    /// The instant is neither RFC 3339 (`2026-02-15T10:00:00+08:00`) nor a bare
    /// `YYYY-MM-DD` date.
    MalformedInstant {
        /// The text as given.
        value: String,
    },
    /// Strict mode: the answer depends on a year whose holiday notice is not published.
    Unpublished {
        /// The first such year.
        year: i32,
    },
}

impl CalendarError {
    fn rule(&self) -> &'static Rule {
        match self {
            CalendarError::DateOutOfRange { .. } => &DATE_OUT_OF_RANGE,
            CalendarError::ResultOutOfRange { .. } => &RESULT_OUT_OF_RANGE,
            CalendarError::DaysOutOfRange { .. } => &DAYS_OUT_OF_RANGE,
            CalendarError::MalformedInstant { .. } => &INSTANT_MALFORMED,
            CalendarError::Unpublished { .. } => &YEAR_UNPUBLISHED,
        }
    }

    /// The stable issue code, such as `calendar.dateOutOfRange`.
    pub fn code(&self) -> &'static str {
        self.rule().code
    }

    /// Renders the error as an [`Issue`] at `path` (a JSON Pointer into the caller's
    /// document, such as `/receivedAt`).
    pub fn to_issue(&self, path: &str, lang: Lang) -> Issue {
        let rule = self.rule();
        match self {
            CalendarError::DateOutOfRange { date } => {
                Issue::new(rule, path, lang, &[("date", &date.to_string())])
            }
            CalendarError::ResultOutOfRange { from, days } => Issue::new(
                rule,
                path,
                lang,
                &[("date", &from.to_string()), ("days", &days.to_string())],
            ),
            CalendarError::DaysOutOfRange { days } => Issue::new(
                rule,
                path,
                lang,
                &[
                    ("days", &days.to_string()),
                    ("max", &MAX_WORKING_DAYS.to_string()),
                ],
            ),
            CalendarError::MalformedInstant { value } => {
                Issue::new(rule, path, lang, &[("value", value)])
            }
            CalendarError::Unpublished { year } => {
                Issue::new(rule, path, lang, &[("year", &year.to_string())])
            }
        }
    }
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let issue = self.to_issue("", Lang::En);
        write!(f, "{}: {}", issue.code, issue.message)
    }
}

impl std::error::Error for CalendarError {}

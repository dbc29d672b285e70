//! What the calendar says about one date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Region;

/// Why a date is, or is not, a working day.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DayReason {
    /// An ordinary working day (Monday to Friday; also Saturday before the five-day week
    /// of 1995-05-01).
    Workday,
    /// An ordinary weekly rest day.
    Weekend,
    /// A national holiday day off (named, with its notice), including a statutory make-up
    /// day off (补假) in provisional years.
    Holiday,
    /// A Saturday or Sunday the national notice declares a working day (调休上班).
    MakeUpWorkday,
    /// A day off of Guangxi's 壮族三月三 (including a national make-up day the Guangxi
    /// notice cancelled).
    GuangxiHoliday,
    /// A Saturday or Sunday only Guangxi works, to make up for 三月三.
    GuangxiWorkday,
}

impl DayReason {
    /// The camelCase name used in JSON and by the CLI, such as `makeUpWorkday`.
    pub fn as_str(self) -> &'static str {
        match self {
            DayReason::Workday => "workday",
            DayReason::Weekend => "weekend",
            DayReason::Holiday => "holiday",
            DayReason::MakeUpWorkday => "makeUpWorkday",
            DayReason::GuangxiHoliday => "guangxiHoliday",
            DayReason::GuangxiWorkday => "guangxiWorkday",
        }
    }
}

/// The status of one date in one region, with the reason and the notice behind it.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DayInfo {
    /// The date (China time).
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub date: NaiveDate,
    /// The region asked about.
    pub region: Region,
    /// `true` on a working day.
    pub working: bool,
    /// Why.
    pub reason: DayReason,
    /// Holiday name as the notice writes it, such as 春节 or 壮族三月三.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Title of the notice that set this day; `None` for ordinary days and provisional ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    /// Where the notice was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_url: Option<String>,
    /// `true` when the year's notice is not published and the status is estimated from the
    /// statutory rules (or when next year's notice may still move a late-December day).
    pub provisional: bool,
}

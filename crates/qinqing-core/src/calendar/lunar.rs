//! Lunar festival and solar-term dates for the years without a notice.
//!
//! The dates come from `data/calendar/lunar_dates.txt` (1949–2100, China time), generated
//! with the 寿星天文历 (sxtwl) and cross-checked with lunardate; a test checks them against
//! every published notice 2004–2026. A table of five dates a year is smaller and safer in
//! WebAssembly than a lunisolar-calendar crate.

use chrono::NaiveDate;

/// The festival dates of one Gregorian year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FestivalDates {
    /// 春节, 农历正月初一 (除夕 is the day before).
    pub(crate) chunjie: NaiveDate,
    /// 清明, the solar-term day.
    pub(crate) qingming: NaiveDate,
    /// 壮族三月三, 农历三月初三.
    pub(crate) sanyuesan: NaiveDate,
    /// 端午, 农历五月初五.
    pub(crate) duanwu: NaiveDate,
    /// 中秋, 农历八月十五.
    pub(crate) zhongqiu: NaiveDate,
}

/// Festival dates of `year`, or `None` outside 1949–2100.
pub(crate) fn festival_dates(year: i32) -> Option<FestivalDates> {
    super::builtin::festival_dates(year)
}

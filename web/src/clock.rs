//! The browser's clock, read here (never in the core) and turned into China time (UTC+8,
//! no daylight saving since 1991), whatever time zone the browser is set to.

use chrono::NaiveDate;
use qinqing_core::{Calendar, Deadline, Lang, Region};

const DAY_MS: f64 = 86_400_000.0;
const CHINA_OFFSET_MS: f64 = 8.0 * 3_600_000.0;
/// Days from 0001-01-01 (chrono's day 1) to 1970-01-01.
const UNIX_EPOCH_DAYS_FROM_CE: i64 = 719_163;

/// The China date at `ms` milliseconds after the Unix epoch.
pub(crate) fn china_date_at(ms: f64) -> Option<NaiveDate> {
    if !ms.is_finite() {
        return None;
    }
    let days = ((ms + CHINA_OFFSET_MS) / DAY_MS).floor();
    if days.abs() > 3_000_000.0 {
        return None;
    }
    // `days` is a whole number well inside i64 (checked above).
    #[allow(clippy::cast_possible_truncation)]
    let days = days as i64 + UNIX_EPOCH_DAYS_FROM_CE;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).ok()?)
}

/// Milliseconds since the Unix epoch, from the browser.
#[cfg(target_arch = "wasm32")]
pub(crate) fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Native builds (unit tests) have no browser clock.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn now_ms() -> f64 {
    f64::NAN
}

/// Today in China.
pub(crate) fn china_today() -> Option<NaiveDate> {
    china_date_at(now_ms())
}

/// The §八 reply deadline (7 working days, Guangxi calendar) for a complaint received on
/// `received_on`.
pub(crate) fn reply_deadline(received_on: NaiveDate, lang: Lang) -> Option<Deadline> {
    Calendar::builtin()
        .reply_deadline_on(received_on, 7, Region::Guangxi, false, lang)
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china_date_follows_utc_plus_8() {
        // 2026-11-26T15:59:59Z is 23:59:59 in China; one second later it is the 27th.
        let ms = 1_795_708_799_000.0;
        assert_eq!(china_date_at(ms), NaiveDate::from_ymd_opt(2026, 11, 26));
        assert_eq!(
            china_date_at(ms + 1000.0),
            NaiveDate::from_ymd_opt(2026, 11, 27)
        );
        assert_eq!(china_date_at(0.0), NaiveDate::from_ymd_opt(1970, 1, 1));
        assert_eq!(china_date_at(f64::NAN), None);
    }
}

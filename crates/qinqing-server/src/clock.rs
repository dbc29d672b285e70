//! The server's clock: China time (UTC+8), or a fixed instant for tests and demos.

use std::sync::RwLock;

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, SecondsFormat, Utc};

/// China is on UTC+8 all year round (no daylight saving), so a fixed offset is exact.
pub(crate) fn china() -> FixedOffset {
    // 8 hours is always a valid offset; the fallback only exists to avoid a panic path.
    FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| Utc.fix())
}

/// Reads "now" for receipts, events and deadline status.
#[derive(Debug, Default)]
pub struct Clock {
    fixed: RwLock<Option<DateTime<FixedOffset>>>,
}

impl Clock {
    /// A clock that follows the system time.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock stopped at `now` (see `--now`).
    pub fn fixed(now: DateTime<FixedOffset>) -> Clock {
        Clock {
            fixed: RwLock::new(Some(now)),
        }
    }

    /// Stops the clock at `now`, or lets it follow the system time again with `None`.
    pub fn set(&self, now: Option<DateTime<FixedOffset>>) {
        if let Ok(mut fixed) = self.fixed.write() {
            *fixed = now;
        }
    }

    /// Now, in China time.
    pub fn now(&self) -> DateTime<FixedOffset> {
        let fixed = self.fixed.read().ok().and_then(|fixed| *fixed);
        fixed
            .unwrap_or_else(|| Utc::now().with_timezone(&china()))
            .with_timezone(&china())
    }

    /// Now as RFC 3339 text with the +08:00 offset, e.g. `2026-12-01T09:30:00+08:00`.
    pub fn now_text(&self) -> String {
        self.now().to_rfc3339_opts(SecondsFormat::Secs, false)
    }

    /// Today's date in China.
    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

/// Parses an RFC 3339 time such as `2026-12-10T10:00:00+08:00` (for `--now`).
pub fn parse_instant(text: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(text.trim()).map_err(|err| {
        format!("`{text}` is not an RFC 3339 time such as 2026-12-10T10:00:00+08:00: {err}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_reports_china_time() {
        let clock = Clock::fixed(parse_instant("2026-12-10T20:00:00Z").unwrap());
        assert_eq!(clock.now_text(), "2026-12-11T04:00:00+08:00");
        assert_eq!(clock.today().to_string(), "2026-12-11");
        clock.set(None);
        assert!(clock.now_text().ends_with("+08:00"));
    }
}

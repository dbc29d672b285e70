//! Small exact readers for the two date shapes the core accepts, written out so the
//! WebAssembly package does not carry chrono's general strftime parser (~30 KB).
//!
//! Each reader accepts exactly what the chrono call it replaces accepted (chrono 0.4.45,
//! `NaiveDate::parse_from_str(s, "%Y-%m-%d")`, `NaiveDate::from_str` and
//! `DateTime::parse_from_rfc3339`), so no answer changes; the tests compare them with chrono
//! on generated input. Writing a date is `NaiveDate`'s own `Display` (`YYYY-MM-DD`), which
//! prints exactly what `format("%Y-%m-%d")` printed.

use chrono::{Days, NaiveDate};

/// `%Y-%m-%d` as chrono reads it: leading whitespace before each number, a year of 1–4
/// digits or a sign and any number of digits, months and days of 1–2 digits.
/// `spaces_before_dashes` also allows whitespace before each `-` and at the end (chrono's
/// `FromStr`, used by serde for `Options::today`).
pub(crate) fn parse_ymd(text: &str, spaces_before_dashes: bool) -> Option<NaiveDate> {
    let rest = text;
    let (year, rest) = signed_year(rest.trim_start())?;
    let rest = dash(rest, spaces_before_dashes)?;
    let (month, rest) = number(rest.trim_start(), 2)?;
    let rest = dash(rest, spaces_before_dashes)?;
    let (day, rest) = number(rest.trim_start(), 2)?;
    let rest = if spaces_before_dashes {
        rest.trim_start()
    } else {
        rest
    };
    if !rest.is_empty() {
        return None;
    }
    let year = i32::try_from(year).ok()?;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

fn dash(text: &str, spaces_before: bool) -> Option<&str> {
    let text = if spaces_before {
        text.trim_start()
    } else {
        text
    };
    text.strip_prefix('-')
}

/// A year: `-digits`, `+digits` (any count) or 1–4 unsigned digits.
fn signed_year(text: &str) -> Option<(i64, &str)> {
    if let Some(rest) = text.strip_prefix('-') {
        let (value, rest) = number(rest, usize::MAX)?;
        return Some((value.checked_neg()?, rest));
    }
    if let Some(rest) = text.strip_prefix('+') {
        return number(rest, usize::MAX);
    }
    number(text, 4)
}

/// 1 to `max` ASCII digits (as many as there are, up to `max`).
fn number(text: &str, max: usize) -> Option<(i64, &str)> {
    let count = text
        .bytes()
        .take(max)
        .take_while(u8::is_ascii_digit)
        .count();
    if count == 0 {
        return None;
    }
    let (digits, rest) = text.split_at_checked(count)?;
    let value = digits.bytes().try_fold(0i64, |acc, byte| {
        acc.checked_mul(10)?.checked_add(i64::from(byte - b'0'))
    })?;
    Some((value, rest))
}

/// The China (UTC+8) date of an RFC 3339 instant such as `2026-11-26T09:30:00+08:00`, or
/// `None` when the text is not one. Accepts what chrono's `parse_from_rfc3339` accepts:
/// `T`, `t` or a space between date and time, a fraction of any length, a leap second
/// `:60`, `Z`/`z` or an offset up to ±23:59.
pub(crate) fn rfc3339_china_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let &[y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2, sep, h1, h2, b':', n1, n2, b':', s1, s2, ..] =
        bytes
    else {
        return None;
    };
    if !matches!(sep, b'T' | b't' | b' ') {
        return None;
    }
    let year = two(y1, y2)? * 100 + two(y3, y4)?;
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, two(m1, m2)?, two(d1, d2)?)?;
    let (hour, minute, second) = (two(h1, h2)?, two(n1, n2)?, two(s1, s2)?);
    // chrono takes :60 as a leap second (59 plus one second of nanoseconds).
    if hour >= 24 || minute >= 60 || second > 60 {
        return None;
    }
    let mut rest = text.get(19..)?;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = fraction.get(digits..)?;
    }
    let offset_minutes = offset_minutes(rest)?;
    // Minutes since the start of `date` in China Standard Time (UTC+8 all year, no daylight
    // saving since 1991); seconds never move the minute.
    let china = i64::from(hour * 60 + minute) - offset_minutes + 8 * 60;
    let shift = china.div_euclid(24 * 60);
    match shift {
        0 => Some(date),
        1.. => date.checked_add_days(Days::new(u64::try_from(shift).ok()?)),
        _ => date.checked_sub_days(Days::new(shift.unsigned_abs())),
    }
}

/// `Z`, `z`, or `±hh:mm` (hh ≤ 23, mm ≤ 59; U+2212 MINUS SIGN also accepted), and nothing
/// after it.
fn offset_minutes(text: &str) -> Option<i64> {
    if text == "Z" || text == "z" {
        return Some(0);
    }
    let (negative, rest) = if let Some(rest) = text.strip_prefix('+') {
        (false, rest)
    } else if let Some(rest) = text.strip_prefix('-') {
        (true, rest)
    } else {
        (true, text.strip_prefix('\u{2212}')?)
    };
    let &[h1, h2, b':', m1, m2] = rest.as_bytes() else {
        return None;
    };
    let (hours, minutes) = (two(h1, h2)?, two(m1, m2)?);
    if hours > 23 || minutes > 59 {
        return None;
    }
    let total = i64::from(hours * 60 + minutes);
    Some(if negative { -total } else { total })
}

/// The value of two ASCII digits.
pub(crate) fn two(high: u8, low: u8) -> Option<u32> {
    (high.is_ascii_digit() && low.is_ascii_digit())
        .then(|| u32::from(high - b'0') * 10 + u32::from(low - b'0'))
}

/// serde `deserialize_with` for `Option<NaiveDate>` fields: `null` or a string read like
/// chrono's `FromStr` (what `#[derive(Deserialize)]` on `Option<NaiveDate>` did).
pub(crate) fn deserialize_optional_date<'de, D>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::Deserialize;
    let Some(text) = Option::<std::borrow::Cow<'de, str>>::deserialize(deserializer)? else {
        return Ok(None);
    };
    parse_ymd(&text, true)
        .map(Some)
        .ok_or_else(|| serde::de::Error::custom("input contains invalid characters"))
}

/// Reads a date the way `Options::today` is read: `YYYY-MM-DD`, with the leniency of
/// chrono's `NaiveDate::from_str` (see [`parse_ymd`]).
pub(crate) fn parse_date_lenient(text: &str) -> Option<NaiveDate> {
    parse_ymd(text, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, FixedOffset};
    use proptest::prelude::*;

    fn chrono_china_date(text: &str) -> Option<NaiveDate> {
        let instant = DateTime::parse_from_rfc3339(text).ok()?;
        let china = FixedOffset::east_opt(8 * 3600)?;
        Some(instant.with_timezone(&china).date_naive())
    }

    #[test]
    fn known_instants() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(
            rfc3339_china_date("2026-11-26T09:30:00+08:00"),
            d(2026, 11, 26)
        );
        assert_eq!(rfc3339_china_date("2026-11-26T16:00:00Z"), d(2026, 11, 27));
        assert_eq!(
            rfc3339_china_date("2026-01-01T00:30:00-23:59"),
            d(2026, 1, 2)
        );
        assert_eq!(
            rfc3339_china_date("2026-03-01T01:00:00+23:00"),
            d(2026, 2, 28)
        );
        assert_eq!(
            rfc3339_china_date("2026-12-31t23:59:60.123456789123z"),
            d(2027, 1, 1)
        );
        assert_eq!(rfc3339_china_date("2026-11-26T09:30:00+24:00"), None);
        assert_eq!(rfc3339_china_date("2026-11-26T09:30:00."), None);
        assert_eq!(rfc3339_china_date("2026-02-29T09:30:00Z"), None);
        assert_eq!(parse_ymd("+2026-1-01", false), d(2026, 1, 1));
        assert_eq!(parse_ymd("2026 -01-01", false), None);
        assert_eq!(parse_ymd(" 2026 - 1 - 1 ", true), d(2026, 1, 1));
    }

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "0", "1", "2", "5", "6", "9", "00", "12", "23", "24", "29", "31", "59", "60", "61",
            "2026", "1999", "0000", "-", "+", ":", ".", "T", "t", " ", "Z", "z", "\u{2212}",
            "\u{3000}", "x", "中",
        ])
    }

    fn near_instant() -> impl Strategy<Value = String> {
        (
            prop::collection::vec(piece(), 0..4),
            "[0-9]{4}-[01][0-9]-[0-3][0-9][Tt ][0-2][0-9]:[0-6][0-9]:[0-6][0-9]",
            prop::collection::vec(piece(), 0..8),
        )
            .prop_map(|(before, core, after)| {
                let mut text = before.concat();
                text.push_str(&core);
                text.push_str(&after.concat());
                text
            })
    }

    proptest! {
        #[test]
        fn rfc3339_agrees_with_chrono(text in near_instant()) {
            prop_assert_eq!(rfc3339_china_date(&text), chrono_china_date(&text));
        }

        #[test]
        fn dates_agree_with_chrono(pieces in prop::collection::vec(piece(), 0..9)) {
            let text = pieces.concat();
            prop_assert_eq!(
                parse_ymd(&text, false),
                NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok()
            );
            prop_assert_eq!(parse_date_lenient(&text), text.parse::<NaiveDate>().ok());
        }

        #[test]
        fn near_dates_agree_with_chrono(
            text in "[ +-]?[0-9]{1,6}[ -]{1,2}[0-9 ]{1,3}[ -]{1,2}[0-9 ]{1,3}[ ]?"
        ) {
            prop_assert_eq!(
                parse_ymd(&text, false),
                NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok()
            );
            prop_assert_eq!(parse_date_lenient(&text), text.parse::<NaiveDate>().ok());
        }

        #[test]
        fn dates_print_like_strftime(days in -1_000_000i64..3_000_000) {
            let date = NaiveDate::from_ymd_opt(1, 1, 1)
                .and_then(|d| d.checked_add_signed(chrono::TimeDelta::days(days)))
                .unwrap();
            prop_assert_eq!(date.to_string(), date.format("%Y-%m-%d").to_string());
        }
    }
}

//! The compiled-in data: `build.rs` turns `data/calendar/*` into the tables included here.

use std::borrow::Cow;

use chrono::{Days, NaiveDate};

use super::lunar::FestivalDates;
use super::sources::{NationalYear, Notice, RegionalYear, Sources};

/// A listed date of a national notice in two bytes: the high 9 bits are the day's offset
/// from 1 December of the year before the notice year (see [`notice_day`]), the low 7 bits
/// an index into [`NAMES`]. Two bytes instead of eight per date: the WebAssembly package
/// carries every one of them.
type RawDay = u16;

/// A national notice; its title is the State Council's fixed wording with the year (see
/// [`national_title`]), so only the address is stored.
struct RawNotice {
    year: i32,
    url: &'static str,
    off: &'static [RawDay],
    work: &'static [RawDay],
}

/// A Guangxi notice; its title is written from the year (see [`guangxi_title`]).
struct RawRegionalNotice {
    year: i32,
    url: &'static str,
    /// Days as offsets from 1 December of the year before (see [`notice_day`]).
    off: &'static [u16],
    work: &'static [u16],
}

/// Festival dates of one Gregorian year as `mmdd`; the years follow each other from
/// `LUNAR_FIRST_YEAR`.
/// Each festival is stored as days after the 1st of its base month: January for 春节,
/// March for 清明 and 三月三, May for 端午, September for 中秋 (five bytes a year).
struct RawLunarYear {
    chunjie: u8,
    qingming: u8,
    sanyuesan: u8,
    duanwu: u8,
    zhongqiu: u8,
}

include!(concat!(env!("OUT_DIR"), "/calendar_data.rs"));

/// The date `offset` days after 1 December of the year before notice year `year`.
fn notice_day(year: i32, offset: u16) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year - 1, 12, 1)?.checked_add_days(Days::new(u64::from(offset)))
}

fn name(index: u16) -> Cow<'static, str> {
    Cow::Borrowed(NAMES.get(usize::from(index)).copied().unwrap_or(""))
}

/// Title of the State Council's holiday notice for `year`.
fn national_title(year: i32) -> String {
    format!("国务院办公厅关于{year}年部分节假日安排的通知")
}

/// Title of Guangxi's 三月三 notice for `year`.
fn guangxi_title(year: i32) -> String {
    format!("广西壮族自治区人民政府办公厅关于{year}年“壮族三月三”放假的通知")
}

/// The compiled-in notices. The build script has already validated every date.
pub(crate) fn sources() -> Sources {
    let mut sources = Sources::default();
    for raw in NATIONAL {
        let days = |list: &'static [RawDay]| -> Vec<(NaiveDate, Cow<'static, str>)> {
            list.iter()
                .filter_map(|&day| Some((notice_day(raw.year, day >> 7)?, name(day & 0x7f))))
                .collect()
        };
        let year = NationalYear {
            notice: Notice {
                title: Cow::Owned(national_title(raw.year)),
                url: Cow::Borrowed(raw.url),
            },
            off: days(raw.off),
            work: days(raw.work),
        };
        sources.national.insert(raw.year, year);
    }
    for raw in GUANGXI {
        let days = |list: &'static [u16]| -> Vec<NaiveDate> {
            list.iter()
                .filter_map(|&d| notice_day(raw.year, d))
                .collect()
        };
        let year = RegionalYear {
            notice: Notice {
                title: Cow::Owned(guangxi_title(raw.year)),
                url: Cow::Borrowed(raw.url),
            },
            off: days(raw.off),
            work: days(raw.work),
        };
        sources.guangxi.insert(raw.year, year);
    }
    sources
}

/// Festival dates of `year` from the compiled-in table, if covered.
pub(crate) fn festival_dates(year: i32) -> Option<FestivalDates> {
    let raw = LUNAR.get(usize::try_from(year - LUNAR_FIRST_YEAR).ok()?)?;
    let date = |base_month: u32, offset: u8| {
        NaiveDate::from_ymd_opt(year, base_month, 1)?.checked_add_days(Days::new(u64::from(offset)))
    };
    Some(FestivalDates {
        chunjie: date(1, raw.chunjie)?,
        qingming: date(3, raw.qingming)?,
        sanyuesan: date(3, raw.sanyuesan)?,
        duanwu: date(5, raw.duanwu)?,
        zhongqiu: date(9, raw.zhongqiu)?,
    })
}

/// Bytes the compiled-in tables take in the binary (structs plus string bytes), for the
/// size report in BENCHMARKS.md.
pub(crate) fn embedded_bytes() -> usize {
    use std::mem::size_of;
    let mut total = 0;
    for raw in NATIONAL {
        total += size_of::<RawNotice>() + raw.url.len();
        total += (raw.off.len() + raw.work.len()) * size_of::<RawDay>();
    }
    for raw in GUANGXI {
        total += size_of::<RawRegionalNotice>() + raw.url.len();
        total += (raw.off.len() + raw.work.len()) * size_of::<u16>();
    }
    total += std::mem::size_of_val(LUNAR);
    total += NAMES
        .iter()
        .map(|name| size_of::<&str>() + name.len())
        .sum::<usize>();
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mmdd(dates: &FestivalDates) -> [String; 5] {
        [
            dates.chunjie,
            dates.qingming,
            dates.sanyuesan,
            dates.duanwu,
            dates.zhongqiu,
        ]
        .map(|date| date.format("%m%d").to_string())
    }

    #[test]
    fn packed_festival_dates_match_the_text_table() {
        // First, a recent and the last line of data/calendar/lunar_dates.txt.
        for (year, expected) in [
            (1949, ["0129", "0405", "0331", "0601", "1006"]),
            (2026, ["0217", "0405", "0419", "0619", "0925"]),
            (2100, ["0209", "0405", "0412", "0612", "0918"]),
        ] {
            let dates = festival_dates(year).expect("covered year");
            assert_eq!(mmdd(&dates), expected, "{year}");
        }
        assert!(festival_dates(1948).is_none());
        assert!(festival_dates(2101).is_none());
    }

    #[test]
    fn packed_notice_days_decode_to_their_dates() {
        // Offsets count from 1 December of the year before the notice year.
        assert_eq!(notice_day(2004, 31), NaiveDate::from_ymd_opt(2004, 1, 1));
        assert_eq!(notice_day(2004, 0), NaiveDate::from_ymd_opt(2003, 12, 1));
        assert_eq!(notice_day(2025, 395), NaiveDate::from_ymd_opt(2025, 12, 31));
        let first = NATIONAL.first().expect("national notices");
        assert_eq!(first.year, 2004);
        let off: Vec<_> = first
            .off
            .iter()
            .filter_map(|&day| notice_day(first.year, day >> 7))
            .collect();
        assert_eq!(off.first(), NaiveDate::from_ymd_opt(2004, 1, 1).as_ref());
        assert_eq!(name(first.off.first().map_or(0, |&day| day & 0x7f)), "元旦");
    }
}

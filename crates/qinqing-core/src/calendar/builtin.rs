//! The compiled-in data: `build.rs` turns `data/calendar/*` into the tables included here.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::lunar::FestivalDates;
use super::sources::{NationalYear, Notice, RegionalYear, Sources};

/// A listed date as `yyyymmdd` with an index into [`NAMES`].
struct RawDay {
    ymd: u32,
    name: u16,
}

struct RawNotice {
    year: i32,
    title: &'static str,
    url: &'static str,
    off: &'static [RawDay],
    work: &'static [RawDay],
}

struct RawRegionalNotice {
    year: i32,
    title: &'static str,
    url: &'static str,
    off: &'static [u32],
    work: &'static [u32],
}

/// Festival dates of one Gregorian year as `mmdd`.
struct RawLunarYear {
    year: i32,
    chunjie: u16,
    qingming: u16,
    sanyuesan: u16,
    duanwu: u16,
    zhongqiu: u16,
}

include!(concat!(env!("OUT_DIR"), "/calendar_data.rs"));

fn ymd(value: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt((value / 10_000) as i32, value / 100 % 100, value % 100)
}

fn name(index: u16) -> Cow<'static, str> {
    Cow::Borrowed(NAMES.get(usize::from(index)).copied().unwrap_or(""))
}

/// The compiled-in notices. The build script has already validated every date.
pub(crate) fn sources() -> Sources {
    let mut sources = Sources::default();
    for raw in NATIONAL {
        let days = |list: &'static [RawDay]| -> Vec<(NaiveDate, Cow<'static, str>)> {
            list.iter()
                .filter_map(|day| Some((ymd(day.ymd)?, name(day.name))))
                .collect()
        };
        let year = NationalYear {
            notice: Notice {
                title: Cow::Borrowed(raw.title),
                url: Cow::Borrowed(raw.url),
            },
            off: days(raw.off),
            work: days(raw.work),
        };
        sources.national.insert(raw.year, year);
    }
    for raw in GUANGXI {
        let days = |list: &'static [u32]| -> Vec<NaiveDate> {
            list.iter().filter_map(|&d| ymd(d)).collect()
        };
        let year = RegionalYear {
            notice: Notice {
                title: Cow::Borrowed(raw.title),
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
    let first = LUNAR.first()?.year;
    let raw = LUNAR.get(usize::try_from(year - first).ok()?)?;
    let date =
        |mmdd: u16| NaiveDate::from_ymd_opt(year, u32::from(mmdd / 100), u32::from(mmdd % 100));
    if raw.year != year {
        return None;
    }
    Some(FestivalDates {
        chunjie: date(raw.chunjie)?,
        qingming: date(raw.qingming)?,
        sanyuesan: date(raw.sanyuesan)?,
        duanwu: date(raw.duanwu)?,
        zhongqiu: date(raw.zhongqiu)?,
    })
}

/// Bytes the compiled-in tables take in the binary (structs plus string bytes), for the
/// size report in BENCHMARKS.md.
pub(crate) fn embedded_bytes() -> usize {
    use std::mem::size_of;
    let mut total = 0;
    for raw in NATIONAL {
        total += size_of::<RawNotice>() + raw.title.len() + raw.url.len();
        total += (raw.off.len() + raw.work.len()) * size_of::<RawDay>();
    }
    for raw in GUANGXI {
        total += size_of::<RawRegionalNotice>() + raw.title.len() + raw.url.len();
        total += (raw.off.len() + raw.work.len()) * size_of::<u32>();
    }
    total += std::mem::size_of_val(LUNAR);
    total += NAMES
        .iter()
        .map(|name| size_of::<&str>() + name.len())
        .sum::<usize>();
    total
}

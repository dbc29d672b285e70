//! Provisional years: what the statutory rules alone give when no notice is published.
//!
//! 《全国年节及纪念日放假办法》第二条 lists the days off for all citizens; 第六条 says such a
//! day that falls on a weekly rest day is made up (补假) on a working day. A notice usually
//! adds 调休 (swapping weekend days to join the break); that cannot be foreseen, so a
//! provisional year has only the statutory days plus their make-up days, and every answer
//! built on it says `provisional: true`.
//!
//! The allocation follows the version of the 办法 in force that year:
//!
//! | years | 元旦 | 春节 | 清明 | 劳动节 | 端午 | 中秋 | 国庆 |
//! |---|---|---|---|---|---|---|---|
//! | ≤1999 (1949 text) | 1 | 初一–初三 | – | 1 | – | – | 2 (3 in 1999, amended 1999-09-18) |
//! | 2000–2007 (1999) | 1 | 初一–初三 | – | 3 | – | – | 3 |
//! | 2008–2013 (2007) | 1 | 除夕–初二 | 1 | 1 | 1 | 1 | 3 |
//! | 2014–2024 (2013) | 1 | 初一–初三 | 1 | 1 | 1 | 1 | 3 |
//! | 2025– (2024) | 1 | 除夕–初三 | 1 | 2 | 1 | 1 | 3 |
//!
//! Before 1995-05-01 only Sunday is a weekly rest day (six-day week); the alternating
//! weeks of 1994-03-01..1995-04-30 are not modelled.
//!
//! Guangxi: 广西壮族自治区少数民族习惯节日放假办法 gives 2 days for 壮族三月三; a provisional
//! year takes 初三 and 初四, each one falling on a day already off made up on the next
//! working day.

use std::borrow::Cow;

use chrono::{Days, NaiveDate};

use super::day::DayReason;
use super::index::{Planner, SANYUESAN};
use super::lunar::FestivalDates;

/// One statutory holiday: its name, the make-up day's name, first day and length.
struct Statutory {
    name: &'static str,
    make_up: &'static str,
    first: Option<NaiveDate>,
    days: u64,
}

fn fixed(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn statutory(year: i32, f: &FestivalDates) -> Vec<Statutory> {
    let chuxi = f.chunjie.pred_opt();
    let rule = |name, make_up, first, days| Statutory {
        name,
        make_up,
        first,
        days,
    };
    let new_year = rule("元旦", "元旦补假", fixed(year, 1, 1), 1);
    let qingming = rule("清明节", "清明节补假", Some(f.qingming), 1);
    let duanwu = rule("端午节", "端午节补假", Some(f.duanwu), 1);
    let zhongqiu = rule("中秋节", "中秋节补假", Some(f.zhongqiu), 1);
    let spring = |first, days| rule("春节", "春节补假", first, days);
    let labour = |days| rule("劳动节", "劳动节补假", fixed(year, 5, 1), days);
    let national = |days| rule("国庆节", "国庆节补假", fixed(year, 10, 1), days);
    match year {
        ..=1998 => vec![new_year, spring(Some(f.chunjie), 3), labour(1), national(2)],
        1999 => vec![new_year, spring(Some(f.chunjie), 3), labour(1), national(3)],
        2000..=2007 => vec![new_year, spring(Some(f.chunjie), 3), labour(3), national(3)],
        2008..=2013 => vec![
            new_year,
            spring(chuxi, 3),
            qingming,
            labour(1),
            duanwu,
            zhongqiu,
            national(3),
        ],
        2014..=2024 => vec![
            new_year,
            spring(Some(f.chunjie), 3),
            qingming,
            labour(1),
            duanwu,
            zhongqiu,
            national(3),
        ],
        _ => vec![
            new_year,
            spring(chuxi, 4),
            qingming,
            labour(2),
            duanwu,
            zhongqiu,
            national(3),
        ],
    }
}

/// Marks `days` days from `first` off; returns the last day and how many of them were
/// already rest days (or another holiday) and so need a make-up day.
fn mark_off(
    planner: &mut Planner,
    first: NaiveDate,
    days: u64,
    reason: DayReason,
    name: &'static str,
) -> (NaiveDate, u32) {
    let mut lost = 0;
    let mut last = first;
    for offset in 0..days {
        let Some(date) = first.checked_add_days(Days::new(offset)) else {
            break;
        };
        if !planner.is_working(date) {
            lost += 1;
        }
        planner.set(date, false, reason, Cow::Borrowed(name), None);
        last = date;
    }
    (last, lost)
}

/// Gives `count` make-up days off on the first working days after `after`.
fn make_up(
    planner: &mut Planner,
    after: NaiveDate,
    count: u32,
    reason: DayReason,
    name: &'static str,
) {
    let mut left = count;
    let mut date = after;
    // A make-up day is always found within a few weeks; the bound keeps the loop finite.
    for _ in 0..60 {
        if left == 0 {
            break;
        }
        let Some(next) = date.succ_opt() else { break };
        date = next;
        if planner.is_working(date) {
            planner.set(date, false, reason, Cow::Borrowed(name), None);
            left -= 1;
        }
    }
}

/// Lays the statutory holidays of an unpublished `year` on the national plan.
pub(crate) fn national_year(year: i32, festivals: &FestivalDates, planner: &mut Planner) {
    let holidays = statutory(year, festivals);
    let mut pending = Vec::with_capacity(holidays.len());
    for holiday in &holidays {
        let Some(first) = holiday.first else { continue };
        let (last, lost) = mark_off(
            planner,
            first,
            holiday.days,
            DayReason::Holiday,
            holiday.name,
        );
        pending.push((last, lost, holiday.make_up));
    }
    for (last, lost, name) in pending {
        make_up(planner, last, lost, DayReason::Holiday, name);
    }
}

/// Lays a provisional 壮族三月三 (初三 and 初四) on the Guangxi plan.
pub(crate) fn guangxi_year(festivals: &FestivalDates, planner: &mut Planner) {
    let (last, lost) = mark_off(
        planner,
        festivals.sanyuesan,
        2,
        DayReason::GuangxiHoliday,
        SANYUESAN,
    );
    make_up(
        planner,
        last,
        lost,
        DayReason::GuangxiHoliday,
        "壮族三月三补休",
    );
}

//! Every date 2004–2026 of both regions against the data files, read here independently
//! of the build script: national = weekend rule, minus listed days off, plus listed
//! working days (all notice years merged); Guangxi = national, minus its days off, plus its
//! working days. Also checks the festival-date table against the published notices.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use qinqing_core::{Calendar, DayReason, Region};
use serde_json::Value;

fn read(name: &str) -> Value {
    let path = format!("{}/data/calendar/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn listed(year: &Value, key: &str) -> Vec<(NaiveDate, String)> {
    year[key]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| {
                    (
                        date(item["date"].as_str().unwrap()),
                        item["name"].as_str().unwrap_or("").to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// date → (working?, name) as the data files say, for one region.
fn expected(region: Region) -> BTreeMap<NaiveDate, (bool, String)> {
    let mut table = BTreeMap::new();
    let national = read("cn_holidays.json");
    for year in national["years"].as_object().unwrap().values() {
        for (day, name) in listed(year, "off_days") {
            table.insert(day, (false, name));
        }
        for (day, name) in listed(year, "adjusted_workdays") {
            table.insert(day, (true, name));
        }
    }
    if region == Region::Guangxi {
        let guangxi = read("guangxi_sanyuesan.json");
        for year in guangxi["years"].as_object().unwrap().values() {
            for (day, _) in listed(year, "off_days") {
                let name = table
                    .get(&day)
                    .filter(|(working, _)| !working)
                    .map(|(_, name)| name.clone());
                table.insert(
                    day,
                    (false, name.unwrap_or_else(|| "壮族三月三".to_owned())),
                );
            }
            for (day, _) in listed(year, "adjusted_workdays") {
                table.insert(day, (true, "壮族三月三".to_owned()));
            }
        }
    }
    table
}

fn all_dates() -> impl Iterator<Item = NaiveDate> {
    date("2004-01-01")
        .iter_days()
        .take_while(|day| *day <= date("2026-12-31"))
}

#[test]
fn every_date_2004_to_2026_matches_the_data_files() {
    let calendar = Calendar::builtin();
    for region in [Region::National, Region::Guangxi] {
        let table = expected(region);
        let mut checked = 0;
        for day in all_dates() {
            let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
            let (working, name) = table
                .get(&day)
                .cloned()
                .unwrap_or((!weekend, String::new()));
            let info = calendar.day_info(day, region).unwrap();
            assert_eq!(info.working, working, "{day} {region:?}");
            assert_eq!(
                calendar.is_working_day(day, region).unwrap(),
                working,
                "{day} {region:?}"
            );
            assert_eq!(info.name.unwrap_or_default(), name, "{day} {region:?}");
            if table.contains_key(&day) {
                assert!(info.notice.is_some(), "{day} {region:?} has no notice");
            } else {
                let reason = if working {
                    DayReason::Workday
                } else {
                    DayReason::Weekend
                };
                assert_eq!(info.reason, reason, "{day} {region:?}");
            }
            // December days before 25th and every other date are final.
            let tail = day.year() == 2026 && day.month() == 12 && day.day() >= 25;
            assert_eq!(info.provisional, tail, "{day} {region:?}");
            checked += 1;
        }
        assert_eq!(checked, 8401);
    }
}

#[test]
fn guangxi_differs_from_national_on_30_dates() {
    let calendar = Calendar::builtin();
    let differing = all_dates()
        .filter(|day| {
            calendar.is_working_day(*day, Region::National).unwrap()
                != calendar.is_working_day(*day, Region::Guangxi).unwrap()
        })
        .count();
    assert_eq!(differing, 30);
}

#[test]
fn festival_table_agrees_with_the_published_notices() {
    let text = std::fs::read_to_string(format!(
        "{}/data/calendar/lunar_dates.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let national = read("cn_holidays.json");
    let guangxi = read("guangxi_sanyuesan.json");
    let mut years = 0;
    for line in text.lines().filter(|line| !line.starts_with('#')) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let year: i32 = fields[0].parse().unwrap();
        let day = |mmdd: &str| {
            NaiveDate::from_ymd_opt(year, mmdd[..2].parse().unwrap(), mmdd[2..].parse().unwrap())
                .unwrap()
        };
        years += 1;
        let Some(notice) = national["years"].get(year.to_string()) else {
            continue;
        };
        let off = listed(notice, "off_days");
        let is_off = |wanted: NaiveDate, name: &str| {
            off.iter().any(|(d, n)| *d == wanted && n.contains(name))
        };
        // 春节 holidays always include 初一 (or are a rest day joined to it).
        assert!(is_off(day(fields[1]), "春节"), "{year} 春节 {}", fields[1]);
        if year >= 2008 {
            assert!(is_off(day(fields[2]), "清明"), "{year} 清明 {}", fields[2]);
            assert!(is_off(day(fields[4]), "端午"), "{year} 端午 {}", fields[4]);
            // 中秋 may be joined to 国庆 ("国庆节、中秋节") or fall on a plain weekend day.
            let zhongqiu = day(fields[5]);
            let weekend = matches!(zhongqiu.weekday(), Weekday::Sat | Weekday::Sun);
            assert!(
                is_off(zhongqiu, "中秋") || weekend,
                "{year} 中秋 {}",
                fields[5]
            );
        }
        if let Some(gx) = guangxi["years"].get(year.to_string()) {
            assert_eq!(
                gx["lunar_3_3"].as_str().unwrap(),
                day(fields[3]).to_string(),
                "{year} 三月三"
            );
        }
    }
    assert_eq!(years, 152);
}

//! Calendar speed: the O(1) index against a day-by-day loop in the same run.
//!
//! Run: `cargo bench -p qinqing-core --bench calendar -- --warm-up-time 1 --measurement-time 3`
//! (figures in BENCHMARKS.md, "Calendar and deadlines").
#![allow(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use qinqing_core::{Calendar, Region};

/// 1,024 dates spread over 2004–2026, cycled through so no answer can be cached.
fn dates() -> Vec<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2004, 1, 1).unwrap();
    (0..1024u64)
        .map(|i| start + Days::new(i * 8_000 / 1024))
        .collect()
}

/// The n-th working day after `date`, one day at a time (the usual library approach).
fn naive_add(calendar: &Calendar, date: NaiveDate, n: u32, region: Region) -> NaiveDate {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        day = day.succ_opt().unwrap();
        if calendar.is_working_day(day, region).unwrap() {
            left -= 1;
        }
    }
    day
}

fn bench(c: &mut Criterion) {
    let calendar = Calendar::builtin();
    let dates = dates();
    let mut group = c.benchmark_group("calendar");
    let mut i = 0usize;
    let mut next = move || {
        i = (i + 1) & 1023;
        dates[i]
    };
    group.bench_function("is_working_day", |b| {
        b.iter(|| calendar.is_working_day(black_box(next()), black_box(Region::Guangxi)))
    });
    group.bench_function("add_working_days(d,7)", |b| {
        b.iter(|| {
            calendar.add_working_days(black_box(next()), black_box(7), black_box(Region::Guangxi))
        })
    });
    group.bench_function("add_working_days(d,700)", |b| {
        b.iter(|| {
            calendar.add_working_days(
                black_box(next()),
                black_box(700),
                black_box(Region::Guangxi),
            )
        })
    });
    group.bench_function("working_days_between", |b| {
        b.iter(|| {
            let d = next();
            calendar.working_days_between(
                black_box(d),
                black_box(d + Days::new(30)),
                black_box(Region::Guangxi),
            )
        })
    });
    group.bench_function("naive_loop(d,7)", |b| {
        b.iter(|| naive_add(calendar, black_box(next()), black_box(7), Region::Guangxi))
    });
    group.bench_function("naive_loop(d,700)", |b| {
        b.iter(|| naive_add(calendar, black_box(next()), black_box(700), Region::Guangxi))
    });
    group.bench_function("reply_deadline(str,7)", |b| {
        b.iter(|| {
            calendar.reply_deadline(
                black_box("2026-02-15T10:00:00+08:00"),
                black_box(7),
                Region::Guangxi,
                false,
            )
        })
    });
    group.bench_function("builtin_index_build", |b| {
        b.iter(|| {
            Calendar::builtin().with_year_json(black_box(r#"{"year": 2026, "off_days": []}"#))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

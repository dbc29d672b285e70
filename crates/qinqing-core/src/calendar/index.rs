//! The day index: every date 1949-01-01..=2100-12-31 precomputed once per region, so each
//! query is one or two array reads whatever the number of days asked for.
//!
//! Per region it keeps one 4-byte [`Slot`] per date (working flag, provisional flag, the
//! entry saying why, and the running count of working days up to and including that date)
//! and the list of every working date. Then
//! - `is_working_day(d)` reads one slot;
//! - `working_days_between(a, b)` is `count[b] - count[a]`;
//! - `add_working_days(d, n)` is `working[count[d] + n - 1]`.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate, Weekday};

use super::day::DayReason;
use super::lunar;
use super::provisional;
use super::sources::{Notice, Sources};

/// First covered year.
pub(crate) const FIRST_YEAR: i32 = 1949;
/// Last covered year.
pub(crate) const LAST_YEAR: i32 = 2100;
/// Number of covered dates, 1949-01-01..=2100-12-31.
pub(crate) const DAYS: usize = 55_517;
/// From this day of December on, a date may still be moved by next year's notice (the
/// earliest such date in 2004–2026 is 29 December).
const DECEMBER_TAIL_FROM: u32 = 25;

const WORKING: u16 = 1 << 15;
const PROVISIONAL: u16 = 1 << 14;
const ENTRY_MASK: u16 = PROVISIONAL - 1;

/// Days from 0001-01-01 to 1 January of `year` (proleptic Gregorian, `year >= 1`).
const fn days_before_year(year: i32) -> i32 {
    let y = year - 1;
    365 * y + y / 4 - y / 100 + y / 400
}

/// Position of `date` in the index, or `None` outside the covered range. Computed from the
/// year and day of year (plain integer arithmetic, cheaper than a day count from year 1).
#[inline]
pub(crate) fn position(date: NaiveDate) -> Option<usize> {
    let year = date.year();
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return None;
    }
    // A table read instead of the leap-year arithmetic: this is the hot path of every query.
    let start = usize::try_from(year - FIRST_YEAR)
        .ok()
        .and_then(|offset| YEAR_START.get(offset))?;
    Some(*start as usize + date.ordinal0() as usize)
}

/// Position of 1 January of each covered year.
static YEAR_START: [u32; (LAST_YEAR - FIRST_YEAR + 1) as usize] = year_starts();

#[expect(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an out-of-bounds index fails the build, never a run"
)]
const fn year_starts() -> [u32; (LAST_YEAR - FIRST_YEAR + 1) as usize] {
    let mut out = [0u32; (LAST_YEAR - FIRST_YEAR + 1) as usize];
    let mut i = 0;
    while i < out.len() {
        let year = FIRST_YEAR + i as i32;
        // In range by construction (1949..=2100), so the cast cannot wrap.
        out[i] = (days_before_year(year) - days_before_year(FIRST_YEAR)) as u32;
        i += 1;
    }
    out
}

/// The date at position `i`.
#[inline]
pub(crate) fn date_at(i: usize) -> Option<NaiveDate> {
    if i >= DAYS {
        return None;
    }
    let i = i32::try_from(i).ok()?;
    let base = days_before_year(FIRST_YEAR);
    // 1461 days per 4 years estimates the year to within one; one comparison settles it.
    let mut year = FIRST_YEAR + i * 4 / 1461;
    if days_before_year(year) - base > i {
        year -= 1;
    } else if days_before_year(year + 1) - base <= i {
        year += 1;
    }
    let ordinal = i - (days_before_year(year) - base) + 1;
    NaiveDate::from_yo_opt(year, u32::try_from(ordinal).ok()?)
}

/// Weekly rest day before any notice: Sunday always; Saturday from 1995-05-01, when the
/// five-day week began (国务院关于职工工作时间的规定, 1995 revision).
pub(crate) fn weekly_rest_day(date: NaiveDate) -> bool {
    match date.weekday() {
        Weekday::Sun => true,
        Weekday::Sat => (date.year(), date.month()) >= (1995, 5),
        _ => false,
    }
}

/// Why a date is what it is, with the notice (index into the region's notices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) reason: DayReason,
    pub(crate) name: Cow<'static, str>,
    pub(crate) notice: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Slot {
    /// Working days from 1949-01-01 up to and including this date.
    count: u16,
    /// [`WORKING`] | [`PROVISIONAL`] | entry number (0 = none, else `entries[n - 1]`).
    flags: u16,
}

/// One region's precomputed days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RegionIndex {
    slots: Box<[Slot]>,
    /// The k-th working day (k from 0), stored as a date so a shift needs no conversion.
    working: Box<[NaiveDate]>,
    entries: Vec<Entry>,
    notices: Vec<Notice>,
}

/// What one looks up about a date.
pub(crate) struct Lookup<'a> {
    pub(crate) working: bool,
    pub(crate) provisional: bool,
    pub(crate) entry: Option<&'a Entry>,
}

impl RegionIndex {
    /// `true` on a working day; `None` outside the range.
    #[inline]
    pub(crate) fn is_working(&self, i: usize) -> Option<bool> {
        self.slots.get(i).map(|slot| slot.flags & WORKING != 0)
    }

    /// Working days up to and including position `i`.
    #[inline]
    pub(crate) fn count(&self, i: usize) -> Option<u16> {
        self.slots.get(i).map(|slot| slot.count)
    }

    /// The `n`-th working day strictly after position `i` (`n >= 1`).
    #[inline]
    pub(crate) fn nth_working_after(&self, i: usize, n: u32) -> Option<NaiveDate> {
        let before = usize::from(self.count(i)?);
        let k = before
            .checked_add(usize::try_from(n).ok()?)?
            .checked_sub(1)?;
        self.working.get(k).copied()
    }

    pub(crate) fn lookup(&self, i: usize) -> Option<Lookup<'_>> {
        let slot = self.slots.get(i)?;
        let entry_no = usize::from(slot.flags & ENTRY_MASK);
        Some(Lookup {
            working: slot.flags & WORKING != 0,
            provisional: slot.flags & PROVISIONAL != 0,
            entry: entry_no.checked_sub(1).and_then(|n| self.entries.get(n)),
        })
    }

    pub(crate) fn notice(&self, n: usize) -> Option<&Notice> {
        self.notices.get(n)
    }

    /// Heap bytes held by this index.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.slots.len() * std::mem::size_of::<Slot>()
            + self.working.len() * std::mem::size_of::<NaiveDate>()
    }
}

/// The plan of one date while the index is being built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Plan {
    working: bool,
    provisional: bool,
    entry: u16,
}

/// Builds one region's days: statutory rules, then notices on top.
#[derive(Debug, Clone)]
pub(crate) struct Planner {
    plans: Vec<Plan>,
    entries: Vec<Entry>,
    notices: Vec<Notice>,
}

impl Planner {
    fn new() -> Planner {
        let plans = (0..DAYS)
            .map(|i| Plan {
                working: date_at(i).is_some_and(|date| !weekly_rest_day(date)),
                provisional: false,
                entry: 0,
            })
            .collect();
        Planner {
            plans,
            entries: Vec::new(),
            notices: Vec::new(),
        }
    }

    fn add_notice(&mut self, notice: &Notice) -> usize {
        self.notices.push(notice.clone());
        self.notices.len() - 1
    }

    /// `true` if `date` is a working day in the plan so far (`false` outside the range).
    pub(crate) fn is_working(&self, date: NaiveDate) -> bool {
        position(date)
            .and_then(|i| self.plans.get(i))
            .is_some_and(|plan| plan.working)
    }

    /// The reason recorded for `date`, if any entry.
    pub(crate) fn reason(&self, date: NaiveDate) -> Option<DayReason> {
        let plan = self.plans.get(position(date)?)?;
        let n = usize::from(plan.entry).checked_sub(1)?;
        self.entries.get(n).map(|entry| entry.reason)
    }

    /// Records `date` as working or not, for `reason`.
    pub(crate) fn set(
        &mut self,
        date: NaiveDate,
        working: bool,
        reason: DayReason,
        name: Cow<'static, str>,
        notice: Option<usize>,
    ) {
        let Some(plan) = position(date).and_then(|i| self.plans.get_mut(i)) else {
            return;
        };
        plan.working = working;
        self.entries.push(Entry {
            reason,
            name,
            notice,
        });
        // More entries than the 14 bits can number would mean a corrupt data set; the day's
        // status stays right, only its explanation is dropped.
        plan.entry = u16::try_from(self.entries.len())
            .ok()
            .filter(|&n| n <= ENTRY_MASK)
            .unwrap_or(0);
    }

    fn mark_provisional(&mut self, from: NaiveDate, to: NaiveDate) {
        let (Some(a), Some(b)) = (position(from), position(to)) else {
            return;
        };
        for plan in self.plans.iter_mut().take(b + 1).skip(a) {
            plan.provisional = true;
        }
    }

    fn finish(self) -> RegionIndex {
        let mut count: u16 = 0;
        let mut working = Vec::with_capacity(DAYS * 5 / 7 + 64);
        let slots = self
            .plans
            .iter()
            .enumerate()
            .map(|(i, plan)| {
                let mut flags = plan.entry & ENTRY_MASK;
                if plan.working {
                    count = count.saturating_add(1);
                    flags |= WORKING;
                    if let Some(date) = date_at(i) {
                        working.push(date);
                    }
                }
                if plan.provisional {
                    flags |= PROVISIONAL;
                }
                Slot { count, flags }
            })
            .collect();
        RegionIndex {
            slots,
            working: working.into_boxed_slice(),
            entries: self.entries,
            notices: self.notices,
        }
    }
}

/// Both regions' indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DayIndex {
    pub(crate) national: RegionIndex,
    pub(crate) guangxi: RegionIndex,
}

fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

/// Builds the index from the notices, filling unpublished years from the statutory rules.
pub(crate) fn build(sources: &Sources) -> DayIndex {
    let mut national = Planner::new();
    for year in FIRST_YEAR..=LAST_YEAR {
        let Some((first, last)) = year_bounds(year) else {
            continue;
        };
        if !sources.national.contains_key(&year) {
            if let Some(festivals) = lunar::festival_dates(year) {
                provisional::national_year(year, &festivals, &mut national);
            }
            national.mark_provisional(first, last);
        } else if !sources.national.contains_key(&(year + 1)) {
            if let Some(tail) = NaiveDate::from_ymd_opt(year, 12, DECEMBER_TAIL_FROM) {
                national.mark_provisional(tail, last);
            }
        }
    }
    for year in sources.national.values() {
        let notice = Some(national.add_notice(&year.notice));
        for (date, name) in &year.off {
            national.set(*date, false, DayReason::Holiday, name.clone(), notice);
        }
        for (date, name) in &year.work {
            national.set(*date, true, DayReason::MakeUpWorkday, name.clone(), notice);
        }
    }

    let mut guangxi = national.clone();
    if let Some(&first_festival_year) = sources.guangxi.keys().next() {
        for year in first_festival_year..=LAST_YEAR {
            match sources.guangxi.get(&year) {
                Some(notice_year) => {
                    let notice = Some(guangxi.add_notice(&notice_year.notice));
                    for date in &notice_year.off {
                        // A day already off nationally keeps its national name (清明节 in
                        // 2017); the others become 三月三 days off.
                        if guangxi.reason(*date) != Some(DayReason::Holiday)
                            || guangxi.is_working(*date)
                        {
                            guangxi.set(
                                *date,
                                false,
                                DayReason::GuangxiHoliday,
                                Cow::Borrowed(SANYUESAN),
                                notice,
                            );
                        }
                    }
                    for date in &notice_year.work {
                        guangxi.set(
                            *date,
                            true,
                            DayReason::GuangxiWorkday,
                            Cow::Borrowed(SANYUESAN),
                            notice,
                        );
                    }
                }
                None => {
                    let Some((first, last)) = year_bounds(year) else {
                        continue;
                    };
                    if let Some(festivals) = lunar::festival_dates(year) {
                        provisional::guangxi_year(&festivals, &mut guangxi);
                    }
                    guangxi.mark_provisional(first, last);
                }
            }
        }
    }
    DayIndex {
        national: national.finish(),
        guangxi: guangxi.finish(),
    }
}

/// The festival's name as the Guangxi notices write it.
pub(crate) const SANYUESAN: &str = "壮族三月三";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_over_the_whole_range() {
        let first = NaiveDate::from_ymd_opt(1949, 1, 1).unwrap();
        for (i, date) in first.iter_days().take(DAYS).enumerate() {
            assert_eq!(position(date), Some(i), "{date}");
            assert_eq!(date_at(i), Some(date), "{i}");
        }
        assert_eq!(date_at(DAYS - 1), NaiveDate::from_ymd_opt(2100, 12, 31));
        assert_eq!(date_at(DAYS), None);
        assert_eq!(
            position(NaiveDate::from_ymd_opt(1948, 12, 31).unwrap()),
            None
        );
        assert_eq!(position(NaiveDate::from_ymd_opt(2101, 1, 1).unwrap()), None);
    }
}

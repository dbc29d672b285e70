//! The notices the calendar is built from: the State Council's yearly arrangement and
//! Guangxi's yearly 三月三 notice, whether compiled in or loaded at run time.

use std::borrow::Cow;

use chrono::NaiveDate;

/// A published notice, cited by every day it moves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Notice {
    /// Title, such as 国务院办公厅关于2026年部分节假日安排的通知.
    pub(crate) title: Cow<'static, str>,
    /// Where it was read (may be empty).
    pub(crate) url: Cow<'static, str>,
}

/// One national notice year: listed days off and weekend days declared working (调休上班).
/// A few dates fall in December of the year before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NationalYear {
    pub(crate) notice: Notice,
    pub(crate) off: Vec<(NaiveDate, Cow<'static, str>)>,
    pub(crate) work: Vec<(NaiveDate, Cow<'static, str>)>,
}

/// One Guangxi 三月三 notice year, as changes on top of the national arrangement: extra
/// days off (including national make-up days the notice cancelled) and Guangxi-only working
/// days. A cancelled festival (2020) is a year with both lists empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RegionalYear {
    pub(crate) notice: Notice,
    pub(crate) off: Vec<NaiveDate>,
    pub(crate) work: Vec<NaiveDate>,
}

/// Every notice known to a calendar, by notice year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Sources {
    pub(crate) national: YearMap<NationalYear>,
    pub(crate) guangxi: YearMap<RegionalYear>,
}

/// Notice years in year order: a sorted `Vec` rather than a `BTreeMap`, whose generic code
/// (insert, clone, drop, iterators for each value type) cost the WebAssembly package about
/// 7 KB for a map of at most ~150 entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YearMap<T> {
    entries: Vec<(i32, T)>,
}

impl<T> Default for YearMap<T> {
    fn default() -> Self {
        YearMap {
            entries: Vec::new(),
        }
    }
}

impl<T> YearMap<T> {
    /// Adds `year`, replacing an entry already there.
    pub(crate) fn insert(&mut self, year: i32, value: T) {
        match self.entries.binary_search_by_key(&year, |&(key, _)| key) {
            Ok(at) => {
                if let Some(slot) = self.entries.get_mut(at) {
                    slot.1 = value;
                }
            }
            Err(at) => self.entries.insert(at, (year, value)),
        }
    }

    pub(crate) fn get(&self, year: &i32) -> Option<&T> {
        let at = self
            .entries
            .binary_search_by_key(year, |&(key, _)| key)
            .ok()?;
        self.entries.get(at).map(|(_, value)| value)
    }

    pub(crate) fn contains_key(&self, year: &i32) -> bool {
        self.get(year).is_some()
    }

    /// The years, ascending.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &i32> + '_ {
        self.entries.iter().map(|(year, _)| year)
    }

    /// The entries' values, in year order.
    pub(crate) fn values(&self) -> impl Iterator<Item = &T> + '_ {
        self.entries.iter().map(|(_, value)| value)
    }
}

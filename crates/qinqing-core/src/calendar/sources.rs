//! The notices the calendar is built from: the State Council's yearly arrangement and
//! Guangxi's yearly 三月三 notice, whether compiled in or loaded at run time.

use std::borrow::Cow;
use std::collections::BTreeMap;

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
    pub(crate) national: BTreeMap<i32, NationalYear>,
    pub(crate) guangxi: BTreeMap<i32, RegionalYear>,
}

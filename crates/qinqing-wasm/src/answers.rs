//! Answers for calls that return more than a verdict. Each keeps the [`Answer`](qinqing_core::Answer) shape
//! (`valid`, `issues`) and adds its result, so a caller handles bad input the same way
//! everywhere.

use qinqing_core::{CatalogueEntry, ConductMatch, DayInfo, Deadline, Issue, Lang, Region};
use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// The prohibition catalogue in one language.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CatalogueAnswer {
    /// `false` when the language could not be read.
    pub valid: bool,
    /// Why the call failed, if it did.
    pub issues: Vec<Issue>,
    /// Every catalogue entry (empty when the call failed).
    pub entries: Vec<CatalogueEntry>,
}

/// Prohibited conduct found in free text.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ConductAnswer {
    /// `false` when the text could not be read.
    pub valid: bool,
    /// Why the call failed, if it did.
    pub issues: Vec<Issue>,
    /// The conduct found, in text order.
    pub matches: Vec<ConductMatch>,
}

/// Whether a date is a working day.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct WorkingDayAnswer {
    /// `false` when the date or region could not be read or lies outside the calendar.
    pub valid: bool,
    /// Why the call failed, if it did.
    pub issues: Vec<Issue>,
    /// `true` for a working day; `null` when the call failed.
    pub working: Option<bool>,
}

/// Everything the calendar knows about one date.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DayInfoAnswer {
    /// `false` when the call failed.
    pub valid: bool,
    /// Why the call failed, if it did.
    pub issues: Vec<Issue>,
    /// The day; `null` when the call failed.
    pub day: Option<DayInfo>,
}

/// A date some working days away.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DateAnswer {
    /// `false` when the call failed.
    pub valid: bool,
    /// Why the call failed, if it did.
    pub issues: Vec<Issue>,
    /// The date, `YYYY-MM-DD`; `null` when the call failed.
    pub date: Option<String>,
}

/// A number of working days.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CountAnswer {
    /// `false` when the call failed.
    pub valid: bool,
    /// Why the call failed, if it did.
    pub issues: Vec<Issue>,
    /// Working days in `(from, to]`, negative when `to` is before `from`; `null` when the
    /// call failed.
    pub days: Option<i64>,
}

/// The §八 reply deadline of a complaint.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DeadlineAnswer {
    /// `false` when the call failed (warnings such as a provisional year are in
    /// `deadline.warnings` and leave it `true`).
    pub valid: bool,
    /// Why the call failed, if it did.
    pub issues: Vec<Issue>,
    /// The deadline; `null` when the call failed.
    pub deadline: Option<Deadline>,
}

/// How to compute a reply deadline.
#[derive(Debug, Clone, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", default)]
pub struct DeadlineOptions {
    /// Language of the messages (`zh` when not given).
    pub lang: Lang,
    /// Working days allowed (§八: 7, the default).
    pub days: u32,
    /// Which calendar (`guangxi` when not given).
    pub region: Region,
    /// Refuse deadlines that depend on a year whose holiday notice is not yet published,
    /// instead of estimating them with a warning.
    pub strict: bool,
}

impl Default for DeadlineOptions {
    fn default() -> DeadlineOptions {
        DeadlineOptions {
            lang: Lang::default(),
            days: 7,
            region: Region::default(),
            strict: false,
        }
    }
}

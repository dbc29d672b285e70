//! The working-day calendar for JavaScript. One calendar per instance: the compiled-in one
//! until `loadCalendarYear` adds a notice year, after which every calendar call uses it.

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use chrono::{Datelike, NaiveDate};
use qinqing_core::{Answer, Calendar, CalendarError, Lang, Options, Region};
use tsify::Ts;
use wasm_bindgen::prelude::*;

use crate::answers::{
    CountAnswer, DateAnswer, DayInfoAnswer, DeadlineAnswer, DeadlineOptions, WorkingDayAnswer,
};
use crate::read;

thread_local! {
    /// The calendar with the years loaded at run time; `None` until the first load.
    static LOADED: RefCell<Option<Rc<Calendar>>> = const { RefCell::new(None) };
}

/// The calendar the calls use: the loaded one once a year was loaded, else the compiled-in
/// one. A handle rather than a `with(closure)` helper: one thread-local access for all the
/// bindings instead of one generic instance per binding (≈ 3.8 KB of wasm).
struct Current(Option<Rc<Calendar>>);

impl Deref for Current {
    type Target = Calendar;

    fn deref(&self) -> &Calendar {
        match self.0.as_deref() {
            Some(loaded) => loaded,
            None => Calendar::builtin(),
        }
    }
}

fn calendar() -> Current {
    Current(LOADED.with(|cell| cell.try_borrow().ok().and_then(|loaded| loaded.clone())))
}

/// The common arguments of the calendar calls, read once.
fn read_region(region: Option<Ts<Region>>, lang: Lang) -> Result<Region, Answer> {
    match region {
        None => Ok(Region::default()),
        Some(region) => read::known_value(&region.js_value(), "national, guangxi", lang),
    }
}

fn read_lang(options: Option<Ts<Options>>) -> Result<Lang, Answer> {
    read::options(options.map(|options| options.js_value()).as_ref()).map(|options| options.lang)
}

/// `date` as the number yyyymmdd (the calendar covers years 1949–2100).
fn yyyymmdd(date: NaiveDate) -> Option<u32> {
    let year = u32::try_from(date.year()).ok()?;
    Some(year * 10_000 + date.month() * 100 + date.day())
}

/// The common `YYYY-MM-DD` shape read directly, without chrono's general parser.
fn plain_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *bytes else {
        return None;
    };
    let digit = |byte: u8| byte.is_ascii_digit().then(|| u32::from(byte - b'0'));
    let year = [y1, y2, y3, y4]
        .into_iter()
        .try_fold(0, |acc, byte| Some(acc * 10 + digit(byte)?))?;
    let month = digit(m1)? * 10 + digit(m2)?;
    let day = digit(d1)? * 10 + digit(d2)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// A China date `YYYY-MM-DD`.
fn read_date(value: &JsValue, path: &str, lang: Lang) -> Result<NaiveDate, Answer> {
    let text = read::text(value, path, lang)?;
    if let Some(date) = plain_date(&text) {
        return Ok(date);
    }
    qinqing_core::ffi::read_date(text.trim()).ok_or_else(|| {
        calendar_error(
            &CalendarError::MalformedInstant {
                value: text.clone(),
            },
            path,
            lang,
        )
    })
}

fn calendar_error(error: &CalendarError, path: &str, lang: Lang) -> Answer {
    Answer::from_issues(vec![error.to_issue(path, lang)], false)
}

/// `true` if `date` (`YYYY-MM-DD`, China) is a working day in `region` (`guangxi` when not
/// given).
#[wasm_bindgen(js_name = isWorkingDay)]
pub fn is_working_day(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    region: Option<Ts<Region>>,
    options: Option<Ts<Options>>,
) -> Ts<WorkingDayAnswer> {
    let result = read_lang(options).and_then(|lang| {
        let region = read_region(region, lang)?;
        let date = read_date(&date, "/date", lang)?;
        calendar()
            .is_working_day(date, region)
            .map_err(|error| calendar_error(&error, "/date", lang))
    });
    // Success is built by a small JavaScript function: no JSON text for the hot path.
    Ts::new_unchecked(match result {
        Ok(working) => read::working_answer(working),
        Err(failed) => read::failed_to_js(&failed.issues, "working", "null"),
    })
}

/// Whether `date` is a working day in `region`, why, and which notice says so.
#[wasm_bindgen(js_name = dayInfo)]
pub fn day_info(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    region: Option<Ts<Region>>,
    options: Option<Ts<Options>>,
) -> Ts<DayInfoAnswer> {
    let result = read_lang(options).and_then(|lang| {
        let region = read_region(region, lang)?;
        let date = read_date(&date, "/date", lang)?;
        calendar()
            .day_info(date, region)
            .map_err(|error| calendar_error(&error, "/date", lang))
    });
    Ts::new_unchecked(match result {
        Ok(day) => read::ok_to_js("day", &day),
        Err(failed) => read::failed_to_js(&failed.issues, "day", "null"),
    })
}

/// The `days`-th working day strictly after `date` (`date` itself when `days` is 0).
#[wasm_bindgen(js_name = addWorkingDays)]
pub fn add_working_days(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] days: JsValue,
    region: Option<Ts<Region>>,
    options: Option<Ts<Options>>,
) -> Ts<DateAnswer> {
    let result = read_lang(options).and_then(|lang| {
        let region = read_region(region, lang)?;
        let date = read_date(&date, "/date", lang)?;
        let days = read::count(&days, "/days", lang)?;
        calendar()
            .add_working_days(date, days, region)
            .map_err(|error| calendar_error(&error, "/days", lang))
    });
    Ts::new_unchecked(match result {
        Ok(date) => match yyyymmdd(date) {
            Some(number) => read::date_answer(number),
            None => read::ok_to_js("date", date.to_string().as_str()),
        },
        Err(failed) => read::failed_to_js(&failed.issues, "date", "null"),
    })
}

/// Working days in `(from, to]`, negative when `to` comes first.
#[wasm_bindgen(js_name = workingDaysBetween)]
pub fn working_days_between(
    #[wasm_bindgen(unchecked_param_type = "string")] from: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] to: JsValue,
    region: Option<Ts<Region>>,
    options: Option<Ts<Options>>,
) -> Ts<CountAnswer> {
    let result = read_lang(options).and_then(|lang| {
        let region = read_region(region, lang)?;
        let from = read_date(&from, "/from", lang)?;
        let to = read_date(&to, "/to", lang)?;
        calendar()
            .working_days_between(from, to, region)
            .map_err(|error| calendar_error(&error, "", lang))
    });
    Ts::new_unchecked(match result {
        // |days| is at most ~55,000 (the calendar spans 1949–2100): exact in an f64.
        Ok(days) => read::count_answer(days as f64),
        Err(failed) => read::failed_to_js(&failed.issues, "days", "null"),
    })
}

/// The §八 reply deadline for a complaint received at `receivedAt` (RFC 3339, or a China
/// date `YYYY-MM-DD`): 7 working days in Guangxi unless `options` say otherwise.
#[wasm_bindgen(js_name = replyDeadline)]
pub fn reply_deadline(
    #[wasm_bindgen(unchecked_param_type = "string")] received_at: JsValue,
    options: Option<Ts<DeadlineOptions>>,
) -> Ts<DeadlineAnswer> {
    let options = match options {
        None => Ok(DeadlineOptions::default()),
        Some(options) => deadline_options(&options.js_value()),
    };
    let result = options.and_then(|options| {
        let received_at = read::text(&received_at, "/receivedAt", options.lang)?;
        calendar()
            .reply_deadline_in(
                &received_at,
                options.days,
                options.region,
                options.strict,
                options.lang,
            )
            .map_err(|error| calendar_error(&error, "/receivedAt", options.lang))
    });
    Ts::new_unchecked(match result {
        Ok(deadline) => read::ok_to_js("deadline", &deadline),
        Err(failed) => read::failed_to_js(&failed.issues, "deadline", "null"),
    })
}

/// Adds one notice year (JSON text or object, see the README) to this instance's calendar;
/// later calendar calls use it. A rejected year leaves the calendar as it was.
#[wasm_bindgen(js_name = loadCalendarYear)]
pub fn load_calendar_year(
    #[wasm_bindgen(unchecked_param_type = "string | object")] year: JsValue,
    options: Option<Ts<Options>>,
) -> Ts<qinqing_core::Answer> {
    let answer = read_lang(options).and_then(|lang| {
        let text = match year.as_string() {
            Some(text) => text,
            None => read::json_text(&year, lang)?,
        };
        let loaded = calendar()
            .with_year_json_in(&text, lang)
            .map_err(|issues| Answer::from_issues(issues, false))?;
        LOADED.with(|cell| match cell.try_borrow_mut() {
            Ok(mut slot) => {
                *slot = Some(Rc::new(loaded));
                Ok(Answer::ok())
            }
            Err(_) => Err(Answer::from_issues(Vec::new(), false)),
        })
    });
    Ts::new_unchecked(read::answer_to_js(&answer.unwrap_or_else(|failed| failed)))
}

/// Reads [`DeadlineOptions`] as serde would for the `JSON.stringify` text of a JavaScript
/// object: known fields checked (`days` a whole number within `u32`, `strict` a boolean,
/// `lang`/`region` their serde names), unknown ones ignored.
fn deadline_options(value: &JsValue) -> Result<DeadlineOptions, Answer> {
    let mut options = DeadlineOptions::default();
    let Some(fields) = read::options_fields(value)? else {
        return Ok(options);
    };
    let rejected = || {
        qinqing_core::ffi::rejected_input(
            qinqing_core::ffi::InputProblem::BadOptions,
            "",
            Lang::default(),
        )
    };
    for (key, field) in &fields {
        match key.as_str() {
            "lang" => {
                options.lang = qinqing_core::ffi::variant_from_value(field).ok_or_else(rejected)?
            }
            "region" => {
                options.region =
                    qinqing_core::ffi::variant_from_value(field).ok_or_else(rejected)?
            }
            "days" => {
                options.days = field
                    .as_u64()
                    .and_then(|days| u32::try_from(days).ok())
                    .ok_or_else(rejected)?
            }
            "strict" => options.strict = field.as_bool().ok_or_else(rejected)?,
            _ => {}
        }
    }
    Ok(options)
}

//! Reading whatever JavaScript hands over, and writing answers back.

use js_sys::JSON;
use qinqing_core::ffi::{options_from_value, rejected_input, variant_from_value, InputProblem};
use qinqing_core::{Answer, Lang, Options};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The JSON text of a JavaScript value, or the answer to give when it has none (a cyclic
/// object, a BigInt, `undefined`, a function). `JSON.stringify` runs inside the engine, which
/// is far cheaper than visiting the object from WebAssembly one property at a time.
pub(crate) fn json_text(value: &JsValue, lang: Lang) -> Result<String, Answer> {
    JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| rejected_input(InputProblem::NotJson, "", lang))
}

/// A JavaScript string as Rust text; anything else is an `input.notText` answer. Lone
/// surrogates become U+FFFD on the way in (the engine's UTF-8 encoder does that).
pub(crate) fn text(value: &JsValue, path: &str, lang: Lang) -> Result<String, Answer> {
    value.as_string().ok_or_else(|| {
        rejected_input(
            InputProblem::NotText {
                got: type_name(value),
            },
            path,
            lang,
        )
    })
}

/// The options, or their defaults when `undefined` or `null`.
pub(crate) fn options(value: Option<&JsValue>) -> Result<Options, Answer> {
    match value {
        None => Ok(Options::default()),
        Some(value) if value.is_undefined() || value.is_null() => Ok(Options::default()),
        Some(value) => match JSON::stringify(value)
            .ok()
            .and_then(|text| text.as_string())
        {
            // Through a `Value`, not `serde_json::from_str::<Options>`: serde's typed errors
            // would link the float formatter (14 KB) into the package.
            Some(text) => match serde_json::from_str::<serde_json::Value>(&text) {
                Ok(value) => options_from_value(&value),
                Err(_) => Err(rejected_input(
                    InputProblem::BadOptions,
                    "",
                    Lang::default(),
                )),
            },
            None => Err(rejected_input(
                InputProblem::BadOptions,
                "",
                Lang::default(),
            )),
        },
    }
}

/// What JavaScript's `typeof` would say, for messages.
fn type_name(value: &JsValue) -> &'static str {
    if value.is_undefined() {
        "undefined"
    } else if value.is_null() {
        "null"
    } else if value.as_bool().is_some() {
        "boolean"
    } else if value.as_f64().is_some() {
        "number"
    } else if value.is_bigint() {
        "bigint"
    } else if value.is_symbol() {
        "symbol"
    } else if value.is_function() {
        "function"
    } else {
        "object"
    }
}

/// Hands a value back to JavaScript as a plain object (never an ES `Map`), through its JSON
/// text: one string crossing and the engine's own parser.
pub(crate) fn to_js<T: Serialize>(value: &T) -> JsValue {
    match serde_json::to_string(value) {
        Ok(text) => JSON::parse(&text).unwrap_or(JsValue::NULL),
        Err(_) => JsValue::NULL,
    }
}

#[wasm_bindgen(inline_js = "
export function validAnswer() { return { valid: true, priority: false, issues: [] }; }
export function dateAnswer(ymd) {
  const y = Math.floor(ymd / 10000), m = Math.floor(ymd / 100) % 100, d = ymd % 100;
  const date = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  return { valid: true, issues: [], date };
}
export function workingAnswer(working) { return { valid: true, issues: [], working }; }
export function countAnswer(days) { return { valid: true, issues: [], days }; }
export function quickOptions(o) {
  if (o === undefined || o === null) return 0;
  if (typeof o !== 'object') return -1;
  try {
    if (Object.getPrototypeOf(o) !== Object.prototype) return -1;
    let code = 0;
    for (const key in o) {
      const d = Object.getOwnPropertyDescriptor(o, key);
      if (d === undefined || !('value' in d)) return -1;
      const v = d.value;
      if (v === undefined) continue;
      if (key === 'lang') {
        if (v === 'en') code += 100000000; else if (v !== 'zh') return -1;
      } else if (key === 'today') {
        if (v === null) continue;
        if (typeof v !== 'string' || !/^[0-9]{4}-(0[1-9]|1[0-2])-[0-9]{2}$/.test(v)) return -1;
        code += +v.slice(0, 4) * 10000 + +v.slice(5, 7) * 100 + +v.slice(8, 10);
      } else return -1;
    }
    return code;
  } catch (_) {
    return -1;
  }
}
")]
extern "C" {
    /// A fresh `{ valid: true, priority: false, issues: [] }`, built by the engine.
    #[wasm_bindgen(js_name = validAnswer)]
    fn valid_answer() -> JsValue;
    /// A successful [`crate::DateAnswer`] for the date `yyyymmdd` (a number, so that no
    /// text has to be decoded on the way out).
    #[wasm_bindgen(js_name = dateAnswer)]
    pub(crate) fn date_answer(yyyymmdd: u32) -> JsValue;
    /// A successful [`crate::WorkingDayAnswer`].
    #[wasm_bindgen(js_name = workingAnswer)]
    pub(crate) fn working_answer(working: bool) -> JsValue;
    /// A successful [`crate::CountAnswer`].
    #[wasm_bindgen(js_name = countAnswer)]
    pub(crate) fn count_answer(days: f64) -> JsValue;
    /// The common options objects as one number, read in JavaScript: `-1` for anything
    /// unusual, else `100000000` for `lang: "en"` plus `today` as `yyyymmdd` (0 when absent).
    #[wasm_bindgen(js_name = quickOptions)]
    fn quick_options_code(options: &JsValue) -> i32;
}

/// The options when they are the usual plain `{lang?: "zh" | "en", today?: "YYYY-MM-DD"}`,
/// read without `JSON.stringify` and a `serde_json::Value` (≈ 1.4 µs of a 12 µs call);
/// `None` sends them through [`options`], which decides everything else.
pub(crate) fn quick_options(value: Option<&JsValue>) -> Option<Options> {
    let code = match value {
        None => 0,
        Some(value) => quick_options_code(value),
    };
    let code = u32::try_from(code).ok()?;
    let lang = if code >= 100_000_000 {
        Lang::En
    } else {
        Lang::Zh
    };
    let ymd = code % 100_000_000;
    let today = match ymd {
        0 => None,
        ymd => Some(chrono::NaiveDate::from_ymd_opt(
            i32::try_from(ymd / 10_000).ok()?,
            ymd / 100 % 100,
            ymd % 100,
        )?),
    };
    Some(Options { lang, today })
}

/// Hands an [`Answer`] back to JavaScript. The common case, a clean document, skips the
/// JSON text altogether: one call builds the object in JavaScript (a fresh one each time,
/// so callers may mutate it).
pub(crate) fn answer_to_js(answer: &Answer) -> JsValue {
    if answer.valid && !answer.priority && answer.issues.is_empty() {
        return valid_answer();
    }
    JSON::parse(&answer.to_json()).unwrap_or(JsValue::NULL)
}

/// A value from a fixed set (a region, a level, a language), read through its serde form;
/// anything else is an `input.unknownValue` answer naming what is `allowed`.
pub(crate) fn known_value<T: DeserializeOwned>(
    value: &JsValue,
    allowed: &'static str,
    lang: Lang,
) -> Result<T, Answer> {
    let shown = JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string());
    if let Some(parsed) = shown
        .as_deref()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok())
        .and_then(|value| variant_from_value::<T>(&value))
    {
        return Ok(parsed);
    }
    let shown = shown.unwrap_or_else(|| type_name(value).to_owned());
    Err(rejected_input(
        InputProblem::UnknownValue {
            value: &shown,
            allowed,
        },
        "",
        lang,
    ))
}

/// A whole number of working days, 0 to `u32::MAX` (the core bounds it further).
pub(crate) fn count(value: &JsValue, path: &str, lang: Lang) -> Result<u32, Answer> {
    match value.as_f64() {
        Some(number) if number.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&number) => {
            // A whole number within u32, checked just above: the cast is exact.
            Ok(number as u32)
        }
        _ => {
            let shown = JSON::stringify(value)
                .ok()
                .and_then(|text| text.as_string())
                .unwrap_or_else(|| type_name(value).to_owned());
            Err(rejected_input(
                InputProblem::UnknownValue {
                    value: &shown,
                    allowed: "0–10000",
                },
                path,
                lang,
            ))
        }
    }
}

/// The fields of an options object, read through its JSON text (`null` and `undefined`
/// give `None`); anything but an object is an `options.invalid` answer. Callers read the
/// fields by hand (see [`options`] for why not serde's typed path).
pub(crate) fn options_fields(
    value: &JsValue,
) -> Result<Option<serde_json::Map<String, serde_json::Value>>, Answer> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
    {
        Some(serde_json::Value::Object(fields)) => Ok(Some(fields)),
        _ => Err(rejected_input(
            InputProblem::BadOptions,
            "",
            Lang::default(),
        )),
    }
}

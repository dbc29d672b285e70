//! Reading whatever JavaScript hands over, and writing answers back.

use std::cell::RefCell;

use js_sys::JSON;
use qinqing_core::ffi::{options_from_value, rejected_input, variant_from_value, InputProblem};
use qinqing_core::{Answer, Issue, Lang, Options};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::crossing::Crossing;

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

/// A successful call's answer, `{"valid":true,"issues":[],"<key>":<value>}`: the shape the
/// derived `Serialize` of the call's answer type writes, with only `value` going through
/// serde (one serializer instance for the result instead of one for each answer wrapper).
/// Handed over as JSON text: one string crossing and the engine's own parser, and a plain
/// object (never an ES `Map`).
pub(crate) fn ok_to_js<T: Serialize + ?Sized>(key: &str, value: &T) -> JsValue {
    let Ok(value) = serde_json::to_string(value) else {
        return JsValue::NULL;
    };
    let text = ["{\"valid\":true,\"issues\":[],\"", key, "\":", &value, "}"].concat();
    JSON::parse(&text).unwrap_or(JsValue::NULL)
}

/// A failed call's answer, `{"valid":false,"issues":[…],"<key>":<empty>}`: the shape the
/// derived `Serialize` of the call's answer type writes, built here once for all of them
/// (one serializer instance instead of one per answer type).
pub(crate) fn failed_to_js(issues: &[Issue], key: &str, empty: &str) -> JsValue {
    let Ok(issues) = serde_json::to_string(issues) else {
        return JsValue::NULL;
    };
    let text = [
        "{\"valid\":false,\"issues\":",
        &issues,
        ",\"",
        key,
        "\":",
        empty,
        "}",
    ]
    .concat();
    JSON::parse(&text).unwrap_or(JsValue::NULL)
}

#[wasm_bindgen(inline_js = "
export function validAnswer() { return { valid: true, priority: false, issues: [] }; }
// Answers with issues (see crossing.rs): numbers and one UTF-16 text, which the engine
// takes as it is (decoding UTF-8 Chinese text cost more than building the objects); the
// fields are cut out by their lengths (a third of the cost of splitting on a separator).
// ignoreBOM: a leading U+FEFF is text here, as in JSON.
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });
export function issuesAnswer(valid, priority, m, headAt, headLength, textAt, textLength) {
  const head = new Uint32Array(m.buffer, headAt, headLength), issues = [];
  const t = utf16.decode(new Uint16Array(m.buffer, textAt, textLength));
  let h = 0, p = 0;
  while (h < headLength) {
    let n = head[h++];
    const issue = {
      code: t.slice(p, p += head[h++]),
      severity: t.slice(p, p += head[h++]),
      path: t.slice(p, p += head[h++]),
      message: t.slice(p, p += head[h++]),
      basis: t.slice(p, p += head[h++]),
    };
    if (n > 0) {
      const list = issue.suggestions = [];
      for (; n > 0; n--) list.push(t.slice(p, p += head[h++]));
    }
    issues.push(issue);
  }
  return { valid, priority, issues };
}
export function dateAnswer(ymd) {
  const y = Math.floor(ymd / 10000), m = Math.floor(ymd / 100) % 100, d = ymd % 100;
  const date = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  return { valid: true, issues: [], date };
}
export function workingAnswer(working) { return { valid: true, issues: [], working }; }
export function countAnswer(days) { return { valid: true, issues: [], days }; }
const OBJECT_PROTO = Object.prototype, ARRAY_PROTO = Array.prototype;
const protoOf = Object.getPrototypeOf, isArray = Array.isArray, isSafe = Number.isSafeInteger;
const encoder = new TextEncoder();
let memory = null, textAt = 0, textCap = 0, tapeAt = 0, tapeCap = 0, textView = null, floats = null;
// `tape` is the view the walk writes to: the tape buffer itself, so nothing is copied.
let tape = null, n = 0, text = '', busy = false;
// Field names of the models, written as numbers (-100 - i) instead of text.
const keyIds = Object.create(null);
export function bindTape(m, textPtr, textLen, tapePtr, tapeLen, keys) {
  memory = m; textAt = textPtr; textCap = textLen; tapeAt = tapePtr; tapeCap = tapeLen;
  textView = null;
  keys.split(',').forEach((key, i) => { keyIds[key] = i; });
}
// The document walker (see walk_document below). Each function returns false, and the
// walk gives up, wherever its reading could differ from JSON.stringify's.
function walkObject(o, depth) {
  if (depth > 3 || typeof o.toJSON === 'function') return false;
  if (isArray(o)) {
    if (protoOf(o) !== ARRAY_PROTO) return false;
    const length = o.length;
    if (length > 64) return false;
    tape[n++] = -7;
    for (let i = 0; i < length; i++) {
      const v = o[i];
      if (v === undefined || !walkValue(v, depth)) return false;
    }
    tape[n++] = -8;
    return true;
  }
  const proto = protoOf(o);
  if (proto !== OBJECT_PROTO && proto !== null) return false;
  tape[n++] = -5;
  let keys = 0;
  for (const key in o) {
    const v = o[key];
    if (v === undefined) continue;
    if (++keys > 16) return false;
    const id = keyIds[key];
    if (id === undefined) {
      text += key;
      tape[n++] = key.length;
    } else tape[n++] = -100 - id;
    if (!walkValue(v, depth)) return false;
  }
  tape[n++] = -6;
  return true;
}
function walkValue(v, depth) {
  switch (typeof v) {
    case 'string': text += v; tape[n++] = v.length; return true;
    case 'number': if (!isSafe(v)) return false; tape[n++] = -4; tape[n++] = v; return true;
    case 'boolean': tape[n++] = v ? -3 : -2; return true;
    case 'object': if (v === null) { tape[n++] = -1; return true; } return walkObject(v, depth + 1);
    default: return false;
  }
}
function views() {
  // Views over a memory that has since grown are detached, with length 0.
  if (textView === null || textView.length === 0) {
    textView = new Uint8Array(memory.buffer, textAt, textCap);
    floats = new Float64Array(memory.buffer, tapeAt, tapeCap);
  }
}
export function walkDocument(doc) {
  if (busy || memory === null || doc === null || typeof doc !== 'object') return -1;
  for (const _ in OBJECT_PROTO) return -1;
  busy = true;
  try {
    views();
    tape = floats;
    n = 2;
    text = '';
    if (!walkObject(doc, 0) || n > tapeCap || text.length * 3 > textCap) return -1;
    // A getter that made memory grow detached `tape` (writes to it were dropped).
    if (tape.length === 0) return -1;
    const encoded = encoder.encodeInto(text, textView);
    if (encoded.read !== text.length) return -1;
    tape[0] = encoded.written;
    tape[1] = text.length;
    return n;
  } catch (_) {
    return -1;
  } finally {
    busy = false;
    text = '';
  }
}
function digits(v, from, to) {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}
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
        // YYYY-MM-DD with a month 01-12, read without a regex or slices (half the time).
        if (typeof v !== 'string' || v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return -1;
        const y = digits(v, 0, 4), m = digits(v, 5, 7), d = digits(v, 8, 10);
        if (y < 0 || m < 1 || m > 12 || d < 0) return -1;
        code += y * 10000 + m * 100 + d;
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
    /// `{ valid, priority, issues }` with the issues a [`Crossing`] holds: `head_length`
    /// numbers at `head_at` and `text_length` UTF-16 units at `text_at` in `memory` (views,
    /// not copies).
    #[wasm_bindgen(js_name = issuesAnswer)]
    fn issues_answer(
        valid: bool,
        priority: bool,
        memory: JsValue,
        head_at: u32,
        head_length: u32,
        text_at: u32,
        text_length: u32,
    ) -> JsValue;
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
    /// Tells the walker where the tape and text buffers are (once; they never move).
    #[wasm_bindgen(js_name = bindTape)]
    fn bind_tape(
        memory: JsValue,
        text_at: u32,
        text_len: u32,
        tape_at: u32,
        tape_len: u32,
        keys: &str,
    );
    /// Walks a document onto the tape (format in `qinqing_core::ffi::complaint_from_tape`);
    /// the number of codes written, or `-1` where its reading could differ from
    /// `JSON.stringify`'s (anything but plain objects, arrays, strings, safe integers,
    /// booleans and null; `toJSON`; too deep or too large; a call from
    /// inside a getter of a document being walked).
    #[wasm_bindgen(js_name = walkDocument)]
    fn walk_document(document: &JsValue) -> i32;
}

/// Room for the text of a walked document: 16,384 UTF-16 units, far more than any real
/// complaint (a description is at most 5,000 characters). Larger ones take `JSON.stringify`.
const TEXT_BYTES: usize = 48 * 1024;
/// Room for the tape's codes (a complaint needs about 70).
const TAPE_CODES: usize = 1024;

/// The buffers JavaScript walks documents into, made on first use and never resized (the
/// walker keeps their addresses).
struct Buffers {
    text: Vec<u8>,
    tape: Vec<f64>,
}

thread_local! {
    static BUFFERS: RefCell<Option<Buffers>> = const { RefCell::new(None) };
}

/// Runs `read` on a JavaScript document walked onto the tape (format in
/// `qinqing_core::ffi::complaint_from_tape`) by a walker in JavaScript instead of through
/// `JSON.stringify` and a text crossing; `None` when the walker or `read` gives up, and
/// [`json_text`] must decide.
pub(crate) fn with_tape<T>(
    value: &JsValue,
    read: impl FnOnce(&[f64], &[u8]) -> Option<T>,
) -> Option<T> {
    bind_buffers()?;
    // No borrow is held while JavaScript writes into the buffers.
    let codes = usize::try_from(walk_document(value)).ok()?;
    BUFFERS.with(|cell| {
        let slot = cell.try_borrow().ok()?;
        let buffers = slot.as_ref()?;
        read(buffers.tape.get(..codes)?, &buffers.text)
    })
}

/// Makes the buffers and tells JavaScript where they are, on first use.
fn bind_buffers() -> Option<()> {
    BUFFERS.with(|cell| {
        let mut slot = cell.try_borrow_mut().ok()?;
        if slot.is_none() {
            let mut buffers = Buffers {
                text: vec![0; TEXT_BYTES],
                tape: vec![0.0; TAPE_CODES],
            };
            // Addresses in WebAssembly memory, which is 32-bit.
            bind_tape(
                wasm_bindgen::memory(),
                buffers.text.as_mut_ptr() as u32,
                TEXT_BYTES as u32,
                buffers.tape.as_mut_ptr() as u32,
                TAPE_CODES as u32,
                &qinqing_core::ffi::TAPE_KEYS.join(","),
            );
            *slot = Some(buffers);
        }
        Some(())
    })
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
/// so callers may mutate it). Issues cross as numbers and one UTF-16 text ([`Crossing`]).
pub(crate) fn answer_to_js(answer: &Answer) -> JsValue {
    if answer.valid && !answer.priority && answer.issues.is_empty() {
        return valid_answer();
    }
    // Fresh buffers each time: keeping them between calls saved nothing measurable.
    let crossing = Crossing::new(&answer.issues);
    // Addresses and lengths in WebAssembly memory are 32-bit.
    issues_answer(
        answer.valid,
        answer.priority,
        wasm_bindgen::memory(),
        crossing.head.as_ptr() as u32,
        crossing.head.len() as u32,
        crossing.units.as_ptr() as u32,
        crossing.units.len() as u32,
    )
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

//! The boundary for foreign callers (the WebAssembly package, other languages).
//!
//! A JavaScript caller can hand over anything: `undefined`, a number where text belongs, an
//! object that refers to itself. The bindings stay thin by reading the input and, when it
//! cannot be read at all, asking this module for the answer to give back. The rules live
//! here, in the core, so their codes are in the one registry and their messages come in
//! both languages like every other issue.

use crate::answer::{Answer, Issue, Lang, Options, Severity};
use crate::codes::Rule;

pub(crate) static INPUT_NOT_JSON: Rule = Rule {
    code: "input.notJson",
    severity: Severity::Error,
    basis: "RFC 8259",
    zh: "提交的内容无法转换为 JSON（例如对象引用了自身，或含有 BigInt 数值），因此无法检查，请提交普通的对象。",
    en: "The value handed over cannot be turned into JSON (for example it refers to itself or holds a BigInt), so it cannot be checked; please pass a plain object.",
};

pub(crate) static INPUT_NOT_TEXT: Rule = Rule {
    code: "input.notText",
    severity: Severity::Error,
    basis: "RFC 8259",
    zh: "这里需要一段文字（字符串），收到的却是 {got}。",
    en: "Text (a string) is expected here, but {got} was received.",
};

pub(crate) static OPTIONS_INVALID: Rule = Rule {
    code: "options.invalid",
    severity: Severity::Error,
    basis: "RFC 8259",
    zh: "调用参数（options）无法识别，请对照类型说明检查字段名和取值，例如 {\"lang\":\"zh\",\"today\":\"2026-11-27\"}。",
    en: "The options could not be read; check their field names and values against the type declarations, e.g. {\"lang\":\"en\",\"today\":\"2026-11-27\"}.",
};

pub(crate) static INPUT_UNKNOWN_VALUE: Rule = Rule {
    code: "input.unknownValue",
    severity: Severity::Error,
    basis: "RFC 8259",
    zh: "“{value}”不是这里可以接受的值（应为 {allowed}）。",
    en: "`{value}` is not accepted here (expected {allowed}).",
};

/// Why a value handed over by a foreign caller could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputProblem<'a> {
    /// The value has no JSON form (cyclic object, BigInt, `undefined` where a document
    /// belongs).
    NotJson,
    /// Text was expected; `got` names what came instead, such as `number` or `undefined`.
    NotText {
        /// What the caller passed, in the caller's own words (JavaScript `typeof`).
        got: &'static str,
    },
    /// The options could not be read.
    BadOptions,
    /// A value outside a fixed set, such as a region or a number of days.
    UnknownValue {
        /// The value as given (its JSON text, or its `typeof` when it has none).
        value: &'a str,
        /// What is accepted, such as `national, guangxi`.
        allowed: &'static str,
    },
}

/// The answer for an input that could not be read; `path` points at the offending value
/// (`""` for the whole document).
pub fn rejected_input(problem: InputProblem<'_>, path: &str, lang: Lang) -> Answer {
    let issue = match problem {
        InputProblem::NotJson => Issue::new(&INPUT_NOT_JSON, path, lang, &[]),
        InputProblem::NotText { got } => Issue::new(&INPUT_NOT_TEXT, path, lang, &[("got", got)]),
        InputProblem::BadOptions => Issue::new(&OPTIONS_INVALID, path, lang, &[]),
        InputProblem::UnknownValue { value, allowed } => Issue::new(
            &INPUT_UNKNOWN_VALUE,
            path,
            lang,
            &[("value", value), ("allowed", allowed)],
        ),
    };
    Answer::from_issues(vec![issue], false)
}

/// A complaint walked out of a JavaScript object by the WebAssembly bindings, or `None`
/// when anything on the tape is not exactly what the model expects (the bindings then read
/// it with [`value_from_tape`]). When this returns a model, [`crate::validate_complaint`]
/// on it gives the answer `validate_complaint_json` gives for the object's JSON text: the
/// same field reader builds it, and it gives up wherever that reader would, and on any
/// string holding U+FFFD (the walker leaves lone surrogates to `TextEncoder`, which writes
/// them as U+FFFD, where JSON text would carry a `\u` escape).
///
/// `tape` holds numbers: first the byte length of the UTF-8 `text` used and its length in
/// UTF-16 units, then one value (the document object). A value is `-1` null, `-2` false,
/// `-3` true, `-4` followed by a number, `-5` an object: key and value pairs up to `-6`, `-7`
/// an array: values up to `-8`, or a count `n ≥ 0`: a string of `n` UTF-16 units, whose text
/// comes next in `text` (all strings, keys included, are stored back to back). A key may
/// also be `-100 - i`, the `i`-th name of [`TAPE_KEYS`].
pub fn complaint_from_tape(tape: &[f64], text: &[u8]) -> Option<crate::Complaint> {
    let (doc, unknown) = crate::validate::complaint_from_tape(tape, text)?;
    unknown.is_empty().then_some(doc)
}

/// The answer for the complaint on a tape of [`complaint_from_tape`]'s format, or `None`
/// when the bindings must read it with [`value_from_tape`]: when it answers, the answer is
/// the one `validate_complaint_json` gives for the walked object's JSON text. Unlike
/// [`complaint_from_tape`] it reads on past enum names the model does not know (a common
/// mistake), reporting them as the full path does.
pub fn validate_complaint_tape(tape: &[f64], text: &[u8], options: &Options) -> Option<Answer> {
    // Read into the model kept from the last call on this thread (its text buffers are
    // reused: no allocation per field).
    crate::validate::validate_fast(text.len(), options, |doc, unknown| {
        crate::validate::complaint_from_tape_into(tape, text, doc, unknown)
    })
}

/// The field names of the models that a tape may give by number (see
/// [`complaint_from_tape`]); the bindings hand them to their walker once.
pub const TAPE_KEYS: &[&str] = &crate::validate::TAPE_KEYS;

/// The JSON value on a tape of [`complaint_from_tape`]'s format: what `serde_json` reads
/// from the walked object's JSON text (numbers on the tape must be safe integers, which is
/// all the walker writes), or `None` when anything on it is unexpected. The bindings hand it
/// to [`crate::validate_complaint_value`] or [`crate::validate_contract_value`], which answer
/// as the `_json` entry points do for that text.
pub fn value_from_tape(tape: &[f64], text: &[u8]) -> Option<serde_json::Value> {
    crate::validate::value_from_tape(tape, text)
}

/// Reads a China date `YYYY-MM-DD` the way [`Options::today`] is read from JSON: whitespace
/// is allowed around the numbers and dashes, and years may carry a sign (chrono's
/// `NaiveDate::from_str` rules, without linking its general parser). `None` if `text` is not
/// a real date.
pub fn read_date(text: &str) -> Option<chrono::NaiveDate> {
    crate::datetime::parse_date_lenient(text)
}

/// Reads [`Options`] from JSON text such as `{"lang":"en","today":"2026-11-27"}`; `null`
/// gives the defaults. Anything else that does not fit is an `options.invalid` answer.
pub fn options_from_json(text: &str) -> Result<Options, Answer> {
    let rejected = || rejected_input(InputProblem::BadOptions, "", Lang::default());
    // serde would also read a struct from an array (`[]`): only an object or null will do.
    if !text.trim_start().starts_with(['{', 'n']) {
        return Err(rejected());
    }
    match serde_json::from_str::<Option<Options>>(text) {
        Ok(options) => Ok(options.unwrap_or_default()),
        Err(_) => Err(rejected()),
    }
}

/// [`options_from_json`] for options already parsed into a JSON value. The WebAssembly
/// bindings use it on the `JSON.stringify` text of the options (which never repeats a
/// key): reading the fields by hand keeps serde's typed-error machinery, and with it the
/// float formatter it drags in, out of the package. For objects without repeated keys the
/// answers are those of [`options_from_json`] (a test compares them).
pub fn options_from_value(value: &serde_json::Value) -> Result<Options, Answer> {
    use serde_json::Value;
    let rejected = || rejected_input(InputProblem::BadOptions, "", Lang::default());
    let fields = match value {
        Value::Null => return Ok(Options::default()),
        Value::Object(fields) => fields,
        _ => return Err(rejected()),
    };
    let mut options = Options::default();
    for (key, field) in fields {
        match key.as_str() {
            "lang" => options.lang = variant_from_value(field).ok_or_else(rejected)?,
            "today" => {
                options.today = match field {
                    Value::Null => None,
                    Value::String(text) => {
                        Some(crate::datetime::parse_date_lenient(text).ok_or_else(rejected)?)
                    }
                    _ => return Err(rejected()),
                }
            }
            // Unknown fields are ignored, as serde does for `Options`.
            _ => {}
        }
    }
    Ok(options)
}

/// A variant of a unit-only enum ([`Lang`], [`crate::Region`], [`crate::Level`] …) from a
/// JSON value, accepting what `serde_json::from_str::<T>` accepts for such an enum:
/// `"name"`, or the one-entry object `{"name": null}`. The name goes through the enum's own
/// serde names; `None` for anything else.
pub fn variant_from_value<T: serde::de::DeserializeOwned>(value: &serde_json::Value) -> Option<T> {
    use serde_json::Value;
    let name = match value {
        Value::String(name) => name.as_str(),
        Value::Object(fields) if fields.len() == 1 => match fields.iter().next() {
            Some((name, Value::Null)) => name.as_str(),
            _ => return None,
        },
        _ => return None,
    };
    crate::validate::variant(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_read_from_json() {
        let options = options_from_json(r#"{"lang":"en","today":"2026-11-27"}"#).unwrap();
        assert_eq!(options.lang, Lang::En);
        assert_eq!(
            options.today.map(|d| d.to_string()).as_deref(),
            Some("2026-11-27")
        );
        assert_eq!(options_from_json("null").unwrap(), Options::default());
        assert_eq!(options_from_json("{}").unwrap(), Options::default());
    }

    #[test]
    fn bad_options_are_an_answer() {
        for text in [
            r#"{"lang":"fr"}"#,
            r#"{"today":"2026-13-01"}"#,
            "42",
            "[]",
            "",
        ] {
            let answer = options_from_json(text).unwrap_err();
            assert!(!answer.valid, "{text}");
            assert_eq!(answer.issues[0].code, "options.invalid", "{text}");
        }
    }

    #[test]
    fn options_from_a_value_match_options_from_json() {
        for text in [
            "null",
            "{}",
            r#"{"lang":"en","today":"2026-11-27"}"#,
            r#"{"lang":"zh","today":null,"other":[1,{"x":2}]}"#,
            r#"{"lang":{"en":null}}"#,
            r#"{"lang":{"en":1}}"#,
            r#"{"lang":{"en":null,"zh":null}}"#,
            r#"{"lang":"fr"}"#,
            r#"{"lang":null}"#,
            r#"{"lang":1.5}"#,
            r#"{"lang":["en"]}"#,
            r#"{"today":" 2026 - 1 - 1 "}"#,
            r#"{"today":"+2026-1-01"}"#,
            r#"{"today":"2026-13-01"}"#,
            r#"{"today":20261127}"#,
            r#"{"today":7.5}"#,
            r#"{"today":{"a":1}}"#,
            "42",
            "4.5",
            r#""zh""#,
            "true",
        ] {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(
                options_from_value(&value),
                options_from_json(text),
                "{text}"
            );
        }
    }

    #[test]
    fn variants_read_like_serde_json() {
        use crate::{Level, Region};
        for text in [
            r#""guangxi""#,
            r#""national""#,
            r#"{"guangxi":null}"#,
            r#"{"guangxi":0}"#,
            r#""Guangxi""#,
            r#""county""#,
            "1",
            "1.5",
            "null",
            "[]",
        ] {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(
                variant_from_value::<Region>(&value),
                serde_json::from_str::<Region>(text).ok(),
                "{text}"
            );
            assert_eq!(
                variant_from_value::<Level>(&value),
                serde_json::from_str::<Level>(text).ok(),
                "{text}"
            );
            assert_eq!(
                variant_from_value::<Lang>(&value),
                serde_json::from_str::<Lang>(text).ok(),
                "{text}"
            );
        }
    }

    #[test]
    fn rejected_input_names_what_came() {
        let answer = rejected_input(InputProblem::NotText { got: "number" }, "", Lang::En);
        assert_eq!(answer.issues[0].code, "input.notText");
        assert!(answer.issues[0].message.contains("number"));
    }
}

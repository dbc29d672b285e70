//! Loading a notice year at run time (`Calendar::with_year_json`), validated with paths.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value};

use crate::answer::{Issue, Lang, Severity};
use crate::codes::Rule;
use crate::pointer::{child, index};

use super::index::{FIRST_YEAR, LAST_YEAR};
use super::sources::{NationalYear, Notice, RegionalYear, Sources};

pub(crate) static NOTICE_INVALID: Rule = Rule {
    code: "calendar.noticeInvalid",
    severity: Severity::Error,
    basis: "全国年节及纪念日放假办法",
    zh: "放假通知数据的格式不对：{detail}",
    en: "The holiday notice data is not in the expected form: {detail}",
};

pub(crate) static NOTICE_YEAR: Rule = Rule {
    code: "calendar.noticeYear",
    severity: Severity::Error,
    basis: "全国年节及纪念日放假办法",
    zh: "放假通知的年份“{value}”不是 1949 至 2100 之间的年份。",
    en: "The notice year `{value}` is not a year from 1949 to 2100.",
};

pub(crate) static NOTICE_DATE: Rule = Rule {
    code: "calendar.noticeDate",
    severity: Severity::Error,
    basis: "全国年节及纪念日放假办法",
    zh: "“{value}”不是 YYYY-MM-DD 格式的有效日期。",
    en: "`{value}` is not a valid date in the form YYYY-MM-DD.",
};

pub(crate) static NOTICE_DATE_OUTSIDE_YEAR: Rule = Rule {
    code: "calendar.noticeDateOutsideYear",
    severity: Severity::Error,
    basis: "全国年节及纪念日放假办法",
    zh: "日期 {date} 既不在 {year} 年，也不在上一年 12 月，不属于这份通知。",
    en: "The date {date} is neither in {year} nor in the December before, so it cannot belong to this notice.",
};

pub(crate) static NOTICE_CONFLICT: Rule = Rule {
    code: "calendar.noticeConflict",
    severity: Severity::Error,
    basis: "全国年节及纪念日放假办法",
    zh: "日期 {date} 被同时列为放假日和上班日（或重复列出），请只保留一处。",
    en: "The date {date} is listed twice (as a day off and as a working day, or repeated); keep only one.",
};

/// Collects issues while reading one document.
struct Reader {
    lang: Lang,
    issues: Vec<Issue>,
}

impl Reader {
    fn invalid(&mut self, path: &str, detail: &str) {
        self.issues.push(Issue::new(
            &NOTICE_INVALID,
            path,
            self.lang,
            &[("detail", detail)],
        ));
    }

    /// Reads a list of `{ "date": "YYYY-MM-DD", "name"?: "…" }` at `key` of `object`.
    fn days(
        &mut self,
        object: &Map<String, Value>,
        key: &str,
        base: &str,
        year: i32,
        seen: &mut Vec<NaiveDate>,
    ) -> Vec<(NaiveDate, Cow<'static, str>)> {
        let path = child(base, key);
        let items = match object.get(key) {
            None => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.invalid(&path, "expected an array / 应为数组");
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let item_path = index(&path, i);
            // The Guangxi notice lists may hold bare strings as well as objects.
            let (date_value, name) = match item {
                Value::String(_) => (Some(item), None),
                Value::Object(fields) => (
                    fields.get("date"),
                    fields.get("name").and_then(Value::as_str),
                ),
                _ => {
                    self.invalid(
                        &item_path,
                        "expected an object with a date / 应为含 date 的对象",
                    );
                    continue;
                }
            };
            let date_path = if item.is_object() {
                child(&item_path, "date")
            } else {
                item_path.clone()
            };
            let Some(text) = date_value.and_then(Value::as_str) else {
                self.invalid(&date_path, "missing date / 缺少日期");
                continue;
            };
            let Some(date) = parse_date(text) else {
                self.issues.push(Issue::new(
                    &NOTICE_DATE,
                    date_path,
                    self.lang,
                    &[("value", text)],
                ));
                continue;
            };
            let in_year = date.year() == year;
            let december_before = date.year() == year - 1 && date.month() == 12;
            if !(in_year || december_before) {
                let args = [("date", date.to_string()), ("year", year.to_string())];
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                self.issues.push(Issue::new(
                    &NOTICE_DATE_OUTSIDE_YEAR,
                    date_path,
                    self.lang,
                    &args,
                ));
                continue;
            }
            if !first_time(seen, date) {
                self.issues.push(Issue::new(
                    &NOTICE_CONFLICT,
                    date_path,
                    self.lang,
                    &[("date", &date.to_string())],
                ));
                continue;
            }
            out.push((date, Cow::Owned(name.unwrap_or("").to_owned())));
        }
        out
    }

    fn year(&mut self, object: &Map<String, Value>, base: &str, year: i32, sources: &mut Sources) {
        let mut seen = Vec::new();
        let off = self.days(object, "off_days", base, year, &mut seen);
        let work = self.days(object, "adjusted_workdays", base, year, &mut seen);
        let notice = Notice {
            title: Cow::Owned(format!("国务院办公厅关于{year}年部分节假日安排的通知")),
            url: Cow::Owned(first_string(object, "papers")),
        };
        sources
            .national
            .insert(year, NationalYear { notice, off, work });

        let guangxi_path = child(base, "guangxi");
        match object.get("guangxi") {
            None | Some(Value::Null) => {}
            Some(Value::Object(guangxi)) => {
                let mut seen = Vec::new();
                let off = self.days(guangxi, "off_days", &guangxi_path, year, &mut seen);
                let work = self.days(guangxi, "adjusted_workdays", &guangxi_path, year, &mut seen);
                let notice = Notice {
                    title: Cow::Owned(format!(
                        "广西壮族自治区人民政府办公厅关于{year}年“壮族三月三”放假的通知"
                    )),
                    url: Cow::Owned(first_string(guangxi, "sources")),
                };
                let strip = |days: Vec<(NaiveDate, Cow<'static, str>)>| {
                    days.into_iter().map(|(date, _)| date).collect()
                };
                sources.guangxi.insert(
                    year,
                    RegionalYear {
                        notice,
                        off: strip(off),
                        work: strip(work),
                    },
                );
            }
            Some(_) => self.invalid(&guangxi_path, "expected an object / 应为对象"),
        }
    }

    fn year_number(&mut self, value: Option<&Value>, path: &str) -> Option<i32> {
        let Some(value) = value else {
            self.invalid(path, "missing year / 缺少年份");
            return None;
        };
        let year = match value {
            Value::Number(number) => number.as_i64().and_then(|n| i32::try_from(n).ok()),
            Value::String(text) => text.trim().parse().ok(),
            _ => None,
        };
        match year.filter(|year| (FIRST_YEAR..=LAST_YEAR).contains(year)) {
            Some(year) => Some(year),
            None => {
                let shown = match value {
                    Value::String(text) => text.clone(),
                    other => {
                        let mut shown = String::new();
                        write_compact(other, &mut shown);
                        shown
                    }
                };
                self.issues.push(Issue::new(
                    &NOTICE_YEAR,
                    path,
                    self.lang,
                    &[("value", &shown)],
                ));
                None
            }
        }
    }
}

/// Writes `value` as compact JSON, byte for byte what serde_json's `to_string` writes.
/// serde_json's own `Display` for `Value` also carries its pretty printer and `io::Write`
/// adapters (about 6 KB of WebAssembly), for a message that shows a mistyped year.
fn write_compact(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        // `Number`'s `Display` is the serializer's own formatting (itoa / shortest float).
        Value::Number(number) => out.push_str(&number.to_string()),
        Value::String(text) => write_compact_str(text, out),
        Value::Array(items) => {
            out.push('[');
            for (at, item) in items.iter().enumerate() {
                if at > 0 {
                    out.push(',');
                }
                write_compact(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (at, (key, item)) in map.iter().enumerate() {
                if at > 0 {
                    out.push(',');
                }
                write_compact_str(key, out);
                out.push(':');
                write_compact(item, out);
            }
            out.push('}');
        }
    }
}

/// A JSON string with serde_json's escapes: `\"`, `\\`, `\b \f \n \r \t` and `\u00xx`
/// (lower-case hex) for the other control characters.
fn write_compact_str(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        let short = match c {
            '"' | '\\' => c,
            '\u{8}' => 'b',
            '\u{c}' => 'f',
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            c if c < ' ' => {
                let byte = c as usize;
                out.push_str("\\u00");
                for nibble in [byte >> 4, byte & 0xf] {
                    out.push(char::from(HEX.get(nibble).copied().unwrap_or(b'0')));
                }
                continue;
            }
            c => {
                out.push(c);
                continue;
            }
        };
        out.push('\\');
        out.push(short);
    }
    out.push('"');
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    if text.len() != 10 {
        return None;
    }
    crate::datetime::parse_ymd(text, false)
}

fn first_string(object: &Map<String, Value>, key: &str) -> String {
    object
        .get(key)
        .and_then(Value::as_array)
        .and_then(|items| items.first())
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}

/// Reads `json` (one notice year, or a whole `cn_holidays.json`) into `sources`.
pub(super) fn merge_json(sources: &mut Sources, json: &str, lang: Lang) -> Result<(), Vec<Issue>> {
    let mut reader = Reader {
        lang,
        issues: Vec::new(),
    };
    let value: Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(err) => {
            reader.invalid("", &err.to_string());
            return Err(reader.issues);
        }
    };
    let Some(object) = value.as_object() else {
        reader.invalid("", "expected a JSON object / 应为 JSON 对象");
        return Err(reader.issues);
    };
    let mut staged = sources.clone();
    match object.get("years") {
        Some(Value::Object(years)) => {
            for (key, year_value) in years {
                let path = child("/years", key);
                let Some(year) = reader.year_number(Some(&Value::String(key.clone())), &path)
                else {
                    continue;
                };
                match year_value.as_object() {
                    Some(year_object) => reader.year(year_object, &path, year, &mut staged),
                    None => reader.invalid(&path, "expected an object / 应为对象"),
                }
            }
        }
        Some(_) => reader.invalid(
            "/years",
            "expected an object keyed by year / 应为以年份为键的对象",
        ),
        None => {
            if let Some(year) = reader.year_number(object.get("year"), "/year") {
                reader.year(object, "", year, &mut staged);
            }
        }
    }
    if reader.issues.is_empty() {
        *sources = staged;
        Ok(())
    } else {
        Err(reader.issues)
    }
}

/// Records `date` in `seen` (kept sorted) and says whether it was new.
fn first_time(seen: &mut Vec<NaiveDate>, date: NaiveDate) -> bool {
    match seen.binary_search(&date) {
        Ok(_) => false,
        Err(at) => {
            seen.insert(at, date);
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_writer_matches_serde_json() {
        let values = [
            "null",
            "true",
            "false",
            "2017.5",
            "1e300",
            "-0.0",
            "18446744073709551615",
            "-9223372036854775808",
            "0.1",
            "[]",
            "{}",
            r#"[1, [2.25, null], {"b": true, "a": "x"}]"#,
            r#"{"k\"ey\\": "\u0000\u0001\u0008\u000c\n\r\t\u001f\u007f é 😀 \"q\" \\ /"}"#,
        ];
        for text in values {
            let value: Value = serde_json::from_str(text).unwrap();
            let mut mine = String::new();
            write_compact(&value, &mut mine);
            assert_eq!(mine, serde_json::to_string(&value).unwrap(), "{text}");
            assert_eq!(mine, value.to_string(), "{text}");
        }
    }
}

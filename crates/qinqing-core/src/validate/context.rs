//! What every rule shares: where an issue goes, the options, and the helpers for the checks
//! many fields need (required text, dates, non-negative numbers).
//!
//! Paths are built only when an issue is actually raised ([`Loc`] is a cheap `Copy` value),
//! so validating a clean document allocates nothing for paths.

use chrono::NaiveDate;

use crate::answer::{Issue, Options, Severity};
use crate::codes::Rule;
use crate::datetime::two;
use crate::pointer;

/// Where an issue goes, rendered to a JSON Pointer only when needed.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Loc {
    /// A fixed path such as `/complainant/uscc`.
    At(&'static str),
    /// An element of a list: `/attachments` + index, or `/attachments` + index + `/sha256`
    /// when the field is not empty.
    Item(&'static str, usize, &'static str),
}

impl Loc {
    pub(crate) fn render(self) -> String {
        match self {
            Loc::At(path) => path.to_owned(),
            Loc::Item(list, at, "") => pointer::index(list, at),
            Loc::Item(list, at, field) => pointer::child(&pointer::index(list, at), field),
        }
    }
}

/// The clause a document's shape rules cite: complaints exist for §八 handling, contracts
/// for §九 commitments.
pub(crate) const COMPLAINT_CLAUSE: &str = "§八";
/// See [`COMPLAINT_CLAUSE`].
pub(crate) const CONTRACT_CLAUSE: &str = "§九";

/// The rule-running context for one document.
pub(crate) struct Ctx<'o> {
    pub(crate) options: &'o Options,
    pub(crate) issues: Vec<Issue>,
    /// §六: set when the case must be handled first.
    pub(crate) priority: bool,
    /// Set when issues were dropped at [`MAX_ISSUES`].
    pub(crate) truncated: bool,
    clause: &'static str,
}

/// Most issues one answer lists. A 1 MiB document could otherwise hold hundreds of
/// thousands of broken list elements or unknown fields, and an answer of that size helps no
/// one (and costs memory the WebAssembly instance may not have).
pub(crate) const MAX_ISSUES: usize = 100;

pub(crate) static FIELD_REQUIRED: Rule = Rule {
    code: "field.required",
    severity: Severity::Error,
    basis: "§八、§九",
    zh: "这一项必须填写。",
    en: "This field is required.",
};

pub(crate) static NUMBER_NEGATIVE: Rule = Rule {
    code: "number.negative",
    severity: Severity::Error,
    basis: "§八、§九",
    zh: "这个数不能是负数，目前填的是 {value}。",
    en: "This number cannot be negative; it is {value}.",
};

pub(crate) static DATE_INVALID: Rule = Rule {
    code: "date.invalid",
    severity: Severity::Error,
    basis: "GB/T 7408",
    zh: "“{value}”不是有效的日期，请按“2026-11-02”的格式填写年-月-日。",
    en: "“{value}” is not a valid date; please write it as year-month-day, like 2026-11-02.",
};

pub(crate) static DATE_FUTURE: Rule = Rule {
    code: "date.future",
    severity: Severity::Error,
    basis: "§八、§九",
    zh: "这个日期（{value}）晚于今天（{today}），请检查是否填错。",
    en: "This date ({value}) is later than today ({today}); please check it.",
};

impl<'o> Ctx<'o> {
    pub(crate) fn new(options: &'o Options, clause: &'static str) -> Ctx<'o> {
        Ctx {
            options,
            issues: Vec::new(),
            priority: false,
            truncated: false,
            clause,
        }
    }

    /// Raises `rule` at `loc`; returns the issue (to add suggestions or a specific basis), or
    /// `None` when the answer is full.
    pub(crate) fn report(
        &mut self,
        rule: &'static Rule,
        loc: Loc,
        args: &[(&str, &str)],
    ) -> Option<&mut Issue> {
        if self.full() {
            return None;
        }
        self.issues
            .push(Issue::new(rule, loc.render(), self.options.lang, args));
        self.issues.last_mut()
    }

    /// Raises a shape rule (required field, negative number, …), citing the document's clause.
    pub(crate) fn report_shape(&mut self, rule: &'static Rule, loc: Loc, args: &[(&str, &str)]) {
        if self.full() {
            return;
        }
        let mut issue = Issue::new(rule, loc.render(), self.options.lang, args);
        issue.basis = self.clause.into();
        self.issues.push(issue);
    }

    /// Whether the issue list is at [`MAX_ISSUES`]; marks the answer as truncated if so.
    pub(crate) fn full(&mut self) -> bool {
        if self.issues.len() >= MAX_ISSUES {
            self.truncated = true;
        }
        self.truncated
    }

    /// Reports `field.required` unless `value` holds something.
    pub(crate) fn required<'v, T>(&mut self, value: &'v Option<T>, loc: Loc) -> Option<&'v T> {
        if value.is_none() {
            self.report_shape(&FIELD_REQUIRED, loc, &[]);
        }
        value.as_ref()
    }

    /// Reports `field.required` unless `value` holds non-blank text; returns it trimmed.
    pub(crate) fn required_text<'v>(
        &mut self,
        value: &'v Option<String>,
        loc: Loc,
    ) -> Option<&'v str> {
        let text = present(value);
        if text.is_none() {
            self.report_shape(&FIELD_REQUIRED, loc, &[]);
        }
        text
    }

    /// Reports a negative number.
    pub(crate) fn non_negative(&mut self, value: Option<i64>, loc: Loc) {
        if let Some(number) = value.filter(|number| *number < 0) {
            self.report_shape(&NUMBER_NEGATIVE, loc, &[("value", &number.to_string())]);
        }
    }

    /// Checks a `YYYY-MM-DD` date: required, a real calendar day, and (when `not_after_today`
    /// and today is known) not in the future.
    pub(crate) fn date(
        &mut self,
        value: &Option<String>,
        loc: Loc,
        not_after_today: bool,
    ) -> Option<NaiveDate> {
        let text = self.required_text(value, loc)?;
        let Some(date) = parse_date(text) else {
            self.report(&DATE_INVALID, loc, &[("value", &quote(text))]);
            return None;
        };
        if let Some(today) = self
            .options
            .today
            .filter(|today| not_after_today && date > *today)
        {
            let today = today.to_string();
            self.report_shape(&DATE_FUTURE, loc, &[("value", text), ("today", &today)]);
        }
        Some(date)
    }
}

/// The trimmed text, or `None` when absent or blank.
pub(crate) fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(trim).filter(|text| !text.is_empty())
}

/// [`str::trim`] (Unicode whitespace), answered from the two ends when they cannot be
/// whitespace, which is nearly always: every rule trims every field, and the general trim
/// costs a character search per end (more so in WebAssembly).
pub(crate) fn trim(text: &str) -> &str {
    // A lead byte of U+4000 or above (or a visible ASCII character) starts no whitespace:
    // the highest whitespace character is U+3000.
    let starts_clean = text
        .as_bytes()
        .first()
        .is_some_and(|&byte| byte.is_ascii_graphic() || byte >= 0xE4);
    // Likewise at the end, from the bytes: a visible ASCII character, or a lead byte of
    // U+4000 or above three bytes from the end (valid UTF-8 then ends with that character).
    let ends_clean = match text.as_bytes() {
        [.., last] if last.is_ascii_graphic() => true,
        [.., lead, _, _] => *lead >= 0xE4,
        _ => false,
    };
    if starts_clean && ends_clean {
        text
    } else {
        text.trim()
    }
}

/// Parses exactly `YYYY-MM-DD` (ASCII digits, a real calendar day).
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let &[y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = text.as_bytes() else {
        return None;
    };
    let year = two(y1, y2)? * 100 + two(y3, y4)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, two(m1, m2)?, two(d1, d2)?)
}

/// User text quoted inside a message, cut to a readable length (a megabyte of input must not
/// become a megabyte of message).
pub(crate) fn quote(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or_default()),
        None => text.to_owned(),
    }
}

/// Fen as yuan with two decimals: 1200000 → "12000.00".
pub(crate) fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    format!("{sign}{}.{:02}", fen / 100, fen % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_real_days_in_iso_form() {
        assert_eq!(
            parse_date("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2024-2-29"), None);
        assert_eq!(parse_date("２０２４-02-01"), None);
        assert_eq!(parse_date("+024-02-01"), None);
    }

    #[test]
    fn the_trim_shortcut_agrees_with_str_trim() {
        // Every whitespace character and its neighbours, at either end, alone and around text.
        let mut ends: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .flat_map(|c| [c, char::from_u32(c as u32 + 1).unwrap_or('a')])
            .collect();
        ends.extend([
            'a', '~', '!', '\u{0}', '\u{7F}', '中', '。', '\u{FEFF}', '\u{3001}', '😀',
        ]);
        ends.extend([
            '\u{2FFF}', '\u{4000}', '\u{E000}', '\u{FFFF}', '\u{80}', '\u{A1}',
        ]);
        for &first in &ends {
            for &last in &ends {
                for middle in ["", "x", " 摊派 "] {
                    let text = format!("{first}{middle}{last}");
                    assert_eq!(trim(&text), text.trim(), "{text:?}");
                }
            }
            let alone = first.to_string();
            assert_eq!(trim(&alone), alone.trim(), "{alone:?}");
        }
        assert_eq!(trim(""), "");
    }

    #[test]
    fn quotes_are_cut_on_character_boundaries() {
        let long = "摊".repeat(100);
        assert_eq!(quote(&long).chars().count(), 41);
        assert_eq!(quote("短"), "短");
    }

    #[test]
    fn yuan_formats_fen() {
        assert_eq!(yuan(1_200_000), "12000.00");
        assert_eq!(yuan(5), "0.05");
        assert_eq!(yuan(-150), "-1.50");
    }

    #[test]
    fn item_paths() {
        assert_eq!(
            Loc::Item("/attachments", 2, "sha256").render(),
            "/attachments/2/sha256"
        );
        assert_eq!(Loc::Item("/attachments", 2, "").render(), "/attachments/2");
    }
}

//! The answer every check returns: errors are data, not exceptions.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::codes::Rule;

/// How serious an [`Issue`] is.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// The document cannot be accepted as it is.
    Error,
    /// Worth a second look, but the document may be submitted.
    Warning,
}

/// The language messages are written in. zh-CN is the default.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    /// Simplified Chinese (zh-CN).
    #[default]
    #[serde(rename = "zh", alias = "zh-CN", alias = "zh-cn", alias = "zh-Hans")]
    Zh,
    /// English.
    #[serde(rename = "en", alias = "en-US", alias = "en-GB")]
    En,
}

impl Lang {
    /// Reads a language tag such as `zh`, `zh-CN` or `en-US`; anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// What a validation call needs to know beyond the document itself.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// Language of the messages.
    pub lang: Lang,
    /// The date "today" in China (UTC+8). Rules that compare with today (a conduct date in
    /// the future, a birth date in the future) are skipped when it is `None`: the core never
    /// reads the clock.
    #[cfg_attr(feature = "ts", tsify(type = "string | null", optional))]
    #[serde(deserialize_with = "crate::datetime::deserialize_optional_date")]
    pub today: Option<NaiveDate>,
}

/// One problem found in a document.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    /// Stable machine-readable code, such as `uscc.checksum`. See [`crate::registry`].
    pub code: Cow<'static, str>,
    /// Error or warning.
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) to the offending value, in the document's own field names;
    /// `""` is the whole document.
    pub path: String,
    /// A sentence for the citizen filling in the form, in the requested language.
    pub message: String,
    /// The clause or standard the rule enforces, such as `§七` or `GB 32100-2015`.
    pub basis: Cow<'static, str>,
    /// Catalogue ids the user may want to pick instead (conduct-category hints only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
}

impl Issue {
    /// Builds the issue for `rule` at `path`, filling `{name}` placeholders of the message
    /// template from `args`.
    pub fn new(
        rule: &'static Rule,
        path: impl Into<String>,
        lang: Lang,
        args: &[(&str, &str)],
    ) -> Issue {
        Issue::build(rule, path.into(), lang, args)
    }

    /// The body of [`Issue::new`], kept out of line: issues are the rare path, and inlined
    /// into each of the hundred or so places that raise one it cost the WebAssembly package
    /// several KB.
    #[inline(never)]
    fn build(rule: &'static Rule, path: String, lang: Lang, args: &[(&str, &str)]) -> Issue {
        Issue {
            code: Cow::Borrowed(rule.code),
            severity: rule.severity,
            path,
            message: render(rule.message(lang), args),
            basis: Cow::Borrowed(rule.basis),
            suggestions: Vec::new(),
        }
    }
}

/// Fills `{name}` placeholders; unknown placeholders are left as written.
fn render(template: &str, args: &[(&str, &str)]) -> String {
    if args.is_empty() || !template.contains('{') {
        return template.to_owned();
    }
    // `split_once`, not `split_at`: no slicing that could panic, so none of core's
    // slice-error formatting is linked in for this.
    // Room for the template and every value: one allocation, no growing.
    let values: usize = args.iter().map(|(_, value)| value.len()).sum();
    let mut out = String::with_capacity(template.len() + values);
    let mut rest = template;
    while let Some((before, after_open)) = rest.split_once('{') {
        out.push_str(before);
        let Some((inner, after)) = after_open.split_once('}') else {
            out.push('{');
            out.push_str(after_open);
            return out;
        };
        let name = inner.trim_start_matches('{');
        match args.iter().find(|(key, _)| *key == name) {
            Some((_, value)) => out.push_str(value),
            None => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The verdict on one document or value.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    /// `true` when no issue is an error (warnings allowed).
    pub valid: bool,
    /// `true` when the case must be handled first (§六: real-name reports of collusion).
    pub priority: bool,
    /// Every issue found, in document order.
    pub issues: Vec<Issue>,
}

impl Answer {
    /// Builds an answer from issues; `valid` is derived from them.
    pub fn from_issues(issues: Vec<Issue>, priority: bool) -> Answer {
        let valid = !issues.iter().any(|issue| issue.severity == Severity::Error);
        Answer {
            valid,
            priority,
            issues,
        }
    }

    /// The answer with no issue at all.
    pub fn ok() -> Answer {
        Answer {
            valid: true,
            priority: false,
            issues: Vec::new(),
        }
    }

    /// Serialises the answer as compact JSON.
    pub fn to_json(&self) -> String {
        // Serialising these plain structs cannot fail; fall back to a fixed text rather than
        // panic all the same.
        serde_json::to_string(self)
            .unwrap_or_else(|_| String::from(r#"{"valid":false,"priority":false,"issues":[]}"#))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_fills_known_placeholders_and_keeps_unknown_ones() {
        assert_eq!(
            render("期望 {want}，实际 {got}", &[("want", "A"), ("got", "B")]),
            "期望 A，实际 B"
        );
        assert_eq!(render("x {nope} y", &[("want", "A")]), "x {nope} y");
        assert_eq!(render("dangling {", &[("want", "A")]), "dangling {");
        assert_eq!(render("a {{want} b {", &[("want", "A")]), "a A b {");
        assert_eq!(render("{}{x}é{want}", &[("want", "A")]), "{}{x}éA");
        assert_eq!(render("no placeholder", &[("want", "A")]), "no placeholder");
    }

    #[test]
    fn lang_tags() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("en_US"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn validity_follows_errors_not_warnings() {
        let warning = Issue {
            code: "x".into(),
            severity: Severity::Warning,
            path: String::new(),
            message: String::new(),
            basis: "".into(),
            suggestions: vec![],
        };
        assert!(Answer::from_issues(vec![warning.clone()], false).valid);
        let error = Issue {
            severity: Severity::Error,
            ..warning
        };
        assert!(!Answer::from_issues(vec![error], false).valid);
    }
}

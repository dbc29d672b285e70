//! JSON text → value, with limits that keep a hostile or broken submission from costing more
//! than it should: at most 1 MiB of text and 64 levels of nesting. Malformed text is an issue
//! with the line and column, never an error or a panic.

use serde_json::Value;

use crate::answer::{Issue, Lang, Severity};
use crate::codes::Rule;

/// Largest accepted text: a complaint is a few kilobytes; attachments travel separately.
pub(crate) const MAX_BYTES: usize = 1024 * 1024;
/// Deepest accepted nesting. The model itself is four levels deep.
pub(crate) const MAX_DEPTH: usize = 64;

pub(crate) static JSON_SYNTAX: Rule = Rule {
    code: "json.syntax",
    severity: Severity::Error,
    basis: "RFC 8259",
    zh: "提交的内容不是有效的 JSON，第 {line} 行第 {column} 列附近有格式错误。",
    en: "The submission is not valid JSON: there is a format error near line {line}, column {column}.",
};

pub(crate) static JSON_TOO_DEEP: Rule = Rule {
    code: "json.tooDeep",
    severity: Severity::Error,
    basis: "RFC 8259",
    zh: "提交的内容嵌套超过 {max} 层，无法处理；请检查生成它的程序。",
    en: "The submission is nested more than {max} levels deep and cannot be processed; please check the program that produced it.",
};

pub(crate) static JSON_TOO_LARGE: Rule = Rule {
    code: "json.tooLarge",
    severity: Severity::Error,
    basis: "RFC 8259",
    zh: "提交的内容有 {size} 字节，超过 1 MiB（1048576 字节）的上限；附件请单独上传，不要放进表单。",
    en: "The submission is {size} bytes, over the 1 MiB (1048576 bytes) limit; upload attachments separately, not inside the form.",
};

/// Parses `text`, or returns the one issue that explains why it cannot be read.
pub(crate) fn parse(text: &str, lang: Lang) -> Result<Value, Box<Issue>> {
    // RFC 8259 §8.1 lets parsers ignore a byte order mark; Windows editors still write one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_BYTES {
        return Err(Box::new(Issue::new(
            &JSON_TOO_LARGE,
            "",
            lang,
            &[("size", &text.len().to_string())],
        )));
    }
    if nesting_exceeds(text.as_bytes(), MAX_DEPTH) {
        return Err(Box::new(Issue::new(
            &JSON_TOO_DEEP,
            "",
            lang,
            &[("max", &MAX_DEPTH.to_string())],
        )));
    }
    serde_json::from_str(text).map_err(|err| {
        let line = err.line().max(1).to_string();
        let column = err.column().max(1).to_string();
        Box::new(Issue::new(
            &JSON_SYNTAX,
            "",
            lang,
            &[("line", &line), ("column", &column)],
        ))
    })
}

/// Whether brackets nest deeper than `max` outside strings. A linear scan, run before
/// parsing so that 10,000 opening brackets cost microseconds and no stack.
fn nesting_exceeds(bytes: &[u8], max: usize) -> bool {
    // Fast path: with no more opening brackets than `max` the nesting cannot exceed it, and
    // this count compiles to a vectorised loop (a typical complaint has about six).
    let opening = bytes
        .iter()
        .filter(|&&byte| byte == b'[' || byte == b'{')
        .count();
    if opening <= max {
        return false;
    }
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &byte in bytes {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_inside_strings_do_not_count() {
        let text = format!("{{\"a\": \"{}\"}}", "[".repeat(100));
        assert!(!nesting_exceeds(text.as_bytes(), 64));
        assert!(nesting_exceeds("[".repeat(65).as_bytes(), 64));
        assert!(!nesting_exceeds("[".repeat(64).as_bytes(), 64));
        assert!(!nesting_exceeds(br#"{"a":"\"[[[[","b":[]}"#, 2));
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        assert_eq!(
            parse("\u{feff}{}", Lang::Zh).ok(),
            Some(serde_json::json!({}))
        );
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let issue = parse("{\n  \"a\": 1,,\n}", Lang::En).unwrap_err();
        assert_eq!(issue.code, "json.syntax");
        assert!(issue.message.contains("line 2"), "{}", issue.message);
    }

    #[test]
    fn deep_and_large_texts_are_refused_without_parsing() {
        let deep = "[".repeat(10_000);
        assert_eq!(parse(&deep, Lang::Zh).unwrap_err().code, "json.tooDeep");
        let large = format!("\"{}\"", "a".repeat(MAX_BYTES));
        assert_eq!(parse(&large, Lang::Zh).unwrap_err().code, "json.tooLarge");
    }
}

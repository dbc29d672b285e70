//! Issues handed to JavaScript as numbers and one UTF-16 text.
//!
//! Each issue's fields are written as UTF-16, which the engine takes as it is (decoding
//! UTF-8 Chinese text cost more than building the objects), one after the other with no
//! separator, and their lengths as numbers: JavaScript decodes the text once and cuts the
//! fields out with `slice`, which costs a fraction of splitting it on a separator (and no
//! character needs escaping).
//!
//! Layout, per issue: in `head`, the number of suggestions, then the length in UTF-16 units
//! of each of its texts; in `units`, the texts: code, severity, path, message, basis, then
//! each suggestion.

use qinqing_core::{Issue, Severity};

use crate::utf16::push_field;

/// One answer's issues, written for JavaScript.
pub(crate) struct Crossing {
    /// Numbers, see the module documentation.
    pub(crate) head: Vec<u32>,
    /// The texts, as UTF-16.
    pub(crate) units: Vec<u16>,
}

impl Crossing {
    /// Writes `issues`.
    pub(crate) fn new(issues: &[Issue]) -> Crossing {
        // Room for typical issues (six numbers, about 100 units of text) without growing.
        let mut crossing = Crossing {
            head: Vec::with_capacity(issues.len() * 8),
            units: Vec::with_capacity(issues.len() * 128),
        };
        for issue in issues {
            crossing.head.push(count(issue.suggestions.len()));
            let severity = match issue.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            for text in [
                issue.code.as_ref(),
                severity,
                &issue.path,
                &issue.message,
                issue.basis.as_ref(),
            ] {
                crossing.text(text);
            }
            for suggestion in &issue.suggestions {
                crossing.text(suggestion);
            }
        }
        crossing
    }

    /// One text and its length.
    fn text(&mut self, text: &str) {
        let before = self.units.len();
        push_field(&mut self.units, text);
        self.head.push(count(self.units.len() - before));
    }
}

/// A count of things in WebAssembly memory, which is 32-bit: the cast is exact there (and
/// in the native tests, whose answers are small).
fn count(n: usize) -> u32 {
    n as u32
}

#[cfg(test)]
mod tests {
    use super::Crossing;
    use qinqing_core::{registry, Issue, Lang, Severity};
    use std::borrow::Cow;

    /// What `issuesAnswer` in `read.rs` does, in Rust: the issues back from the crossing.
    fn read_back(crossing: &Crossing) -> Vec<Issue> {
        let units = &crossing.units;
        let mut head = crossing.head.iter().map(|n| *n as usize);
        let mut at = 0;
        let mut next = |head: &mut dyn Iterator<Item = usize>| {
            let length = head.next().unwrap();
            at += length;
            String::from_utf16(&units[at - length..at]).unwrap()
        };
        let mut issues = Vec::new();
        while let Some(suggestions) = head.next() {
            let [code, severity, path, message, basis] = [(); 5].map(|()| next(&mut head));
            issues.push(Issue {
                code: Cow::Owned(code),
                severity: match severity.as_str() {
                    "error" => Severity::Error,
                    _ => Severity::Warning,
                },
                path,
                message,
                basis: Cow::Owned(basis),
                suggestions: (0..suggestions).map(|_| next(&mut head)).collect(),
            });
        }
        assert_eq!(at, units.len());
        issues
    }

    #[test]
    fn issues_come_back_as_they_were() {
        // Texts with what a separator would have been, braces, astral characters, nothing.
        let odd = ["", "\u{0}\u{1}", "}{", "a“b”c", "𝄞 x", "\u{feff}中"];
        let mut issues = Vec::new();
        for (n, rule) in registry().iter().enumerate() {
            let value = odd[n % odd.len()];
            let lang = if n % 2 == 0 { Lang::Zh } else { Lang::En };
            let mut issue = Issue::new(rule, format!("/a/{value}"), lang, &[("value", value)]);
            issue.suggestions = odd.iter().take(n % 4).map(|s| s.to_string()).collect();
            if n % 3 == 0 {
                issue.basis = Cow::Owned(value.to_owned());
                issue.severity = Severity::Warning;
            }
            issues.push(issue);
        }
        for end in [0, 1, issues.len()] {
            assert_eq!(read_back(&Crossing::new(&issues[..end])), issues[..end]);
        }
    }
}

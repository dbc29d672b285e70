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

/// The buffers one answer's issues are written to (kept between calls by the caller).
#[derive(Default)]
pub(crate) struct Crossing {
    /// Numbers, see the module documentation.
    pub(crate) head: Vec<u32>,
    /// The texts, as UTF-16.
    pub(crate) units: Vec<u16>,
}

impl Crossing {
    /// Writes `issues`, replacing what was there; `None` if a count does not fit in 32 bits
    /// (and the answer must cross another way).
    pub(crate) fn write(&mut self, issues: &[Issue]) -> Option<()> {
        self.head.clear();
        self.units.clear();
        // Room for typical issues (six numbers, about 100 units of text) without growing.
        self.head.reserve(issues.len() * 8);
        self.units.reserve(issues.len() * 128);
        for issue in issues {
            self.head.push(u32::try_from(issue.suggestions.len()).ok()?);
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
                self.text(text)?;
            }
            for suggestion in &issue.suggestions {
                self.text(suggestion)?;
            }
        }
        Some(())
    }

    /// One text and its length.
    fn text(&mut self, text: &str) -> Option<()> {
        let before = self.units.len();
        push_field(&mut self.units, text);
        self.head
            .push(u32::try_from(self.units.len() - before).ok()?);
        Some(())
    }
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
        let mut crossing = Crossing::default();
        for end in [0, 1, issues.len()] {
            crossing.write(&issues[..end]).unwrap();
            assert_eq!(read_back(&crossing), issues[..end]);
        }
    }
}

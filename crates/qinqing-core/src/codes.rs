//! The registry of issue codes: one sorted table, guarded by a test.
//!
//! Each rule family declares its [`Rule`]s as `pub(crate) static`s next to the check that
//! raises them; this file lists them all so codes stay unique and documented in one place.

use crate::answer::{Lang, Severity};

/// A stable issue code with its severity, the clause it enforces and its messages.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable dotted code, such as `uscc.checksum`. Never renamed once released.
    pub code: &'static str,
    /// Severity of the issues this rule raises.
    pub severity: Severity,
    /// The seed clause or standard it enforces, such as `§七` or `GB 32100-2015`.
    pub basis: &'static str,
    /// zh-CN message template; `{name}` placeholders are filled per issue.
    pub zh: &'static str,
    /// English message template.
    pub en: &'static str,
}

impl Rule {
    /// The message template in `lang`.
    pub fn message(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// Every rule the core can raise, sorted by code.
pub fn registry() -> &'static [&'static Rule] {
    REGISTRY
}

static REGISTRY: &[&Rule] = &[
    // Filled in by each rule family; keep sorted by code.
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_sorted_and_unique() {
        let codes: Vec<&str> = registry().iter().map(|rule| rule.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted, "codes must be sorted and unique");
    }

    #[test]
    fn every_rule_has_both_messages_and_a_basis() {
        for rule in registry() {
            assert!(!rule.zh.is_empty() && !rule.en.is_empty(), "{} lacks a message", rule.code);
            assert!(!rule.basis.is_empty(), "{} lacks a basis", rule.code);
        }
    }
}

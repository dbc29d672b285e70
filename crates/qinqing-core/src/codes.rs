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
    &crate::validate::rules::MEDIA_TYPE,
    &crate::validate::rules::SHA256,
    &crate::validate::rules::TOO_LARGE,
    &crate::validate::rules::TOO_MANY,
    &crate::calendar::DATE_OUT_OF_RANGE,
    &crate::calendar::DAYS_OUT_OF_RANGE,
    &crate::calendar::INSTANT_MALFORMED,
    &crate::calendar::NOTICE_CONFLICT,
    &crate::calendar::NOTICE_DATE,
    &crate::calendar::NOTICE_DATE_OUTSIDE_YEAR,
    &crate::calendar::NOTICE_INVALID,
    &crate::calendar::NOTICE_YEAR,
    &crate::calendar::PROVISIONAL,
    &crate::calendar::RESULT_OUT_OF_RANGE,
    &crate::calendar::YEAR_UNPUBLISHED,
    &crate::case::ILLEGAL_TRANSITION,
    &crate::case::MISSING_DETAIL,
    &crate::validate::rules::NEGOTIATED_PROHIBITED_REASON,
    &crate::validate::rules::PARTIAL_COMPENSATION,
    &crate::validate::rules::PROHIBITED_REASON,
    &crate::validate::rules::STATEMENT_CONTRADICTS_REASON,
    &crate::validate::rules::UNCOMPENSATED_LOSS,
    &crate::validate::rules::COMMITMENTS_EMPTY,
    &crate::validate::rules::CATEGORY_MISMATCH,
    &crate::validate::rules::COMMITMENT_REF_REQUIRED,
    &crate::validate::rules::DESCRIPTION_TOO_LONG,
    &crate::validate::rules::DESCRIPTION_TOO_SHORT,
    &crate::validate::rules::DATE_FUTURE,
    &crate::validate::rules::DATE_INVALID,
    &crate::validate::rules::DATETIME_INVALID,
    &crate::ids::rules::DIVISION_FORMAT,
    &crate::ids::rules::DIVISION_HISTORICAL,
    &crate::ids::rules::DIVISION_LEVEL,
    &crate::ids::rules::DIVISION_OUTSIDE_GUANGXI,
    &crate::ids::rules::DIVISION_UNKNOWN,
    &crate::validate::rules::EMAIL_INVALID,
    &crate::validate::rules::ENUM_UNKNOWN,
    &crate::validate::rules::FIELD_REQUIRED,
    &crate::validate::rules::FIELD_UNKNOWN,
    &crate::ffi::INPUT_NOT_JSON,
    &crate::ffi::INPUT_NOT_TEXT,
    &crate::ffi::INPUT_UNKNOWN_VALUE,
    &crate::validate::rules::TRUNCATED,
    &crate::validate::rules::JSON_SYNTAX,
    &crate::validate::rules::JSON_TOO_DEEP,
    &crate::validate::rules::JSON_TOO_LARGE,
    &crate::validate::rules::NUMBER_NEGATIVE,
    &crate::validate::rules::PROHIBITED_DEMAND,
    &crate::ffi::OPTIONS_INVALID,
    &crate::ids::rules::PHONE_AREA_CODE,
    &crate::ids::rules::PHONE_AREA_CODE_MISSING,
    &crate::ids::rules::PHONE_COUNTRY_CODE,
    &crate::ids::rules::PHONE_EXTENSION,
    &crate::ids::rules::PHONE_FORMAT,
    &crate::ids::rules::PHONE_LANDLINE_LENGTH,
    &crate::ids::rules::PHONE_MOBILE_LENGTH,
    &crate::ids::rules::PHONE_MOBILE_PREFIX,
    &crate::ids::rules::PHONE_SHORT_CODE,
    &crate::ids::rules::RIC_ADDRESS_CODE,
    &crate::ids::rules::RIC_BIRTH_DATE,
    &crate::ids::rules::RIC_BIRTH_FUTURE,
    &crate::ids::rules::RIC_CHECKSUM,
    &crate::ids::rules::RIC_FIRST_GENERATION,
    &crate::ids::rules::RIC_FORMAT,
    &crate::ids::rules::RIC_PROVINCE,
    &crate::validate::rules::TYPE_ARRAY,
    &crate::validate::rules::TYPE_BOOLEAN,
    &crate::validate::rules::TYPE_INTEGER,
    &crate::validate::rules::TYPE_OBJECT,
    &crate::validate::rules::TYPE_STRING,
    &crate::ids::rules::USCC_CATEGORY,
    &crate::ids::rules::USCC_CHECKSUM,
    &crate::ids::rules::USCC_FORMAT,
    &crate::ids::rules::USCC_ORG_CODE,
    &crate::ids::rules::USCC_REGION,
    &crate::validate::rules::WRITTEN_FORM_REQUIRED,
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
            assert!(
                !rule.zh.is_empty() && !rule.en.is_empty(),
                "{} lacks a message",
                rule.code
            );
            assert!(!rule.basis.is_empty(), "{} lacks a basis", rule.code);
        }
    }
}

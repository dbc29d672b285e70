//! Identifier checks: unified social credit codes, resident ID numbers, phone numbers and
//! Guangxi division codes.
//!
//! Each family lives in its own file and exposes two entry points: a public `check_*`
//! returning an [`Answer`] for one bare value (path `""`), and a crate-internal function
//! that pushes issues at a JSON-pointer path, used by the validation engine for fields
//! inside documents. The engine decides whether a field is required; these functions judge
//! a value that is present (an empty or blank string is a format error).
//!
//! Nothing here slices strings by byte offset before checking they are ASCII, and inputs
//! over 64 characters are rejected before any scanning, so no input can panic or stall.

mod division;
mod normalize;
mod phone;
mod ric;
mod uscc;

use crate::answer::{Answer, Issue, Options};
use crate::model::Level;

pub use division::{division_name, guangxi_divisions, Division};
pub use normalize::normalize_uscc;

pub(crate) use division::division;
pub(crate) use phone::phone;
pub(crate) use ric::ric;
pub(crate) use uscc::uscc;

/// Rules raised by this module, for the registry in `codes.rs`.
pub(crate) mod rules {
    pub(crate) use super::division::{
        DIVISION_FORMAT, DIVISION_HISTORICAL, DIVISION_LEVEL, DIVISION_OUTSIDE_GUANGXI,
        DIVISION_UNKNOWN,
    };
    pub(crate) use super::phone::{
        PHONE_AREA_CODE, PHONE_AREA_CODE_MISSING, PHONE_COUNTRY_CODE, PHONE_EXTENSION,
        PHONE_FORMAT, PHONE_LANDLINE_LENGTH, PHONE_MOBILE_LENGTH, PHONE_MOBILE_PREFIX,
        PHONE_SHORT_CODE,
    };
    pub(crate) use super::ric::{
        RIC_ADDRESS_CODE, RIC_BIRTH_DATE, RIC_BIRTH_FUTURE, RIC_CHECKSUM, RIC_FIRST_GENERATION,
        RIC_FORMAT, RIC_PROVINCE,
    };
    pub(crate) use super::uscc::{
        USCC_CATEGORY, USCC_CHECKSUM, USCC_FORMAT, USCC_ORG_CODE, USCC_REGION,
    };
}

fn answer(check: impl FnOnce(&mut Vec<Issue>)) -> Answer {
    let mut issues = Vec::new();
    check(&mut issues);
    Answer::from_issues(issues, false)
}

/// Checks a unified social credit code (GB 32100-2015): 18 characters, the mod-31 check
/// character (errors), the embedded GB 11714 organisation code, the authority/type pair
/// and the region digits (warnings). Case, spaces, dashes and full-width forms are ignored.
pub fn check_uscc(value: &str, options: &Options) -> Answer {
    answer(|out| uscc(value, "", options, out))
}

/// Checks a resident identity card number (GB 11643-1999), including residence permits
/// for Hong Kong, Macau and Taiwan residents and the 2023 foreign permanent resident card:
/// 18 characters, MOD 11-2 check, a real birth date not after [`Options::today`] (errors);
/// an unknown province or Guangxi county code (warnings).
pub fn check_ric(value: &str, options: &Options) -> Answer {
    answer(|out| ric(value, "", options, out))
}

/// Checks a phone number: an 11-digit mainland mobile, a landline with its area code
/// (Guangxi 077x + 7 digits), optionally with an extension, or a government hotline such
/// as 12345. +86/0086, spaces, dashes, parentheses and full-width digits are tolerated.
pub fn check_phone(value: &str, options: &Options) -> Answer {
    answer(|out| phone(value, "", options, out))
}

/// Checks a Guangxi division code (GB/T 2260), and that `level` matches it when given:
/// 450000 is the region, `xx00` a city, anything else a county. A former code is a
/// warning naming its successor.
pub fn check_division(code: &str, level: Option<Level>, options: &Options) -> Answer {
    answer(|out| division(code, level, "", "", options, out))
}

#[cfg(test)]
mod tests;

//! Identifier checks through the public API: property tests that nothing panics and that
//! well-formed values generated here (with an independent check-character helper) pass.

use proptest::prelude::*;
use qinqing_core::{
    check_division, check_phone, check_ric, check_uscc, division_name, guangxi_divisions,
    normalize_uscc, Level, Options, Severity,
};

const USCC_ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// mod-31 check character, computed with explicit powers of three.
fn uscc_with_check(first17: &str) -> String {
    let sum: u64 = first17
        .chars()
        .enumerate()
        .map(|(i, c)| USCC_ALPHABET.find(c).unwrap() as u64 * (3u64.pow(i as u32) % 31))
        .sum();
    let check = (31 - sum % 31) % 31;
    format!(
        "{first17}{}",
        USCC_ALPHABET.chars().nth(check as usize).unwrap()
    )
}

/// MOD 11-2 check character, with weights 2^(17-i) computed directly.
fn ric_with_check(body: &str) -> String {
    let sum: u64 = body
        .chars()
        .enumerate()
        .map(|(i, c)| c.to_digit(10).unwrap() as u64 * (2u64.pow(17 - i as u32) % 11))
        .sum();
    let c = "10X98765432".chars().nth((sum % 11) as usize).unwrap();
    format!("{body}{c}")
}

fn errors(answer: &qinqing_core::Answer) -> Vec<String> {
    answer
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| i.code.to_string())
        .collect()
}

proptest! {
    #[test]
    fn never_panics_on_any_string(s in "\\PC{0,80}|[0-9Xx\\-\\s+()转]{0,30}|.{0,30}") {
        let options = Options::default();
        let _ = check_uscc(&s, &options);
        let _ = check_ric(&s, &options);
        let _ = check_phone(&s, &options);
        let _ = check_division(&s, Some(Level::City), &options);
        let _ = normalize_uscc(&s);
        let _ = division_name(&s);
    }

    #[test]
    fn generated_usccs_have_a_valid_check_character(body in "[0-9A-HJ-NP-RTUWXY]{17}") {
        let code = uscc_with_check(&body);
        prop_assert!(errors(&check_uscc(&code, &Options::default())).is_empty(), "{}", code);
        prop_assert!(errors(&check_uscc(&code.to_lowercase(), &Options::default())).is_empty());
    }

    #[test]
    fn generated_rics_pass(
        province in prop::sample::select(vec!["11", "32", "44", "46", "65", "81", "83"]),
        rest in "[0-9]{4}",
        year in 1900u32..2020,
        month in 1u32..=12,
        day in 1u32..=28,
        seq in "[0-9]{3}",
    ) {
        let id = ric_with_check(&format!("{province}{rest}{year:04}{month:02}{day:02}{seq}"));
        let answer = check_ric(&id, &Options::default());
        prop_assert!(answer.valid && answer.issues.is_empty(), "{} {:?}", id, answer.issues);
    }

    #[test]
    fn every_current_division_matches_its_level(i in 0usize..126) {
        let d = guangxi_divisions()[i];
        let answer = check_division(d.code, Some(d.level), &Options::default());
        prop_assert!(answer.issues.is_empty(), "{} {:?}", d.code, answer.issues);
    }
}

#[test]
fn guangxi_ric_uses_division_data() {
    let options = Options::default();
    let current = ric_with_check("45010319900101123");
    assert!(check_ric(&current, &options).issues.is_empty());
    let unknown = ric_with_check("45019919900101123");
    let answer = check_ric(&unknown, &options);
    assert!(answer.valid);
    assert_eq!(answer.issues[0].code, "ric.addressCode");
}

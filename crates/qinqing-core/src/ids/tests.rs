//! Cross-family tests: public entry points, every rule registered and raised, and a
//! no-panic sweep over hostile strings.

use super::*;
use crate::answer::Severity;

fn nasty_strings() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        " ",
        "\0",
        "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
        "123456789012345Ｘ",
        "１２３４５６",
        "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
        "\u{202E}91110000600037341L",
        "9\u{0301}1110000600037341L",
        "4\u{0301}5\u{0301}0\u{0301}1\u{0301}0\u{0301}3\u{0301}",
        "450103\u{200B}",
        "+",
        "++86",
        "(((((",
        "转",
        "ext",
        "0771-5551234 转",
        "-",
        "86",
        "0086",
        "+86",
        "00",
        "0",
        "1",
        "X",
        "\u{FF5E}\u{FF01}",
        "\u{FFFF}\u{10FFFF}",
        "ǅǄ",
        "ß",
        "İİİİİİİİİİİİİİİİİİ",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    v.push("9".repeat(1 << 20));
    v.push("中".repeat(1 << 18));
    v.push(format!("{}{}", "1".repeat(17), "\u{0301}"));
    v.push("9".repeat(64));
    v.push("9".repeat(65));
    v
}

#[test]
fn no_panic_on_hostile_input() {
    let options = Options {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27),
        ..Options::default()
    };
    for s in nasty_strings() {
        let answers = [
            check_uscc(&s, &options),
            check_ric(&s, &options),
            check_phone(&s, &options),
            check_division(&s, Some(Level::County), &options),
        ];
        for a in answers {
            // Nothing hostile is accepted without at least a warning, except what happens
            // to be a well-formed value after clean-up.
            assert_eq!(
                a.valid,
                !a.issues.iter().any(|i| i.severity == Severity::Error)
            );
        }
        let _ = normalize_uscc(&s);
        let _ = division_name(&s);
    }
}

#[test]
fn blank_and_huge_values_are_format_errors() {
    let options = Options::default();
    for s in ["", "   ", &"1".repeat(100_000)] {
        assert_eq!(check_uscc(s, &options).issues[0].code, "uscc.format");
        assert_eq!(check_ric(s, &options).issues[0].code, "ric.format");
        assert_eq!(check_phone(s, &options).issues[0].code, "phone.format");
        assert_eq!(
            check_division(s, None, &options).issues[0].code,
            "division.format"
        );
    }
}

#[test]
fn public_answers() {
    let options = Options::default();
    let ok = check_uscc("91110000600037341L", &options);
    assert!(ok.valid && ok.issues.is_empty());
    let bad = check_uscc("91110000600037341N", &options);
    assert!(!bad.valid);
    assert_eq!(bad.issues[0].path, "");
    assert_eq!(bad.issues[0].basis, "GB 32100-2015");
    let warned = check_division("450127", None, &options);
    assert!(warned.valid);
    assert_eq!(warned.issues[0].severity, Severity::Warning);
    assert!(check_ric("360426199101010071", &options).valid);
    assert!(check_phone("0771-5551234", &options).valid);
    let outside = check_division("110101", None, &options);
    assert_eq!(outside.issues[0].basis, "§八");
}

#[test]
fn every_ids_rule_is_registered() {
    let ours = [
        &rules::DIVISION_FORMAT,
        &rules::DIVISION_HISTORICAL,
        &rules::DIVISION_LEVEL,
        &rules::DIVISION_OUTSIDE_GUANGXI,
        &rules::DIVISION_UNKNOWN,
        &rules::PHONE_AREA_CODE,
        &rules::PHONE_AREA_CODE_MISSING,
        &rules::PHONE_COUNTRY_CODE,
        &rules::PHONE_EXTENSION,
        &rules::PHONE_FORMAT,
        &rules::PHONE_LANDLINE_LENGTH,
        &rules::PHONE_MOBILE_LENGTH,
        &rules::PHONE_MOBILE_PREFIX,
        &rules::PHONE_SHORT_CODE,
        &rules::RIC_ADDRESS_CODE,
        &rules::RIC_BIRTH_DATE,
        &rules::RIC_BIRTH_FUTURE,
        &rules::RIC_CHECKSUM,
        &rules::RIC_FIRST_GENERATION,
        &rules::RIC_FORMAT,
        &rules::RIC_PROVINCE,
        &rules::USCC_CATEGORY,
        &rules::USCC_CHECKSUM,
        &rules::USCC_FORMAT,
        &rules::USCC_ORG_CODE,
        &rules::USCC_REGION,
    ];
    for rule in ours {
        assert!(
            crate::registry().iter().any(|r| std::ptr::eq(*r, rule)),
            "{} missing from REGISTRY",
            rule.code
        );
    }
}

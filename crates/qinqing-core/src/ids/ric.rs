//! Resident identity card number (公民身份号码, GB 11643-1999).
//!
//! 6-digit address code + 8-digit birth date + 3-digit sequence + ISO 7064 MOD 11-2 check
//! character (`X` = 10). Also accepted, with the same layout and check: residence permits
//! for Hong Kong, Macau and Taiwan residents (810000/820000/830000) and the 2023 foreign
//! permanent resident card (first digit 9).
//!
//! The address code is the county of registered residence when the number was issued and
//! never changes, so abolished codes stay valid; an unknown code is only a warning because
//! code lists are incomplete (python-stdnum and id-validator falsely reject real numbers).

use chrono::NaiveDate;

use crate::answer::{Issue, Options, Severity};
use crate::codes::Rule;

use super::division;
use super::normalize::compact;

const BASIS: &str = "GB 11643-1999";

pub(crate) static RIC_FORMAT: Rule = Rule {
    code: "ric.format",
    severity: Severity::Error,
    basis: BASIS,
    zh: "身份证号码应为18位，前17位是数字，最后一位是数字或X，请核对身份证。",
    en: "An ID card number has 18 characters: 17 digits and a final digit or X; please check it against the ID card.",
};

pub(crate) static RIC_FIRST_GENERATION: Rule = Rule {
    code: "ric.firstGeneration",
    severity: Severity::Error,
    basis: BASIS,
    zh: "15位的第一代身份证号码已于2013年停止使用，请填写18位的身份证号码。",
    en: "15-digit first-generation ID numbers were withdrawn in 2013; please enter the 18-digit number.",
};

pub(crate) static RIC_CHECKSUM: Rule = Rule {
    code: "ric.checksum",
    severity: Severity::Error,
    basis: BASIS,
    zh: "身份证号码的最后一位校验码不正确，请核对身份证。",
    en: "The last character of the ID card number is wrong; please check it against the ID card.",
};

pub(crate) static RIC_BIRTH_DATE: Rule = Rule {
    code: "ric.birthDate",
    severity: Severity::Error,
    basis: BASIS,
    zh: "身份证号码第7至14位的出生日期“{date}”不是有效日期，请核对身份证。",
    en: "The birth date \"{date}\" in characters 7 to 14 of the ID card number is not a real date; please check it against the ID card.",
};

pub(crate) static RIC_BIRTH_FUTURE: Rule = Rule {
    code: "ric.birthFuture",
    severity: Severity::Error,
    basis: BASIS,
    zh: "身份证号码中的出生日期“{date}”晚于今天，请核对身份证。",
    en: "The birth date \"{date}\" in the ID card number is later than today; please check it against the ID card.",
};

pub(crate) static RIC_PROVINCE: Rule = Rule {
    code: "ric.province",
    severity: Severity::Warning,
    basis: "GB/T 2260",
    zh: "身份证号码前两位“{prefix}”不是已知的省级行政区划代码，请再核对一次。",
    en: "The first two digits \"{prefix}\" of the ID card number are not a known province code; please check it once more.",
};

pub(crate) static RIC_ADDRESS_CODE: Rule = Rule {
    code: "ric.addressCode",
    severity: Severity::Warning,
    basis: "GB/T 2260",
    zh: "身份证号码前六位“{code}”不是广西现有或曾经使用过的行政区划代码，请再核对一次。",
    en: "The first six digits \"{code}\" of the ID card number are not a current or former Guangxi area code; please check it once more.",
};

/// Province-level prefixes of GB/T 2260, plus 81/82/83 used by residence permits for
/// Hong Kong, Macau and Taiwan residents.
const PROVINCES: &[&[u8; 2]] = &[
    b"11", b"12", b"13", b"14", b"15", b"21", b"22", b"23", b"31", b"32", b"33", b"34", b"35",
    b"36", b"37", b"41", b"42", b"43", b"44", b"45", b"46", b"50", b"51", b"52", b"53", b"54",
    b"61", b"62", b"63", b"64", b"65", b"71", b"81", b"82", b"83",
];

/// Birth years before this are treated as impossible (no living person, and it keeps
/// typos such as `0990` out).
const EARLIEST_BIRTH_YEAR: i32 = 1900;

/// ISO 7064 MOD 11-2 weights 2^(18-i) mod 11 for positions i = 1–17.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// ISO 7064 MOD 11-2 check character for 17 digits.
fn check_char(body: &[u8]) -> Option<u8> {
    let mut sum = 0u32;
    for (&c, &weight) in body.iter().zip(WEIGHTS.iter()) {
        sum += u32::from(c.checked_sub(b'0')?) * weight;
    }
    b"10X98765432".get(usize::try_from(sum % 11).ok()?).copied()
}

/// 17 digits and a digit or `X`: the shape of a number (which [`compact`] leaves as it is).
fn shaped(bytes: &[u8]) -> bool {
    match bytes {
        [body @ .., last] if bytes.len() == 18 => {
            body.iter().all(u8::is_ascii_digit) && (last.is_ascii_digit() || *last == b'X')
        }
        _ => false,
    }
}

fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// Checks a present value; pushes issues at `path`.
pub(crate) fn ric(value: &str, path: &str, options: &Options, out: &mut Vec<Issue>) {
    let lang = options.lang;
    // A number written as printed is its own clean-up: clean up only other text.
    let compacted;
    let id = if shaped(value.as_bytes()) {
        value
    } else {
        let Some(id) = compact(value) else {
            out.push(Issue::new(&RIC_FORMAT, path, lang, &[]));
            return;
        };
        compacted = id;
        let bytes = compacted.as_bytes();
        if bytes.len() == 15 && bytes.iter().all(u8::is_ascii_digit) {
            out.push(Issue::new(&RIC_FIRST_GENERATION, path, lang, &[]));
            return;
        }
        if !shaped(bytes) {
            out.push(Issue::new(&RIC_FORMAT, path, lang, &[]));
            return;
        }
        compacted.as_str()
    };
    let bytes = id.as_bytes();
    let (Some(body), Some(&last)) = (bytes.get(..17), bytes.get(17)) else {
        return;
    };
    if check_char(body) != Some(last) {
        out.push(Issue::new(&RIC_CHECKSUM, path, lang, &[]));
        return;
    }
    let date_text = id.get(6..14).unwrap_or_default();
    let birth = match (bytes.get(6..10), bytes.get(10..12), bytes.get(12..14)) {
        (Some(y), Some(m), Some(d)) => match (number(y), number(m), number(d)) {
            (Some(y), Some(m), Some(d)) => i32::try_from(y)
                .ok()
                .filter(|&y| y >= EARLIEST_BIRTH_YEAR)
                .and_then(|y| NaiveDate::from_ymd_opt(y, m, d)),
            _ => None,
        },
        _ => None,
    };
    // Formatted only when a message needs it: valid numbers allocate nothing here.
    let shown = || {
        format!(
            "{}-{}-{}",
            date_text.get(0..4).unwrap_or_default(),
            date_text.get(4..6).unwrap_or_default(),
            date_text.get(6..8).unwrap_or_default()
        )
    };
    match birth {
        None => out.push(Issue::new(
            &RIC_BIRTH_DATE,
            path,
            lang,
            &[("date", &shown())],
        )),
        Some(birth) => {
            if options.today.is_some_and(|today| birth > today) {
                out.push(Issue::new(
                    &RIC_BIRTH_FUTURE,
                    path,
                    lang,
                    &[("date", &shown())],
                ));
            }
        }
    }
    address(id, path, options, out);
}

/// Warns about an address code we can tell is wrong: an unknown province prefix anywhere,
/// or a Guangxi code that is neither current nor former (only Guangxi has full detail).
fn address(id: &str, path: &str, options: &Options, out: &mut Vec<Issue>) {
    let lang = options.lang;
    let (Some(prefix), Some(code)) = (id.get(..2), id.get(..6)) else {
        return;
    };
    if prefix.starts_with('9') {
        // Foreign permanent resident card (2023): the first digit 9 marks it; the rest is a
        // numeric country/issuing code we have no table for.
        return;
    }
    if !PROVINCES.iter().any(|p| p.as_slice() == prefix.as_bytes()) {
        out.push(Issue::new(&RIC_PROVINCE, path, lang, &[("prefix", prefix)]));
        return;
    }
    if prefix == "45" && !division::is_known(code) {
        out.push(Issue::new(&RIC_ADDRESS_CODE, path, lang, &[("code", code)]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_on(value: &str, today: Option<NaiveDate>) -> Vec<String> {
        let mut out = Vec::new();
        ric(
            value,
            "/ric",
            &Options {
                today,
                ..Options::default()
            },
            &mut out,
        );
        out.iter().map(|i| i.code.to_string()).collect()
    }

    fn codes(value: &str) -> Vec<String> {
        codes_on(value, NaiveDate::from_ymd_opt(2026, 11, 27))
    }

    /// Independent helper: python-stdnum's formulation, (1 - 2 * int(body, 13)) mod 11,
    /// computed digit by digit in base 13.
    fn complete(body: &str) -> String {
        let mut n: i64 = 0;
        for c in body.chars() {
            n = (n * 13 + c.to_digit(10).unwrap() as i64) % 11;
        }
        let check = (1 - 2 * n).rem_euclid(11);
        let c = if check == 10 {
            'X'
        } else {
            char::from_digit(check as u32, 10).unwrap()
        };
        format!("{body}{c}")
    }

    #[test]
    fn weights_are_powers_of_two_mod_11() {
        for (i, &weight) in WEIGHTS.iter().enumerate() {
            assert_eq!(
                u64::from(weight),
                (1u64 << (17 - i)) % 11,
                "position {}",
                i + 1
            );
        }
    }

    #[test]
    fn accepted_numbers() {
        for id in [
            "360426199101010071",
            "810000199001010000",
            "830000199001010004",
            "911000199001010013",
            complete("45018119900101123").as_str(), // 横州市, code from 2021: fine
            complete("45012719900101123").as_str(), // 横县, former
            complete("45012119900101123").as_str(), // 邕宁县, abolished 2004
            complete("45212219800101123").as_str(), // 横县 as 452122 before 2002
            complete("82000020000229002").as_str(), // Macau permit, leap day
        ] {
            assert_eq!(codes(id), Vec::<String>::new(), "{id}");
        }
    }

    #[test]
    fn lower_case_x_and_full_width() {
        let mut body = String::from("1101051949100100");
        let id = loop {
            // find a body whose check is X
            let candidate = complete(&format!("{body}1"));
            if candidate.ends_with('X') {
                break candidate;
            }
            body = format!(
                "{}{}",
                &body[..15],
                (body[15..].parse::<u8>().unwrap() + 1) % 10
            );
        };
        assert_eq!(codes(&id), Vec::<String>::new());
        assert_eq!(codes(&id.to_lowercase()), Vec::<String>::new());
        let wide: String = "３６０４２６１９９１０１０１００７１".to_owned();
        assert_eq!(codes(&wide), Vec::<String>::new());
        assert_eq!(codes("360426 19910101 0071"), Vec::<String>::new());
    }

    #[test]
    fn errors() {
        assert_eq!(codes(""), ["ric.format"]);
        assert_eq!(codes("36042619910101007"), ["ric.format"]);
        assert_eq!(codes("36042619910101007Y"), ["ric.format"]);
        assert_eq!(codes("632123820927051"), ["ric.firstGeneration"]);
        assert_eq!(codes("360426199101010072"), ["ric.checksum"]);
        assert_eq!(codes("123456789012345Ｘ"), ["ric.format"]);
        assert_eq!(codes(&complete("36042619911301007")), ["ric.birthDate"]);
        assert_eq!(codes("360426199102300070"), ["ric.birthDate"]);
        assert_eq!(codes(&complete("36042618991231007")), ["ric.birthDate"]);
        assert_eq!(codes(&complete("36042620010229007")), ["ric.birthDate"]);
        assert_eq!(codes("360426209901010076"), ["ric.birthFuture"]);
        // without today the future check is skipped
        assert_eq!(codes_on("360426209901010076", None), Vec::<String>::new());
    }

    #[test]
    fn address_warnings() {
        assert_eq!(codes(&complete("45019919900101123")), ["ric.addressCode"]);
        assert_eq!(codes(&complete("77010119900101123")), ["ric.province"]);
        // other provinces: only the prefix is checked
        assert_eq!(codes(&complete("32111919731030632")), Vec::<String>::new());
    }

    #[test]
    fn date_is_shown_in_message() {
        let mut out = Vec::new();
        ric(
            &complete("36042619911301007"),
            "",
            &Options::default(),
            &mut out,
        );
        assert!(out[0].message.contains("1991-13-01"), "{}", out[0].message);
    }
}

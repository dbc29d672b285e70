//! Unified social credit code (统一社会信用代码, GB 32100-2015).
//!
//! 18 characters from a 31-character alphabet (no I, O, S, V, Z):
//! authority (1) + type (1) + registering region (6 digits) + GB 11714 organisation code
//! (8 + its own check character) + a mod-31 check character.
//!
//! Only the mod-31 character and the shape are hard errors. The embedded organisation-code
//! check, the authority/type pair and a non-digit region are warnings: real pre-2016 codes
//! fail the first, and the authority table has grown over the years (A, N were added).

use crate::answer::{Issue, Options, Severity};
use crate::codes::Rule;

use super::normalize::compact;

const BASIS: &str = "GB 32100-2015";

pub(crate) static USCC_FORMAT: Rule = Rule {
    code: "uscc.format",
    severity: Severity::Error,
    basis: BASIS,
    zh: "统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z），请核对营业执照上的代码。",
    en: "The unified social credit code must have 18 digits or capital letters (never I, O, S, V or Z); please check it against the business licence.",
};

pub(crate) static USCC_CHECKSUM: Rule = Rule {
    code: "uscc.checksum",
    severity: Severity::Error,
    basis: BASIS,
    zh: "统一社会信用代码的最后一位校验码不正确，请核对营业执照上的代码。",
    en: "The last character of the unified social credit code is wrong; please check it against the business licence.",
};

pub(crate) static USCC_ORG_CODE: Rule = Rule {
    code: "uscc.orgCode",
    severity: Severity::Warning,
    basis: "GB 11714-1997",
    zh: "统一社会信用代码第9至17位（组织机构代码）的校验位不符合标准；2016年以前登记的部分代码如此，请再核对一次。",
    en: "The organisation code inside the unified social credit code (characters 9 to 17) does not add up; some codes issued before 2016 are like this, so please check it once more.",
};

pub(crate) static USCC_CATEGORY: Rule = Rule {
    code: "uscc.category",
    severity: Severity::Warning,
    basis: BASIS,
    zh: "统一社会信用代码前两位“{pair}”不是已公布的登记管理部门和机构类别代码，请核对营业执照上的代码。",
    en: "The first two characters \"{pair}\" of the unified social credit code are not a published registration-authority and organisation-type pair; please check it against the business licence.",
};

pub(crate) static USCC_REGION: Rule = Rule {
    code: "uscc.region",
    severity: Severity::Warning,
    basis: BASIS,
    zh: "统一社会信用代码第3至8位应为登记机关的6位数字行政区划代码，请核对营业执照上的代码。",
    en: "Characters 3 to 8 of the unified social credit code should be the six-digit area code of the registering office; please check it against the business licence.",
};

/// The 31 characters of GB 32100, in value order 0–30.
const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights 3^(i-1) mod 31 for positions 1–17.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// GB 11714 weights for the 8-character organisation-code body.
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Published authority (position 1) → organisation types (position 2).
const CATEGORIES: &[(u8, &[u8])] = &[
    (b'1', b"1239"),
    (b'2', b"19"),
    (b'3', b"123459"),
    (b'4', b"19"),
    (b'5', b"1239"),
    (b'6', b"129"),
    (b'7', b"129"),
    (b'8', b"19"),
    (b'9', b"123"),
    (b'A', b"19"),
    (b'N', b"1239"),
    (b'Y', b"1"),
];

/// One more than the position in [`ALPHABET`] of each ASCII byte; 0 for bytes outside it.
static POSITIONS: [u8; 128] = {
    let mut positions = [0; 128];
    let mut at = 0;
    while at < ALPHABET.len() {
        #[allow(clippy::indexing_slicing)] // const evaluation: out of range is a build error
        {
            positions[ALPHABET[at] as usize] = at as u8 + 1;
        }
        at += 1;
    }
    positions
};

/// Value of a character of [`ALPHABET`] (its position), by a table instead of a search:
/// this runs 18 times per code (inlined: a call each time costs more than the work in
/// WebAssembly).
#[inline]
fn char_value(c: u8) -> Option<u32> {
    let position = POSITIONS.get(usize::from(c))?.checked_sub(1)?;
    Some(u32::from(position))
}

/// The mod-31 check character for the first 17 characters. A result of 31 is written `0`,
/// which `% 31` gives directly (the npm `stdnum` bug indexed past the alphabet here).
fn check_char(body: &[u8]) -> Option<u8> {
    let mut sum = 0u32;
    for (&c, &w) in body.iter().zip(WEIGHTS.iter()) {
        sum += char_value(c)? * w;
    }
    let index = usize::try_from((31 - sum % 31) % 31).ok()?;
    ALPHABET.get(index).copied()
}

/// GB 11714 check character for the organisation-code body: values A=10 … Z=35 (all 26
/// letters, not the USCC alphabet positions), 10 → `X`, 11 → `0`.
fn org_check_char(body: &[u8]) -> Option<u8> {
    let mut sum = 0u32;
    for (&c, &w) in body.iter().zip(ORG_WEIGHTS.iter()) {
        let v = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return None,
        };
        sum += v * w;
    }
    match 11 - sum % 11 {
        10 => Some(b'X'),
        11 => Some(b'0'),
        d => u8::try_from(d).ok().map(|d| b'0' + d),
    }
}

/// The check character the first 17 of `bytes` compute and its last, when `bytes` is 18
/// characters of the alphabet; `None` otherwise.
fn check_and_last(bytes: &[u8]) -> Option<(u8, u8)> {
    let (Some(body), Some(&last), 18) = (bytes.get(..17), bytes.get(17), bytes.len()) else {
        return None;
    };
    // `check_char` is `None` exactly when a body character is outside the alphabet.
    char_value(last)?;
    Some((check_char(body)?, last))
}

fn known_category(authority: u8, kind: u8) -> bool {
    CATEGORIES
        .iter()
        .any(|&(a, kinds)| a == authority && kinds.contains(&kind))
}

/// Checks a present value; pushes issues at `path`.
pub(crate) fn uscc(value: &str, path: &str, options: &Options, out: &mut Vec<Issue>) {
    let lang = options.lang;
    // A code written as printed (18 characters of the alphabet) is its own clean-up: check
    // it as it is, and clean up only when that fails.
    let compacted;
    let mut bytes = value.as_bytes();
    let mut checked = check_and_last(bytes);
    if checked.is_none() {
        let Some(code) = compact(value) else {
            out.push(Issue::new(&USCC_FORMAT, path, lang, &[]));
            return;
        };
        compacted = code;
        bytes = compacted.as_bytes();
        checked = check_and_last(bytes);
    }
    let Some((check, last)) = checked else {
        out.push(Issue::new(&USCC_FORMAT, path, lang, &[]));
        return;
    };
    if check != last {
        // A typo makes the finer checks below meaningless; report just this.
        out.push(Issue::new(&USCC_CHECKSUM, path, lang, &[]));
        return;
    }
    if let (Some(&authority), Some(&kind)) = (bytes.first(), bytes.get(1)) {
        if !known_category(authority, kind) {
            let pair = String::from_utf8_lossy(&[authority, kind]).into_owned();
            out.push(Issue::new(&USCC_CATEGORY, path, lang, &[("pair", &pair)]));
        }
    }
    if !bytes
        .get(2..8)
        .is_some_and(|region| region.iter().all(u8::is_ascii_digit))
    {
        out.push(Issue::new(&USCC_REGION, path, lang, &[]));
    }
    let org_ok = match (bytes.get(8..16), bytes.get(16)) {
        (Some(org), Some(&c)) => org_check_char(org) == Some(c),
        _ => false,
    };
    if !org_ok {
        out.push(Issue::new(&USCC_ORG_CODE, path, lang, &[]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Lang;

    fn codes(value: &str) -> Vec<String> {
        let mut out = Vec::new();
        uscc(value, "/uscc", &Options::default(), &mut out);
        out.iter().map(|i| i.code.to_string()).collect()
    }

    /// Independent helper: computes the mod-31 character by a different route (string search
    /// and explicit powers of 3), to build synthetic vectors.
    fn complete(first17: &str) -> String {
        let alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        let mut sum = 0u64;
        let mut weight = 1u64;
        for c in first17.chars() {
            sum += alphabet.find(c).unwrap() as u64 * weight;
            weight = weight * 3 % 31;
        }
        let check = (31 - sum % 31) % 31;
        format!("{first17}{}", alphabet.chars().nth(check as usize).unwrap())
    }

    #[test]
    fn char_value_is_the_alphabet_position() {
        for c in 0..=u8::MAX {
            let position = ALPHABET.iter().position(|&a| a == c).map(|p| p as u32);
            assert_eq!(char_value(c), position, "{c}");
        }
    }

    #[test]
    fn weights_are_powers_of_three() {
        let mut w = 1;
        for expected in WEIGHTS {
            assert_eq!(w, expected);
            w = w * 3 % 31;
        }
    }

    #[test]
    fn valid_codes_pass_clean() {
        for code in [
            "91110000600037341L",
            "9111000071093123XX",
            "91100000000013477B",
            "11100000000011519T",
            "13100000500010213J",
            "531000005000160090",
            "71310106424845496E",
            "119900000106319731",
            "91350100M000100Y43",
            // check character 0 (rejected by npm stdnum 1.12.0)
            "911522010783762860",
            "91340600MA2PBP2120",
            "91620105L015101280",
            "92340603MA2UK1TD00",
            "92340604MA2PENA300",
            // letter authorities A, N, Y
            "N2450127MA5K123470",
            "Y1450100MA5K12347N",
            "A1100000MA5K12347D",
            "N1450181MA5K123479",
        ] {
            assert_eq!(codes(code), Vec::<String>::new(), "{code}");
        }
    }

    #[test]
    fn normalises_case_spaces_dashes_and_full_width() {
        for code in [
            "91110000600037341l",
            "9111 0000 6000 3734 1L",
            "911100-006000-37341L",
            "９１１１００００６０００３７３４１Ｌ",
            " 91110000600037341L\t",
        ] {
            assert_eq!(codes(code), Vec::<String>::new(), "{code}");
        }
    }

    #[test]
    fn format_and_checksum_errors() {
        for bad in [
            "",
            "   ",
            "12345",
            "9111000060003IOZSV",
            "91110000600037341L1",
            "9111000060003734中L",
            "91350100M000100Y4Z", // the standard's worked example: Z is never used
        ] {
            assert_eq!(codes(bad), ["uscc.format"], "{bad:?}");
        }
        for bad in [
            "91110000600037341N",
            "91350203M0001QKT19",
            "91350211M0000XUF46",
        ] {
            assert_eq!(codes(bad), ["uscc.checksum"], "{bad}");
        }
    }

    #[test]
    fn warnings_for_org_code_category_and_region() {
        assert_eq!(codes("91110000600037342P"), ["uscc.orgCode"]);
        assert_eq!(codes("99110000600037341U"), ["uscc.category"]);
        // region 999999 is digits: not checked further
        assert_eq!(codes("91999999600037341N"), Vec::<String>::new());
        let org = char::from(org_check_char(b"60003734").unwrap());
        let code = complete(&format!("9145A10060003734{org}"));
        assert_eq!(codes(&code), ["uscc.region"], "{code}");
    }

    #[test]
    fn synthetic_vectors_from_independent_helper() {
        for body in [
            "9145010234567890X",
            "5245030050001234X",
            "Y145000012345678X",
        ] {
            let code = complete(body);
            let out = codes(&code);
            assert!(
                !out.contains(&"uscc.checksum".to_owned()),
                "{code}: {out:?}"
            );
            let last = code.chars().last().unwrap();
            let alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
            let wrong = alphabet.chars().find(|&c| c != last).unwrap();
            let broken = format!("{}{wrong}", &code[..17]);
            assert_eq!(codes(&broken), ["uscc.checksum"]);
        }
    }

    #[test]
    fn messages_in_both_languages() {
        let mut out = Vec::new();
        let en = Options {
            lang: Lang::En,
            today: None,
        };
        uscc("99110000600037341U", "", &en, &mut out);
        assert!(out[0].message.contains("\"99\""), "{}", out[0].message);
        out.clear();
        uscc("99110000600037341U", "", &Options::default(), &mut out);
        assert!(out[0].message.contains("“99”"));
    }
}

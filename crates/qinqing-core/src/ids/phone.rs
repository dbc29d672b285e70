//! Phone numbers: mainland mobiles, landlines with area code, and government hotlines.
//!
//! Facts (shared identifiers doc §3, measured against libphonenumber 9.0.43): mobiles are 11
//! digits with the allocated prefixes below; Guangxi landlines are 077x + exactly 7 digits;
//! other area codes are 010/02x (3 digits with the trunk 0) or 0xxx (4 digits), followed by
//! 7–8 digits; 12345 (政务服务便民热线) and a few other 123xx service lines are valid short
//! numbers. Input may carry +86/0086/86, spaces, dashes, dots, parentheses, full-width
//! digits and an extension (`-8001` after a landline, `转8001`, `分机8001`, `ext. 8001`).

use crate::answer::{Issue, Options, Severity};
use crate::codes::Rule;

use super::normalize::{fold_width, is_dash, MAX_CHARS};

const BASIS: &str = "电信网编号计划";

pub(crate) static PHONE_FORMAT: Rule = Rule {
    code: "phone.format",
    severity: Severity::Error,
    basis: BASIS,
    zh: "这不是有效的电话号码，请填写11位手机号码或带区号的座机号码，例如0771-5551234。",
    en: "This is not a valid phone number; please enter an 11-digit mobile number or a landline with its area code, such as 0771-5551234.",
};

pub(crate) static PHONE_MOBILE_LENGTH: Rule = Rule {
    code: "phone.mobileLength",
    severity: Severity::Error,
    basis: BASIS,
    zh: "手机号码应为11位数字，请核对位数。",
    en: "A mobile number has 11 digits; please check the number of digits.",
};

pub(crate) static PHONE_MOBILE_PREFIX: Rule = Rule {
    code: "phone.mobilePrefix",
    severity: Severity::Warning,
    basis: BASIS,
    zh: "手机号段“{prefix}”目前未见使用，请再核对一次号码。",
    en: "Mobile numbers starting with \"{prefix}\" are not known to be in use; please check the number once more.",
};

pub(crate) static PHONE_AREA_CODE: Rule = Rule {
    code: "phone.areaCode",
    severity: Severity::Error,
    basis: BASIS,
    zh: "座机号码的区号不正确，区号应为010、02X或0XXX，广西为0770至0779。",
    en: "The area code of this landline is wrong; area codes are 010, 02X or 0XXX (0770 to 0779 in Guangxi).",
};

pub(crate) static PHONE_AREA_CODE_MISSING: Rule = Rule {
    code: "phone.areaCodeMissing",
    severity: Severity::Error,
    basis: BASIS,
    zh: "座机号码请加上区号，例如南宁为0771-5551234。",
    en: "Please add the area code to the landline number, such as 0771-5551234 for Nanning.",
};

pub(crate) static PHONE_LANDLINE_LENGTH: Rule = Rule {
    code: "phone.landlineLength",
    severity: Severity::Error,
    basis: BASIS,
    zh: "区号{area}后面的号码位数不对，应为{digits}位。",
    en:
        "The number after area code {area} has the wrong number of digits; it should have {digits}.",
};

pub(crate) static PHONE_SHORT_CODE: Rule = Rule {
    code: "phone.shortCode",
    severity: Severity::Error,
    basis: BASIS,
    zh: "短号码“{number}”不能作为联系电话；政务服务热线12345等可以填写。",
    en: "The short number \"{number}\" cannot be used as a contact number; government hotlines such as 12345 can.",
};

pub(crate) static PHONE_EXTENSION: Rule = Rule {
    code: "phone.extension",
    severity: Severity::Error,
    basis: BASIS,
    zh: "分机号只能跟在座机号码后面，分机号为1至6位数字。",
    en: "An extension can only follow a landline number and has 1 to 6 digits.",
};

pub(crate) static PHONE_COUNTRY_CODE: Rule = Rule {
    code: "phone.countryCode",
    severity: Severity::Warning,
    basis: BASIS,
    zh: "这是境外电话号码，无法核对，请确认能够接通。",
    en: "This is a phone number outside mainland China and cannot be checked; please make sure it can be reached.",
};

/// Government service short numbers accepted as a contact (libphonenumber CN short
/// numbers; 12345 is the merged 政务服务便民热线).
const SERVICE_LINES: &[&[u8]] = &[b"12315", b"12345", b"12348", b"12355", b"12366", b"12388"];

/// What a mainland number turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Mobile,
    Landline,
    Short,
}

/// A mainland-number problem: the rule and its message arguments.
type Problem = (&'static Rule, Vec<(&'static str, String)>);

/// Allocated mobile prefixes `1xy` (libphonenumber 9.0.43): bit `y` of `ALLOCATED[x]`.
/// 130–139, 145, 147, 150–153, 155–159, 162, 165–167, 170–173, 175–178, 180–189, 190–193,
/// 195–199; 161 and 174 are only partly allocated (1610, 17400–17405) and handled apart.
const ALLOCATED: [u16; 10] = [
    0,
    0,
    0,
    0b11_1111_1111, // 130–139
    0b00_1010_0000, // 145, 147
    0b11_1110_1111, // 150–153, 155–159
    0b00_1110_0100, // 162, 165–167
    0b01_1110_1111, // 170–173, 175–178
    0b11_1111_1111, // 180–189
    0b11_1110_1111, // 190–193, 195–199
];

/// Whether the mobile number `digits` (ASCII digits) starts with an allocated prefix.
fn mobile_prefix_allocated(digits: &[u8]) -> bool {
    let [b'1', x @ b'0'..=b'9', y @ b'0'..=b'9', rest @ ..] = digits else {
        return false;
    };
    match (x, y, rest) {
        (b'6', b'1', _) => rest.first() == Some(&b'0'),
        (b'7', b'4', [b'0', fifth, ..]) => (b'0'..=b'5').contains(fifth),
        (b'7', b'4', _) => false,
        _ => ALLOCATED
            .get(usize::from(x - b'0'))
            .is_some_and(|bits| bits >> (y - b'0') & 1 == 1),
    }
}

/// Whether `value` is a number the full check below passes without a word, seen from its
/// bytes alone: ASCII digits with only spaces and dashes between them, making an 11-digit
/// mobile number with an allocated prefix or a landline with a valid area code and length.
/// Nearly every number is one; the full check folds, splits and copies text first.
fn plainly_valid(value: &str) -> bool {
    if value.len() > MAX_CHARS {
        return false;
    }
    let mut digits = [0u8; 12];
    let mut len = 0;
    for &byte in value.as_bytes() {
        match byte {
            b'0'..=b'9' => {
                let Some(slot) = digits.get_mut(len) else {
                    return false;
                };
                *slot = byte;
                len += 1;
            }
            b' ' | b'-' => {}
            _ => return false,
        }
    }
    // Dialled from abroad (`00…`) or not: the full check takes the digits as they are.
    let digits = digits.get(..len).unwrap_or_default();
    let mut warnings = Vec::new();
    !digits.starts_with(b"00") && classify(digits, &mut warnings).is_ok() && warnings.is_empty()
}

/// Classifies national digits (trunk `0` kept for landlines). Warnings go to `warnings`.
fn classify(digits: &[u8], warnings: &mut Vec<Problem>) -> Result<Kind, Problem> {
    // Message arguments come from the digits, which are ASCII.
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let len = digits.len();
    let second = digits.get(1).copied().unwrap_or(b'x');
    match digits.first() {
        None => Err((&PHONE_FORMAT, vec![])),
        Some(b'1') if (3..=5).contains(&len) => {
            if SERVICE_LINES.contains(&digits) {
                Ok(Kind::Short)
            } else {
                Err((&PHONE_SHORT_CODE, vec![("number", text(digits))]))
            }
        }
        Some(b'1') if (b'3'..=b'9').contains(&second) => {
            if len != 11 {
                return Err((&PHONE_MOBILE_LENGTH, vec![]));
            }
            if !mobile_prefix_allocated(digits) {
                let prefix = text(digits.get(..3).unwrap_or_default());
                warnings.push((&PHONE_MOBILE_PREFIX, vec![("prefix", prefix)]));
            }
            Ok(Kind::Mobile)
        }
        Some(b'0') => {
            let area_len = match second {
                b'1' if digits.starts_with(b"010") => 3,
                b'2' => 3,
                b'3'..=b'9' => 4,
                _ => return Err((&PHONE_AREA_CODE, vec![])),
            };
            let area = digits.get(..area_len).unwrap_or_default();
            let subscriber = len.saturating_sub(area_len);
            let (min, max, wanted) = if area.starts_with(b"077") {
                (7, 7, "7")
            } else {
                (7, 8, "7–8")
            };
            if (min..=max).contains(&subscriber) {
                Ok(Kind::Landline)
            } else {
                Err((
                    &PHONE_LANDLINE_LENGTH,
                    vec![("area", text(area)), ("digits", wanted.to_owned())],
                ))
            }
        }
        Some(_) if (7..=8).contains(&len) => Err((&PHONE_AREA_CODE_MISSING, vec![])),
        Some(_) => Err((&PHONE_FORMAT, vec![])),
    }
}

/// Text on the stack holding up to `N` bytes, so the check allocates nothing.
#[derive(Debug, Clone, Copy)]
struct Text<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

/// The input after width folding: at most [`MAX_CHARS`] characters of at most 4 bytes.
type Folded = Text<{ 4 * MAX_CHARS }>;

/// The digits of a number: at most [`MAX_CHARS`], plus a trunk `0` put back.
type Digits = Text<{ MAX_CHARS + 1 }>;

impl<const N: usize> Text<N> {
    fn new() -> Self {
        Text {
            bytes: [0; N],
            len: 0,
        }
    }

    /// Appends `s`; `None` if it does not fit (cannot happen within [`MAX_CHARS`]).
    fn push_str(&mut self, s: &str) -> Option<()> {
        let end = self.len.checked_add(s.len())?;
        self.bytes
            .get_mut(self.len..end)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Some(())
    }

    fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    fn as_str(&self) -> &str {
        // Only whole `&str`s are appended, so this is always valid UTF-8.
        core::str::from_utf8(self.bytes.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
}

/// `value` with full-width forms folded (see [`fold_width`]); `None` only if it overflows
/// the buffer, which input within [`MAX_CHARS`] cannot do.
fn fold(value: &str) -> Option<Folded> {
    let mut folded = Folded::new();
    for c in value.chars() {
        folded.push_str(fold_width(c).encode_utf8(&mut [0; 4]))?;
    }
    Some(folded)
}

/// The ASCII digits of `s`, in order.
fn digits_of(s: &str) -> Option<Digits> {
    let mut digits = Digits::new();
    for c in s.bytes().filter(u8::is_ascii_digit) {
        *digits.bytes.get_mut(digits.len)? = c;
        digits.len += 1;
    }
    Some(digits)
}

/// Where the number is dialled from, after the international prefix is removed.
enum Dial {
    /// Mainland number in national form.
    National(Digits),
    /// A number in another country or region; not checked further.
    Abroad,
}

fn national_digits(prefix: &str, rest: &str) -> Option<Dial> {
    let mut text = Digits::new();
    text.push_str(prefix)?;
    text.push_str(rest)?;
    Some(Dial::National(text))
}

/// Removes +86 / 0086 / a bare 86 before a mobile; puts back the trunk 0 before an area
/// code written in international form (+86 771 …). `None` only if the digits overflow
/// their buffer, which input within [`MAX_CHARS`] cannot do.
fn national(digits: &str, plus: bool) -> Option<Dial> {
    let international = if plus {
        Some(digits)
    } else {
        digits.strip_prefix("00")
    };
    if let Some(rest) = international {
        return match rest.strip_prefix("86") {
            Some(rest) if rest.starts_with('1') || rest.starts_with('0') => {
                national_digits("", rest)
            }
            Some(rest) => national_digits("0", rest),
            None => Some(Dial::Abroad),
        };
    }
    match digits.strip_prefix("86") {
        Some(rest) if digits.len() == 13 && rest.starts_with('1') => national_digits("", rest),
        _ => national_digits("", digits),
    }
}

/// Splits an explicit extension marker (转, 分机, ext) off; returns (number, extension).
fn split_extension(text: &str) -> (&str, Option<&str>) {
    // `ext` in any case; ASCII-only, so the byte offset is the same as in `text`.
    let lower_ext = text
        .as_bytes()
        .windows(3)
        .position(|w| w.eq_ignore_ascii_case(b"ext"));
    // `分机` found bytewise: a `&str` pattern links core's two-way string searcher (about
    // 2 KB of WebAssembly); a match of whole UTF-8 characters is always at a boundary.
    // Both Chinese markers are absent from ASCII text (most numbers): no search.
    let ascii = text.is_ascii();
    let fen_ji = if ascii {
        None
    } else {
        text.as_bytes()
            .windows("分机".len())
            .position(|w| w == "分机".as_bytes())
    };
    let zhuan = if ascii { None } else { text.find('转') };
    let marker = [zhuan, fen_ji, lower_ext].into_iter().flatten().min();
    let Some(at) = marker else {
        return (text, None);
    };
    let (number, rest) = (
        text.get(..at).unwrap_or_default(),
        text.get(at..).unwrap_or_default(),
    );
    let rest = rest.trim_start_matches([
        '转', '分', '机', 'e', 'E', 'x', 'X', 't', 'T', '.', ':', '#', ' ',
    ]);
    (number, Some(rest.trim()))
}

fn is_extension(digits: &str) -> bool {
    (1..=6).contains(&digits.len()) && digits.bytes().all(|c| c.is_ascii_digit())
}

/// Checks a present value; pushes issues at `path`.
pub(crate) fn phone(value: &str, path: &str, options: &Options, out: &mut Vec<Issue>) {
    if !plainly_valid(value) {
        check_in_full(value, path, options, out);
    }
}

/// [`phone`] for any value.
fn check_in_full(value: &str, path: &str, options: &Options, out: &mut Vec<Issue>) {
    let lang = options.lang;
    let push = |out: &mut Vec<Issue>, (rule, args): Problem| {
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        out.push(Issue::new(rule, path, lang, &args));
    };
    if value.chars().nth(MAX_CHARS).is_some() {
        return push(out, (&PHONE_FORMAT, vec![]));
    }
    // Most numbers are plain ASCII, which folding leaves alone: only copy the others.
    let folded_copy;
    let folded = if value.is_ascii() {
        value
    } else {
        let Some(copy) = fold(value) else {
            return push(out, (&PHONE_FORMAT, vec![]));
        };
        folded_copy = copy;
        folded_copy.as_str()
    };
    let (number, extension) = split_extension(folded.trim());
    if extension.is_some_and(|e| !is_extension(e)) {
        return push(out, (&PHONE_EXTENSION, vec![]));
    }
    let number = number.trim();
    let plus = number.trim_start_matches('(').starts_with('+');
    let body = number.trim_start_matches(['(', '+']);
    let allowed = |c: char| {
        c.is_ascii_digit() || c.is_whitespace() || is_dash(c) || matches!(c, '.' | '(' | ')')
    };
    if !body.chars().all(allowed) {
        return push(out, (&PHONE_FORMAT, vec![]));
    }
    let dial = digits_of(body).and_then(|digits| national(digits.as_str(), plus));
    let Some(dial) = dial else {
        return push(out, (&PHONE_FORMAT, vec![]));
    };
    let mut warnings = Vec::new();
    let result = match dial {
        Dial::Abroad => {
            let count = body.bytes().filter(u8::is_ascii_digit).count();
            if (7..=15).contains(&count) {
                push(out, (&PHONE_COUNTRY_CODE, vec![]));
            } else {
                push(out, (&PHONE_FORMAT, vec![]));
            }
            return;
        }
        Dial::National(digits) => classify(digits.as_bytes(), &mut warnings),
    };
    match (result, extension) {
        (Ok(Kind::Landline), _) | (Ok(_), None) => {}
        (Ok(_), Some(_)) => return push(out, (&PHONE_EXTENSION, vec![])),
        (Err(problem), Some(_)) => return push(out, problem),
        (Err(problem), None) => {
            // `0771-5551234-8001`: the last dash group may be an extension.
            let dash_extension = body.rfind(is_dash).and_then(|at| {
                let (head, tail) = (body.get(..at)?, body.get(at..)?);
                let tail = tail.trim_start_matches(is_dash).trim();
                if !is_extension(tail) {
                    return None;
                }
                let Dial::National(head) = national(digits_of(head)?.as_str(), plus)? else {
                    return None;
                };
                let mut ignored = Vec::new();
                matches!(classify(head.as_bytes(), &mut ignored), Ok(Kind::Landline)).then_some(())
            });
            if dash_extension.is_none() {
                return push(out, problem);
            }
        }
    }
    for warning in warnings {
        push(out, warning);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(value: &str) -> Vec<String> {
        let mut out = Vec::new();
        phone(value, "/contact/phone", &Options::default(), &mut out);
        out.iter().map(|i| i.code.to_string()).collect()
    }

    #[test]
    fn accepted() {
        for number in [
            "13800138000",
            "138 0013 8000",
            "+86 138 0013 8000",
            "+86-138-0013-8000",
            "(+86)13800138000",
            "008613800138000",
            "8613800138000",
            "１３８００１３８０００",
            "＋８６　１３８００１３８０００",
            "16101234567",
            "17405123456",
            "19212345678",
            "0771-5551234",
            "07715551234",
            "(0771)5551234",
            "+86 771 555 1234",
            "0086 0771 5551234",
            "0771-555-1234",
            "0771-5551234-8001",
            "0771-5551234转8001",
            "0771-5551234 分机 8001",
            "0771-5551234 ext. 8001",
            "0771-5551234 EXT 8001",
            "010-12345678",
            "020 8765 4321",
            "0591-87654321",
            "0591-7654321",
            "12345",
            "12315",
            " 12345 ",
        ] {
            assert_eq!(codes(number), Vec::<String>::new(), "{number}");
        }
    }

    #[test]
    fn errors() {
        let cases: &[(&str, &str)] = &[
            ("", "phone.format"),
            ("   ", "phone.format"),
            ("abc", "phone.format"),
            ("138-0013-800a", "phone.format"),
            ("1410000000000", "phone.mobileLength"),
            ("1380013800", "phone.mobileLength"),
            ("12012345678", "phone.format"),
            ("07715551234 5", "phone.landlineLength"),
            ("0771-55512345", "phone.landlineLength"),
            ("0771-555123", "phone.landlineLength"),
            ("010-123456789", "phone.landlineLength"),
            ("0123-4567890", "phone.areaCode"),
            ("5551234", "phone.areaCodeMissing"),
            ("55512345", "phone.areaCodeMissing"),
            ("110", "phone.shortCode"),
            ("10086", "phone.shortCode"),
            ("13800138000转8001", "phone.extension"),
            ("0771-5551234 ext abc", "phone.extension"),
            ("0771-5551234 转 1234567", "phone.extension"),
        ];
        for (number, code) in cases {
            assert_eq!(codes(number), [*code], "{number}");
        }
    }

    #[test]
    fn warnings() {
        for number in [
            "14012345678",
            "15412345678",
            "17406123456",
            "17912345678",
            "19412345678",
            "16112345678",
        ] {
            assert_eq!(codes(number), ["phone.mobilePrefix"], "{number}");
        }
        assert_eq!(codes("+852 9123 4567"), ["phone.countryCode"]);
        assert_eq!(codes("00852 9123 4567"), ["phone.countryCode"]);
    }

    #[test]
    fn full_width_input_with_extension_markers() {
        for number in [
            "０７７１－５５５１２３４　ＥＸＴ　８００１",
            "（０７７１）５５５１２３４转８００１",
            "０７７１\u{2010}５５５１２３４\u{2010}８００１",
        ] {
            assert_eq!(codes(number), Vec::<String>::new(), "{number}");
        }
        assert_eq!(
            codes("０７７１－５５５１２３４　ｅｘｔ　ａｂｃ"),
            ["phone.extension"]
        );
        assert_eq!(codes("１３８００１３８０００é"), ["phone.format"]);
        // 64 four-byte characters: the largest input that is folded at all.
        assert_eq!(codes(&"😀".repeat(MAX_CHARS)), ["phone.format"]);
    }

    #[test]
    fn prefix_table_is_the_published_list() {
        let listed = "130 131 132 133 134 135 136 137 138 139 145 147 150 151 152 153 155 156 157 \
                      158 159 162 165 166 167 170 171 172 173 175 176 177 178 180 181 182 183 \
                      184 185 186 187 188 189 190 191 192 193 195 196 197 198 199";
        // 161 and 174 depend on the fourth and fifth digits: checked below.
        for prefix in (100..200).filter(|p| ![161, 174].contains(p)) {
            let number = format!("{prefix}00000000");
            let expected = listed.split_whitespace().any(|p| p == &number[..3]);
            assert_eq!(
                mobile_prefix_allocated(number.as_bytes()),
                expected,
                "{prefix}"
            );
        }
        assert!(mobile_prefix_allocated(b"16101234567"));
        assert!(!mobile_prefix_allocated(b"16111234567"));
        assert!(mobile_prefix_allocated(b"17405123456"));
        assert!(mobile_prefix_allocated(b"17400123456"));
        assert!(!mobile_prefix_allocated(b"17406123456"));
        assert!(!mobile_prefix_allocated(b"17391234567"[..0].as_ref()));
        assert!(!mobile_prefix_allocated(b"1a"));
    }

    #[test]
    fn the_shortcut_passes_only_what_the_full_check_passes() {
        // Every string of up to 13 pieces over digits that matter, space and dash, in the
        // shapes of mobiles and landlines (≈ 400 000 cases), plus the accepted list above.
        let mut out = Vec::new();
        let mut shortcuts = 0;
        let mut check = |text: &str| {
            if plainly_valid(text) {
                out.clear();
                check_in_full(text, "", &Options::default(), &mut out);
                assert!(out.is_empty(), "{text:?}: {out:?}");
                shortcuts += 1;
            }
        };
        for head in [
            "", "0", "00", "01", "010", "02", "07", "077", "0771", "03", "1", "13", "16", "161",
            "174", "1740", "17405", "86", "12", "-", " ",
        ] {
            for body in 0..4096u32 {
                for tail in ["1234567", "12345678", "123456", "1234", "", "-8001", " 1"] {
                    let mut text = head.to_owned();
                    for bit in 0..12 {
                        text.push(match (body >> bit) & 1 {
                            0 if bit % 5 == 4 => ' ',
                            0 if bit % 5 == 2 => '-',
                            _ => char::from(b'0' + (body as u8).wrapping_add(bit) % 10),
                        });
                    }
                    text.push_str(tail);
                    check(&text);
                    check(text.get(..text.len().min(13)).unwrap());
                }
            }
        }
        for short in ["", "0", "02", "010", "077", "0771", "1", "13", "-"] {
            check(short);
        }
        for number in [
            "13800138000",
            "138 0013 8000",
            "0771-5551234",
            "0771-555-1234",
            "010-12345678",
            "020 8765 4321",
            "0591-7654321",
            "16101234567",
            "17405123456",
        ] {
            assert!(plainly_valid(number), "{number}");
            check(number);
        }
        assert!(shortcuts > 10_000, "{shortcuts}");
        assert!(!plainly_valid(&format!(
            "{}13800138000",
            " ".repeat(MAX_CHARS)
        )));
    }

    #[test]
    fn landline_message_names_area_and_length() {
        let mut out = Vec::new();
        phone("0771-55512345", "", &Options::default(), &mut out);
        assert!(
            out[0].message.contains("0771") && out[0].message.contains('7'),
            "{}",
            out[0].message
        );
    }
}

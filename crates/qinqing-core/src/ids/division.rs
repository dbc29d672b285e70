//! Guangxi administrative division codes (GB/T 2260).
//!
//! The tables are generated from the shared facts file into `data/divisions.rs` (see
//! `data/divisions.py`) as readable `const` arrays, and packed below at compile time into
//! a few arrays of numbers plus one text of names: a lookup is a binary search over `u16`s
//! with no allocation and no I/O. Data as of 2024-12-31 (MCA list via yescallop/areacodes,
//! CC0).

use crate::answer::{Issue, Options, Severity};
use crate::codes::Rule;
use crate::model::Level;

use super::normalize::compact;
use crate::datetime::two;

/// A current Guangxi administrative division.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Division {
    /// Six-digit GB/T 2260 code, such as `450102`.
    pub code: &'static str,
    /// Official name, such as `兴宁区`.
    pub name: &'static str,
    /// Region (450000), City (prefecture level) or County (county level).
    pub level: Level,
    /// Code of the division it belongs to; `None` for the region itself.
    pub parent: Option<&'static str>,
}

/// A Guangxi code abolished or changed since 1981.
struct Former {
    code: &'static str,
    name: &'static str,
    /// Last year the code was in use.
    until: u16,
    /// Codes that took over its area (may be empty, e.g. for the old 地区 prefectures).
    successors: &'static [&'static str],
}

include!("../../data/divisions.rs");

// ---- packed tables -----------------------------------------------------------------------
//
// `CURRENT` and `FORMER` as static data cost 28 bytes of pointers and lengths per entry
// plus a text copy of every code; packed, the WebAssembly package is 6.7 KB smaller. Every
// Guangxi code is `45xxxx`, so a code is kept as the `u16` `xxxx`; levels and parents follow
// from the code (a test checks); the names are one text cut at `NAME_ENDS`. `CURRENT`
// itself is only compiled in where `guangxi_divisions` is called (the web form's list).

/// Entries in the name text: the current divisions, then the former codes.
const NAME_COUNT: usize = CURRENT.len() + FORMER.len();

/// Bytes of all names together.
const NAME_BYTES: usize = {
    let mut total = 0;
    let mut at = 0;
    while at < NAME_COUNT {
        total += name_source(at).len();
        at += 1;
    }
    total
};

/// Successor codes of all former codes together.
#[allow(clippy::indexing_slicing)] // const evaluation: out of range is a build error
const SUCCESSOR_COUNT: usize = {
    let mut total = 0;
    let mut at = 0;
    while at < FORMER.len() {
        total += FORMER[at].successors.len();
        at += 1;
    }
    total
};

/// The name of entry `at` of the name text, from the source tables (compile time only).
#[allow(clippy::indexing_slicing)] // const evaluation: out of range is a build error
const fn name_source(at: usize) -> &'static str {
    if at < CURRENT.len() {
        CURRENT[at].name
    } else {
        FORMER[at - CURRENT.len()].name
    }
}

/// `45xxxx` → `xxxx` (compile time only; the source codes are six ASCII digits).
const fn packed_code(code: &str) -> u16 {
    let mut value: u16 = 0;
    let mut rest = code.as_bytes();
    let mut skip = 2;
    while let [digit, tail @ ..] = rest {
        if skip > 0 {
            skip -= 1;
        } else {
            value = value * 10 + (*digit - b'0') as u16;
        }
        rest = tail;
    }
    value
}

/// The bytes of [`NAMES`].
#[allow(clippy::indexing_slicing)] // const evaluation: out of range is a build error
const NAME_TEXT: [u8; NAME_BYTES] = {
    let mut text = [0u8; NAME_BYTES];
    let mut end = 0;
    let mut at = 0;
    while at < NAME_COUNT {
        let name = name_source(at).as_bytes();
        let mut byte = 0;
        while byte < name.len() {
            text[end] = name[byte];
            end += 1;
            byte += 1;
        }
        at += 1;
    }
    text
};

/// Every name, current divisions first, then former codes.
static NAMES: &str = match core::str::from_utf8(&NAME_TEXT) {
    Ok(text) => text,
    Err(_) => "",
};

/// Where name `i` ends in [`NAMES`] (it starts where name `i - 1` ends).
#[allow(clippy::indexing_slicing)] // const evaluation: out of range is a build error
static NAME_ENDS: [u16; NAME_COUNT] = {
    let mut ends = [0u16; NAME_COUNT];
    let mut end = 0;
    let mut at = 0;
    while at < NAME_COUNT {
        end += name_source(at).len();
        ends[at] = end as u16;
        at += 1;
    }
    ends
};

/// Current codes (`xxxx` of `45xxxx`), sorted.
#[allow(clippy::indexing_slicing)] // const evaluation: out of range is a build error
static CURRENT_CODES: [u16; CURRENT.len()] = {
    let mut codes = [0u16; CURRENT.len()];
    let mut at = 0;
    while at < CURRENT.len() {
        codes[at] = packed_code(CURRENT[at].code);
        at += 1;
    }
    codes
};

/// A former code: `xxxx` of `45xxxx`, the last year it was used, and where its successors
/// end in [`SUCCESSORS`].
#[derive(Clone, Copy)]
struct PackedFormer {
    code: u16,
    until: u16,
    successors_end: u16,
}

/// Former codes, sorted by code then end year.
#[allow(clippy::indexing_slicing)] // const evaluation: out of range is a build error
static FORMER_CODES: [PackedFormer; FORMER.len()] = {
    let mut codes = [PackedFormer {
        code: 0,
        until: 0,
        successors_end: 0,
    }; FORMER.len()];
    let mut end = 0;
    let mut at = 0;
    while at < FORMER.len() {
        end += FORMER[at].successors.len();
        codes[at] = PackedFormer {
            code: packed_code(FORMER[at].code),
            until: FORMER[at].until,
            successors_end: end as u16,
        };
        at += 1;
    }
    codes
};

/// The successor codes (`xxxx` of `45xxxx`) of every former code, in order.
#[allow(clippy::indexing_slicing)] // const evaluation: out of range is a build error
static SUCCESSORS: [u16; SUCCESSOR_COUNT] = {
    let mut codes = [0u16; SUCCESSOR_COUNT];
    let mut end = 0;
    let mut at = 0;
    while at < FORMER.len() {
        let successors = FORMER[at].successors;
        let mut item = 0;
        while item < successors.len() {
            codes[end] = packed_code(successors[item]);
            end += 1;
            item += 1;
        }
        at += 1;
    }
    codes
};

/// Name `at` of [`NAMES`].
fn name_at(at: usize) -> Option<&'static str> {
    let start = match at.checked_sub(1) {
        Some(before) => *NAME_ENDS.get(before)?,
        None => 0,
    };
    let end = *NAME_ENDS.get(at)?;
    NAMES.get(usize::from(start)..usize::from(end))
}

/// `45xxxx` → `xxxx`; `None` for anything that is not six ASCII digits starting `45`.
fn packed(code: &str) -> Option<u16> {
    let &[b'4', b'5', a, b, c, d] = code.as_bytes() else {
        return None;
    };
    u16::try_from(two(a, b)? * 100 + two(c, d)?).ok()
}

/// The six-digit text of a packed code.
fn unpacked(code: u16) -> String {
    (450_000 + u32::from(code)).to_string()
}

pub(crate) static DIVISION_FORMAT: Rule = Rule {
    code: "division.format",
    severity: Severity::Error,
    basis: "GB/T 2260",
    zh: "行政区划代码应为6位数字，例如南宁市青秀区为450103。",
    en: "An area code has six digits; for example Qingxiu District of Nanning is 450103.",
};

pub(crate) static DIVISION_OUTSIDE_GUANGXI: Rule = Rule {
    code: "division.outsideGuangxi",
    severity: Severity::Error,
    basis: "§八",
    zh: "行政区划代码“{code}”不在广西（应以45开头）；本平台只受理广西各级政府部门的事项。",
    en: "The area code \"{code}\" is not in Guangxi (Guangxi codes start with 45); this platform only handles matters of Guangxi government bodies.",
};

pub(crate) static DIVISION_UNKNOWN: Rule = Rule {
    code: "division.unknown",
    severity: Severity::Error,
    basis: "GB/T 2260",
    zh: "“{code}”不是广西的行政区划代码，请从列表中选择所在的市、县（区）。",
    en: "\"{code}\" is not a Guangxi area code; please choose the city or county from the list.",
};

pub(crate) static DIVISION_HISTORICAL: Rule = Rule {
    code: "division.historical",
    severity: Severity::Warning,
    basis: "GB/T 2260",
    zh: "行政区划代码“{code}”（{name}）已于{year}年停用，现为：{successors}。",
    en: "The area code \"{code}\" ({name}) went out of use in {year}; it is now: {successors}.",
};

pub(crate) static DIVISION_LEVEL: Rule = Rule {
    code: "division.level",
    severity: Severity::Error,
    basis: "GB/T 2260",
    zh: "所选层级与行政区划代码“{code}”不符：该代码是{expected}。",
    en: "The level chosen does not match the area code \"{code}\": that code is {expected}.",
};

/// Every current Guangxi division (1 region + 14 cities + 111 county-level units), sorted
/// by code.
pub fn guangxi_divisions() -> &'static [Division] {
    CURRENT
}

/// The name of a Guangxi division code, current or former (e.g. `450127` → `横县`).
pub fn division_name(code: &str) -> Option<&'static str> {
    name_of(code)
}

/// Whether `code` is a current or former Guangxi code (what `name_of(code).is_some()`
/// answers, without finding the name).
pub(crate) fn is_known(code: &str) -> bool {
    packed(code).is_some_and(|code| current(code).is_some() || former(code).is_some())
}

pub(crate) fn name_of(code: &str) -> Option<&'static str> {
    packed(code).and_then(name_of_packed)
}

fn name_of_packed(code: u16) -> Option<&'static str> {
    match current(code) {
        Some(at) => name_at(at),
        None => former(code).and_then(|(at, _)| name_at(CURRENT.len() + at)),
    }
}

/// The index of a current code.
fn current(code: u16) -> Option<usize> {
    CURRENT_CODES.binary_search(&code).ok()
}

/// The index and record of the latest use of a former code (some codes were reused for
/// different counties).
fn former(code: u16) -> Option<(usize, PackedFormer)> {
    let end = FORMER_CODES.partition_point(|f| f.code <= code);
    let at = end.checked_sub(1)?;
    let record = *FORMER_CODES.get(at)?;
    (record.code == code).then_some((at, record))
}

/// The successor codes of former record `at`.
fn successors(at: usize, record: PackedFormer) -> &'static [u16] {
    let start = match at.checked_sub(1) {
        Some(before) => FORMER_CODES.get(before).map_or(0, |f| f.successors_end),
        None => 0,
    };
    SUCCESSORS
        .get(usize::from(start)..usize::from(record.successors_end))
        .unwrap_or_default()
}

/// The level a Guangxi code's shape implies: 450000 region, xx00 city, else county.
fn level_of(code: &str) -> Level {
    if code == "450000" {
        Level::Region
    } else if code.ends_with("00") {
        Level::City
    } else {
        Level::County
    }
}

fn level_words(level: Level, lang: crate::answer::Lang) -> &'static str {
    use crate::answer::Lang;
    match (level, lang) {
        (Level::Region, Lang::Zh) => "自治区级",
        (Level::City, Lang::Zh) => "设区市级",
        (Level::County, Lang::Zh) => "县（市、区）级",
        (Level::Region, Lang::En) => "region level",
        (Level::City, Lang::En) => "city level",
        (Level::County, Lang::En) => "county level",
    }
}

/// Checks a present code (and its level when given); pushes issues at `code_path`, or at
/// `level_path` for a level mismatch.
pub(crate) fn division(
    code: &str,
    level: Option<Level>,
    code_path: &str,
    level_path: &str,
    options: &Options,
    out: &mut Vec<Issue>,
) {
    let lang = options.lang;
    // Six digits as typed need no clean-up (the usual case).
    let six_digits = |code: &str| code.len() == 6 && code.bytes().all(|c| c.is_ascii_digit());
    let compacted;
    let code = if six_digits(code) {
        code
    } else {
        let Some(code) = compact(code) else {
            out.push(Issue::new(&DIVISION_FORMAT, code_path, lang, &[]));
            return;
        };
        compacted = code;
        if !six_digits(compacted.as_str()) {
            out.push(Issue::new(&DIVISION_FORMAT, code_path, lang, &[]));
            return;
        }
        compacted.as_str()
    };
    if !code.starts_with("45") {
        out.push(Issue::new(
            &DIVISION_OUTSIDE_GUANGXI,
            code_path,
            lang,
            &[("code", code)],
        ));
        return;
    }
    // Six ASCII digits starting `45`: always packs.
    let key = packed(code).unwrap_or_default();
    if current(key).is_none() {
        let Some((at, old)) = former(key) else {
            out.push(Issue::new(
                &DIVISION_UNKNOWN,
                code_path,
                lang,
                &[("code", code)],
            ));
            return;
        };
        let separator = match lang {
            crate::answer::Lang::Zh => "、",
            crate::answer::Lang::En => ", ",
        };
        // "450181 横州市、…", written straight into one string (no `join`: its generic
        // code is about 1 KB of WebAssembly).
        let mut listed = String::new();
        for &successor in successors(at, old) {
            if !listed.is_empty() {
                listed.push_str(separator);
            }
            listed.push_str(&unpacked(successor));
            if let Some(name) = name_of_packed(successor) {
                listed.push(' ');
                listed.push_str(name);
            }
        }
        if listed.is_empty() {
            listed.push_str(match lang {
                crate::answer::Lang::Zh => "已撤销，请选择现在的市、县（区）",
                crate::answer::Lang::En => "abolished; please choose the current city or county",
            });
        }
        let year = old.until.to_string();
        out.push(Issue::new(
            &DIVISION_HISTORICAL,
            code_path,
            lang,
            &[
                ("code", code),
                ("name", name_at(CURRENT.len() + at).unwrap_or_default()),
                ("year", &year),
                ("successors", &listed),
            ],
        ));
    }
    if let Some(level) = level {
        let expected = level_of(code);
        if level != expected {
            out.push(Issue::new(
                &DIVISION_LEVEL,
                level_path,
                lang,
                &[("code", code), ("expected", level_words(expected, lang))],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Lang;

    fn issues(code: &str, level: Option<Level>) -> Vec<(String, String)> {
        let mut out = Vec::new();
        division(
            code,
            level,
            "/respondent/divisionCode",
            "/respondent/level",
            &Options::default(),
            &mut out,
        );
        out.into_iter()
            .map(|i| (i.code.to_string(), i.path))
            .collect()
    }

    fn codes(code: &str, level: Option<Level>) -> Vec<String> {
        issues(code, level).into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn table_is_sorted_and_has_the_published_counts() {
        assert!(CURRENT.windows(2).all(|w| w[0].code < w[1].code));
        assert!(FORMER
            .windows(2)
            .all(|w| (w[0].code, w[0].until) <= (w[1].code, w[1].until)));
        assert_eq!(CURRENT.len(), 126);
        assert_eq!(FORMER.len(), 130);
        let count = |l: Level| CURRENT.iter().filter(|d| d.level == l).count();
        assert_eq!(
            (
                count(Level::Region),
                count(Level::City),
                count(Level::County)
            ),
            (1, 14, 111)
        );
        for d in CURRENT {
            assert_eq!(level_of(d.code), d.level, "{}", d.code);
            if let Some(parent) = d.parent {
                assert!(name_of(parent).is_some(), "{} parent {parent}", d.code);
            }
            // The packed tables keep neither level nor parent: both follow from the code.
            let expected_parent = match d.level {
                Level::Region => None,
                Level::City => Some("450000".to_owned()),
                Level::County => Some(format!("{}00", &d.code[..4])),
            };
            assert_eq!(d.parent.map(str::to_owned), expected_parent, "{}", d.code);
        }
        let nanning = CURRENT
            .iter()
            .filter(|d| d.parent == Some("450100"))
            .count();
        assert_eq!(nanning, 12);
    }

    #[test]
    fn a_code_is_known_when_it_has_a_name() {
        for code in (440_000..=460_000).map(|code: u32| code.to_string()) {
            assert_eq!(is_known(&code), name_of(&code).is_some(), "{code}");
        }
        assert!(is_known("450181") && !is_known("459999") && !is_known("45018"));
    }

    #[test]
    fn packed_tables_agree_with_the_source_tables() {
        // Name ends and successor positions are `u16`s.
        assert!(NAME_BYTES <= usize::from(u16::MAX));
        assert!(SUCCESSOR_COUNT <= usize::from(u16::MAX));
        for (at, d) in CURRENT.iter().enumerate() {
            assert_eq!(current(packed(d.code).unwrap()), Some(at));
            assert_eq!(name_of(d.code), Some(d.name));
            assert!(is_known(d.code));
            assert_eq!(unpacked(packed(d.code).unwrap()), d.code);
        }
        for f in FORMER {
            let key = packed(f.code).unwrap();
            if current(key).is_some() {
                continue;
            }
            let (at, record) = former(key).unwrap();
            // The latest record of a reused code wins.
            let latest = FORMER.iter().rfind(|g| g.code == f.code).unwrap();
            assert_eq!(name_of(f.code), Some(latest.name));
            assert!(is_known(f.code));
            assert_eq!(record.until, latest.until);
            let codes: Vec<String> = successors(at, record)
                .iter()
                .map(|&s| unpacked(s))
                .collect();
            assert_eq!(codes, latest.successors, "{}", f.code);
        }
        for bad in [
            "",
            "45",
            "4501030",
            "45010a",
            "450l03",
            "550103",
            "４５０１０３",
        ] {
            assert_eq!(packed(bad), None, "{bad}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(division_name("450103"), Some("青秀区"));
        assert_eq!(division_name("450181"), Some("横州市"));
        assert_eq!(division_name("450127"), Some("横县"));
        assert_eq!(division_name("452100"), Some("南宁地区"));
        assert_eq!(division_name("450199"), None);
        assert_eq!(division_name("４５"), None);
        assert_eq!(
            guangxi_divisions().first().map(|d| d.name),
            Some("广西壮族自治区")
        );
    }

    #[test]
    fn current_codes_and_levels() {
        assert_eq!(codes("450000", Some(Level::Region)), Vec::<String>::new());
        assert_eq!(codes("450100", Some(Level::City)), Vec::<String>::new());
        assert_eq!(codes("450181", Some(Level::County)), Vec::<String>::new());
        assert_eq!(codes("４５０１０３", None), Vec::<String>::new());
        assert_eq!(
            issues("450100", Some(Level::County)),
            [("division.level".to_owned(), "/respondent/level".to_owned())]
        );
        assert_eq!(codes("450000", Some(Level::City)), ["division.level"]);
        assert_eq!(codes("450103", Some(Level::Region)), ["division.level"]);
    }

    #[test]
    fn errors_and_warnings() {
        for bad in ["", " ", "4501", "4501030", "45010a", "四五〇一〇三"] {
            assert_eq!(codes(bad, None), ["division.format"], "{bad:?}");
        }
        assert_eq!(codes("110101", None), ["division.outsideGuangxi"]);
        assert_eq!(codes("450199", None), ["division.unknown"]);
        assert_eq!(codes("459900", Some(Level::County)), ["division.unknown"]);
        assert_eq!(codes("450127", None), ["division.historical"]);
        assert_eq!(
            codes("450127", Some(Level::City)),
            ["division.historical", "division.level"]
        );
    }

    #[test]
    fn historical_message_names_the_successor() {
        let mut out = Vec::new();
        division("450127", None, "", "", &Options::default(), &mut out);
        assert!(
            out[0].message.contains("450181 横州市"),
            "{}",
            out[0].message
        );
        assert!(out[0].message.contains("2021"), "{}", out[0].message);
        out.clear();
        let en = Options {
            lang: Lang::En,
            today: None,
        };
        division("452100", None, "", "", &en, &mut out);
        assert!(out[0].message.contains("abolished"), "{}", out[0].message);
    }
}

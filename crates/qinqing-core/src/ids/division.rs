//! Guangxi administrative division codes (GB/T 2260).
//!
//! The tables are generated from the shared facts file into `data/divisions.rs` (see
//! `data/divisions.py`) and compiled in as sorted static arrays, so a lookup is a binary
//! search with no allocation and no I/O. Data as of 2024-12-31 (MCA list via
//! yescallop/areacodes, CC0).

use crate::answer::{Issue, Options, Severity};
use crate::codes::Rule;
use crate::model::Level;

use super::normalize::compact;

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

pub(crate) fn name_of(code: &str) -> Option<&'static str> {
    current(code)
        .map(|d| d.name)
        .or_else(|| former(code).map(|f| f.name))
}

fn current(code: &str) -> Option<&'static Division> {
    let index = CURRENT.binary_search_by(|d| d.code.cmp(code)).ok()?;
    CURRENT.get(index)
}

/// The latest record of a former code (some codes were reused for different counties).
fn former(code: &str) -> Option<&'static Former> {
    let end = FORMER.partition_point(|f| f.code <= code);
    FORMER.get(end.checked_sub(1)?).filter(|f| f.code == code)
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
    let Some(compacted) = compact(code) else {
        out.push(Issue::new(&DIVISION_FORMAT, code_path, lang, &[]));
        return;
    };
    let code = compacted.as_str();
    if code.len() != 6 || !code.bytes().all(|c| c.is_ascii_digit()) {
        out.push(Issue::new(&DIVISION_FORMAT, code_path, lang, &[]));
        return;
    }
    if !code.starts_with("45") {
        out.push(Issue::new(
            &DIVISION_OUTSIDE_GUANGXI,
            code_path,
            lang,
            &[("code", code)],
        ));
        return;
    }
    if current(code).is_none() {
        let Some(old) = former(code) else {
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
        let mut successors: Vec<String> = old
            .successors
            .iter()
            .map(|s| match name_of(s) {
                Some(name) => format!("{s} {name}"),
                None => (*s).to_owned(),
            })
            .collect();
        if successors.is_empty() {
            successors.push(
                match lang {
                    crate::answer::Lang::Zh => "已撤销，请选择现在的市、县（区）",
                    crate::answer::Lang::En => {
                        "abolished; please choose the current city or county"
                    }
                }
                .to_owned(),
            );
        }
        let year = old.until.to_string();
        out.push(Issue::new(
            &DIVISION_HISTORICAL,
            code_path,
            lang,
            &[
                ("code", code),
                ("name", old.name),
                ("year", &year),
                ("successors", &successors.join(separator)),
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
                assert!(current(parent).is_some(), "{} parent {parent}", d.code);
            }
        }
        let nanning = CURRENT
            .iter()
            .filter(|d| d.parent == Some("450100"))
            .count();
        assert_eq!(nanning, 12);
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

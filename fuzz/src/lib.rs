//! What each fuzz target feeds to qinqing-core, and the properties it checks on the result.
//!
//! Every function takes raw fuzzer bytes and panics only when the core breaks a promise: a
//! panic inside the core, an answer whose `valid` flag contradicts its issues, a code missing
//! from the registry, a deadline that is not a working day, and so on. The libFuzzer targets
//! in `fuzz_targets/` are one line each; `tests/tests/fuzz_replay.rs` includes this file with
//! `#[path]` and runs every saved input through every function, so a crash found once stays
//! fixed. Keep it free of anything but `qinqing_core`, `serde_json`, `chrono` and `arbitrary`.

use arbitrary::{Arbitrary, Unstructured};
use chrono::{Days, NaiveDate};
use qinqing_core::{
    apply_case_event, check_division, check_phone, check_ric, check_uscc, detected_ids,
    normalize_uscc, registry, replay_case, validate_complaint_json, validate_complaint_value,
    validate_contract_json, validate_contract_value, Answer, Calendar, CalendarError, CaseEvent,
    CaseStage, CaseState, Issue, Lang, Level, Options, Region, ReplyState, Severity,
    MAX_WORKING_DAYS,
};
use serde_json::Value;

/// A fuzz target: raw fuzzer bytes in, a panic if the core broke a promise.
pub type Target = fn(&[u8]);

/// Every fuzz target, by name, in the order `scripts/fuzz` runs them.
pub const TARGETS: &[(&str, Target)] = &[
    ("complaint_json", complaint_json),
    ("contract_json", contract_json),
    ("document_value", document_value),
    ("calendar_year", calendar_year),
    ("ids", ids),
    ("detect_conduct", detect_conduct),
    ("deadline", deadline),
    ("working_days", working_days),
    ("case_lifecycle", case_lifecycle),
];

/// The "today" the fuzzed validations run with, so date rules are exercised.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
}

fn options(lang: Lang) -> Options {
    Options {
        lang,
        today: Some(today()),
    }
}

/// Fuzzer bytes as text: invalid UTF-8 becomes U+FFFD, as a caller that decodes leniently
/// would pass it on.
fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// The same bytes decide a second variation (language, level, costly checks), so that
/// inputs explore both without a second pass over every input.
fn selector(data: &[u8]) -> usize {
    data.len()
        .wrapping_add(data.first().map_or(0, |&b| usize::from(b)))
}

// ---------------------------------------------------------------------------------------
// Properties shared by every answer
// ---------------------------------------------------------------------------------------

/// Checks one issue: a registered code with the registry's severity, a JSON Pointer path
/// and a non-empty message and basis.
pub fn check_issue(issue: &Issue) {
    let rule = registry().iter().find(|rule| rule.code == issue.code);
    let Some(rule) = rule else {
        panic!(
            "issue code {:?} is not in the registry: {issue:?}",
            issue.code
        );
    };
    assert_eq!(
        issue.severity, rule.severity,
        "severity differs from the registry: {issue:?}"
    );
    assert!(
        issue.path.is_empty() || issue.path.starts_with('/'),
        "path is not a JSON Pointer: {issue:?}"
    );
    assert!(!issue.message.trim().is_empty(), "empty message: {issue:?}");
    assert!(!issue.basis.is_empty(), "empty basis: {issue:?}");
}

/// Checks the promises every [`Answer`] makes: `valid` is exactly "no error" and every issue
/// is well formed.
pub fn check_answer(answer: &Answer) {
    let has_error = answer
        .issues
        .iter()
        .any(|issue| issue.severity == Severity::Error);
    assert_eq!(
        answer.valid, !has_error,
        "valid contradicts the issues: {answer:?}"
    );
    for issue in &answer.issues {
        check_issue(issue);
    }
}

/// The answer survives a JSON round trip unchanged. It costs more than the other checks,
/// so the targets do it for one input in eight (see [`selector`]).
pub fn check_answer_json(answer: &Answer) {
    let json = answer.to_json();
    let back: Answer = match serde_json::from_str(&json) {
        Ok(back) => back,
        Err(err) => panic!("answer JSON does not read back ({err}): {json}"),
    };
    assert_eq!(&back, answer, "answer changed in a JSON round trip");
}

/// The language-independent part of an answer: codes, paths, severities, validity.
fn shape(answer: &Answer) -> (bool, bool, Vec<(String, String, Severity)>) {
    let issues = answer
        .issues
        .iter()
        .map(|issue| (issue.code.to_string(), issue.path.clone(), issue.severity))
        .collect();
    (answer.valid, answer.priority, issues)
}

fn check_same_shape(zh: &Answer, en: &Answer) {
    assert_eq!(shape(zh), shape(en), "the language changed the verdict");
}

// ---------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------

/// `validate_complaint_json` on the bytes as text; one input in four also in English, which
/// must give the same codes and paths.
pub fn complaint_json(data: &[u8]) {
    let text = text(data);
    let zh = validate_complaint_json(&text, &options(Lang::Zh));
    check_answer(&zh);
    if selector(data) % 8 == 0 {
        check_answer_json(&zh);
    }
    if selector(data) % 4 == 0 {
        let en = validate_complaint_json(&text, &options(Lang::En));
        check_answer(&en);
        check_same_shape(&zh, &en);
    }
}

/// `validate_contract_json` on the bytes as text (same checks as [`complaint_json`]).
pub fn contract_json(data: &[u8]) {
    let text = text(data);
    let zh = validate_contract_json(&text, &options(Lang::Zh));
    check_answer(&zh);
    if selector(data) % 8 == 0 {
        check_answer_json(&zh);
    }
    if selector(data) % 4 == 0 {
        let en = validate_contract_json(&text, &options(Lang::En));
        check_answer(&en);
        check_same_shape(&zh, &en);
    }
}

/// Any JSON value serde_json reads (no size or depth limit of the core's own) through
/// `validate_complaint_value` and `validate_contract_value`; where the core's text entry
/// points accept the same text, they must give the very same answer.
pub fn document_value(data: &[u8]) {
    let text = text(data);
    let Ok(value) = serde_json::from_str::<Value>(&text) else {
        return;
    };
    let options = options(Lang::Zh);
    let complaint = validate_complaint_value(&value, &options);
    check_answer(&complaint);
    let contract = validate_contract_value(&value, &options);
    check_answer(&contract);
    if selector(data) % 8 == 0 {
        check_answer_json(&complaint);
        check_answer_json(&contract);
    }

    let from_text = validate_complaint_json(&text, &options);
    let refused = from_text
        .issues
        .iter()
        .any(|issue| issue.code.starts_with("json."));
    if !refused {
        assert_eq!(from_text, complaint, "text and value entry points disagree");
        assert_eq!(
            validate_contract_json(&text, &options),
            contract,
            "text and value entry points disagree"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------

fn date_list<'v>(value: &'v Value, key: &str) -> impl Iterator<Item = NaiveDate> + 'v {
    let key = key.to_owned();
    value
        .get(&key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.get("date").and_then(Value::as_str))
        .filter_map(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok())
}

/// `Calendar::with_year_json` on the bytes as text. Refusals must be well-formed issues; an
/// accepted single-year notice must make its days off non-working and its adjusted working
/// days working, nationally, and keep the counting laws on the new calendar.
pub fn calendar_year(data: &[u8]) {
    let text = text(data);
    let loaded = Calendar::builtin().with_year_json(&text);
    let calendar = match loaded {
        Err(issues) => {
            assert!(!issues.is_empty(), "a refused notice must say why");
            for issue in &issues {
                check_issue(issue);
                assert_eq!(
                    issue.severity,
                    Severity::Error,
                    "a refusal is an error: {issue:?}"
                );
            }
            return;
        }
        Ok(calendar) => calendar,
    };
    let Ok(value) = serde_json::from_str::<Value>(&text) else {
        panic!("the calendar accepted text that is not JSON: {text:?}");
    };
    let region = Region::National;
    if value.get("year").is_some() {
        for date in date_list(&value, "off_days") {
            assert_eq!(
                calendar.is_working_day(date, region),
                Ok(false),
                "day off {date} is working"
            );
        }
        for date in date_list(&value, "adjusted_workdays") {
            assert_eq!(
                calendar.is_working_day(date, region),
                Ok(true),
                "adjusted working day {date} is off"
            );
        }
        if let Some(year) = value
            .get("year")
            .and_then(Value::as_i64)
            .and_then(|y| i32::try_from(y).ok())
        {
            if let Some(start) = NaiveDate::from_ymd_opt(year, 1, 1) {
                for region in [Region::National, Region::Guangxi] {
                    check_counting(&calendar, start, 7, region);
                    check_counting(&calendar, start, 250, region);
                }
            }
        }
    }
}

const FIRST_DATE: (i32, u32, u32) = (1949, 1, 1);
const LAST_DATE: (i32, u32, u32) = (2100, 12, 31);

fn in_range(date: NaiveDate) -> bool {
    let first = NaiveDate::from_ymd_opt(FIRST_DATE.0, FIRST_DATE.1, FIRST_DATE.2);
    let last = NaiveDate::from_ymd_opt(LAST_DATE.0, LAST_DATE.1, LAST_DATE.2);
    first.is_some_and(|first| date >= first) && last.is_some_and(|last| date <= last)
}

/// The laws of `add_working_days`, `working_days_between`, `is_working_day` and `day_info`
/// around one date.
fn check_counting(calendar: &Calendar, date: NaiveDate, n: u32, region: Region) {
    let working = calendar.is_working_day(date, region);
    let info = calendar.day_info(date, region);
    match (&working, &info) {
        (Ok(working), Ok(info)) => {
            assert!(in_range(date), "{date} answered outside 1949..=2100");
            assert_eq!(
                *working, info.working,
                "is_working_day and day_info disagree on {date}"
            );
            assert_eq!(info.date, date);
            assert_eq!(info.region, region);
            assert_eq!(calendar.is_provisional(date, region), Ok(info.provisional));
        }
        (Err(a), Err(b)) => {
            assert!(!in_range(date), "{date} refused inside 1949..=2100: {a:?}");
            assert_eq!(a, b);
            assert!(matches!(a, CalendarError::DateOutOfRange { .. }), "{a:?}");
            check_issue(&a.to_issue("", Lang::Zh));
        }
        _ => panic!("is_working_day and day_info disagree on {date}: {working:?} / {info:?}"),
    }
    assert_eq!(
        calendar
            .working_days_between(date, date, region)
            .ok()
            .unwrap_or(0),
        0
    );

    match calendar.add_working_days(date, n, region) {
        Ok(due) => {
            assert!(
                in_range(date) && n <= MAX_WORKING_DAYS,
                "{date} + {n}: should have been refused"
            );
            if n == 0 {
                assert_eq!(due, date);
                return;
            }
            assert!(due > date, "{date} + {n} = {due} is not later");
            assert_eq!(
                calendar.is_working_day(due, region),
                Ok(true),
                "{date} + {n} = {due} is not a working day"
            );
            assert_eq!(
                calendar.working_days_between(date, due, region),
                Ok(i64::from(n)),
                "between({date}, {due}) != {n}"
            );
            assert_eq!(
                calendar.working_days_between(due, date, region),
                Ok(-i64::from(n)),
                "between is not antisymmetric"
            );
            // `due` is the first day at which n working days have passed.
            if let Some(before) = due.pred_opt() {
                assert_eq!(
                    calendar.working_days_between(date, before, region),
                    Ok(i64::from(n) - 1),
                    "{date} + {n} = {due} is not the first such day"
                );
            }
        }
        Err(CalendarError::DaysOutOfRange { days }) => {
            assert_eq!(days, n);
            assert!(n > MAX_WORKING_DAYS, "{n} working days refused");
        }
        Err(CalendarError::DateOutOfRange { date: refused }) => {
            assert_eq!(refused, date);
            assert!(!in_range(date), "{date} refused inside 1949..=2100");
        }
        Err(CalendarError::ResultOutOfRange { from, days }) => {
            assert_eq!((from, days), (date, n));
            // Only possible near the end of the calendar: at least 7 working days every
            // 2 weeks, so n working days fit in about 2n calendar days plus holidays.
            let reach = date.checked_add_days(Days::new(u64::from(n) * 2 + 30));
            assert!(
                reach.is_none_or(|reach| !in_range(reach)),
                "{date} + {n}: result out of range?"
            );
        }
        Err(other) => panic!("unexpected error for {date} + {n}: {other:?}"),
    }
}

/// A date near the calendar's range (1949..=2100), sometimes just outside it.
fn fuzz_date(u: &mut Unstructured<'_>) -> arbitrary::Result<NaiveDate> {
    let first =
        NaiveDate::from_ymd_opt(FIRST_DATE.0, FIRST_DATE.1, FIRST_DATE.2).unwrap_or_default();
    let offset: i64 = u.int_in_range(-400..=55_900)?;
    let date = if offset < 0 {
        first.checked_sub_days(Days::new(offset.unsigned_abs()))
    } else {
        first.checked_add_days(Days::new(offset.unsigned_abs()))
    };
    Ok(date.unwrap_or(first))
}

/// A count of working days: mostly small, sometimes anything.
fn fuzz_days(u: &mut Unstructured<'_>) -> arbitrary::Result<u32> {
    Ok(match u.int_in_range(0u8..=7)? {
        0 => u.arbitrary()?,
        1 => u.int_in_range(0..=MAX_WORKING_DAYS + 2)?,
        _ => u.int_in_range(0..=60)?,
    })
}

fn fuzz_region(u: &mut Unstructured<'_>) -> arbitrary::Result<Region> {
    Ok(if u.arbitrary()? {
        Region::Guangxi
    } else {
        Region::National
    })
}

/// Arbitrary (date, n, region) triples through the working-day queries: the counting laws
/// of [`check_counting`], plus additivity of `working_days_between` over three dates.
pub fn working_days(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let calendar = Calendar::builtin();
    let Ok(count) = u.int_in_range(1u8..=8) else {
        return;
    };
    for _ in 0..count {
        let (Ok(a), Ok(n), Ok(region), Ok(b), Ok(c)) = (
            fuzz_date(&mut u),
            fuzz_days(&mut u),
            fuzz_region(&mut u),
            fuzz_date(&mut u),
            fuzz_date(&mut u),
        ) else {
            return;
        };
        check_counting(calendar, a, n, region);
        let between = |x, y| calendar.working_days_between(x, y, region);
        match (between(a, b), between(b, c), between(a, c)) {
            (Ok(ab), Ok(bc), Ok(ac)) => {
                assert_eq!(
                    ab + bc,
                    ac,
                    "between({a},{b}) + between({b},{c}) != between({a},{c})"
                );
                assert_eq!(between(b, a), Ok(-ab));
                assert!(ab.unsigned_abs() <= a.signed_duration_since(b).num_days().unsigned_abs());
            }
            (ab, bc, ac) => {
                let all_in = in_range(a) && in_range(b) && in_range(c);
                assert!(
                    !all_in,
                    "between refused in-range dates: {ab:?} {bc:?} {ac:?}"
                );
            }
        }
    }
}

/// A receipt instant as a caller might send it: usually well-formed RFC 3339 or a bare
/// date with fuzzed fields (some impossible), sometimes raw text.
#[derive(Debug, Arbitrary)]
enum Instant {
    Rfc3339 {
        date: u16,
        hour: u8,
        minute: u8,
        second: u8,
        offset_minutes: i16,
        fraction: Option<u16>,
    },
    Date {
        date: u16,
    },
    Fields {
        year: i16,
        month: u8,
        day: u8,
        rest: String,
    },
    Raw(String),
}

impl Instant {
    fn render(&self) -> String {
        let first = NaiveDate::from_ymd_opt(1948, 1, 1).unwrap_or_default();
        let date = |offset: u16| {
            first
                .checked_add_days(Days::new(u64::from(offset)))
                .unwrap_or(first)
        };
        match self {
            Instant::Rfc3339 {
                date: offset,
                hour,
                minute,
                second,
                offset_minutes,
                fraction,
            } => {
                let sign = if *offset_minutes < 0 { '-' } else { '+' };
                let abs = offset_minutes.unsigned_abs() % (24 * 60);
                let fraction = fraction.map(|f| format!(".{f}")).unwrap_or_default();
                let zone = if abs == 0 && hour % 2 == 0 {
                    "Z".to_owned()
                } else {
                    format!("{sign}{:02}:{:02}", abs / 60, abs % 60)
                };
                format!(
                    "{}T{:02}:{:02}:{:02}{fraction}{zone}",
                    date(*offset).format("%Y-%m-%d"),
                    hour % 25,
                    minute % 61,
                    second % 61
                )
            }
            Instant::Date { date: offset } => date(*offset).format("%Y-%m-%d").to_string(),
            Instant::Fields {
                year,
                month,
                day,
                rest,
            } => format!("{year:04}-{month:02}-{day:02}{rest}"),
            Instant::Raw(raw) => raw.clone(),
        }
    }
}

/// `reply_deadline` and `case_status` with fuzzed instants, day counts, regions and
/// strictness: a deadline is a working day exactly `days` working days after receipt, its
/// skipped days are the non-working days in between, strict and lenient agree when both
/// answer, and the status of a case matches its deadline.
pub fn deadline(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let (Ok(received), Ok(now), Ok(days), Ok(region), Ok(strict)) = (
        Instant::arbitrary(&mut u),
        Instant::arbitrary(&mut u),
        fuzz_days(&mut u),
        fuzz_region(&mut u),
        bool::arbitrary(&mut u),
    ) else {
        return;
    };
    let (received, now) = (received.render(), now.render());
    let calendar = Calendar::builtin();

    let lenient = calendar.reply_deadline(&received, days, region, false);
    let chosen = if strict {
        calendar.reply_deadline(&received, days, region, true)
    } else {
        lenient.clone()
    };
    match (&lenient, &chosen) {
        (Ok(lenient), Ok(strict_answer)) => {
            assert_eq!(lenient.due_date, strict_answer.due_date);
            if strict {
                assert!(
                    !strict_answer.provisional && strict_answer.warnings.is_empty(),
                    "strict deadline is provisional"
                );
            }
        }
        (Ok(lenient), Err(err)) => {
            assert!(strict, "lenient answers differ: {err:?}");
            assert!(
                matches!(err, CalendarError::Unpublished { .. }),
                "strict refused for {err:?}"
            );
            assert!(
                lenient.provisional,
                "strict refused a deadline that is not provisional"
            );
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "strictness changed the error"),
        (Err(err), Ok(_)) => panic!("strict answered where lenient refused: {err:?}"),
    }
    let deadline = match lenient {
        Ok(deadline) => deadline,
        Err(err) => {
            check_issue(&err.to_issue("/receivedAt", Lang::En));
            match err {
                CalendarError::DaysOutOfRange { days: refused } => {
                    assert_eq!(refused, days);
                    assert!(days == 0 || days > MAX_WORKING_DAYS);
                }
                CalendarError::MalformedInstant { value } => assert_eq!(value, received),
                CalendarError::DateOutOfRange { .. } | CalendarError::ResultOutOfRange { .. } => {}
                other => panic!("lenient deadline refused with {other:?}"),
            }
            assert!(
                calendar.case_status(&received, days, &now, region).is_err(),
                "status without a deadline"
            );
            return;
        }
    };

    assert!((1..=MAX_WORKING_DAYS).contains(&days));
    assert_eq!(deadline.days, days);
    assert_eq!(deadline.region, region);
    assert_eq!(
        calendar.is_working_day(deadline.due_date, region),
        Ok(true),
        "due date is not a working day"
    );
    assert_eq!(
        calendar.working_days_between(deadline.received_on, deadline.due_date, region),
        Ok(i64::from(days)),
        "deadline is not `days` working days after receipt"
    );
    assert_eq!(
        deadline.due_at,
        format!("{}T23:59:59+08:00", deadline.due_date.format("%Y-%m-%d"))
    );
    let mut previous = deadline.received_on;
    for skipped in &deadline.skipped {
        assert!(
            skipped.date > previous && skipped.date < deadline.due_date,
            "skipped day out of order: {skipped:?}"
        );
        assert_eq!(
            calendar.is_working_day(skipped.date, region),
            Ok(false),
            "skipped a working day"
        );
        previous = skipped.date;
    }
    let calendar_days = deadline
        .due_date
        .signed_duration_since(deadline.received_on)
        .num_days();
    assert_eq!(
        calendar_days,
        i64::from(days) + deadline.skipped.len() as i64,
        "skipped days do not add up"
    );
    assert_eq!(deadline.provisional, !deadline.warnings.is_empty());
    for warning in &deadline.warnings {
        check_issue(warning);
        assert_eq!(warning.severity, Severity::Warning);
    }
    let serialised = serde_json::to_string(&deadline).unwrap_or_default();
    assert!(serialised.starts_with('{'), "deadline does not serialise");

    match calendar.case_status(&received, days, &now, region) {
        Ok(status) => {
            assert_eq!(status.due_date, deadline.due_date);
            assert_eq!(status.due_at, deadline.due_at);
            assert_eq!(status.provisional, deadline.provisional);
            let between = calendar.working_days_between(status.today, status.due_date, region);
            match status.status {
                ReplyState::OnTime => {
                    assert!(status.today < status.due_date);
                    assert_eq!(between, Ok(status.working_days_left));
                    assert!(status.working_days_left >= 1 && status.overdue_working_days == 0);
                }
                ReplyState::DueToday => {
                    assert_eq!(status.today, status.due_date);
                    assert_eq!(
                        (status.working_days_left, status.overdue_working_days),
                        (0, 0)
                    );
                }
                ReplyState::Overdue => {
                    assert!(status.today > status.due_date);
                    assert_eq!(between, Ok(-status.overdue_working_days));
                    assert!(status.working_days_left == 0 && status.overdue_working_days >= 0);
                }
            }
        }
        Err(err) => {
            check_issue(&err.to_issue("/now", Lang::Zh));
            assert!(
                matches!(
                    err,
                    CalendarError::MalformedInstant { .. } | CalendarError::DateOutOfRange { .. }
                ),
                "status refused with {err:?} although the deadline is known"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Identifiers and free text
// ---------------------------------------------------------------------------------------

/// Every identifier check on the bytes as text. Also: `normalize_uscc` is idempotent, a
/// code judged valid normalises to 18 ASCII letters and digits, and for inputs of at most
/// 64 characters the checks give the same verdict on the raw and the normalised form.
pub fn ids(data: &[u8]) {
    let text = text(data);
    let options = options(Lang::Zh);
    let uscc = check_uscc(&text, &options);
    check_answer(&uscc);
    check_answer(&check_ric(&text, &options));
    check_answer(&check_phone(&text, &options));
    let level = match selector(data) % 4 {
        0 => None,
        1 => Some(Level::Region),
        2 => Some(Level::City),
        _ => Some(Level::County),
    };
    check_answer(&check_division(&text, level, &options));

    let normalised = normalize_uscc(&text);
    assert_eq!(
        normalize_uscc(&normalised),
        normalised,
        "normalize_uscc is not idempotent"
    );
    if uscc.valid {
        assert!(
            normalised.len() == 18
                && normalised
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()),
            "valid USCC normalises to {normalised:?}"
        );
    }
    if text.chars().count() <= 64 {
        assert_eq!(
            shape(&uscc),
            shape(&check_uscc(&normalised, &options)),
            "normalising changed the verdict"
        );
    }
    if selector(data) % 4 == 0 {
        check_same_shape(&uscc, &check_uscc(&text, &self::options(Lang::En)));
    }
    if selector(data) % 8 == 0 {
        check_answer_json(&uscc);
    }
}

/// `detect_conduct` on the bytes as text: matches are sorted, do not overlap, lie inside
/// the text, and each `phrase` is exactly the text between its character offsets.
pub fn detect_conduct(data: &[u8]) {
    let text = text(data);
    let found = qinqing_core::detect_conduct(&text);
    let chars: Vec<char> = text.chars().collect();
    let mut previous_end = 0;
    for m in &found {
        assert!(m.start < m.end, "empty match {m:?}");
        assert!(
            m.start >= previous_end,
            "matches overlap or are unsorted: {found:?}"
        );
        assert!(m.end <= chars.len(), "match beyond the text: {m:?}");
        let slice: String = chars
            .get(m.start..m.end)
            .unwrap_or_default()
            .iter()
            .collect();
        assert_eq!(slice, m.phrase, "phrase is not the text at its offsets");
        previous_end = m.end;
    }
    let mut ids = Vec::new();
    for m in &found {
        if !ids.contains(&m.id) {
            ids.push(m.id);
        }
    }
    assert_eq!(
        detected_ids(&text),
        ids,
        "detected_ids disagrees with detect_conduct"
    );
    let json = serde_json::to_string(&found).unwrap_or_default();
    assert!(json.starts_with('['), "matches do not serialise");
}

// ---------------------------------------------------------------------------------------
// Case lifecycle
// ---------------------------------------------------------------------------------------

#[derive(Debug, Arbitrary)]
enum FuzzEvent {
    Accept,
    Assign(String),
    Escalate(Option<String>),
    Supervise(String),
    Reply(String),
    Close,
}

impl FuzzEvent {
    fn into_event(self) -> CaseEvent {
        match self {
            FuzzEvent::Accept => CaseEvent::Accept,
            FuzzEvent::Assign(unit) => CaseEvent::Assign { unit },
            FuzzEvent::Escalate(meeting) => CaseEvent::Escalate { meeting },
            FuzzEvent::Supervise(note) => CaseEvent::Supervise { note },
            FuzzEvent::Reply(text) => CaseEvent::Reply { text },
            FuzzEvent::Close => CaseEvent::Close,
        }
    }
}

fn stage_rank(stage: CaseStage) -> u8 {
    match stage {
        CaseStage::Received => 0,
        CaseStage::Accepted => 1,
        CaseStage::Assigned | CaseStage::Escalated | CaseStage::Supervised => 2,
        CaseStage::Replied => 3,
        CaseStage::Closed => 4,
    }
}

fn check_state(state: &CaseState) {
    let rank = stage_rank(state.stage);
    assert_eq!(
        state.accepted_at.is_some(),
        rank >= 1,
        "acceptance time vs stage: {state:?}"
    );
    assert_eq!(state.unit.is_some(), rank >= 2, "unit vs stage: {state:?}");
    assert_eq!(
        state.replied_at.is_some(),
        rank >= 3,
        "reply time vs stage: {state:?}"
    );
    assert_eq!(
        state.reply.is_some(),
        rank >= 3,
        "reply vs stage: {state:?}"
    );
    assert_eq!(
        state.closed_at.is_some(),
        rank == 4,
        "closing time vs stage: {state:?}"
    );
    assert!(
        state
            .unit
            .as_deref()
            .is_none_or(|unit| !unit.trim().is_empty()),
        "blank unit kept"
    );
    assert!(
        state
            .reply
            .as_deref()
            .is_none_or(|reply| !reply.trim().is_empty()),
        "blank reply kept"
    );
    assert!(!state.escalated || state.stage != CaseStage::Accepted);
    if state.stage == CaseStage::Escalated {
        assert!(state.escalated);
    }
    if state.stage == CaseStage::Supervised {
        assert!(state.supervised);
    }
}

/// Arbitrary event sequences through `apply_case_event`: a refused event is a registered
/// `case.*` error and leaves the state as it was; the stage never goes back; a closed case
/// accepts nothing; `replay_case` equals applying the events one by one up to the first
/// refusal; states and events survive a JSON round trip.
pub fn case_lifecycle(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(steps) = Vec::<(FuzzEvent, String)>::arbitrary(&mut u) else {
        return;
    };
    let lang = if selector(data) % 2 == 0 {
        Lang::Zh
    } else {
        Lang::En
    };
    let events: Vec<(CaseEvent, String)> = steps
        .into_iter()
        .map(|(event, at)| (event.into_event(), at))
        .collect();

    let mut state = CaseState::default();
    let mut first_refusal: Option<Issue> = None;
    for (event, at) in &events {
        let json = serde_json::to_string(event).unwrap_or_default();
        assert_eq!(
            serde_json::from_str::<CaseEvent>(&json).ok().as_ref(),
            Some(event),
            "event round trip: {json}"
        );
        let was_closed = state.stage.is_closed();
        match apply_case_event(&state, event, at, lang) {
            Ok(next) => {
                assert!(!was_closed, "a closed case accepted {event:?}");
                assert!(
                    stage_rank(next.stage) >= stage_rank(state.stage),
                    "stage went back: {state:?} -> {next:?}"
                );
                check_state(&next);
                state = next;
            }
            Err(issue) => {
                check_issue(&issue);
                assert!(issue.code.starts_with("case."), "{issue:?}");
                assert_eq!(issue.severity, Severity::Error);
                if first_refusal.is_none() {
                    first_refusal = Some(issue);
                }
            }
        }
    }
    let json = serde_json::to_string(&state).unwrap_or_default();
    assert_eq!(
        serde_json::from_str::<CaseState>(&json).ok().as_ref(),
        Some(&state),
        "state round trip: {json}"
    );

    let replayed = replay_case(events.iter().map(|(event, at)| (event, at.as_str())), lang);
    match (replayed, first_refusal) {
        (Ok(replayed), None) => assert_eq!(replayed, state),
        (Err(issue), Some(first)) => assert_eq!(issue, first),
        (Ok(_), Some(first)) => panic!("replay accepted what apply refused: {first:?}"),
        (Err(issue), None) => panic!("replay refused what apply accepted: {issue:?}"),
    }
}

/// Runs every target on one input (what the replay test does with each saved input).
pub fn all_targets(data: &[u8]) {
    for (_, target) in TARGETS {
        target(data);
    }
}

//! Unit tests of the engine's mechanics; the corpus in `tests/fixtures` covers the rules one
//! by one.

use serde_json::{json, Value};

use super::*;
use crate::answer::{Lang, Severity};
use crate::model::{Complainant, ComplainantKind, Conduct, Contact, Respondent};
use crate::{ConductId, Level};

fn options() -> Options {
    Options {
        lang: Lang::Zh,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27),
    }
}

fn typical() -> Value {
    json!({
        "complainant": {"kind": "enterprise", "name": "广西南宁绿源科技有限公司", "uscc": "91450100MA5K3R2B7K",
                        "contact": {"name": "李明", "phone": "138 7711 2345", "email": "li@example.com"}},
        "respondent": {"agency": "横州市市场监督管理局", "divisionCode": "450181", "level": "county"},
        "conduct": {"category": "apportionment", "occurredOn": "2026-11-02",
                    "description": "横州市市场监督管理局一名工作人员向我公司摊派费用五千元，称不交就影响年度检查。",
                    "amountFen": 500000}
    })
}

fn codes(answer: &Answer) -> Vec<(&str, &str)> {
    answer
        .issues
        .iter()
        .map(|issue| (issue.code.as_ref(), issue.path.as_str()))
        .collect()
}

#[test]
fn the_typical_complaint_is_clean_through_every_entry_point() {
    let value = typical();
    let from_value = validate_complaint_value(&value, &options());
    assert_eq!(from_value, Answer::ok(), "{}", from_value.to_json());
    let from_text = validate_complaint_json(&value.to_string(), &options());
    assert_eq!(from_text, Answer::ok());
    let typed: Complaint = serde_json::from_value(value).unwrap();
    assert_eq!(validate_complaint(&typed, &options()), Answer::ok());
}

#[test]
fn a_wrong_type_gives_one_issue_not_two() {
    let mut value = typical();
    value["complainant"]["uscc"] = json!(91450100);
    let answer = validate_complaint_value(&value, &options());
    assert_eq!(codes(&answer), vec![("type.string", "/complainant/uscc")]);
}

#[test]
fn a_broken_list_element_keeps_later_indices_right() {
    let mut value = typical();
    value["attachments"] = json!([7, {"name": "b.pdf", "mediaType": "application/pdf", "sizeBytes": 1, "sha256": "x"}]);
    let answer = validate_complaint_value(&value, &options());
    assert_eq!(
        codes(&answer),
        vec![
            ("type.object", "/attachments/0"),
            ("attachment.sha256", "/attachments/1/sha256")
        ]
    );
}

#[test]
fn issues_come_in_document_order() {
    let mut value = typical();
    value["zzz"] = json!(1);
    value["attachments"] = json!([{}]);
    value["complainant"]["uscc"] = json!(null);
    value["conduct"]["occurredOn"] = json!("2030-01-01");
    let answer = validate_complaint_value(&value, &options());
    let paths: Vec<&str> = answer
        .issues
        .iter()
        .map(|issue| issue.path.as_str())
        .collect();
    assert_eq!(
        paths,
        vec![
            "/complainant/uscc",
            "/conduct/occurredOn",
            "/attachments/0/name",
            "/attachments/0/mediaType",
            "/attachments/0/sizeBytes",
            "/attachments/0/sha256",
            "/zzz"
        ]
    );
}

#[test]
fn english_messages_on_request() {
    let mut value = typical();
    value["conduct"]["description"] = json!("太短了");
    let answer = validate_complaint_value(
        &value,
        &Options {
            lang: Lang::En,
            ..options()
        },
    );
    let issue = &answer.issues[0];
    assert_eq!(issue.code, "conduct.descriptionTooShort");
    assert!(
        issue
            .message
            .starts_with("The description needs at least 20 characters; it has 3."),
        "{}",
        issue.message
    );
}

#[test]
fn description_length_counts_characters_not_bytes() {
    let mut value = typical();
    // 20 Chinese characters are 60 bytes: long enough.
    value["conduct"]["description"] = json!("镇".repeat(20));
    assert!(!codes(&validate_complaint_value(&value, &options()))
        .iter()
        .any(|(code, _)| code.starts_with("conduct.description")));
    value["conduct"]["description"] = json!("😀".repeat(19));
    assert!(codes(&validate_complaint_value(&value, &options()))
        .contains(&("conduct.descriptionTooShort", "/conduct/description")));
}

#[test]
fn today_is_a_parameter_and_the_date_rule_is_skipped_without_it() {
    let mut value = typical();
    value["conduct"]["occurredOn"] = json!("2099-01-01");
    let without_today = validate_complaint_value(&value, &Options::default());
    assert!(without_today.valid, "{}", without_today.to_json());
    assert!(!validate_complaint_value(&value, &options()).valid);
}

#[test]
fn real_name_collusion_reports_go_first() {
    let mut complaint: Complaint = serde_json::from_value(typical()).unwrap();
    let conduct = complaint.conduct.get_or_insert_with(Conduct::default);
    conduct.category = Some(ConductId::Collusion);
    conduct.description =
        Some("副局长与竞争企业官商勾结，把本应公开出让的地块私下输送给对方。".into());
    assert!(!validate_complaint(&complaint, &options()).priority);
    complaint.complainant.as_mut().unwrap().real_name = Some(true);
    let answer = validate_complaint(&complaint, &options());
    assert!(answer.priority && answer.valid, "{}", answer.to_json());
}

#[test]
fn typed_documents_get_the_same_rules() {
    let complaint = Complaint {
        complainant: Some(Complainant {
            kind: Some(ComplainantKind::Enterprise),
            name: Some("某公司".into()),
            uscc: None,
            contact: Some(Contact {
                phone: Some("13877112345".into()),
                ..Contact::default()
            }),
            ..Complainant::default()
        }),
        respondent: Some(Respondent {
            agency: Some("某局".into()),
            division_code: Some("450181".into()),
            level: Some(Level::County),
        }),
        ..Complaint::default()
    };
    let answer = validate_complaint(&complaint, &options());
    assert_eq!(
        codes(&answer),
        vec![
            ("field.required", "/complainant/uscc"),
            ("field.required", "/conduct")
        ]
    );
}

#[test]
fn mismatch_warning_suggests_catalogue_ids() {
    let mut value = typical();
    value["conduct"]["category"] = json!("forcedTraining");
    let answer = validate_complaint_value(&value, &options());
    assert!(answer.valid);
    let issue = &answer.issues[0];
    assert_eq!(
        (issue.code.as_ref(), issue.severity),
        ("conduct.categoryMismatch", Severity::Warning)
    );
    assert_eq!(issue.suggestions, vec!["apportionment".to_owned()]);
}

#[test]
fn contract_demands_cite_the_clause_of_the_matched_conduct() {
    let value = json!({"investorObligations": [{"description": "乙方须加入本市商会并缴纳会费"}]});
    let answer = validate_contract_value(&value, &options());
    let issue = answer
        .issues
        .iter()
        .find(|issue| issue.code == "obligation.prohibitedDemand")
        .unwrap();
    assert_eq!(issue.path, "/investorObligations/0/description");
    assert_eq!(issue.basis, "§七");
    assert_eq!(issue.suggestions, vec!["forcedMembership".to_owned()]);
}

// ----- bad input ----------------------------------------------------------------------------

#[test]
fn ten_thousand_brackets_are_one_issue() {
    for text in [
        "[".repeat(10_000),
        "{\"a\":".repeat(10_000),
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
    ] {
        let answer = validate_complaint_json(&text, &options());
        assert_eq!(codes(&answer), vec![("json.tooDeep", "")]);
    }
}

#[test]
fn a_deep_value_built_in_code_is_not_walked() {
    // Run on a big stack only because *dropping* a 10,000-deep `Value` recurses.
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(|| {
            let mut deep = json!("底");
            for _ in 0..10_000 {
                deep = Value::Array(vec![deep]);
            }
            let mut value = typical();
            value["conduct"]["description"] = deep.clone();
            value["extra"] = deep;
            let answer = validate_complaint_value(&value, &options());
            assert_eq!(
                codes(&answer),
                vec![
                    ("type.string", "/conduct/description"),
                    ("field.unknown", "/extra")
                ]
            );
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn megabyte_strings_give_short_messages() {
    let mut value = typical();
    let huge = "摊".repeat(300_000);
    value["conduct"]["category"] = json!(huge);
    value["conduct"]["description"] = json!(huge);
    value["complainant"]["contact"]["email"] = json!(huge);
    let text = value.to_string();
    assert!(
        text.len() <= json::MAX_BYTES * 3,
        "keep the test input plausible"
    );
    let answer = validate_complaint_value(&value, &options());
    assert!(!answer.valid);
    for issue in &answer.issues {
        assert!(
            issue.message.chars().count() < 1000,
            "{}: {} chars",
            issue.code,
            issue.message.chars().count()
        );
    }
    assert_eq!(
        codes(&validate_complaint_json(&text, &options())),
        vec![("json.tooLarge", "")]
    );
}

#[test]
fn nul_bytes_and_control_characters_never_panic() {
    let text = "{\"remedy\": \"\u{0}\"}";
    assert_eq!(
        codes(&validate_complaint_json(text, &options())),
        vec![("json.syntax", "")]
    );
    let mut value = typical();
    value["complainant"]["uscc"] = json!("\u{0}\u{0}\u{0}");
    value["complainant"]["contact"]["phone"] = json!("\u{0}");
    value["conduct"]["occurredOn"] = json!("\u{0}");
    let answer = validate_complaint_value(&value, &options());
    assert!(!answer.valid);
}

#[test]
fn unknown_keys_are_escaped_in_paths() {
    let value = json!({"a/b~c": 1});
    let answer = validate_contract_value(&value, &options());
    assert!(answer
        .issues
        .iter()
        .any(|issue| issue.code == "field.unknown" && issue.path == "/a~1b~0c"));
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn on_any_text(text in "\\PC{0,200}") {
            let answer = validate_complaint_json(&text, &options());
            prop_assert!(answer.valid || !answer.issues.is_empty());
            let _ = validate_contract_json(&text, &options());
        }

        #[test]
        fn on_any_json_values_in_every_field(
            key in prop::sample::select(vec!["complainant", "respondent", "conduct", "attachments", "remedy", "receivedAt"]),
            inner in prop::sample::select(vec!["kind", "uscc", "contact", "realName", "divisionCode", "level", "category", "occurredOn", "description", "amountFen", "sizeBytes"]),
            leaf in prop_oneof![
                any::<i64>().prop_map(Value::from),
                any::<f64>().prop_map(Value::from),
                any::<bool>().prop_map(Value::from),
                "\\PC{0,40}".prop_map(Value::from),
                Just(Value::Null),
                Just(json!([])),
                Just(json!({})),
            ],
        ) {
            let mut value = typical();
            value[key] = json!({inner: leaf.clone()});
            let _ = validate_complaint_value(&value, &options());
            value[key] = json!([{inner: leaf}]);
            let _ = validate_complaint_value(&value, &options());
        }
    }
}

#[test]
fn answers_stop_at_a_hundred_issues() {
    let mut value = typical();
    value["attachments"] = Value::Array(vec![json!(1); 50_000]);
    for at in 0..5_000 {
        value[format!("extra{at}")] = json!(at);
    }
    let answer = validate_complaint_value(&value, &options());
    assert_eq!(answer.issues.len(), context::MAX_ISSUES + 1);
    let last = answer.issues.last().unwrap();
    assert_eq!(
        (last.code.as_ref(), last.path.as_str()),
        ("issues.truncated", "")
    );
    assert!(!answer.valid);
}

#[test]
fn unknown_enum_names_read_fast_give_the_full_paths_answer() {
    // The fast reader reads on past unknown enum names (they are common mistakes); every mix
    // of them, with rule issues elsewhere and in both languages, answers as the full path.
    let names = [
        ("complainant", "kind", "company"),
        ("respondent", "level", "town"),
        ("conduct", "category", "apportionmentX"),
    ];
    for mask in 0..8 {
        for lang in [Lang::Zh, Lang::En] {
            for broken in [false, true] {
                let mut value = typical();
                for (bit, (object, field, name)) in names.iter().enumerate() {
                    if mask & (1 << bit) != 0 {
                        value[object][field] = json!(name);
                    }
                }
                if broken {
                    value["conduct"]["description"] = json!("太短了");
                    value["complainant"]["contact"]["email"] = json!("x-at-y");
                    value["conduct"]["occurredOn"] = json!("2026/11/02");
                }
                let text = value.to_string();
                assert!(fast::complaint(&text).is_some(), "{text}");
                let options = Options { lang, ..options() };
                let full = match json::parse(&text, lang) {
                    Ok(value) => validate_complaint_value(&value, &options),
                    Err(issue) => panic!("{issue:?}"),
                };
                assert_eq!(validate_complaint_json(&text, &options), full, "{text}");
            }
        }
    }
}

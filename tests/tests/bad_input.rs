//! Runs the bad-input corpus (`fixtures/bad-input/cases.json`) natively: every case must
//! finish with the validity and the codes its manifest entry expects. The same manifest is
//! run through the WebAssembly package in Node and in the browser; see the README beside it
//! for the format. No timing assertions here: speed is measured by the benchmarks.

use std::collections::BTreeSet;
use std::path::PathBuf;

use qinqing_core::{
    check_phone, check_ric, check_uscc, detected_ids, validate_complaint_json,
    validate_contract_json, Answer, Calendar, Options, Severity,
};
use serde::Deserialize;

#[derive(Deserialize)]
struct Manifest {
    options: Options,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    kind: String,
    file: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    generate: Vec<Generate>,
    #[serde(default = "yes")]
    utf8: bool,
    expect: Expect,
}

fn yes() -> bool {
    true
}

/// Text too large to commit: `placeholder` in the file is replaced by `repeat` `times`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Generate {
    placeholder: String,
    repeat: String,
    times: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    #[serde(default)]
    valid: Option<bool>,
    #[serde(default)]
    codes: Vec<String>,
    /// For `detect` cases: the conduct ids found, in order of first appearance.
    #[serde(default)]
    ids: Option<Vec<String>>,
}

fn dir() -> PathBuf {
    qinqing_tests::fixtures_dir().join("bad-input")
}

fn manifest() -> Manifest {
    let text = std::fs::read_to_string(dir().join("cases.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The case's input text: the file, decoded (leniently when the case says it is not
/// UTF-8), with its generated parts filled in.
fn input(case: &Case) -> String {
    let bytes = std::fs::read(dir().join(&case.file)).unwrap();
    let strict = String::from_utf8(bytes.clone());
    assert_eq!(
        strict.is_ok(),
        case.utf8,
        "{}: the file's UTF-8 validity contradicts `utf8`",
        case.name
    );
    let mut text = String::from_utf8_lossy(&bytes).into_owned();
    for generate in &case.generate {
        assert!(
            text.contains(&generate.placeholder),
            "{}: no {} in the file",
            case.name,
            generate.placeholder
        );
        text = text.replace(
            &generate.placeholder,
            &generate.repeat.repeat(generate.times),
        );
    }
    text
}

/// The answer the core gives for the case, as (valid, codes), or the detected ids.
enum Outcome {
    Answer(Answer),
    Ids(Vec<String>),
}

fn run(case: &Case, text: &str, options: &Options) -> Outcome {
    let answer = match case.kind.as_str() {
        "complaint" => validate_complaint_json(text, options),
        "contract" => validate_contract_json(text, options),
        "calendar-year" => match Calendar::builtin().with_year_json_in(text, options.lang) {
            Ok(_) => Answer::ok(),
            Err(issues) => Answer::from_issues(issues, false),
        },
        "uscc" => check_uscc(text, options),
        "ric" => check_ric(text, options),
        "phone" => check_phone(text, options),
        "detect" => {
            let ids = detected_ids(text);
            let names = ids.iter().map(|id| {
                serde_json::to_value(id)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            });
            return Outcome::Ids(names.collect());
        }
        other => panic!("{}: unknown kind {other}", case.name),
    };
    Outcome::Answer(answer)
}

fn describe(answer: &Answer) -> String {
    let codes: Vec<String> = answer
        .issues
        .iter()
        .map(|issue| format!("{} at {:?}", issue.code, issue.path))
        .collect();
    format!("valid={} [{}]", answer.valid, codes.join(", "))
}

#[test]
fn every_bad_input_gets_the_expected_answer() {
    let manifest = manifest();
    assert!(manifest.cases.len() >= 50, "the corpus lost cases");
    let mut failures = Vec::new();
    for case in &manifest.cases {
        let text = input(case);
        match run(case, &text, &manifest.options) {
            Outcome::Answer(answer) => {
                let has_error = answer
                    .issues
                    .iter()
                    .any(|issue| issue.severity == Severity::Error);
                assert_eq!(
                    answer.valid, !has_error,
                    "{}: valid contradicts the issues",
                    case.name
                );
                for issue in &answer.issues {
                    assert!(!issue.message.is_empty(), "{}: empty message", case.name);
                }
                let codes: BTreeSet<&str> = answer
                    .issues
                    .iter()
                    .map(|issue| issue.code.as_ref())
                    .collect();
                let missing: Vec<&String> = case
                    .expect
                    .codes
                    .iter()
                    .filter(|code| !codes.contains(code.as_str()))
                    .collect();
                let valid_ok = case.expect.valid.is_none_or(|valid| valid == answer.valid);
                if !valid_ok || !missing.is_empty() {
                    failures.push(format!(
                        "{}: expected {:?} with {:?}, got {}",
                        case.name,
                        case.expect.valid,
                        case.expect.codes,
                        describe(&answer)
                    ));
                }
            }
            Outcome::Ids(ids) => {
                let expected = case
                    .expect
                    .ids
                    .as_ref()
                    .unwrap_or_else(|| panic!("{}: detect case without `ids`", case.name));
                if &ids != expected {
                    failures.push(format!(
                        "{}: expected ids {expected:?}, got {ids:?}",
                        case.name
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} bad input(s) answered wrongly:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_manifest_is_well_formed() {
    let manifest = manifest();
    let mut names = BTreeSet::new();
    let mut files = BTreeSet::new();
    for case in &manifest.cases {
        assert!(
            names.insert(case.name.clone()),
            "duplicate case {}",
            case.name
        );
        assert!(
            files.insert(case.file.clone()),
            "two cases share {}",
            case.file
        );
        assert!(
            dir().join(&case.file).is_file(),
            "{}: missing file {}",
            case.name,
            case.file
        );
        assert!(case.note.as_ref().is_none_or(|note| !note.is_empty()));
        if case.kind == "detect" {
            assert!(
                case.expect.ids.is_some() && case.expect.valid.is_none(),
                "{}: detect cases expect ids",
                case.name
            );
        } else {
            let valid = case
                .expect
                .valid
                .unwrap_or_else(|| panic!("{}: no expected validity", case.name));
            assert!(
                valid || !case.expect.codes.is_empty(),
                "{}: an invalid case must name its codes",
                case.name
            );
        }
        let known: BTreeSet<&str> = qinqing_core::registry()
            .iter()
            .map(|rule| rule.code)
            .collect();
        for code in &case.expect.codes {
            assert!(
                known.contains(code.as_str()),
                "{}: {code} is not a registered code",
                case.name
            );
        }
    }
    // Every file in the folder belongs to a case (or is the manifest or the README).
    for entry in std::fs::read_dir(dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name != "cases.json" && name != "README.md" {
            assert!(files.contains(&name), "{name} is not listed in cases.json");
        }
    }
}

#[test]
fn generated_inputs_have_the_promised_size() {
    let manifest = manifest();
    let sizes: Vec<(String, usize)> = manifest
        .cases
        .iter()
        .filter(|case| !case.generate.is_empty())
        .map(|case| (case.name.clone(), input(case).len()))
        .collect();
    let size = |name: &str| {
        sizes
            .iter()
            .find(|(case, _)| case == name)
            .map(|(_, size)| *size)
            .unwrap()
    };
    assert!(size("complaint-2mb-description") > 2_000_000);
    assert!(size("complaint-900kb-description") < 1024 * 1024);
    assert!(size("complaint-10000-deep-arrays") > 20_000);
}

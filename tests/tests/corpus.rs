//! Runs the fixture corpus natively: each input's answer must equal its expected file byte
//! for byte. `QINQING_BLESS=1 cargo test -p qinqing-tests` rewrites the expected files
//! (review the diff before committing: the expected answers must be right, not just current).

use std::collections::BTreeSet;

use qinqing_core::Severity;
use qinqing_tests::{answer, corpus_options, expected_text, fixtures, Intent};

/// Codes no fixture document can produce, with the reason.
const NOT_FROM_DOCUMENTS: &[(&str, &str)] = &[
    ("json.tooLarge", "needs an input over 1 MiB; covered by the core's json unit tests instead of a megabyte fixture"),
    ("case.", "raised by the §八 case lifecycle, not by document validation"),
    ("input.", "raised by the WebAssembly boundary (non-text or non-JSON input), not by the core validators"),
    ("options.", "raised by the WebAssembly boundary when options are malformed"),
    ("calendar.", "raised by the working-day calendar, not by document validation"),
    ("deadline.", "raised by the reply-deadline computation, not by document validation"),
];

fn blessing() -> bool {
    std::env::var_os("QINQING_BLESS").is_some_and(|value| !value.is_empty() && value != "0")
}

#[test]
fn every_fixture_matches_its_expected_answer() {
    let options = corpus_options().unwrap();
    let mut failures = Vec::new();
    for fixture in fixtures().unwrap() {
        let actual = expected_text(&answer(&fixture, &options).unwrap());
        if blessing() {
            std::fs::create_dir_all(fixture.expected.parent().unwrap()).unwrap();
            std::fs::write(&fixture.expected, &actual).unwrap();
            continue;
        }
        match std::fs::read_to_string(&fixture.expected) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{}/{}: answer differs\n  expected: {}  actual:   {}",
                fixture.kind.folder(),
                fixture.name,
                expected,
                actual
            )),
            Err(_) => failures.push(format!(
                "{}/{}: no expected answer at {}; run `QINQING_BLESS=1 cargo test -p qinqing-tests` and review it",
                fixture.kind.folder(),
                fixture.name,
                fixture.expected.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn names_state_the_verdict() {
    let options = corpus_options().unwrap();
    let mut wrong = Vec::new();
    for fixture in fixtures().unwrap() {
        let answer = answer(&fixture, &options).unwrap();
        let has_warning = answer
            .issues
            .iter()
            .any(|issue| issue.severity == Severity::Warning);
        let ok = match fixture.intent() {
            Intent::Clean => answer.valid && answer.issues.is_empty() && !answer.priority,
            Intent::Warnings => answer.valid && has_warning && !answer.priority,
            Intent::Priority => answer.valid && answer.priority,
            Intent::Invalid => !answer.valid,
        };
        if !ok {
            wrong.push(format!(
                "{}/{} ({:?}): {}",
                fixture.kind.folder(),
                fixture.name,
                fixture.intent(),
                answer.to_json()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "fixtures whose answer contradicts their name:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_registered_code_is_produced_by_a_fixture() {
    let options = corpus_options().unwrap();
    let mut produced = BTreeSet::new();
    for fixture in fixtures().unwrap() {
        for issue in answer(&fixture, &options).unwrap().issues {
            produced.insert(issue.code.into_owned());
        }
    }
    let missing: Vec<&str> = qinqing_core::registry()
        .iter()
        .map(|rule| rule.code)
        .filter(|code| !produced.contains(*code))
        .filter(|code| {
            !NOT_FROM_DOCUMENTS
                .iter()
                .any(|(prefix, _)| code.starts_with(prefix))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "no fixture produces these codes (add one, or list the code with a reason): {missing:?}"
    );
}

#[test]
fn every_expected_file_has_an_input() {
    for kind in qinqing_tests::Kind::ALL {
        let dir = qinqing_tests::fixtures_dir()
            .join("expected")
            .join(kind.folder());
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let input = qinqing_tests::fixtures_dir()
                .join(kind.folder())
                .join(path.file_name().unwrap());
            assert!(
                input.exists(),
                "{} has no input {}; delete it",
                path.display(),
                input.display()
            );
        }
    }
}

/// The three entry points agree: text, value and (where the document has no structural
/// issue) the typed model give the same answer.
#[test]
fn text_value_and_typed_entry_points_agree() {
    use qinqing_tests::Kind;
    let options = corpus_options().unwrap();
    let structural = |code: &str| {
        code.starts_with("json.")
            || code.starts_with("type.")
            || code == "field.unknown"
            || code == "enum.unknown"
    };
    for fixture in fixtures().unwrap() {
        let text = std::fs::read_to_string(&fixture.input).unwrap();
        let from_text = answer(&fixture, &options).unwrap();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        if from_text
            .issues
            .iter()
            .any(|issue| issue.code.starts_with("json."))
        {
            continue;
        }
        let (from_value, typed) = match fixture.kind {
            Kind::Complaint => (
                qinqing_core::validate_complaint_value(&value, &options),
                serde_json::from_value(value)
                    .ok()
                    .map(|doc| qinqing_core::validate_complaint(&doc, &options)),
            ),
            Kind::Contract => (
                qinqing_core::validate_contract_value(&value, &options),
                serde_json::from_value(value)
                    .ok()
                    .map(|doc| qinqing_core::validate_contract(&doc, &options)),
            ),
        };
        assert_eq!(
            from_value, from_text,
            "{}: value and text differ",
            fixture.name
        );
        if !from_text.issues.iter().any(|issue| structural(&issue.code)) {
            if let Some(typed) = typed {
                assert_eq!(typed, from_text, "{}: typed and text differ", fixture.name);
            }
        }
    }
}

/// `fixtures/expected-en/<kind>/<name>.json`: the same fixtures answered in English. Only the
/// names present there are checked; to add one, create the file empty and bless.
#[test]
fn english_answers_match_for_the_listed_fixtures() {
    let options = qinqing_core::Options {
        lang: qinqing_core::Lang::En,
        ..corpus_options().unwrap()
    };
    let mut failures = Vec::new();
    let mut checked = 0;
    for fixture in fixtures().unwrap() {
        let english = qinqing_tests::fixtures_dir()
            .join("expected-en")
            .join(fixture.kind.folder())
            .join(format!("{}.json", fixture.name));
        let Ok(expected) = std::fs::read_to_string(&english) else {
            continue;
        };
        checked += 1;
        let actual = expected_text(&answer(&fixture, &options).unwrap());
        if blessing() {
            std::fs::write(&english, &actual).unwrap();
        } else if expected != actual {
            failures.push(format!(
                "{}/{} (en): answer differs\n  expected: {}  actual:   {}",
                fixture.kind.folder(),
                fixture.name,
                expected,
                actual
            ));
        }
    }
    assert!(
        checked >= 10,
        "expected-en should cover a handful of fixtures, found {checked}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

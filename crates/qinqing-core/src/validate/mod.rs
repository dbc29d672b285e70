//! The validation engine: read the document, then run every rule, collecting issues.
//!
//! 1. `json`: text → value, refusing more than 1 MiB or 64 levels (`json.*`).
//! 2. `decode`: value → typed model; wrong types, unknown fields and unknown enum values
//!    become issues at their paths (`type.*`, `field.unknown`, `enum.unknown`).
//! 3. The rule families, one file each, run on the typed model, every one of them even when
//!    others failed, so a citizen sees all problems at once.
//! 4. Issues the rules raise at or below a path that already has a structural issue are
//!    dropped (one wrong value, one issue), and the rest are sorted in document order.

mod agency;
mod attachments;
mod change;
mod commitments;
mod complainant;
mod conduct;
mod context;
mod decode;
mod fast;
mod fields;
mod investor;
mod json;
mod obligations;
mod order;
mod received_at;
mod written_form;

use std::cell::RefCell;

use serde_json::Value;

use crate::answer::{Answer, Issue, Options, Severity};
use crate::codes::Rule;
use crate::model::{Complaint, Contract};

use context::{Ctx, Loc, COMPLAINT_CLAUSE, CONTRACT_CLAUSE, MAX_ISSUES};

pub(crate) static TRUNCATED: Rule = Rule {
    code: "issues.truncated",
    severity: Severity::Error,
    basis: "§八、§九",
    zh: "问题太多，只列出了前 {max} 个；请先修改以上问题，再重新检查。",
    en: "There are too many problems; only the first {max} are listed. Please fix these and check again.",
};
pub(crate) use decode::variant;
use decode::Decoder;
pub(crate) use fast::{
    complaint_from_tape, complaint_from_tape_into, value_from_tape, UnknownNames, TAPE_KEYS,
};

/// Every rule this module raises, for the registry in `codes.rs`.
pub(crate) mod rules {
    pub(crate) use super::attachments::{MEDIA_TYPE, SHA256, TOO_LARGE, TOO_MANY};
    pub(crate) use super::change::{
        NEGOTIATED_PROHIBITED_REASON, PARTIAL_COMPENSATION, PROHIBITED_REASON,
        STATEMENT_CONTRADICTS_REASON, UNCOMPENSATED_LOSS,
    };
    pub(crate) use super::commitments::COMMITMENTS_EMPTY;
    pub(crate) use super::complainant::EMAIL_INVALID;
    pub(crate) use super::conduct::{
        CATEGORY_MISMATCH, COMMITMENT_REF_REQUIRED, DESCRIPTION_TOO_LONG, DESCRIPTION_TOO_SHORT,
    };
    pub(crate) use super::context::{DATE_FUTURE, DATE_INVALID, FIELD_REQUIRED, NUMBER_NEGATIVE};
    pub(crate) use super::decode::{
        ENUM_UNKNOWN, FIELD_UNKNOWN, TYPE_ARRAY, TYPE_BOOLEAN, TYPE_INTEGER, TYPE_OBJECT,
        TYPE_STRING,
    };
    pub(crate) use super::json::{JSON_SYNTAX, JSON_TOO_DEEP, JSON_TOO_LARGE};
    pub(crate) use super::obligations::PROHIBITED_DEMAND;
    pub(crate) use super::received_at::DATETIME_INVALID;
    pub(crate) use super::written_form::WRITTEN_FORM_REQUIRED;
    pub(crate) use super::TRUNCATED;
}

/// Validates a typed complaint: every complaint rule, no structural checks (the types already
/// hold).
///
/// ```
/// use qinqing_core::{validate_complaint, Complaint, Options};
///
/// let answer = validate_complaint(&Complaint::default(), &Options::default());
/// assert!(!answer.valid);
/// assert_eq!(answer.issues[0].code, "field.required");
/// assert_eq!(answer.issues[0].path, "/complainant");
/// ```
pub fn validate_complaint(doc: &Complaint, options: &Options) -> Answer {
    finish(None, complaint_rules(doc, options))
}

/// Validates a typed contract (§九 commitments and their changes).
///
/// ```
/// use qinqing_core::{validate_contract, Contract, Options};
///
/// let answer = validate_contract(&Contract::default(), &Options::default());
/// assert!(answer.issues.iter().any(|issue| issue.code == "writtenForm.required"));
/// ```
pub fn validate_contract(doc: &Contract, options: &Options) -> Answer {
    finish(None, contract_rules(doc, options))
}

/// Validates a complaint given as a JSON value: wrong types, unknown fields and unknown enum
/// values become issues at their paths, and the rules still run on everything else.
///
/// ```
/// use qinqing_core::{validate_complaint_value, Options};
///
/// let doc = serde_json::json!({"complainant": {"kind": "enterprise", "uscc": 91}});
/// let answer = validate_complaint_value(&doc, &Options::default());
/// let uscc = answer.issues.iter().find(|issue| issue.path == "/complainant/uscc").unwrap();
/// assert_eq!(uscc.code, "type.string");
/// ```
pub fn validate_complaint_value(doc: &Value, options: &Options) -> Answer {
    let mut decoder = Decoder::new(options.lang, COMPLAINT_CLAUSE);
    let complaint = decoder.complaint(doc);
    let ctx = complaint_rules(&complaint, options);
    finish(Some(decoder), ctx)
}

/// Validates a contract given as a JSON value.
pub fn validate_contract_value(doc: &Value, options: &Options) -> Answer {
    let mut decoder = Decoder::new(options.lang, CONTRACT_CLAUSE);
    let contract = decoder.contract(doc);
    let ctx = contract_rules(&contract, options);
    finish(Some(decoder), ctx)
}

/// Validates a complaint given as JSON text. Malformed, oversized (> 1 MiB) or too deeply
/// nested (> 64 levels) text is one issue at path `""`, never an error or a panic.
///
/// ```
/// use qinqing_core::{validate_complaint_json, Lang, Options};
///
/// let options = Options { lang: Lang::En, ..Options::default() };
/// let answer = validate_complaint_json("{\"complainant\": ", &options);
/// assert_eq!(answer.issues[0].code, "json.syntax");
/// assert!(answer.issues[0].message.contains("line 1"));
/// ```
pub fn validate_complaint_json(text: &str, options: &Options) -> Answer {
    // A well-formed document with the right types is read straight into the model; anything
    // else (or anything unusual) takes the full path below, so the answer is the same.
    let fast = validate_fast(text.len(), options, |doc, unknown| {
        fast::complaint_into(text, doc, unknown)
    });
    if let Some(answer) = fast {
        return answer;
    }
    match json::parse(text, options.lang) {
        Ok(value) => validate_complaint_value(&value, options),
        Err(issue) => Answer::from_issues(vec![*issue], false),
    }
}

/// The answer for a complaint a fast reader reads (`read`: from text or a tape, into this
/// thread's reusable model, see [`with_model`]), or `None` when it gives up: the answer
/// [`validate_complaint_value`] gives for the same document, whose decoder would have
/// raised only the `enum.unknown` issues of the names `read` could not place.
pub(crate) fn validate_fast<'t>(
    bytes: usize,
    options: &Options,
    read: impl FnOnce(&mut Complaint, &mut UnknownNames<'t>) -> Option<()>,
) -> Option<Answer> {
    with_model(bytes, |doc| {
        let mut unknown = UnknownNames::default();
        read(doc, &mut unknown)?;
        if unknown.is_empty() {
            return Some(validate_complaint(doc, options));
        }
        let mut decoder = Decoder::new(options.lang, COMPLAINT_CLAUSE);
        decoder.unknown_names(&unknown);
        Some(finish(Some(decoder), complaint_rules(doc, options)))
    })
}

/// Validates a contract given as JSON text (same limits as [`validate_complaint_json`]).
pub fn validate_contract_json(text: &str, options: &Options) -> Answer {
    match json::parse(text, options.lang) {
        Ok(value) => validate_contract_value(&value, options),
        Err(issue) => Answer::from_issues(vec![*issue], false),
    }
}

thread_local! {
    /// The model the fast readers fill, kept between calls so that reading a document
    /// reuses the text buffers of the last one instead of allocating and freeing one per
    /// field (≈ a tenth of a WebAssembly call).
    static MODEL: RefCell<Complaint> = const {
        RefCell::new(Complaint {
            complainant: None,
            respondent: None,
            conduct: None,
            attachments: Vec::new(),
            remedy: None,
            received_at: None,
        })
    };
}

/// Runs `read` on this thread's reusable model (a fresh one when it is in use). After a
/// document of more than 64 KiB the model is dropped, so a thread never keeps much memory.
fn with_model<T>(bytes: usize, read: impl FnOnce(&mut Complaint) -> T) -> T {
    MODEL.with(|cell| match cell.try_borrow_mut() {
        Ok(mut model) => {
            let result = read(&mut model);
            if bytes > 64 * 1024 {
                *model = Complaint::default();
            }
            result
        }
        Err(_) => read(&mut Complaint::default()),
    })
}

fn complaint_rules<'o>(doc: &Complaint, options: &'o Options) -> Ctx<'o> {
    let mut ctx = Ctx::new(options, COMPLAINT_CLAUSE);
    complainant::check(&mut ctx, &doc.complainant);
    let respondent = doc.respondent.as_ref();
    agency::check(
        &mut ctx,
        respondent.is_some(),
        agency::AgencyFields {
            agency: respondent.map_or(&None, |r| &r.agency),
            division_code: respondent.map_or(&None, |r| &r.division_code),
            level: respondent.map_or(&None, |r| &r.level),
            base: "/respondent",
            agency_path: "/respondent/agency",
            code_path: "/respondent/divisionCode",
            level_path: "/respondent/level",
        },
    );
    let real_name = doc.complainant.as_ref().and_then(|c| c.real_name) == Some(true);
    conduct::check(&mut ctx, &doc.conduct, real_name);
    attachments::check(&mut ctx, &doc.attachments);
    received_at::check(&mut ctx, &doc.received_at);
    ctx
}

fn contract_rules<'o>(doc: &Contract, options: &'o Options) -> Ctx<'o> {
    let mut ctx = Ctx::new(options, CONTRACT_CLAUSE);
    ctx.required_text(&doc.project, Loc::At("/project"));
    investor::check(&mut ctx, &doc.investor);
    let authority = doc.authority.as_ref();
    agency::check(
        &mut ctx,
        authority.is_some(),
        agency::AgencyFields {
            agency: authority.map_or(&None, |a| &a.agency),
            division_code: authority.map_or(&None, |a| &a.division_code),
            level: authority.map_or(&None, |a| &a.level),
            base: "/authority",
            agency_path: "/authority/agency",
            code_path: "/authority/divisionCode",
            level_path: "/authority/level",
        },
    );
    written_form::check(&mut ctx, &doc.written_form);
    commitments::check(&mut ctx, &doc.commitments);
    obligations::check(&mut ctx, &doc.investor_obligations);
    change::check(&mut ctx, &doc.change);
    ctx
}

/// Merges structural and rule issues (dropping rule issues where a structural one already
/// explains the place), sorts them in document order and derives validity.
fn finish(decoder: Option<Decoder>, ctx: Ctx<'_>) -> Answer {
    let (mut issues, mut truncated) = match decoder {
        Some(decoder) => (decoder.issues, decoder.truncated),
        None => (Vec::new(), false),
    };
    let rules = ctx.issues;
    truncated |= ctx.truncated;
    if issues.is_empty() {
        issues = rules;
    } else {
        let structural = issues.len();
        issues.reserve(rules.len());
        for rule_issue in rules {
            let covered = issues
                .get(..structural)
                .unwrap_or_default()
                .iter()
                .any(|structural| covers(&structural.path, &rule_issue.path));
            if !covered {
                issues.push(rule_issue);
            }
        }
    }
    order::sort(&mut issues);
    if truncated || issues.len() > MAX_ISSUES {
        issues.truncate(MAX_ISSUES);
        issues.push(Issue::new(
            &TRUNCATED,
            "",
            ctx.options.lang,
            &[("max", &MAX_ISSUES.to_string())],
        ));
    }
    Answer::from_issues(issues, ctx.priority)
}

/// Whether `path` is `base` or lies below it (segment-aware: `/a/1` does not cover `/a/10`).
fn covers(base: &str, path: &str) -> bool {
    match path.strip_prefix(base) {
        Some(rest) => rest.is_empty() || rest.starts_with('/'),
        None => false,
    }
}

#[cfg(test)]
mod tests;

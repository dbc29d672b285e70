//! The validation engine: decode, then run every rule, collecting issues.

use crate::answer::{Answer, Options};
use crate::model::{Complaint, Contract};

/// Validates a typed complaint. (STUB: being written.)
pub fn validate_complaint(_doc: &Complaint, _options: &Options) -> Answer {
    Answer::ok()
}

/// Validates a contract. (STUB: being written.)
pub fn validate_contract(_doc: &Contract, _options: &Options) -> Answer {
    Answer::ok()
}

/// Validates a complaint given as a JSON value: wrong types and unknown fields become issues
/// at their paths. (STUB: being written.)
pub fn validate_complaint_value(_doc: &serde_json::Value, _options: &Options) -> Answer {
    Answer::ok()
}

/// Validates a contract given as a JSON value. (STUB: being written.)
pub fn validate_contract_value(_doc: &serde_json::Value, _options: &Options) -> Answer {
    Answer::ok()
}

/// Validates a complaint given as JSON text; malformed JSON is an issue, not an error.
/// (STUB: being written.)
pub fn validate_complaint_json(_text: &str, _options: &Options) -> Answer {
    Answer::ok()
}

/// Validates a contract given as JSON text. (STUB: being written.)
pub fn validate_contract_json(_text: &str, _options: &Options) -> Answer {
    Answer::ok()
}

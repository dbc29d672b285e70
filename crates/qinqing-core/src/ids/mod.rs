//! Identifier checks: USCC, resident ID, phone numbers, Guangxi division codes.

use crate::answer::{Answer, Options};
use crate::model::Level;

/// Checks a unified social credit code (GB 32100-2015). (STUB: being written.)
pub fn check_uscc(_value: &str, _options: &Options) -> Answer {
    Answer::ok()
}

/// Checks a resident identity card number (GB 11643-1999). (STUB: being written.)
pub fn check_ric(_value: &str, _options: &Options) -> Answer {
    Answer::ok()
}

/// Checks a phone number. (STUB: being written.)
pub fn check_phone(_value: &str, _options: &Options) -> Answer {
    Answer::ok()
}

/// Checks a Guangxi division code, and its level when given. (STUB: being written.)
pub fn check_division(_code: &str, _level: Option<Level>, _options: &Options) -> Answer {
    Answer::ok()
}

//! # qinqing-core
//!
//! The one core behind every qinqing front: the CLI, the WebAssembly package, the yew forms
//! and the reference server all call this crate, so a complaint gets the same verdict wherever
//! it is checked.
//!
//! It follows the 2018 Guangxi policy on "亲" and "清" government–business relations:
//!
//! 1. **Case model** ([`Complaint`], [`Contract`]): the JSON documents an enterprise or an
//!    investment-promotion office submits, with camelCase field names.
//! 2. **Identifiers** ([`check_uscc`], [`check_ric`], [`check_phone`], [`check_division`]):
//!    check characters and code tables from the national standards.
//! 3. **Prohibition catalogue** ([`catalogue`], [`detect_conduct`]): the conduct §五, §六, §七
//!    and §九 forbid, with the Chinese phrases that reveal it in free text.
//! 4. **Calendar** ([`Calendar`]): China's working days from the State Council notices plus
//!    Guangxi's 壮族三月三, and the §八 reply deadline of 7 working days.
//! 5. **Validation** ([`validate_complaint`], [`validate_contract`] and their `_json` /
//!    `_value` twins): every rule, collected into one [`Answer`] whose [`Issue`]s carry a
//!    stable code, a JSON-pointer path, a severity, a message for citizens and the clause
//!    they enforce.
//!
//! The core is pure: it never reads the clock, the file system or a random source. "Today"
//! is a parameter ([`Options::today`]), so the same input always gives the same answer.
//! It never panics on any input: a panic would abort the WebAssembly instance and silently
//! kill the form on a citizen's page.
#![deny(missing_docs)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::todo,
    clippy::unimplemented
)]

mod answer;
mod calendar;
mod case;
mod codes;
mod datetime;
pub mod ffi;
mod pointer;

pub use answer::{Answer, Issue, Lang, Options, Severity};
pub use calendar::{
    calendar_table_sizes, Calendar, CalendarError, CaseStatus, DayInfo, DayReason, Deadline,
    Region, ReplyState, SkippedDay, MAX_WORKING_DAYS,
};
pub use case::{apply as apply_case_event, replay as replay_case, CaseEvent, CaseStage, CaseState};
pub use codes::{registry, Rule};

mod conduct;
mod ids;
mod model;
mod validate;

pub use conduct::{
    catalogue, detect_conduct, detected_ids, CatalogueEntry, ConductId, ConductMatch,
};
pub use ids::{
    check_division, check_phone, check_ric, check_uscc, division_name, guangxi_divisions,
    normalize_uscc, Division,
};
pub use model::{
    Attachment, Authority, Change, ChangeKind, ChangeReason, Commitment, CommitmentKind,
    Complainant, ComplainantKind, Complaint, Conduct, Contact, Contract, Initiator, Investor,
    Level, Obligation, Respondent, WrittenForm,
};
pub use validate::{
    validate_complaint, validate_complaint_json, validate_complaint_value, validate_contract,
    validate_contract_json, validate_contract_value,
};

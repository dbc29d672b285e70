//! The case ledger behind a small interface, so PostgreSQL can follow SQLite when one machine
//! is outgrown. Every method returns a future that owns its data: a store may serve calls from
//! a writer thread, a connection pool or the network.

use std::future::Future;
use std::pin::Pin;

use qinqing_core::{CaseEvent, CaseState, Issue, Lang};
use serde::Serialize;

/// What the store hands back, later.
pub type StoreFuture<T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'static>>;

/// Why the store could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The database cannot be written now (read-only file, disk full, I/O error): a 503.
    Unavailable(String),
    /// Anything else: a bug or a damaged database.
    Internal(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable(reason) => write!(f, "database unavailable: {reason}"),
            StoreError::Internal(reason) => write!(f, "database error: {reason}"),
        }
    }
}

impl std::error::Error for StoreError {}

/// The two kinds of case the ledger keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CaseKind {
    /// A complaint (§八), numbered `GX-YYYY-NNNNNN`.
    Complaint,
    /// A commitment contract (§九), numbered `GXC-YYYY-NNNNNN`.
    Contract,
}

impl CaseKind {
    /// The name stored in the ledger.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseKind::Complaint => "complaint",
            CaseKind::Contract => "contract",
        }
    }

    /// The case-number prefix.
    pub fn prefix(self) -> &'static str {
        match self {
            CaseKind::Complaint => "GX",
            CaseKind::Contract => "GXC",
        }
    }

    pub(crate) fn parse(text: &str) -> CaseKind {
        if text == "contract" {
            CaseKind::Contract
        } else {
            CaseKind::Complaint
        }
    }
}

/// A validated document to store as a new case.
#[derive(Debug, Clone)]
pub struct NewCase {
    /// Complaint or contract.
    pub kind: CaseKind,
    /// Year used in the case number (China date of receipt).
    pub year: i32,
    /// When the server received it (RFC 3339, +08:00).
    pub received_at: String,
    /// The last day of the reply deadline, `YYYY-MM-DD`.
    pub due_date: String,
    /// The deadline with its explanation, as told to the citizen.
    pub deadline: serde_json::Value,
    /// The document as submitted, with `receivedAt` set by the server.
    pub document: serde_json::Value,
    /// The `Idempotency-Key` header, if any.
    pub idempotency_key: Option<String>,
}

/// What happened to a [`NewCase`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inserted {
    /// Stored under a new case number.
    Created(CaseSummary),
    /// The idempotency key was seen before with the same document: the original case.
    Replayed(CaseSummary),
    /// The idempotency key was seen before with a different document.
    KeyReused(CaseSummary),
}

/// A case as it appears in listings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseSummary {
    /// Case number such as `GX-2026-000123`.
    pub case_id: String,
    /// Complaint or contract.
    pub kind: CaseKind,
    /// When the server received it.
    pub received_at: String,
    /// Last day of the reply deadline.
    pub due_date: String,
    /// The deadline with its explanation, as told to the citizen at receipt.
    pub deadline: serde_json::Value,
    /// Lifecycle state.
    pub state: CaseState,
}

/// One stored lifecycle event: who, when, what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventRecord {
    /// 1, 2, 3… within the case.
    pub seq: i64,
    /// When the server recorded it.
    pub at: String,
    /// Who did it (the `by` field of the request).
    pub by: String,
    /// What was done.
    pub event: CaseEvent,
}

/// A case with its document and its events.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseRecord {
    /// Number, kind, dates and state.
    #[serde(flatten)]
    pub summary: CaseSummary,
    /// The stored document.
    pub document: serde_json::Value,
    /// Every event, oldest first.
    pub events: Vec<EventRecord>,
}

/// A lifecycle event to apply and store.
#[derive(Debug, Clone)]
pub struct NewEvent {
    /// The case.
    pub case_id: String,
    /// Who does it.
    pub by: String,
    /// When (server clock).
    pub at: String,
    /// What.
    pub event: CaseEvent,
    /// Language of the message if the step is refused.
    pub lang: Lang,
}

/// What happened to a [`NewEvent`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventOutcome {
    /// Stored; the state after it.
    Applied(Box<(CaseSummary, EventRecord)>),
    /// The state machine refused it; nothing stored.
    Refused(Issue),
    /// No such case.
    NotFound,
}

/// Which cases a listing wants, decided in the store so it stays cheap with many cases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseFilter {
    /// Every case.
    All,
    /// Not closed.
    Open,
    /// Closed.
    Closed,
    /// No written reply and the last day is before `today` (`YYYY-MM-DD`).
    Overdue {
        /// Today in China.
        today: String,
    },
    /// No written reply and the last day is `today`.
    DueToday {
        /// Today in China.
        today: String,
    },
}

/// The ledger.
pub trait Store: Send + Sync + 'static {
    /// Stores a new case, or finds the one stored under the same idempotency key.
    fn insert_case(&self, case: NewCase) -> StoreFuture<Inserted>;
    /// The case stored under an idempotency key, with its document.
    fn find_by_key(
        &self,
        kind: CaseKind,
        key: String,
    ) -> StoreFuture<Option<(CaseSummary, serde_json::Value)>>;
    /// Applies a lifecycle event through the core state machine, atomically.
    fn append_event(&self, event: NewEvent) -> StoreFuture<EventOutcome>;
    /// One case with its events.
    fn get_case(&self, case_id: String) -> StoreFuture<Option<CaseRecord>>;
    /// Cases matching `filter`, oldest first, at most `limit`.
    fn list_cases(&self, filter: CaseFilter, limit: u32) -> StoreFuture<Vec<CaseSummary>>;
    /// How many cases are stored.
    fn count_cases(&self) -> StoreFuture<u64>;
    /// Keeps a calendar notice year loaded by an administrator.
    fn save_calendar_year(&self, year: i32, json: String, loaded_at: String) -> StoreFuture<()>;
    /// Every calendar year loaded so far, oldest load first.
    fn calendar_years(&self) -> StoreFuture<Vec<(i32, String)>>;
}

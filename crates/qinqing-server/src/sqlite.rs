//! The SQLite ledger: one writer thread with group commit, a small pool of read connections.
//!
//! rusqlite is synchronous and SQLite allows one writer at a time, so every write goes through
//! a channel to a single thread. That thread takes whatever has queued up (up to
//! [`MAX_BATCH`] operations), runs each in its own savepoint inside one transaction and commits
//! once: one `fsync` for the whole batch instead of one per case. Replies are sent only after
//! the commit, so a `201` always means the case is on disk.
//!
//! Durability: WAL mode with `synchronous=FULL`, so an acknowledged case survives a process
//! kill and a power cut. (WAL with `NORMAL` would also survive `kill -9`, because committed
//! frames are already in the operating system's page cache, but could lose the last commits
//! on power loss; group commit makes FULL cheap enough.)
//!
//! Case numbers are allocated inside the same transaction from a counter per prefix and year,
//! and idempotency keys have a unique index, so concurrent retries of one submission can never
//! create two cases.

use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, Mutex};

use qinqing_core::{apply_case_event, CaseEvent, CaseState};
use rusqlite::{params, Connection, ErrorCode, OptionalExtension, Transaction};
use tokio::sync::oneshot;

use crate::store::{
    CaseFilter, CaseKind, CaseRecord, CaseSummary, EventOutcome, EventRecord, Inserted, NewCase,
    NewEvent, Store, StoreError, StoreFuture,
};

/// The most operations committed together.
const MAX_BATCH: usize = 512;
/// Read connections kept open for reuse.
const READ_POOL: usize = 8;

const MIGRATIONS: &[&str] = &[
    // 1: the ledger.
    "CREATE TABLE cases (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL,
        received_at TEXT NOT NULL,
        due_date    TEXT NOT NULL,
        deadline    TEXT NOT NULL,
        stage       TEXT NOT NULL,
        replied     INTEGER NOT NULL DEFAULT 0,
        closed      INTEGER NOT NULL DEFAULT 0,
        state       TEXT NOT NULL,
        document    TEXT NOT NULL,
        idem_key    TEXT
    );
    CREATE UNIQUE INDEX cases_idem_key ON cases(idem_key) WHERE idem_key IS NOT NULL;
    CREATE INDEX cases_pending ON cases(replied, due_date);
    CREATE TABLE case_events (
        case_id TEXT NOT NULL REFERENCES cases(id),
        seq     INTEGER NOT NULL,
        at      TEXT NOT NULL,
        by      TEXT NOT NULL,
        event   TEXT NOT NULL,
        PRIMARY KEY (case_id, seq)
    );
    CREATE TABLE counters (
        key  TEXT PRIMARY KEY,
        last INTEGER NOT NULL
    );
    CREATE TABLE calendar_years (
        year      INTEGER PRIMARY KEY,
        json      TEXT NOT NULL,
        loaded_at TEXT NOT NULL
    );",
];

enum WriteOp {
    Insert(NewCase, oneshot::Sender<Result<Inserted, StoreError>>),
    Event(NewEvent, oneshot::Sender<Result<EventOutcome, StoreError>>),
    Calendar(i32, String, String, oneshot::Sender<Result<(), StoreError>>),
}

enum Done {
    Insert(
        oneshot::Sender<Result<Inserted, StoreError>>,
        Result<Inserted, StoreError>,
    ),
    Event(
        oneshot::Sender<Result<EventOutcome, StoreError>>,
        Result<EventOutcome, StoreError>,
    ),
    Calendar(
        oneshot::Sender<Result<(), StoreError>>,
        Result<(), StoreError>,
    ),
}

impl Done {
    /// Sends the result, or `failure` when the batch could not be committed.
    fn send(self, failure: Option<&StoreError>) {
        // A closed receiver means the client went away; nothing to do.
        match self {
            Done::Insert(tx, result) => drop(tx.send(failure.map_or(result, |e| Err(e.clone())))),
            Done::Event(tx, result) => drop(tx.send(failure.map_or(result, |e| Err(e.clone())))),
            Done::Calendar(tx, result) => drop(tx.send(failure.map_or(result, |e| Err(e.clone())))),
        }
    }
}

/// The SQLite [`Store`].
pub struct SqliteStore {
    writer: mpsc::Sender<WriteOp>,
    readers: Arc<Mutex<Vec<Connection>>>,
    path: PathBuf,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path`, applies migrations and starts the
    /// writer thread.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|err| {
                StoreError::Unavailable(format!("cannot create {}: {err}", dir.display()))
            })?;
        }
        let mut conn = Connection::open(path).map_err(classify)?;
        // A read-only database still serves reads; writes will answer 503.
        if let Err(err) = conn.pragma_update(None, "journal_mode", "WAL") {
            match classify(err) {
                StoreError::Unavailable(reason) => {
                    tracing::warn!("{}: cannot switch to WAL: {reason}", path.display())
                }
                other => return Err(other),
            }
        }
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(classify)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(classify)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(classify)?;
        migrate(&mut conn)?;
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("qinqing-sqlite-writer".into())
            .spawn(move || writer_loop(conn, rx))
            .map_err(|err| {
                StoreError::Internal(format!("cannot start the writer thread: {err}"))
            })?;
        Ok(SqliteStore {
            writer: tx,
            readers: Arc::new(Mutex::new(Vec::new())),
            path: path.to_owned(),
        })
    }

    fn write<T: Send + 'static>(
        &self,
        make: impl FnOnce(oneshot::Sender<Result<T, StoreError>>) -> WriteOp,
    ) -> StoreFuture<T> {
        let (tx, rx) = oneshot::channel();
        let sent = self.writer.send(make(tx)).is_ok();
        Box::pin(async move {
            if !sent {
                return Err(StoreError::Unavailable(
                    "the database writer has stopped".into(),
                ));
            }
            rx.await.unwrap_or_else(|_| {
                Err(StoreError::Unavailable(
                    "the database writer has stopped".into(),
                ))
            })
        })
    }

    fn read<T: Send + 'static>(
        &self,
        query: impl FnOnce(&Connection) -> Result<T, rusqlite::Error> + Send + 'static,
    ) -> StoreFuture<T> {
        let readers = Arc::clone(&self.readers);
        let path = self.path.clone();
        Box::pin(async move {
            let joined = tokio::task::spawn_blocking(move || {
                let pooled = readers.lock().ok().and_then(|mut pool| pool.pop());
                let conn = match pooled {
                    Some(conn) => conn,
                    None => open_reader(&path)?,
                };
                let result = query(&conn).map_err(classify);
                if let Ok(mut pool) = readers.lock() {
                    if pool.len() < READ_POOL {
                        pool.push(conn);
                    }
                }
                result
            })
            .await;
            joined
                .unwrap_or_else(|err| Err(StoreError::Internal(format!("read task failed: {err}"))))
        })
    }
}

fn open_reader(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open(path).map_err(classify)?;
    conn.pragma_update(None, "query_only", "ON")
        .map_err(classify)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .map_err(classify)?;
    Ok(conn)
}

/// Read-only files, a full disk and I/O failures are "try again later", not bugs.
fn classify(err: rusqlite::Error) -> StoreError {
    match err.sqlite_error_code() {
        Some(
            ErrorCode::ReadOnly
            | ErrorCode::DiskFull
            | ErrorCode::SystemIoFailure
            | ErrorCode::CannotOpen
            | ErrorCode::DatabaseBusy
            | ErrorCode::DatabaseLocked
            | ErrorCode::PermissionDenied,
        ) => StoreError::Unavailable(err.to_string()),
        _ => StoreError::Internal(err.to_string()),
    }
}

fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(classify)?;
    let start = usize::try_from(version).unwrap_or(0);
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(start) {
        let tx = conn.transaction().map_err(classify)?;
        tx.execute_batch(sql).map_err(classify)?;
        tx.pragma_update(
            None,
            "user_version",
            i64::try_from(index + 1).unwrap_or(i64::MAX),
        )
        .map_err(classify)?;
        tx.commit().map_err(classify)?;
    }
    Ok(())
}

fn writer_loop(mut conn: Connection, rx: mpsc::Receiver<WriteOp>) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(op) => batch.push(op),
                Err(_) => break,
            }
        }
        let mut done = Vec::with_capacity(batch.len());
        let failure = match conn.transaction() {
            Ok(mut tx) => {
                for op in batch {
                    done.push(run_in_savepoint(&mut tx, op));
                }
                tx.commit().err().map(classify)
            }
            Err(err) => {
                let err = classify(err);
                for op in batch {
                    done.push(fail(op, err.clone()));
                }
                None
            }
        };
        if let Some(err) = &failure {
            tracing::error!("commit failed: {err}");
        }
        for item in done {
            item.send(failure.as_ref());
        }
    }
}

fn fail(op: WriteOp, err: StoreError) -> Done {
    match op {
        WriteOp::Insert(_, tx) => Done::Insert(tx, Err(err)),
        WriteOp::Event(_, tx) => Done::Event(tx, Err(err)),
        WriteOp::Calendar(_, _, _, tx) => Done::Calendar(tx, Err(err)),
    }
}

/// One operation in its own savepoint, so a failing one does not undo its batch mates.
fn run_in_savepoint(tx: &mut Transaction<'_>, op: WriteOp) -> Done {
    let savepoint = match tx.savepoint() {
        Ok(savepoint) => savepoint,
        Err(err) => return fail(op, classify(err)),
    };
    let (done, ok) = match op {
        WriteOp::Insert(case, reply) => {
            let result = insert_case(&savepoint, &case);
            let ok = result.is_ok();
            (Done::Insert(reply, result.map_err(classify)), ok)
        }
        WriteOp::Event(event, reply) => {
            let result = append_event(&savepoint, &event);
            let ok = result.is_ok();
            (Done::Event(reply, result.map_err(classify)), ok)
        }
        WriteOp::Calendar(year, json, loaded_at, reply) => {
            let result = savepoint
                .execute(
                    "INSERT INTO calendar_years(year, json, loaded_at) VALUES (?1, ?2, ?3)
                     ON CONFLICT(year) DO UPDATE SET json = excluded.json, loaded_at = excluded.loaded_at",
                    params![year, json, loaded_at],
                )
                .map(|_| ());
            let ok = result.is_ok();
            (Done::Calendar(reply, result.map_err(classify)), ok)
        }
    };
    // Dropping an uncommitted savepoint rolls it back.
    if ok {
        if let Err(err) = savepoint.commit() {
            tracing::error!("savepoint release failed: {err}");
        }
    }
    done
}

fn stage_name(state: &CaseState) -> String {
    serde_json::to_value(state.stage)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The document without the server's own `receivedAt`, for comparing two submissions.
pub(crate) fn submitted_part(document: &serde_json::Value) -> serde_json::Value {
    let mut copy = document.clone();
    if let Some(map) = copy.as_object_mut() {
        map.remove("receivedAt");
    }
    copy
}

fn insert_case(tx: &Connection, case: &NewCase) -> Result<Inserted, rusqlite::Error> {
    let key = case
        .idempotency_key
        .as_ref()
        .map(|key| format!("{}:{key}", case.kind.as_str()));
    if let Some(key) = &key {
        let existing: Option<(String, String)> = tx
            .query_row(
                "SELECT id, document FROM cases WHERE idem_key = ?1",
                [key],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        if let Some((id, document)) = existing {
            let Some(summary) = summary_by_id(tx, &id)? else {
                return Err(rusqlite::Error::QueryReturnedNoRows);
            };
            let stored: serde_json::Value = serde_json::from_str(&document).unwrap_or_default();
            return Ok(
                if submitted_part(&stored) == submitted_part(&case.document) {
                    Inserted::Replayed(summary)
                } else {
                    Inserted::KeyReused(summary)
                },
            );
        }
    }
    let counter = format!("{}-{}", case.kind.prefix(), case.year);
    let seq: i64 = tx.query_row(
        "INSERT INTO counters(key, last) VALUES (?1, 1)
         ON CONFLICT(key) DO UPDATE SET last = last + 1 RETURNING last",
        [&counter],
        |row| row.get(0),
    )?;
    let case_id = format!("{counter}-{seq:06}");
    let state = CaseState::default();
    let state_json = serde_json::to_string(&state).unwrap_or_default();
    let document = serde_json::to_string(&case.document).unwrap_or_default();
    let deadline = serde_json::to_string(&case.deadline).unwrap_or_default();
    tx.execute(
        "INSERT INTO cases(id, kind, received_at, due_date, deadline, stage, state, document, idem_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            case_id,
            case.kind.as_str(),
            case.received_at,
            case.due_date,
            deadline,
            stage_name(&state),
            state_json,
            document,
            key
        ],
    )?;
    Ok(Inserted::Created(CaseSummary {
        case_id,
        kind: case.kind,
        received_at: case.received_at.clone(),
        due_date: case.due_date.clone(),
        deadline: case.deadline.clone(),
        state,
    }))
}

const SUMMARY_COLUMNS: &str = "id, kind, received_at, due_date, state, deadline";

fn summary_from_row(row: &rusqlite::Row<'_>) -> Result<CaseSummary, rusqlite::Error> {
    let kind: String = row.get(1)?;
    let state: String = row.get(4)?;
    let deadline: String = row.get(5)?;
    Ok(CaseSummary {
        case_id: row.get(0)?,
        kind: CaseKind::parse(&kind),
        received_at: row.get(2)?,
        due_date: row.get(3)?,
        deadline: serde_json::from_str(&deadline).unwrap_or_default(),
        state: serde_json::from_str(&state).unwrap_or_default(),
    })
}

fn summary_by_id(conn: &Connection, id: &str) -> Result<Option<CaseSummary>, rusqlite::Error> {
    conn.query_row(
        &format!("SELECT {SUMMARY_COLUMNS} FROM cases WHERE id = ?1"),
        [id],
        summary_from_row,
    )
    .optional()
}

fn append_event(tx: &Connection, new: &NewEvent) -> Result<EventOutcome, rusqlite::Error> {
    let Some(summary) = summary_by_id(tx, &new.case_id)? else {
        return Ok(EventOutcome::NotFound);
    };
    let state = match apply_case_event(&summary.state, &new.event, &new.at, new.lang) {
        Ok(state) => state,
        Err(issue) => return Ok(EventOutcome::Refused(issue)),
    };
    let seq: i64 = tx.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM case_events WHERE case_id = ?1",
        [&new.case_id],
        |row| row.get(0),
    )?;
    let event_json = serde_json::to_string(&new.event).unwrap_or_default();
    tx.execute(
        "INSERT INTO case_events(case_id, seq, at, by, event) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![new.case_id, seq, new.at, new.by, event_json],
    )?;
    let state_json = serde_json::to_string(&state).unwrap_or_default();
    tx.execute(
        "UPDATE cases SET state = ?2, stage = ?3, replied = ?4, closed = ?5 WHERE id = ?1",
        params![
            new.case_id,
            state_json,
            stage_name(&state),
            state.replied_at.is_some(),
            state.stage.is_closed()
        ],
    )?;
    let record = EventRecord {
        seq,
        at: new.at.clone(),
        by: new.by.clone(),
        event: new.event.clone(),
    };
    Ok(EventOutcome::Applied(Box::new((
        CaseSummary { state, ..summary },
        record,
    ))))
}

impl Store for SqliteStore {
    fn insert_case(&self, case: NewCase) -> StoreFuture<Inserted> {
        self.write(|reply| WriteOp::Insert(case, reply))
    }

    fn append_event(&self, event: NewEvent) -> StoreFuture<EventOutcome> {
        self.write(|reply| WriteOp::Event(event, reply))
    }

    fn save_calendar_year(&self, year: i32, json: String, loaded_at: String) -> StoreFuture<()> {
        self.write(|reply| WriteOp::Calendar(year, json, loaded_at, reply))
    }

    fn find_by_key(
        &self,
        kind: CaseKind,
        key: String,
    ) -> StoreFuture<Option<(CaseSummary, serde_json::Value)>> {
        self.read(move |conn| {
            let key = format!("{}:{key}", kind.as_str());
            let found: Option<(String, String)> = conn
                .query_row(
                    "SELECT id, document FROM cases WHERE idem_key = ?1",
                    [&key],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?;
            let Some((id, document)) = found else {
                return Ok(None);
            };
            let summary = summary_by_id(conn, &id)?;
            Ok(summary
                .map(|summary| (summary, serde_json::from_str(&document).unwrap_or_default())))
        })
    }

    fn get_case(&self, case_id: String) -> StoreFuture<Option<CaseRecord>> {
        self.read(move |conn| {
            let Some(summary) = summary_by_id(conn, &case_id)? else {
                return Ok(None);
            };
            let document: String = conn.query_row(
                "SELECT document FROM cases WHERE id = ?1",
                [&case_id],
                |row| row.get(0),
            )?;
            let mut statement = conn.prepare_cached(
                "SELECT seq, at, by, event FROM case_events WHERE case_id = ?1 ORDER BY seq",
            )?;
            let rows = statement.query_map([&case_id], |row| {
                let event: String = row.get(3)?;
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, event))
            })?;
            let mut events = Vec::new();
            for row in rows {
                let (seq, at, by, event) = row?;
                // Events were serialised by this server; one that no longer parses is skipped
                // rather than hiding the whole case.
                if let Ok(event) = serde_json::from_str::<CaseEvent>(&event) {
                    events.push(EventRecord { seq, at, by, event });
                }
            }
            Ok(Some(CaseRecord {
                summary,
                document: serde_json::from_str(&document).unwrap_or_default(),
                events,
            }))
        })
    }

    fn list_cases(&self, filter: CaseFilter, limit: u32) -> StoreFuture<Vec<CaseSummary>> {
        self.read(move |conn| {
            let (condition, today) = match &filter {
                CaseFilter::All => ("?1 = ?1", String::new()),
                CaseFilter::Open => ("closed = 0 AND ?1 = ?1", String::new()),
                CaseFilter::Closed => ("closed = 1 AND ?1 = ?1", String::new()),
                CaseFilter::Overdue { today } => ("replied = 0 AND due_date < ?1", today.clone()),
                CaseFilter::DueToday { today } => ("replied = 0 AND due_date = ?1", today.clone()),
            };
            let sql = format!("SELECT {SUMMARY_COLUMNS} FROM cases WHERE {condition} ORDER BY rowid LIMIT {limit}");
            let mut statement = conn.prepare_cached(&sql)?;
            let rows = statement.query_map([today], summary_from_row)?;
            rows.collect()
        })
    }

    fn count_cases(&self) -> StoreFuture<u64> {
        self.read(|conn| {
            conn.query_row("SELECT COUNT(*) FROM cases", [], |row| row.get::<_, i64>(0))
        })
        .map_ok_u64()
    }

    fn calendar_years(&self) -> StoreFuture<Vec<(i32, String)>> {
        self.read(|conn| {
            let mut statement =
                conn.prepare("SELECT year, json FROM calendar_years ORDER BY loaded_at, year")?;
            let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            rows.collect()
        })
    }
}

trait MapU64 {
    fn map_ok_u64(self) -> StoreFuture<u64>;
}

impl MapU64 for StoreFuture<i64> {
    fn map_ok_u64(self) -> StoreFuture<u64> {
        Box::pin(async move { self.await.map(|n| u64::try_from(n).unwrap_or(0)) })
    }
}

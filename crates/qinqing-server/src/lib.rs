//! # qinqing-server
//!
//! The reference server and case ledger of §八 of the 2018 Guangxi policy: every complaint
//! is received in one place (统一受理), re-validated with the very same core the browser ran,
//! numbered, stored, handed to the responsible unit (按责承办), supervised (强化监督) and
//! answered in writing within 7 working days (限时办结), with every step kept in the ledger
//! (台账档案).
//!
//! - [`Config`] is the command line; [`start`] binds and serves in the background, [`run`]
//!   serves until Ctrl-C.
//! - The ledger sits behind the [`Store`] trait; [`SqliteStore`] is the embedded default.
//! - Logs never contain documents; the few personal numbers logged go through [`mask`].
//!
//! ## API (JSON; every error is an `Answer`: `{valid: false, priority: false, issues: [...]}`)
//!
//! | request | answer |
//! |---|---|
//! | `POST /api/complaints` (`Idempotency-Key` optional) | 201 `{caseId, receivedAt, deadline, answer}`; 200 same case for a retry with the same key and document; 422 invalid, or key reused with another document |
//! | `POST /api/contracts` | the same, case numbers `GXC-YYYY-NNNNNN` |
//! | `POST /api/validate/complaint`, `/api/validate/contract` | 200 with the core's answer; nothing stored |
//! | `GET /api/cases/{id}` | document, state, events (who, when, what), deadline, `status`, `replyOnTime`, `workingDaysLeft` |
//! | `GET /api/cases?status=overdue\|dueToday\|open\|closed&limit=N` | `{count, cases}`; `open` = not closed; `overdue`/`dueToday` = no written reply yet and the due date passed / is today (China date of the server clock) |
//! | `POST /api/cases/{id}/events` `{kind, by, unit?/meeting?/note?/text?}` | 201 `{caseId, event, state}`; 409 step not allowed now (`case.illegalTransition`) |
//! | `GET /api/calendar/{year}?region=guangxi\|national` | the year's holidays and make-up working days with reasons |
//! | `POST /api/calendar` (`Authorization: Bearer <admin token>`) | loads a notice year; kept in the ledger and re-applied at start |
//! | `GET /api/health` | `{ok, cases, now}` |
//!
//! Limits: body ≤ 1 MiB (413), JSON nesting ≤ 32 (400), `Content-Type: application/json`
//! (415), malformed JSON (400); a database that cannot be written answers 503.

// A panic in a request path would drop the citizen's submission: no unwrap, expect or
// unchecked indexing outside tests.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

mod body;
mod clock;
mod deadline;
mod http;
mod mask;
mod reply;
mod sqlite;
mod store;

pub use clock::{parse_instant, Clock};
pub use mask::mask;
pub use sqlite::SqliteStore;
pub use store::{
    CaseFilter, CaseKind, CaseRecord, CaseSummary, EventOutcome, EventRecord, Inserted, NewCase,
    NewEvent, Store, StoreError, StoreFuture,
};

/// The server's command line (every option also reads an environment variable).
#[derive(Debug, Clone, clap::Parser)]
#[command(
    name = "qinqing-server",
    version,
    about = "qinqing reference server and case ledger"
)]
pub struct Config {
    /// Address to listen on. Keep it on loopback unless a reverse proxy is in front.
    #[arg(long, env = "QINQING_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// The SQLite file (created with its directory if missing).
    #[arg(long, env = "QINQING_DB", default_value = "data/qinqing.sqlite")]
    pub db: PathBuf,
    /// The built web bundle served at `/`.
    #[arg(long, env = "QINQING_WEB", default_value = "web/dist")]
    pub web: PathBuf,
    /// Token required by `POST /api/calendar`; administration is off without one.
    #[arg(long, env = "QINQING_ADMIN_TOKEN", hide_env_values = true)]
    pub admin_token: Option<String>,
    /// Stop the clock at this instant (RFC 3339), for tests and demonstrations.
    #[arg(long, env = "QINQING_NOW")]
    pub now: Option<String>,
}

impl Config {
    /// Defaults for a database file, listening on an ephemeral loopback port.
    pub fn for_tests(db: PathBuf) -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            db,
            web: PathBuf::from("web/dist"),
            admin_token: None,
            now: None,
        }
    }
}

/// A running server.
pub struct Server {
    addr: SocketAddr,
    clock: Arc<Clock>,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<Result<(), String>>,
}

impl Server {
    /// Where it listens (useful with port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The clock, which tests may stop or move.
    pub fn clock(&self) -> &Arc<Clock> {
        &self.clock
    }

    /// Stops accepting, finishes the requests in flight and closes the ledger.
    pub async fn stop(self) -> Result<(), String> {
        // The receiver is gone only if the server already stopped.
        let _ = self.shutdown.send(());
        self.task
            .await
            .map_err(|err| format!("server task failed: {err}"))?
    }

    /// Serves until the server stops on its own (it does not, short of an error).
    pub async fn wait(self) -> Result<(), String> {
        self.task
            .await
            .map_err(|err| format!("server task failed: {err}"))?
    }
}

/// Opens the ledger, re-applies loaded calendar years, binds and serves in the background.
pub async fn start(config: Config) -> Result<Server, String> {
    let clock = Arc::new(match config.now.as_deref() {
        Some(now) => Clock::fixed(parse_instant(now)?),
        None => Clock::system(),
    });
    let store =
        SqliteStore::open(&config.db).map_err(|err| format!("{}: {err}", config.db.display()))?;
    let store: Arc<dyn Store> = Arc::new(store);
    let mut deadlines = deadline::Deadlines::builtin();
    for (year, json) in store
        .calendar_years()
        .await
        .map_err(|err| err.to_string())?
    {
        match deadlines.with_year_json(&json, qinqing_core::Lang::Zh) {
            Ok((updated, _)) => deadlines = updated,
            Err(issues) => tracing::warn!(
                "stored calendar year {year} no longer loads ({} issues)",
                issues.len()
            ),
        }
    }
    let app = Arc::new(http::App {
        store,
        clock: Arc::clone(&clock),
        deadlines: RwLock::new(Arc::new(deadlines)),
        admin_token: config.admin_token.clone(),
    });
    let router = http::router(app, &config.web);
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|err| format!("cannot listen on {}: {err}", config.addr))?;
    let addr = listener.local_addr().map_err(|err| err.to_string())?;
    let (shutdown, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(listener, router)
            .with_graceful_shutdown(async move {
                let _ = stopped.await;
            })
            .await
            .map_err(|err| format!("server error: {err}"))
    });
    Ok(Server {
        addr,
        clock,
        shutdown,
        task,
    })
}

/// Serves until Ctrl-C or SIGTERM.
pub async fn run(config: Config) -> Result<(), String> {
    let server = start(config).await?;
    println!("qinqing is listening on http://{}/", server.addr());
    let signal = async {
        #[cfg(unix)]
        {
            let mut term =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {},
                _ = async { match term.as_mut() { Some(term) => { term.recv().await; } None => std::future::pending().await } } => {},
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    };
    signal.await;
    tracing::info!("shutting down");
    server.stop().await
}

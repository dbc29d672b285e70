//! Fault tests against the real server binary (not the in-process `start`), so that a kill
//! is a real `SIGKILL` of a real process and a storage failure is a real SQLite error:
//!
//! - killed with `kill -9` in the middle of concurrent submissions, then restarted on the
//!   same database: every acknowledged (201) case is there, and retrying every submission
//!   with its own `Idempotency-Key` creates no duplicate;
//! - a read-only database (opened with SQLite's `mode=ro` URI, which binds root too) and a
//!   full disk (the process's file-size limit, `ulimit -f`, which also binds root) answer
//!   submissions with a 503 in the answer shape, and reads keep working.
//!
//! Loopback only, a temporary database, bounded counts, no timing assertions.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const SERVER: &str = env!("CARGO_BIN_EXE_qinqing-server");
const MONDAY: &str = "2026-11-30T10:00:00+08:00";

/// A free loopback port (the listener is dropped right away; the server binds it next).
fn free_addr() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap()
}

/// A server process; killed with SIGKILL when dropped (so a failing test leaves nothing).
struct Process {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Process {
    /// `kill -9`: `Child::kill` sends SIGKILL on Unix.
    fn kill_9(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

/// Spawns the server in `dir` with `db` (relative to `dir`), through `wrapper` when given
/// (a shell prefix that sets limits and then `exec`s the server).
async fn spawn(dir: &Path, db: &str, wrapper: Option<&str>) -> Process {
    let addr = free_addr();
    let args = [
        "--addr".to_owned(),
        addr.to_string(),
        "--db".to_owned(),
        db.to_owned(),
        "--web".to_owned(),
        "no-web-bundle".to_owned(),
        "--now".to_owned(),
        MONDAY.to_owned(),
    ];
    let mut command = match wrapper {
        Some(script) => {
            let mut command = Command::new("bash");
            command
                .arg("-c")
                .arg(format!("{script}; exec \"$0\" \"$@\""))
                .arg(SERVER);
            command
        }
        None => Command::new(SERVER),
    };
    let child = command
        .args(&args)
        .current_dir(dir)
        .env("QINQING_LOG", "error")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        // Stderr stays null: a log file would itself be bound by the file-size limit.
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut process = Process { child, addr };
    for _ in 0..200 {
        if let Some((200, _)) = send(addr, "GET", "/api/health", &[], b"").await {
            return process;
        }
        assert!(process.is_running(), "the server exited at start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not answer /api/health within 10 s");
}

/// One request over its own connection; `None` when the connection fails or is cut (the
/// server may be killed at any moment), or after 10 s.
async fn send(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Option<(u16, Value)> {
    let exchange = async {
        let mut stream = TcpStream::connect(addr).await.ok()?;
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
            body.len()
        );
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).await.ok()?;
        stream.write_all(body).await.ok()?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.ok()?;
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
        let head = std::str::from_utf8(raw.get(..split)?).ok()?;
        let status: u16 = head.split(' ').nth(1)?.parse().ok()?;
        let length: usize = head
            .split("\r\n")
            .filter_map(|line| line.split_once(':'))
            .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
            .and_then(|(_, value)| value.trim().parse().ok())?;
        // A body cut short by the kill is no answer.
        let body = raw.get(split + 4..split + 4 + length)?;
        let json = if body.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(body).ok()?
        };
        Some((status, json))
    };
    tokio::time::timeout(Duration::from_secs(10), exchange)
        .await
        .ok()
        .flatten()
}

async fn submit(addr: SocketAddr, key: &str, doc: &str) -> Option<(u16, Value)> {
    send(
        addr,
        "POST",
        "/api/complaints",
        &[
            ("Content-Type", "application/json"),
            ("Idempotency-Key", key),
        ],
        doc.as_bytes(),
    )
    .await
}

async fn case_count(addr: SocketAddr) -> u64 {
    let (status, health) = send(addr, "GET", "/api/health", &[], b"").await.unwrap();
    assert_eq!(status, 200);
    health["cases"].as_u64().unwrap()
}

fn case_id(answer: &Value) -> String {
    answer["caseId"].as_str().unwrap().to_owned()
}

/// A 503 in the answer shape: `{valid: false, priority: false, issues: [storage code]}`.
fn assert_unavailable(reply: Option<(u16, Value)>, what: &str) {
    let (status, body) = reply.unwrap_or_else(|| panic!("{what}: no answer (crashed?)"));
    assert_eq!(status, 503, "{what}: {body}");
    assert_eq!(body["valid"], false, "{what}: {body}");
    assert_eq!(body["priority"], false, "{what}: {body}");
    let issues = body["issues"].as_array().unwrap();
    assert_eq!(issues.len(), 1, "{what}: {body}");
    assert_eq!(issues[0]["code"], "server.storageUnavailable", "{what}");
    assert!(
        !issues[0]["message"].as_str().unwrap().is_empty(),
        "{what}: the 503 says why"
    );
}

const CLIENTS: usize = 8;
const PER_CLIENT: usize = 40;
/// Acknowledged submissions to wait for before the kill (well below CLIENTS * PER_CLIENT).
const KILL_AFTER: usize = 60;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_under_load_loses_no_acknowledged_case_and_retries_make_no_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let doc = common::valid_complaint().to_string();
    let server = spawn(dir.path(), "ledger.sqlite", None).await;
    let addr = server.addr;

    // 8 clients, each submitting its own keys one after another, until the server dies.
    let keys: Vec<Vec<String>> = (0..CLIENTS)
        .map(|client| {
            (0..PER_CLIENT)
                .map(|n| format!("fault-{client}-{n}"))
                .collect()
        })
        .collect();
    let acked = Arc::new(Mutex::new(BTreeMap::<String, String>::new()));
    let count = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for client_keys in keys.clone() {
        let (acked, count, doc) = (Arc::clone(&acked), Arc::clone(&count), doc.clone());
        tasks.push(tokio::spawn(async move {
            for key in client_keys {
                match submit(addr, &key, &doc).await {
                    Some((201, answer)) => {
                        acked.lock().unwrap().insert(key, case_id(&answer));
                        count.fetch_add(1, Ordering::SeqCst);
                    }
                    Some((status, answer)) => panic!("{key}: {status} {answer}"),
                    // The server is gone: this client stops, its other keys never went out.
                    None => break,
                }
            }
        }));
    }
    for _ in 0..6000 {
        if count.load(Ordering::SeqCst) >= KILL_AFTER {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert!(
        count.load(Ordering::SeqCst) >= KILL_AFTER,
        "the load did not get going"
    );
    server.kill_9();
    for task in tasks {
        task.await.unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    let all_keys: Vec<String> = keys.into_iter().flatten().collect();
    assert!(
        acked.len() < all_keys.len(),
        "the kill came after the load finished: nothing was tested"
    );

    // Restart on the same database: every acknowledged case is there, unchanged.
    let server = spawn(dir.path(), "ledger.sqlite", None).await;
    let addr = server.addr;
    let stored_after_restart = case_count(addr).await;
    assert!(stored_after_restart >= acked.len() as u64);
    for (key, id) in &acked {
        let (status, case) = send(addr, "GET", &format!("/api/cases/{id}"), &[], b"")
            .await
            .unwrap();
        assert_eq!(status, 200, "{key}: acknowledged case {id} is missing");
        assert_eq!(
            case["document"]["remedy"],
            common::valid_complaint()["remedy"]
        );
    }

    // Every client retries every submission with its own key: an acknowledged one gets its
    // case back, a lost one is created now, a committed-but-unacknowledged one is found.
    let mut by_key = BTreeMap::new();
    for key in &all_keys {
        let (status, answer) = submit(addr, key, &doc).await.unwrap();
        assert!(status == 200 || status == 201, "{key}: {status} {answer}");
        if let Some(id) = acked.get(key) {
            assert_eq!(status, 200, "{key}: an acknowledged case was created again");
            assert_eq!(&case_id(&answer), id, "{key}: the retry found another case");
        }
        by_key.insert(key.clone(), case_id(&answer));
    }
    // A second round of retries changes nothing.
    for key in all_keys.iter().step_by(7) {
        let (status, answer) = submit(addr, key, &doc).await.unwrap();
        assert_eq!(status, 200);
        assert_eq!(case_id(&answer), by_key[key]);
    }
    eprintln!(
        "kill -9: {} of {} submissions acknowledged before the kill, {} stored after restart",
        acked.len(),
        all_keys.len(),
        stored_after_restart
    );
    let distinct: BTreeSet<&String> = by_key.values().collect();
    assert_eq!(distinct.len(), all_keys.len(), "two keys share one case");
    assert_eq!(
        case_count(addr).await,
        all_keys.len() as u64,
        "cases that no key accounts for: duplicates"
    );
    server.kill_9();
}

/// Creates a ledger with one case in `dir/ledger.sqlite` and returns the case id.
async fn ledger_with_one_case(dir: &Path) -> String {
    let server = spawn(dir, "ledger.sqlite", None).await;
    let (status, answer) = submit(
        server.addr,
        "before-the-fault",
        &common::valid_complaint().to_string(),
    )
    .await
    .unwrap();
    assert_eq!(status, 201, "{answer}");
    server.kill_9();
    case_id(&answer)
}

/// Reads that must keep working while writes cannot.
async fn assert_reads_work(addr: SocketAddr, id: &str) {
    let (status, case) = send(addr, "GET", &format!("/api/cases/{id}"), &[], b"")
        .await
        .unwrap();
    assert_eq!(status, 200);
    assert_eq!(case["caseId"].as_str().or(case["id"].as_str()), Some(id));
    let (status, list) = send(addr, "GET", "/api/cases?status=open", &[], b"")
        .await
        .unwrap();
    assert_eq!(status, 200);
    assert!(list["count"].as_u64().unwrap() >= 1);
    let (status, answer) = send(
        addr,
        "POST",
        "/api/validate/complaint",
        &[("Content-Type", "application/json")],
        common::valid_complaint().to_string().as_bytes(),
    )
    .await
    .unwrap();
    assert_eq!(status, 200, "validation needs no storage: {answer}");
}

#[tokio::test]
async fn a_read_only_database_answers_503_and_keeps_serving_reads() {
    let dir = tempfile::tempdir().unwrap();
    let id = ledger_with_one_case(dir.path()).await;
    // SQLITE_OPEN_READONLY through a URI file name: refuses writes even to root.
    let mut server = spawn(dir.path(), "file:ledger.sqlite?mode=ro", None).await;
    let addr = server.addr;
    assert_reads_work(addr, &id).await;
    let doc = common::valid_complaint().to_string();
    for n in 0..3 {
        assert_unavailable(
            submit(addr, &format!("read-only-{n}"), &doc).await,
            "a submission to a read-only ledger",
        );
        let event = send(
            addr,
            "POST",
            &format!("/api/cases/{id}/events"),
            &[("Content-Type", "application/json")],
            br#"{"kind":"accept","by":"fault test"}"#,
        )
        .await;
        assert_unavailable(event, "an event on a read-only ledger");
    }
    assert_reads_work(addr, &id).await;
    assert_eq!(case_count(addr).await, 1);
    assert!(server.is_running(), "the server died on a read-only ledger");
}

#[tokio::test]
async fn a_full_disk_answers_503_and_keeps_serving_reads() {
    let dir = tempfile::tempdir().unwrap();
    let id = ledger_with_one_case(dir.path()).await;
    let size = std::fs::metadata(dir.path().join("ledger.sqlite"))
        .unwrap()
        .len()
        + std::fs::metadata(dir.path().join("ledger.sqlite-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
    // No file of the process may grow past the limit (KiB): the database fills up after a
    // few more cases. SIGXFSZ is ignored so the write fails with an error instead of
    // killing the process, as a full disk would.
    let limit_kib = size / 1024 + 96;
    let mut server = spawn(
        dir.path(),
        "ledger.sqlite",
        Some(&format!("trap '' XFSZ; ulimit -f {limit_kib}")),
    )
    .await;
    let addr = server.addr;
    let doc = common::valid_complaint().to_string();
    let mut accepted = vec![id];
    let mut refused = None;
    for n in 0..400 {
        match submit(addr, &format!("full-{n}"), &doc).await {
            Some((201, answer)) => accepted.push(case_id(&answer)),
            other => {
                refused = Some(other);
                break;
            }
        }
    }
    let refused = refused.expect("the ledger never filled up");
    eprintln!(
        "full disk: {} cases fit under {limit_kib} KiB",
        accepted.len()
    );
    assert_unavailable(refused, "a submission to a full ledger");
    // Still full, still answering, still reading every case it had.
    assert_unavailable(
        submit(addr, "full-again", &doc).await,
        "a second submission",
    );
    for id in &accepted {
        assert_reads_work(addr, id).await;
    }
    assert_eq!(case_count(addr).await, accepted.len() as u64);
    assert!(server.is_running(), "the server died on a full disk");
}

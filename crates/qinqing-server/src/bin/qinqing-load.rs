//! `qinqing-load`: a load generator for the server, on loopback only.
//!
//! ```text
//! qinqing-load validate --connections 64 --duration 10     # req/s and latency of /api/validate/complaint
//! qinqing-load submit --connections 32 --requests 20000 --acked acked.txt
//! qinqing-load verify --acked acked.txt                    # every acknowledged case is stored
//! ```
//!
//! Each connection is one HTTP/1.1 keep-alive connection sending one request after another.
//! The count of requests and the duration are both bounded. `submit` sends a fresh
//! `Idempotency-Key` with every request (as the offline queue does) and appends the case
//! number of every `201` to the `--acked` file as soon as it arrives, so the file stays right
//! even if the server is killed mid-run (see `scripts/crash-test`).

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use clap::{Parser, Subcommand};
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper::Request;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

#[derive(Parser)]
#[command(about = "Load generator for qinqing-server (loopback only)")]
struct Cli {
    /// The server.
    #[arg(long, global = true, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Concurrent keep-alive connections.
    #[arg(long, global = true, default_value_t = 32)]
    connections: usize,
    /// Stop after this many requests in total.
    #[arg(long, global = true, default_value_t = 1_000_000)]
    requests: u64,
    /// Stop after this many seconds.
    #[arg(long, global = true, default_value_t = 10.0)]
    duration: f64,
    /// The server's process id (Linux): also report the server's CPU time per request, a
    /// figure that other work on the machine disturbs far less than requests per second.
    #[arg(long, global = true)]
    server_pid: Option<u32>,
    /// The JSON document to send.
    #[arg(
        long,
        global = true,
        default_value = "tests/fixtures/complaints/valid-enterprise.json"
    )]
    body: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// POST the document to /api/validate/complaint.
    Validate,
    /// POST the document to /api/complaints with a fresh Idempotency-Key each time.
    Submit {
        /// Append the case number of every 201 here.
        #[arg(long)]
        acked: Option<PathBuf>,
    },
    /// GET every case listed in the file and count the missing ones.
    Verify {
        /// The file written by `submit --acked`.
        #[arg(long)]
        acked: PathBuf,
    },
}

#[derive(Default)]
struct Tally {
    latencies_us: Vec<u32>,
    ok: u64,
    rejected: u64,
    missing: u64,
    errors: u64,
    last_error: Option<String>,
}

struct Shared {
    addr: SocketAddr,
    issued: AtomicU64,
    limit: u64,
    deadline: Instant,
    body: Bytes,
    acked: Option<Mutex<std::fs::File>>,
    ids: Vec<String>,
    run: u128,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Validate,
    Submit,
    Verify,
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    if !cli.addr.ip().is_loopback() {
        eprintln!("qinqing-load only targets loopback addresses");
        return std::process::ExitCode::FAILURE;
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("cannot start the runtime: {err}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(true) => std::process::ExitCode::SUCCESS,
        Ok(false) => std::process::ExitCode::from(1),
        Err(err) => {
            eprintln!("qinqing-load: {err}");
            std::process::ExitCode::from(2)
        }
    }
}

async fn run(cli: Cli) -> Result<bool, String> {
    let (mode, acked_out, ids) = match &cli.command {
        Command::Validate => (Mode::Validate, None, Vec::new()),
        Command::Submit { acked } => (Mode::Submit, acked.clone(), Vec::new()),
        Command::Verify { acked } => {
            let text = std::fs::read_to_string(acked)
                .map_err(|err| format!("{}: {err}", acked.display()))?;
            let ids: Vec<String> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect();
            (Mode::Verify, None, ids)
        }
    };
    let body = if mode == Mode::Verify {
        Bytes::new()
    } else {
        Bytes::from(
            std::fs::read(&cli.body).map_err(|err| format!("{}: {err}", cli.body.display()))?,
        )
    };
    let acked = match acked_out {
        Some(path) => Some(Mutex::new(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .map_err(|err| format!("{}: {err}", path.display()))?,
        )),
        None => None,
    };
    let limit = if mode == Mode::Verify {
        ids.len() as u64
    } else {
        cli.requests
    };
    let shared = Arc::new(Shared {
        addr: cli.addr,
        issued: AtomicU64::new(0),
        limit,
        deadline: Instant::now()
            + Duration::from_secs_f64(if mode == Mode::Verify {
                3600.0
            } else {
                cli.duration
            }),
        body,
        acked,
        ids,
        run: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    });
    let cpu_before = cli.server_pid.and_then(cpu_seconds);
    let started = Instant::now();
    let mut workers = Vec::new();
    for worker in 0..cli.connections.max(1) {
        workers.push(tokio::spawn(connection(Arc::clone(&shared), mode, worker)));
    }
    let mut total = Tally::default();
    for worker in workers {
        let tally = worker.await.map_err(|err| err.to_string())?;
        total.latencies_us.extend(tally.latencies_us);
        total.ok += tally.ok;
        total.rejected += tally.rejected;
        total.missing += tally.missing;
        total.errors += tally.errors;
        if tally.last_error.is_some() {
            total.last_error = tally.last_error;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    report(mode, &cli, &mut total, elapsed);
    if let (Some(before), Some(after)) = (cpu_before, cli.server_pid.and_then(cpu_seconds)) {
        let responses = total.latencies_us.len().max(1) as f64;
        println!(
            "server CPU: {:.2} s over {elapsed:.2} s = {:.1} µs per request ({:.2} cores busy)",
            after - before,
            (after - before) * 1e6 / responses,
            (after - before) / elapsed.max(1e-9)
        );
    }
    Ok(total.errors == 0 && total.missing == 0 && total.rejected == 0)
}

fn report(mode: Mode, cli: &Cli, total: &mut Tally, elapsed: f64) {
    total.latencies_us.sort_unstable();
    let n = total.latencies_us.len();
    let pct = |p: f64| -> f64 {
        if n == 0 {
            return 0.0;
        }
        let index = ((n as f64 * p).ceil() as usize).clamp(1, n) - 1;
        f64::from(total.latencies_us.get(index).copied().unwrap_or(0)) / 1000.0
    };
    let name = match mode {
        Mode::Validate => "validate",
        Mode::Submit => "submit",
        Mode::Verify => "verify",
    };
    println!(
        "{name}: {} responses in {elapsed:.2} s over {} connections = {:.0} req/s; latency ms p50 {:.2} p90 {:.2} p99 {:.2} max {:.2}",
        n,
        cli.connections,
        n as f64 / elapsed.max(1e-9),
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0),
    );
    println!(
        "{name}: ok {} rejected {} missing {} transport errors {}{}",
        total.ok,
        total.rejected,
        total.missing,
        total.errors,
        total
            .last_error
            .as_ref()
            .map(|e| format!(" (last: {e})"))
            .unwrap_or_default()
    );
}

async fn connection(shared: Arc<Shared>, mode: Mode, worker: usize) -> Tally {
    let mut tally = Tally::default();
    let mut sender = None;
    let mut sequence = 0u64;
    loop {
        if Instant::now() >= shared.deadline {
            break;
        }
        let index = shared.issued.fetch_add(1, Ordering::Relaxed);
        if index >= shared.limit {
            break;
        }
        if sender.is_none() {
            match connect(shared.addr).await {
                Ok(connected) => sender = Some(connected),
                Err(err) => {
                    tally.errors += 1;
                    tally.last_error = Some(err);
                    // The server is gone (or not up yet): back off instead of spinning.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            }
        }
        let Some(client) = sender.as_mut() else {
            continue;
        };
        sequence += 1;
        let started = Instant::now();
        let result = match mode {
            Mode::Validate => {
                post(
                    client,
                    shared.addr,
                    "/api/validate/complaint",
                    None,
                    shared.body.clone(),
                )
                .await
            }
            Mode::Submit => {
                let key = format!("load-{}-{worker}-{sequence}", shared.run);
                post(
                    client,
                    shared.addr,
                    "/api/complaints",
                    Some(&key),
                    shared.body.clone(),
                )
                .await
            }
            Mode::Verify => {
                let id = shared
                    .ids
                    .get(usize::try_from(index).unwrap_or(usize::MAX))
                    .cloned()
                    .unwrap_or_default();
                get(client, shared.addr, &format!("/api/cases/{id}")).await
            }
        };
        match result {
            Ok((status, body)) => {
                tally
                    .latencies_us
                    .push(u32::try_from(started.elapsed().as_micros()).unwrap_or(u32::MAX));
                match (mode, status) {
                    (Mode::Validate, 200) | (Mode::Verify, 200) => tally.ok += 1,
                    (Mode::Verify, 404) => tally.missing += 1,
                    (Mode::Submit, 201) => {
                        tally.ok += 1;
                        if let (Some(file), Some(id)) = (&shared.acked, case_id(&body)) {
                            if let Ok(mut file) = file.lock() {
                                // One write per line: a line is never split between two runs.
                                let _ = file.write_all(format!("{id}\n").as_bytes());
                            }
                        }
                    }
                    _ => {
                        tally.rejected += 1;
                        tally.last_error = Some(format!(
                            "HTTP {status}: {}",
                            String::from_utf8_lossy(&body)
                                .chars()
                                .take(200)
                                .collect::<String>()
                        ));
                    }
                }
            }
            Err(err) => {
                tally.errors += 1;
                tally.last_error = Some(err);
                sender = None;
            }
        }
    }
    tally
}

/// User + system CPU seconds of a process, from `/proc/PID/stat` (clock ticks of 1/100 s).
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which is in parentheses and may contain spaces.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn case_id(body: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    value.get("caseId")?.as_str().map(str::to_owned)
}

type Sender = http1::SendRequest<Full<Bytes>>;

async fn connect(addr: SocketAddr) -> Result<Sender, String> {
    let stream = TcpStream::connect(addr)
        .await
        .map_err(|err| format!("connect: {err}"))?;
    stream.set_nodelay(true).map_err(|err| err.to_string())?;
    let (sender, conn) = http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|err| format!("handshake: {err}"))?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    Ok(sender)
}

async fn post(
    client: &mut Sender,
    addr: SocketAddr,
    path: &str,
    key: Option<&str>,
    body: Bytes,
) -> Result<(u16, Bytes), String> {
    let mut request = Request::post(path)
        .header("host", addr.to_string())
        .header("content-type", "application/json");
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    let request = request
        .body(Full::new(body))
        .map_err(|err| err.to_string())?;
    send(client, request).await
}

async fn get(client: &mut Sender, addr: SocketAddr, path: &str) -> Result<(u16, Bytes), String> {
    let request = Request::get(path)
        .header("host", addr.to_string())
        .body(Full::new(Bytes::new()))
        .map_err(|err| err.to_string())?;
    send(client, request).await
}

async fn send(client: &mut Sender, request: Request<Full<Bytes>>) -> Result<(u16, Bytes), String> {
    client
        .ready()
        .await
        .map_err(|err| format!("connection: {err}"))?;
    let response = client
        .send_request(request)
        .await
        .map_err(|err| format!("request: {err}"))?;
    let status = response.status().as_u16();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|err| format!("body: {err}"))?
        .to_bytes();
    Ok((status, body))
}

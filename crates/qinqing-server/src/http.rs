//! The JSON API and the static web bundle.

use std::path::Path;
use std::sync::{Arc, RwLock};
use std::time::Instant;

use axum::body::Body;
use axum::extract::{Path as UrlPath, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use qinqing_core::{
    validate_complaint_value, validate_contract_value, Answer, CaseEvent, Lang, Options, Region,
};
use serde_json::{json, Value};
use tower_http::services::ServeDir;

use crate::body::read_json;
use crate::clock::Clock;
use crate::deadline::{Deadlines, Standing};
use crate::mask::mask;
use crate::reply::{answer_response, value_response, Problem};
use crate::store::{
    CaseFilter, CaseKind, CaseSummary, EventOutcome, Inserted, NewCase, NewEvent, Store,
};

/// Longest accepted `Idempotency-Key`.
const MAX_KEY_LEN: usize = 200;

/// Shared by every handler.
pub(crate) struct App {
    pub(crate) store: Arc<dyn Store>,
    pub(crate) clock: Arc<Clock>,
    pub(crate) deadlines: RwLock<Arc<Deadlines>>,
    pub(crate) admin_token: Option<String>,
}

type Shared = State<Arc<App>>;

impl App {
    fn deadlines(&self) -> Arc<Deadlines> {
        match self.deadlines.read() {
            Ok(current) => Arc::clone(&current),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }
}

pub(crate) fn router(app: Arc<App>, web: &Path) -> Router {
    let api = Router::new()
        .route("/api/health", get(health))
        .route("/api/complaints", post(submit_complaint))
        .route("/api/contracts", post(submit_contract))
        .route("/api/validate/complaint", post(validate_complaint))
        .route("/api/validate/contract", post(validate_contract))
        .route("/api/cases", get(list_cases))
        .route("/api/cases/{id}", get(get_case))
        .route("/api/cases/{id}/events", post(post_event))
        .route("/api/calendar", post(load_calendar))
        .route("/api/calendar/{year}", get(get_calendar))
        .route("/api", get(api_not_found).post(api_not_found))
        .route("/api/{*rest}", get(api_not_found).post(api_not_found))
        .with_state(app);
    let with_static = if web.join("index.html").is_file() {
        api.fallback_service(ServeDir::new(web))
    } else {
        tracing::warn!(
            "{} has no index.html: serving the API only (build the forms with scripts/build-web)",
            web.display()
        );
        api.fallback(no_bundle)
    };
    with_static.layer(middleware::from_fn(headers_and_log))
}

/// Cache and service-worker headers, and one masked log line per request.
async fn headers_and_log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if path == "/sw.js" {
        // The worker controls the whole origin and must be re-checked on every load.
        headers.insert("service-worker-allowed", HeaderValue::from_static("/"));
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    } else if path == "/" || path.ends_with(".html") || path.ends_with(".webmanifest") {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    } else if path.starts_with("/api/") {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    tracing::debug!(
        "{method} {} -> {} in {} µs",
        mask(&path),
        response.status().as_u16(),
        started.elapsed().as_micros()
    );
    response
}

async fn no_bundle() -> Response {
    let page = "<!doctype html><meta charset=utf-8><title>qinqing</title>\
        <h1>qinqing server is running</h1>\
        <p>The web forms have not been built yet. Run <code>scripts/build-web</code> (or <code>scripts/run</code>, \
        which builds them) and restart the server; or pass <code>--web DIR</code> pointing at a built bundle.</p>\
        <p>表单尚未构建：请运行 <code>scripts/build-web</code> 后重启服务器。API 已可用：<code>/api/...</code></p>";
    (StatusCode::NOT_FOUND, Html(page)).into_response()
}

async fn api_not_found(headers: HeaderMap, RawQuery(query): RawQuery) -> Response {
    Problem::new(
        StatusCode::NOT_FOUND,
        "request.notFound",
        "没有这个接口。",
        "There is no such API endpoint.",
    )
    .respond(lang_of(query.as_deref(), &headers))
}

/// `?lang=en`, else the first language of `Accept-Language`, else zh.
pub(crate) fn lang_of(query: Option<&str>, headers: &HeaderMap) -> Lang {
    let from_query = query_param(query, "lang").and_then(|tag| Lang::from_tag(&tag));
    let from_header = || {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| {
                value
                    .split(',')
                    .find_map(|tag| Lang::from_tag(tag.split(';').next().unwrap_or("").trim()))
            })
    };
    from_query.or_else(from_header).unwrap_or_default()
}

fn query_param(query: Option<&str>, name: &str) -> Option<String> {
    query?.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then(|| value.to_owned())
    })
}

async fn health(State(app): Shared) -> Response {
    match app.store.count_cases().await {
        Ok(cases) => value_response(
            StatusCode::OK,
            &json!({ "ok": true, "cases": cases, "now": app.clock.now_text() }),
        ),
        Err(err) => Problem::store(&err).respond(Lang::Zh),
    }
}

fn validate(kind: CaseKind, document: &Value, options: &Options) -> Answer {
    match kind {
        CaseKind::Complaint => validate_complaint_value(document, options),
        CaseKind::Contract => validate_contract_value(document, options),
    }
}

async fn validate_complaint(
    state: Shared,
    headers: HeaderMap,
    query: RawQuery,
    body: Body,
) -> Response {
    validate_only(state, CaseKind::Complaint, headers, query, body).await
}

async fn validate_contract(
    state: Shared,
    headers: HeaderMap,
    query: RawQuery,
    body: Body,
) -> Response {
    validate_only(state, CaseKind::Contract, headers, query, body).await
}

/// Validation without storing: 200 with the answer, valid or not.
async fn validate_only(
    State(app): Shared,
    kind: CaseKind,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Body,
) -> Response {
    let lang = lang_of(query.as_deref(), &headers);
    let document = match read_json(&headers, body).await {
        Ok(document) => document,
        Err(problem) => return problem.respond(lang),
    };
    let options = Options {
        lang,
        today: Some(app.clock.today()),
    };
    answer_response(StatusCode::OK, &validate(kind, &document, &options))
}

async fn submit_complaint(
    state: Shared,
    headers: HeaderMap,
    query: RawQuery,
    body: Body,
) -> Response {
    submit(state, CaseKind::Complaint, headers, query, body).await
}

async fn submit_contract(
    state: Shared,
    headers: HeaderMap,
    query: RawQuery,
    body: Body,
) -> Response {
    submit(state, CaseKind::Contract, headers, query, body).await
}

/// Validate with the core, then store: 201 new case, 200 replayed retry, 422 invalid.
async fn submit(
    State(app): Shared,
    kind: CaseKind,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Body,
) -> Response {
    let lang = lang_of(query.as_deref(), &headers);
    let key = match idempotency_key(&headers) {
        Ok(key) => key,
        Err(problem) => return problem.respond(lang),
    };
    let mut document = match read_json(&headers, body).await {
        Ok(document) => document,
        Err(problem) => return problem.respond(lang),
    };
    let now = app.clock.now();
    let received_at = app.clock.now_text();
    let options = Options {
        lang,
        today: Some(now.date_naive()),
    };
    let answer = validate(kind, &document, &options);
    if !answer.valid {
        // A retry of a submission that was accepted earlier returns that case even if the
        // document would no longer pass (a rule changed, or "today" moved on).
        if let Some(key) = key {
            match app.store.find_by_key(kind, key).await {
                Ok(Some((summary, stored)))
                    if crate::sqlite::submitted_part(&stored)
                        == crate::sqlite::submitted_part(&document) =>
                {
                    return accepted(StatusCode::OK, &summary, &answer);
                }
                Ok(_) => {}
                Err(err) => return Problem::store(&err).respond(lang),
            }
        }
        return answer_response(StatusCode::UNPROCESSABLE_ENTITY, &answer);
    }
    let Some(fields) = document.as_object_mut() else {
        return Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "request.notAnObject",
            "提交的内容应当是一个 JSON 对象。",
            "The submission must be a JSON object.",
        )
        .respond(lang);
    };
    // The time of receipt starts the §八 clock, so only the server may set it.
    fields.insert("receivedAt".into(), Value::String(received_at.clone()));
    let deadline = match app.deadlines().reply_deadline(&received_at, lang) {
        Ok(deadline) => deadline,
        Err(err) => {
            return Problem::internal(&format!(
                "no reply deadline for {received_at}: {}",
                err.code()
            ))
            .respond(lang)
        }
    };
    let due_date = deadline.due_date.to_string();
    let deadline = match serde_json::to_value(&deadline) {
        Ok(deadline) => deadline,
        Err(err) => return Problem::internal(&err.to_string()).respond(lang),
    };
    let contact = contact_phone(&document);
    let new = NewCase {
        kind,
        year: chrono::Datelike::year(&now),
        received_at,
        due_date,
        deadline,
        document,
        idempotency_key: key,
    };
    let (status, summary) = match app.store.insert_case(new).await {
        Ok(Inserted::Created(summary)) => {
            tracing::info!("case {} received (contact {})", summary.case_id, mask(&contact));
            (StatusCode::CREATED, summary)
        }
        Ok(Inserted::Replayed(summary)) => (StatusCode::OK, summary),
        Ok(Inserted::KeyReused(summary)) => {
            return Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "request.idempotencyKeyReused",
                format!("这个重复提交标识（Idempotency-Key）已用于案件 {}，但内容不同；新的内容请使用新的标识提交。", summary.case_id),
                format!(
                    "This Idempotency-Key was already used for case {} with different content; send new content with a new key.",
                    summary.case_id
                ),
            )
            .respond(lang)
        }
        Err(err) => return Problem::store(&err).respond(lang),
    };
    accepted(status, &summary, &answer)
}

fn accepted(status: StatusCode, summary: &CaseSummary, answer: &Answer) -> Response {
    value_response(
        status,
        &json!({
            "caseId": summary.case_id,
            "receivedAt": summary.received_at,
            "deadline": summary.deadline,
            "answer": answer,
        }),
    )
}

fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, Problem> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    match value.to_str().map(str::trim) {
        Ok(key) if !key.is_empty() && key.len() <= MAX_KEY_LEN => Ok(Some(key.to_owned())),
        _ => Err(Problem::new(
            StatusCode::BAD_REQUEST,
            "request.badIdempotencyKey",
            format!("重复提交标识（Idempotency-Key）应为 1 到 {MAX_KEY_LEN} 个可见字符。"),
            format!("The Idempotency-Key must be 1 to {MAX_KEY_LEN} visible characters."),
        )),
    }
}

/// The complainant's or investor's phone, for the (masked) log line only.
fn contact_phone(document: &Value) -> String {
    ["/complainant/contact/phone", "/investor/contact/phone"]
        .iter()
        .find_map(|pointer| document.pointer(pointer).and_then(Value::as_str))
        .unwrap_or("-")
        .to_owned()
}

/// `closed`, `replied`, or how an unanswered case stands against its deadline today.
fn status_of(
    deadlines: &Deadlines,
    summary: &CaseSummary,
    today: chrono::NaiveDate,
) -> &'static str {
    if summary.state.stage.is_closed() {
        return "closed";
    }
    if summary.state.replied_at.is_some() {
        return "replied";
    }
    match deadlines.standing(&summary.due_date, today) {
        Standing::Open => "open",
        Standing::DueToday => "dueToday",
        Standing::Overdue => "overdue",
    }
}

fn reply_on_time(deadlines: &Deadlines, summary: &CaseSummary) -> Option<bool> {
    summary
        .state
        .replied_at
        .as_deref()
        .map(|replied| deadlines.on_time(&summary.due_date, replied))
}

async fn get_case(
    State(app): Shared,
    UrlPath(id): UrlPath<String>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = lang_of(query.as_deref(), &headers);
    let record = match app.store.get_case(id.clone()).await {
        Ok(Some(record)) => record,
        Ok(None) => return Problem::case_not_found(&id).respond(lang),
        Err(err) => return Problem::store(&err).respond(lang),
    };
    let deadlines = app.deadlines();
    let status = status_of(&deadlines, &record.summary, app.clock.today());
    let on_time = reply_on_time(&deadlines, &record.summary);
    let days_left = match status {
        "open" | "dueToday" => {
            deadlines.working_days_left(&record.summary.due_date, app.clock.today())
        }
        _ => None,
    };
    let mut body = match serde_json::to_value(&record) {
        Ok(body) => body,
        Err(err) => return Problem::internal(&err.to_string()).respond(lang),
    };
    if let Some(fields) = body.as_object_mut() {
        fields.insert("status".into(), json!(status));
        fields.insert("replyOnTime".into(), json!(on_time));
        fields.insert("workingDaysLeft".into(), json!(days_left));
    }
    value_response(StatusCode::OK, &body)
}

async fn list_cases(State(app): Shared, headers: HeaderMap, RawQuery(query): RawQuery) -> Response {
    let lang = lang_of(query.as_deref(), &headers);
    let today = app.clock.today().to_string();
    let filter = match query_param(query.as_deref(), "status").as_deref() {
        None | Some("") | Some("all") => CaseFilter::All,
        Some("open") => CaseFilter::Open,
        Some("closed") => CaseFilter::Closed,
        Some("overdue") => CaseFilter::Overdue { today },
        Some("dueToday") => CaseFilter::DueToday { today },
        Some(_) => {
            return Problem::new(
                StatusCode::BAD_REQUEST,
                "request.badStatus",
                "status 只能是 overdue、dueToday、open、closed 或 all。",
                "status must be one of overdue, dueToday, open, closed or all.",
            )
            .at("/status")
            .respond(lang)
        }
    };
    let limit = query_param(query.as_deref(), "limit")
        .and_then(|limit| limit.parse::<u32>().ok())
        .unwrap_or(1000)
        .min(10_000);
    let cases = match app.store.list_cases(filter, limit).await {
        Ok(cases) => cases,
        Err(err) => return Problem::store(&err).respond(lang),
    };
    let deadlines = app.deadlines();
    let today = app.clock.today();
    let rows: Vec<Value> = cases
        .iter()
        .map(|case| {
            json!({
                "caseId": case.case_id,
                "kind": case.kind,
                "receivedAt": case.received_at,
                "dueDate": case.due_date,
                "stage": case.state.stage,
                "unit": case.state.unit,
                "status": status_of(&deadlines, case, today),
                "replyOnTime": reply_on_time(&deadlines, case),
            })
        })
        .collect();
    value_response(
        StatusCode::OK,
        &json!({ "count": rows.len(), "cases": rows }),
    )
}

async fn post_event(
    State(app): Shared,
    UrlPath(id): UrlPath<String>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Body,
) -> Response {
    let lang = lang_of(query.as_deref(), &headers);
    let mut body = match read_json(&headers, body).await {
        Ok(body) => body,
        Err(problem) => return problem.respond(lang),
    };
    let Some(fields) = body.as_object_mut() else {
        return Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "event.notAnObject",
            "操作记录应当是一个 JSON 对象，例如 {\"kind\":\"accept\",\"by\":\"张三\"}。",
            "An event must be a JSON object such as {\"kind\":\"accept\",\"by\":\"Zhang San\"}.",
        )
        .respond(lang);
    };
    let by = fields
        .remove("by")
        .and_then(|by| by.as_str().map(|by| by.trim().to_owned()))
        .unwrap_or_default();
    if by.is_empty() {
        return Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "event.byMissing",
            "请填写操作人（by），台账需要记录每一步由谁办理。",
            "Please say who takes this step (by): the ledger records who did what.",
        )
        .at("/by")
        .respond(lang);
    }
    // The time of an event is the server's, like the time of receipt.
    fields.remove("at");
    let event: CaseEvent = match serde_json::from_value(body) {
        Ok(event) => event,
        Err(err) => {
            return Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "event.unknown",
                format!("无法识别这个操作（{err}）。kind 可以是 accept、assign、escalate、supervise、reply、close。"),
                format!("This step is not understood ({err}). kind may be accept, assign, escalate, supervise, reply or close."),
            )
            .at("/kind")
            .respond(lang)
        }
    };
    let new = NewEvent {
        case_id: id.clone(),
        by,
        at: app.clock.now_text(),
        event,
        lang,
    };
    match app.store.append_event(new).await {
        Ok(EventOutcome::Applied(applied)) => {
            let (summary, record) = *applied;
            value_response(
                StatusCode::CREATED,
                &json!({ "caseId": summary.case_id, "event": record, "state": summary.state }),
            )
        }
        Ok(EventOutcome::Refused(issue)) => {
            // A step the case's stage does not allow conflicts with the ledger (409); a step
            // missing its unit, note or reply text is an incomplete request (422).
            let status = if issue.code == "case.illegalTransition" {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            answer_response(status, &Answer::from_issues(vec![issue], false))
        }
        Ok(EventOutcome::NotFound) => Problem::case_not_found(&id).respond(lang),
        Err(err) => Problem::store(&err).respond(lang),
    }
}

async fn get_calendar(
    State(app): Shared,
    UrlPath(year): UrlPath<String>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = lang_of(query.as_deref(), &headers);
    let not_known = || {
        Problem::new(
            StatusCode::NOT_FOUND,
            "calendar.unknownYear",
            format!("还没有 {year} 年的放假安排；国务院通知发布后可由管理员导入。"),
            format!("There is no holiday arrangement for {year} yet; an administrator can load it once the State Council publishes it."),
        )
        .respond(lang)
    };
    let Ok(year_number) = year.parse::<i32>() else {
        return not_known();
    };
    let region = match query_param(query.as_deref(), "region") {
        None => Region::Guangxi,
        Some(name) => match Region::from_name(&name) {
            Some(region) => region,
            None => {
                return Problem::new(
                    StatusCode::BAD_REQUEST,
                    "request.badRegion",
                    "region 只能是 guangxi 或 national。",
                    "region must be guangxi or national.",
                )
                .respond(lang)
            }
        },
    };
    match app.deadlines().year_days(year_number, region) {
        Some(days) => value_response(StatusCode::OK, &days),
        None => not_known(),
    }
}

async fn load_calendar(
    State(app): Shared,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Body,
) -> Response {
    let lang = lang_of(query.as_deref(), &headers);
    if let Err(problem) = check_admin(&app, &headers) {
        return problem.respond(lang);
    }
    let notice = match read_json(&headers, body).await {
        Ok(notice) => notice,
        Err(problem) => return problem.respond(lang),
    };
    let text = notice.to_string();
    let (updated, year) = match app.deadlines().with_year_json(&text, lang) {
        Ok(loaded) => loaded,
        Err(issues) => {
            return answer_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                &Answer::from_issues(issues, false),
            )
        }
    };
    if let Err(err) = app
        .store
        .save_calendar_year(year, text, app.clock.now_text())
        .await
    {
        return Problem::store(&err).respond(lang);
    }
    if let Ok(mut current) = app.deadlines.write() {
        *current = Arc::new(updated);
    }
    tracing::info!("calendar year {year} loaded");
    value_response(
        StatusCode::CREATED,
        &json!({ "year": year, "loaded": true }),
    )
}

fn check_admin(app: &App, headers: &HeaderMap) -> Result<(), Problem> {
    let Some(expected) = app.admin_token.as_deref().filter(|token| !token.is_empty()) else {
        return Err(Problem::new(
            StatusCode::FORBIDDEN,
            "admin.disabled",
            "此服务器未开启管理功能（启动时需设置 --admin-token 或 QINQING_ADMIN_TOKEN）。",
            "Administration is switched off on this server (start it with --admin-token or QINQING_ADMIN_TOKEN).",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .or_else(|| {
            headers
                .get("x-admin-token")
                .and_then(|value| value.to_str().ok())
        })
        .unwrap_or("");
    if constant_time_eq(given.trim().as_bytes(), expected.as_bytes()) {
        Ok(())
    } else {
        Err(Problem::new(
            StatusCode::UNAUTHORIZED,
            "admin.badToken",
            "管理口令不正确。",
            "The administrator token is wrong.",
        ))
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

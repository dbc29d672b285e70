//! The JSON API over real HTTP on loopback, with a temporary SQLite file.

mod common;

use common::*;
use serde_json::{json, Value};

const MONDAY: &str = "2026-11-30T10:00:00+08:00";

#[tokio::test]
async fn a_valid_complaint_gets_a_case_number_receipt_time_and_deadline() {
    let test = start_server(Some(MONDAY)).await;
    let reply = post_json(test.addr(), "/api/complaints", &valid_complaint()).await;
    assert_eq!(
        reply.status,
        201,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let body = reply.json();
    assert_eq!(body["caseId"], "GX-2026-000001");
    assert_eq!(body["receivedAt"], MONDAY);
    // 7 working days after Monday 30 November 2026 (no holiday in between): Wednesday 9 December.
    assert_eq!(body["deadline"]["dueDate"], "2026-12-09");
    assert_eq!(body["deadline"]["days"], 7);
    assert_eq!(body["deadline"]["region"], "guangxi");
    assert_eq!(body["deadline"]["dueAt"], "2026-12-09T23:59:59+08:00");
    assert_eq!(body["answer"]["valid"], true);

    let second = post_json(test.addr(), "/api/complaints", &valid_complaint()).await;
    assert_eq!(second.json()["caseId"], "GX-2026-000002");

    // The stored document carries the server's time of receipt, not the client's.
    let case = get(test.addr(), "/api/cases/GX-2026-000001").await;
    assert_eq!(case.status, 200);
    let case = case.json();
    assert_eq!(case["document"]["receivedAt"], MONDAY);
    assert_eq!(
        case["document"]["complainant"]["name"],
        valid_complaint()["complainant"]["name"]
    );
    assert_eq!(case["status"], "open");
    assert_eq!(case["deadline"]["dueDate"], "2026-12-09");
    assert_eq!(case["workingDaysLeft"], 7);
    assert_eq!(case["state"]["stage"], "received");
    assert_eq!(case["events"], json!([]));
    test.server.stop().await.unwrap();
}

#[tokio::test]
async fn contracts_are_numbered_separately() {
    let test = start_server(Some(MONDAY)).await;
    let reply = post_json(
        test.addr(),
        "/api/contracts",
        &fixture("contracts", "valid-contract.json"),
    )
    .await;
    assert_eq!(
        reply.status,
        201,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(reply.json()["caseId"], "GXC-2026-000001");
    let case = get(test.addr(), "/api/cases/GXC-2026-000001").await.json();
    assert_eq!(case["kind"], "contract");
    test.server.stop().await.unwrap();
}

#[tokio::test]
async fn an_invalid_complaint_is_422_with_the_core_answer_and_is_not_stored() {
    let test = start_server(Some(MONDAY)).await;
    let reply = post_json(
        test.addr(),
        "/api/complaints",
        &fixture("complaints", "enterprise-uscc-checksum.json"),
    )
    .await;
    assert_eq!(
        reply.status,
        422,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let body = reply.json();
    assert_eq!(body["valid"], false);
    assert!(
        reply.codes().iter().any(|code| code.starts_with("uscc.")),
        "{body}"
    );
    let issue = &body["issues"][0];
    for field in ["code", "severity", "path", "message", "basis"] {
        assert!(issue.get(field).is_some(), "issue lacks {field}: {issue}");
    }
    // Not a JSON object at all: refused whatever the validator says.
    let reply = post_json(
        test.addr(),
        "/api/complaints",
        &json!(["not", "an", "object"]),
    )
    .await;
    assert_eq!(reply.status, 422);
    let listing = get(test.addr(), "/api/cases").await.json();
    assert_eq!(listing["count"], 0);
    test.server.stop().await.unwrap();
}

#[tokio::test]
async fn messages_follow_lang_and_accept_language() {
    let test = start_server(Some(MONDAY)).await;
    let zh = get(test.addr(), "/api/cases/GX-2026-999999").await;
    assert_eq!(zh.status, 404);
    assert!(zh.json()["issues"][0]["message"]
        .as_str()
        .unwrap()
        .contains("没有找到"));
    let en = get(test.addr(), "/api/cases/GX-2026-999999?lang=en").await;
    assert!(en.json()["issues"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("There is no case"));
    let en = request(
        test.addr(),
        "GET",
        "/api/cases/GX-2026-999999",
        &[("Accept-Language", "en-GB,en;q=0.8")],
        b"",
    )
    .await;
    assert!(en.json()["issues"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("There is no case"));
    test.server.stop().await.unwrap();
}

#[tokio::test]
async fn the_validate_endpoint_answers_without_storing() {
    let test = start_server(Some(MONDAY)).await;
    let reply = post_json(test.addr(), "/api/validate/complaint", &valid_complaint()).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["valid"], true);
    let reply = post_json(
        test.addr(),
        "/api/validate/contract",
        &fixture("contracts", "valid-contract.json"),
    )
    .await;
    assert_eq!(reply.json()["valid"], true);
    assert_eq!(get(test.addr(), "/api/health").await.json()["cases"], 0);
    test.server.stop().await.unwrap();
}

#[tokio::test]
async fn a_retry_with_the_same_key_returns_the_original_case() {
    let test = start_server(Some(MONDAY)).await;
    let key = [("Idempotency-Key", "offline-queue-7f3a")];
    let first = post_json_with(test.addr(), "/api/complaints", &key, &valid_complaint()).await;
    assert_eq!(first.status, 201);
    let retry = post_json_with(test.addr(), "/api/complaints", &key, &valid_complaint()).await;
    assert_eq!(retry.status, 200);
    assert_eq!(retry.json()["caseId"], first.json()["caseId"]);
    assert_eq!(retry.json()["receivedAt"], first.json()["receivedAt"]);

    // The same key with another document is a mistake, not a retry.
    let mut other = valid_complaint();
    other["remedy"] = json!("另一个诉求");
    let clash = post_json_with(test.addr(), "/api/complaints", &key, &other).await;
    assert_eq!(clash.status, 422);
    assert_eq!(clash.codes(), vec!["request.idempotencyKeyReused"]);

    // A retry is answered with the original case even when the document would no longer
    // pass: here the clock goes back so the conduct date now lies in the future.
    let mut today = valid_complaint();
    today["conduct"]["occurredOn"] = json!("2026-11-30");
    let queued = [("Idempotency-Key", "queued-on-monday")];
    let original = post_json_with(test.addr(), "/api/complaints", &queued, &today).await;
    assert_eq!(original.status, 201);
    test.server.clock().set(Some(
        qinqing_server::parse_instant("2026-11-29T10:00:00+08:00").unwrap(),
    ));
    assert_eq!(
        post_json(test.addr(), "/api/complaints", &today)
            .await
            .status,
        422
    );
    let late_retry = post_json_with(test.addr(), "/api/complaints", &queued, &today).await;
    assert_eq!(late_retry.status, 200);
    assert_eq!(late_retry.json()["caseId"], original.json()["caseId"]);
    test.server
        .clock()
        .set(Some(qinqing_server::parse_instant(MONDAY).unwrap()));

    // Keys are per endpoint: a contract may use the same key text.
    let contract = post_json_with(
        test.addr(),
        "/api/contracts",
        &key,
        &fixture("contracts", "valid-contract.json"),
    )
    .await;
    assert_eq!(contract.status, 201);
    assert_eq!(get(test.addr(), "/api/health").await.json()["cases"], 3);
    test.server.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_retries_create_exactly_one_case() {
    let test = start_server(Some(MONDAY)).await;
    let addr = test.addr();
    let mut tasks = Vec::new();
    for _ in 0..40 {
        tasks.push(tokio::spawn(async move {
            let reply = post_json_with(
                addr,
                "/api/complaints",
                &[("Idempotency-Key", "same-key")],
                &valid_complaint(),
            )
            .await;
            (
                reply.status,
                reply.json()["caseId"].as_str().unwrap().to_owned(),
            )
        }));
    }
    let mut created = 0;
    for task in tasks {
        let (status, case_id) = task.await.unwrap();
        assert!(status == 200 || status == 201, "status {status}");
        assert_eq!(case_id, "GX-2026-000001");
        created += usize::from(status == 201);
    }
    assert_eq!(created, 1);
    assert_eq!(get(addr, "/api/health").await.json()["cases"], 1);
    test.server.stop().await.unwrap();
}

async fn event(addr: std::net::SocketAddr, id: &str, body: Value) -> common::Reply {
    post_json(addr, &format!("/api/cases/{id}/events"), &body).await
}

#[tokio::test]
async fn the_lifecycle_is_kept_step_by_step_and_illegal_steps_are_409() {
    let test = start_server(Some(MONDAY)).await;
    let addr = test.addr();
    let id = post_json(addr, "/api/complaints", &valid_complaint())
        .await
        .json()["caseId"]
        .as_str()
        .unwrap()
        .to_owned();

    // Replying before the case is accepted and assigned skips 统一受理 and 按责承办.
    let early = event(
        addr,
        &id,
        json!({"kind": "reply", "by": "王五", "text": "已处理"}),
    )
    .await;
    assert_eq!(early.status, 409);
    assert_eq!(early.codes(), vec!["case.illegalTransition"]);
    assert_eq!(early.json()["valid"], false);

    assert_eq!(
        event(addr, &id, json!({"kind": "accept", "by": "受理窗口 张三"}))
            .await
            .status,
        201
    );
    let assigned = event(
        addr,
        &id,
        json!({"kind": "assign", "by": "张三", "unit": "横州市纪委监委"}),
    )
    .await;
    assert_eq!(assigned.status, 201);
    assert_eq!(assigned.json()["state"]["unit"], "横州市纪委监委");
    assert_eq!(
        event(
            addr,
            &id,
            json!({"kind": "escalate", "by": "李四", "meeting": "南宁市亲清专题会议"})
        )
        .await
        .status,
        201
    );
    assert_eq!(
        event(
            addr,
            &id,
            json!({"kind": "supervise", "by": "督查室", "note": "限期答复"})
        )
        .await
        .status,
        201
    );

    test.server.clock().set(Some(
        qinqing_server::parse_instant("2026-12-04T16:00:00+08:00").unwrap(),
    ));
    let replied = event(
        addr,
        &id,
        json!({"kind": "reply", "by": "横州市纪委监委", "text": "经核查，摊派款已退还。"}),
    )
    .await;
    assert_eq!(replied.status, 201);
    assert_eq!(
        event(addr, &id, json!({"kind": "close", "by": "张三"}))
            .await
            .status,
        201
    );
    let again = event(addr, &id, json!({"kind": "close", "by": "张三"})).await;
    assert_eq!(again.status, 409);

    // Who, when and what, for every step.
    let case = get(addr, &format!("/api/cases/{id}")).await.json();
    let events = case["events"].as_array().unwrap();
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| e["event"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "accept",
            "assign",
            "escalate",
            "supervise",
            "reply",
            "close"
        ]
    );
    assert_eq!(events[0]["by"], "受理窗口 张三");
    assert_eq!(events[0]["at"], MONDAY);
    assert_eq!(events[4]["at"], "2026-12-04T16:00:00+08:00");
    assert_eq!(events[4]["event"]["text"], "经核查，摊派款已退还。");
    assert_eq!(case["status"], "closed");
    assert_eq!(case["replyOnTime"], true);
    assert_eq!(case["state"]["escalated"], true);
    assert_eq!(case["state"]["supervised"], true);

    // Malformed steps: no author, no detail, unknown kind, unknown case.
    let other = post_json(addr, "/api/complaints", &valid_complaint())
        .await
        .json()["caseId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        event(addr, &other, json!({"kind": "accept", "by": "张三"}))
            .await
            .status,
        201
    );
    let no_unit = event(addr, &other, json!({"kind": "assign", "by": "张三"})).await;
    assert_eq!(no_unit.status, 422);
    assert_eq!(no_unit.codes(), vec!["case.missingDetail"]);
    assert_eq!(no_unit.json()["issues"][0]["path"], "/unit");
    assert_eq!(
        event(addr, &id, json!({"kind": "accept"})).await.codes(),
        vec!["event.byMissing"]
    );
    assert_eq!(
        event(addr, &id, json!({"kind": "reopen", "by": "x"}))
            .await
            .codes(),
        vec!["event.unknown"]
    );
    assert_eq!(
        event(addr, "GX-2026-424242", json!({"kind": "accept", "by": "x"}))
            .await
            .status,
        404
    );
    test.server.stop().await.unwrap();
}

#[tokio::test]
async fn overdue_and_due_today_follow_the_clock() {
    // Received Monday 30 November; due Wednesday 9 December.
    let test = start_server(Some(MONDAY)).await;
    let addr = test.addr();
    let mut ids = Vec::new();
    for _ in 0..3 {
        ids.push(
            post_json(addr, "/api/complaints", &valid_complaint())
                .await
                .json()["caseId"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    // One answered in time, two left alone.
    for step in [
        json!({"kind":"accept","by":"a"}),
        json!({"kind":"assign","by":"a","unit":"u"}),
        json!({"kind":"reply","by":"u","text":"答复"}),
    ] {
        assert_eq!(event(addr, &ids[0], step).await.status, 201);
    }
    let count = |reply: common::Reply| reply.json()["count"].as_u64().unwrap();

    test.server.clock().set(Some(
        qinqing_server::parse_instant("2026-12-09T10:00:00+08:00").unwrap(),
    ));
    assert_eq!(count(get(addr, "/api/cases?status=dueToday").await), 2);
    assert_eq!(count(get(addr, "/api/cases?status=overdue").await), 0);

    test.server.clock().set(Some(
        qinqing_server::parse_instant("2026-12-10T10:00:00+08:00").unwrap(),
    ));
    let overdue = get(addr, "/api/cases?status=overdue").await.json();
    assert_eq!(overdue["count"], 2);
    let listed: Vec<&str> = overdue["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["caseId"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [ids[1].as_str(), ids[2].as_str()]);
    assert_eq!(overdue["cases"][0]["status"], "overdue");
    assert_eq!(count(get(addr, "/api/cases?status=open").await), 3);
    assert_eq!(count(get(addr, "/api/cases?status=closed").await), 0);
    assert_eq!(get(addr, "/api/cases?status=lost").await.status, 400);
    // A late reply is recorded as late.
    for step in [
        json!({"kind":"accept","by":"a"}),
        json!({"kind":"assign","by":"a","unit":"u"}),
        json!({"kind":"reply","by":"u","text":"迟到的答复"}),
    ] {
        assert_eq!(event(addr, &ids[1], step).await.status, 201);
    }
    assert_eq!(
        get(addr, &format!("/api/cases/{}", ids[1])).await.json()["replyOnTime"],
        false
    );
    assert_eq!(
        get(addr, &format!("/api/cases/{}", ids[0])).await.json()["replyOnTime"],
        true
    );
    test.server.stop().await.unwrap();
}

#[tokio::test]
async fn a_restarted_server_keeps_every_case_and_event() {
    let test = start_server(Some(MONDAY)).await;
    let mut ids = Vec::new();
    for _ in 0..25 {
        let reply = post_json(test.addr(), "/api/complaints", &valid_complaint()).await;
        ids.push(reply.json()["caseId"].as_str().unwrap().to_owned());
    }
    assert_eq!(
        event(test.addr(), &ids[3], json!({"kind":"accept","by":"张三"}))
            .await
            .status,
        201
    );
    let TestServer { server, dir } = test;
    server.stop().await.unwrap();

    let test = start_with(dir, Some(MONDAY), None).await;
    assert_eq!(get(test.addr(), "/api/health").await.json()["cases"], 25);
    for id in &ids {
        assert_eq!(
            get(test.addr(), &format!("/api/cases/{id}")).await.status,
            200,
            "{id} lost"
        );
    }
    assert_eq!(
        get(test.addr(), &format!("/api/cases/{}", ids[3]))
            .await
            .json()["state"]["stage"],
        "accepted"
    );
    // Numbering continues after the last stored case.
    let next = post_json(test.addr(), "/api/complaints", &valid_complaint()).await;
    assert_eq!(next.json()["caseId"], "GX-2026-000026");
    test.server.stop().await.unwrap();
}

#[tokio::test]
async fn limits_give_413_415_and_400_in_the_answer_shape() {
    let test = start_server(Some(MONDAY)).await;
    let addr = test.addr();
    let json_type = [("Content-Type", "application/json")];

    let big = format!("{{\"remedy\":\"{}\"}}", "x".repeat(2 * 1024 * 1024));
    let reply = request(addr, "POST", "/api/complaints", &json_type, big.as_bytes()).await;
    assert_eq!(reply.status, 413);
    assert_eq!(reply.codes(), vec!["request.bodyTooLarge"]);

    let reply = request(
        addr,
        "POST",
        "/api/complaints",
        &[("Content-Type", "text/plain")],
        b"{}",
    )
    .await;
    assert_eq!(reply.status, 415);
    assert_eq!(reply.codes(), vec!["request.unsupportedMediaType"]);
    let reply = request(addr, "POST", "/api/validate/complaint", &[], b"{}").await;
    assert_eq!(reply.status, 415);

    let reply = request(
        addr,
        "POST",
        "/api/complaints",
        &json_type,
        b"{\"complainant\": {",
    )
    .await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.codes(), vec!["request.malformedJson"]);
    assert_eq!(reply.json()["valid"], false);

    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let reply = request(
        addr,
        "POST",
        "/api/validate/complaint",
        &json_type,
        deep.as_bytes(),
    )
    .await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.codes(), vec!["request.tooDeep"]);

    let reply = post_json_with(
        addr,
        "/api/complaints",
        &[("Idempotency-Key", &"k".repeat(300))],
        &valid_complaint(),
    )
    .await;
    assert_eq!(reply.status, 400);

    assert_eq!(
        get(addr, "/api/nothing-here").await.codes(),
        vec!["request.notFound"]
    );
    assert_eq!(get(addr, "/api/health").await.json()["cases"], 0);
    test.server.stop().await.unwrap();
}

#[tokio::test]
async fn without_a_bundle_the_root_says_how_to_build_it() {
    let test = start_server(None).await;
    let reply = get(test.addr(), "/").await;
    assert_eq!(reply.status, 404);
    assert!(String::from_utf8_lossy(&reply.body).contains("scripts/build-web"));
    test.server.stop().await.unwrap();
}

#[tokio::test]
async fn the_bundle_is_served_with_wasm_and_service_worker_headers() {
    let dir = tempfile::tempdir().unwrap();
    let web = dir.path().join("dist");
    std::fs::create_dir_all(&web).unwrap();
    std::fs::write(web.join("index.html"), "<!doctype html><title>亲清</title>").unwrap();
    std::fs::write(web.join("app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(
        web.join("sw.js"),
        "self.addEventListener('fetch', () => {});",
    )
    .unwrap();
    let mut config = qinqing_server::Config::for_tests(dir.path().join("db.sqlite"));
    config.web = web;
    let server = qinqing_server::start(config).await.unwrap();
    let index = get(server.addr(), "/").await;
    assert_eq!(index.status, 200);
    assert!(String::from_utf8_lossy(&index.body).contains("亲清"));
    assert_eq!(index.header("cache-control"), Some("no-cache"));
    let wasm = get(server.addr(), "/app_bg.wasm").await;
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    let worker = get(server.addr(), "/sw.js").await;
    assert_eq!(worker.header("service-worker-allowed"), Some("/"));
    assert_eq!(worker.header("cache-control"), Some("no-cache"));
    server.stop().await.unwrap();
}

#[tokio::test]
async fn a_complaint_before_national_day_skips_the_holiday() {
    // 30 September 2026; 1–7 October are off (国庆节、中秋节), so 7 working days end on 12 October
    // or later, never on 9 October as a weekday-only count would say.
    let test = start_server(Some("2026-09-30T11:00:00+08:00")).await;
    let mut complaint = valid_complaint();
    complaint["conduct"]["occurredOn"] = json!("2026-09-01");
    let reply = post_json(test.addr(), "/api/complaints", &complaint).await;
    assert_eq!(
        reply.status,
        201,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let body = reply.json();
    let due = body["deadline"]["dueDate"].as_str().unwrap().to_owned();
    assert!(due.as_str() > "2026-10-12", "{due}");
    assert!(body["deadline"]["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .any(|day| day["reason"] == "holiday"));
    test.server.stop().await.unwrap();
}

#[tokio::test]
async fn the_calendar_lists_a_years_special_days() {
    let test = start_server(None).await;
    let year = get(test.addr(), "/api/calendar/2026").await;
    assert_eq!(year.status, 200);
    let year = year.json();
    assert_eq!(year["published"], true);
    let days = year["days"].as_array().unwrap();
    assert!(
        days.iter()
            .any(|d| d["date"] == "2026-10-01" && d["reason"] == "holiday"),
        "{year}"
    );
    assert!(days.iter().any(|d| d["reason"] == "guangxiHoliday"));
    let national = get(test.addr(), "/api/calendar/2026?region=national")
        .await
        .json();
    assert!(national["days"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["reason"] != "guangxiHoliday"));
    assert_eq!(get(test.addr(), "/api/calendar/1800").await.status, 404);
    assert_eq!(get(test.addr(), "/api/calendar/next").await.status, 404);
    test.server.stop().await.unwrap();
}

#[tokio::test]
async fn an_administrator_loads_a_new_year_and_it_survives_a_restart() {
    let test = start_with(tempfile::tempdir().unwrap(), None, Some("s3cret")).await;
    let before = get(test.addr(), "/api/calendar/2027").await.json();
    assert_eq!(before["published"], false);
    let notice = json!({
        "year": 2027,
        "papers": ["https://www.gov.cn/example-2027"],
        "off_days": [{"date": "2027-01-01", "name": "元旦"}, {"date": "2027-01-04", "name": "元旦"}],
        "adjusted_workdays": [{"date": "2027-01-09", "name": "元旦"}]
    });
    let loaded = post_json_with(
        test.addr(),
        "/api/calendar",
        &[("Authorization", "Bearer s3cret")],
        &notice,
    )
    .await;
    assert_eq!(
        loaded.status,
        201,
        "{}",
        String::from_utf8_lossy(&loaded.body)
    );
    let broken = post_json_with(
        test.addr(),
        "/api/calendar",
        &[("Authorization", "Bearer s3cret")],
        &json!({"year": "soon"}),
    )
    .await;
    assert_eq!(broken.status, 422);
    let TestServer { server, dir } = test;
    server.stop().await.unwrap();

    let test = start_with(dir, None, Some("s3cret")).await;
    let after = get(test.addr(), "/api/calendar/2027").await.json();
    assert_eq!(after["published"], true);
    let days = after["days"].as_array().unwrap();
    assert!(
        days.iter()
            .any(|d| d["date"] == "2027-01-04" && d["reason"] == "holiday"),
        "{after}"
    );
    assert!(
        days.iter()
            .any(|d| d["date"] == "2027-01-09" && d["reason"] == "makeUpWorkday"),
        "{after}"
    );
    test.server.stop().await.unwrap();
}

#[tokio::test]
async fn loading_a_calendar_year_needs_the_admin_token() {
    let test = start_with(tempfile::tempdir().unwrap(), Some(MONDAY), Some("s3cret")).await;
    let addr = test.addr();
    let notice = json!({"year": 2027});
    assert_eq!(post_json(addr, "/api/calendar", &notice).await.status, 401);
    assert_eq!(
        post_json_with(
            addr,
            "/api/calendar",
            &[("Authorization", "Bearer wrong")],
            &notice
        )
        .await
        .status,
        401
    );
    test.server.stop().await.unwrap();

    let closed = start_server(None).await;
    assert_eq!(
        post_json(closed.addr(), "/api/calendar", &notice)
            .await
            .codes(),
        vec!["admin.disabled"]
    );
    closed.server.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_that_cannot_be_written_gives_a_clean_503() {
    let test = start_server(Some(MONDAY)).await;
    // Another process holds the write lock (as a backup tool or a stuck migration would):
    // the server waits its busy timeout, then answers 503 instead of hanging or panicking.
    let blocker = rusqlite::Connection::open(test.db()).unwrap();
    blocker
        .execute_batch("BEGIN EXCLUSIVE; INSERT INTO counters(key, last) VALUES ('lock', 0);")
        .unwrap();
    let reply = post_json(test.addr(), "/api/complaints", &valid_complaint()).await;
    assert_eq!(
        reply.status,
        503,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(reply.codes(), vec!["server.storageUnavailable"]);
    assert!(reply.json()["issues"][0]["message"]
        .as_str()
        .unwrap()
        .contains("稍后重试"));
    blocker.execute_batch("ROLLBACK;").unwrap();
    drop(blocker);
    // Once the lock is gone the same submission goes through.
    let reply = post_json(test.addr(), "/api/complaints", &valid_complaint()).await;
    assert_eq!(reply.status, 201);
    test.server.stop().await.unwrap();
}

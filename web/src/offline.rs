//! Work that must survive a dead tab or a dead network: the draft in local storage, and an
//! outbox of submissions, each with an idempotency key, replayed until the server answers.
//!
//! A submission is written to the outbox *before* it is sent and removed only when the
//! server has answered, so a crash or a lost connection at any moment leaves it queued; the
//! server treats a repeated `Idempotency-Key` as the same case, so a replay never files a
//! second one.

use std::cell::RefCell;

use gloo::storage::{LocalStorage, Storage};
use qinqing_core::Answer;
use qinqing_core::{Issue, Severity};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::JsCast;

use crate::schema::FormKind;
use crate::state::{Draft, KeySet, RawTexts};

const OUTBOX_KEY: &str = "qinqing:outbox";

/// The storage key of the draft of one form (one per form kind and endpoint).
pub(crate) fn draft_key(kind: FormKind, endpoint: &str) -> String {
    format!("qinqing:draft:{}:{endpoint}", kind.name())
}

/// The saved draft, if any and readable.
pub(crate) fn load_draft(key: &str) -> Option<Draft> {
    read_draft(&LocalStorage::get::<Value>(key).ok()?)
}

/// Saves the draft; `false` when storage refused (quota, private mode).
pub(crate) fn save_draft(key: &str, draft: &Draft) -> bool {
    LocalStorage::set(key, draft).is_ok()
}

/// Forgets the draft after a successful submission.
pub(crate) fn clear_draft(key: &str) {
    LocalStorage::delete(key);
}

/// One submission waiting for the server.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Outgoing {
    /// The `Idempotency-Key` header: the same for every replay of this submission.
    pub(crate) key: String,
    /// Where it goes.
    pub(crate) endpoint: String,
    /// The JSON body.
    pub(crate) body: String,
}

/// Everything queued, oldest first.
pub(crate) fn outbox() -> Vec<Outgoing> {
    LocalStorage::get::<Value>(OUTBOX_KEY)
        .ok()
        .and_then(|value| read_outbox(&value))
        .unwrap_or_default()
}

/// Queued submissions for one endpoint.
pub(crate) fn pending(endpoint: &str) -> Vec<Outgoing> {
    outbox()
        .into_iter()
        .filter(|item| item.endpoint == endpoint)
        .collect()
}

/// Adds a submission; `false` when storage refused (it is still sent if online).
pub(crate) fn enqueue(item: &Outgoing) -> bool {
    let mut items = outbox();
    if items.iter().any(|queued| queued.key == item.key) {
        return true;
    }
    items.push(item.clone());
    LocalStorage::set(OUTBOX_KEY, &items).is_ok()
}

fn remove(key: &str) {
    let mut items = outbox();
    items.retain(|item| item.key != key);
    if items.is_empty() {
        LocalStorage::delete(OUTBOX_KEY);
    } else {
        // Best effort: if this fails the item is replayed and the server dedupes it.
        let _ = LocalStorage::set(OUTBOX_KEY, &items);
    }
}

/// A fresh idempotency key: `crypto.randomUUID()`, or a random UUID-shaped string from
/// `Math.random` where that is missing (insecure contexts, old browsers).
pub(crate) fn new_key() -> String {
    let from_crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid());
    match from_crypto {
        Some(uuid) if !uuid.is_empty() => uuid,
        _ => {
            let mut out = String::with_capacity(36);
            for ch in "xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx".chars() {
                if ch == 'x' {
                    // Truncation to a hex digit is the point.
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    let digit = (js_sys::Math::random() * 16.0) as u32 % 16;
                    out.push(char::from_digit(digit, 16).unwrap_or('0'));
                } else {
                    out.push(ch);
                }
            }
            out
        }
    }
}

/// What the browser believes about the connection.
pub(crate) fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// What became of one send.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Outcome {
    /// Filed (or already filed under this key).
    Accepted {
        case_id: String,
        due: Option<String>,
    },
    /// The server found errors.
    Rejected(Answer),
    /// No connection: stays queued.
    Offline,
    /// The server failed; stays queued and is retried.
    Retry(String),
    /// The server refused it for good (e.g. too large); removed from the outbox.
    Refused(String),
}

thread_local! {
    /// Keys being sent right now, so an `online` event and a timer never send one twice at once.
    static IN_FLIGHT: RefCell<KeySet> = const { RefCell::new(KeySet::new()) };
}

/// Sends one queued submission and settles the outbox by the answer. `None` when the same
/// key is already being sent.
pub(crate) async fn send(item: &Outgoing) -> Option<Outcome> {
    let fresh = IN_FLIGHT.with(|keys| keys.borrow_mut().insert(item.key.clone()));
    if !fresh {
        return None;
    }
    let outcome = post(item).await;
    IN_FLIGHT.with(|keys| keys.borrow_mut().remove(&item.key));
    if matches!(
        outcome,
        Outcome::Accepted { .. } | Outcome::Rejected(_) | Outcome::Refused(_)
    ) {
        remove(&item.key);
    }
    Some(outcome)
}

async fn post(item: &Outgoing) -> Outcome {
    let request = gloo::net::http::Request::post(&item.endpoint)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", &item.key)
        .body(item.body.as_str());
    let request = match request {
        Ok(request) => request,
        Err(error) => return Outcome::Refused(error.to_string()),
    };
    let response = match request.send().await {
        Ok(response) => response,
        Err(_) if !is_online() => return Outcome::Offline,
        Err(error) => return Outcome::Retry(error.to_string()),
    };
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    match status {
        200 | 201 => {
            let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            let case_id = value
                .get("caseId")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let due = value
                .pointer("/deadline/dueDate")
                .and_then(Value::as_str)
                .map(str::to_owned);
            Outcome::Accepted { case_id, due }
        }
        422 => match serde_json::from_str::<Value>(&text)
            .ok()
            .and_then(|value| read_answer(&value))
        {
            Some(answer) => Outcome::Rejected(answer),
            None => Outcome::Refused(format!("HTTP 422 {}", truncate(&text))),
        },
        408 | 425 | 429 | 500..=599 => Outcome::Retry(format!("HTTP {status}")),
        _ => Outcome::Refused(format!("HTTP {status} {}", truncate(&text))),
    }
}

// What is read back (storage, the server's 422 answer) is read from a `serde_json::Value`
// by hand instead of with `#[derive(Deserialize)]`: typed deserialisation links serde's
// error texts, which print floats (`core::fmt` float formatting, ≈ 7 KB gzip of the bundle).
// Each reader accepts what the derived one accepted (unknown fields ignored) and gives
// `None` where it failed.

fn string_of(value: &Value, key: &str) -> Option<String> {
    value.get(key)?.as_str().map(str::to_owned)
}

/// A [`Draft`] as `#[serde(default)]` read it: both fields optional, `raw` strings only.
pub(crate) fn read_draft(value: &Value) -> Option<Draft> {
    let object = value.as_object()?;
    let doc = object.get("doc").cloned().unwrap_or_default();
    let mut raw = RawTexts::default();
    if let Some(fields) = object.get("raw") {
        for (path, text) in fields.as_object()? {
            raw.insert(path.clone(), text.as_str()?.to_owned());
        }
    }
    Some(Draft { doc, raw })
}

/// The outbox: an array of `{key, endpoint, body}`.
fn read_outbox(value: &Value) -> Option<Vec<Outgoing>> {
    value
        .as_array()?
        .iter()
        .map(|item| {
            Some(Outgoing {
                key: string_of(item, "key")?,
                endpoint: string_of(item, "endpoint")?,
                body: string_of(item, "body")?,
            })
        })
        .collect()
}

/// The core's [`Answer`] as the server sends it with a 422.
pub(crate) fn read_answer(value: &Value) -> Option<Answer> {
    let issues = value
        .get("issues")?
        .as_array()?
        .iter()
        .map(read_issue)
        .collect::<Option<Vec<_>>>()?;
    Some(Answer {
        valid: value.get("valid")?.as_bool()?,
        priority: value.get("priority")?.as_bool()?,
        issues,
    })
}

fn read_issue(value: &Value) -> Option<Issue> {
    let severity = match value.get("severity")?.as_str()? {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        _ => return None,
    };
    let suggestions = match value.get("suggestions") {
        None => Vec::new(),
        Some(list) => list
            .as_array()?
            .iter()
            .map(|s| s.as_str().map(str::to_owned))
            .collect::<Option<_>>()?,
    };
    Some(Issue {
        code: string_of(value, "code")?.into(),
        severity,
        path: string_of(value, "path")?,
        message: string_of(value, "message")?,
        basis: string_of(value, "basis")?.into(),
        suggestions,
    })
}

fn truncate(text: &str) -> String {
    text.chars().take(200).collect()
}

/// Calls `f` when the browser goes online; the listener lives as long as the returned guard.
pub(crate) fn on_online(
    f: impl FnMut(&web_sys::Event) + 'static,
) -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    let target: &web_sys::EventTarget = window.unchecked_ref();
    Some(gloo::events::EventListener::new(target, "online", f))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The hand readers accept and refuse exactly what the derived `Deserialize` did.
    #[test]
    fn answers_read_like_serde() {
        let cases = [
            json!({"valid": false, "priority": true, "issues": [
                {"code": "uscc.checksum", "severity": "error", "path": "/complainant/uscc",
                 "message": "m", "basis": "GB 32100-2015"},
                {"code": "conduct.hint", "severity": "warning", "path": "", "message": "n",
                 "basis": "§七", "suggestions": ["forcedTraining"], "extra": 1}]}),
            json!({"valid": true, "priority": false, "issues": []}),
            json!({"valid": true, "priority": false, "issues": [{"code": "x", "severity": "fatal",
                 "path": "", "message": "", "basis": ""}]}),
            json!({"valid": true, "issues": []}),
            json!({"valid": 1, "priority": false, "issues": []}),
            json!([true, false, []]),
            json!(null),
        ];
        for case in cases {
            let derived = serde_json::from_value::<Answer>(case.clone()).ok();
            // serde also reads a struct from an array; the server never sends one.
            if case.is_array() {
                assert_eq!(read_answer(&case), None);
                continue;
            }
            assert_eq!(read_answer(&case), derived, "{case}");
        }
    }

    #[test]
    fn drafts_read_like_serde() {
        let cases = [
            json!({"doc": {"a": 1}, "raw": {"/amountFen": "12.5"}}),
            json!({"doc": {"a": 1}}),
            json!({}),
            json!({"raw": {"/x": 3}}),
            json!({"raw": []}),
            json!("draft"),
        ];
        for case in cases {
            let derived = serde_json::from_value::<Draft>(case.clone()).ok();
            assert_eq!(read_draft(&case), derived, "{case}");
        }
    }

    #[test]
    fn outbox_round_trips() {
        let items = vec![Outgoing {
            key: "k".into(),
            endpoint: "/api/complaints".into(),
            body: "{}".into(),
        }];
        let value = serde_json::to_value(&items).unwrap();
        assert_eq!(read_outbox(&value), Some(items));
        assert_eq!(read_outbox(&json!([{"key": "k", "endpoint": "e"}])), None);
        assert_eq!(read_outbox(&json!({})), None);
    }
}

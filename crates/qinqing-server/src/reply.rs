//! Every error the server gives is the same answer shape the browser shows:
//! `{valid: false, priority: false, issues: [{code, severity, path, message, basis}]}`.

use std::borrow::Cow;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use qinqing_core::{Answer, Issue, Lang, Severity};

/// A server-side problem, in both languages. Codes are stable like the core's.
pub(crate) struct Problem {
    pub(crate) status: StatusCode,
    pub(crate) code: &'static str,
    pub(crate) path: String,
    pub(crate) zh: String,
    pub(crate) en: String,
}

impl Problem {
    pub(crate) fn new(
        status: StatusCode,
        code: &'static str,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Problem {
        Problem {
            status,
            code,
            path: String::new(),
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub(crate) fn at(mut self, path: impl Into<String>) -> Problem {
        self.path = path.into();
        self
    }

    pub(crate) fn issue(&self, lang: Lang) -> Issue {
        Issue {
            code: Cow::Borrowed(self.code),
            severity: Severity::Error,
            path: self.path.clone(),
            message: if lang == Lang::En {
                self.en.clone()
            } else {
                self.zh.clone()
            },
            basis: Cow::Borrowed("qinqing-server"),
            suggestions: Vec::new(),
        }
    }

    pub(crate) fn respond(&self, lang: Lang) -> Response {
        answer_response(
            self.status,
            &Answer::from_issues(vec![self.issue(lang)], false),
        )
    }

    pub(crate) fn body_too_large(limit: usize) -> Problem {
        let kib = limit / 1024;
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "request.bodyTooLarge",
            format!("提交的内容超过 {kib} KiB 的上限，请删减附件说明或分次提交。"),
            format!("The submission is larger than the {kib} KiB limit; please shorten it or submit it in parts."),
        )
    }

    pub(crate) fn unsupported_media_type() -> Problem {
        Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "request.unsupportedMediaType",
            "请以 JSON 格式提交（Content-Type: application/json）。",
            "Please send JSON (Content-Type: application/json).",
        )
    }

    pub(crate) fn malformed_json(detail: &str) -> Problem {
        Problem::new(
            StatusCode::BAD_REQUEST,
            "request.malformedJson",
            format!("提交的内容不是有效的 JSON：{detail}。"),
            format!("The submission is not valid JSON: {detail}."),
        )
    }

    pub(crate) fn too_deep(limit: usize) -> Problem {
        Problem::new(
            StatusCode::BAD_REQUEST,
            "request.tooDeep",
            format!("提交的 JSON 嵌套超过 {limit} 层，请检查格式。"),
            format!("The JSON is nested more than {limit} levels deep; please check its shape."),
        )
    }

    pub(crate) fn unavailable(reason: &str) -> Problem {
        tracing::error!("storage unavailable: {reason}");
        Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "server.storageUnavailable",
            "服务器暂时无法保存，请稍后重试；已填写的内容不会丢失。",
            "The server cannot save right now; please try again later. Nothing you entered is lost.",
        )
    }

    pub(crate) fn internal(reason: &str) -> Problem {
        tracing::error!("internal error: {reason}");
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server.internal",
            "服务器出现内部错误，请稍后重试。",
            "The server hit an internal error; please try again later.",
        )
    }

    pub(crate) fn store(err: &crate::store::StoreError) -> Problem {
        match err {
            crate::store::StoreError::Unavailable(reason) => Problem::unavailable(reason),
            crate::store::StoreError::Internal(reason) => Problem::internal(reason),
        }
    }

    pub(crate) fn case_not_found(id: &str) -> Problem {
        Problem::new(
            StatusCode::NOT_FOUND,
            "case.notFound",
            format!("没有找到编号为 {id} 的案件，请核对案件编号。"),
            format!("There is no case numbered {id}; please check the number."),
        )
    }
}

/// JSON response with the given status.
pub(crate) fn json_response(status: StatusCode, body: String) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

pub(crate) fn answer_response(status: StatusCode, answer: &Answer) -> Response {
    json_response(status, answer.to_json())
}

pub(crate) fn value_response(status: StatusCode, value: &impl serde::Serialize) -> Response {
    match serde_json::to_string(value) {
        Ok(body) => json_response(status, body),
        Err(err) => Problem::internal(&err.to_string()).respond(Lang::Zh),
    }
}

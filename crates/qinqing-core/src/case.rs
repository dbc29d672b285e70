//! The §八 case lifecycle as a pure state machine.
//!
//! §八 asks for "统一受理、按责承办、强化监督、限时办结": every complaint is received and
//! accepted (受理) in one place, handed to the unit responsible for it (按责承办), supervised
//! (督办) and, when it goes beyond one unit's authority, taken to a special coordination meeting
//! (专题会议); it ends with a written reply (书面答复) and is closed (办结).
//!
//! [`apply`] folds one [`CaseEvent`] into a [`CaseState`]. It never reads the clock: the time
//! of the event is passed in, so a ledger can be replayed and always gives the same state.
//! An event that the current stage does not allow is an [`Issue`] with code
//! `case.illegalTransition`, not a panic, so the server can answer 409 with a clear sentence.

// A refused step is the project's `Issue` value itself, like every other check, not boxed:
// it happens once per refused request, never in a hot loop.
#![allow(clippy::result_large_err)]

use serde::{Deserialize, Serialize};

use crate::answer::{Issue, Lang, Severity};
use crate::codes::Rule;

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CaseStage {
    /// Submitted and stored, not yet accepted.
    #[default]
    Received,
    /// Accepted by the platform (受理).
    Accepted,
    /// Handed to the responsible unit (按责承办).
    Assigned,
    /// Taken to a special coordination meeting (专题会议) because it goes beyond the unit's
    /// authority.
    Escalated,
    /// Under supervision (督办).
    Supervised,
    /// Answered in writing (书面答复).
    Replied,
    /// Closed (办结).
    Closed,
}

impl CaseStage {
    /// The stage as a citizen reads it.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (CaseStage::Received, Lang::Zh) => "已收到",
            (CaseStage::Accepted, Lang::Zh) => "已受理",
            (CaseStage::Assigned, Lang::Zh) => "已交承办单位办理",
            (CaseStage::Escalated, Lang::Zh) => "已提交专题会议研究",
            (CaseStage::Supervised, Lang::Zh) => "督办中",
            (CaseStage::Replied, Lang::Zh) => "已书面答复",
            (CaseStage::Closed, Lang::Zh) => "已办结",
            (CaseStage::Received, Lang::En) => "received",
            (CaseStage::Accepted, Lang::En) => "accepted",
            (CaseStage::Assigned, Lang::En) => "assigned to the responsible unit",
            (CaseStage::Escalated, Lang::En) => "referred to a special coordination meeting",
            (CaseStage::Supervised, Lang::En) => "under supervision",
            (CaseStage::Replied, Lang::En) => "answered in writing",
            (CaseStage::Closed, Lang::En) => "closed",
        }
    }

    /// `true` once the case is closed: nothing more can happen to it.
    pub fn is_closed(self) -> bool {
        self == CaseStage::Closed
    }
}

/// One step in a case's life, as recorded in the ledger. JSON: `{"kind": "assign", "unit": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum CaseEvent {
    /// Accept the complaint (受理).
    Accept,
    /// Hand the case to the unit responsible for it (按责承办); again to transfer it.
    Assign {
        /// The responsible unit, such as "南宁市市场监督管理局".
        #[serde(default)]
        unit: String,
    },
    /// Refer the case to a special coordination meeting (专题会议).
    Escalate {
        /// The meeting, if already known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        meeting: Option<String>,
    },
    /// Put the case under supervision (督办); may be repeated.
    Supervise {
        /// What the supervisor asked for.
        #[serde(default)]
        note: String,
    },
    /// Answer the complainant in writing (书面答复).
    Reply {
        /// The written reply.
        #[serde(default)]
        text: String,
    },
    /// Close the case (办结).
    Close,
}

impl CaseEvent {
    /// The event as a citizen reads it.
    pub fn label(&self, lang: Lang) -> &'static str {
        match (self, lang) {
            (CaseEvent::Accept, Lang::Zh) => "受理",
            (CaseEvent::Assign { .. }, Lang::Zh) => "交承办单位办理",
            (CaseEvent::Escalate { .. }, Lang::Zh) => "提交专题会议",
            (CaseEvent::Supervise { .. }, Lang::Zh) => "督办",
            (CaseEvent::Reply { .. }, Lang::Zh) => "书面答复",
            (CaseEvent::Close, Lang::Zh) => "办结",
            (CaseEvent::Accept, Lang::En) => "accept",
            (CaseEvent::Assign { .. }, Lang::En) => "assign to a unit",
            (CaseEvent::Escalate { .. }, Lang::En) => "refer to a special meeting",
            (CaseEvent::Supervise { .. }, Lang::En) => "supervise",
            (CaseEvent::Reply { .. }, Lang::En) => "reply in writing",
            (CaseEvent::Close, Lang::En) => "close",
        }
    }
}

/// Everything the ledger knows about a case after its events so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseState {
    /// The current stage.
    pub stage: CaseStage,
    /// The responsible unit, once assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// `true` once the case was taken to a special coordination meeting.
    #[serde(default)]
    pub escalated: bool,
    /// The meeting, if named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    /// `true` once the case was put under supervision.
    #[serde(default)]
    pub supervised: bool,
    /// The written reply, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
    /// When the case was accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_at: Option<String>,
    /// When the written reply was given: compared with the §八 deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replied_at: Option<String>,
    /// When the case was closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<String>,
}

pub(crate) static ILLEGAL_TRANSITION: Rule = Rule {
    code: "case.illegalTransition",
    severity: Severity::Error,
    basis: "§八",
    zh: "案件当前状态为“{stage}”，不能进行“{event}”操作。",
    en: "The case is {stage}, so it cannot be given the step “{event}”.",
};

pub(crate) static MISSING_DETAIL: Rule = Rule {
    code: "case.missingDetail",
    severity: Severity::Error,
    basis: "§八",
    zh: "“{event}”需要填写{field}。",
    en: "The step “{event}” needs {field}.",
};

/// Applies `event`, happening at `at` (an RFC 3339 time chosen by the caller), to `state`.
///
/// Allowed steps: received → accept → assign (again to transfer) → escalate and/or supervise
/// (in any order; supervise may repeat) → reply → close. Anything else is an
/// `case.illegalTransition` issue; an assignment without a unit, a supervision without a note
/// or a reply without text is `case.missingDetail`.
pub fn apply(
    state: &CaseState,
    event: &CaseEvent,
    at: &str,
    lang: Lang,
) -> Result<CaseState, Issue> {
    use CaseStage::{Accepted, Assigned, Escalated, Received, Replied, Supervised};
    let illegal = || {
        Issue::new(
            &ILLEGAL_TRANSITION,
            "/kind",
            lang,
            &[
                ("stage", state.stage.label(lang)),
                ("event", event.label(lang)),
            ],
        )
    };
    let mut next = state.clone();
    match (state.stage, event) {
        (Received, CaseEvent::Accept) => {
            next.stage = Accepted;
            next.accepted_at = Some(at.to_owned());
        }
        (Accepted | Assigned | Escalated | Supervised, CaseEvent::Assign { unit }) => {
            let unit = required(
                unit,
                "/unit",
                event,
                lang,
                ("承办单位", "the responsible unit"),
            )?;
            next.stage = Assigned;
            next.unit = Some(unit);
        }
        (Assigned | Supervised, CaseEvent::Escalate { meeting }) if !state.escalated => {
            next.stage = Escalated;
            next.escalated = true;
            next.meeting = meeting
                .as_ref()
                .map(|m| m.trim().to_owned())
                .filter(|m| !m.is_empty());
        }
        (Assigned | Escalated | Supervised, CaseEvent::Supervise { note }) => {
            required(
                note,
                "/note",
                event,
                lang,
                ("督办意见", "a supervision note"),
            )?;
            next.stage = Supervised;
            next.supervised = true;
        }
        (Assigned | Escalated | Supervised, CaseEvent::Reply { text }) => {
            let text = required(
                text,
                "/text",
                event,
                lang,
                ("答复内容", "the text of the reply"),
            )?;
            next.stage = Replied;
            next.reply = Some(text);
            next.replied_at = Some(at.to_owned());
        }
        (Replied, CaseEvent::Close) => {
            next.stage = CaseStage::Closed;
            next.closed_at = Some(at.to_owned());
        }
        _ => return Err(illegal()),
    }
    Ok(next)
}

/// Replays a whole ledger from a fresh case; stops at the first illegal event.
pub fn replay<'a>(
    events: impl IntoIterator<Item = (&'a CaseEvent, &'a str)>,
    lang: Lang,
) -> Result<CaseState, Issue> {
    events
        .into_iter()
        .try_fold(CaseState::default(), |state, (event, at)| {
            apply(&state, event, at, lang)
        })
}

fn required(
    value: &str,
    path: &str,
    event: &CaseEvent,
    lang: Lang,
    field: (&str, &str),
) -> Result<String, Issue> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        let field = if lang == Lang::Zh { field.0 } else { field.1 };
        return Err(Issue::new(
            &MISSING_DETAIL,
            path,
            lang,
            &[("event", event.label(lang)), ("field", field)],
        ));
    }
    Ok(trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const AT: &str = "2026-12-01T09:00:00+08:00";

    fn run(events: &[CaseEvent]) -> Result<CaseState, Issue> {
        replay(events.iter().map(|e| (e, AT)), Lang::Zh)
    }

    fn assign() -> CaseEvent {
        CaseEvent::Assign {
            unit: "南宁市市场监督管理局".into(),
        }
    }

    fn reply() -> CaseEvent {
        CaseEvent::Reply {
            text: "经核查，已责令退还保证金。".into(),
        }
    }

    #[test]
    fn the_plain_path_ends_closed_with_the_reply_kept() {
        let state = run(&[CaseEvent::Accept, assign(), reply(), CaseEvent::Close]).unwrap();
        assert_eq!(state.stage, CaseStage::Closed);
        assert_eq!(state.unit.as_deref(), Some("南宁市市场监督管理局"));
        assert_eq!(state.reply.as_deref(), Some("经核查，已责令退还保证金。"));
        assert_eq!(state.replied_at.as_deref(), Some(AT));
        assert!(!state.escalated && !state.supervised);
    }

    #[test]
    fn escalation_and_supervision_may_both_happen_in_either_order() {
        let meeting = CaseEvent::Escalate {
            meeting: Some("自治区专题会议".into()),
        };
        let supervise = CaseEvent::Supervise {
            note: "限期答复".into(),
        };
        for order in [
            [meeting.clone(), supervise.clone()],
            [supervise.clone(), meeting.clone()],
        ] {
            let mut events = vec![CaseEvent::Accept, assign()];
            events.extend(order);
            events.push(reply());
            let state = run(&events).unwrap();
            assert!(state.escalated && state.supervised);
            assert_eq!(state.stage, CaseStage::Replied);
            assert_eq!(state.meeting.as_deref(), Some("自治区专题会议"));
        }
    }

    #[test]
    fn supervision_may_repeat_but_escalation_may_not() {
        let supervise = CaseEvent::Supervise {
            note: "催办".into(),
        };
        assert!(run(&[CaseEvent::Accept, assign(), supervise.clone(), supervise]).is_ok());
        let escalate = CaseEvent::Escalate { meeting: None };
        let err = run(&[CaseEvent::Accept, assign(), escalate.clone(), escalate]).unwrap_err();
        assert_eq!(err.code, "case.illegalTransition");
    }

    #[test]
    fn illegal_steps_are_issues_with_a_clear_message() {
        let err = run(&[reply()]).unwrap_err();
        assert_eq!(err.code, "case.illegalTransition");
        assert_eq!(err.path, "/kind");
        assert_eq!(
            err.message,
            "案件当前状态为“已收到”，不能进行“书面答复”操作。"
        );
        assert_eq!(err.basis, "§八");

        let closed = run(&[CaseEvent::Accept, assign(), reply(), CaseEvent::Close]).unwrap();
        for event in [CaseEvent::Accept, assign(), reply(), CaseEvent::Close] {
            let err = apply(&closed, &event, AT, Lang::En).unwrap_err();
            assert!(
                err.message.starts_with("The case is closed"),
                "{}",
                err.message
            );
        }
        // Closing before a written reply is exactly what §八 forbids.
        assert!(run(&[CaseEvent::Accept, assign(), CaseEvent::Close]).is_err());
        // Assigning before accepting skips 统一受理.
        assert!(run(&[assign()]).is_err());
    }

    #[test]
    fn a_step_without_its_detail_is_refused() {
        let err = run(&[CaseEvent::Accept, CaseEvent::Assign { unit: "  ".into() }]).unwrap_err();
        assert_eq!(err.code, "case.missingDetail");
        assert_eq!(err.path, "/unit");
        let err = run(&[
            CaseEvent::Accept,
            assign(),
            CaseEvent::Reply {
                text: String::new(),
            },
        ])
        .unwrap_err();
        assert_eq!(err.path, "/text");
    }

    #[test]
    fn a_transfer_keeps_the_case_open_with_the_new_unit() {
        let state = run(&[
            CaseEvent::Accept,
            assign(),
            CaseEvent::Assign {
                unit: "柳州市住建局".into(),
            },
        ])
        .unwrap();
        assert_eq!(state.stage, CaseStage::Assigned);
        assert_eq!(state.unit.as_deref(), Some("柳州市住建局"));
    }

    #[test]
    fn events_are_camel_case_json_tagged_by_kind() {
        let event: CaseEvent = serde_json::from_str(r#"{"kind":"assign","unit":"X"}"#).unwrap();
        assert_eq!(event, CaseEvent::Assign { unit: "X".into() });
        let event: CaseEvent = serde_json::from_str(r#"{"kind":"escalate"}"#).unwrap();
        assert_eq!(event, CaseEvent::Escalate { meeting: None });
        assert_eq!(
            serde_json::to_string(&CaseEvent::Close).unwrap(),
            r#"{"kind":"close"}"#
        );
        assert!(serde_json::from_str::<CaseEvent>(r#"{"kind":"reopen"}"#).is_err());
        // Extra fields a client adds (a comment, a reference) do not make a step unreadable.
        let event: CaseEvent = serde_json::from_str(r#"{"kind":"accept","ref":"窗口 3"}"#).unwrap();
        assert_eq!(event, CaseEvent::Accept);
        // A missing detail reads as empty, so `apply` can say which detail is missing.
        let event: CaseEvent = serde_json::from_str(r#"{"kind":"assign"}"#).unwrap();
        let accepted = run(&[CaseEvent::Accept]).unwrap();
        assert_eq!(
            apply(&accepted, &event, AT, Lang::Zh).unwrap_err().code,
            "case.missingDetail"
        );
        let state = run(&[CaseEvent::Accept]).unwrap();
        let json = serde_json::to_value(&state).unwrap();
        assert_eq!(json["stage"], "accepted");
        assert_eq!(json["acceptedAt"], AT);
    }
}

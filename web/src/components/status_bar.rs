//! The always-visible status: draft saved / queued / sent with the case number / returned.

use yew::prelude::*;

use crate::i18n;
use crate::state::Status;
use qinqing_core::Lang;

#[derive(Properties, PartialEq, Clone)]
pub(crate) struct StatusBarProps {
    pub(crate) lang: Lang,
    pub(crate) status: Status,
    pub(crate) online: bool,
}

#[function_component(StatusBar)]
pub(crate) fn status_bar(props: &StatusBarProps) -> Html {
    let lang = props.lang;
    let (class, text) = match &props.status {
        Status::Empty => ("qq-status-idle", i18n::STATUS_EMPTY.get(lang).to_owned()),
        Status::Draft => ("qq-status-draft", i18n::STATUS_DRAFT.get(lang).to_owned()),
        Status::Restored => (
            "qq-status-draft",
            i18n::STATUS_RESTORED.get(lang).to_owned(),
        ),
        Status::DraftFailed => (
            "qq-status-warn",
            i18n::STATUS_DRAFT_FAILED.get(lang).to_owned(),
        ),
        Status::Sending => ("qq-status-busy", i18n::STATUS_SENDING.get(lang).to_owned()),
        Status::Queued => ("qq-status-queued", i18n::STATUS_QUEUED.get(lang).to_owned()),
        Status::Sent { case_id, due } => {
            let mut text = format!("{}{case_id}", i18n::STATUS_SENT.get(lang));
            if let Some(due) = due {
                text.push_str(match lang {
                    Lang::Zh => "；",
                    Lang::En => "; ",
                });
                text.push_str(i18n::STATUS_SENT_DUE.get(lang));
                text.push_str(due);
            }
            ("qq-status-sent", text)
        }
        Status::Rejected => ("qq-status-warn", i18n::STATUS_REJECTED.get(lang).to_owned()),
        Status::Failed(reason) => (
            "qq-status-warn",
            format!("{}{reason}", i18n::STATUS_FAILED.get(lang)),
        ),
    };
    let case_id = match &props.status {
        Status::Sent { case_id, .. } => Some(case_id.clone()),
        _ => None,
    };
    html! {
        <div class={classes!("qq-status", class)} role="status" aria-live="polite" data-case-id={case_id}>
            if !props.online { <span class="qq-badge">{ i18n::OFFLINE_BADGE.get(lang) }</span> }
            <span class="qq-status-text">{ text }</span>
        </div>
    }
}

//! The form's components, one per file. Inputs are controlled: they show the state and send
//! the typed text up as a `Callback<String>`; only the app component talks to the reducer.

mod app;
mod check_field;
mod conduct_helper;
mod deadline_preview;
mod error_summary;
mod field;
mod file_picker;
mod rows;
mod select_field;
mod status_bar;
mod text_field;

pub(crate) use app::{FormApp, FormProps};

use qinqing_core::{Issue, Severity};
use yew::prelude::*;

/// One message shown under a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Message {
    pub(crate) error: bool,
    pub(crate) text: String,
}

impl Message {
    pub(crate) fn from_issues(issues: &[&Issue]) -> Vec<Message> {
        issues
            .iter()
            .map(|issue| Message {
                error: issue.severity == Severity::Error,
                text: issue.message.clone(),
            })
            .collect()
    }
}

/// The `aria-describedby` value: the hint (when there is one) and the message slot.
pub(crate) fn described_by(id: &str, has_hint: bool) -> String {
    if has_hint {
        format!("{id}-hint {id}-msg")
    } else {
        format!("{id}-msg")
    }
}

/// The label text, with the required mark for screen readers and eyes.
pub(crate) fn label_text(label: &str, required: bool) -> Html {
    html! {
        <>
            { label.to_owned() }
            if required { <span class="qq-req" aria-hidden="true">{ " *" }</span> }
        </>
    }
}

/// The hint under a label.
pub(crate) fn hint_view(id: &str, hint: &Option<AttrValue>) -> Html {
    match hint {
        Some(text) => html! { <p class="qq-hint" id={format!("{id}-hint")}>{ text.clone() }</p> },
        None => html! {},
    }
}

/// The message slot (always present, so `aria-describedby` never points at nothing).
pub(crate) fn messages_view(id: &str, messages: &[Message]) -> Html {
    html! {
        <div class="qq-msg" id={format!("{id}-msg")}>
            { for messages.iter().map(|m| html! {
                <p class={if m.error { "qq-error" } else { "qq-warning" }}>{ m.text.clone() }</p>
            }) }
        </div>
    }
}

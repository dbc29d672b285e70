//! A labelled tick box.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{described_by, hint_view, messages_view, Message};

#[derive(Properties, PartialEq, Clone)]
pub(crate) struct CheckFieldProps {
    pub(crate) id: AttrValue,
    pub(crate) label: AttrValue,
    #[prop_or_default]
    pub(crate) hint: Option<AttrValue>,
    pub(crate) checked: bool,
    pub(crate) messages: Vec<Message>,
    pub(crate) on_change: Callback<bool>,
}

#[function_component(CheckField)]
pub(crate) fn check_field(props: &CheckFieldProps) -> Html {
    let id = props.id.to_string();
    let invalid = props.messages.iter().any(|m| m.error);
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_change.emit(input.checked());
        })
    };
    html! {
        <div class={classes!("qq-field", "qq-check", invalid.then_some("qq-invalid"))}>
            <input type="checkbox" id={id.clone()} name={id.clone()} checked={props.checked}
                aria-invalid={if invalid { "true" } else { "false" }}
                aria-describedby={described_by(&id, props.hint.is_some())} {onchange} />
            <label for={id.clone()}>{ props.label.clone() }</label>
            { hint_view(&id, &props.hint) }
            { messages_view(&id, &props.messages) }
        </div>
    }
}

//! A labelled select. The empty choice means "not chosen" (the value is left out).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{described_by, hint_view, label_text, messages_view, Message};

#[derive(Properties, PartialEq, Clone)]
pub(crate) struct SelectFieldProps {
    pub(crate) id: AttrValue,
    pub(crate) label: AttrValue,
    #[prop_or_default]
    pub(crate) hint: Option<AttrValue>,
    #[prop_or_default]
    pub(crate) required: bool,
    /// Label of the empty choice.
    pub(crate) placeholder: AttrValue,
    /// `(value, label)` pairs.
    pub(crate) choices: Vec<(AttrValue, AttrValue)>,
    pub(crate) value: AttrValue,
    pub(crate) messages: Vec<Message>,
    pub(crate) on_change: Callback<String>,
    pub(crate) on_blur: Callback<()>,
}

#[function_component(SelectField)]
pub(crate) fn select_field(props: &SelectFieldProps) -> Html {
    let id = props.id.to_string();
    let invalid = props.messages.iter().any(|m| m.error);
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_change.emit(select.value());
        })
    };
    let onblur = {
        let on_blur = props.on_blur.clone();
        Callback::from(move |_: FocusEvent| on_blur.emit(()))
    };
    // A value the list does not know (from an old draft or a server) is still shown.
    let unknown = !props.value.is_empty() && !props.choices.iter().any(|(v, _)| *v == props.value);
    html! {
        <div class={classes!("qq-field", invalid.then_some("qq-invalid"))}>
            <label for={id.clone()}>{ label_text(&props.label, props.required) }</label>
            { hint_view(&id, &props.hint) }
            <select id={id.clone()} name={id.clone()}
                aria-invalid={if invalid { "true" } else { "false" }}
                aria-describedby={described_by(&id, props.hint.is_some())}
                aria-required={if props.required { "true" } else { "false" }}
                {onchange} {onblur}>
                <option value="" selected={props.value.is_empty()}>{ props.placeholder.clone() }</option>
                { for props.choices.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={*value == props.value}>{ label.clone() }</option>
                }) }
                if unknown {
                    <option value={props.value.clone()} selected=true>{ props.value.clone() }</option>
                }
            </select>
            { messages_view(&id, &props.messages) }
        </div>
    }
}

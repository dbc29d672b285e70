//! A labelled text input or text area.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::{described_by, hint_view, label_text, messages_view, Message};

#[derive(Properties, PartialEq, Clone)]
pub(crate) struct TextFieldProps {
    pub(crate) id: AttrValue,
    pub(crate) label: AttrValue,
    #[prop_or_default]
    pub(crate) hint: Option<AttrValue>,
    #[prop_or_default]
    pub(crate) required: bool,
    #[prop_or_default]
    pub(crate) multiline: bool,
    /// `text`, `date`, …
    #[prop_or(AttrValue::Static("text"))]
    pub(crate) input_type: AttrValue,
    #[prop_or_default]
    pub(crate) inputmode: Option<AttrValue>,
    #[prop_or(AttrValue::Static("off"))]
    pub(crate) autocomplete: AttrValue,
    /// Id of a `<datalist>` with suggestions.
    #[prop_or_default]
    pub(crate) list: Option<AttrValue>,
    pub(crate) value: AttrValue,
    pub(crate) messages: Vec<Message>,
    pub(crate) on_input: Callback<String>,
    pub(crate) on_blur: Callback<()>,
}

#[function_component(TextField)]
pub(crate) fn text_field(props: &TextFieldProps) -> Html {
    let id = props.id.to_string();
    let invalid = props.messages.iter().any(|m| m.error);
    let describedby = described_by(&id, props.hint.is_some());
    let onblur = {
        let on_blur = props.on_blur.clone();
        Callback::from(move |_: FocusEvent| on_blur.emit(()))
    };
    let control = if props.multiline {
        let on_input = props.on_input.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_input.emit(area.value());
        });
        html! {
            <textarea id={id.clone()} name={id.clone()} rows="5" value={props.value.clone()}
                aria-invalid={if invalid { "true" } else { "false" }}
                aria-describedby={describedby} aria-required={if props.required { "true" } else { "false" }}
                {oninput} {onblur} />
        }
    } else {
        let on_input = props.on_input.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_input.emit(input.value());
        });
        // Date pickers report through `change` as well as `input`.
        let on_change = props.on_input.clone();
        let onchange = Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_change.emit(input.value());
        });
        html! {
            <input id={id.clone()} name={id.clone()} type={props.input_type.clone()} value={props.value.clone()}
                inputmode={props.inputmode.clone()} autocomplete={props.autocomplete.clone()}
                list={props.list.clone()} spellcheck="false"
                aria-invalid={if invalid { "true" } else { "false" }}
                aria-describedby={describedby} aria-required={if props.required { "true" } else { "false" }}
                {oninput} {onchange} {onblur} />
        }
    };
    html! {
        <div class={classes!("qq-field", invalid.then_some("qq-invalid"))}>
            <label for={id.clone()}>{ label_text(&props.label, props.required) }</label>
            { hint_view(&id, &props.hint) }
            { control }
            { messages_view(&id, &props.messages) }
        </div>
    }
}

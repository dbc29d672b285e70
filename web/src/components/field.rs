//! One field of the schema, rendered with the matching input component and wired to the
//! reducer through [`FormCtx`].

use qinqing_core::{catalogue, division_name, guangxi_divisions, Lang};
use yew::prelude::*;

use super::check_field::CheckField;
use super::conduct_helper::ConductHelper;
use super::select_field::SelectField;
use super::text_field::TextField;
use super::Message;
use crate::i18n;
use crate::schema::{dom_id, Field, Input};
use crate::state::{Action, FormState};

/// What every field needs from the form: the state and the ways to change it.
#[derive(Clone, PartialEq)]
pub(crate) struct FormCtx {
    pub(crate) state: UseReducerHandle<FormState>,
    /// Text typed at a pointer (debounced validation follows).
    pub(crate) edit: Callback<(String, String)>,
    /// Anything else.
    pub(crate) dispatch: Callback<Action>,
}

/// The id of the shared `<datalist>` of Guangxi divisions.
pub(crate) const DIVISIONS_LIST: &str = "qq-divisions";

/// The `<datalist>` of Guangxi division codes, rendered once per form.
pub(crate) fn divisions_datalist() -> Html {
    html! {
        <datalist id={DIVISIONS_LIST}>
            { for guangxi_divisions().iter().map(|d| html! { <option value={d.code}>{ d.name }</option> }) }
        </datalist>
    }
}

/// The catalogue id as its JSON name (`breachOfCommitment`).
pub(crate) fn conduct_name(id: qinqing_core::ConductId) -> String {
    match serde_json::to_value(id) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

#[derive(Properties, PartialEq, Clone)]
pub(crate) struct FieldViewProps {
    pub(crate) ctx: FormCtx,
    pub(crate) field: Field,
    /// The absolute pointer (row index filled in).
    pub(crate) path: AttrValue,
}

#[function_component(FieldView)]
pub(crate) fn field_view(props: &FieldViewProps) -> Html {
    let state = &props.ctx.state;
    let lang = state.lang;
    let field = props.field;
    let path = props.path.to_string();
    let id: AttrValue = dom_id(&path).into();
    let label: AttrValue = field.label.get(lang).into();
    let mut hint: Option<AttrValue> = field.hint.map(|h| h.get(lang).into());
    let messages = Message::from_issues(&state.issues_at(&path));
    let value = state.text(&path);

    let on_input = {
        let edit = props.ctx.edit.clone();
        let path = path.clone();
        Callback::from(move |text: String| edit.emit((path.clone(), text)))
    };
    let on_change = {
        let dispatch = props.ctx.dispatch.clone();
        let path = path.clone();
        Callback::from(move |text: String| {
            dispatch.emit(Action::Edit {
                path: path.clone(),
                text,
            })
        })
    };
    let on_blur = {
        let dispatch = props.ctx.dispatch.clone();
        let path = path.clone();
        Callback::from(move |()| dispatch.emit(Action::Blur(path.clone())))
    };

    match field.input {
        Input::Text
        | Input::TextArea
        | Input::Date
        | Input::Division
        | Input::Yuan
        | Input::Integer => {
            let (input_type, inputmode) = match field.input {
                Input::Date => ("date", None),
                Input::Yuan => ("text", Some("decimal")),
                Input::Integer | Input::Division => ("text", Some("numeric")),
                _ => ("text", None),
            };
            let list =
                (field.input == Input::Division).then_some(AttrValue::Static(DIVISIONS_LIST));
            if field.input == Input::Division {
                if let Some(name) = division_name(value.trim()) {
                    hint = Some(format!("{}：{name}", value.trim()).into());
                }
            }
            let helper = if path == "/conduct/description" {
                html! { <ConductHelper ctx={props.ctx.clone()} /> }
            } else {
                html! {}
            };
            html! {
                <>
                    <TextField id={id} label={label} hint={hint} required={field.required}
                        multiline={field.input == Input::TextArea}
                        input_type={AttrValue::Static(input_type)}
                        inputmode={inputmode.map(AttrValue::Static)}
                        autocomplete={AttrValue::Static(field.autocomplete)}
                        list={list} value={AttrValue::from(value)} messages={messages}
                        on_input={on_input} on_blur={on_blur} />
                    { helper }
                </>
            }
        }
        Input::Select(choices) => {
            let choices: Vec<(AttrValue, AttrValue)> = choices
                .iter()
                .map(|(v, text)| (AttrValue::Static(v), AttrValue::Static(text.get(lang))))
                .collect();
            html! {
                <SelectField id={id} label={label} hint={hint} required={field.required}
                    placeholder={AttrValue::Static(i18n::CHOOSE.get(lang))} choices={choices}
                    value={AttrValue::from(value)} messages={messages} on_change={on_change} on_blur={on_blur} />
            }
        }
        Input::Conduct => {
            let choices: Vec<(AttrValue, AttrValue)> = catalogue(lang)
                .into_iter()
                .map(|entry| {
                    let label = match lang {
                        Lang::Zh => format!("{}（{}）", entry.title, entry.clause),
                        Lang::En => format!("{} ({})", entry.title, entry.clause),
                    };
                    (
                        AttrValue::from(conduct_name(entry.id)),
                        AttrValue::from(label),
                    )
                })
                .collect();
            html! {
                <SelectField id={id} label={label} hint={hint} required={field.required}
                    placeholder={AttrValue::Static(i18n::CHOOSE.get(lang))} choices={choices}
                    value={AttrValue::from(value)} messages={messages} on_change={on_change} on_blur={on_blur} />
            }
        }
        Input::YesNo => {
            let value = match state.flag(&path) {
                Some(true) => "true",
                Some(false) => "false",
                None => "",
            };
            let dispatch = props.ctx.dispatch.clone();
            let set_path = path.clone();
            let on_change = Callback::from(move |text: String| {
                let value = match text.as_str() {
                    "true" => Some(true),
                    "false" => Some(false),
                    _ => None,
                };
                dispatch.emit(Action::SetBool {
                    path: set_path.clone(),
                    value,
                });
            });
            let choices = vec![
                (
                    AttrValue::Static("true"),
                    AttrValue::Static(i18n::YES.get(lang)),
                ),
                (
                    AttrValue::Static("false"),
                    AttrValue::Static(i18n::NO.get(lang)),
                ),
            ];
            html! {
                <SelectField id={id} label={label} hint={hint} required={field.required}
                    placeholder={AttrValue::Static(i18n::CHOOSE.get(lang))} choices={choices}
                    value={AttrValue::Static(value)} messages={messages} on_change={on_change} on_blur={on_blur} />
            }
        }
        Input::Check => {
            let dispatch = props.ctx.dispatch.clone();
            let set_path = path.clone();
            let on_change = Callback::from(move |checked: bool| {
                dispatch.emit(Action::SetBool {
                    path: set_path.clone(),
                    value: Some(checked),
                })
            });
            html! {
                <CheckField id={id} label={label} hint={hint} checked={state.flag(&path).unwrap_or(false)}
                    messages={messages} on_change={on_change} />
            }
        }
    }
}

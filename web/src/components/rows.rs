//! A list of repeatable rows (attachments, commitments, obligations) with add and remove.

use yew::prelude::*;

use super::field::{FieldView, FormCtx};
use super::file_picker::FilePicker;
use super::messages_view;
use super::Message;
use crate::i18n::{self, Text};
use crate::schema::{dom_id, Field};
use crate::state::Action;

#[derive(Properties, PartialEq, Clone)]
pub(crate) struct RowsProps {
    pub(crate) ctx: FormCtx,
    /// Pointer of the array.
    pub(crate) path: AttrValue,
    /// Title of one row.
    pub(crate) item: Text,
    pub(crate) fields: &'static [Field],
}

#[function_component(Rows)]
pub(crate) fn rows(props: &RowsProps) -> Html {
    let state = &props.ctx.state;
    let lang = state.lang;
    let path = props.path.to_string();
    let count = state.rows(&path);
    let add = {
        let dispatch = props.ctx.dispatch.clone();
        let path = path.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::AddRow(path.clone())))
    };
    let list_id = dom_id(&path);
    html! {
        <div class="qq-rows">
            { messages_view(&list_id, &Message::from_issues(&state.issues_at(&path))) }
            if count == 0 { <p class="qq-hint">{ i18n::NO_ROWS.get(lang) }</p> }
            // One keyed list, collected into a single node (see the sections in app.rs):
            // spread among the hint and the add button, the rows were diffed as an unkeyed
            // list from its end, and adding a row threw the rows already there away (with
            // the focus of a field in them) and built them anew.
            { (0..count).map(|row| {
                let base = format!("{path}/{row}");
                let remove = {
                    let dispatch = props.ctx.dispatch.clone();
                    let path = path.clone();
                    Callback::from(move |_: MouseEvent| dispatch.emit(Action::RemoveRow(path.clone(), row)))
                };
                let title = format!("{} {}", props.item.get(lang), row + 1);
                let row_id = dom_id(&base);
                html! {
                    <fieldset class="qq-row" id={row_id.clone()} key={base.clone()}>
                        <legend>{ title.clone() }</legend>
                        if path == "/attachments" {
                            <FilePicker lang={lang} row={AttrValue::from(base.clone())} dispatch={props.ctx.dispatch.clone()} />
                        }
                        { messages_view(&row_id, &Message::from_issues(&state.issues_at(&base))) }
                        { for props.fields.iter().map(|field| html! {
                            <FieldView ctx={props.ctx.clone()} field={*field} path={AttrValue::from(format!("{base}{}", field.path))} />
                        }) }
                        <button type="button" class="qq-secondary" onclick={remove}
                            aria-label={format!("{} {title}", i18n::REMOVE_ROW.get(lang))}>
                            { i18n::REMOVE_ROW.get(lang) }
                        </button>
                    </fieldset>
                }
            }).collect::<Html>() }
            <button type="button" class="qq-secondary qq-add" id={format!("{list_id}-add")} onclick={add}>
                { format!("+ {}{}", i18n::ADD_ROW.get(lang), props.item.get(lang)) }
            </button>
        </div>
    }
}

//! Suggests catalogue categories while the description is typed (the core's
//! `detect_conduct`); a click picks one.

use qinqing_core::catalogue;
use yew::prelude::*;

use super::field::{conduct_name, FormCtx};
use crate::i18n;
use crate::state::Action;

#[derive(Properties, PartialEq, Clone)]
pub(crate) struct ConductHelperProps {
    pub(crate) ctx: FormCtx,
}

#[function_component(ConductHelper)]
pub(crate) fn conduct_helper(props: &ConductHelperProps) -> Html {
    let state = &props.ctx.state;
    if state.suggestions.is_empty() {
        return html! {};
    }
    let lang = state.lang;
    let entries = catalogue(lang);
    let chosen = state.text("/conduct/category");
    html! {
        <div class="qq-helper" role="group" aria-label={i18n::CONDUCT_HELPER.get(lang)}>
            <p>{ i18n::CONDUCT_HELPER.get(lang) }</p>
            <div class="qq-chips">
            { for state.suggestions.iter().filter_map(|id| {
                let entry = entries.iter().find(|e| e.id == *id)?;
                let name = conduct_name(*id);
                let pressed = name == chosen;
                let dispatch = props.ctx.dispatch.clone();
                let value = name.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    dispatch.emit(Action::Edit { path: "/conduct/category".into(), text: value.clone() });
                });
                Some(html! {
                    <button type="button" class="qq-chip" data-conduct={name}
                        aria-pressed={if pressed { "true" } else { "false" }} {onclick}>
                        { format!("{} {}", entry.clause, entry.title) }
                        if pressed { { format!(" ✓ {}", i18n::CONDUCT_CHOSEN.get(lang)) } }
                    </button>
                })
            }) }
            </div>
        </div>
    }
}

//! The list of problems shown after a submit attempt, each linking to its field. The links
//! move focus by script: fragment links cannot reach into a shadow root.

use yew::prelude::*;

use crate::i18n;
use qinqing_core::Lang;

#[derive(Properties, PartialEq, Clone)]
pub(crate) struct ErrorSummaryProps {
    pub(crate) lang: Lang,
    /// `(target element id, message)`.
    pub(crate) items: Vec<(String, String)>,
    /// Focus the element with this id.
    pub(crate) on_jump: Callback<String>,
}

#[function_component(ErrorSummary)]
pub(crate) fn error_summary(props: &ErrorSummaryProps) -> Html {
    if props.items.is_empty() {
        return html! {};
    }
    html! {
        <div class="qq-summary" id="qq-summary" role="alert" tabindex="-1">
            <h3>{ i18n::SUMMARY_TITLE.get(props.lang) }</h3>
            <ul>
            { for props.items.iter().map(|(target, message)| {
                let on_jump = props.on_jump.clone();
                let to = target.clone();
                let onclick = Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    on_jump.emit(to.clone());
                });
                html! { <li><a href={format!("#{target}")} {onclick}>{ message.clone() }</a></li> }
            }) }
            </ul>
        </div>
    }
}

//! The form: owns the reducer, the debounce timer and every side effect (draft saving,
//! sending, the outbox, online/offline events, focus).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::{Interval, Timeout};
use qinqing_core::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::deadline_preview::DeadlinePreview;
use super::error_summary::ErrorSummary;
use super::field::{divisions_datalist, FieldView, FormCtx};
use super::rows::Rows;
use super::status_bar::StatusBar;
use super::{messages_view, Message};
use crate::clock;
use crate::i18n;
use crate::offline::{self, Outcome, Outgoing};
use crate::schema::{dom_id, known_pointers, Body, FormKind};
use crate::state::{Action, FormState, Status};

/// How long typing must pause before the form is re-validated.
const DEBOUNCE_MS: u32 = 250;
/// How often a queued submission is retried while the browser says it is online.
const RETRY_MS: u32 = 10_000;

#[derive(Properties, PartialEq, Clone)]
pub(crate) struct FormProps {
    pub(crate) kind: FormKind,
    /// Where submissions are POSTed.
    pub(crate) endpoint: AttrValue,
    pub(crate) lang: Lang,
}

/// Idempotency key → the submission attempt it belongs to (for dropping stale outcomes).
/// A short list rather than a `BTreeMap`: it holds the few queued submissions, and one more
/// map type is ≈ 8 KB of B-tree code in the bundle.
type Attempts = Rc<RefCell<Vec<(String, u64)>>>;

/// Takes the attempt recorded for `key`.
fn take_attempt(attempts: &Attempts, key: &str) -> Option<u64> {
    let mut list = attempts.borrow_mut();
    let at = list.iter().position(|(k, _)| k == key)?;
    Some(list.swap_remove(at).1)
}

/// Records (or replaces) the attempt of `key`.
fn put_attempt(attempts: &Attempts, key: &str, attempt: u64) {
    take_attempt(attempts, key);
    attempts.borrow_mut().push((key.to_owned(), attempt));
}

fn outcome_action(outcome: Outcome, attempt: Option<u64>) -> Action {
    match outcome {
        Outcome::Accepted { case_id, due } => Action::Accepted {
            attempt,
            case_id,
            due,
        },
        Outcome::Rejected(answer) => Action::Rejected { attempt, answer },
        Outcome::Offline => Action::Queued { attempt },
        Outcome::Retry(reason) | Outcome::Refused(reason) => Action::SendFailed { attempt, reason },
    }
}

/// Sends everything queued for `endpoint`, oldest first, stopping when offline.
fn flush(endpoint: String, dispatcher: UseReducerDispatcher<FormState>, attempts: Attempts) {
    let items = offline::pending(&endpoint);
    if items.is_empty() {
        return;
    }
    yew::platform::spawn_local(async move {
        for item in items {
            let Some(outcome) = offline::send(&item).await else {
                continue;
            };
            let attempt = take_attempt(&attempts, &item.key);
            let stop = outcome == Outcome::Offline;
            if stop {
                if let Some(a) = attempt {
                    put_attempt(&attempts, &item.key, a);
                }
            }
            dispatcher.dispatch(outcome_action(outcome, attempt));
            if stop {
                break;
            }
        }
    });
}

fn focus_by_id(form: &NodeRef, id: &str) {
    let Some(form) = form.cast::<web_sys::Element>() else {
        return;
    };
    let Ok(Some(target)) = form.query_selector(&format!("#{id}")) else {
        return;
    };
    if let Ok(element) = target.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
        element.scroll_into_view_with_bool(false);
    }
}

#[function_component(FormApp)]
pub(crate) fn form_app(props: &FormProps) -> Html {
    let kind = props.kind;
    let endpoint = props.endpoint.to_string();
    let draft_key = offline::draft_key(kind, &endpoint);
    let state = use_reducer({
        let key = draft_key.clone();
        let lang = props.lang;
        move || FormState::new(kind, lang, clock::china_today(), offline::load_draft(&key))
    });
    let online = use_state(offline::is_online);
    let timer = use_mut_ref(|| None::<Timeout>);
    let attempts: Attempts = use_mut_ref(Vec::new);
    let form_ref = use_node_ref();
    let lang = state.lang;
    // The first render shows the header and the first section, enough to start typing; the
    // other sections and the 125-option division list follow in the next task, so the first
    // field appears without waiting for the whole form to be built and laid out.
    let settled = use_state(|| false);
    {
        let settled = settled.clone();
        use_effect_with((), move |()| {
            let timer = Timeout::new(0, move || settled.set(true));
            move || drop(timer)
        });
    }
    let shown_sections = if *settled { usize::MAX } else { 1 };

    // The `lang` attribute of the host element changed.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(props.lang, move |lang| {
            dispatcher.dispatch(Action::SetLang(*lang))
        });
    }

    // Save the draft on every change; forget it once the server has the case.
    {
        let key = draft_key.clone();
        let dispatcher = state.dispatcher();
        let draft = state.draft();
        use_effect_with(state.revision, move |revision| {
            if *revision > 0 && !offline::save_draft(&key, &draft) {
                dispatcher.dispatch(Action::DraftFailed);
            }
        });
    }
    {
        let key = draft_key.clone();
        let sent = matches!(state.status, Status::Sent { .. });
        use_effect_with(sent, move |sent| {
            if *sent {
                offline::clear_draft(&key);
            }
        });
    }

    // A submission the reducer accepted: put it in the outbox first, then send it.
    {
        let dispatcher = state.dispatcher();
        let endpoint = endpoint.clone();
        let attempts = attempts.clone();
        let sending = (state.status == Status::Sending)
            .then(|| serde_json::to_string(&state.doc).unwrap_or_default());
        use_effect_with(state.attempt, move |attempt| {
            if let Some(body) = sending {
                let item = Outgoing {
                    key: offline::new_key(),
                    endpoint: endpoint.clone(),
                    body,
                };
                put_attempt(&attempts, &item.key, *attempt);
                let stored = offline::enqueue(&item);
                if !offline::is_online() {
                    dispatcher.dispatch(Action::Queued {
                        attempt: Some(*attempt),
                    });
                } else if stored {
                    flush(endpoint, dispatcher, attempts);
                } else {
                    // Storage refused (full): send it directly, without the safety net.
                    let attempt = Some(*attempt);
                    yew::platform::spawn_local(async move {
                        if let Some(outcome) = offline::send(&item).await {
                            dispatcher.dispatch(outcome_action(outcome, attempt));
                        }
                    });
                }
            }
        });
    }

    // Replay the outbox at start, when the connection returns, and now and then.
    {
        let dispatcher = state.dispatcher();
        let endpoint = endpoint.clone();
        let attempts = attempts.clone();
        let online = online.clone();
        use_effect_with((), move |()| {
            if offline::is_online() {
                flush(endpoint.clone(), dispatcher.clone(), attempts.clone());
            } else if !offline::pending(&endpoint).is_empty() {
                dispatcher.dispatch(Action::Queued { attempt: None });
            }
            let on_online = {
                let (endpoint, dispatcher, attempts, online) = (
                    endpoint.clone(),
                    dispatcher.clone(),
                    attempts.clone(),
                    online.clone(),
                );
                offline::on_online(move |_| {
                    online.set(true);
                    flush(endpoint.clone(), dispatcher.clone(), attempts.clone());
                })
            };
            let on_offline = web_sys::window().map(|w| {
                let online = online.clone();
                gloo::events::EventListener::new(
                    w.unchecked_ref::<web_sys::EventTarget>(),
                    "offline",
                    move |_| online.set(false),
                )
            });
            let retry = Interval::new(RETRY_MS, move || {
                if offline::is_online() {
                    flush(endpoint.clone(), dispatcher.clone(), attempts.clone());
                }
            });
            move || {
                drop(on_online);
                drop(on_offline);
                drop(retry);
            }
        });
    }

    // Focus the first field with an error after a failed submit.
    {
        let form_ref = form_ref.clone();
        use_effect_with(state.focus_token, move |token| {
            if *token > 0 {
                let first = form_ref.cast::<web_sys::Element>().and_then(|form| {
                    form.query_selector("[aria-invalid=\"true\"]")
                        .ok()
                        .flatten()
                });
                match first.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
                    Some(element) => {
                        let _ = element.focus();
                    }
                    None => focus_by_id(&form_ref, "qq-summary"),
                }
            }
        });
    }

    let dispatch = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let edit = {
        let dispatcher = state.dispatcher();
        let timer = timer.clone();
        Callback::from(move |(path, text): (String, String)| {
            dispatcher.dispatch(Action::Edit {
                path: path.clone(),
                text,
            });
            let later = dispatcher.clone();
            // Replacing the timer drops (cancels) the previous one: only the last pause counts.
            *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                later.dispatch(Action::Validate(path))
            }));
        })
    };
    let ctx = FormCtx {
        state: state.clone(),
        edit,
        dispatch: dispatch.clone(),
    };

    let onsubmit = {
        let dispatch = dispatch.clone();
        let timer = timer.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            timer.borrow_mut().take();
            dispatch.emit(Action::Submit);
        })
    };
    let switch_lang = {
        let dispatch = dispatch.clone();
        let other = match lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetLang(other)))
    };
    let reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Reset))
    };
    let on_jump = {
        let form_ref = form_ref.clone();
        Callback::from(move |id: String| focus_by_id(&form_ref, &id))
    };

    // Summary items: each error, linked to the closest element that exists for its path.
    let summary: Vec<(String, String)> = if state.submitted {
        let known = known_pointers(kind, &state.doc);
        state
            .errors()
            .map(|issue| {
                let mut target = issue.path.as_str();
                while !target.is_empty() && !known.iter().any(|k| k == target) {
                    target = target
                        .rfind('/')
                        .and_then(|at| target.get(..at))
                        .unwrap_or("");
                }
                let id = if target.is_empty() {
                    String::from("qq-form-title")
                } else {
                    dom_id(target)
                };
                (id, issue.message.clone())
            })
            .collect()
    } else {
        Vec::new()
    };

    let (title, intro, submit) = match kind {
        FormKind::Complaint => (
            i18n::COMPLAINT_TITLE,
            i18n::COMPLAINT_INTRO,
            i18n::SUBMIT_COMPLAINT,
        ),
        FormKind::Contract => (
            i18n::CONTRACT_TITLE,
            i18n::CONTRACT_INTRO,
            i18n::SUBMIT_CONTRACT,
        ),
    };
    let busy = matches!(state.status, Status::Sending | Status::Queued);
    let sent = matches!(state.status, Status::Sent { .. });
    let whole_doc_messages = Message::from_issues(&state.issues_at(""));

    html! {
        <div class="qq-app" lang={i18n::tag(lang)} data-kind={kind.name()}>
            <header class="qq-head">
                <h2 id="qq-form-title" tabindex="-1">{ title.get(lang) }</h2>
                <button type="button" class="qq-lang" onclick={switch_lang}
                    lang={i18n::tag(if lang == Lang::Zh { Lang::En } else { Lang::Zh })}>
                    { i18n::SWITCH_LANG.get(lang) }
                </button>
            </header>
            <p class="qq-intro">{ intro.get(lang) }</p>
            <StatusBar lang={lang} status={state.status.clone()} online={*online} />
            <ErrorSummary lang={lang} items={summary} on_jump={on_jump} />
            { messages_view("qq-doc", &whole_doc_messages) }
            <form ref={form_ref} novalidate=true {onsubmit} aria-labelledby="qq-form-title">
                if *settled { { divisions_datalist() } }
                // One keyed list (collected into a single node, not spread with `for`): when
                // the other sections arrive, the first keeps its element, so a field the user
                // is already typing in keeps its focus. Spread among the form's other children,
                // the sections were diffed as an unkeyed list, which yew pairs from its end:
                // unkeyed, the first section's fieldset was patched into the last one (its
                // input shown there under the first field's id for a moment); keyed but
                // spread, it was thrown away and built anew.
                { kind.sections().iter().take(shown_sections).enumerate().map(|(at, section)| {
                    let section_id = if section.path.is_empty() { None } else { Some(dom_id(section.path)) };
                    let section_messages = if section.path.is_empty() {
                        Vec::new()
                    } else {
                        Message::from_issues(&state.issues_at(section.path))
                    };
                    let body = match section.body {
                        Body::Fields(fields) => html! {
                            { for fields.iter().map(|field| html! {
                                <FieldView ctx={ctx.clone()} field={*field} path={AttrValue::Static(field.path)} />
                            }) }
                        },
                        Body::Rows { item, fields } => html! {
                            <Rows ctx={ctx.clone()} path={AttrValue::Static(section.path)} item={item} fields={fields} />
                        },
                    };
                    html! {
                        <fieldset key={at} class="qq-section" id={section_id.clone()}>
                            <legend>{ section.title.get(lang) }</legend>
                            if let Some(id) = &section_id { { messages_view(&format!("{id}-section"), &section_messages) } }
                            { body }
                        </fieldset>
                    }
                }).collect::<Html>() }
                if kind == FormKind::Complaint && state.is_valid() {
                    <DeadlinePreview lang={lang} today={state.today} />
                }
                <div class="qq-actions">
                    if sent {
                        <button type="button" class="qq-primary" onclick={reset}>{ i18n::NEW_FORM.get(lang) }</button>
                    } else {
                        <button type="submit" class="qq-primary" disabled={busy}>{ submit.get(lang) }</button>
                    }
                </div>
            </form>
        </div>
    }
}

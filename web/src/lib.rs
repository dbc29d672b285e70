//! # qinqing-web
//!
//! The complaint (§八) and commitment-contract (§九) forms as a yew app. The core runs
//! in-process (no JS boundary): every keystroke is validated by the same rules the server
//! applies. The app mounts into any element, normally inside a shadow root created by the
//! custom-elements shim `static/qinqing-forms.js`.
//!
//! Exported to JavaScript: [`mount_form`] (used by the shim's `mount()` and the custom
//! elements), [`validate_json`] (parity with the fixture corpus) and [`time_validation`]
//! (the keystroke re-validation benchmark).
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::todo,
    clippy::unimplemented
)]

mod clock;
mod components;
mod i18n;
mod offline;
mod schema;
mod state;

use chrono::NaiveDate;
use qinqing_core::Lang;
use wasm_bindgen::prelude::*;

use crate::components::{FormApp, FormProps};
use crate::schema::FormKind;

fn lang_of(tag: &str) -> Lang {
    Lang::from_tag(tag).unwrap_or_default()
}

/// A form mounted by [`mount_form`].
#[wasm_bindgen]
pub struct MountedForm {
    handle: Option<yew::AppHandle<FormApp>>,
    props: FormProps,
}

#[wasm_bindgen]
impl MountedForm {
    /// Changes the language (the host element's `lang` attribute changed).
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&mut self, lang: &str) {
        self.props.lang = lang_of(lang);
        if let Some(handle) = self.handle.as_mut() {
            handle.update(self.props.clone());
        }
    }

    /// Unmounts the form (the draft stays saved).
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }
}

/// Mounts a form into `root`. `kind` is `complaint` or `contract`; `endpoint` is where it is
/// POSTed; `lang` a tag such as `zh-CN` (the default) or `en`.
#[wasm_bindgen(js_name = mountForm)]
pub fn mount_form(
    root: web_sys::Element,
    kind: &str,
    endpoint: &str,
    lang: &str,
) -> Result<MountedForm, JsValue> {
    let kind = FormKind::from_name(kind)
        .ok_or_else(|| JsValue::from_str("kind must be \"complaint\" or \"contract\""))?;
    let props = FormProps {
        kind,
        endpoint: endpoint.to_owned().into(),
        lang: lang_of(lang),
    };
    let handle = yew::Renderer::<FormApp>::with_root_and_props(root, props.clone()).render();
    Ok(MountedForm {
        handle: Some(handle),
        props,
    })
}

/// Validates a document given as JSON text with the core, exactly as the forms do, and
/// returns the answer as JSON. `today` is `YYYY-MM-DD` or empty.
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(kind: &str, text: &str, today: Option<String>, lang: &str) -> String {
    let options = qinqing_core::Options {
        lang: lang_of(lang),
        today: today.as_deref().and_then(qinqing_core::ffi::read_date),
    };
    let answer = match FormKind::from_name(kind) {
        Some(FormKind::Contract) => qinqing_core::validate_contract_json(text, &options),
        _ => qinqing_core::validate_complaint_json(text, &options),
    };
    answer.to_json()
}

/// Milliseconds per whole-form re-validation (what a keystroke costs after the debounce:
/// every rule over the whole document, plus the conduct suggestions), averaged over
/// `iterations` runs on the document `text`.
#[wasm_bindgen(js_name = timeValidation)]
pub fn time_validation(kind: &str, text: &str, iterations: u32) -> f64 {
    let kind = FormKind::from_name(kind).unwrap_or(FormKind::Complaint);
    let doc: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27);
    let iterations = iterations.max(1);
    let start = performance_now();
    let mut issues = 0usize;
    for _ in 0..iterations {
        let answer = state::validate_document(kind, &doc, Lang::Zh, today);
        issues += answer.issues.len();
        if let Some(description) = doc.pointer("/conduct/description").and_then(|v| v.as_str()) {
            issues += state::suggest(description).len();
        }
    }
    let elapsed = performance_now() - start;
    // Keep the work observable so it is not optimised away.
    if issues == usize::MAX {
        return -1.0;
    }
    elapsed / f64::from(iterations)
}

fn performance_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(clock::now_ms, |p| p.now())
}

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
        _ => match readable_json(text) {
            // The path the forms run: a `serde_json::Value` through the core's decoder.
            // `validate_complaint_json` gives the same answer (the core guarantees it) but
            // also links its fast text reader, which the forms never use (≈ 4 KB gzip).
            Some(doc) => qinqing_core::validate_complaint_value(&doc, &options),
            // Unreadable text gets the core's single `json.*` issue, which does not depend on
            // the kind of document; `validate_contract_json` has no fast reader to link.
            None => qinqing_core::validate_contract_json(text, &options),
        },
    };
    answer.to_json()
}

/// The document in `text` when the core's JSON reader would accept it: at most 1 MiB after
/// a byte order mark, at most 64 levels deep, well-formed (`qinqing_core`'s `json::parse`;
/// the bad-input corpus in web/tests checks the limits through `validateJson`).
fn readable_json(text: &str) -> Option<serde_json::Value> {
    const MAX_BYTES: usize = 1024 * 1024;
    const MAX_DEPTH: usize = 64;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_BYTES {
        return None;
    }
    let doc: serde_json::Value = serde_json::from_str(text).ok()?;
    (depth(&doc) <= MAX_DEPTH).then_some(doc)
}

/// How many arrays and objects are nested in `value` (the brackets the core counts).
fn depth(value: &serde_json::Value) -> usize {
    match value {
        serde_json::Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        serde_json::Value::Object(fields) => 1 + fields.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `validateJson` reads complaints through the forms' `Value` path; the core's text entry
    /// (with its fast reader) must give the same answer for every text.
    fn same_as_core(text: &str) {
        let options = qinqing_core::Options {
            lang: Lang::Zh,
            today: NaiveDate::from_ymd_opt(2026, 11, 27),
        };
        let expected = qinqing_core::validate_complaint_json(text, &options).to_json();
        let got = validate_json("complaint", text, Some("2026-11-27".into()), "zh");
        assert_eq!(got, expected, "for {:?}", text.get(..80).unwrap_or(text));
    }

    #[test]
    fn complaints_answer_as_the_core_text_entry_does() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/complaints");
        let mut count = 0;
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "json") {
                same_as_core(&std::fs::read_to_string(&path).unwrap());
                count += 1;
            }
        }
        assert!(count > 40, "the complaint fixtures are there ({count})");
    }

    #[test]
    fn limits_and_byte_order_mark_match_the_core() {
        let valid = include_str!("../../tests/fixtures/complaints/valid-enterprise.json");
        same_as_core(&format!("\u{feff}{valid}"));
        same_as_core("\u{feff}");
        same_as_core("");
        same_as_core("{\"complainant\": ");
        for levels in [63, 64, 65, 100, 129, 200] {
            let deep = format!(
                "{{\"conduct\": {}{}}}",
                "[".repeat(levels - 1),
                "]".repeat(levels - 1)
            );
            same_as_core(&deep);
        }
        let large = format!("{{\"x\": \"{}\"}}", "a".repeat(1024 * 1024));
        same_as_core(&large);
        let just_fits = format!("{{\"x\": \"{}\"}}", "a".repeat(1024 * 1024 - 9));
        assert_eq!(just_fits.len(), 1024 * 1024);
        same_as_core(&just_fits);
    }
}

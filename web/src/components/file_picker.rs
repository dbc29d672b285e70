//! Fills an attachment row from a chosen file: name, type and size at once, the SHA-256
//! when the browser has hashed it. Only this metadata is kept; the file itself never enters
//! the draft (local storage holds about 5 MB) and travels separately.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n;
use crate::state::Action;
use qinqing_core::Lang;

#[derive(Properties, PartialEq, Clone)]
pub(crate) struct FilePickerProps {
    pub(crate) lang: Lang,
    /// Pointer of the attachment row, such as `/attachments/0`.
    pub(crate) row: AttrValue,
    pub(crate) dispatch: Callback<Action>,
}

/// Lower-case hex of the SHA-256 of `file`, from `crypto.subtle`; `None` when unavailable.
async fn sha256_hex(file: web_sys::File) -> Option<String> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    let digest = subtle
        .digest_with_str_and_buffer_source("SHA-256", &buffer.unchecked_into())
        .ok()?;
    let digest = JsFuture::from(digest).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&digest).to_vec();
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[function_component(FilePicker)]
pub(crate) fn file_picker(props: &FilePickerProps) -> Html {
    let id = format!("{}-file", crate::schema::dom_id(&props.row));
    let onchange = {
        let dispatch = props.dispatch.clone();
        let row = props.row.to_string();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let edit = |field: &str, text: String| {
                dispatch.emit(Action::Edit {
                    path: format!("{row}/{field}"),
                    text,
                });
            };
            edit("name", file.name());
            edit("mediaType", file.type_());
            edit(
                "sizeBytes",
                format!("{}", file.size().max(0.0).round() as u64),
            );
            edit("sha256", String::new());
            let dispatch = dispatch.clone();
            let row = row.clone();
            yew::platform::spawn_local(async move {
                if let Some(hex) = sha256_hex(file).await {
                    dispatch.emit(Action::Edit {
                        path: format!("{row}/sha256"),
                        text: hex,
                    });
                }
                dispatch.emit(Action::Validate(format!("{row}/sizeBytes")));
            });
        })
    };
    html! {
        <div class="qq-field qq-file">
            <label for={id.clone()}>{ i18n::PICK_FILE.get(props.lang) }</label>
            <input type="file" id={id} accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.ofd" {onchange} />
        </div>
    }
}

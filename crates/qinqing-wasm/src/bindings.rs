//! The exported functions, camelCase in JavaScript. Each: read → call the core → answer.

use qinqing_core::{
    catalogue, check_division, check_phone, check_ric, check_uscc, detect_conduct, ffi,
    validate_complaint_json, validate_complaint_value, validate_contract_json,
    validate_contract_value, Answer, Complaint, Contract, Lang, Level, Options,
};
use tsify::Ts;
use wasm_bindgen::prelude::*;

use crate::answers::{CatalogueAnswer, ConductAnswer};
use crate::read;

fn answer(result: Result<Answer, Answer>) -> Ts<Answer> {
    let answer = result.unwrap_or_else(|rejected| rejected);
    Ts::new_unchecked(read::answer_to_js(&answer))
}

fn options(options: Option<Ts<Options>>) -> Result<Options, Answer> {
    let value = options.map(|options| options.js_value());
    match read::quick_options(value.as_ref()) {
        Some(options) => Ok(options),
        None => read::options(value.as_ref()),
    }
}

/// Validates a complaint given as a plain object.
#[wasm_bindgen(js_name = validateComplaint)]
pub fn validate_complaint(doc: Ts<Complaint>, options: Option<Ts<Options>>) -> Ts<Answer> {
    answer(self::options(options).and_then(|options| {
        let doc = doc.js_value();
        // Typed straight from the tape when it can be; otherwise its `Value`, as
        // `validate_complaint_json` does with text.
        let walked = read::with_tape(&doc, |tape, text| {
            ffi::validate_complaint_tape(tape, text, &options).or_else(|| {
                ffi::value_from_tape(tape, text)
                    .map(|value| validate_complaint_value(&value, &options))
            })
        });
        if let Some(answer) = walked {
            return Ok(answer);
        }
        let text = read::json_text(&doc, options.lang)?;
        Ok(validate_complaint_json(&text, &options))
    }))
}

/// Validates a contract given as a plain object.
#[wasm_bindgen(js_name = validateContract)]
pub fn validate_contract(doc: Ts<Contract>, options: Option<Ts<Options>>) -> Ts<Answer> {
    answer(self::options(options).and_then(|options| {
        let doc = doc.js_value();
        let walked = read::with_tape(&doc, |tape, text| {
            ffi::value_from_tape(tape, text).map(|value| validate_contract_value(&value, &options))
        });
        if let Some(answer) = walked {
            return Ok(answer);
        }
        let text = read::json_text(&doc, options.lang)?;
        Ok(validate_contract_json(&text, &options))
    }))
}

/// Validates a complaint given as JSON text (malformed text is an issue, not an exception).
#[wasm_bindgen(js_name = validateComplaintJson)]
pub fn validate_complaint_text(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<Options>>,
) -> Ts<Answer> {
    answer(self::options(options).and_then(|options| {
        let text = read::text(&text, "", options.lang)?;
        Ok(validate_complaint_json(&text, &options))
    }))
}

/// Validates a contract given as JSON text.
#[wasm_bindgen(js_name = validateContractJson)]
pub fn validate_contract_text(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<Options>>,
) -> Ts<Answer> {
    answer(self::options(options).and_then(|options| {
        let text = read::text(&text, "", options.lang)?;
        Ok(validate_contract_json(&text, &options))
    }))
}

/// Checks a unified social credit code (GB 32100-2015).
#[wasm_bindgen(js_name = checkUscc)]
pub fn check_uscc_js(
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    options: Option<Ts<Options>>,
) -> Ts<Answer> {
    answer(
        self::options(options)
            .and_then(|options| Ok(check_uscc(&read::text(&value, "", options.lang)?, &options))),
    )
}

/// Checks a resident identity card number (GB 11643-1999).
#[wasm_bindgen(js_name = checkRic)]
pub fn check_ric_js(
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    options: Option<Ts<Options>>,
) -> Ts<Answer> {
    answer(
        self::options(options)
            .and_then(|options| Ok(check_ric(&read::text(&value, "", options.lang)?, &options))),
    )
}

/// Checks a phone number: mobile, landline with area code, or a short service code.
#[wasm_bindgen(js_name = checkPhone)]
pub fn check_phone_js(
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    options: Option<Ts<Options>>,
) -> Ts<Answer> {
    answer(self::options(options).and_then(|options| {
        Ok(check_phone(
            &read::text(&value, "", options.lang)?,
            &options,
        ))
    }))
}

/// Checks a Guangxi division code (GB/T 2260), and that it fits `level` when one is given.
#[wasm_bindgen(js_name = checkDivision)]
pub fn check_division_js(
    #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
    level: Option<Ts<Level>>,
    options: Option<Ts<Options>>,
) -> Ts<Answer> {
    answer(self::options(options).and_then(|options| {
        let code = read::text(&code, "", options.lang)?;
        let level = match level {
            None => None,
            Some(level) => Some(read::known_value(
                &level.js_value(),
                "region, city, county",
                options.lang,
            )?),
        };
        Ok(check_division(&code, level, &options))
    }))
}

/// The prohibition catalogue (§五, §六, §七, §九) in `lang` (`"zh"` when not given).
#[wasm_bindgen(js_name = catalogue)]
pub fn catalogue_js(lang: Option<Ts<Lang>>) -> Ts<CatalogueAnswer> {
    let lang = match lang {
        None => Ok(Lang::default()),
        Some(lang) => read::known_value(&lang.js_value(), "zh, en", Lang::default()),
    };
    Ts::new_unchecked(match lang {
        Ok(lang) => read::ok_to_js("entries", catalogue(lang).as_slice()),
        Err(rejected) => read::failed_to_js(&rejected.issues, "entries", "[]"),
    })
}

/// Finds prohibited conduct in free Chinese text; offsets count characters.
#[wasm_bindgen(js_name = detectConduct)]
pub fn detect_conduct_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Ts<ConductAnswer> {
    Ts::new_unchecked(match read::text(&text, "", Lang::default()) {
        Ok(text) => read::ok_to_js("matches", detect_conduct(&text).as_slice()),
        Err(rejected) => read::failed_to_js(&rejected.issues, "matches", "[]"),
    })
}

/// The package version (the workspace version of the Rust crates).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

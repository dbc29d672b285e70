//! qinqing-core for JavaScript: the same verdicts in any page or in Node.
//!
//! Every export is three steps and no logic: read the JavaScript input, call the core, hand
//! back the answer. Documents cross the boundary as JSON text (`JSON.stringify` on the way
//! in, `JSON.parse` on the way out), which measured several times faster than walking the
//! object field by field with serde-wasm-bindgen (see BENCHMARKS.md). An input that cannot
//! be read (a cyclic object, `undefined`, a number where text belongs) is an answer with an
//! issue from `qinqing_core::ffi`, never an exception: nothing here throws or panics, since
//! a panic would abort the instance and break every later call on the page.
//!
//! The TypeScript declarations come from the Rust types (tsify, the core's `ts` feature),
//! and the JSON Schemas shipped with the package from the same types (schemars, the
//! `schema` feature, written by `tests/schema.rs`).
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::todo,
    clippy::unimplemented
)]

#[cfg(target_arch = "wasm32")]
mod answers;
#[cfg(target_arch = "wasm32")]
mod bindings;
#[cfg(target_arch = "wasm32")]
mod calendar;
#[cfg(target_arch = "wasm32")]
mod read;

#[cfg(target_arch = "wasm32")]
pub use answers::{
    CatalogueAnswer, ConductAnswer, CountAnswer, DateAnswer, DayInfoAnswer, DeadlineAnswer,
    DeadlineOptions, WorkingDayAnswer,
};
#[cfg(target_arch = "wasm32")]
pub use bindings::*;
#[cfg(target_arch = "wasm32")]
pub use calendar::*;

//! qinqing-core for JavaScript: the same verdicts in any page or in Node.
//!
//! Every export is three steps and no logic: read the JavaScript input, call the core, hand
//! back the answer. A document object is walked in JavaScript onto a tape in WebAssembly
//! memory (structure codes plus the UTF-8 of all its strings, one `encodeInto`), which the
//! core reads as it reads JSON text; whatever the walker is unsure of (class instances,
//! `toJSON`, numbers that are not safe integers, deep or huge documents) crosses as
//! `JSON.stringify` text instead, so both give the same answer (tests/node compares them).
//! Answers come back as objects built in JavaScript: a clean one as a constant, issues from
//! numbers and one UTF-16 text (`crossing.rs`).
//! An input that cannot be read (a cyclic object, `undefined`, a number where text
//! belongs) is an answer with an issue from `qinqing_core::ffi`, never an exception:
//! nothing here throws or panics, since a panic would abort the instance and break every
//! later call on the page.
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

/// The heap allocator: lol_alloc's free list instead of Rust's default dlmalloc, 3.6 KB
/// smaller after gzip and no slower here (a call allocates a few dozen small blocks and
/// frees them all; adjacent free blocks merge again). talc was 0.7 KB larger and 2–5 %
/// slower; lol_alloc's safe `LockedAllocator` 0.2 KB larger and 1–4 % slower (a spin lock
/// around every allocation). Builds with threads (`atomics`) keep the default allocator.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
#[allow(unsafe_code)]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: `AssumeSingleThreaded` needs every use to come from one thread. wasm32
    // without the `atomics` feature has no threads and no shared memory: each instance (a
    // page or a worker) has its own memory and its own copy of this static, and an
    // allocation is never interrupted by another one (no signals, no re-entry).
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(target_arch = "wasm32")]
mod answers;
#[cfg(target_arch = "wasm32")]
mod bindings;
#[cfg(target_arch = "wasm32")]
mod calendar;
#[cfg(target_arch = "wasm32")]
mod read;
// Compiled natively too, for their tests (natively the core is a dev-dependency only).
#[cfg(any(target_arch = "wasm32", test))]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod crossing;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod utf16;

#[cfg(target_arch = "wasm32")]
pub use answers::{
    CatalogueAnswer, ConductAnswer, CountAnswer, DateAnswer, DayInfoAnswer, DeadlineAnswer,
    DeadlineOptions, WorkingDayAnswer,
};
#[cfg(target_arch = "wasm32")]
pub use bindings::*;
#[cfg(target_arch = "wasm32")]
pub use calendar::*;

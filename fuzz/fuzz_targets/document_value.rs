//! Fuzz target `document_value`: see `qinqing_fuzz::document_value` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qinqing_fuzz::document_value(data));

//! Fuzz target `complaint_json`: see `qinqing_fuzz::complaint_json` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qinqing_fuzz::complaint_json(data));

//! Fuzz target `case_lifecycle`: see `qinqing_fuzz::case_lifecycle` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qinqing_fuzz::case_lifecycle(data));

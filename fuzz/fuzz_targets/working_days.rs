//! Fuzz target `working_days`: see `qinqing_fuzz::working_days` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qinqing_fuzz::working_days(data));

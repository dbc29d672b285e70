//! Fuzz target `detect_conduct`: see `qinqing_fuzz::detect_conduct` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qinqing_fuzz::detect_conduct(data));

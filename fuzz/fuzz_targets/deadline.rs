//! Fuzz target `deadline`: see `qinqing_fuzz::deadline` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qinqing_fuzz::deadline(data));

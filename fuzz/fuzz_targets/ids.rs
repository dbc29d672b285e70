//! Fuzz target `ids`: see `qinqing_fuzz::ids` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qinqing_fuzz::ids(data));

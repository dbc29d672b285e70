//! Fuzz target `calendar_year`: see `qinqing_fuzz::calendar_year` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qinqing_fuzz::calendar_year(data));

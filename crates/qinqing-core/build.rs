//! Build script of qinqing-core. Each data family has its own module under `build/` and is
//! called from `main`; keep this file a list of calls.

#[path = "build/calendar.rs"]
mod calendar;

fn main() {
    calendar::generate();
}

//! China's working-day calendar (national notices + Guangxi 三月三) and §八 reply deadlines.
//! (STUB: being written.)

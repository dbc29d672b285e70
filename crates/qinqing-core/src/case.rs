//! The §八 case lifecycle as a state machine. (STUB: being written.)

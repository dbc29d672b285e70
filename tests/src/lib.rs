//! The shared fixture corpus.
